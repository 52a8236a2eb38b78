/** The pass runner: on worker threads, pass 1 spools exactly what the stages give inline, in order. */
import { fileURLToPath } from 'node:url'
import { Tinypool } from 'tinypool'
import { describe, expect, it } from 'vitest'
import { markBoilerplate } from '../../src/boilerplate/index.js'
import { createDocument } from '../../src/document.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { BATCH_DOCUMENTS, loadDocument, PassRunner, poolOptions, WORKER_YOUNG_GENERATION_MB, type RenderOutput } from '../../src/parallel/index.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import { createSpoolFolder, type RecordPlace } from '../../src/spool/index.js'
import { devCorpus } from '../helpers/index.js'

describe('PassRunner', () => {
  it.each([1, 2])('with %i thread(s), spools every document as the stages leave it inline, results in dispatch order', async (jobs) => {
    const inputs = devCorpus()
    const expected = inputs.map((input) => {
      const document = createDocument(input)
      segment(document, DEFAULT_OPTIONS.segment)
      markBoilerplate(document, DEFAULT_OPTIONS.boilerplate)
      markRepeats(document, DEFAULT_OPTIONS.repeats)
      return document
    })
    const spool = createSpoolFolder()
    const runner = new PassRunner(jobs)
    try {
      runner.start()
      const places: RecordPlace[] = []
      const order: number[] = []
      const size = Math.ceil(BATCH_DOCUMENTS / 8) // several batches in flight at once
      for (let from = 0; from < inputs.length; from += size) {
        const batch = inputs.slice(from, from + size)
        await runner.dispatch({ pass: 'read', spool: spool.dir, inputs: batch.map((input) => ({ text: input.text })), jsonl: null, options: DEFAULT_OPTIONS }, (output) => {
          order.push(from)
          output.documents.forEach((document, i) => (places[from + i] = document.cleaned!.place))
        })
      }
      await runner.drain()
      expect(order).toEqual([...order].sort((a, b) => a - b))
      const loaded = inputs.map((input, i) => loadDocument(spool.dir, places[i]!, { id: input.id, source: input.source ?? { file: input.id }, warnings: [] }))
      expect(loaded).toEqual(expected)
      expect(Object.keys(runner.timings).sort()).toEqual(['boilerplate', 'corpus-summaries', 'repeats', 'segment'])
    } finally {
      await runner.close()
      spool.dispose()
    }
  })

  it('renders on threads the same bytes as inline, for batches of one short document and of many, into shared buffers', async () => {
    const inputs = devCorpus().slice(0, 120)
    const spool = createSpoolFolder()
    const rendered = async (jobs: number): Promise<string[]> => {
      const runner = new PassRunner(jobs)
      try {
        runner.start()
        const places: RecordPlace[] = []
        await runner.dispatch({ pass: 'read', spool: spool.dir, inputs: inputs.map((input) => ({ text: input.text })), jsonl: null, options: DEFAULT_OPTIONS }, (output) => {
          output.documents.forEach((document, i) => (places[i] = document.cleaned!.place))
        })
        await runner.drain()
        const shortest = inputs.reduce((best, input, i) => (input.text.length < inputs[best]!.text.length ? i : best), 0)
        const batches = [[shortest], inputs.map((_, i) => i), [shortest]]
        const out: string[] = []
        for (const batch of batches) {
          const items = batch.map((i) => ({ place: places[i]!, meta: { id: inputs[i]!.id, source: { file: inputs[i]!.id }, warnings: [] }, extra: [], selected: true }))
          await runner.dispatch({ pass: 'render', spool: spool.dir, items, first: 1, out: null, entries: false, htmlDocuments: Infinity, extraRules: [] }, (output: RenderOutput) => {
            for (const bytes of [output.json, output.html, output.jsonl]) {
              expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer)
              out.push(Buffer.from(bytes).toString('utf8'))
            }
          })
        }
        await runner.drain()
        return out
      } finally {
        await runner.close()
      }
    }
    try {
      const inline = await rendered(1)
      expect(Math.min(...inline.slice(0, 3).map((text) => Buffer.byteLength(text)))).toBeLessThan(4096) // small enough for Buffer's pool
      expect(inline[3]!.length).toBeGreaterThan(1 << 19)
      expect(await rendered(2)).toEqual(inline)
    } finally {
      spool.dispose()
    }
  })

  it('starts its workers with the larger young generation', async () => {
    const pool = new Tinypool({ ...poolOptions(1), filename: fileURLToPath(new URL('./fixtures/limits.mjs', import.meta.url)) })
    try {
      const limits = (await pool.run(null)) as { maxYoungGenerationSizeMb: number }
      expect(WORKER_YOUNG_GENERATION_MB).toBeGreaterThan(48)
      expect(limits.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB)
    } finally {
      await pool.destroy()
    }
  })
})
