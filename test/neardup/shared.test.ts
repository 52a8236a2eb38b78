/**
 * Shared passages at scale: a paragraph recurring in thousands of documents (a stock phrase) must
 * not blow the candidate search up, and passages that recur in a few documents are still found.
 */
import { describe, expect, it } from 'vitest'
import { AnchorIndex, winnow } from '../../src/neardup/anchors.js'
import { findSharedPassages } from '../../src/neardup/shared.js'
import { doc } from '../helpers/index.js'

/** Deterministic made-up words: unrelated documents share no run of words. */
function words(seed: number, count: number): string {
  let state = seed * 2654435761 + 1
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let word = ''
    for (let k = 0; k < 6; k++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      word += String.fromCharCode(97 + ((state >>> 16) % 26))
    }
    out.push(word)
  }
  return `${out.join(' ')}.`
}

describe('findSharedPassages', () => {
  it('skips a paragraph found in thousands of documents and still finds the passages a few share', () => {
    const DOCUMENTS = 3000
    const stock = 'This article was brought to you by the same stock paragraph that every single page of the site carries at the end.'
    const quote = 'A quote two outlets both carried, long enough to count as a passage of its own, word for word in each.'
    const widespread = 'A paragraph that forty documents share, which is few enough to be a passage they quote rather than furniture.'
    const documents = Array.from({ length: DOCUMENTS }, (_, i) => {
      const lines = [words(3 * i + 1, 40), stock, words(3 * i + 2, 40)]
      if (i === 10 || i === 2000) lines.push(quote)
      if (i % 75 === 0) lines.push(widespread)
      return doc(lines, `doc-${String(i).padStart(4, '0')}.txt`)
    })
    const passages = findSharedPassages(
      documents,
      documents.map((_, i) => `cluster-${i}`),
    )
    expect(passages.some((passage) => passage.text === stock)).toBe(false)
    const byText = new Map(passages.map((passage) => [passage.text, passage.occurrences]))
    expect(byText.get(quote)?.map((o) => o.document)).toEqual(['doc-0010.txt', 'doc-2000.txt'])
    expect(byText.get(widespread)?.length).toBe(DOCUMENTS / 75)
    expect(passages).toHaveLength(2)
  })

  it('verifies a paragraph of more sentences than a unit mask holds (unit against unit)', () => {
    // 40 long sentences: past the 32 units counted by one masked merge, so each pair is merged alone
    const long = Array.from({ length: 40 }, (_, i) => words(9000 + i, 12)).join(' ')
    const documents = [doc([words(1, 30), long], 'a.txt'), doc([long, words(2, 30)], 'b.txt'), doc([words(3, 30)], 'c.txt')]
    const passages = findSharedPassages(documents, ['a', 'b', 'c'])
    expect(passages).toHaveLength(1)
    expect(passages[0]!.text).toBe(long)
    expect(passages[0]!.occurrences).toEqual([
      { document: 'a.txt', line: 2 },
      { document: 'b.txt', line: 1 },
    ])
  })
})

describe('AnchorIndex', () => {
  const anchors = (...values: number[]): Uint32Array => Uint32Array.from(values).sort()

  it('pairs items of different groups that share enough anchors, in order, skipping postings over the cap', () => {
    const index = new AnchorIndex()
    index.add(0, anchors(1, 2, 3, 9))
    index.add(1, anchors(1, 2, 9))
    index.add(2, anchors(1, 3, 9))
    index.add(3, anchors(2, 3, 9))
    index.add(4, anchors(7))
    const pairs: Array<[number, number]> = []
    // anchor 9 is held by four items: over a cap of 3, it counts for nothing
    index.forEachPair(Int32Array.from([0, 1, 2, 2, 3]), 2, 3, (a, b) => pairs.push([a, b]))
    expect(pairs).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ])
    // items 2 and 3 share anchors 3 and 9 but sit in one group
  })

  it('refuses items out of order', () => {
    const index = new AnchorIndex()
    index.add(5, anchors(1))
    expect(() => index.add(4, anchors(1))).toThrow(/item 4 after item 5/)
  })

  it('winnows: two texts sharing a long run of shingles share an anchor', () => {
    const run = Uint32Array.from([50, 40, 30, 20, 10, 60, 70])
    const a = winnow(Uint32Array.from([...run, 5, 3]), 4)
    const b = winnow(Uint32Array.from([1, 2, ...run]), 4)
    expect([...a].some((anchor) => b.includes(anchor))).toBe(true)
  })
})
