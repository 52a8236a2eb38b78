import { describe, expect, it } from 'vitest'
import { arraySource, cleanedText, keptParagraphs } from '../src/document.js'
import { segment } from '../src/segment/index.js'
import { DEFAULT_OPTIONS } from '../src/options.js'
import { createDocument } from '../src/document.js'

describe('arraySource', () => {
  const documents = ['a\n\nb\n', 'c\n'].map((text, i) => {
    const document = createDocument({ id: `d${i}`, text })
    segment(document, DEFAULT_OPTIONS.segment)
    return document
  })

  it('loads each document by position, as it is in memory', () => {
    const source = arraySource(documents)
    expect(source.size).toBe(2)
    expect(source.load(1)).toBe(documents[1])
    expect(keptParagraphs(source.load(0)).map((p) => p.text)).toEqual(['a', 'b'])
  })

  it('names the position and the range when a position is out of range', () => {
    expect(() => arraySource(documents).load(2)).toThrow('document position 2 out of 0..1')
  })
})

describe('keptParagraphs and cleanedText', () => {
  const make = (): ReturnType<typeof createDocument> => {
    const document = createDocument({ id: 'k', text: 'one\n\ntwo\n\nthree\n\nfour\n' })
    segment(document, DEFAULT_OPTIONS.segment)
    return document
  }

  it('keeps every paragraph, in a new array, when nothing is removed', () => {
    const document = make()
    const kept = keptParagraphs(document)
    expect(kept).toEqual(document.paragraphs)
    expect(kept).not.toBe(document.paragraphs)
    expect(cleanedText(document)).toBe('one\ntwo\nthree\nfour\n')
  })

  it('drops the paragraphs that boilerplate and repeat decisions name, whatever else was decided', () => {
    const document = make()
    document.decisions.push(
      { kind: 'repeat', rule: 'exact', paragraph: 2, evidence: { of: 1, similarity: 1 } },
      { kind: 'boilerplate', rule: 'advertisement', paragraph: 0, evidence: { by: 'pattern', match: 'one', zone: 'anywhere' } },
      { kind: 'boilerplate', rule: 'advertisement', paragraph: 0, evidence: { by: 'pattern', match: 'one', zone: 'anywhere' } },
    )
    expect(keptParagraphs(document).map((p) => p.text)).toEqual(['two', 'four'])
    expect(cleanedText(document)).toBe('two\nfour\n')
    for (const paragraph of [1, 3]) document.decisions.push({ kind: 'repeat', rule: 'exact', paragraph, evidence: { of: 1, similarity: 1 } })
    expect(keptParagraphs(document)).toEqual([])
    expect(cleanedText(document)).toBe('')
  })
})
