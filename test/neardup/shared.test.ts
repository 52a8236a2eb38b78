/**
 * Shared passages at scale: a paragraph recurring in thousands of documents (a stock phrase) must
 * not blow the candidate search up, and passages that recur in a few documents are still found; a
 * quote many documents carry (each pair of them a candidate) costs about one verification each.
 */
import { describe, expect, it } from 'vitest'
import { AnchorIndex, winnow } from '../../src/neardup/anchors.js'
import { paragraphsOf, verifyPassageBlock } from '../../src/neardup/blocks.js'
import { findSharedPassages, PassageSearch, summarizeForPassages } from '../../src/neardup/shared.js'
import type { Document, SharedPassage } from '../../src/types.js'
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

  it('gives a passage the wording most of its occurrences carry, on a tie the first in report order', () => {
    const quote = (word: string): string => `The minister said the ${word} plan would be published in full before the vote next spring.`
    const passageOf = (wordings: string[]) => {
      const documents = wordings.map((word, i) => doc([words(100 + i, 30), quote(word)].join('\n\n'), `doc-${i}.txt`))
      const passages = findSharedPassages(
        documents,
        documents.map((_, i) => `cluster-${i}`),
      )
      expect(passages).toHaveLength(1)
      expect(passages[0]!.occurrences).toHaveLength(wordings.length)
      return passages[0]!.text
    }
    // whichever pairs are verified: one edited copy first, then three of the common wording
    expect(passageOf(['revised', 'budget', 'budget', 'budget'])).toBe(quote('budget'))
    expect(passageOf(['budget', 'budget', 'revised', 'revised', 'new'])).toBe(quote('budget'))
    expect(passageOf(['revised', 'budget', 'budget', 'revised'])).toBe(quote('revised'))
    expect(passageOf(['new', 'revised', 'budget'])).toBe(quote('new'))
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

/**
 * A near-clique: `count` documents of different clusters, each carrying its own variant of one
 * three-sentence quote (one word of one sentence changed), so every two are a candidate pair and
 * match, between unrelated paragraphs of their own.
 */
function nearClique(count: number, seed: number, prefix: string): Document[] {
  const sentences = [words(seed, 14), words(seed + 1, 16), words(seed + 2, 12)].map((sentence) => sentence.slice(0, -1))
  return Array.from({ length: count }, (_, i) => {
    const variant = sentences.map((sentence, s) => (s === i % 3 ? sentence.replace(/^\w+/, `v${i}x`) : sentence))
    const quote = variant.map((sentence) => `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`).join(' ')
    return doc([words(seed * 1000 + 2 * i, 30), quote, words(seed * 1000 + 2 * i + 1, 30)].join('\n\n'), `${prefix}-${String(i).padStart(3, '0')}.txt`)
  })
}

/** The search over `documents` (each its own cluster), every block verified with or without skipping. */
function searched(documents: readonly Document[], parts: number, skip: boolean): { passages: SharedPassage[]; pairs: number; verified: number } {
  const ids = documents.map((document) => document.id)
  const search = new PassageSearch(ids, () => documents.map(summarizeForPassages), ids)
  let pairs = 0
  let verified = 0
  for (const block of search.blocks(parts)) {
    const found = verifyPassageBlock(block, (k) => paragraphsOf(documents[block.documents[k]!]!), skip)
    pairs += block.pairs.length / 2
    verified += block.pairs.length / 2 - found.skipped
    search.apply(block, found)
  }
  return { passages: search.result(), pairs, verified }
}

describe('verifyPassageBlock: passing over pairs that cannot change a passage', () => {
  const documents = [...nearClique(40, 7, 'q'), ...nearClique(12, 50, 'r')]

  it('finds the same passages on a near-clique verifying about one pair per paragraph instead of all', () => {
    const all = searched(documents, 1, false)
    const skipping = searched(documents, 1, true)
    expect(all.pairs).toBe((40 * 39) / 2 + (12 * 11) / 2)
    expect(all.verified).toBe(all.pairs)
    expect(skipping.passages).toEqual(all.passages)
    expect(skipping.passages.map((passage) => passage.occurrences.length)).toEqual([40, 12])
    // each paragraph is verified against the first one, which links all its units; nothing else
    expect(skipping.verified).toBe(39 + 11)
  })

  it('skips the same pairs in a block cut into parts as in the whole block', () => {
    const whole = searched(documents, 1, true)
    for (const parts of [2, 3]) expect(searched(documents, parts, true)).toEqual(whole)
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
