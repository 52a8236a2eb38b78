/**
 * The pipeline: the stages in order, each timed. This file is the table of contents of the tool.
 *
 *   read → segment → boilerplate → repeats        pass 1, per document, on worker threads
 *   corpus boilerplate                             main thread, on compact summaries
 *   empty; near-duplicate summaries                pass 2, per document, on worker threads
 *   near-duplicate clusters, shared passages      main thread, on compact summaries
 *   report entries and cleaned texts               pass 3, per document, on worker threads, in id order
 *
 * Between passes each document lives in the spool on disk (src/spool/); the main thread keeps its
 * compact summaries and decisions, so memory does not grow with the corpus's text. `clean()` collects the
 * result in memory for library callers; the command line streams it to files (src/write/).
 */
import { performance } from 'node:perf_hooks'
import { resolveOptions, type CleanOptions, type CleanOptionsInput, type NeardupOptions } from './options.js'
import { BATCH_CHARS, BATCH_DOCUMENTS, loadText, PassRunner, type DocumentMeta, type ReadDocument, type ReadInput, type ReadOutput, type RenderOutput, type RenderItem, type Summary } from './parallel/index.js'
import { BufferPool, ByteBuilder } from './write/bytes.js'
import { corpusBoilerplateSteps, CorpusBuckets, ruleCatalogue, type CorpusLines, type CorpusRemoval, type LineFindings } from './boilerplate/index.js'
import { AnchorCount, PassageSearch } from './neardup/shared.js'
import { bandParameters, ClusterSearch, ClusterSummaryTable, type ClusterFindings } from './neardup/index.js'
import { isJsonlLine, limitSize, sortDiagnostics, uniqueIds, type InputItem, type JsonlLine } from './read/index.js'
import { canonicalClusters, reportHead, StatsCounter, tallyDocument } from './report/build.js'
import { createDocument } from './document.js'
import { createSpoolFolder, PlaceTable, readRecord, type RecordPlace } from './spool/index.js'
import type { CleanedDocument, Cluster, Decision, Diagnostic, DocumentInput, PassageSummary, Report, ReportDocument, SharedPassage } from './types.js'
import { assignFileNames } from './write/names.js'

export interface CleanContext {
  /** Problems met while reading (filled while the input is consumed); copied into the report. */
  readonly diagnostics?: readonly Diagnostic[]
  /** Called as each corpus-level stage starts (the CLI's progress bar shows it). */
  readonly onStage?: (stage: string) => void
  /** Where the spool folder goes (default: the system's temporary folder). */
  readonly tempDir?: string
  /**
   * Called once the near-duplicate summaries are made, before clustering (not with near-duplicate
   * detection off): what a shard file carries (src/shard/ writes it).
   */
  readonly onClusterSummaries?: (corpus: SummarizedCorpus) => void | Promise<void>
}

/** The kept documents' near-duplicate summaries, as clustering sees them; k runs from 0 to size - 1. */
export interface SummarizedCorpus {
  readonly options: CleanOptions
  readonly size: number
  /** Row k is document k's summary. */
  readonly table: ClusterSummaryTable
  meta(k: number): DocumentMeta
  /** Document k's sorted shingle set (a read from the spool). */
  shingles(k: number): Uint32Array
}

export interface CleanResult {
  /** Every input document, sorted by id, with its status and cleaned text. */
  readonly documents: readonly CleanedDocument[]
  readonly report: Report
}

