/** Worker-thread entry (tinypool): one batch of one pass (`passes.ts`). */
import { linesPass, pairsPass, passagesPass, readPass, renderPass, summarizePass, type LinesOutput, type PairsOutput, type PassagesOutput, type PassTask, type ReadOutput, type RenderOutput, type SummarizeOutput } from './passes.js'

export default async function run(task: PassTask): Promise<ReadOutput | SummarizeOutput | RenderOutput | PassagesOutput | PairsOutput | LinesOutput> {
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
