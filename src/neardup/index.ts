/**
 * Stage 5: near-duplicate documents across the corpus.
 * fingerprint (shingle → sign) → LSH candidates → verify → cluster around canonicals → decisions;
 * passages shared across clusters are reported, not removed.
 */
import { keptParagraphs } from '../document.js'
import type { NeardupOptions } from '../options.js'
import type { Cluster, Document, SharedPassage } from '../types.js'
import { clusterStars, exactLeads, policyOrder, withExactCopies, type Edge } from './cluster.js'
import { fingerprint, type Fingerprint } from './fingerprint.js'
import { LshIndex, optimalBands } from './lsh.js'
import { findSharedPassages } from './shared.js'
import { overlap, round4 } from './verify.js'

export { fingerprint, type Fingerprint, type FingerprintSettings } from './fingerprint.js'
export { signText, signTexts, signOnePermutation, signClassic, estimateJaccard, type MinHashScheme } from './minhash.js'
export { scanShingles, shingleSet, shingleMode } from './shingle.js'
export { optimalBands, LshIndex } from './lsh.js'

export interface NeardupResult {
  readonly clusters: readonly Cluster[]
  readonly sharedPassages: readonly SharedPassage[]
}

/**
 * LSH is tuned for a lower similarity than the verifier accepts, so that its S-curve is already
 * near 1 at the threshold: LSH proposes generously and verification decides (README figures).
 * Never above 0.25, so abridged copies (Jaccard ~ their share of the full text) that only the
 * containment route accepts are still proposed when a user raises the threshold.
 */
export function lshThreshold(options: NeardupOptions): number {
  return Math.min(options.threshold * 0.5, 0.25)
}

/** The containment route needs this many shingles in the smaller text: a sentence is not a copy. */
export const MIN_CONTAINED_SHINGLES = 25

/** The normalised cleaned text the fingerprint is taken of: kept paragraphs' matching keys. */
export function cleanedKey(document: Document): string {
  return keptParagraphs(document)
    .map((paragraph) => paragraph.key)
    .join('\n')
}

/**
 * Verified near-duplicate pairs among fingerprints (positions into the array). `rank` (optional) is
 * each print's place in the canonical policy's order, which crowded LSH buckets pair by.
 */
export function verifiedPairs(prints: readonly Fingerprint[], options: NeardupOptions, rank?: ArrayLike<number>): Edge[] {
  const { bands, rows } = optimalBands(lshThreshold(options), options.numPerm)
  const index = new LshIndex({ bands, rows }, prints.length)
  const positions: number[] = []
  const ranks: number[] = []
  prints.forEach((print, position) => {
    if (print.shingles.length === 0) return // nothing to compare: never a duplicate
    index.add(print.signature)
    positions.push(position)
    ranks.push(rank ? rank[position]! : position)
  })
  const edges: Edge[] = []
  for (const [x, y] of index.candidatePairs(ranks)) {
    const a = prints[positions[x]!]!
    const b = prints[positions[y]!]!
    if (a.mode !== b.mode) continue
    const measured = overlap(a.shingles, b.shingles)
    const smaller = Math.min(a.shingles.length, b.shingles.length)
    const contained = a.shingles.length <= b.shingles.length ? measured.containment : measured.containmentOfB
    if (measured.jaccard >= options.threshold || (contained >= options.containment && smaller >= MIN_CONTAINED_SHINGLES)) {
      edges.push([positions[x]!, positions[y]!])
    }
  }
  return edges
}

/** Finds clusters among the documents still standing and appends `duplicate` decisions to every non-canonical member. */
export function findNearDuplicates(documents: readonly Document[], options: NeardupOptions): NeardupResult {
  if (!options.enabled) return { clusters: [], sharedPassages: [] }
  const prints = documents.map((document) => fingerprint(cleanedKey(document), options))
  const candidates = documents.map((document, i) => ({ id: document.id, length: prints[i]!.length }))
  // Exact copies are set aside (they follow their lead); only distinct shingle sets enter LSH.
  const leadOf = exactLeads(
    prints.map((print) => print.shingles),
    candidates,
    options.canonical,
  )
  const leads = prints.flatMap((_, i) => (leadOf[i] === i ? [i] : []))
  const rank = new Int32Array(candidates.length)
  policyOrder(candidates, options.canonical).forEach((position, r) => (rank[position] = r))
  const edges = verifiedPairs(
    leads.map((i) => prints[i]!),
    options,
    leads.map((i) => rank[i]!),
  ).map(([a, b]): Edge => [leads[a]!, leads[b]!])
  const stars = withExactCopies(clusterStars(candidates, edges, options.canonical), leadOf, candidates, options.canonical)
  const groupOf = documents.map((document) => `doc:${document.id}`)
  const clusters = stars.map((star, k): Cluster => {
    const id = `c${k + 1}`
    const canonical = documents[star.canonical]!
    groupOf[star.canonical] = id
    const members = star.members
      .map((position) => {
        groupOf[position] = id
        const measured = overlap(prints[position]!.shingles, prints[star.canonical]!.shingles)
        const member = { id: documents[position]!.id, jaccard: round4(measured.jaccard), containment: round4(measured.containment) }
        documents[position]!.decisions.push({
          kind: 'duplicate',
          rule: 'near-duplicate',
          evidence: { cluster: id, canonical: canonical.id, jaccard: member.jaccard, containment: member.containment },
        })
        return member
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return { id, canonical: canonical.id, members: [{ id: canonical.id, jaccard: 1, containment: 1 }, ...members] }
  })
  return { clusters, sharedPassages: findSharedPassages(documents, groupOf) }
}
