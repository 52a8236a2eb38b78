/**
 * The overview, rendered in Node as static HTML (it is small whatever the corpus size, and shows
 * before any script runs): counts, removals per rule as bars, cluster sizes, and a similarity map.
 * Every string from the report goes through escapeHtml; links are built by viewLink/filterLink.
 */
import type { Report } from '../../types.js'
import { escapeHtml } from './escape.js'
import type { Capped } from './render.js'

const number = new Intl.NumberFormat('en-US')

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 1000) / 10}%`
}

/** A link to the document list with some filters set (the client reads them from the fragment). */
export function filterLink(filters: Readonly<Record<string, string>>): string {
  const query = Object.entries(filters)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return `#docs${query ? `?${query}` : ''}`
}

function card(label: string, value: string, detail = ''): string {
  return `<div class="card"><div class="card-value">${escapeHtml(value)}</div><div class="card-label">${escapeHtml(label)}</div>${
    detail ? `<div class="card-detail">${escapeHtml(detail)}</div>` : ''
  }</div>`
}

interface Bar {
  readonly label: string
  readonly count: number
  readonly href: string
  readonly className: string
}

/** Horizontal bars, widths relative to the largest, each a link to the matching list. */
function bars(title: string, rows: readonly Bar[], unit: string): string {
  if (rows.length === 0) return `<p class="muted">No ${escapeHtml(unit)}.</p>`
  const max = Math.max(...rows.map((row) => row.count), 1)
  const items = rows
    .map(
      (row) =>
        `<li><a class="bar-row" href="${escapeHtml(row.href)}"><span class="bar-label">${escapeHtml(row.label)}</span>` +
        `<span class="bar-track"><span class="bar ${escapeHtml(row.className)}" style="width:${((row.count / max) * 100).toFixed(1)}%"></span></span>` +
        `<span class="bar-count">${number.format(row.count)}</span></a></li>`,
    )
    .join('')
  return `<ul class="bars" aria-label="${escapeHtml(title)}">${items}</ul>`
}

function documentBar(report: Report): string {
  const counts = report.stats.documents
  const parts = (['kept', 'duplicate', 'empty', 'skipped'] as const).filter((status) => counts[status] > 0)
  const segments = parts
    .map(
      (status) =>
        `<a class="segment status-${status}" href="${escapeHtml(filterLink({ status }))}" style="flex-grow:${counts[status]}" title="${escapeHtml(
          `${counts[status]} ${status}`,
        )}"><span>${escapeHtml(`${status} ${number.format(counts[status])}`)}</span></a>`,
    )
    .join('')
  return `<div class="stacked" role="img" aria-label="${escapeHtml(parts.map((status) => `${counts[status]} ${status}`).join(', '))}">${segments}</div>`
}

const BINS = 20

/**
 * Which cell of the similarity map a score falls in, over [low, 1]. The client script repeats this
 * exact formula (client/3-clusters.js `similarityCell`) to list a cell's clusters, so both agree on every edge.
 * The 1e-9 keeps a score on an edge (0.7 over [0.4, 1]) in the square it starts, despite rounding.
 */
export function similarityCell(value: number, low: number): number {
  return Math.max(0, Math.min(BINS - 1, Math.floor(((value - low) / (1 - low)) * BINS + 1e-9)))
}

