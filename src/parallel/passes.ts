/**
 * The three passes over the corpus, as pure functions of a batch: what a worker thread runs (or the
 * main thread, inline, for --jobs 1). Each pass reads what the one before left in the spool and
 * returns only compact data; the corpus-level decisions between passes are made on the main thread
 * from that compact data alone (src/pipeline.ts).
 *
 *   1. read:      per-document stages (segment → boilerplate → repeats); the document is spooled,
 *                 its corpus-boilerplate summary returned.
 *   2. summarize: corpus decisions applied, `empty` decided; near-duplicate and shared-passage
 *                 summaries of the documents still kept (their bulky parts spooled).
 *   3. render:    every decision applied; the report entry, its report.json and HTML texts, the
 *                 cleaned record and the stats tally (and the `--out` file, written here).
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { markBoilerplate } from '../boilerplate/index.js'
import { cleanedText, createDocument, emptyDecision } from '../document.js'
import { summarizeForClusters, verifyPairBlock, type PairBlock, type PairVerdicts } from '../neardup/index.js'
import { confirmLines, storySketch, summarizeLines, type CorpusLines, type LineBlock, type LineFindings } from '../boilerplate/index.js'
import { passageTexts, verifyPassageBlock, type BlockMatches, type PassageBlock } from '../neardup/blocks.js'
import { appendPassageTexts, readPassageParagraphs } from '../spool/passages.js'
import { summarizeForPassages } from '../neardup/shared.js'
import type { CleanOptions, RuleSpec } from '../options.js'
import { markRepeats } from '../repeats/index.js'
import { reportDocument, tallyDocument, type DocumentTally } from '../report/build.js'
import { ruleDescriptions } from '../report/explain.js'
import { embedJsonText, embedsUnchanged } from '../report/html/escape.js'
import { segment } from '../segment/index.js'
import { appendDocument, readDocument, readDocumentText } from '../spool/document.js'
import { appendRecord, readRecord, type RecordPlace } from '../spool/index.js'
import { limitSize, parseJsonlLine } from '../read/index.js'
import type { ClusterSummary, Decision, Diagnostic, Document, DocumentDecision, DocumentInput, DocumentStatus, PassageSummary, ReportDocument, Source } from '../types.js'
import { writeFileAtomic } from '../write/atomic.js'
import { ByteBuilder } from '../write/bytes.js'
import { reportJsonElement, reportJsonSeparator } from '../write/report-json.js'
import { jsonlRecord } from '../write/texts.js'

/** What the main thread keeps of a document's input: everything but the text. */
export interface DocumentMeta {
  readonly id: string
  readonly source: Source
  readonly warnings: readonly string[]
}

type Timings = Record<string, number>

function timed<T>(timings: Timings, stage: string, work: () => T): T {
  const start = performance.now()
  try {
    return work()
  } finally {
    timings[stage] = (timings[stage] ?? 0) + performance.now() - start
  }
}

/**
 * A spooled document, whole again: its meta, its text, every decision so far (`extra` after the
 * spooled ones). `keys: false` leaves every paragraph's key '' (see `decodeDocument`).
 */
export function loadDocument(spool: string, place: RecordPlace, meta: DocumentMeta, extra: readonly Decision[] = [], options: { readonly keys: boolean } = { keys: true }): Document {
  const record = readDocument(spool, place, options)
  return {
    id: meta.id,
    source: meta.source,
    text: record.text,
    lineCount: record.lineCount,
    paragraphs: record.paragraphs,
    decisions: [...record.decisions, ...extra],
    warnings: [...meta.warnings],
  }
}

/** A spooled document's text alone. */
export function loadText(spool: string, place: RecordPlace): string {
  return readDocumentText(spool, place)
}

// ---- pass 1 ------------------------------------------------------------------------------------

export interface ReadTask {
  readonly pass: 'read'
  readonly spool: string
  /** The batch's inputs, in order: a text, or a JSONL line to parse here (its bytes end at `end` in `jsonl`, after the line before's). */
  readonly inputs: readonly ReadInput[]
  readonly jsonl: Uint8Array | null
  readonly options: CleanOptions
}

export type ReadInput = { readonly text: string } | { readonly end: number; readonly file: string; readonly line: number; readonly idField: string; readonly textField: string }

/** A JSONL line as parsed on the worker, its text left here (the spool has it). */
export type ParsedInput = Omit<DocumentInput, 'text'>

