/** Worker-thread entry (tinypool): one batch of one pass (`passes.ts`). */
import { linesPass, pairsPass, passagesPass, readPass, renderPass, summarizePass, type LinesOutput, type PairsOutput, type PassagesOutput, type PassTask, type ReadOutput, type RenderOutput, type SummarizeOutput } from './passes.js'

type PassOutput = ReadOutput | SummarizeOutput | RenderOutput | PassagesOutput | PairsOutput | LinesOutput

/** One batch of one pass, on whatever thread calls it (the main thread runs batches inline with --jobs 1). */
export async function runPass(task: PassTask): Promise<PassOutput> {
  switch (task.pass) {
    case 'read':
      return readPass(task)
    case 'summarize':
      return summarizePass(task)
    case 'render':
      return renderPass(task)
    case 'passages':
      return passagesPass(task)
    case 'pairs':
      return pairsPass(task)
    case 'lines':
      return linesPass(task)
  }
}

/** Tinypool's entry. A render batch's bytes are in shared memory (`BufferPool`): posted, not copied or moved. */
export default async function run(task: PassTask): Promise<PassOutput> {
  return runPass(task)
}