/** Duplicates placed by Jaccard (x) and containment (y) against their canonical; darker = more. */
function similarityMap(report: Report): string {
  const duplicates = report.clusters.flatMap((cluster) => cluster.members.filter((member) => member.id !== cluster.canonical))
  if (duplicates.length === 0) return '<p class="muted">No near-duplicates, so nothing to place.</p>'
  // Zoomed to where the scores are (clusters are verified above a threshold, so 0..0.4 is empty space).
  // A loop, not Math.min(...spread): a million-document corpus has hundreds of thousands of duplicates.
  let lowest = 1
  for (const member of duplicates) lowest = Math.min(lowest, member.jaccard, member.containment)
  const low = Math.min(0.9, Math.floor(lowest * 10) / 10)
  const grid = new Array<number>(BINS * BINS).fill(0)
  for (const member of duplicates) grid[similarityCell(member.containment, low) * BINS + similarityCell(member.jaccard, low)]!++
  const max = grid.reduce((most, count) => Math.max(most, count), 0)
  const cell = 14
  const size = BINS * cell
  const edge = (bin: number): string => (low + ((1 - low) * bin) / BINS).toFixed(2)
  const cells: string[] = []
  grid.forEach((count, index) => {
    if (count === 0) return
    const x = index % BINS
    const y = Math.floor(index / BINS)
    cells.push(
      `<a href="#clusters?low=${low}&amp;x=${x}&amp;y=${y}" aria-label="${count} duplicates">` +
        `<rect x="${x * cell + 40}" y="${(BINS - 1 - y) * cell + 4}" width="${cell - 1}" height="${cell - 1}" fill-opacity="${(0.2 + 0.8 * (count / max)).toFixed(2)}">` +
        `<title>${escapeHtml(`${count} duplicate${count === 1 ? '' : 's'}: Jaccard ${edge(x)}–${edge(x + 1)}, containment ${edge(y)}–${edge(y + 1)}`)}</title></rect></a>`,
    )
  })
  return (
    `<svg class="heatmap" viewBox="0 0 ${size + 48} ${size + 40}" width="${size + 48}" height="${size + 40}" role="group" aria-label="${escapeHtml(
      `${duplicates.length} duplicates by Jaccard and containment`,
    )}">` +
    `<rect class="frame" x="40" y="4" width="${size}" height="${size}"/>` +
    cells.join('') +
    `<text x="40" y="${size + 20}">${low}</text><text x="${size + 40}" y="${size + 20}" text-anchor="end">1</text>` +
    `<text x="${40 + size / 2}" y="${size + 34}" text-anchor="middle">Jaccard with canonical →</text>` +
    `<text x="30" y="${size + 4}" text-anchor="end">${low}</text><text x="30" y="14" text-anchor="end">1</text>` +
    `<text transform="translate(14 ${4 + size / 2}) rotate(-90)" text-anchor="middle">containment →</text></svg>` +
    '<p class="muted small">Each square is a range of scores; click one to list its clusters.</p>'
  )
}

/** The duplicates least like their canonical: the decisions most worth a second look. */
function closestCalls(report: Report): string {
  const rows = report.clusters
    .flatMap((cluster) =>
      cluster.members.filter((member) => member.id !== cluster.canonical).map((member) => ({ cluster: cluster.id, ...member })),
    )
    .sort((a, b) => a.jaccard - b.jaccard || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 8)
  if (rows.length === 0) return ''
  const items = rows
    .map(
      (row) =>
        `<li><a href="#cluster=${escapeHtml(encodeURIComponent(row.cluster))}">${escapeHtml(row.id)}</a> ` +
        `<span class="muted">Jaccard ${percent(row.jaccard, 1)}, containment ${percent(row.containment, 1)}</span></li>`,
    )
    .join('')
  return `<h3>Least similar duplicates</h3><ol class="closest">${items}</ol>`
}

const DIAGNOSTICS_SHOWN = 200

/** Problems met while reading (skipped records, decode warnings): a reviewer must see what was not cleaned. */
function diagnosticsList(report: Report): string {
  const all = report.diagnostics
  if (all.length === 0) return ''
  const items = all
    .slice(0, DIAGNOSTICS_SHOWN)
    .map(
      (diagnostic) =>
        `<li class="diagnostic severity-${diagnostic.severity === 'error' ? 'error' : 'warning'}"><span class="badge">${escapeHtml(diagnostic.severity)}</span> ` +
        `<code>${escapeHtml(diagnostic.line !== undefined ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file)}</code> ` +
        `<span class="muted">${escapeHtml(diagnostic.code)}</span> ${escapeHtml(diagnostic.message)}</li>`,
    )
    .join('')
  const more = all.length > DIAGNOSTICS_SHOWN ? `<p class="muted">and ${number.format(all.length - DIAGNOSTICS_SHOWN)} more in report.json.</p>` : ''
  return `<section aria-labelledby="diagnostics"><h3 id="diagnostics">Input problems (${number.format(all.length)})</h3><ul class="diagnostics">${items}</ul>${more}</section>`
}

