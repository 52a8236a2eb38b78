/**
 * Clusters that cannot chain: documents are taken in canonical-policy order; each one not yet
 * placed becomes a canonical and takes every unplaced document verified against *it*. A member is
 * therefore always verified against its own canonical, never only against another member, so
 * A~B and B~C do not pull A and C together when A and C differ (marin #6851/#6854 show the giant
 * clusters transitive closure builds). The order depends only on ids and lengths, never on input order.
 */
import type { CanonicalPolicy } from '../options.js'
import { sameSet } from './verify.js'

export interface ClusterCandidate {
  readonly id: string
  /** Shingles in the cleaned text, repeats included: how complete the text is. */
  readonly length: number
}

/** A verified pair: positions in the candidates array. */
export type Edge = readonly [number, number]

export interface Star {
  readonly canonical: number
  /** Positions of the other members, in canonical-policy order. */
  readonly members: readonly number[]
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders documents so that the one a policy keeps comes first; ties by id. */
export function policyOrder(candidates: readonly ClusterCandidate[], policy: CanonicalPolicy): number[] {
  const order = candidates.map((_, i) => i)
  const compare = (a: ClusterCandidate, b: ClusterCandidate): number => {
    if (policy === 'longest' && a.length !== b.length) return b.length - a.length
    if (policy === 'shortest' && a.length !== b.length) return a.length - b.length
    return byId(a.id, b.id)
  }
  return order.sort((a, b) => compare(candidates[a]!, candidates[b]!))
}

/** Groups of two or more documents around a canonical, sorted by the canonical's id. */
export function clusterStars(
  candidates: readonly ClusterCandidate[],
  edges: readonly Edge[],
  policy: CanonicalPolicy,
  /** `policyOrder(candidates, policy)`, if the caller has it already (sorting a million ids takes a while). */
  order: readonly number[] = policyOrder(candidates, policy),
): Star[] {
  const rank = new Int32Array(candidates.length)
  order.forEach((position, r) => (rank[position] = r))
  const neighbours: number[][] = candidates.map(() => [])
  for (const [a, b] of edges) {
    neighbours[a]!.push(b)
    neighbours[b]!.push(a)
  }
  const placed = new Uint8Array(candidates.length)
  const stars: Star[] = []
  for (const canonical of order) {
    if (placed[canonical]) continue
    placed[canonical] = 1
    const members = neighbours[canonical]!.filter((other) => !placed[other]).sort((a, b) => rank[a]! - rank[b]!)
    for (const member of members) placed[member] = 1
    if (members.length > 0) stars.push({ canonical, members })
  }
  return stars.sort((a, b) => byId(candidates[a.canonical]!.id, candidates[b.canonical]!.id))
}

/**
 * Puts each exact copy where its lead went: `leadOf[i]` is the policy-first document with the same
 * shingle set as i (i itself for leads). Only leads enter LSH, so a thousand identical documents
 * make one entry, not half a million candidate pairs; their copies follow here.
 */
export function withExactCopies(
  stars: readonly Star[],
  leadOf: Int32Array,
  candidates: readonly ClusterCandidate[],
  policy: CanonicalPolicy,
  order: readonly number[] = policyOrder(candidates, policy),
): Star[] {
  const copies = new Map<number, number[]>()
  for (let i = 0; i < leadOf.length; i++) {
    if (leadOf[i] === i) continue
    const list = copies.get(leadOf[i]!)
    if (list) list.push(i)
    else copies.set(leadOf[i]!, [i])
  }
  if (copies.size === 0) return [...stars]
  const rank = new Int32Array(candidates.length)
  order.forEach((position, r) => (rank[position] = r))
  const byRank = (a: number, b: number): number => rank[a]! - rank[b]!
  const placed = new Set<number>()
  const expanded = stars.map((star) => {
    placed.add(star.canonical)
    star.members.forEach((member) => placed.add(member))
    const members = [...(copies.get(star.canonical) ?? []), ...star.members.flatMap((member) => [member, ...(copies.get(member) ?? [])])]
    return { canonical: star.canonical, members: members.sort(byRank) }
  })
  for (const [lead, list] of copies) if (!placed.has(lead)) expanded.push({ canonical: lead, members: [...list].sort(byRank) })
  return expanded.sort((a, b) => byId(candidates[a.canonical]!.id, candidates[b.canonical]!.id))
}

/**
 * For each document, the policy-first document with an identical (non-empty) shingle set (itself
 * when none comes before it). Only documents whose set shares its hash with another's are read
 * (once each), and sets are compared only within such a run: exact-copy candidates.
 */
export function exactLeads(
  distinct: ArrayLike<number>,
  setHashes: ArrayLike<number>,
  rank: Int32Array,
  read: (position: number) => Uint32Array,
): Int32Array {
  const leadOf = Int32Array.from({ length: distinct.length }, (_, i) => i)
  let count = 0
  const filled = new Int32Array(distinct.length)
  for (let i = 0; i < distinct.length; i++) if (distinct[i]! > 0) filled[count++] = i
  const order = filled.subarray(0, count).sort((a, b) => setHashes[a]! - setHashes[b]! || rank[a]! - rank[b]!)
  for (let start = 0, end = 0; start < count; start = end) {
    end = start + 1
    while (end < count && setHashes[order[end]!] === setHashes[order[start]!]) end++
    if (end - start === 1) continue
    const leads: Array<{ position: number; set: Uint32Array }> = []
    for (let k = start; k < end; k++) {
      const position = order[k]!
      const set = read(position)
      const lead = leads.find((other) => sameSet(other.set, set))
      if (lead !== undefined) leadOf[position] = lead.position
      else leads.push({ position, set })
    }
  }
  return leadOf
}