export interface ReadDocument {
  /** A JSONL line's document as parsed here, or null for a blank line (no document); absent for a text input. */
  readonly parsed?: ParsedInput | null
  /** What parsing the line said, for the reading thread to pass on. */
  readonly diagnostics?: readonly Diagnostic[]
  /** The document spooled, and its corpus-step summaries (`story`: its first story sketch, spooled, if that step runs); absent for a skipped input. */
  readonly cleaned?: { readonly place: RecordPlace; readonly lines: CorpusLines; readonly story: RecordPlace | null }
}

export interface ReadOutput {
  /** One per input, in order. */
  readonly documents: readonly ReadDocument[]
  readonly timings: Timings
}

export function readPass(task: ReadTask): ReadOutput {
  const { options } = task
  const timings: Timings = {}
  let start = 0
  // JSONL lines are parsed here rather than on the reading thread, which would hand the text over
  // as a string: the bytes come moved, and the reading thread never holds the corpus's text.
  const read = task.inputs.map((input): { text: string | null; out: ReadDocument } => {
    if ('text' in input) return { text: input.text, out: {} }
    const diagnostics: Diagnostic[] = []
    const line = { jsonl: task.jsonl!.subarray(start, input.end), file: input.file, line: input.line, options: { idField: input.idField, textField: input.textField, onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic) } }
    start = input.end
    const parsed = parseJsonlLine(line)
    const document = parsed === null ? null : limitSize(parsed, options.input)
    const { text, ...meta } = document ?? { text: '' }
    const out = { parsed: document === null ? null : (meta as ParsedInput), ...(diagnostics.length > 0 ? { diagnostics } : {}) }
    return { text: document === null || document.skipped !== undefined ? null : text, out }
  })
  // The stages never read the id: ids are made unique on the main thread once all are known.
  const used = read.filter((input) => input.text !== null)
  const documents = used.map((input) => createDocument({ id: '', text: input.text! }))
  timed(timings, 'segment', () => documents.forEach((document) => segment(document, options.segment)))
  timed(timings, 'boilerplate', () => documents.forEach((document) => markBoilerplate(document, options.boilerplate)))
  timed(timings, 'repeats', () => documents.forEach((document) => markRepeats(document, options.repeats)))
  const lines = timed(timings, 'corpus-summaries', () => documents.map((document) => summarizeLines(document, options.boilerplate)))
  const stories = timed(timings, 'corpus-summaries', () => documents.map((document, i) => storySketch(document, lines[i]!, options.boilerplate)))
  const cleaned = documents.map((document, i) => {
    const story = stories[i]!
    return { place: appendDocument(task.spool, 'documents', document), lines: lines[i]!, story: story === null ? null : appendRecord(task.spool, 'stories', story) }
  })
  let k = 0
  return { documents: read.map(({ text, out }) => (text === null ? out : { ...out, cleaned: cleaned[k++]! })), timings }
}

// ---- pass 2 ------------------------------------------------------------------------------------

export interface SummarizeTask {
  readonly pass: 'summarize'
  readonly spool: string
  readonly items: ReadonlyArray<{ readonly place: RecordPlace; readonly extra: readonly Decision[] }>
  readonly options: CleanOptions
}

export interface Summary {
  /** `empty` when nothing is left (or there was nothing); then there are no summaries. */
  readonly empty: DocumentDecision | null
  /** What the document adds to the stats, counted as `kept` unless empty (near-duplicates are found later). */
  readonly tally: DocumentTally
  /** Near-duplicate summary, its shingles spooled at `shingles`. */
  readonly cluster?: ClusterSummary
  readonly shingles?: RecordPlace
  /** With shared passages on: the document's passage summary (see `spoolPassages`). */
  readonly passage?: PassageSpooled
}

/**
 * A passage summary spooled (`summary`); the texts of its paragraphs spooled apart (`texts`, read
 * only for candidates); its anchors handed back too, for the search's first count (`AnchorCount`).
 */
export interface PassageSpooled {
  readonly summary: RecordPlace
  readonly texts: RecordPlace
  readonly anchors: Pick<PassageSummary, 'anchors' | 'offsets'>
}

export interface SummarizeOutput {
  readonly documents: readonly Summary[]
  readonly timings: Timings
}

const NO_META: DocumentMeta = { id: '', source: { file: '' }, warnings: [] }