/** Where the documents go, in id order, as pass 3 renders them. */
export interface DocumentSink {
  /** Hand back report entries as objects too (`clean()` keeps them). */
  readonly entries: boolean
  /** Hand back this one document's entry (the CLI's --explain). */
  readonly explain?: string
  /** Folder for the `.txt` files of written documents, if any (written by the workers). */
  readonly out: string | null
  /** Write duplicates' cleaned texts as well as canonicals and unique documents. */
  readonly keepDuplicates: boolean
  /** The HTML page's elements are rendered for this many documents, the first in id order (default: all). */
  readonly htmlDocuments?: number
  /**
   * Called once, before the first document: the report without its documents (its stats are known
   * by then, so report.json can be written front to back), and how many documents will follow.
   */
  begin(frame: Omit<Report, 'documents'>, count: number): void | Promise<void>
  /**
   * Each batch of documents, in id order; `metas` say where each came from. The batch's bytes are
   * lent: once the returned promise settles they are written over by a later batch, so a sink that
   * hands them to a stream resolves when the stream has written them, and one that keeps them copies them.
   */
  write(batch: RenderOutput, metas: readonly DocumentMeta[]): void | Promise<void>
}

/** The report without its documents (those went to the sink), and how many there were. */
export interface PipelineResult {
  readonly frame: Omit<Report, 'documents'>
  readonly count: number
}

class StageTimer {
  readonly timings: Record<string, number> = {}
  constructor(private readonly onStage: (stage: string) => void = () => {}) {}
  async time<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
    this.onStage(stage)
    const start = performance.now()
    try {
      return await work()
    } finally {
      this.timings[stage] = Math.round((this.timings[stage] ?? 0) + performance.now() - start)
    }
  }
}

