/**
 * LSH candidates verified on the real shingle sets, with a bounded amount of them in memory: a
 * large run reads each set from the spool on disk. Candidates come sorted by their first document;
 * they are cut in blocks whose first documents' sets fit in `blockBytes`, and within a block
 * verified by their second document, so each set is read about once per block instead of once
 * per pair. A block is plain data (typed arrays): a worker thread verifies it, reading its own
 * sets from the spool, and hands back which pairs held; the blocks' answers are taken back in
 * order, so the pairs found do not depend on how many threads verified them.
 */
import type { NeardupOptions } from '../options.js'
import type { Edge } from './cluster.js'
import { bucketPairCodes } from './lsh.js'
import { plausiblePairs } from './prefilter.js'
import type { ClusterSummaryTable } from './table.js'
import { intersectionSize, nearDuplicate, type VerifyRules } from './verify.js'

/** Shingle sets of first documents held at once while verifying (a news article's set is ~3 KB). */
export const VERIFY_BLOCK_BYTES = 32 * 1024 * 1024

/** Blocks per thread when threads share the candidates: small enough that they finish together. */
const BLOCKS_PER_THREAD = 4

export interface VerifiedPairs {
  readonly edges: Edge[]
  /** |a ∩ b| of each verified pair, by `pairKey(a, b)`: cluster scores need no second read. */
  readonly shared: Map<number, number>
}

/** One number per unordered pair of positions below `count`. */
export function pairKey(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a
}

/** Candidate pairs to verify together; documents are numbered within the block (0 … documents.length - 1). */
export interface PairBlock {
  /** Position (in the summaries) of each of the block's documents. */
  readonly documents: Int32Array
  /** The pairs, two block numbers each (first, second), in candidate order. */
  readonly pairs: Int32Array
  /** 1 for a pair's first document: its set is held for the whole block; a second's is read when its turn comes. */
  readonly held: Uint8Array
  /** What makes a pair near-duplicates (the options' figures). */
  readonly rules: VerifyRules
}

/** A block's answer: the pairs that held, by their index in the block (ascending), and each one's |a ∩ b|. */
export interface PairVerdicts {
  readonly verified: Int32Array
  readonly shared: Uint32Array
}

/**
 * Verifies a block, reading each document's set with `read(k)` (k numbers the block's documents):
 * second documents in turn, each read once, against the held first documents.
 */
export function verifyPairBlock(block: PairBlock, read: (k: number) => Uint32Array): PairVerdicts {
  const { pairs, held, rules } = block
  const count = pairs.length / 2
  const sets = new Array<Uint32Array | undefined>(block.documents.length)
  const load = (k: number): Uint32Array => {
    const set = sets[k] ?? read(k)
    if (held[k] === 1) sets[k] = set
    return set
  }
  // Pair indices by second document (a counting sort: stable, linear): one read per second document.
  const starts = new Int32Array(block.documents.length + 1)
  for (let p = 0; p < count; p++) starts[pairs[2 * p + 1]! + 1]!++
  for (let k = 0; k < block.documents.length; k++) starts[k + 1]! += starts[k]!
  const order = new Int32Array(count)
  const next = starts.slice(0, block.documents.length)
  for (let p = 0; p < count; p++) order[next[pairs[2 * p + 1]!]!++] = p
  const passed = new Int32Array(count).fill(-1)
  for (let second = 0; second < block.documents.length; second++) {
    if (starts[second] === starts[second + 1]) continue
    const setB = load(second)
    for (let i = starts[second]!; i < starts[second + 1]!; i++) {
      const p = order[i]!
      const setA = load(pairs[2 * p]!)
      const common = intersectionSize(setA, setB)
      if (nearDuplicate(common, setA.length, setB.length, rules)) passed[p] = common
    }
  }
  let verifiedCount = 0
  for (let p = 0; p < count; p++) if (passed[p]! >= 0) verifiedCount++
  const verified = new Int32Array(verifiedCount)
  const shared = new Uint32Array(verifiedCount)
  for (let p = 0, n = 0; p < count; p++) {
    if (passed[p]! < 0) continue
    verified[n] = p
    shared[n++] = passed[p]!
  }
  return { verified, shared }
}

/**
 * The LSH candidates among `entries` (the positions that enter LSH: distinct, non-empty sets, in
 * increasing order; crowded buckets pair by canonical-policy `rank`), cut in blocks; the answers
 * applied in block order give the verified pairs.
 */
