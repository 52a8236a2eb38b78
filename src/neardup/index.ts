/**
 * Stage 5: near-duplicate documents across the corpus.
 * summarise (shingle → sign → band keys, in workers) → LSH candidates → verify → cluster around
 * canonicals → decisions; passages shared across clusters are reported, not removed.
 * The main thread decides from compact summaries and reads a shingle set only for a candidate pair
 * or a cluster member, so a million documents need not keep their sets resident.
 */
import type { NeardupOptions } from '../options.js'
import type { Cluster, ClusterSummary, Document, DuplicateDecision, SharedPassage } from '../types.js'
import { clusterStars, exactLeads, policyOrder, withExactCopies, type ClusterCandidate } from './cluster.js'
import { CandidatePairs, pairKey, verifyPairBlock, type PairBlock, type PairVerdicts } from './pairs.js'
import { findSharedPassages } from './shared.js'
import { bandParameters, summarizeForClusters } from './summary.js'
import { ClusterSummaryTable } from './table.js'
import { overlapOf, round4 } from './verify.js'

export { fingerprint, type Fingerprint, type FingerprintSettings } from './fingerprint.js'
export { signText, signTexts, signOnePermutation, signClassic, estimateJaccard, type MinHashScheme } from './minhash.js'
export { scanShingles, shingleSet, shingleMode } from './shingle.js'
export { optimalBands, LshIndex, bucketPairs, bucketPairCodes } from './lsh.js'
export { VERIFY_BLOCK_BYTES, verifyPairBlock, type PairBlock, type PairVerdicts } from './pairs.js'
export { MIN_CONTAINED_SHINGLES, nearDuplicate, neededJaccard, type VerifyRules } from './verify.js'
export { ClusterSummaryTable } from './table.js'
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

/**
 * Clusters among documents known by their summaries (an array, or a table a large run fills as
 * summaries arrive), found in steps so that the verification of candidate pairs can go to worker
 * threads: exact copies are found on construction, then `blocks()` hands out the LSH candidates a
 * block at a time, `apply()` takes each block's answer (in the order the blocks came), and
 * `result()` builds the clusters. `shingles(position)` returns a document's sorted shingle set
 * (from the spool in a large run: each call may be a disk read); it is called only for exact-copy
 * candidates (equal set hashes, each read once); cluster scores reuse the intersections
 * verification measured.
 */
export class ClusterSearch {
  private readonly table: ClusterSummaryTable
  private readonly candidates: ClusterCandidate[]
  private readonly leadOf: Int32Array
  private readonly pairs: CandidatePairs | null
  /** The documents in canonical-policy order. */
  private readonly order: readonly number[]

  constructor(
    private readonly ids: readonly string[],
    summaries: readonly ClusterSummary[] | ClusterSummaryTable,
    shingles: (position: number) => Uint32Array,
    private readonly options: NeardupOptions,
  ) {
    this.table = summaries instanceof ClusterSummaryTable ? summaries : ClusterSummaryTable.from(summaries, bandParameters(options).bands)
    this.candidates = ids.map((id, i) => ({ id, length: this.table.lengths[i]! }))
    if (!options.enabled) {
      this.order = []
      this.leadOf = Int32Array.from(ids.keys())
      this.pairs = null
      return
    }
    if (this.table.size !== ids.length) throw new Error(`Expected one summary per id: ${ids.length} ids, ${this.table.size} summaries`)
    const { distinct } = this.table
    this.order = policyOrder(this.candidates, options.canonical)
    const rank = new Int32Array(ids.length)
    this.order.forEach((position, r) => (rank[position] = r))
    // Exact copies are set aside (they follow their lead); only distinct shingle sets enter LSH.
    this.leadOf = exactLeads(distinct, this.table.setHashes, rank, shingles)
    const entries = Int32Array.from(ids.keys()).filter((i) => this.leadOf[i] === i && distinct[i]! > 0)
    this.pairs = new CandidatePairs(this.table, entries, rank, options)
  }

  /** The candidate pairs to verify, in blocks (see `CandidatePairs.blocks`). */
  *blocks(threads = 1, blockBytes?: number): Generator<PairBlock> {
    if (this.pairs !== null) yield* this.pairs.blocks(threads, blockBytes)
  }

  apply(block: PairBlock, verdicts: PairVerdicts): void {
    this.pairs!.apply(block, verdicts)
  }

  result(): ClusterFindings {
    const { ids, leadOf, candidates } = this
    const { distinct } = this.table
    const groupOf = ids.map((id) => `doc:${id}`)
    if (this.pairs === null) return { clusters: [], duplicates: [], groupOf }
    const verified = this.pairs.result()
    const { canonical: policy } = this.options
    const stars = withExactCopies(clusterStars(candidates, verified.edges, policy, this.order), leadOf, candidates, policy, this.order)
    // A member shares with its canonical what its lead does (an exact copy has its lead's set), and
    // every lead in a star was verified against the canonical.
    const sharedWith = (position: number, canonical: number): number => {
      const lead = leadOf[position]!
      if (lead === canonical) return distinct[canonical]!
      const common = verified.shared.get(pairKey(lead, canonical, ids.length))
      if (common === undefined) throw new Error(`Cluster member ${ids[position]} was never verified against ${ids[canonical]}`)
      return common
    }
    const duplicates: Array<{ document: number; decision: DuplicateDecision }> = []
    const clusters = stars.map((star, k): Cluster => {
      const id = `c${k + 1}`
      const canonical = ids[star.canonical]!
      groupOf[star.canonical] = id
      const members = star.members
        .map((position) => {
          groupOf[position] = id
          const measured = overlapOf(sharedWith(position, star.canonical), distinct[position]!, distinct[star.canonical]!)
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
}

/**
 * Clusters among documents known by their summaries, every step on this thread (`ClusterSearch`);
 * `shingles(position)` is also called for LSH candidate pairs (about once per block of candidates,
 * see pairs.ts).
 */
export function findClusters(
  ids: readonly string[],
  summaries: readonly ClusterSummary[] | ClusterSummaryTable,
  shingles: (position: number) => Uint32Array,
  options: NeardupOptions,
): ClusterFindings {
  const search = new ClusterSearch(ids, summaries, shingles, options)
  for (const block of search.blocks()) search.apply(block, verifyPairBlock(block, (k) => shingles(block.documents[k]!)))
  return search.result()
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
  return { clusters: found.clusters, sharedPassages: options.sharedPassages ? findSharedPassages(documents, found.groupOf) : [] }
}
