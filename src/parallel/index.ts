/**
 * Per-document stages over a stream of documents, in batches, on worker threads (tinypool) or
 * inline for --jobs 1. Batches are dispatched while reading goes on and their outputs kept by input
 * position, so the result is the same whatever the number of threads; a bounded number of batches is in
 * flight, so a fast reader cannot queue the whole corpus in memory.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Tinypool } from 'tinypool'
import type { Document, DocumentInput } from '../types.js'
import { attachLineTexts } from './slices.js'
import { runDocumentStages, type BatchOutput, type DocumentStageOptions, type StageOutput } from './stages.js'
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

/** Stage outputs by input position; null for skipped inputs. */
export type StageOutputs = Array<StageOutput | null>

export interface DocumentStageRunner {
  /** Queues the next input (a skipped one gets no output); resolves when there is room for more. */
  push(input: DocumentInput): Promise<void>
  /**
   * Waits for every queued input; returns the outputs by input position, and milliseconds per
   * stage summed over all threads.
   */
  finish(): Promise<{ outputs: StageOutputs; timings: Record<string, number> }>
}

/** Fills documents (created from the same inputs, in the same order) with the stages' outputs. */
export function applyStageOutputs(documents: readonly Document[], outputs: StageOutputs): void {
  documents.forEach((document, i) => {
    const output = outputs[i]
    if (!output) return
    if (output.places) attachLineTexts(document.text, output.paragraphs, output.places)
    document.lineCount = output.lineCount
    document.paragraphs = output.paragraphs
    document.decisions.push(...output.decisions)
  })
}

export function createDocumentStageRunner(options: DocumentStageOptions, jobs: number): DocumentStageRunner {
  const timings: Record<string, number> = {}
  const outputs: StageOutputs = []
  // Started with the first full batch: an input that fits in one batch never pays for threads.
  let pool: Tinypool | null = null
  const inFlight: Array<Promise<void>> = []
  /** Positions and texts of the inputs in the batch being filled. */
  let batch: Array<{ position: number; id: string; text: string }> = []
  let chars = 0

  const dispatch = (moreToCome: boolean): void => {
    if (batch.length === 0) return
    if (pool === null && moreToCome && jobs > 1) {
      pool = new Tinypool({ filename: workerFile(), minThreads: jobs, maxThreads: jobs, isolateWorkers: false })
    }
    const positions = batch.map((item) => item.position)
    const inputs = batch.map(({ id, text }) => ({ id, text }))
    batch = []
    chars = 0
    const store = (output: BatchOutput): void => {
      output.documents.forEach((result, i) => (outputs[positions[i]!] = result))
      for (const [stage, ms] of Object.entries(output.timings)) timings[stage] = (timings[stage] ?? 0) + ms
    }
    if (pool === null) {
      store(runDocumentStages(inputs, options))
      return
    }
    const task: BatchTask = { inputs, options }
    const done = (pool.run(task) as Promise<BatchOutput>).then(store)
    done.catch(() => {}) // awaited in order below; this only stops an early failure counting as unhandled
    inFlight.push(done)
  }

  return {
    async push(input) {
      const position = outputs.length
      outputs.push(null)
      if (input.skipped !== undefined) return
      batch.push({ position, id: input.id, text: input.text })
      chars += input.text.length
      if (chars < BATCH_CHARS && batch.length < BATCH_DOCUMENTS) return
      dispatch(true)
      // Outputs are stored at their own positions whatever order batches finish in, so waiting
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
      return { outputs, timings }
    },
  }
}
