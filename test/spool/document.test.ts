/** A document's spool record gives back exactly what the per-document stages made. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markBoilerplate } from '../../src/boilerplate/index.js'
import { createDocument } from '../../src/document.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import { appendDocument, decodeDocument, encodeDocument, readDocument, readDocumentText, type DocumentRecord } from '../../src/spool/document.js'
import { createSpoolFolder } from '../../src/spool/index.js'
import type { Decision, Document } from '../../src/types.js'
import { devCorpus, seedFiles } from '../helpers/index.js'

/** A document through the per-document stages, as pass 1 spools it. */
function staged(text: string): Document {
  const document = createDocument({ id: '', text })
  segment(document, DEFAULT_OPTIONS.segment)
  markBoilerplate(document, DEFAULT_OPTIONS.boilerplate)
  markRepeats(document, DEFAULT_OPTIONS.repeats)
  return document
}

function parts(document: DocumentRecord): DocumentRecord {
  const { text, lineCount, paragraphs, decisions } = document
  return { text, lineCount, paragraphs, decisions }
}

/** Encoded, copied out of the reused buffer, decoded. */
function roundTrip(document: DocumentRecord, keys = true): DocumentRecord {
  return decodeDocument(Buffer.from(encodeDocument(document)), { keys })
}

const WRAPPED = [
  'A headline about the budget',
  '',
  'The council said on Monday that the',
  'budget would be cut by a tenth over',
  'the next three years, starting in May.',
  '',
  'Share this article',
  'The council said on Monday that the',
].join('\n')

describe('document records', () => {
  it('give back text, lines, paragraphs (keys too) and decisions exactly', () => {
    const texts = [
      '“Curly quotes”, an em dash — and 😀 in a headline\n\nnaïve café, 東京 and Ελληνικά\n',
      WRAPPED.replaceAll('\n', '\r\n'),
      WRAPPED.replaceAll('\n', '\r'),
      'Latin-1 only: déjà vu, £5 and ½\nSecond line\n',
      '  Indented line with trailing spaces  \n\n\n   \nLast line without an end',
      '',
      '\n\n',
    ]
    for (const text of texts) {
      const document = staged(text)
      expect(roundTrip(document)).toEqual(parts(document))
    }
  })

  it('keep a rejoined paragraph, which no single line holds, and the lines of a CRLF text', () => {
    const document = staged(WRAPPED.replaceAll('\n', '\r\n'))
    const joined = document.paragraphs.find((paragraph) => paragraph.lines.end > paragraph.lines.start)
    expect(joined?.text).toBe('The council said on Monday that the budget would be cut by a tenth over the next three years, starting in May.')
    expect(roundTrip(document).paragraphs).toEqual(document.paragraphs)
    expect(document.decisions.length).toBeGreaterThan(0)
    expect(roundTrip(document).decisions).toEqual(document.decisions)
  })

  it('keep unpaired surrogates, which UTF-8 would replace, and real replacement characters', () => {
    for (const text of ['broken \ud83d pair\nand \ude00 alone\n', 'a real \ufffd from bad input\nline two\n', '\ud800']) {
      const document = staged(text)
      const back = roundTrip(document)
      expect(back.text).toBe(text)
      expect(back).toEqual(parts(document))
    }
  })

  it('keep decisions JSON cannot hold (NaN, infinities), and strings holding "null"', () => {
    const document = staged('One line\nTwo lines\n')
    const odd: Decision[] = [
      { kind: 'boilerplate', rule: 'x', paragraph: 0, evidence: { by: 'score', score: Number.NaN, threshold: Number.POSITIVE_INFINITY, features: { words: -Infinity } } },
      { kind: 'boilerplate', rule: 'y', paragraph: 1, evidence: { by: 'pattern', match: 'null and void \ud800', zone: 'anywhere' } },
    ]
    for (const decisions of [odd, odd.slice(1)]) expect(roundTrip({ ...parts(document), decisions }).decisions).toEqual(decisions)
  })

  it('hold an empty document', () => {
    const document = staged('')
    expect(document.paragraphs).toEqual([])
    expect(roundTrip(document)).toEqual({ text: '', lineCount: 0, paragraphs: [], decisions: [] })
  })

  it('leave keys out when told to, and only them', () => {
    const document = staged(WRAPPED)
    const back = roundTrip(document, false)
    expect(back.paragraphs.every((paragraph) => paragraph.key === '')).toBe(true)
    expect(back.paragraphs.map(({ key, ...rest }) => rest)).toEqual(document.paragraphs.map(({ key, ...rest }) => rest))
    expect(back.decisions).toEqual(document.decisions)
  })

  it('round-trip any text, with any line ends and characters', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '“', 'é', '😀', '\ud800', '\udc00', '\ufffd', 'x'), maxLength: 30 })
    const end = fc.constantFrom('\n', '\r\n', '\r')
    const text = fc.array(fc.tuple(line, end), { maxLength: 12 }).map((lines) => lines.map(([l, e]) => l + e).join(''))
    fc.assert(
      fc.property(fc.tuple(text, fc.boolean()), ([body, final]) => {
        const document = staged(final ? `${body}last` : body)
        expect(roundTrip(document)).toEqual(parts(document))
      }),
    )
  })

  it('give back every seed and dev document exactly', () => {
    const documents = [...seedFiles(), ...devCorpus().slice(0, 200)].map(({ text }) => staged(text))
    for (const document of documents) expect(roundTrip(document)).toEqual(parts(document))
  })
})

describe('spooled documents', () => {
  it('are read back by place, in any order, each whole though read through one buffer', () => {
    const spool = createSpoolFolder()
    try {
      const documents = ['“First” document\nwith two lines\n', WRAPPED, 'x'.repeat(200_000), ''].map(staged)
      const places = documents.map((document) => appendDocument(spool.dir, 'documents', document))
      const read = [3, 1, 0, 2, 1].map((i) => ({ i, record: readDocument(spool.dir, places[i]!, { keys: true }) }))
      for (const { i, record } of read) expect(record).toEqual(parts(documents[i]!))
      expect(readDocumentText(spool.dir, places[0]!)).toBe(documents[0]!.text)
    } finally {
      spool.dispose()
    }
  })

  it('say when a record is cut short or not the size its header says', () => {
    expect(() => decodeDocument(new Uint8Array(12), { keys: true })).toThrow('spool: document record of 12 bytes is cut short')
    const bytes = Buffer.from(encodeDocument(staged('one\ntwo\n')))
    expect(() => decodeDocument(bytes.subarray(0, bytes.length - 1), { keys: true })).toThrow(`spool: document record of ${bytes.length - 1} bytes, its header says ${bytes.length}`)
  })
})
