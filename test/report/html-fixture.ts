/**
 * A report with near-duplicate clusters and shared passages, for the HTML report's tests: a real
 * clean() result (seeds plus reworded copies of one seed, near-duplicate finding off) to which the
 * cluster, the duplicates' status and a shared passage are added the way report/build.ts would,
 * so it stays valid against report.schema.json.
 */
import { clean } from '../../src/index.js'
import { explain } from '../../src/report/explain.js'
import type { DocumentInput, Report, ReportDocument } from '../../src/types.js'
import { seedFiles } from '../helpers/index.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }

export const CANONICAL = '003_b7977094a87ae843.txt'

/** The canonical, lightly reworded: some words swapped, one paragraph dropped. */
export function rewordedCopies(base: string): DocumentInput[] {
  const lines = base.split('\n')
  return [
    // Spacing changed too: the side-by-side view must still give back each text exactly.
    { id: 'copy-a.txt', text: base.replace(/Thursday/g, 'Friday').replace(/videos/, 'films').replace('Intelligence Agency', 'Intelligence  Agency') },
    { id: 'copy-b.txt', text: lines.filter((_, index) => index !== 2).join('\n').replace(/Chinese officials/g, 'officials of the People’s Republic') },
  ]
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])
}

function similarity(member: string, canonical: string): { jaccard: number; containment: number } {
  const a = words(member)
  const b = words(canonical)
  const shared = [...a].filter((word) => b.has(word)).length
  const round = (value: number): number => Math.round(value * 1000) / 1000
  return { jaccard: round(shared / (a.size + b.size - shared)), containment: round(shared / a.size) }
}

/**
 * clean() over `inputs`, then `duplicates` put into one cluster under `canonical`, and the first
 * line of the canonical that every duplicate repeats recorded as a shared passage.
 */
export async function reportWithCluster(
  inputs: readonly DocumentInput[],
  canonical: string,
  duplicates: readonly string[],
  clusterId = 'cluster-1',
): Promise<Report> {
  const { report } = await clean(inputs, { neardup: { enabled: false } })
  const copy = JSON.parse(JSON.stringify(report)) as Mutable<Report>
  const byId = new Map(copy.documents.map((document) => [document.id, document as Mutable<ReportDocument>]))
  const head = byId.get(canonical)!
  const members = [{ id: canonical, jaccard: 1, containment: 1 }]
  const encoder = new TextEncoder()
  for (const id of [...duplicates].sort()) {
    const document = byId.get(id)!
    const scores = similarity(document.text, head.text)
    members.push({ id, ...scores })
    document.status = 'duplicate'
    document.duplicateOf = canonical
    document.cluster = clusterId
    document.reason = explain({ kind: 'duplicate', rule: 'near-duplicate', evidence: { cluster: clusterId, canonical, ...scores } })
    copy.stats.documents.kept--
    copy.stats.documents.duplicate++
    copy.stats.bytes.out -= encoder.encode(document.text).length
  }
  head.cluster = clusterId
  copy.clusters = [{ id: clusterId, canonical, members }]
  copy.stats.clusters = { count: 1, documents: members.length, largest: members.length }
  const lines = (text: string): string[] => text.split('\n')
  const passage = lines(head.original!).find((line) => line.length > 60 && duplicates.every((id) => lines(byId.get(id)!.original!).includes(line)))
  if (passage !== undefined) {
    copy.sharedPassages = [
      {
        text: passage,
        occurrences: [canonical, ...duplicates].map((id) => ({ document: id, line: lines(byId.get(id)!.original!).indexOf(passage) + 1 })),
      },
    ]
  }
  return copy as Report
}

/** More lines than the document view draws before its "show all" button. */
export const LONG_LINES = 3200

/** The seeds plus two reworded copies of seed 003, clustered under it, and one long document. */
export async function seedsWithCluster(): Promise<Report> {
  const seeds = seedFiles()
  const base = seeds.find((seed) => seed.id === CANONICAL)!.text
  const long = { id: 'long.txt', text: Array.from({ length: LONG_LINES }, (_, index) => `Line ${index + 1} of a long document, numbered so that no two lines repeat.\n`).join('') }
  return reportWithCluster([...seeds, ...rewordedCopies(base), long], CANONICAL, ['copy-a.txt', 'copy-b.txt'])
}

/** Text that would run code if any of it reached the page as markup. */
export const HOSTILE_LINES = [
  '<script>window.__pwned = "script"</script>',
  '</script><script>window.__pwned = "breakout"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">javascript:window.__pwned = 1</a>',
  "{{ constructor.constructor('window.__pwned = \"template\"')() }} ${window.__pwned = 'template-literal'}",
  '<svg onload="window.__pwned = \'svg\'"></svg><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<!-- <script> \u2028 \u2029 </ScRiPt > &lt;b&gt; &amp; <style>body{display:none}</style>',
]

/** Documents whose text, ids and removed lines are all hostile, two of them near-duplicates. */
export async function hostileReport(): Promise<Report> {
  const body = [
    'A perfectly ordinary opening paragraph that talks about the weather in some detail today.',
    ...HOSTILE_LINES,
    'Follow us on Twitter <script>window.__pwned = "removed-line"</script>',
    ...HOSTILE_LINES,
    'A closing paragraph that says nothing more than that the story has ended for now.',
  ].join('\n')
  const inputs: DocumentInput[] = [
    { id: '<img src=x onerror=window.__pwned=1>.txt', text: `${body}\n` },
    { id: 'javascript:window.__pwned=1', text: `${body}\nOne extra line <b>bold</b> added in this copy.\n` },
    { id: '{{7*7}}</script>.txt', text: `Unrelated ${HOSTILE_LINES[0]} text about something else.\n` },
  ]
  const report = await reportWithCluster(inputs, inputs[0]!.id, [inputs[1]!.id], '</script><script>window.__pwned="cluster"</script>')
  const diagnostic = { severity: 'error', code: 'malformed-json', file: '<script>window.__pwned="file"</script>.jsonl', line: 3, message: HOSTILE_LINES[2]! } as const
  return { ...report, diagnostics: [diagnostic] }
}
