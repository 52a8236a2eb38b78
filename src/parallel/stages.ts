/**
 * The per-document stages (segment → boilerplate → repeats) as one pure function of a document's
 * input and the options: the unit of work a worker thread runs. Results carry only what the
 * stages added, so the text is not copied back from a worker.
 */
import { performance } from 'node:perf_hooks'
import { markBoilerplate } from '../boilerplate/index.js'
import { createDocument } from '../document.js'
import type { CleanOptions } from '../options.js'
import { markRepeats } from '../repeats/index.js'
import { segment } from '../segment/index.js'
import type { Decision, Document, DocumentInput, Paragraph } from '../types.js'
import { detachLineTexts } from './slices.js'

/** The options the per-document stages read (plain data, so it crosses to a worker as is). */
export type DocumentStageOptions = Pick<CleanOptions, 'segment' | 'boilerplate' | 'repeats'>

/** What the stages added to one document. */
export interface StageOutput {
  readonly lineCount: number
  readonly paragraphs: Paragraph[]
  readonly decisions: Decision[]
  /** Set when one-line paragraphs' texts were left behind (`slices.ts`): where to take them from. */
  readonly places?: Int32Array
}

export interface BatchOutput {
  readonly documents: StageOutput[]
  /** Milliseconds spent in each stage over the batch (thread time, summed across workers by the caller). */
  readonly timings: Record<string, number>
}

/** Runs the stages on a batch of usable (not skipped) inputs, in order. */
export function runDocumentStages(
  inputs: ReadonlyArray<Pick<DocumentInput, 'id' | 'text'>>,
  options: DocumentStageOptions,
  { detach = false }: { detach?: boolean } = {},
): BatchOutput {
  const documents = inputs.map((input) => createDocument({ id: input.id, text: input.text }))
  const timings: Record<string, number> = {}
  const time = (stage: string, work: (document: Document) => void): void => {
    const start = performance.now()
    for (const document of documents) work(document)
    timings[stage] = performance.now() - start
  }
  time('segment', (document) => segment(document, options.segment))
  time('boilerplate', (document) => markBoilerplate(document, options.boilerplate))
  time('repeats', (document) => markRepeats(document, options.repeats))
  return {
    documents: documents.map(({ text, lineCount, paragraphs, decisions }) =>
      detach ? { lineCount, paragraphs, decisions, places: detachLineTexts(text, paragraphs) } : { lineCount, paragraphs, decisions },
    ),
    timings,
  }
}
