/** Worker-thread entry (tinypool): one batch of documents through the per-document stages. */
import { runDocumentStages, type BatchOutput, type DocumentStageOptions } from './stages.js'
import type { DocumentInput } from '../types.js'

export interface BatchTask {
  readonly inputs: ReadonlyArray<Pick<DocumentInput, 'id' | 'text'>>
  readonly options: DocumentStageOptions
}

export default function run(task: BatchTask): BatchOutput {
  return runDocumentStages(task.inputs, task.options, { detach: true })
}
