/** Anchors dealt into hash partitions once, read back a partition at a time, from memory or files. */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { partitionOf } from '../../src/neardup/anchors.js'
import { AnchorPartitions } from '../../src/neardup/partitions.js'
import { AnchorCount, findSharedPassages, findSharedPassagesIn, PassageSearch, summarizeForPassages } from '../../src/neardup/shared.js'
import { paragraphsOf, verifyPassageBlock } from '../../src/neardup/blocks.js'
import { arraySource } from '../../src/document.js'
import { doc, generatedDocs, withTempDir } from '../helpers/index.js'

/** Paragraphs of pseudo-random distinct sorted anchors, some empty for a partition. */
function paragraphs(count: number): Uint32Array[] {
  let seed = 7
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
  return Array.from({ length: count }, () => Uint32Array.from(new Set(Array.from({ length: 1 + (next() % 40) }, next))).sort())
}

function replay(store: AnchorPartitions): Array<Array<[number, number[]]>> {
  return Array.from({ length: store.count }, (_, p) => {
    const seen: Array<[number, number[]]> = []
    store.forEach(p, (paragraph, anchors) => seen.push([paragraph, [...anchors]]))
    return seen
  })
}

describe('AnchorPartitions', () => {
  it('gives back each partition its paragraphs in order with their anchors of that partition, from memory and from files alike', async () => {
    const input = paragraphs(20_000) // past a file's write buffer, so records straddle writes
    const expected = Array.from({ length: 5 }, (_, p) =>
      input.flatMap((anchors, paragraph): Array<[number, number[]]> => {
        const mine = [...anchors].filter((anchor) => partitionOf(anchor, 5) === p)
        return mine.length > 0 ? [[paragraph, mine]] : []
      }),
    )
    const inMemory = new AnchorPartitions(5)
    input.forEach((anchors, paragraph) => inMemory.add(paragraph, anchors))
    expect(replay(inMemory)).toEqual(expected)
    await withTempDir(async (dir) => {
      const inFiles = new AnchorPartitions(5, dir)
      input.forEach((anchors, paragraph) => inFiles.add(paragraph, anchors))
      expect(readdirSync(dir)).toHaveLength(5)
      expect(replay(inFiles)).toEqual(expected)
      expect(readdirSync(dir)).toEqual([])
      inFiles.dispose()
    })
  })

  it('leaves no file behind when disposed part-way, and keeps a single partition in memory', async () => {
    await withTempDir(async (dir) => {
      const single = new AnchorPartitions(1, dir)
      paragraphs(100).forEach((anchors, paragraph) => single.add(paragraph, anchors))
      expect(readdirSync(dir)).toEqual([])
      expect(replay(single)[0]).toHaveLength(100)
      const store = new AnchorPartitions(3, dir)
      paragraphs(100).forEach((anchors, paragraph) => store.add(paragraph, anchors))
      store.forEach(0, () => {})
      store.dispose()
      expect(readdirSync(dir)).toEqual([])
    })
  })

  it('serves the passage search: partitions in files give the in-memory search its passages', async () => {
    const documents = generatedDocs(400, 17)
    const groupOf = documents.map((_, i) => `group-${i % 340}`)
    const summaries = documents.map(summarizeForPassages)
    const expected = findSharedPassages(documents, groupOf)
    expect(expected.length).toBeGreaterThan(10)
    await withTempDir(async (dir) => {
      const found = findSharedPassagesIn(documents.map((document) => document.id), () => summaries, groupOf, arraySource(documents), 3000, dir)
      expect(found).toEqual(expected)
      expect(readdirSync(dir)).toEqual([])
    })
  })

  it('serves a search whose anchors were counted as the summaries came: one read of the summaries, the same passages', async () => {
    const documents = generatedDocs(400, 19)
    const ids = documents.map((document) => document.id)
    const groupOf = documents.map((_, i) => `group-${i % 340}`)
    const summaries = documents.map(summarizeForPassages)
    const expected = findSharedPassages(documents, groupOf)
    expect(expected.length).toBeGreaterThan(10)
    await withTempDir(async (dir) => {
      const counted = new AnchorCount(documents.length)
      for (const summary of summaries) counted.add(summary)
      let reads = 0
      const search = new PassageSearch(ids, () => (reads++, summaries.values()), groupOf, { partitionEntries: 3000, scratch: dir, counted })
      for (const block of search.blocks(2)) search.apply(block, verifyPassageBlock(block, (k) => paragraphsOf(documents[block.documents[k]!]!)))
      expect(search.result()).toEqual(expected)
      expect(reads).toBe(1)
      expect(() => counted.add(summaries[0]!)).toThrow(/handed over/)
    })
  })

  it('refuses a count made over other summaries than the search reads', () => {
    const documents = [doc('A paragraph long enough to hold several anchors for the passage search to count here.', 'a')]
    const counted = new AnchorCount(2)
    expect(() => new PassageSearch(['a'], () => documents.map(summarizeForPassages), ['doc:a'], { counted })).toThrow(/0 summaries for 1 documents/)
  })
})
