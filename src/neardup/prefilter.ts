/**
 * A cheap test of an LSH candidate pair before its shingle sets are read: can it possibly pass
 * verification? The LSH bands are tuned generously (28 bands of 2 rows at the defaults, so that
 * abridged copies are proposed), and the price is false candidates that grow with the square of the
 * corpus: at 100,000 generated documents 70% of the 184,000 candidate pairs have a Jaccard below
 * 0.1, and verifying them (a disk read and a merge of two ~1,000-hash sets each) made the clusters
 * step grow 36x for 10x the documents.
 *
 * Each summary carries the low byte of each of its numPerm MinHash values (b-bit MinHash, Li and
 * König 2010). Two documents with Jaccard J agree on a value with probability J, and on its low byte
 * by chance with 1/256 otherwise, so the agreements m among L values are Binomial(L, J + (1 - J)/256).
 * A pair passes verification only if J reaches `needed` (the threshold, or lower when the containment
 * route is open to its sizes); it is dropped only when so few values agree that a pair with J =
 * `needed` would show as few less than once in a billion pairs (`PREFILTER_ERROR`). Far below what
 * LSH itself misses at the threshold, and the verification of every pair kept stays exact.
 */
import type { ClusterSummaryTable } from './table.js'
import { neededJaccard, type VerifyRules } from './verify.js'

/** Chance that a pair which would pass verification is dropped (the binomial tail cut off). */
export const PREFILTER_ERROR = 1e-9

/** Steps of `needed` in the cut-off table; `needed` is rounded down, so the cut-off only gets safer. */
const STEPS = 1024

/** Sketch agreements at or below which a pair with Jaccard J cannot be believed: the largest k with P(m <= k) < error. */
export function agreementCutoff(values: number, jaccard: number, error = PREFILTER_ERROR): number {
  const p = jaccard + (1 - jaccard) / 256
  if (p >= 1) return values - 1
  // P(m = k) by the recurrence from P(m = 0) = (1 - p)^L, in logs to stay finite.
  let logPmf = values * Math.log1p(-p)
  let tail = 0
  let cutoff = -1
  for (let k = 0; k <= values; k++) {
    if (k > 0) logPmf += Math.log((values - k + 1) / k) + Math.log(p) - Math.log1p(-p)
    tail += Math.exp(logPmf)
    if (tail >= error) break
    cutoff = k
  }
  return cutoff
}

const cutoffTables = new Map<number, Int16Array>()

/** `agreementCutoff(values, s / STEPS)` for every step s, computed once per sketch length. */
function cutoffTable(values: number): Int16Array {
  let table = cutoffTables.get(values)
  if (table === undefined) {
    table = Int16Array.from({ length: STEPS + 1 }, (_, step) => agreementCutoff(values, step / STEPS))
    cutoffTables.set(values, table)
  }
  return table
}

/**
 * The candidate pairs (codes x·n + y over `entries`, as `bucketPairCodes` gives them) that may pass
 * verification, in the same order. With no sketches in the table (a library caller's own summaries
 * may carry none) every pair is kept, and so is a pair with a set smaller than the sketch
 * (one-permutation hashing fills empty bins from their neighbours, which makes its values less
 * independent).
 */
export function plausiblePairs(codes: Float64Array, entries: Int32Array, table: ClusterSummaryTable, rules: VerifyRules): Float64Array {
  const values = table.sketchLength
  if (values === 0) return codes
  const n = entries.length
  const cutoffs = cutoffTable(values)
  const { sketches, distinct } = table
  let kept = 0
  const out = new Float64Array(codes.length)
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!
    const a = entries[Math.floor(code / n)]!
    const b = entries[code % n]!
    const sizeA = distinct[a]!
    const sizeB = distinct[b]!
    if (sizeA < values || sizeB < values) {
      out[kept++] = code
      continue
    }
    const cutoff = cutoffs[Math.floor(neededJaccard(sizeA, sizeB, rules) * STEPS)]!
    let agree = 0
    const at = a * values
    const bt = b * values
    for (let i = 0; i < values; i++) if (sketches[at + i] === sketches[bt + i]) agree++
    if (agree > cutoff) out[kept++] = code
  }
  return out.slice(0, kept)
}
