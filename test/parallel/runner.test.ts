/** The pass runner: on worker threads, pass 1 spools exactly what the stages give inline, in order. */
import { describe, expect, it } from 'vitest'
import { markBoilerplate } from '../../src/boilerplate/index.js'
import { createDocument } from '../../src/document.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { BATCH_DOCUMENTS, loadDocument, PassRunner } from '../../src/parallel/index.js'
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
        await runner.dispatch({ pass: 'read', spool: spool.dir, texts: batch.map((input) => input.text), options: DEFAULT_OPTIONS }, (output) => {
          order.push(from)
          output.documents.forEach((document, i) => (places[from + i] = document.place))
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
})
