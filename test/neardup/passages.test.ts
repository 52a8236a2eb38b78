/**
 * Shared passages from summaries (bounded memory): what a summary holds, the streaming search
 * giving the in-memory search's passages while loading only candidate documents, the exact bound
 * that skips candidate pairs, the verification of unit pairs, and the counting filter that drops
 * anchors seen once.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keptParagraphs } from '../../src/document.js'
import { AnchorFilter, AnchorIndex, PairIndex, partitionOf } from '../../src/neardup/anchors.js'
import { paragraphsFromTexts, paragraphsOf, passageTexts, verifyPassageBlock } from '../../src/neardup/blocks.js'
import { findSharedPassages, findSharedPassagesIn, MIN_PASSAGE_WORDS, PassageSearch, summarizeForPassages } from '../../src/neardup/shared.js'
import { ParagraphUnits, mayMatch, sentenceTokenizer, verifyUnits } from '../../src/neardup/units.js'
import { intersectionSize } from '../../src/neardup/verify.js'
import type { Document, DocumentSource, PassageSummary } from '../../src/types.js'
import { devCorpus, doc, generatedDocs, seedFiles } from '../helpers/index.js'

/** A source that hands out copies (as a spool would) and records what was loaded. */
function countingSource(documents: readonly Document[]): DocumentSource & { loads: number[] } {
  const loads: number[] = []
  return { size: documents.length, loads, load: (position) => (loads.push(position), structuredClone(documents[position]!)) }
}

/** Both searches on the same documents: the streaming one reads cloned summaries, twice. */
function bothWays(documents: readonly Document[], groupOf: readonly string[], partitionEntries?: number) {
  const summaries = documents.map((document) => structuredClone(summarizeForPassages(document)))
  let reads = 0
  const source = countingSource(documents)
  const streamed = findSharedPassagesIn(
    documents.map((document) => document.id),
    () => (reads++, summaries.values()),
    groupOf,
    source,
    partitionEntries,
  )
  return { streamed, inMemory: findSharedPassages(documents, groupOf), reads, loads: source.loads, summaries }
}

describe('summarizeForPassages', () => {
  it('keeps each long kept paragraph of a real article: its place, words and sorted distinct anchors', () => {
    for (const { id, text } of seedFiles()) {
      const document = doc(text, id)
      const summary: PassageSummary = summarizeForPassages(document)
      const long = keptParagraphs(document).filter((paragraph) => paragraph.key.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length >= MIN_PASSAGE_WORDS)
      expect([...summary.paragraphs]).toEqual(long.map((paragraph) => paragraph.index))
      expect([...summary.lines]).toEqual(long.map((paragraph) => paragraph.lines.start))
      expect(summary.offsets).toHaveLength(long.length + 1)
      expect(summary.offsets[long.length]).toBe(summary.anchors.length)
      for (let k = 0; k < long.length; k++) {
        const anchors = [...summary.anchors.subarray(summary.offsets[k]!, summary.offsets[k + 1]!)]
        expect(anchors.length).toBeGreaterThan(0)
        expect(anchors).toEqual([...new Set(anchors)].sort((a, b) => a - b))
        expect(summary.words[k]).toBeGreaterThanOrEqual(MIN_PASSAGE_WORDS)
      }
      expect(structuredClone(summary)).toEqual(summary)
    }
  })
})

