/**
 * Documents + clusters → Report (data). Stats are derived from the decisions, never counted on
 * the side, so the report cannot disagree with itself.
 */
import type { CleanOptions } from '../options.js'
import { cleanedText, isParagraphDecision } from '../document.js'
import type {
  Cluster,
  Diagnostic,
  Document,
  DocumentStatus,
  RemovedLine,
  Report,
  ReportDocument,
  ReportStats,
  SharedPassage,
} from '../types.js'
import { ruleCatalogue } from '../boilerplate/index.js'
import { explain, ruleDescriptions, type RuleDescriptions } from './explain.js'
import { VERSION } from '../version.js'

/**
 * Marks where the documents go in a report's frame, for the writers that render a report in chunks
 * around documents rendered elsewhere (report.json, the HTML page).
 */
export const DOCUMENTS_SLOT = Symbol('documents')

export interface ReportInput {
  readonly documents: readonly Document[]
  readonly clusters: readonly Cluster[]
  readonly sharedPassages: readonly SharedPassage[]
  readonly diagnostics: readonly Diagnostic[]
  readonly options: CleanOptions
  readonly timings: Readonly<Record<string, number>>
}

export function statusOf(document: Document): DocumentStatus {
  if (document.skipped !== undefined) return 'skipped'
  for (const decision of document.decisions) {
    if (decision.kind === 'duplicate') return 'duplicate'
    if (decision.kind === 'empty') return 'empty'
  }
  return 'kept'
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * One document's entry in the report. `cluster` is the cluster a canonical heads (members carry theirs
 * in their duplicate decision), so a reader sees the whole group from any member.
 */
/** `descriptions`: the pattern rules' descriptions, a `--rules` file's included (`ruleDescriptions`). */
export function reportDocument(document: Document, cluster?: string, descriptions?: RuleDescriptions): ReportDocument {
  const removed: RemovedLine[] = []
  for (const decision of document.decisions) {
    if (!isParagraphDecision(decision)) continue
    const paragraph = document.paragraphs[decision.paragraph]!
    removed.push({
      line: paragraph.lines.start,
      ...(paragraph.lines.end !== paragraph.lines.start ? { endLine: paragraph.lines.end } : {}),
      kind: decision.kind,
      rule: decision.rule,
      text: paragraph.text,
      reason: explain(decision, descriptions),
      ...decision.evidence,
    })
  }
  removed.sort((a, b) => a.line - b.line)
  const whole = document.decisions.find((decision) => !isParagraphDecision(decision))
  const duplicate = document.decisions.find((decision) => decision.kind === 'duplicate')
  const status = statusOf(document)
  return {
    id: document.id,
    source: document.source,
    status,
    duplicateOf: duplicate?.kind === 'duplicate' ? duplicate.evidence.canonical : null,
    cluster: duplicate?.kind === 'duplicate' ? duplicate.evidence.cluster : (cluster ?? null),
    text: cleanedText(document),
    original: document.text,
    lines: document.lineCount,
    joined: document.paragraphs
      .filter((paragraph) => paragraph.lines.end !== paragraph.lines.start)
      .map((paragraph) => ({ line: paragraph.lines.start, endLine: paragraph.lines.end })),
    removed,
    reason: status === 'skipped' ? (document.skipped ?? null) : whole ? explain(whole, descriptions) : null,
    warnings: document.warnings,
  }
}

function lineSpan(paragraph: { lines: { start: number; end: number } }): number {
  return paragraph.lines.end - paragraph.lines.start + 1
}

/** What one document adds to the report's stats: small, so workers send it instead of the document. */
export interface DocumentTally {
  readonly status: DocumentStatus
  readonly bytesIn: number
  readonly bytesOut: number
  readonly linesIn: number
  readonly linesKept: number
  readonly joined: number
  readonly removed: { readonly boilerplate: number; readonly repeat: number }
  /** Lines removed by `kind:rule`. */
  readonly byRule: Readonly<Record<string, number>>
}

