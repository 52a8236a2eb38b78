/**
 * LSH candidates verified on the real shingle sets, with a bounded amount of them in memory: a
 * large run reads each set from the spool on disk. Candidates come sorted by their first document;
 * they are taken in blocks whose first documents' sets fit in `blockBytes`, and within a block by
 * their second document, so each set is read about once per block instead of once per pair.
 */
import type { NeardupOptions } from '../options.js'
import type { Edge } from './cluster.js'
import { bucketPairCodes } from './lsh.js'
import { plausiblePairs } from './prefilter.js'
import type { ClusterSummaryTable } from './table.js'
import { intersectionSize, overlapOf } from './verify.js'

/** The containment route needs this many shingles in the smaller text: a sentence is not a copy. */
export const MIN_CONTAINED_SHINGLES = 25

/** Shingle sets of first documents held at once while verifying (a news article's set is ~3 KB). */
export const VERIFY_BLOCK_BYTES = 32 * 1024 * 1024

export interface VerifiedPairs {
  readonly edges: Edge[]
  /** |a ∩ b| of each verified pair, by `pairKey(a, b)`: cluster scores need no second read. */
  readonly shared: Map<number, number>
}

/** One number per unordered pair of positions below `count`. */
export function pairKey(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a
}

/**
 * Verified near-duplicate pairs among `entries` (the positions that enter LSH: distinct, non-empty
 * sets, in increasing order), as pairs of positions. Crowded LSH buckets pair by canonical-policy `rank`.
 */
export function verifiedPairs(
  table: ClusterSummaryTable,
  entries: Int32Array,
  rank: Int32Array,
  read: (position: number) => Uint32Array,
  options: NeardupOptions,
  blockBytes = VERIFY_BLOCK_BYTES,
): VerifiedPairs {
  const n = entries.length
  const { bands, keys, modes, distinct } = table
  const fill = (band: number, out: Uint32Array): void => {
    for (let k = 0; k < n; k++) out[k] = keys[entries[k]! * bands + band]!
  }
  // LSH's candidates, less those whose sketches rule out passing verification (prefilter.ts).
  const codes = plausiblePairs(
    bucketPairCodes(n, bands, fill, Int32Array.from(entries, (position) => rank[position]!)),
    entries,
    table,
    { threshold: options.threshold, containment: options.containment, minContained: MIN_CONTAINED_SHINGLES },
  )
  const edges: Edge[] = []
  const shared = new Map<number, number>()
  const verify = (a: number, b: number, setA: Uint32Array, setB: Uint32Array): void => {
    const common = intersectionSize(setA, setB)
    const measured = overlapOf(common, setA.length, setB.length)
    const smaller = Math.min(setA.length, setB.length)
    const contained = setA.length <= setB.length ? measured.containment : measured.containmentOfB
    if (measured.jaccard >= options.threshold || (contained >= options.containment && smaller >= MIN_CONTAINED_SHINGLES)) {
      edges.push([a, b])
      shared.set(pairKey(a, b, table.size), common)
    }
  }
  for (let start = 0; start < codes.length; ) {
    // A block: consecutive candidates whose first documents' sets fit in the budget (at least one).
    const firsts = new Map<number, Uint32Array | null>()
    let bytes = 0
    let end = start
    for (; end < codes.length; end++) {
      const x = Math.floor(codes[end]! / n)
      if (firsts.has(x)) continue
      const size = distinct[entries[x]!]! * 4
      if (firsts.size > 0 && bytes + size > blockBytes) break
      firsts.set(x, null)
      bytes += size
    }
    const load = (k: number): Uint32Array => {
      const held = firsts.get(k)
      if (held) return held
      const set = read(entries[k]!)
      if (held === null) firsts.set(k, set)
      return set
    }
    // The block's candidates by second document (documents of another script are never compared).
    const bySecond: number[] = []
    for (let k = start; k < end; k++) {
      const x = Math.floor(codes[k]! / n)
      const y = codes[k]! % n
      if (modes[entries[x]!] === modes[entries[y]!]) bySecond.push(y * n + x)
    }
    const sorted = Float64Array.from(bySecond).sort()
    for (let k = 0; k < sorted.length; ) {
      const y = Math.floor(sorted[k]! / n)
      const setY = load(y)
      for (; k < sorted.length && Math.floor(sorted[k]! / n) === y; k++) {
        const x = sorted[k]! % n
        verify(entries[x]!, entries[y]!, load(x), setY)
      }
    }
    start = end
  }
  return { edges, shared }
}
