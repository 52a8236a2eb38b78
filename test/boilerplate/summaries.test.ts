/**
 * The corpus step on compact summaries: what `summarizeLines` records of real documents, that
 * `findCorpusBoilerplate` decides exactly as the string-based step did (the oracle), that it loads
 * only the documents it must, and the bounded parts it is built from (sketch cache, key table).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { arraySource, createDocument, isParagraphDecision } from '../../src/document.js'
import { CorpusGenerator, documentId } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { findCorpusBoilerplate, markBoilerplate, RULES, storySketch, summarizeLines } from '../../src/boilerplate/index.js'
import { isHeadline } from '../../src/boilerplate/blocks.js'
import { KeyTable } from '../../src/boilerplate/keytable.js'
import { HAS_KEY, HAS_TEMPLATE, HEADLINE, KEY, LINE_WORDS, lineFlags, RELATED_LINKS, REMOVED, TEMPLATE, templateLiterals } from '../../src/boilerplate/lines.js'
import { SketchCache } from '../../src/boilerplate/stories.js'
import { lineTemplate } from '../../src/boilerplate/template.js'
import { resolveOptions, type CleanOptionsInput } from '../../src/options.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import type { Document, DocumentSource } from '../../src/types.js'
import { devCorpus } from '../helpers/index.js'
import { oracleCorpusBoilerplate } from './corpus-oracle.js'

/** Documents as the per-document stages leave them (what the corpus step sees). */
function processed(inputs: ReadonlyArray<{ id: string; text: string }>, input: CleanOptionsInput = {}): { documents: Document[]; options: ReturnType<typeof resolveOptions> } {
  const options = resolveOptions(input)
  const documents = inputs.map((item) => createDocument(item))
  for (const document of documents) {
    segment(document, options.segment)
    markBoilerplate(document, options.boilerplate)
    markRepeats(document, options.repeats)
  }
  return { documents, options }
}

/** Every per-document rule off: on the dev set only the corpus step then finds junk. */
const ONLY_CORPUS = { boilerplate: { disable: [...RULES.map((rule) => rule.id), 'related-links', 'line-score'] } }

function find(documents: readonly Document[], options: ReturnType<typeof resolveOptions>, source: DocumentSource = arraySource(documents), presketched = false) {
  const lines = documents.map((document) => summarizeLines(document, options.boilerplate))
  // As the pipeline does: each document's first sketch made beforehand (in a worker), read back as a clone.
  const sketches = presketched ? documents.map((document, i) => storySketch(document, lines[i]!, options.boilerplate)!) : null
  return findCorpusBoilerplate(
    documents.map((document) => document.id),
    lines,
    source,
    options.boilerplate,
    sketches === null ? undefined : (position) => structuredClone(sketches[position]!),
  )
}

