/** LSH parameters from the threshold (datasketch's rule) and the bucket index. */
import { describe, expect, it } from 'vitest'
import { bucketPairs, collisionProbability, LshIndex, optimalBands } from '../../src/neardup/lsh.js'
import { signText } from '../../src/neardup/minhash.js'
import { lshThreshold } from '../../src/neardup/index.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'

describe('optimalBands', () => {
  // Values printed by datasketch's _optimal_param (scipy quad, weights 0.5/0.5) for the same inputs.
  it.each([
    [0.5, 128, 25, 5],
    [0.8, 128, 9, 13],
    [0.9, 256, 9, 28],
    [0.7, 64, 8, 8],
    [0.25, 128, 42, 3],
    [0.3, 128, 37, 3],
    [0.6, 256, 32, 8],
  ])('threshold %f with %i permutations gives %i bands of %i rows, as datasketch does', (threshold, numPerm, bands, rows) => {
    const chosen = optimalBands(threshold, numPerm)
    expect([chosen.bands, chosen.rows]).toEqual([bands, rows])
    expect(chosen.bands * chosen.rows).toBeLessThanOrEqual(numPerm)
  })

  it('puts the steep part of the S-curve at the threshold: unlikely well below, likely well above', () => {
    const { bands, rows } = optimalBands(0.5, 128)
    expect(collisionProbability(0.2, bands, rows)).toBeLessThan(0.01)
    expect(collisionProbability(0.8, bands, rows)).toBeGreaterThan(0.99)
  })

  it('tunes the stage for half its threshold, so a pair at the threshold is proposed almost surely', () => {
    const options = DEFAULT_OPTIONS.neardup
    const { bands, rows } = optimalBands(lshThreshold(options), options.numPerm)
    expect([bands, rows]).toEqual([28, 2])
    expect(collisionProbability(options.threshold, bands, rows)).toBeGreaterThan(0.99)
    // a raised threshold still proposes an abridged copy holding half the text (Jaccard ~0.5)
    const strict = optimalBands(lshThreshold({ ...options, threshold: 0.95 }), options.numPerm)
    expect(collisionProbability(0.5, strict.bands, strict.rows)).toBeGreaterThan(0.99)
  })

  it('uses more rows per band for a higher threshold', () => {
    expect(optimalBands(0.8, 128).rows).toBeGreaterThan(optimalBands(0.3, 128).rows)
  })
})

describe('LshIndex', () => {
  const settings = { ngram: 3, charNgram: 4, numPerm: 128, seed: 1 }
  const base = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')

  it('proposes near copies, not unrelated texts, each pair once and sorted', () => {
    const index = new LshIndex(optimalBands(0.4, 128))
    index.add(signText(base, settings))
    index.add(signText(Array.from({ length: 120 }, (_, i) => `other${i}`).join(' '), settings))
    index.add(signText(base.replace('word60', 'changed'), settings))
    index.add(signText(base, settings))
    expect(index.candidatePairs()).toEqual([
      [0, 2],
      [0, 3],
      [2, 3],
    ])
  })

  it('answers a query for a signature it never saw', () => {
    const index = new LshIndex(optimalBands(0.4, 128))
    index.add(signText(base, settings))
    expect(index.query(signText('nothing in common with the rest', settings))).toEqual([])
    expect(index.query(signText(base, settings))).toEqual([0])
  })
})

describe('bucketPairs', () => {
  /** The same rule with a Map of buckets per band: every pair in a small bucket, leaders only in a crowded one. */
  function mapPairs(keys: readonly Uint32Array[], bands: number, rank: readonly number[], maxBucket: number): Array<[number, number]> {
    const found = new Set<string>()
    for (let band = 0; band < bands; band++) {
      const buckets = new Map<number, number[]>()
      keys.forEach((row, doc) => buckets.set(row[band]!, [...(buckets.get(row[band]!) ?? []), doc]))
      for (const members of buckets.values()) {
        members.sort((a, b) => rank[a]! - rank[b]! || a - b)
        for (let m = 1; m < members.length; m++) {
          for (let l = 0; l < (members.length <= maxBucket ? m : Math.min(m, maxBucket)); l++) {
            found.add([Math.min(members[l]!, members[m]!), Math.max(members[l]!, members[m]!)].join(','))
          }
        }
      }
    }
    return [...found].map((pair) => pair.split(',').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  }

  it('pairs what a Map of buckets pairs, with keys differing in either half and crowded buckets', () => {
    const bands = 6
    const count = 700
    let state = 7
    const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0)
    // Few distinct keys per band, spread over both 16-bit halves: small buckets, and some above the cap.
    const keys = Array.from({ length: count }, (_, doc) =>
      Uint32Array.from({ length: bands }, (_, band) => (band === 0 && doc % 3 === 0 ? 0xabcd0000 : ((next() % (band + 40)) * 0x00010001) >>> 0)),
    )
    const rank = Array.from({ length: count }, (_, doc) => (doc * 7919) % count)
    const fill = (band: number, out: Uint32Array): void => keys.forEach((row, doc) => (out[doc] = row[band]!))
    for (const maxBucket of [64, 10]) {
      expect(bucketPairs(count, bands, fill, rank, maxBucket)).toEqual(mapPairs(keys, bands, rank, maxBucket))
    }
  })
})
