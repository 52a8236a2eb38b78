/**
 * Clusters that cannot chain: documents are taken in canonical-policy order; each one not yet
 * placed becomes a canonical and takes every unplaced document verified against *it*. A member is
 * therefore always verified against its own canonical, never only against another member, so
 * A~B and B~C do not pull A and C together when A and C differ (marin #6851/#6854 show the giant
 * clusters transitive closure builds). The order depends only on ids and lengths, never on input order.
 */
import type { CanonicalPolicy } from '../options.js'

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
export function clusterStars(candidates: readonly ClusterCandidate[], edges: readonly Edge[], policy: CanonicalPolicy): Star[] {
  const order = policyOrder(candidates, policy)
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