/** The options the run used, as recorded in the report. */
function optionsBlock(report: Report): string {
  return `<details class="options"><summary>Options of this run (neardup ${escapeHtml(report.version)})</summary><pre>${escapeHtml(
    JSON.stringify(report.options, null, 2),
  )}</pre></details>`
}

/**
 * The one wording of a capped page, first on the overview; the client copies this element into the
 * documents view (by its id) rather than say it a second way.
 */
function cappedNotice(capped: Capped | null): string {
  if (capped === null) return ''
  return (
    `<p class="capped" id="capped-notice" role="note">This page holds the first ${number.format(capped.documents)} of ${number.format(capped.of)} documents, in id order; ` +
    `report.json has every one; <code>--html-documents N</code> changes the limit. The counts and charts cover all ${number.format(capped.of)}.</p>\n`
  )
}

/** The overview; `capped` when the page holds only the first documents of the report. */
export function renderOverview(report: Report, capped: Capped | null = null): string {
  const { documents, lines, bytes, clusters } = report.stats
  const removed = lines.removed.boilerplate + lines.removed.repeat
  const ruleBars = Object.entries(lines.byRule)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([rule, count]): Bar => ({ label: rule, count, href: filterLink({ rule }), className: `kind-${rule.split(':')[0] ?? ''}` }))
  const sizes = new Map<number, number>()
  for (const cluster of report.clusters) sizes.set(cluster.members.length, (sizes.get(cluster.members.length) ?? 0) + 1)
  const sizeBars = [...sizes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([size, count]): Bar => ({ label: `${size} documents`, count, href: `#clusters?size=${size}`, className: 'cluster' }))
  return `
<h2 id="overview-title" tabindex="-1">Overview</h2>
${cappedNotice(capped)}<div class="cards">
${card('documents in', number.format(documents.in), `${number.format(documents.kept)} kept, ${number.format(documents.duplicate)} duplicate, ${number.format(documents.empty)} empty, ${number.format(documents.skipped)} skipped`)}
${card('documents out', number.format(documents.kept), percent(documents.kept, documents.in) + ' of the input')}
${card('lines removed', number.format(removed), `${number.format(lines.removed.boilerplate)} boilerplate, ${number.format(lines.removed.repeat)} repeat, of ${number.format(lines.in)} non-blank`)}
${card('lines rejoined', number.format(lines.joined), 'hard wraps folded into the line above')}
${card('bytes saved', number.format(bytes.in - bytes.out), `${number.format(bytes.in)} in, ${number.format(bytes.out)} out (${percent(bytes.in - bytes.out, bytes.in)})`)}
${card('clusters', number.format(clusters.count), `${number.format(clusters.documents)} documents, largest ${number.format(clusters.largest)}`)}
</div>
<h3>Documents by status</h3>
${documentBar(report)}
<div class="columns">
<section aria-labelledby="by-rule"><h3 id="by-rule">Lines removed, by rule</h3>${bars('Lines removed by rule', ruleBars, 'removals')}</section>
<section aria-labelledby="by-size"><h3 id="by-size">Clusters, by size</h3>${bars('Clusters by size', sizeBars, 'clusters')}</section>
<section aria-labelledby="similarity"><h3 id="similarity">Duplicates, by similarity to their canonical</h3>${similarityMap(report)}${closestCalls(report)}</section>
</div>
${diagnosticsList(report)}
${optionsBlock(report)}`
}
