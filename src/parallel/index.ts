/**
 * The passes (`passes.ts`) over batches of documents, on worker threads (tinypool) or inline for
 * --jobs 1. Batches are dispatched as their inputs arrive, a bounded number in flight, and their
 * results handed back in dispatch order, so the outcome is the same whatever the number of threads
 * and a fast producer cannot queue the corpus in memory.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Tinypool } from 'tinypool'
import { runPass } from './worker.js'
import type { LinesOutput, PairsOutput, PassagesOutput, PassTask, ReadOutput, RenderOutput, SummarizeOutput } from './passes.js'

export { loadDocument, loadText, type DocumentMeta, type ReadDocument, type ReadInput, type ReadOutput, type RenderedDocument, type RenderOutput, type RenderItem, type Summary } from './passes.js'

/** A batch of pass 1 closes at this many UTF-16 code units of text… */
export const BATCH_CHARS = 1 << 20
/** …or this many documents, whichever comes first (passes 2 and 3 batch by count alone). */
export const BATCH_DOCUMENTS = 512
/** Batches in flight per thread: enough to keep threads busy while the main thread feeds them. */
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

/**
 * Each worker's young generation, in MB (V8's default is 48: two 16 MB semi-spaces and one for
 * large objects). A batch's documents are alive while it runs, and every scavenge copies them:
 * with 32 MB semi-spaces there are half as many scavenges. Measured at 100,000 documents with two
 * workers: 37.4 s at 48 MB, 34.8 s at 96, 34.5 s at 192 (and 60 and 200 MB more peak RSS). With
 * one thread the batches run on the main thread, where the default is kept: its scavenges run in
 * parallel on the idle core, and a larger young generation gained nothing there.
 */
export const WORKER_YOUNG_GENERATION_MB = 96

/** The worker pool's settings for `jobs` threads. */
export function poolOptions(jobs: number): ConstructorParameters<typeof Tinypool>[0] {
  return { filename: workerFile(), minThreads: jobs, maxThreads: jobs, isolateWorkers: false, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }
}

type Output<T extends PassTask> = T extends { pass: 'read' }
  ? ReadOutput
  : T extends { pass: 'summarize' }
    ? SummarizeOutput
    : T extends { pass: 'passages' }
      ? PassagesOutput
      : T extends { pass: 'pairs' }
        ? PairsOutput
        : T extends { pass: 'lines' }
          ? LinesOutput
          : RenderOutput

/**
 * Runs batches of a pass in order of dispatch. With jobs = 1, or when `start()` was never called
 * with more than one batch to come, batches run inline on this thread: a small corpus never pays
 * for threads.
 */
export class PassRunner {
  private pool: Tinypool | null = null
  private readonly inFlight: Array<Promise<void>> = []
  /** Thread time per stage, summed over every batch of every pass. */
  readonly timings: Record<string, number> = {}

  constructor(private readonly jobs: number) {}

  /** Threads that run batches: 1 when they run inline. */
  get threads(): number {
    return this.pool === null ? 1 : this.jobs
  }

  /** Starts the threads (once): call when more than one batch is known to come. */
  start(): void {
    if (this.pool === null && this.jobs > 1) this.pool = new Tinypool(poolOptions(this.jobs))
  }

  /**
   * Queues a batch; `use` gets its output, batches in the order they were queued. Resolves when
   * there is room for another batch. (Large bytes travel in shared buffers: see `BufferPool`.)
   */
  async dispatch<T extends PassTask>(task: T, use: (output: Output<T>) => void | Promise<void>): Promise<void> {
    const previous = this.inFlight[this.inFlight.length - 1] ?? Promise.resolve()
    const result = this.pool === null ? Promise.resolve().then(() => runPass(task)) : (this.pool.run(task) as Promise<Output<T>>)
    const done = Promise.all([result, previous]).then(async ([output]) => {
      const out = output as Output<T>
      for (const [stage, ms] of Object.entries(out.timings)) this.timings[stage] = (this.timings[stage] ?? 0) + ms
      await use(out)
    })
    done.catch(() => {}) // awaited in order in drain(); this only stops an early failure counting as unhandled
    this.inFlight.push(done)
    const limit = this.pool === null ? 1 : this.jobs * IN_FLIGHT_PER_THREAD
    while (this.inFlight.length >= limit) await this.inFlight.shift()
  }

  /** Waits for every queued batch. */
  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift()
  }

  async close(): Promise<void> {
    try {
      await this.drain()
    } finally {
      await this.pool?.destroy()
      this.pool = null
    }
  }
}