describe('findSharedPassagesIn', () => {
  it('finds the in-memory passages on the dev set, loading only documents with a candidate paragraph', () => {
    const documents = devCorpus().map(({ id, text }) => doc(text, id))
    const { streamed, inMemory, reads, loads, summaries } = bothWays(
      documents,
      documents.map((document) => `doc:${document.id}`),
    )
    expect(inMemory.length).toBeGreaterThan(10)
    expect(streamed).toEqual(inMemory)
    expect(reads).toBe(2)
    // each document at most once per block; none without a long paragraph
    expect(new Set(loads).size).toBe(loads.length)
    for (const position of loads) expect(summaries[position]!.paragraphs.length).toBeGreaterThan(0)
    const inPassages = new Set(inMemory.flatMap((passage) => passage.occurrences.map((occurrence) => occurrence.document)))
    for (const id of inPassages) expect(loads).toContain(documents.findIndex((document) => document.id === id))
  })

  it('finds the in-memory passages on a generated corpus, copies grouped as clusters', () => {
    const documents = generatedDocs(600, 11)
    const groupOf = documents.map((_, i) => `group-${i % 500}`)
    const { streamed, inMemory, loads, summaries } = bothWays(documents, groupOf)
    expect(inMemory.length).toBeGreaterThan(10)
    expect(streamed).toEqual(inMemory)
    expect(loads.length).toBeLessThanOrEqual(documents.length)
    // anchors indexed a few thousand at a time: one read to count, one to deal them into partitions
    const anchors = summaries.reduce((sum, summary) => sum + summary.anchors.length, 0)
    expect(Math.ceil(anchors / 5000)).toBeGreaterThan(3)
    const partitioned = bothWays(documents, groupOf, 5000)
    expect(partitioned.reads).toBe(2)
    expect(partitioned.streamed).toEqual(inMemory)
  })

  it('finds the same passages however the pairs are cut into blocks and parts, the blocks verified from cloned data', () => {
    const documents = generatedDocs(400, 13)
    const groupOf = documents.map((_, i) => `group-${i % 350}`)
    const summaries = documents.map(summarizeForPassages)
    const expected = findSharedPassages(documents, groupOf)
    expect(expected.length).toBeGreaterThan(10)
    for (const [parts, maxPairs, maxParagraphs] of [
      [1, undefined, undefined],
      [2, undefined, undefined],
      [3, 500, undefined],
      [1, undefined, 200],
      [4, 97, 50],
    ] as const) {
      const search = new PassageSearch(
        documents.map((document) => document.id),
        () => summaries,
        groupOf,
      )
      const blocks = [...search.blocks(parts, maxPairs, maxParagraphs)]
      if (maxPairs !== undefined) expect(Math.max(...blocks.map((block) => block.pairs.length / 2))).toBeLessThanOrEqual(maxPairs)
      // a block closes once it reaches the bound: its last pair may bring one paragraph more
      if (maxParagraphs !== undefined) expect(Math.max(...blocks.map((block) => block.slotWords.length))).toBeLessThanOrEqual(maxParagraphs + 1)
      if (parts > 1) {
        // the parts of a cut block share no paragraph: each is prepared by one thread only
        const paragraphsOfBlock = (block: (typeof blocks)[number]) => Array.from(block.slotParagraphs, (paragraph, slot) => `${block.documents[block.slotDocuments[slot]!]}:${paragraph}`)
        const all = blocks.flatMap(paragraphsOfBlock)
        if (maxPairs === undefined && maxParagraphs === undefined) expect(new Set(all).size).toBe(all.length)
        expect(blocks.length).toBeGreaterThan(1)
      }
      // as a worker thread gets them: structured clones, each block's documents read as the
      // texts of their summarised paragraphs only (what the pipeline spools for the search)
      const texts = documents.map((document, i) => structuredClone(passageTexts(document, summaries[i]!)))
      const found = blocks.map((block) => structuredClone(verifyPassageBlock(structuredClone(block), (k) => paragraphsFromTexts(texts[block.documents[k]!]!))))
      blocks.forEach((block, k) => search.apply(block, found[k]!))
      expect(search.result()).toEqual(expected)
    }
  })

  it('takes each block back once, and only when every block is back gives a result', () => {
    const documents = devCorpus().slice(0, 200).map(({ id, text }) => doc(text, id))
    const summaries = documents.map(summarizeForPassages)
    const search = new PassageSearch(
      documents.map((document) => document.id),
      () => summaries,
      documents.map((document) => document.id),
    )
    const blocks = [...search.blocks(2, 400)]
    expect(blocks.length).toBeGreaterThan(1)
    const verify = (block: (typeof blocks)[number]) => verifyPassageBlock(block, (k) => paragraphsOf(documents[block.documents[k]!]!))
    const [first, ...rest] = blocks
    search.apply(first!, verify(first!))
    expect(() => search.apply(first!, verify(first!))).toThrow(/applied twice/)
    expect(() => search.result()).toThrow(new RegExp(`${rest.length} blocks not applied`))
    for (const block of rest) search.apply(block, verify(block))
    expect(search.result()).toEqual(findSharedPassages(documents, documents.map((document) => document.id)))
  })

  it('refuses summaries that do not match the documents', () => {
    const documents = [doc('One paragraph that is long enough to hold a few anchors of its own, surely.', 'a.txt')]
    expect(() => findSharedPassagesIn(['a.txt', 'b.txt'], () => documents.map(summarizeForPassages), ['a', 'b'], countingSource(documents))).toThrow(
      /1 summaries for 2 documents/,
    )
  })
})

