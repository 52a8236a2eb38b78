/** The pipeline (src/pipeline.ts): what a sink is handed, batch after batch. */
import { describe, expect, it } from 'vitest'
import { writeCorpus } from '../src/bench/corpus.js'
import { findDevSet, loadPools } from '../src/bench/source.js'
import { BATCH_DOCUMENTS } from '../src/parallel/index.js'
import { cleanCorpus } from '../src/pipeline.js'
import { readDocuments } from '../src/read/index.js'
import { withTempDir } from './helpers/index.js'
import { join } from 'node:path'

const devSet = findDevSet()
if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')

describe('cleanCorpus', () => {
  // With threads, more batches than are ever in flight at once (6), so buffers come back to be lent again.
  it.each([
    [1, 3],
    [2, 8],
  ])('with %i thread(s), lends each batch its bytes in shared buffers it reuses once the sink has written them (%i batches)', async (jobs, count) => {
    await withTempDir(async (dir) => {
      const input = join(dir, 'corpus.jsonl')
      const docs = BATCH_DOCUMENTS * count
      await writeCorpus(input, loadPools(devSet), { docs, seed: 11 })
      const buffers = new Set<ArrayBufferLike>()
      let json = ''
      let jsonl = ''
      let batches = 0
      await cleanCorpus(readDocuments([input]), { jobs, neardup: { sharedPassages: false } }, {}, {
        entries: false,
        out: null,
        keepDuplicates: false,
        begin: () => {},
        write: async (batch) => {
          batches++
          for (const bytes of [batch.json, batch.html, batch.jsonl]) buffers.add(bytes.buffer)
          // A sink that writes asynchronously: the bytes must still be this batch's when it gets to them.
          await new Promise((resolve) => setTimeout(resolve, 5))
          json += Buffer.from(batch.json).toString('utf8')
          jsonl += Buffer.from(batch.jsonl).toString('utf8')
        },
      })
      expect(batches).toBe(count)
      // Inline, the same three buffers serve every batch (threads receive a new handle on a buffer each time).
      if (jobs === 1) expect(buffers.size).toBe(3)
      const entries = JSON.parse(`[${json}]`) as Array<{ id: string; status: string }>
      expect(entries).toHaveLength(docs)
      const ids = entries.map((entry) => entry.id)
      expect(ids).toEqual([...ids].sort())
      const records = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { id: string })
      expect(records.map((record) => record.id)).toEqual(entries.filter((entry) => entry.status === 'kept').map((entry) => entry.id))
    })
  })
})