describe('summarizeLines on the dev set', () => {
  let dev: ReturnType<typeof processed>
  beforeAll(() => {
    dev = processed(devCorpus())
  })

  it('records, per paragraph, the key, the template, its literals and what the per-document stages decided', () => {
    let relatedLinks = 0
    let headlines = 0
    for (const document of dev.documents) {
      const lines = summarizeLines(document, dev.options.boilerplate)
      expect(lines.table.length).toBe(document.paragraphs.length * LINE_WORDS)
      const last = new Map<number, { kind: string; rule: string }>()
      for (const decision of document.decisions) if (isParagraphDecision(decision)) last.set(decision.paragraph, decision)
      for (const paragraph of document.paragraphs) {
        const flags = lineFlags(lines, paragraph.index)
        const reason = last.get(paragraph.index)
        const template = lineTemplate(paragraph.text)
        expect((flags & HAS_KEY) !== 0).toBe(paragraph.key !== '')
        expect((flags & HAS_TEMPLATE) !== 0).toBe(template !== undefined)
        expect(templateLiterals(lines, paragraph.index)).toBe(template?.literals ?? 0)
        expect((flags & REMOVED) !== 0).toBe(reason !== undefined)
        expect((flags & RELATED_LINKS) !== 0).toBe(reason?.kind === 'boilerplate' && reason.rule === 'related-links')
        expect((flags & HEADLINE) !== 0).toBe(reason === undefined && isHeadline(paragraph.text))
        if ((flags & RELATED_LINKS) !== 0) relatedLinks++
        if ((flags & HEADLINE) !== 0) headlines++
      }
    }
    expect(relatedLinks).toBeGreaterThan(50)
    expect(headlines).toBeGreaterThan(500)
  })

  it('hashes equal lines alike and distinct lines apart (64 bits: no collision among the dev set lines)', () => {
    for (const [word, text] of [
      [KEY, (document: Document, index: number) => document.paragraphs[index]!.key],
      [TEMPLATE, (document: Document, index: number) => lineTemplate(document.paragraphs[index]!.text)?.text],
    ] as const) {
      const byHash = new Map<string, string>()
      const byText = new Map<string, string>()
      for (const document of dev.documents) {
        const { table } = summarizeLines(document, dev.options.boilerplate)
        for (const paragraph of document.paragraphs) {
          const line = text(document, paragraph.index)
          if (line === undefined || line === '') continue
          const hash = `${table[paragraph.index * LINE_WORDS + word]}:${table[paragraph.index * LINE_WORDS + word + 1]}`
          expect(byHash.get(hash) ?? line).toBe(line)
          expect(byText.get(line) ?? hash).toBe(hash)
          byHash.set(hash, line)
          byText.set(line, hash)
        }
      }
      expect(byText.size).toBeGreaterThan(word === KEY ? 3000 : 500)
    }
  })

  it('is structured-clone friendly, and empty when the stage is off', () => {
    const lines = summarizeLines(dev.documents[0]!, dev.options.boilerplate)
    expect(structuredClone(lines)).toEqual(lines)
    expect(lines.table).toBeInstanceOf(Uint32Array)
    const off = resolveOptions({ boilerplate: { enabled: false } }).boilerplate
    expect(summarizeLines(dev.documents[0]!, off).table.length).toBe(0)
    expect(findCorpusBoilerplate([dev.documents[0]!.id], [lines], arraySource([dev.documents[0]!]), off)).toEqual([])
  })
})

describe('findCorpusBoilerplate agrees with the string-based step', () => {
  it('on the dev set with every per-document rule off (corpus repetition and templates at work)', () => {
    const { documents, options } = processed(devCorpus(), ONLY_CORPUS)
    const expected = oracleCorpusBoilerplate(documents, options.boilerplate.minStories)
    expect(expected.filter((removal) => removal.rule === 'corpus-repeat').length).toBeGreaterThan(100)
    expect(expected.filter((removal) => removal.rule === 'corpus-template').length).toBeGreaterThan(10)
    expect(find(documents, options)).toEqual(expected)
    expect(find(documents, options, arraySource(documents), true)).toEqual(expected)
  }, 60_000)

  it('on a generated corpus of 1,500 documents given in reverse id order', () => {
    const devSet = findDevSet()
    if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
    const generator = new CorpusGenerator(loadPools(devSet), 11)
    const inputs = Array.from({ length: 1500 }, (_, n) => ({ id: documentId(n + 1), text: generator.next() })).reverse()
    const { documents, options } = processed(inputs)
    const expected = oracleCorpusBoilerplate(documents, options.boilerplate.minStories)
    expect(expected.length).toBeGreaterThan(50)
    expect(find(documents, options)).toEqual(expected)
    expect(find(documents, options, arraySource(documents), true)).toEqual(expected)
  }, 60_000)
})