/** What the main thread holds per input: its meta and, for the few skipped inputs, the rest. */
interface Held {
  readonly meta: DocumentMeta
  readonly skipped?: string
  /** Skipped inputs only (they never reach the spool). */
  readonly text?: string
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Cleans a corpus, streaming each document's result to `sink` in id order. Memory: one to three
 * kilobytes per document on this thread (summaries, decisions, clusters), never the text.
 */
export async function cleanCorpus(
  input: Iterable<InputItem> | AsyncIterable<InputItem>,
  optionsInput: CleanOptionsInput,
  context: CleanContext,
  sink: DocumentSink,
): Promise<PipelineResult> {
  const options = resolveOptions(optionsInput)
  const timer = new StageTimer(context.onStage)
  const spool = createSpoolFolder(context.tempDir)
  const runner = new PassRunner(options.jobs)
  try {
    const { held, places, ...forCorpus } = await timer.time('read', () => readPass(input, options, spool.dir, runner))
    // The line summaries and story places serve the corpus step only: let them go after it (at
    // 100,000 documents they are 300,000 objects the GC of this thread would keep marking).
    let corpusInputs: typeof forCorpus | null = forCorpus
    const extras: Array<Decision[] | undefined> = []
    const addDecision = (position: number, decision: Decision): void => {
      ;(extras[position] ??= []).push(decision)
    }

    const usable = held.flatMap((item, position) => (item.skipped === undefined ? [position] : []))
    await timer.time('corpus', async () => {
      const { lines, stories, buckets } = corpusInputs!
      const removals = await corpusPass(
        usable.map((position) => held[position]!.meta.id),
        usable.map((position) => lines[position]!),
        options,
        (k) => places.get(usable[k]!),
        (k) => stories.get(usable[k]!),
        buckets,
        spool.dir,
        runner,
      )
      for (const { document, paragraph, rule, evidence } of removals) addDecision(usable[document]!, { kind: 'boilerplate', rule, paragraph, evidence })
    })
    corpusInputs = null

    // Stats are counted as pass 2 goes (near-duplicates corrected after), so the report's frame is
    // complete before pass 3 and report.json can be written front to back.
    const counter = new StatsCounter()
    for (const item of held) if (item.skipped !== undefined) counter.add(tallyDocument(createDocument({ id: item.meta.id, text: item.text ?? '', skipped: item.skipped }), { status: 'skipped', text: '' }))
    const kept: number[] = []
    const cleanedBytes = new Float64Array(held.length)
    // Near-duplicate summaries stay resident in columns (~253 bytes a document, sketch included); shingle sets stay in the spool.
    const clusterSummaries = new ClusterSummaryTable(bandParameters(options.neardup).bands, undefined, options.neardup.numPerm)
    const shinglePlaces = new PlaceTable()
    const passagePlaces = new PlaceTable()
    const passageTextPlaces = new PlaceTable()
    // The passage search's first count, made as the summaries come (this thread waits on the workers then).
    const anchorCount = options.neardup.enabled && options.neardup.sharedPassages ? new AnchorCount(usable.length) : undefined
    await timer.time('summaries', () => summarizePass(usable, options, spool.dir, runner, places, extras, (position, summary) => {
      counter.add(summary.tally)
      if (summary.empty !== null) {
        addDecision(position, summary.empty)
        return
      }
      cleanedBytes[position] = summary.tally.bytesOut
      if (summary.cluster && summary.shingles) {
        const k = clusterSummaries.add(summary.cluster)
        shinglePlaces.set(k, summary.shingles)
        if (summary.passage) {
          anchorCount?.add(summary.passage.anchors)
          passagePlaces.set(k, summary.passage.summary)
          passageTextPlaces.set(k, summary.passage.texts)
        }
      }
      kept.push(position)
    }))

    if (context.onClusterSummaries && options.neardup.enabled) {
      await context.onClusterSummaries({
        options,
        size: kept.length,
        table: clusterSummaries,
        meta: (k) => held[kept[k]!]!.meta,
        shingles: (k) => readRecord<Uint32Array>(spool.dir, shinglePlaces.get(k)),
      })
    }

    const neardup = await timer.time('neardup', async () => {
      if (!options.neardup.enabled) return { clusters: [] as Cluster[], sharedPassages: [] as SharedPassage[] }
      const ids = kept.map((position) => held[position]!.meta.id)
      const found = await clustersPass(ids, clusterSummaries, shinglePlaces, options.neardup, spool.dir, runner)
      for (const { document, decision } of found.duplicates) {
        addDecision(kept[document]!, decision)
        counter.markDuplicate(cleanedBytes[kept[document]!]!)
      }
      // Read from the spool once, in kept order (the search's first count was made as the summaries came).
      const passageSummaries = function* (): Generator<PassageSummary> {
        for (let k = 0; k < kept.length; k++) yield readRecord<PassageSummary>(spool.dir, passagePlaces.get(k))
      }
      const sharedPassages = options.neardup.sharedPassages ? await sharedPassagesPass(ids, passageSummaries, found.groupOf, (k) => passageTextPlaces.get(k), spool.dir, runner, anchorCount) : []
      return { clusters: found.clusters, sharedPassages }
    })

    for (const [stage, ms] of Object.entries(runner.timings)) timer.timings[stage] = Math.round(ms)
    const frame = {
      ...reportHead(options, counter.stats(neardup.clusters, { ...timer.timings })),
      clusters: neardup.clusters,
      sharedPassages: neardup.sharedPassages,
      diagnostics: sortDiagnostics(context.diagnostics ?? []),
      rules: ruleCatalogue(options.boilerplate),
    }
    await sink.begin(frame, held.length)
    context.onStage?.('writing')
    await renderPass(held, places, extras, neardup.clusters, spool.dir, runner, sink, options.boilerplate.extraRules)
    return { frame, count: held.length }
  } finally {
    await runner.close()
    spool.dispose()
  }
}

/** Pass 1: reads every input and runs the per-document stages on it as it arrives. */
async function readPass(
  input: Iterable<InputItem> | AsyncIterable<InputItem>,
  options: CleanOptions,
  spool: string,
  runner: PassRunner,
): Promise<{ held: Held[]; places: PlaceTable; lines: CorpusLines[]; stories: PlaceTable; buckets: CorpusBuckets | undefined }> {
  const items: DocumentInput[] = []
  const places = new PlaceTable()
  const stories = new PlaceTable()
  const lines: CorpusLines[] = []
  // The corpus step's first sweep over the lines, made as they arrive (this thread waits on the workers then).
  const buckets = options.boilerplate.enabled ? new CorpusBuckets() : undefined
  // The batch, in input order: inputs skipped here stay here; texts and JSONL lines go to a worker.
  let batch: Array<{ readonly skipped: DocumentInput } | { readonly text: DocumentInput } | { readonly line: JsonlLine }> = []
  let inputs: ReadInput[] = []
  let jsonl: ByteBuilder | null = null
  // A batch's JSONL bytes go to the worker in a shared buffer, lent again once the worker is done
  // with it: no copy, and no 450 MB of moved buffers per 100,000 documents to count towards full
  // collections on either side (see BufferPool).
  const lent = new BufferPool()
  let chars = 0
  const take = (item: DocumentInput, cleaned: ReadDocument['cleaned']): void => {
    const position = items.length
    // The text went to the worker and the spool; only skipped inputs keep theirs here.
    items.push(item.skipped === undefined ? { ...item, text: '' } : item)
    if (cleaned === undefined) return
    places.set(position, cleaned.place)
    lines[position] = cleaned.lines
    buckets?.add(cleaned.lines)
    if (cleaned.story !== null) stories.set(position, cleaned.story)
  }
  const dispatch = async (): Promise<void> => {
    if (batch.length === 0) return
    const entries = batch
    const bytes = jsonl === null ? null : jsonl.bytes()
    const task = { pass: 'read' as const, spool, inputs, jsonl: bytes, options }
    batch = []
    inputs = []
    jsonl = null
    chars = 0
    const use = (output: ReadOutput): void => {
      if (bytes !== null) lent.giveBack(bytes)
      let k = 0
      for (const entry of entries) {
        if ('skipped' in entry) {
          take(entry.skipped, undefined)
          continue
        }
        const { parsed, diagnostics, cleaned } = output.documents[k++]!
        if ('text' in entry) {
          take(entry.text, cleaned)
          continue
        }
        for (const diagnostic of diagnostics ?? []) entry.line.options.onDiagnostic(diagnostic)
        if (parsed) take({ ...parsed, text: '' }, cleaned)
      }
    }
    await runner.dispatch(task, use)
  }
  for await (const raw of input) {
    if (isJsonlLine(raw)) {
      jsonl ??= ByteBuilder.inShared(lent.lend(), BATCH_CHARS + (1 << 16))
      jsonl.append(raw.jsonl)
      const { idField, textField } = raw.options
      inputs.push({ end: jsonl.length, file: raw.file, line: raw.line, idField, textField })
      batch.push({ line: raw })
      chars += raw.jsonl.length
    } else {
      const item = limitSize(raw, options.input)
      if (item.skipped !== undefined) batch.push({ skipped: item })
      else {
        inputs.push({ text: item.text })
        batch.push({ text: item })
        chars += item.text.length
      }
    }
    if (chars < BATCH_CHARS && batch.length < BATCH_DOCUMENTS) continue
    runner.start() // a full batch with (maybe) more to come: worth the threads
    await dispatch()
  }
  await dispatch()
  await runner.drain()
  return { held: await withUniqueIds(items, spool, places), places, lines, stories, buckets }
}

/**
 * Ids made unique (the stages never read them). Copies sharing an id are ordered by their text,
 * which only the spool still holds, so those few are read back.
 */
async function withUniqueIds(items: DocumentInput[], spool: string, places: PlaceTable): Promise<Held[]> {
  const seen = new Map<string, number>()
  for (const item of items) seen.set(item.id, (seen.get(item.id) ?? 0) + 1)
  const withTexts = items.map((item, position) =>
    seen.get(item.id)! > 1 && item.skipped === undefined ? { ...item, text: loadText(spool, places.get(position)) } : item,
  )
  return uniqueIds(withTexts).map((item) => ({
    meta: { id: item.id, source: item.source ?? { file: item.id }, warnings: [...(item.warnings ?? [])] },
    ...(item.skipped !== undefined ? { skipped: item.skipped, text: item.text } : {}),
  }))
}

/** Pass 2: corpus decisions applied, `empty` decided, near-duplicate summaries of what is kept. */
async function summarizePass(
  usable: readonly number[],
  options: CleanOptions,
  spool: string,
  runner: PassRunner,
  places: PlaceTable,
  extras: ReadonlyArray<Decision[] | undefined>,
  use: (position: number, summary: Summary) => void,
): Promise<void> {
  if (usable.length > BATCH_DOCUMENTS) runner.start()
  for (let from = 0; from < usable.length; from += BATCH_DOCUMENTS) {
    const positions = usable.slice(from, from + BATCH_DOCUMENTS)
    const items = positions.map((position) => ({ place: places.get(position), extra: extras[position] ?? [] }))
    await runner.dispatch({ pass: 'summarize', spool, items, options }, (output) => {
      output.documents.forEach((summary, i) => use(positions[i]!, summary))
    })
  }
  await runner.drain()
}

/**
 * The corpus boilerplate step: recurring lines found on this thread from the line summaries, the
 * lines confirmed (a sample's text, their stories) a block at a time on the workers, each block
 * reading its documents and story sketches from the spool; the blocks' findings taken back in order.
 */
async function corpusPass(
  ids: readonly string[],
  lines: readonly CorpusLines[],
  options: CleanOptions,
  documentPlace: (k: number) => RecordPlace,
  sketchPlace: (k: number) => RecordPlace,
  buckets: CorpusBuckets | undefined,
  spool: string,
  runner: PassRunner,
): Promise<CorpusRemoval[]> {
  const steps = corpusBoilerplateSteps(ids, lines, options.boilerplate, runner.threads, buckets)
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value
    const findings: LineFindings[] = []
    for (const [b, block] of step.value.entries()) {
      const documents = Array.from(block.documents, documentPlace)
      const sketches = Array.from(block.documents, (k, i) => (block.changed[i] === 1 ? null : sketchPlace(k)))
      await runner.dispatch({ pass: 'lines', spool, block, documents, sketches }, (output) => {
        findings[b] = output.findings
      })
    }
    await runner.drain()
    step = steps.next(findings)
  }
}

