/**
 * Near-duplicate clusters decided on compact summaries: the summaries themselves, findClusters
 * against an all-pairs reference on real and generated corpora, which shingle sets it reads, and
 * exact copies.
 */
import { describe, expect, it } from 'vitest'
import { CorpusGenerator } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { policyOrder } from '../../src/neardup/cluster.js'
import { bandParameters, bucketPairs, cleanedKey, ClusterSummaryTable, findClusters, findNearDuplicates, MIN_CONTAINED_SHINGLES, setHash, summarizeForClusters } from '../../src/neardup/index.js'
import { fingerprint } from '../../src/neardup/fingerprint.js'
import { verifiedPairs } from '../../src/neardup/pairs.js'
import { overlap, round4 } from '../../src/neardup/verify.js'
import { DEFAULT_OPTIONS, type NeardupOptions } from '../../src/options.js'
import type { Cluster, Document } from '../../src/types.js'
import { devCorpus, doc, seedFiles } from '../helpers/index.js'

const options = DEFAULT_OPTIONS.neardup

function documentsOf(inputs: ReadonlyArray<{ id: string; text: string }>): Document[] {
  return inputs.map((input) => doc(input.text, input.id))
}

/**
 * Clusters the plain way: every shingle set in memory, every pair verified (no LSH), exact copies
 * found by their full sets, stars grown greedily in policy order. What findClusters must agree with.
 */
function allPairsClusters(documents: readonly Document[], settings: NeardupOptions): Cluster[] {
  const prints = documents.map((document) => fingerprint(cleanedKey(document), settings))
  const candidates = documents.map((document, i) => ({ id: document.id, length: prints[i]!.length }))
  const order = policyOrder(candidates, settings.canonical)
  const verified = (a: number, b: number): boolean => {
    const [x, y] = [prints[a]!, prints[b]!]
    if (x.mode !== y.mode || x.shingles.length === 0 || y.shingles.length === 0) return false
    const measured = overlap(x.shingles, y.shingles)
    const smaller = Math.min(x.shingles.length, y.shingles.length)
    const contained = x.shingles.length <= y.shingles.length ? measured.containment : measured.containmentOfB
    return measured.jaccard >= settings.threshold || (contained >= settings.containment && smaller >= MIN_CONTAINED_SHINGLES)
  }
  const placed = new Set<number>()
  const clusters: Array<{ canonical: number; members: number[] }> = []
  for (const canonical of order) {
    if (placed.has(canonical)) continue
    placed.add(canonical)
    const members = order.filter((other) => !placed.has(other) && verified(canonical, other))
    members.forEach((member) => placed.add(member))
    if (members.length > 0) clusters.push({ canonical, members })
  }
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return clusters
    .sort((a, b) => byId(documents[a.canonical]!.id, documents[b.canonical]!.id))
    .map(({ canonical, members }, k) => ({
      id: `c${k + 1}`,
      canonical: documents[canonical]!.id,
      members: [
        { id: documents[canonical]!.id, jaccard: 1, containment: 1 },
        ...members
          .map((member) => {
            const measured = overlap(prints[member]!.shingles, prints[canonical]!.shingles)
            return { id: documents[member]!.id, jaccard: round4(measured.jaccard), containment: round4(measured.containment) }
          })
          .sort((a, b) => byId(a.id, b.id)),
      ],
    }))
}

/** findClusters over summaries, reading shingle sets through a counting accessor that copies like a disk read. */
function clusteredFromSummaries(documents: readonly Document[], settings: NeardupOptions = options) {
  const summarized = documents.map((document) => summarizeForClusters(document, settings))
  const reads: number[] = []
  const resident = summarized.map(({ shingles: _, ...summary }) => summary)
  const found = findClusters(
    documents.map((document) => document.id),
    resident,
    (position) => {
      reads.push(position)
      return summarized[position]!.shingles.slice()
    },
    settings,
  )
  return { found, reads, summarized }
}

const devSet = findDevSet()

