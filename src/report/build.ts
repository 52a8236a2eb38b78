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
  SharedPassage,
} from '../types.js'
import { explain } from './explain.js'
import { VERSION } from '../version.js'

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

function reportDocument(document: Document): ReportDocument {
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
      reason: explain(decision),
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
    cluster: duplicate?.kind === 'duplicate' ? duplicate.evidence.cluster : null,
    text: cleanedText(document),
    original: document.text,
    lines: document.lineCount,
    joined: document.paragraphs
      .filter((paragraph) => paragraph.lines.end !== paragraph.lines.start)
      .map((paragraph) => ({ line: paragraph.lines.start, endLine: paragraph.lines.end })),
    removed,
    reason: status === 'skipped' ? (document.skipped ?? null) : whole ? explain(whole) : null,
    warnings: document.warnings,
  }
}

function lineSpan(paragraph: { lines: { start: number; end: number } }): number {
  return paragraph.lines.end - paragraph.lines.start + 1
}

export function buildReport(input: ReportInput): Report {
  const clusterOf = new Map<string, string>()
  for (const cluster of input.clusters) for (const member of cluster.members) clusterOf.set(member.id, cluster.id)
  const documents = [...input.documents].sort(byId).map((document) => {
    const entry = reportDocument(document)
    // The canonical carries its cluster id too, so a reader sees the whole group from any member.
    const cluster = clusterOf.get(document.id)
    return cluster !== undefined && entry.cluster === null ? { ...entry, cluster } : entry
  })

  const counts = { in: documents.length, kept: 0, duplicate: 0, empty: 0, skipped: 0 }
  for (const document of documents) counts[document.status]++

  let linesIn = 0
  let linesKept = 0
  let joined = 0
  const removedByKind = { boilerplate: 0, repeat: 0 }
  const byRule: Record<string, number> = {}
  let bytesIn = 0
  let bytesOut = 0
  const statusById = new Map(documents.map((document) => [document.id, document]))
  for (const document of input.documents) {
    // Counted, not encoded: TextEncoder would copy every text into a new buffer just to measure it.
    bytesIn += Buffer.byteLength(document.text)
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
    const entry = statusById.get(document.id)
    if (entry?.status === 'kept') bytesOut += Buffer.byteLength(entry.text)
  }
  const sortedByRule = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1)))
  const clustered = input.clusters.reduce((sum, cluster) => sum + cluster.members.length, 0)

  return {
    tool: 'neardup',
    version: VERSION,
    options: publicOptions(input.options),
    stats: {
      documents: counts,
      lines: { in: linesIn, kept: linesKept, removed: removedByKind, byRule: sortedByRule, joined },
      bytes: { in: bytesIn, out: bytesOut },
      clusters: {
        count: input.clusters.length,
        documents: clustered,
        largest: input.clusters.reduce((max, cluster) => Math.max(max, cluster.members.length), 0),
      },
      timings: input.timings,
    },
    documents,
    clusters: input.clusters,
    sharedPassages: input.sharedPassages,
    diagnostics: input.diagnostics,
  }
}

/** Options as recorded in the report: everything that changes the output; `jobs` does not. */
function publicOptions(options: CleanOptions): Record<string, unknown> {
  const { jobs: _jobs, ...rest } = options
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>
}