describe('findCorpusBoilerplate loads documents only when it must', () => {
  it('sketches only the documents that share a frequent line, and removes that line', () => {
    // 60 documents of their own words; 6 of them end with one footer.
    let seed = 7
    const word = (): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return `w${seed % 5000}`
    }
    const sentence = (): string => `${Array.from({ length: 14 }, word).join(' ')}.`
    const footer = 'Hear the whole week in twenty minutes on the Gazette radio hour'
    const inputs = Array.from({ length: 60 }, (_, n) => ({ id: `doc${String(n).padStart(2, '0')}`, text: [sentence(), sentence(), sentence(), ...(n % 10 === 3 ? [footer] : [])].join('\n') }))
    const { documents, options } = processed(inputs, ONLY_CORPUS)
    const loaded = new Set<number>()
    let loads = 0
    const source: DocumentSource = { size: documents.length, load: (position) => (loads++, loaded.add(position), documents[position]!) }
    const removals = find(documents, options, source)
    expect(removals.map((removal) => [removal.document, removal.paragraph, removal.rule])).toEqual([3, 13, 23, 33, 43, 53].map((n) => [n, 3, 'corpus-repeat']))
    expect([...loaded].sort((a, b) => a - b)).toEqual([3, 13, 23, 33, 43, 53])
    expect(loads).toBeLessThanOrEqual(7) // six sketches and the sample line
    // with the sketches made beforehand, only the sample line is read from a document
    loads = 0
    expect(find(documents, options, source, true)).toEqual(removals)
    expect(loads).toBe(1)
  })

  it('makes no sketch beforehand when the corpus rules are off', () => {
    const { documents, options } = processed([{ id: 'a', text: 'One line of a story that is long enough.\n' }], { boilerplate: { disable: ['corpus-repeat', 'corpus-template'] } })
    expect(storySketch(documents[0]!, summarizeLines(documents[0]!, options.boilerplate), options.boilerplate)).toBeNull()
    const on = resolveOptions({})
    expect(storySketch(documents[0]!, summarizeLines(documents[0]!, on.boilerplate), on.boilerplate)).toBeInstanceOf(Uint32Array)
  })

  it('says so when ids, summaries and source do not match', () => {
    const { documents, options } = processed([{ id: 'a', text: 'One line.\n' }])
    const lines = documents.map((document) => summarizeLines(document, options.boilerplate))
    expect(() => findCorpusBoilerplate(['a', 'b'], lines, arraySource(documents), options.boilerplate)).toThrow(/2 ids, 1 summaries and 1 documents/)
  })
})

describe('SketchCache', () => {
  it('keeps at most its byte budget, evicting the least recently used, and remakes evicted sketches', () => {
    const made: number[] = []
    const cache = new SketchCache((document) => (made.push(document), new Uint32Array(100).fill(document)), 10 * 400)
    for (let document = 0; document < 10; document++) cache.get(document)
    cache.get(0) // now the most recently used
    for (let document = 10; document < 15; document++) {
      cache.get(document)
      expect(cache.bytes).toBeLessThanOrEqual(10 * 400)
    }
    made.length = 0
    expect(cache.get(0)[0]).toBe(0) // kept: used recently
    expect(cache.get(14)[0]).toBe(14)
    expect(made).toEqual([])
    expect(cache.get(1)[0]).toBe(1) // evicted first: least recently used
    expect(made).toEqual([1])
    cache.forget(1)
    cache.get(1)
    expect(made).toEqual([1, 1])
  })
})

describe('KeyTable', () => {
  it('holds millions of 64-bit keys with their values, in typed arrays', () => {
    const keys = 3_000_000
    const table = new KeyTable()
    // Keys share halves on purpose: (n, n * 7) and (n, n * 7 + 1) are different keys.
    for (let n = 0; n < keys; n++) table.set(table.insert(n >>> 1, Math.imul(n >>> 1, 7) + (n & 1)), 0, n)
    expect(table.size).toBe(keys)
    let wrong = 0
    for (let n = 0; n < keys; n++) {
      const slot = table.find(n >>> 1, Math.imul(n >>> 1, 7) + (n & 1))
      if (slot < 0 || table.get(slot, 0) !== n || table.get(slot, 1) !== 0) wrong++
    }
    expect(wrong).toBe(0)
    expect(table.find(keys, 1)).toBe(-1)
    expect(table.insert(5, 35)).toBe(table.find(5, 35)) // inserting again finds the key
    expect(table.size).toBe(keys)
  })
})