describe('summarizeForClusters', () => {
  it('keeps a few hundred bytes per document and hands the shingle set apart, sorted and distinct', () => {
    const { bands } = bandParameters(options)
    for (const document of documentsOf(seedFiles())) {
      const summary = summarizeForClusters(document, options)
      const { shingles } = summary
      expect(shingles.length).toBeGreaterThan(100)
      for (let i = 1; i < shingles.length; i++) expect(shingles[i]!).toBeGreaterThan(shingles[i - 1]!)
      expect(summary.distinct).toBe(shingles.length)
      expect(summary.length).toBeGreaterThanOrEqual(summary.distinct)
      expect(summary.setHash).toBe(setHash(shingles))
      expect(summary.mode).toBe('word')
      expect(summary.bandKeys).toHaveLength(bands)
      // Own buffers: posting a summary from a worker copies its own bytes, not a shared scratch buffer.
      expect(summary.bandKeys.buffer.byteLength).toBe(summary.bandKeys.byteLength)
      expect(shingles.buffer.byteLength).toBe(shingles.byteLength)
      expect(summary.sketch!.buffer.byteLength).toBe(options.numPerm)
      expect(summary.bandKeys.byteLength + 3 * 4 + 1).toBeLessThanOrEqual(200)
    }
  })

  it('gives the same summary for the same cleaned text and a different one after a paragraph is removed', () => {
    const [first] = seedFiles()
    const a = summarizeForClusters(doc(first!.text, 'a'), options)
    const b = summarizeForClusters(doc(first!.text, 'b'), options)
    expect(b).toEqual(a)
    const trimmed = doc(first!.text, 'c')
    trimmed.decisions.push({ kind: 'boilerplate', rule: 'caption', paragraph: 0, evidence: { by: 'pattern', pattern: 'x', zone: 'top' } })
    const c = summarizeForClusters(trimmed, options)
    expect(c.distinct).toBeLessThan(a.distinct)
    expect(c.setHash).not.toBe(a.setHash)
  })
})

describe('findClusters on summaries', () => {
  it('finds the clusters all-pairs verification finds on the dev set, reading only candidates and members', () => {
    const documents = documentsOf(devCorpus())
    const { found, reads, summarized } = clusteredFromSummaries(documents)
    expect(found.clusters.length).toBeGreaterThan(50)
    expect(found.clusters).toEqual(allPairsClusters(documents, options))
    // A document is read only if it is in a cluster, shares an LSH bucket, or shares its set's hash with another.
    const { bands } = bandParameters(options)
    const paired = new Set(
      bucketPairs(documents.length, bands, (band, out) => summarized.forEach((summary, i) => (out[i] = summary.bandKeys[band]!))).flat(),
    )
    const inCluster = new Set(found.clusters.flatMap((cluster) => cluster.members.map((member) => member.id)))
    const hashes = summarized.map((summary) => summary.setHash)
    const read = new Set(reads)
    for (const position of read) {
      const sharesHash = hashes.indexOf(hashes[position]!) !== hashes.lastIndexOf(hashes[position]!)
      expect(paired.has(position) || inCluster.has(documents[position]!.id) || sharesHash).toBe(true)
    }
    const untouched = documents.filter((_, i) => !paired.has(i) && !inCluster.has(documents[i]!.id)).length
    expect(untouched).toBeGreaterThan(100)
    expect(read.size).toBeLessThanOrEqual(documents.length - untouched)
    // Verification reads each set about once (one block at this size), exact-copy search once more at most.
    const perPosition = new Map<number, number>()
    for (const position of reads) perPosition.set(position, (perPosition.get(position) ?? 0) + 1)
    expect(Math.max(...perPosition.values())).toBeLessThanOrEqual(2)
  })

  it('gives the same result from a table of summaries, grown from a small capacity', () => {
    const documents = documentsOf(devCorpus().slice(0, 200))
    const summarized = documents.map((document) => summarizeForClusters(document, options))
    const table = new ClusterSummaryTable(bandParameters(options).bands, 3)
    summarized.forEach((summary, i) => expect(table.add(summary)).toBe(i))
    expect(table.size).toBe(200)
    // Capacity 3 doubled to 384; 13 bytes of figures and 4 per band key for each.
    expect(table.byteLength).toBe(384 * (4 + 4 + 4 + 1 + 4 * bandParameters(options).bands))
    const ids = documents.map((document) => document.id)
    const read = (position: number): Uint32Array => summarized[position]!.shingles
    expect(findClusters(ids, table, read, options)).toEqual(findClusters(ids, summarized, read, options))
    // With the sketches kept (as the pipeline keeps them): 128 bytes more for each.
    const sketched = new ClusterSummaryTable(bandParameters(options).bands, 3, options.numPerm)
    for (const summary of summarized) sketched.add(summary)
    expect(sketched.byteLength).toBe(384 * (4 + 4 + 4 + 1 + 4 * bandParameters(options).bands + options.numPerm))
    expect(findClusters(ids, sketched, read, options)).toEqual(findClusters(ids, summarized, read, options))
    expect(() => findClusters(ids.slice(1), table, read, options)).toThrow(/one summary per id/)
  })

  it.skipIf(devSet === null)('finds the clusters all-pairs verification finds on a generated corpus', () => {
    const generator = new CorpusGenerator(loadPools(devSet!), 11)
    const documents = documentsOf(Array.from({ length: 400 }, (_, i) => ({ id: `g${String(i).padStart(4, '0')}`, text: generator.next() })))
    for (const canonical of ['longest', 'shortest', 'first'] as const) {
      const settings = { ...options, canonical }
      const { found } = clusteredFromSummaries(documents, settings)
      expect(found.clusters.length).toBeGreaterThan(20)
      expect(found.clusters).toEqual(allPairsClusters(documents, settings))
    }
  })

  it('returns the decisions findNearDuplicates appends, in its order, and the groups shared passages take', () => {
    const documents = documentsOf(devCorpus().slice(0, 300))
    const { found } = clusteredFromSummaries(documents)
    const appended = documentsOf(devCorpus().slice(0, 300))
    const { clusters } = findNearDuplicates(appended, options)
    expect(found.clusters).toEqual(clusters)
    const members = clusters.flatMap((cluster) => cluster.members.slice(1).map((member) => ({ id: member.id, cluster: cluster.id })))
    expect(found.duplicates.map(({ document }) => documents[document]!.id).sort()).toEqual(members.map((member) => member.id).sort())
    for (const { document, decision } of found.duplicates) {
      expect(appended[document]!.decisions).toEqual([decision])
      expect(found.groupOf[document]).toBe(decision.evidence.cluster)
    }
    // Cluster by cluster, each cluster's members in canonical-policy order (longest first).
    const clusterOrder = found.duplicates.map(({ decision }) => Number(decision.evidence.cluster.slice(1)))
    expect(clusterOrder).toEqual([...clusterOrder].sort((a, b) => a - b))
    const alone = documents.findIndex((_, i) => !found.duplicates.some((d) => d.document === i) && !clusters.some((c) => c.canonical === documents[i]!.id))
    expect(found.groupOf[alone]).toBe(`doc:${documents[alone]!.id}`)
  })
})

