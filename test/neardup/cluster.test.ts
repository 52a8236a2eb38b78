/** Clusters cannot chain; canonicals follow the policy whatever the input order. */
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { clusterStars } from '../../src/neardup/cluster.js'

/** Ten-word sentences s0, s1, … that share no 5-gram with one another. */
function sentences(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k
    return Array.from({ length: 10 }, (_, w) => `w${i}x${w}`).join(' ') + '.'
  }).join('\n')
}

describe('clusterStars', () => {
  it('does not chain: A~B and B~C with A not ~ C puts A and C together only under a canonical both match', () => {
    const candidates = [
      { id: 'a', length: 100 },
      { id: 'b', length: 90 },
      { id: 'c', length: 80 },
    ]
    const edges = [
      [0, 1],
      [1, 2],
    ] as const
    // a is kept (longest) and takes b; c matches only b, which is no canonical: c stays alone.
    expect(clusterStars(candidates, edges, 'longest')).toEqual([{ canonical: 0, members: [1] }])
    // with b the canonical, both a and c are verified against it.
    expect(clusterStars(candidates, edges, 'shortest')).toEqual([{ canonical: 2, members: [1] }])
    const bLongest = candidates.map((c) => (c.id === 'b' ? { ...c, length: 200 } : c))
    expect(clusterStars(bLongest, edges, 'longest')).toEqual([{ canonical: 1, members: [0, 2] }])
  })
})

describe('near-duplicates end to end', () => {
  // a = s0..s9, b = s3..s12, c = s6..s15 (96 shingles each): J(a,b) = J(b,c) = 66/126, J(a,c) = 36/156.
  const a = { id: 'a', text: sentences(0, 10) }
  const b = { id: 'b', text: sentences(3, 13) }
  const c = { id: 'c', text: sentences(6, 16) }

  it('keeps a chain apart: every member is verified against its canonical', async () => {
    const { report } = await clean([a, b, c], { jobs: 1, boilerplate: { enabled: false } })
    expect(report.clusters).toEqual([
      { id: 'c1', canonical: 'a', members: [{ id: 'a', jaccard: 1, containment: 1 }, { id: 'b', jaccard: 0.5238, containment: 0.6875 }] },
    ])
    expect(report.documents.map((d) => d.status)).toEqual(['kept', 'duplicate', 'kept'])
  })

  it('gives the same clusters and canonicals for every input order, under each policy', async () => {
    const long = { id: 'd', text: `${sentences(0, 10)}\n${sentences(40, 42)}` } // a plus two sentences
    const trimmed = { id: 'e', text: sentences(0, 8) } // a minus its last two
    const other = { id: 'f', text: sentences(60, 70) }
    const documents = [a, long, trimmed, other]
    const orders = [documents, [...documents].reverse(), [documents[2]!, documents[0]!, documents[3]!, documents[1]!]]
    for (const [policy, canonical] of [
      ['longest', 'd'],
      ['shortest', 'e'],
      ['first', 'a'],
    ] as const) {
      const reports = await Promise.all(orders.map((order) => clean(order, { jobs: 1, boilerplate: { enabled: false }, neardup: { canonical: policy } })))
      const first = JSON.stringify(reports[0]!.report.clusters)
      for (const { report } of reports) expect(JSON.stringify(report.clusters)).toBe(first)
      expect(reports[0]!.report.clusters.map((cluster) => [cluster.canonical, cluster.members.map((m) => m.id)])).toEqual([
        [canonical, [canonical, ...['a', 'd', 'e'].filter((id) => id !== canonical)]],
      ])
      const statuses = reports[0]!.report.documents.map((d) => `${d.id}:${d.status}`)
      expect(statuses).toContain(`${canonical}:kept`)
      expect(statuses).toContain('f:kept')
    }
  })

  it('joins an abridged copy by containment even when its Jaccard is below the threshold', async () => {
    const full = { id: 'full', text: sentences(0, 20) }
    const abridged = { id: 'short', text: sentences(0, 7) } // J = 66/196 shingles < 0.4, containment 1
    const { report } = await clean([full, abridged], { jobs: 1, boilerplate: { enabled: false } })
    expect(report.clusters[0]?.members).toEqual([
      { id: 'full', jaccard: 1, containment: 1 },
      { id: 'short', jaccard: 0.3367, containment: 1 },
    ])
  })

  it('folds thousands of identical documents into one cluster without pairing them all', async () => {
    const copies = Array.from({ length: 3000 }, (_, i) => ({ id: `copy-${String(i).padStart(4, '0')}`, text: sentences(0, 6) }))
    const { report } = await clean([...copies, { id: 'other', text: sentences(30, 36) }], { jobs: 1, boilerplate: { enabled: false } })
    expect(report.clusters).toHaveLength(1)
    expect(report.clusters[0]!.canonical).toBe('copy-0000')
    expect(report.clusters[0]!.members).toHaveLength(3000)
    expect(report.stats.documents.duplicate).toBe(2999)
  })

  it('sends an exact copy of a member to that member\'s canonical', async () => {
    const long = { id: 'long', text: sentences(0, 10) }
    const part = { id: 'part', text: sentences(0, 8) }
    const partAgain = { id: 'part-again', text: sentences(0, 8) }
    for (const order of [[long, part, partAgain], [partAgain, part, long]]) {
      const { report } = await clean(order, { jobs: 1, boilerplate: { enabled: false } })
      expect(report.clusters.map((cluster) => cluster.members.map((member) => member.id))).toEqual([['long', 'part', 'part-again']])
    }
  })
})
