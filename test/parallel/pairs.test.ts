/**
 * The near-duplicate candidate pairs verified a block at a time on worker threads, each block
 * reading its shingle sets from the spool: the clusters are the ones `findClusters` finds on one
 * thread, however the candidates are cut.
 */
import { describe, expect, it } from 'vitest'
import { CorpusGenerator } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { bandParameters, ClusterSearch, ClusterSummaryTable, findClusters, summarizeForClusters } from '../../src/neardup/index.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { PassRunner } from '../../src/parallel/index.js'
import { appendRecord, createSpoolFolder, readRecord, type RecordPlace } from '../../src/spool/index.js'
import { doc } from '../helpers/index.js'

const options = DEFAULT_OPTIONS.neardup

describe('the pairs pass', () => {
  it.each([1, 2])('with %i thread(s), verifies blocks of candidates read from the spool into the clusters found on one thread', async (jobs) => {
    const devSet = findDevSet()
    if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
    const generator = new CorpusGenerator(loadPools(devSet), 17)
    const documents = Array.from({ length: 500 }, (_, i) => doc(generator.next(), `gen-${String(i).padStart(4, '0')}`))
    const ids = documents.map((document) => document.id)
    const summarized = documents.map((document) => summarizeForClusters(document, options))
    const table = ClusterSummaryTable.from(summarized, bandParameters(options).bands)
    const expected = findClusters(ids, table, (k) => summarized[k]!.shingles, options)
    expect(expected.clusters.length).toBeGreaterThan(20)

    const spool = createSpoolFolder()
    const runner = new PassRunner(jobs)
    try {
      const places: RecordPlace[] = summarized.map((summary) => appendRecord(spool.dir, 'shingles', summary.shingles))
      runner.start()
      const search = new ClusterSearch(ids, table, (k) => readRecord<Uint32Array>(spool.dir, places[k]!), options)
      // A block budget of 20 sets (and, with threads, a share of the pairs each) makes many blocks.
      const blocks = [...search.blocks(runner.threads, 20 * 3000)]
      expect(blocks.length).toBeGreaterThan(5)
      for (const block of blocks) {
        expect(block.pairs.length).toBeGreaterThan(0)
        expect(Math.max(...block.pairs)).toBeLessThan(block.documents.length)
        await runner.dispatch({ pass: 'pairs', spool: spool.dir, block, places: Array.from(block.documents, (k) => places[k]!) }, (output) => search.apply(block, output.verdicts))
      }
      await runner.drain()
      expect(search.result()).toEqual(expected)
      expect(Object.keys(runner.timings)).toEqual(['pairs'])
    } finally {
      await runner.close()
      spool.dispose()
    }
  })
})