// Few distinct words, and sentences drawn from one pool (some with a word changed), so that pairs
// share whole sentences, parts of them, or only scattered 3-grams.
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'echo', 'fox', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima')
const sentence = fc.array(word, { minLength: 3, maxLength: 16 })
/** `minLength` to `maxLength` paragraphs drawn from one pool of sentences. */
const paragraphs = (minLength: number, maxLength: number) =>
  fc.array(sentence, { minLength: 1, maxLength: 4 }).chain((pool) => {
    const drawn = fc.oneof(
      fc.nat(pool.length - 1).map((i) => pool[i]!),
      fc.tuple(fc.nat(pool.length - 1), fc.nat(15), word).map(([i, at, w]) => pool[i]!.map((x, k) => (k === at ? w : x))),
      sentence,
    )
    const paragraph = fc.array(drawn, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.map((words) => `${words.join(' ')}.`).join(' '))
    return fc.array(paragraph, { minLength, maxLength })
  })
const units = (text: string, number: number): ParagraphUnits => new ParagraphUnits(number, text, text.toLowerCase(), text.split(' ').length)

describe('verifyUnits', () => {
  it('matches exactly the unit pairs sharing 8 3-grams covering half the shorter, in row order (one table per first paragraph)', () => {
    const tokenizer = sentenceTokenizer()
    let matches = 0
    fc.assert(
      fc.property(paragraphs(2, 5), (texts) => {
        const [x, ...others] = texts.map(units)
        // one first paragraph against several: its table is built once and reused
        for (const y of others) {
          const found: string[] = []
          verifyUnits(x!, y, tokenizer, (a, b) => found.push(`${a.index}:${b.index}`))
          const expected: string[] = []
          for (const a of x!.unitsOf(tokenizer)) {
            for (const b of y.unitsOf(tokenizer)) {
              const shared = intersectionSize(a.shingles, b.shingles)
              if (shared >= 8 && shared >= 0.5 * Math.min(a.shingles.length, b.shingles.length)) expected.push(`${a.index}:${b.index}`)
            }
          }
          expect(found).toEqual(expected)
          matches += found.length
        }
      }),
      { numRuns: 1500, seed: 7 },
    )
    expect(matches).toBeGreaterThan(200)
  })
})

describe('mayMatch', () => {
  it('never rules out a pair whose units match (exact bound)', () => {
    const tokenizer = sentenceTokenizer()
    let matches = 0
    fc.assert(
      fc.property(paragraphs(2, 2), ([a, b]) => {
        const x = units(a!, 0)
        const y = units(b!, 1)
        let matched = false
        verifyUnits(x, y, tokenizer, () => (matched = true))
        if (matched) {
          matches++
          expect(mayMatch(x, y)).toBe(true)
        }
      }),
      { numRuns: 3000, seed: 7 },
    )
    expect(matches).toBeGreaterThan(100)
  })

  it('rules out paragraphs that share scattered 3-grams but no dense run', () => {
    const shared = 'one two three four five six seven eight nine ten eleven'
    const filler = (seed: number): string => Array.from({ length: 30 }, (_, i) => `w${seed}x${i}`).join(' ')
    const x = units(`${filler(1)} ${shared} ${filler(2)}`, 0)
    const y = units(`${filler(3)} ${shared} ${filler(4)}`, 1)
    expect(mayMatch(x, y)).toBe(true)
    const scattered = shared.split(' ')
    const spread = (seed: number): string => scattered.map((w, i) => `${w} ${w}${i + 1} q${seed}a${i} q${seed}b${i} q${seed}c${i}`).join(' ')
    expect(mayMatch(units(`${spread(1)} ${filler(1)}`, 0), units(`${spread(2)} ${filler(2)}`, 1))).toBe(false)
  })
})