export function tallyDocument(document: Document, entry: Pick<ReportDocument, 'status' | 'text'>): DocumentTally {
  let linesIn = 0
  let linesKept = 0
  let joined = 0
  const removedByKind = { boilerplate: 0, repeat: 0 }
  const byRule: Record<string, number> = {}
  const removed = new Set<number>()
  for (const decision of document.decisions) {
    if (!isParagraphDecision(decision)) continue
    const span = lineSpan(document.paragraphs[decision.paragraph]!)
    removed.add(decision.paragraph)
    removedByKind[decision.kind] += span
    const key = `${decision.kind}:${decision.rule}`
    byRule[key] = (byRule[key] ?? 0) + span
  }
  for (const paragraph of document.paragraphs) {
    linesIn += lineSpan(paragraph)
    joined += lineSpan(paragraph) - 1
    if (!removed.has(paragraph.index)) linesKept += lineSpan(paragraph)
  }
  return {
    status: entry.status,
    // Counted, not encoded: TextEncoder would copy every text into a new buffer just to measure it.
    bytesIn: Buffer.byteLength(document.text),
    bytesOut: entry.status === 'kept' ? Buffer.byteLength(entry.text) : 0,
    linesIn,
    linesKept,
    joined,
    removed: removedByKind,
    byRule,
  }
}

/** Sums documents' tallies into the report's stats, in any order. */
export class StatsCounter {
  private readonly documents = { in: 0, kept: 0, duplicate: 0, empty: 0, skipped: 0 }
  private linesIn = 0
  private linesKept = 0
  private joined = 0
  private readonly removed = { boilerplate: 0, repeat: 0 }
  private readonly byRule: Record<string, number> = {}
  private bytesIn = 0
  private bytesOut = 0

  /** A document first counted as kept turned out a near-duplicate: it is counted again as one. */
  markDuplicate(bytesOut: number): void {
    this.documents.kept--
    this.documents.duplicate++
    this.bytesOut -= bytesOut
  }

  add(tally: DocumentTally): void {
    this.documents.in++
    this.documents[tally.status]++
    this.linesIn += tally.linesIn
    this.linesKept += tally.linesKept
    this.joined += tally.joined
    this.removed.boilerplate += tally.removed.boilerplate
    this.removed.repeat += tally.removed.repeat
    for (const [rule, lines] of Object.entries(tally.byRule)) this.byRule[rule] = (this.byRule[rule] ?? 0) + lines
    this.bytesIn += tally.bytesIn
    this.bytesOut += tally.bytesOut
  }

  stats(clusters: readonly Cluster[], timings: Readonly<Record<string, number>>): ReportStats {
    const byRule = Object.fromEntries(Object.entries(this.byRule).sort(([a], [b]) => (a < b ? -1 : 1)))
    return {
      documents: { ...this.documents },
      lines: { in: this.linesIn, kept: this.linesKept, removed: { ...this.removed }, byRule, joined: this.joined },
      bytes: { in: this.bytesIn, out: this.bytesOut },
      clusters: {
        count: clusters.length,
        documents: clusters.reduce((sum, cluster) => sum + cluster.members.length, 0),
        largest: clusters.reduce((max, cluster) => Math.max(max, cluster.members.length), 0),
      },
      timings,
    }
  }
}

/** Each canonical's cluster id, by document id. */
export function canonicalClusters(clusters: readonly Cluster[]): Map<string, string> {
  const clusterOf = new Map<string, string>()
  for (const cluster of clusters) clusterOf.set(cluster.canonical, cluster.id)
  return clusterOf
}

/** Everything in the report but its documents, in report.json's key order. */
export function reportHead(options: CleanOptions, stats: ReportStats): Pick<Report, 'tool' | 'version' | 'options' | 'stats'> {
  return { tool: 'neardup', version: VERSION, options: publicOptions(options), stats }
}

export function buildReport(input: ReportInput): Report {
  const clusterOf = canonicalClusters(input.clusters)
  const counter = new StatsCounter()
  const descriptions = ruleDescriptions(input.options.boilerplate.extraRules)
  const documents = [...input.documents].sort(byId).map((document) => {
    const entry = reportDocument(document, clusterOf.get(document.id), descriptions)
    counter.add(tallyDocument(document, entry))
    return entry
  })
  return {
    ...reportHead(input.options, counter.stats(input.clusters, input.timings)),
    documents,
    clusters: input.clusters,
    sharedPassages: input.sharedPassages,
    diagnostics: input.diagnostics,
    rules: ruleCatalogue(input.options.boilerplate),
  }
}

/**
 * Options as recorded in the report: everything that changes the cleaning; `jobs` does not, and
 * `report` only shapes the HTML page (which says itself when it holds fewer documents).
 */
function publicOptions(options: CleanOptions): Record<string, unknown> {
  const { jobs: _jobs, report: _report, ...rest } = options
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>
}