export function summarizePass(task: SummarizeTask): SummarizeOutput {
  const timings: Timings = {}
  const documents = task.items.map(({ place, extra }): Summary => {
    const document = timed(timings, 'neardup-summaries', () => loadDocument(task.spool, place, NO_META, extra))
    const empty = emptyDecision(document)
    if (empty !== null) document.decisions.push(empty)
    const tally = tallyDocument(document, { status: empty === null ? 'kept' : 'empty', text: empty === null ? cleanedText(document) : '' })
    if (empty !== null || !task.options.neardup.enabled) return { empty, tally }
    return timed(timings, 'neardup-summaries', () => {
      const { shingles, ...cluster } = summarizeForClusters(document, task.options.neardup)
      return {
        empty,
        tally,
        cluster,
        shingles: appendRecord(task.spool, 'shingles', shingles),
        ...(task.options.neardup.sharedPassages ? { passage: spoolPassages(task.spool, document) } : {}),
      }
    })
  })
  return { documents, timings }
}

/**
 * The summarised paragraphs' texts go apart from the summary: the search reads every summary, and
 * a candidate's texts once per block. A block reads a few kilobytes a document this way,
 * not the whole spooled document (a third of the time to read back, in a microbenchmark).
 */
function spoolPassages(spool: string, document: Document): PassageSpooled {
  const summary = summarizeForPassages(document)
  return {
    summary: appendRecord(spool, 'passages', summary),
    texts: appendPassageTexts(spool, 'passage-texts', passageTexts(document, summary)),
    anchors: { anchors: summary.anchors, offsets: summary.offsets },
  }
}

// ---- pass 3 ------------------------------------------------------------------------------------

export interface RenderItem {
  /** Null for a skipped input: it has no spooled record, and its (short) text comes in `text`. */
  readonly place: RecordPlace | null
  readonly meta: DocumentMeta
  readonly skipped?: string
  readonly text?: string
  readonly extra: readonly Decision[]
  /** The cluster this document heads, if it is a canonical. */
  readonly cluster?: string
  /** Written to `--out` under this name. */
  readonly fileName?: string
  /** Written as a cleaned record (clean.jsonl, --stdout). */
  readonly selected: boolean
}

export interface RenderTask {
  readonly pass: 'render'
  readonly spool: string
  readonly items: readonly RenderItem[]
  /** The first item's place among all documents: report.json's first element has no comma before it. */
  readonly first: number
  /** `--out` folder for the `.txt` files, if any. */
  readonly out: string | null
  /** Hand back the report entries as objects too (the library's `clean()` returns them). */
  readonly entries: boolean
  /** Hand back this one document's entry (the CLI's --explain). */
  readonly explain?: string
  /** The HTML page's elements are rendered for the documents at places below this (the page's cap). */
  readonly htmlDocuments: number
  /** The rules a `--rules` file adds, for the wording of their removals. */
  readonly extraRules: ReadonlyArray<Pick<RuleSpec, 'id' | 'description'>>
  /** Shared buffers to write the outputs' bytes into, lent by the main thread's `BufferPool`s (else new ones are made). */
  readonly lent?: { readonly json: SharedArrayBuffer | null; readonly html: SharedArrayBuffer | null; readonly jsonl: SharedArrayBuffer | null }
}

/** What the main thread needs to hear of one rendered document. */
export interface RenderedDocument {
  readonly status: DocumentStatus
  /** Why the whole document went (skipped, empty, duplicate), as the report words it. */
  readonly reason: string | null
  readonly entry?: ReportDocument
}

/**
 * A batch rendered: the outputs' bytes (UTF-8, ready to write: the main thread only copies them out,
 * so the corpus's text never passes through its heap as strings) and a few facts per document. The
 * bytes are views of shared buffers, which the main thread lends out again once they are written.
 */
export interface RenderOutput {
  /** report.json's elements, each after its separator. */
  readonly json: Uint8Array
  /** The HTML page's embedded elements, each after its comma. */
  readonly html: Uint8Array
  /** The clean.jsonl / --stdout records of the documents written. */
  readonly jsonl: Uint8Array
  readonly documents: readonly RenderedDocument[]
  readonly timings: Timings
}

/** The largest batch output so far on this thread: the next batch's buffers start that big. */
const renderedBytes = { json: 0, html: 0, jsonl: 0 }

