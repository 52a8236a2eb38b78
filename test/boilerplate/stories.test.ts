/**
 * Story sketches: a document's word 4-grams as sorted distinct hashes, and the containment test on
 * them. The sketch must stand for the set of 4-gram strings (`key.split(' ')`, a short line as one
 * shingle), and the early-stopping comparison must answer as the full count does.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PairMemo, SAME_STORY, containment, containsAtLeast, shingles } from '../../src/boilerplate/stories.js'
import { createDocument } from '../../src/document.js'
import { segment } from '../../src/segment/index.js'
import { devCorpus } from '../helpers/index.js'

/** The 4-grams of some lines as strings: what a sketch hashes. */
function shingleStrings(keys: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const key of keys) {
    const tokens = key.split(' ')
    if (tokens.length < 4) out.add(`${tokens.length}:${key}`)
    for (let i = 0; i + 4 <= tokens.length; i++) out.add(`4:${tokens.slice(i, i + 4).join(' ')}`)
  }
  return out
}

function stringContainment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const item of a) if (b.has(item)) shared++
  return shared / Math.min(a.size, b.size)
}

const WORDS = ['the', 'council', 'met', 'on', 'monday', 'and', 'said', '', 'it', 'would', 'rise', '4%']
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '))

describe('shingles', () => {
  it('is sorted and distinct, one hash per distinct 4-gram (or short line)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (keys) => {
        const sketch = shingles(keys)
        for (let i = 1; i < sketch.length; i++) if (!(sketch[i - 1]! < sketch[i]!)) return false
        return sketch.length === shingleStrings(keys).size
      }),
      { numRuns: 1000 },
    )
  })

  it('gives the containment of the 4-gram strings', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), (a, b) => containment(shingles(a), shingles(b)) === stringContainment(shingleStrings(a), shingleStrings(b))),
      { numRuns: 1000 },
    )
  })

  it('gives the containment of the 4-gram strings on dev documents', () => {
    const documents = devCorpus()
      .slice(0, 120)
      .map(({ id, text }) => {
        const document = createDocument({ id, text })
        segment(document, { rejoin: true })
        return document.paragraphs.map((paragraph) => paragraph.key)
      })
    for (let i = 0; i + 1 < documents.length; i++) {
      const [a, b] = [documents[i]!, documents[i + 1]!]
      expect(shingles(a).length).toBe(shingleStrings(a).size)
      expect(containment(shingles(a), shingles(b))).toBe(stringContainment(shingleStrings(a), shingleStrings(b)))
    }
  })
})

describe('containsAtLeast', () => {
  const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }).map((values) => Uint32Array.from(values).sort())
  it('answers as containment(a, b) >= threshold, for any sets and thresholds', () => {
    const threshold = fc.oneof(fc.constantFrom(0, SAME_STORY, 1, 1 / 3), fc.double({ min: 0, max: 1, noNaN: true }))
    fc.assert(fc.property(sorted, sorted, threshold, (a, b, t) => containsAtLeast(a, b, t) === containment(a, b) >= t), { numRuns: 3000 })
  })

  it('answers at the edge: half of the smaller set shared, or one short of it', () => {
    const a = Uint32Array.from({ length: 200 }, (_, i) => i * 2)
    for (const shared of [99, 100, 101]) {
      const b = Uint32Array.from([...Array.from({ length: shared }, (_, i) => i * 2), ...Array.from({ length: 200 - shared }, (_, i) => 1001 + i * 2)])
      expect(containsAtLeast(a, b, SAME_STORY)).toBe(shared >= 100)
      expect(containsAtLeast(b, a, SAME_STORY)).toBe(shared >= 100)
    }
  })
})

describe('PairMemo', () => {
  it('answers for unordered pairs as a Map would, past 2^31 as a pair key, and forgets everything once full', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.nat(12), fc.nat(3_000_000)), fc.oneof(fc.nat(12), fc.nat(3_000_000)), fc.boolean()), { minLength: 50, maxLength: 300 }), (entries) => {
        const memo = new PairMemo(64)
        const model = new Map<string, boolean>()
        const key = (a: number, b: number): string => `${Math.min(a, b)}:${Math.max(a, b)}`
        for (const [a, b, answer] of entries) {
          if (model.size >= 64 && !model.has(key(a, b))) model.clear() // the memo clears when it would pass its size
          memo.set(a, b, answer)
          model.set(key(a, b), answer)
          expect(memo.get(b, a)).toBe(answer)
        }
        for (const [a, b] of entries) expect(memo.get(a, b)).toBe(model.get(key(a, b)))
      }),
      { numRuns: 50 },
    )
  })
})
