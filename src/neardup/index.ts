/**
 * Stage 5: near-duplicate documents across the corpus.
 * summarise (shingle → sign → band keys, in workers) → LSH candidates → verify → cluster around
 * canonicals → decisions; passages shared across clusters are reported, not removed.
 * The main thread decides from compact summaries and reads a shingle set only for a candidate pair
 * or a cluster member, so a million documents need not keep their sets resident.
 */
import type { NeardupOptions } from '../options.js'
import type { Cluster, ClusterSummary, Document, DuplicateDecision, SharedPassage } from '../types.js'
import { clusterStars, exactLeads, policyOrder, withExactCopies, type Edge } from './cluster.js'
import { bucketPairs } from './lsh.js'
import { findSharedPassages } from './shared.js'
import { bandParameters, summarizeForClusters } from './summary.js'
import { overlap, round4, sameSet } from './verify.js'

export { fingerprint, type Fingerprint, type FingerprintSettings } from './fingerprint.js'
export { signText, signTexts, signOnePermutation, signClassic, estimateJaccard, type MinHashScheme } from './minhash.js'
export { scanShingles, shingleSet, shingleMode } from './shingle.js'
export { optimalBands, LshIndex, bucketPairs } from './lsh.js'
export { summarizeForClusters, cleanedKey, lshThreshold, bandParameters, setHash, type SummarizedDocument } from './summary.js'

export interface NeardupResult {
  readonly clusters: readonly Cluster[]
  readonly sharedPassages: readonly SharedPassage[]
}

/** What `findClusters()` decides; positions index the `ids` and `summaries` it was given. */
export interface ClusterFindings {
  /** Sorted by canonical id; ids `c1`, `c2`, … in that order. */
  readonly clusters: Cluster[]
  /** One per non-canonical member: cluster by cluster, members in canonical-policy order. */
  readonly duplicates: Array<{ readonly document: number; readonly decision: DuplicateDecision }>
  /** Each position's cluster id, or `doc:<id>` when in none: the groups `findSharedPassages()` takes. */
  readonly groupOf: string[]
}

/** The containment route needs this many shingles in the smaller text: a sentence is not a copy. */
export const MIN_CONTAINED_SHINGLES = 25

/**
 * Shingle sets read last, kept for the next reads: candidate pairs come sorted by their first
 * document and cluster members are scored against one canonical, so a small cache saves most reads.
 */
export const SHINGLE_CACHE_SIZE = 256

function cached(read: (position: number) => Uint32Array, capacity = SHINGLE_CACHE_SIZE): (position: number) => Uint32Array {
  const recent = new Map<number, Uint32Array>()
  return (position) => {
    let set = recent.get(position)
    if (set) recent.delete(position)
    else {
      set = read(position)
      if (recent.size >= capacity) recent.delete(recent.keys().next().value as number)
    }
    recent.set(position, set)
    return set
  }
}

/**
 * Verified near-duplicate pairs among `positions` (LSH entries: documents with a non-empty set,
 * in increasing position), as pairs of positions. Crowded LSH buckets pair by canonical-policy `rank`.
 */
function verifiedPairs(
  summaries: readonly ClusterSummary[],
  positions: Int32Array,
  rank: Int32Array,
  read: (position: number) => Uint32Array,
  options: NeardupOptions,
): Edge[] {
  const { bands } = bandParameters(options)
  const fill = (band: number, out: Uint32Array): void => {
    for (let k = 0; k < positions.length; k++) out[k] = summaries[positions[k]!]!.bandKeys[band]!
  }
  const ranks = Int32Array.from(positions, (position) => rank[position]!)
  const edges: Edge[] = []
  for (const [x, y] of bucketPairs(positions.length, bands, fill, ranks)) {
    const a = positions[x]!
    const b = positions[y]!
    if (summaries[a]!.mode !== summaries[b]!.mode) continue
    const setA = read(a)
    const setB = read(b)
    const measured = overlap(setA, setB)
    const smaller = Math.min(setA.length, setB.length)
    const contained = setA.length <= setB.length ? measured.containment : measured.containmentOfB
    if (measured.jaccard >= options.threshold || (contained >= options.containment && smaller >= MIN_CONTAINED_SHINGLES)) edges.push([a, b])
  }
  return edges
}

/**
 * Clusters among documents known by their summaries. `shingles(position)` returns a document's
 * sorted shingle set (from the spool in a large run: each call may be a disk read); it is called
 * only for exact-copy candidates, LSH candidate pairs and cluster members, with a small cache.
 */
export function findClusters(
  ids: readonly string[],
  summaries: readonly ClusterSummary[],
  shingles: (position: number) => Uint32Array,
  options: NeardupOptions,
): ClusterFindings {
  const groupOf = ids.map((id) => `doc:${id}`)
  if (!options.enabled) return { clusters: [], duplicates: [], groupOf }
  const read = cached(shingles)
  const candidates = ids.map((id, i) => ({ id, length: summaries[i]!.length }))
  const rank = new Int32Array(ids.length)
  policyOrder(candidates, options.canonical).forEach((position, r) => (rank[position] = r))
  // Exact copies are set aside (they follow their lead); only distinct shingle sets enter LSH.
  const leadOf = exactLeads(summaries, rank, (a, b) => sameSet(read(a), read(b)))
  const entries = Int32Array.from(ids.keys()).filter((i) => leadOf[i] === i && summaries[i]!.distinct > 0)
  const edges = verifiedPairs(summaries, entries, rank, read, options)
  const stars = withExactCopies(clusterStars(candidates, edges, options.canonical), leadOf, candidates, options.canonical)
  const duplicates: Array<{ document: number; decision: DuplicateDecision }> = []
  const clusters = stars.map((star, k): Cluster => {
    const id = `c${k + 1}`
    const canonical = ids[star.canonical]!
    groupOf[star.canonical] = id
    const members = star.members
      .map((position) => {
        groupOf[position] = id
        const measured = overlap(read(position), read(star.canonical))
        const member = { id: ids[position]!, jaccard: round4(measured.jaccard), containment: round4(measured.containment) }
        duplicates.push({
          document: position,
          decision: { kind: 'duplicate', rule: 'near-duplicate', evidence: { cluster: id, canonical, jaccard: member.jaccard, containment: member.containment } },
        })
        return member
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return { id, canonical, members: [{ id: canonical, jaccard: 1, containment: 1 }, ...members] }
  })
  return { clusters, duplicates, groupOf }
}

/** Finds clusters among the documents still standing and appends `duplicate` decisions to every non-canonical member. */
export function findNearDuplicates(documents: readonly Document[], options: NeardupOptions): NeardupResult {
  if (!options.enabled) return { clusters: [], sharedPassages: [] }
  const summaries = documents.map((document) => summarizeForClusters(document, options))
  const found = findClusters(
    documents.map((document) => document.id),
    summaries,
    (position) => summaries[position]!.shingles,
    options,
  )
  for (const { document, decision } of found.duplicates) documents[document]!.decisions.push(decision)
  return { clusters: found.clusters, sharedPassages: findSharedPassages(documents, found.groupOf) }
}