/**
 * The near-duplicate clusters: exact copies and LSH candidates found on this thread from the
 * summaries, the candidate pairs verified a block at a time on the workers (each block reads its own
 * shingle sets from the spool), the blocks' answers taken back in order.
 */
async function clustersPass(
  ids: readonly string[],
  table: ClusterSummaryTable,
  shinglePlaces: PlaceTable,
  options: NeardupOptions,
  spool: string,
  runner: PassRunner,
): Promise<ClusterFindings> {
  const search = new ClusterSearch(ids, table, (k) => readRecord<Uint32Array>(spool, shinglePlaces.get(k)), options)
  for (const block of search.blocks(runner.threads)) {
    const places = Array.from(block.documents, (k) => shinglePlaces.get(k))
    await runner.dispatch({ pass: 'pairs', spool, block, places }, (output) => search.apply(block, output.verdicts))
  }
  await runner.drain()
  return search.result()
}

/**
 * The shared-passage search: candidate pairs found on this thread from the summaries, verified a
 * block at a time on the workers (each block reads its own documents from the spool), the blocks'
 * matches taken back in order. With threads, each block is cut in as many parts sharing no paragraph.
 */
async function sharedPassagesPass(
  ids: readonly string[],
  summaries: () => Iterable<PassageSummary>,
  groupOf: readonly string[],
  placeOf: (k: number) => RecordPlace,
  spool: string,
  runner: PassRunner,
  counted: AnchorCount | undefined,
): Promise<SharedPassage[]> {
  const search = new PassageSearch(ids, summaries, groupOf, { scratch: spool, ...(counted !== undefined ? { counted } : {}) })
  for (const block of search.blocks(runner.threads)) {
    const places = Array.from(block.documents, (k) => placeOf(k))
    await runner.dispatch({ pass: 'passages', spool, block, places }, (output) => search.apply(block, output.matches))
  }
  await runner.drain()
  return search.result()
}

