/**
 * LSH banding: a signature of b·r values is cut into b bands of r rows; documents whose band
 * hashes agree in at least one band become candidate pairs. (b, r) come from the threshold by
 * minimising the weighted areas under the false-positive and false-negative curves, as
 * datasketch's `_optimal_param` does. Bucket keys are 32-bit numbers, never strings.
 */
import { mix32 } from './shingle.js'

/** Probability that a pair with Jaccard s shares at least one band. */
export function collisionProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands
}

/** Simpson's rule with an even number of intervals: plenty for these smooth curves. */
function integrate(f: (x: number) => number, from: number, to: number, intervals = 128): number {
  if (to <= from) return 0
  const step = (to - from) / intervals
  let sum = f(from) + f(to)
  for (let i = 1; i < intervals; i++) sum += f(from + i * step) * (i % 2 === 1 ? 4 : 2)
  return (sum * step) / 3
}

export interface BandParameters {
  readonly bands: number
  readonly rows: number
  /** Area under the collision curve below the threshold. */
  readonly falsePositive: number
  /** Area above the curve beyond the threshold. */
  readonly falseNegative: number
}

const parameterCache = new Map<string, BandParameters>()

/** The (bands, rows) with bands·rows <= numPerm that minimise wFP·FP + wFN·FN. */
export function optimalBands(threshold: number, numPerm: number, falsePositiveWeight = 0.5, falseNegativeWeight = 0.5): BandParameters {
  const key = `${threshold}:${numPerm}:${falsePositiveWeight}:${falseNegativeWeight}`
  const cached = parameterCache.get(key)
  if (cached) return cached
  let best: BandParameters = { bands: 1, rows: 1, falsePositive: Infinity, falseNegative: Infinity }
  let bestError = Infinity
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; rows <= Math.floor(numPerm / bands); rows++) {
      const falsePositive = integrate((s) => collisionProbability(s, bands, rows), 0, threshold)
      const falseNegative = integrate((s) => 1 - collisionProbability(s, bands, rows), threshold, 1)
      const error = falsePositive * falsePositiveWeight + falseNegative * falseNegativeWeight
      if (error < bestError) {
        bestError = error
        best = { bands, rows, falsePositive, falseNegative }
      }
    }
  }
  parameterCache.set(key, best)
  return best
}

/** One 32-bit key per band of a signature. */
export function bandKeys(signature: Uint32Array, bands: number, rows: number, out: Uint32Array = new Uint32Array(bands)): Uint32Array {
  for (let band = 0; band < bands; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1)
    for (let row = band * rows; row < (band + 1) * rows; row++) h = Math.imul((h ^ signature[row]!) >>> 0, 0x01000193) ^ (h >>> 15)
    out[band] = mix32(h)
  }
  return out
}

/** Documents in one bucket past which a document is paired only with the bucket's leaders. */
export const MAX_BUCKET_PAIRS = 64

/**
 * Every pair (i < j) of `count` documents sharing a bucket in at least one band, each once, sorted.
 * `fillBand(band, out)` writes each document's key for one band into `out` (one column at a time,
 * so the caller keeps its keys however it likes and only one band's column is ever copied).
 *
 * Buckets come from a two-pass radix sort of each column (typed arrays, no Map of a million keys):
 * linear in documents per band. A bucket holding more than `maxBucket` documents (thousands of
 * near-identical templated texts) would yield its size squared pairs; there, each document is
 * paired only with the bucket's first `maxBucket` documents in `rank` order (the canonical
 * policy's order, so the likely canonicals). Clusters are stars around a canonical, so those are
 * the pairs that decide membership; the pairs left out are between two members neither is likely to lead.
 */
export function bucketPairs(
  count: number,
  bands: number,
  fillBand: (band: number, out: Uint32Array) => void,
  rank?: ArrayLike<number>,
  maxBucket = MAX_BUCKET_PAIRS,
): Array<[number, number]> {
  return Array.from(bucketPairCodes(count, bands, fillBand, rank, maxBucket), (code): [number, number] => [Math.floor(code / count), code % count])
}

