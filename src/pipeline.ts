/**
 * clean(): the stages in order, each timed. This file is the table of contents of the tool.
 * read → segment → boilerplate → repeats → corpus boilerplate → near-duplicates → report
 */
import { performance } from 'node:perf_hooks'
import { markBoilerplate, markCorpusBoilerplate } from './boilerplate/index.js'
import { createDocument, keptParagraphs } from './document.js'
import { findNearDuplicates } from './neardup/index.js'
import { resolveOptions, type CleanOptionsInput, type InputOptions } from './options.js'
import { limitSize, sortDiagnostics, uniqueIds } from './read/index.js'
import { buildReport, statusOf } from './report/build.js'
import { markRepeats } from './repeats/index.js'
import { segment } from './segment/index.js'
import type { CleanedDocument, Diagnostic, Document, DocumentInput, Report } from './types.js'

export interface CleanContext {
  /** Problems met while reading (filled while the input is consumed); copied into the report. */
  readonly diagnostics?: readonly Diagnostic[]
}

export interface CleanResult {
  /** Every input document, sorted by id, with its status and cleaned text. */
  readonly documents: readonly CleanedDocument[]
  readonly report: Report
}

class StageTimer {
  readonly timings: Record<string, number> = {}
  time<T>(stage: string, work: () => T): T {
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

async function collect(input: Iterable<DocumentInput> | AsyncIterable<DocumentInput>, options: InputOptions): Promise<Document[]> {
  const items: DocumentInput[] = []
  for await (const item of input) items.push(limitSize(item, options))
  return uniqueIds(items).map(createDocument)
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
  const timer = new StageTimer()
  const documents = await timer.timeAsync('read', () => collect(input, options.input))
  const usable = documents.filter((document) => document.skipped === undefined)

  timer.time('segment', () => usable.forEach((document) => segment(document, options.segment)))
  timer.time('boilerplate', () => usable.forEach((document) => markBoilerplate(document, options.boilerplate)))
  timer.time('repeats', () => usable.forEach((document) => markRepeats(document, options.repeats)))
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
