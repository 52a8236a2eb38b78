/**
 * Per-document stages over a stream of documents, in batches, on worker threads (tinypool) or
 * inline for --jobs 1. Batches are dispatched while reading goes on and applied in input order,
 * so the result is the same whatever the number of threads; a bounded number of batches is in
 * flight, so a fast reader cannot queue the whole corpus in memory.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Tinypool } from 'tinypool'
import type { Document } from '../types.js'
import { runDocumentStages, type BatchOutput, type DocumentStageOptions } from './stages.js'
import type { BatchTask } from './worker.js'

export { runDocumentStages } from './stages.js'
export type { DocumentStageOptions, StageOutput } from './stages.js'

/** A batch closes at this many UTF-16 code units of text… */
const BATCH_CHARS = 1 << 20
/** …or this many documents, whichever comes first. */
const BATCH_DOCUMENTS = 512
/** Batches in flight per thread: enough to keep threads busy while the main thread reads. */
const IN_FLIGHT_PER_THREAD = 3

/** The compiled worker beside this file; from the TypeScript sources (tests), the one in dist/. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url)
  const compiled = here.replace(/\.ts$/, '.js')
  if (compiled === here) return here.replace(/index\.js$/, 'worker.js')
  const dist = compiled.replace(/([\\/])src([\\/])parallel([\\/])index\.js$/, '$1dist$2parallel$3worker.js')
  if (!existsSync(dist)) throw new Error(`${dist}: build first (npm run build): worker threads run compiled code`)
  return dist
}

function apply(documents: readonly Document[], output: BatchOutput, timings: Record<string, number>): void {
  output.documents.forEach((result, i) => {
    const document = documents[i]!
    document.lineCount = result.lineCount
    document.paragraphs = result.paragraphs
    document.decisions.push(...result.decisions)
  })
  for (const [stage, ms] of Object.entries(output.timings)) timings[stage] = (timings[stage] ?? 0) + ms
}

export interface DocumentStageRunner {
  /** Queues a document (skipped ones pass through untouched); resolves when there is room for more. */
  push(document: Document): Promise<void>
  /** Waits for every queued document; returns milliseconds per stage summed over all threads. */
  finish(): Promise<Record<string, number>>
}

export function createDocumentStageRunner(options: DocumentStageOptions, jobs: number): DocumentStageRunner {
  const timings: Record<string, number> = {}
  // Started with the first full batch: an input that fits in one batch never pays for threads.
  let pool: Tinypool | null = null
  const inFlight: Array<Promise<void>> = []
  let batch: Document[] = []
  let chars = 0

  const dispatch = (moreToCome: boolean): void => {
    if (batch.length === 0) return
    if (pool === null && moreToCome && jobs > 1) {
      pool = new Tinypool({ filename: workerFile(), minThreads: jobs, maxThreads: jobs, isolateWorkers: false })
    }
    const documents = batch
    batch = []
    chars = 0
    const inputs = documents.map(({ id, text }) => ({ id, text }))
    if (pool === null) {
      apply(documents, runDocumentStages(inputs, options), timings)
      return
    }
    const task: BatchTask = { inputs, options }
    const done = (pool.run(task) as Promise<BatchOutput>).then((output) => apply(documents, output, timings))
    done.catch(() => {}) // awaited in order below; this only stops an early failure counting as unhandled
    inFlight.push(done)
  }

  return {
    async push(document) {
      if (document.skipped !== undefined) return
      batch.push(document)
      chars += document.text.length
      if (chars < BATCH_CHARS && batch.length < BATCH_DOCUMENTS) return
      dispatch(true)
      // Results are applied to their own documents whatever order batches finish in, so waiting
      // for the oldest keeps memory bounded without affecting the output.
      while (inFlight.length >= jobs * IN_FLIGHT_PER_THREAD) await inFlight.shift()
    },
    async finish() {
      dispatch(false)
      try {
        await Promise.all(inFlight.splice(0))
      } finally {
        await (pool as Tinypool | null)?.destroy()
      }
      for (const stage of Object.keys(timings)) timings[stage] = Math.round(timings[stage]!)
      return timings
    },
  }
}