export class CandidatePairs {
  private readonly codes: Float64Array
  private readonly edges: Edge[] = []
  private readonly shared = new Map<number, number>()

  constructor(
    private readonly table: ClusterSummaryTable,
    private readonly entries: Int32Array,
    rank: Int32Array,
    private readonly options: NeardupOptions,
  ) {
    const n = entries.length
    const { bands, keys } = table
    const fill = (band: number, out: Uint32Array): void => {
      for (let k = 0; k < n; k++) out[k] = keys[entries[k]! * bands + band]!
    }
    // LSH's candidates, less those whose sketches rule out passing verification (prefilter.ts).
    this.codes = plausiblePairs(
      bucketPairCodes(n, bands, fill, Int32Array.from(entries, (position) => rank[position]!)),
      entries,
      table,
      options,
    )
  }

  /** Candidate pairs to verify: LSH's, less those the sketches rule out (documents of two scripts are never compared). */
  get size(): number {
    return this.codes.length
  }

  /**
   * The blocks: consecutive candidates whose first documents' sets fit in `blockBytes` (at least
   * one first document each); for `threads` > 1, also at most a share of all candidates, so that
   * the threads get several blocks each.
   */
  *blocks(threads = 1, blockBytes = VERIFY_BLOCK_BYTES): Generator<PairBlock> {
    const { codes, entries } = this
    const { distinct, modes } = this.table
    const n = entries.length
    const maxPairs = threads > 1 ? Math.max(1, Math.ceil(codes.length / (threads * BLOCKS_PER_THREAD))) : Infinity
    const local = new Int32Array(n).fill(-1) // block number of each entry in the block being cut
    for (let start = 0; start < codes.length; ) {
      const members: number[] = [] // entries, by block number
      const held: number[] = []
      const pairs: number[] = []
      const number = (x: number): number => {
        if (local[x] === -1) {
          local[x] = members.length
          members.push(x)
          held.push(0)
        }
        return local[x]!
      }
      let bytes = 0
      let end = start
      for (; end < codes.length; end++) {
        const x = Math.floor(codes[end]! / n)
        const y = codes[end]! % n
        const first = number(x)
        if (held[first] === 0) {
          // A new first document (codes are sorted by first): the block closes before it when full.
          const size = distinct[entries[x]!]! * 4
          if (end > start && (bytes + size > blockBytes || end - start >= maxPairs)) {
            if (first === members.length - 1) {
              local[x] = -1
              members.pop()
              held.pop()
            }
            break
          }
          bytes += size
          held[first] = 1
        }
        // Documents of two scripts are never compared (the first is held all the same: the budget counted it).
        if (modes[entries[x]!] === modes[entries[y]!]) pairs.push(first, number(y))
      }
      for (const x of members) local[x] = -1
      start = end
      if (pairs.length === 0) continue
      const documents = Int32Array.from(members, (x) => entries[x]!)
      yield { documents, pairs: Int32Array.from(pairs), held: Uint8Array.from(held), rules: { threshold: this.options.threshold, containment: this.options.containment } }
    }
  }

  /** Takes a block's answer (blocks in the order they came). */
  apply(block: PairBlock, verdicts: PairVerdicts): void {
    verdicts.verified.forEach((p, i) => {
      const a = block.documents[block.pairs[2 * p]!]!
      const b = block.documents[block.pairs[2 * p + 1]!]!
      this.edges.push([a, b])
      this.shared.set(pairKey(a, b, this.table.size), verdicts.shared[i]!)
    })
  }

  result(): VerifiedPairs {
    return { edges: this.edges, shared: this.shared }
  }
}

/**
 * Verified near-duplicate pairs among `entries` (the positions that enter LSH: distinct, non-empty
 * sets, in increasing order), as pairs of positions, verified on this thread. Crowded LSH buckets
 * pair by canonical-policy `rank`.
 */
export function verifiedPairs(
  table: ClusterSummaryTable,
  entries: Int32Array,
  rank: Int32Array,
  read: (position: number) => Uint32Array,
  options: NeardupOptions,
  blockBytes = VERIFY_BLOCK_BYTES,
): VerifiedPairs {
  const candidates = new CandidatePairs(table, entries, rank, options)
  for (const block of candidates.blocks(1, blockBytes)) candidates.apply(block, verifyPairBlock(block, (k) => read(block.documents[k]!)))
  return candidates.result()
}
