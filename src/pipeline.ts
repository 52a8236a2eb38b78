/**
 * clean(): the stages in order, each timed. This file is the table of contents of the tool.
 * read → segment → boilerplate → repeats → corpus boilerplate → near-duplicates → report
 * (segment, boilerplate and repeats run per document, on worker threads, while reading goes on)
 */
import { performance } from 'node:perf_hooks'
import { markCorpusBoilerplate } from './boilerplate/index.js'
import { createDocument, keptParagraphs } from './document.js'
import { findNearDuplicates } from './neardup/index.js'
import { resolveOptions, type CleanOptions, type CleanOptionsInput } from './options.js'
import { applyStageOutputs, createDocumentStageRunner } from './parallel/index.js'
import { limitSize, sortDiagnostics, uniqueIds } from './read/index.js'
import { buildReport, statusOf } from './report/build.js'
import type { CleanedDocument, Diagnostic, Document, DocumentInput, Report } from './types.js'

export interface CleanContext {
  /** Problems met while reading (filled while the input is consumed); copied into the report. */
  readonly diagnostics?: readonly Diagnostic[]
  /** Called as each corpus-level stage starts (the CLI's progress bar shows it). */
  readonly onStage?: (stage: string) => void
}

export interface CleanResult {
  /** Every input document, sorted by id, with its status and cleaned text. */
  readonly documents: readonly CleanedDocument[]
  readonly report: Report
}

class StageTimer {
  readonly timings: Record<string, number> = {}
  constructor(private readonly onStage: (stage: string) => void = () => {}) {}
  time<T>(stage: string, work: () => T): T {
    this.onStage(stage)
    const start = performance.now()
    try {
      return work()
    } finally {
      this.timings[stage] = Math.round((this.timings[stage] ?? 0) + performance.now() - start)
    }
  }
  async timeAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await work()
    } finally {
      this.timings[stage] = Math.round((this.timings[stage] ?? 0) + performance.now() - start)
    }
  }
}

/** Reads every input and runs the per-document stages on it as it arrives (on worker threads with jobs > 1). */
async function readAndProcess(
  input: Iterable<DocumentInput> | AsyncIterable<DocumentInput>,
  options: CleanOptions,
  timer: StageTimer,
): Promise<Document[]> {
  const items: DocumentInput[] = []
  const runner = createDocumentStageRunner(options, options.jobs)
  let finished: Awaited<ReturnType<typeof runner.finish>>
  try {
    for await (const raw of input) {
      const item = limitSize(raw, options.input)
      items.push(item)
      await runner.push(item)
    }
  } finally {
    finished = await runner.finish()
  }
  // The stages never read the id, so ids are made unique (deterministically) once every id is known.
  const documents = uniqueIds(items).map(createDocument)
  applyStageOutputs(documents, finished.outputs)
  // Thread time summed over workers: with --jobs N these add up to more than the wall time.
  for (const [stage, ms] of Object.entries(finished.timings)) timer.timings[stage] = ms
  return documents
}

/** A document with no paragraphs, or with every paragraph removed, is `empty`. */
function markEmpty(document: Document): void {
  if (document.skipped !== undefined) return
  if (document.paragraphs.length === 0) {
    document.decisions.push({ kind: 'empty', rule: 'empty-input', evidence: { paragraphs: 0 } })
  } else if (keptParagraphs(document).length === 0) {
    document.decisions.push({ kind: 'empty', rule: 'nothing-left', evidence: { paragraphs: document.paragraphs.length } })
  }
}

/** Cleans a corpus: documents in, cleaned documents and the report out. */
export async function clean(
  input: Iterable<DocumentInput> | AsyncIterable<DocumentInput>,
  optionsInput: CleanOptionsInput = {},
  context: CleanContext = {},
): Promise<CleanResult> {
  const options = resolveOptions(optionsInput)
  const timer = new StageTimer(context.onStage)
  const documents = await timer.timeAsync('read', () => readAndProcess(input, options, timer))
  const usable = documents.filter((document) => document.skipped === undefined)
  timer.time('corpus', () => markCorpusBoilerplate(usable, options.boilerplate))
  usable.forEach(markEmpty)
  const neardup = timer.time('neardup', () =>
    findNearDuplicates(usable.filter((document) => statusOf(document) === 'kept'), options.neardup),
  )
  const report = timer.time('report', () =>
    buildReport({
      documents,
      clusters: neardup.clusters,
      sharedPassages: neardup.sharedPassages,
      diagnostics: sortDiagnostics(context.diagnostics ?? []),
      options,
      timings: timer.timings,
    }),
  )
  return {
    documents: report.documents.map(({ id, status, text, duplicateOf, cluster }) => ({ id, status, text, duplicateOf, cluster })),
    report,
  }
}
