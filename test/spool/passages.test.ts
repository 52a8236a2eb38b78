/** The shared-passage search's texts record: every string back exactly, one paragraph at a time. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSpoolFolder } from '../../src/spool/index.js'
import { appendPassageTexts, encodePassageTexts, passageParagraphs, readPassageParagraphs } from '../../src/spool/passages.js'

const HARD = ['plain ASCII', '“curly” quotes — dashes', 'emoji 🎉 and CJK 漢字', 'a lone surrogate \ud800 here', '', 'x'.repeat(70000)]

describe('passage texts record', () => {
  it('gives back each paragraph’s text and key exactly, by its ordinal', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HARD)), fc.string({ unit: 'binary' })), { maxLength: 12 }), (pairs) => {
        const texts = { texts: pairs.map(([text]) => text), keys: pairs.map(([, key]) => key) }
        const paragraph = passageParagraphs(Buffer.from(encodePassageTexts(texts)))
        // In any order, as a block asks for them.
        for (let k = pairs.length - 1; k >= 0; k--) expect(paragraph(0, k)).toEqual({ text: pairs[k]![0], key: pairs[k]![1] })
      }),
    )
  })

  it('refuses an ordinal past the record’s paragraphs', () => {
    const paragraph = passageParagraphs(Buffer.from(encodePassageTexts({ texts: ['a'], keys: ['a'] })))
    expect(() => paragraph(0, 1)).toThrow(/paragraph 1 of a record of 1/)
  })

  it('round-trips through the spool, records of any size one after another', () => {
    const spool = createSpoolFolder()
    try {
      const records = [{ texts: HARD, keys: HARD.map((text) => text.toLowerCase()) }, { texts: ['short'], keys: ['short'] }, { texts: [], keys: [] }]
      const places = records.map((texts) => appendPassageTexts(spool.dir, 'passage-texts', texts))
      records.forEach((texts, r) => {
        const paragraph = readPassageParagraphs(spool.dir, places[r]!)
        texts.texts.forEach((text, k) => expect(paragraph(0, k)).toEqual({ text, key: texts.keys[k] }))
      })
    } finally {
      spool.dispose()
    }
  })
})