describe('verifiedPairs', () => {
  it('finds the same pairs and intersections whatever the block of sets held, one document per block or all', () => {
    const documents = documentsOf(devCorpus().slice(0, 300))
    const summarized = documents.map((document) => summarizeForClusters(document, options))
    const table = ClusterSummaryTable.from(summarized, bandParameters(options).bands)
    const entries = Int32Array.from(summarized.keys()).filter((i) => summarized[i]!.distinct > 0)
    const rank = Int32Array.from(summarized.keys())
    const run = (blockBytes: number) => {
      let reads = 0
      const read = (position: number): Uint32Array => (reads++, summarized[position]!.shingles)
      const found = verifiedPairs(table, entries, rank, read, options, blockBytes)
      const sorted = [...found.edges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
      return { sorted, shared: [...found.shared].sort((a, b) => a[0] - b[0]), reads }
    }
    const whole = run(Infinity)
    const small = run(1)
    expect(whole.sorted.length).toBeGreaterThan(20)
    expect(small.sorted).toEqual(whole.sorted)
    expect(small.shared).toEqual(whole.shared)
    expect(small.reads).toBeGreaterThan(whole.reads)
  })
})

describe('exact copies', () => {
  const [first, second] = seedFiles()

  it('fold into their lead with scores of 1, and a set that only shares the hash is verified, not folded', () => {
    const documents = documentsOf([
      { id: 'a', text: first!.text },
      { id: 'a2', text: first!.text },
      { id: 'a3', text: first!.text },
      { id: 'b', text: second!.text },
    ])
    const summarized = documents.map((document) => summarizeForClusters(document, options))
    // A forged fifth document: a's hash, size and band keys, but one shingle differs.
    const changed = summarized[0]!.shingles.slice()
    expect(changed[0]).toBeGreaterThan(0)
    changed[0] = changed[0]! - 1 // still sorted and distinct, still the same size
    summarized.push({ ...summarized[0]!, shingles: changed })
    const ids = ['a', 'a2', 'a3', 'b', 'forged']
    const reads: number[] = []
    const found = findClusters(
      ids,
      summarized,
      (position) => {
        reads.push(position)
        return summarized[position]!.shingles
      },
      options,
    )
    expect(found.clusters).toHaveLength(1)
    const [cluster] = found.clusters
    expect(cluster!.canonical).toBe('a')
    const byId = Object.fromEntries(cluster!.members.map((member) => [member.id, member]))
    expect(byId['a2']).toEqual({ id: 'a2', jaccard: 1, containment: 1 })
    expect(byId['a3']).toEqual({ id: 'a3', jaccard: 1, containment: 1 })
    expect(byId['forged']!.jaccard).toBeLessThan(1)
    expect(byId['b']).toBeUndefined()
    expect(reads).not.toContain(3) // b shares no bucket and no hash with anyone
  })
})