/** `bucketPairs` as codes i·count + j in one typed array (a million documents' pairs without a million tuples). */
export function bucketPairCodes(
  count: number,
  bands: number,
  fillBand: (band: number, out: Uint32Array) => void,
  rank?: ArrayLike<number>,
  maxBucket = MAX_BUCKET_PAIRS,
): Float64Array {
  let codes = new Float64Array(1024)
  let size = 0
  const pair = (a: number, b: number): void => {
    if (size === codes.length) {
      const grown = new Float64Array(codes.length * 2)
      grown.set(codes)
      codes = grown
    }
    codes[size++] = a < b ? a * count + b : b * count + a
  }
  const byRank = (a: number, b: number): number => (rank ? rank[a]! - rank[b]! : a - b) || a - b
  const column = new Uint32Array(count)
  const order = new Int32Array(count)
  const scratch = new Int32Array(count)
  const tally = new Int32Array(0x10001)
  for (let band = 0; band < bands; band++) {
    fillBand(band, column)
    sortByKey(column, scratch, order, tally)
    for (let start = 0, end = 0; start < count; start = end) {
      const key = column[order[start]!]!
      end = start + 1
      while (end < count && column[order[end]!] === key) end++
      if (end - start <= maxBucket) {
        for (let j = start + 1; j < end; j++) for (let i = start; i < j; i++) pair(order[i]!, order[j]!)
        continue
      }
      const members = Array.from(order.subarray(start, end)).sort(byRank)
      for (let m = 1; m < members.length; m++) {
        for (let l = 0; l < Math.min(m, maxBucket); l++) pair(members[l]!, members[m]!)
      }
    }
  }
  // Codes sorted numerically are pairs sorted by (i, j); duplicates (several shared bands) are adjacent.
  const sorted = codes.subarray(0, size).sort()
  let distinct = 0
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!
  return sorted.slice(0, distinct)
}

/** Writes into `order` the documents 0..n-1 sorted by `keys` (16 bits at a time, stable). */
function sortByKey(keys: Uint32Array, scratch: Int32Array, order: Int32Array, tally: Int32Array): void {
  const n = keys.length
  tally.fill(0)
  for (let doc = 0; doc < n; doc++) tally[(keys[doc]! & 0xffff) + 1]!++
  for (let k = 1; k < tally.length; k++) tally[k]! += tally[k - 1]!
  for (let doc = 0; doc < n; doc++) scratch[tally[keys[doc]! & 0xffff]!++] = doc
  tally.fill(0)
  for (let doc = 0; doc < n; doc++) tally[(keys[doc]! >>> 16) + 1]!++
  for (let k = 1; k < tally.length; k++) tally[k]! += tally[k - 1]!
  for (let i = 0; i < n; i++) {
    const doc = scratch[i]!
    order[tally[keys[doc]! >>> 16]!++] = doc
  }
}

/** Documents' band keys, one row of `bands` keys per document, for callers that add signatures one by one. */
export class LshIndex {
  readonly bands: number
  readonly rows: number
  private keys: Uint32Array
  private count = 0

  constructor(parameters: { bands: number; rows: number }, capacity = 1024) {
    this.bands = parameters.bands
    this.rows = parameters.rows
    this.keys = new Uint32Array(Math.max(1, capacity) * this.bands)
  }

  get size(): number {
    return this.count
  }

  /** Adds a signature; returns its 0-based position, the id used in candidate pairs. */
  add(signature: Uint32Array): number {
    if ((this.count + 1) * this.bands > this.keys.length) {
      const grown = new Uint32Array(this.keys.length * 2)
      grown.set(this.keys)
      this.keys = grown
    }
    bandKeys(signature, this.bands, this.rows, this.keys.subarray(this.count * this.bands, (this.count + 1) * this.bands))
    return this.count++
  }

  /** Positions that share a bucket with `signature` in some band (works for signatures never added). */
  query(signature: Uint32Array): number[] {
    const keys = bandKeys(signature, this.bands, this.rows)
    const found: number[] = []
    for (let doc = 0; doc < this.count; doc++) {
      for (let band = 0; band < this.bands; band++) {
        if (this.keys[doc * this.bands + band] === keys[band]) {
          found.push(doc)
          break
        }
      }
    }
    return found
  }

  /** Every pair (i < j) sharing a bucket in at least one band, each once, sorted (see `bucketPairs`). */
  candidatePairs(rank?: ArrayLike<number>, maxBucket = MAX_BUCKET_PAIRS): Array<[number, number]> {
    const fill = (band: number, out: Uint32Array): void => {
      for (let doc = 0; doc < this.count; doc++) out[doc] = this.keys[doc * this.bands + band]!
    }
    return bucketPairs(this.count, this.bands, fill, rank, maxBucket)
  }
}
