/** Thousands of near-identical documents in one LSH bucket: bounded pairs, no crash, one cluster each. */
import { describe, expect, it } from 'vitest'
import { LshIndex, MAX_BUCKET_PAIRS } from '../../src/neardup/lsh.js'
import { clean } from '../../src/index.js'

describe('crowded LSH buckets', () => {
  it('pair each document with the bucket’s first documents in rank order, not with every other', () => {
    const index = new LshIndex({ bands: 4, rows: 2 }, 8)
    const signature = Uint32Array.from({ length: 8 }, (_, i) => i * 7919)
    const count = 1000
    for (let i = 0; i < count; i++) index.add(signature)
    const rank = Array.from({ length: count }, (_, i) => count - 1 - i) // the last added leads
    const pairs = index.candidatePairs(rank)
    expect(pairs.length).toBeLessThan(count * MAX_BUCKET_PAIRS)
    // Every document is paired with the leader (rank 0 = position 999).
    const withLeader = new Set(pairs.filter(([a, b]) => a === count - 1 || b === count - 1).flatMap(([a, b]) => [a, b]))
    expect(withLeader.size).toBe(count)
    // Small buckets still give every pair.
    const small = new LshIndex({ bands: 4, rows: 2 }, 8)
    for (let i = 0; i < 10; i++) small.add(signature)
    expect(small.candidatePairs()).toHaveLength(45)
  })

  it('cluster 5,000 templated documents that differ only in their numbers without blowing up', async () => {
    const documents = Array.from({ length: 5000 }, (_, i) => ({
      id: `s${String(i).padStart(5, '0')}`,
      text: `Story number ${i} about the market in town ${i % 97}.\nIt has a second paragraph that differs: ${i * 7919}.\n`,
    }))
    const { report } = await clean(documents, { jobs: 1 })
    const { documents: counts } = report.stats
    expect(counts.kept + counts.duplicate).toBe(5000)
    for (const cluster of report.clusters) expect(cluster.members[0]!.id).toBe(cluster.canonical)
  })
})