describe('AnchorFilter', () => {
  it('never drops an anchor added twice, and drops most anchors added once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 400 }), (values) => {
        const filter = new AnchorFilter(1024)
        const counts = new Map<number, number>()
        for (const value of values) {
          filter.add(Uint32Array.of(value))
          counts.set(value, (counts.get(value) ?? 0) + 1)
        }
        for (const [value, count] of counts) if (count >= 2) expect(filter.mayRecur(value)).toBe(true)
      }),
      { seed: 3 },
    )
    const filter = new AnchorFilter(1 << 16)
    const once = Uint32Array.from({ length: 4000 }, (_, i) => i * 2654435761)
    const twice = Uint32Array.from({ length: 4000 }, (_, i) => i * 40503 + 7)
    filter.add(once)
    filter.add(twice)
    filter.add(twice)
    expect(filter.recurring(twice)).toEqual(twice)
    expect(filter.recurring(once).length).toBeLessThan(once.length / 20)
    expect(filter.bytes).toBe((1 << 16) / 4)
  })
})

describe('PairIndex', () => {
  it('finds the same pairs from anchors indexed in hash partitions as from one index', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 2, max: 5 }), (items, partitions) => {
        const groupOf = Int32Array.from(items, (_, i) => i % 7)
        const pairsOf = (index: { forEachPair: (visit: (a: number, b: number) => void) => void }): number[][] => {
          const pairs: number[][] = []
          index.forEachPair((a, b) => pairs.push([a, b]))
          return pairs
        }
        const whole = new AnchorIndex()
        const parts = Array.from({ length: partitions }, () => new AnchorIndex())
        items.forEach((anchors, item) => {
          const sorted = Uint32Array.from(anchors).sort()
          whole.add(item, sorted)
          parts.forEach((part, p) => part.add(item, sorted.filter((anchor) => partitionOf(anchor, partitions) === p)))
        })
        const one = pairsOf({ forEachPair: (visit) => whole.forEachPair(groupOf, 2, 6, visit) })
        const split = new PairIndex(items.length, parts.map((part) => part.keptPostings(groupOf, 6)))
        expect(pairsOf({ forEachPair: (visit) => split.forEachPair(groupOf, 2, visit) })).toEqual(one)
      }),
      { seed: 5 },
    )
  })

  it('keeps no posting held inside one group: a story and its copies pair nothing', () => {
    const index = new AnchorIndex()
    index.add(0, Uint32Array.of(1, 2))
    index.add(1, Uint32Array.of(1, 2, 3))
    index.add(2, Uint32Array.of(3, 4))
    index.add(3, Uint32Array.of(4))
    // items 0 and 1 are one cluster: anchors 1 and 2 are dropped; 3 and 4 are kept
    expect([...index.keptPostings(Int32Array.of(0, 0, 1, 2), 64)]).toEqual([1, 2, 0xffffffff, 2, 3, 0xffffffff])
  })
})

describe('the sharedPassages option', () => {
  it('off: no passages, and every document, cluster and decision as with it on (seeds)', async () => {
    const { clean } = await import('../../src/pipeline.js')
    const on = await clean(seedFiles(), { jobs: 1 })
    const off = await clean(seedFiles(), { jobs: 1, neardup: { sharedPassages: false } })
    expect(on.report.sharedPassages.length).toBeGreaterThan(0)
    expect(off.report.sharedPassages).toEqual([])
    expect(off.report.documents).toEqual(on.report.documents)
    expect(off.report.clusters).toEqual(on.report.clusters)
    expect(off.report.options).toMatchObject({ neardup: { sharedPassages: false } })
  })
})