export async function renderPass(task: RenderTask): Promise<RenderOutput> {
  const json = ByteBuilder.inShared(task.lent?.json ?? null, renderedBytes.json)
  const html = ByteBuilder.inShared(task.lent?.html ?? null, renderedBytes.html)
  const jsonl = ByteBuilder.inShared(task.lent?.jsonl ?? null, renderedBytes.jsonl)
  const documents: RenderedDocument[] = []
  const descriptions = ruleDescriptions(task.extraRules)
  for (const [i, item] of task.items.entries()) {
    const document =
      item.place === null
        ? { ...createDocument({ id: item.meta.id, text: item.text ?? '', source: item.meta.source, warnings: [...item.meta.warnings], ...(item.skipped !== undefined ? { skipped: item.skipped } : {}) }), decisions: [...item.extra] }
        : loadDocument(task.spool, item.place, item.meta, item.extra, { keys: false })
    const entry = reportDocument(document, item.cluster, descriptions)
    const index = task.first + i
    // One stringify serves both: report.json's line for the document is the page's element, escaped
    // (and most lines need no escaping: their bytes are copied).
    const line = reportJsonElement(entry)
    json.write(reportJsonSeparator(index))
    const lineStart = json.length
    json.write(line)
    if (index < task.htmlDocuments) {
      if (index > 0) html.write(',')
      if (embedsUnchanged(line)) html.append(json.since(lineStart))
      else html.write(embedJsonText(line))
    }
    if (item.selected) jsonl.write(jsonlRecord(entry))
    if (task.out !== null && item.fileName !== undefined) await writeFileAtomic(join(task.out, item.fileName), entry.text)
    documents.push({ status: entry.status, reason: entry.reason, ...(task.entries || entry.id === task.explain ? { entry } : {}) })
  }
  renderedBytes.json = Math.max(renderedBytes.json, json.length)
  renderedBytes.html = Math.max(renderedBytes.html, html.length)
  renderedBytes.jsonl = Math.max(renderedBytes.jsonl, jsonl.length)
  // Rendering is writing: like the writing of the files, it is not one of the report's timed stages.
  return { json: json.bytes(), html: html.bytes(), jsonl: jsonl.bytes(), documents, timings: {} }
}

// ---- between passes 2 and 3: shared passages ----------------------------------------------------

export interface PassagesTask {
  readonly pass: 'passages'
  readonly spool: string
  readonly block: PassageBlock
  /** Where the `PassageTexts` of each of `block.documents` are spooled. */
  readonly places: readonly RecordPlace[]
}

export interface PassagesOutput {
  readonly matches: BlockMatches
  readonly timings: Timings
}

/** One block of the shared-passage search's candidate pairs verified, its documents read from the spool. */
export function passagesPass(task: PassagesTask): PassagesOutput {
  const timings: Timings = {}
  const matches = timed(timings, 'passages', () => verifyPassageBlock(task.block, (k) => readPassageParagraphs(task.spool, task.places[k]!)))
  return { matches, timings }
}

// ---- between passes 1 and 2: corpus boilerplate lines ---------------------------------------------

export interface LinesTask {
  readonly pass: 'lines'
  readonly spool: string
  readonly block: LineBlock
  /** Where each of `block.documents` is spooled, and its first story sketch (none for a changed document: it is sketched again). */
  readonly documents: readonly RecordPlace[]
  readonly sketches: ReadonlyArray<RecordPlace | null>
}

export interface LinesOutput {
  readonly findings: LineFindings
  readonly timings: Timings
}

/** One block of the corpus step's recurring lines confirmed, reading samples and sketches from the spool. */
export function linesPass(task: LinesTask): LinesOutput {
  const timings: Timings = {}
  const findings = timed(timings, 'corpus-lines', () =>
    confirmLines(task.block, {
      firstSketch: (k) => readRecord<Uint32Array>(task.spool, task.sketches[k]!),
      paragraphs: (k) => loadDocument(task.spool, task.documents[k]!, NO_META).paragraphs,
    }),
  )
  return { findings, timings }
}

// ---- between passes 2 and 3: near-duplicate candidate pairs ------------------------------------

export interface PairsTask {
  readonly pass: 'pairs'
  readonly spool: string
  readonly block: PairBlock
  /** Where the shingle set of each of `block.documents` is spooled. */
  readonly places: readonly RecordPlace[]
}

export interface PairsOutput {
  readonly verdicts: PairVerdicts
  readonly timings: Timings
}

/** One block of near-duplicate candidate pairs verified, its shingle sets read from the spool. */
export function pairsPass(task: PairsTask): PairsOutput {
  const timings: Timings = {}
  const verdicts = timed(timings, 'pairs', () => verifyPairBlock(task.block, (k) => readRecord<Uint32Array>(task.spool, task.places[k]!)))
  return { verdicts, timings }
}

export type PassTask = ReadTask | SummarizeTask | RenderTask | PassagesTask | PairsTask | LinesTask