/** Pass 3: every document in id order, rendered by the workers, handed to the sink in that order. */
async function renderPass(
  held: readonly Held[],
  places: PlaceTable,
  extras: ReadonlyArray<Decision[] | undefined>,
  clusters: readonly Cluster[],
  spool: string,
  runner: PassRunner,
  sink: DocumentSink,
  extraRules: CleanOptions['boilerplate']['extraRules'],
): Promise<void> {
  const order = held.map((_, position) => position).sort((a, b) => compareIds(held[a]!.meta.id, held[b]!.meta.id))
  const clusterOf = canonicalClusters(clusters)
  const statusOf = (position: number): string => {
    if (held[position]!.skipped !== undefined) return 'skipped'
    for (const decision of extras[position] ?? []) if (decision.kind === 'duplicate' || decision.kind === 'empty') return decision.kind
    return 'kept'
  }
  const selected = (position: number): boolean => {
    const status = statusOf(position)
    return status === 'kept' || (sink.keepDuplicates && status === 'duplicate')
  }
  const names = sink.out === null ? new Map<string, string>() : assignFileNames(order.filter(selected).map((position) => held[position]!.meta.id))
  if (order.length > BATCH_DOCUMENTS) runner.start()
  const pools = { json: new BufferPool(), html: new BufferPool(), jsonl: new BufferPool() }
  for (let from = 0; from < order.length; from += BATCH_DOCUMENTS) {
    const positions = order.slice(from, from + BATCH_DOCUMENTS)
    const items = positions.map((position): RenderItem => {
      const { meta, skipped, text } = held[position]!
      const cluster = clusterOf.get(meta.id)
      const fileName = names.get(meta.id)
      return {
        place: skipped === undefined ? places.get(position) : null,
        meta,
        ...(skipped !== undefined ? { skipped, text: text ?? '' } : {}),
        extra: extras[position] ?? [],
        ...(cluster !== undefined ? { cluster } : {}),
        ...(fileName !== undefined ? { fileName } : {}),
        selected: selected(position),
      }
    })
    const lent = { json: pools.json.lend(), html: pools.html.lend(), jsonl: pools.jsonl.lend() }
    const task = { pass: 'render' as const, spool, items, first: from, out: sink.out, entries: sink.entries, htmlDocuments: sink.htmlDocuments ?? order.length, extraRules, lent, ...(sink.explain !== undefined ? { explain: sink.explain } : {}) }
    await runner.dispatch(task, async (output) => {
      await sink.write(output, positions.map((position) => held[position]!.meta))
      pools.json.giveBack(output.json)
      pools.html.giveBack(output.html)
      pools.jsonl.giveBack(output.jsonl)
    })
  }
  await runner.drain()
}

/** Cleans a corpus in memory: documents in, cleaned documents and the report out. */
export async function clean(
  input: Iterable<InputItem> | AsyncIterable<InputItem>,
  optionsInput: CleanOptionsInput = {},
  context: CleanContext = {},
): Promise<CleanResult> {
  const entries: ReportDocument[] = []
  const { frame } = await cleanCorpus(input, optionsInput, context, {
    entries: true,
    out: null,
    keepDuplicates: false,
    htmlDocuments: 0,
    begin: () => {},
    write: (batch) => {
      for (const document of batch.documents) entries.push(document.entry!)
    },
  })
  const { tool, version, options, stats, ...rest } = frame
  const report: Report = { tool, version, options, stats, documents: entries, ...rest }
  return {
    documents: entries.map(({ id, status, text, duplicateOf, cluster }) => ({ id, status, text, duplicateOf, cluster })),
    report,
  }
}

