/**
 * Report → one self-contained HTML page: inline CSS, the report embedded as inert JSON, the `diff`
 * library and the client script inline. No network requests (the Content-Security-Policy forbids
 * them, and allows only these exact scripts by hash, so even a slip in escaping could not run code).
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveOptions, type ReportOptions } from '../../options.js'
import type { Report } from '../../types.js'
import { embedJson, escapeHtml } from './escape.js'
import { renderOverview } from './overview.js'
import { DOCUMENTS_SLOT } from '../build.js'

const HERE = dirname(fileURLToPath(import.meta.url))

interface Assets {
  readonly css: string
  readonly scripts: readonly string[]
}

let assets: Assets | undefined

function inlineScript(source: string, name: string): string {
  // An inline script ends at the first `</script`; ours and diff's never contain one, and must not.
  if (/<\/script/i.test(source)) throw new Error(`${name} contains </script and cannot be inlined`)
  return source
}

/**
 * The client script: the files of client/ in name order, in one strict-mode function scope (they
 * share its names, as parts of one script). Text from documents only ever becomes DOM text nodes
 * there (append/textContent), never innerHTML.
 */
function clientScript(): string {
  const folder = join(HERE, 'client')
  const parts = readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'))
  return `;(function () {\n'use strict'\n${parts.join('\n')}})()\n`
}

function loadAssets(): Assets {
  if (assets) return assets
  const require = createRequire(import.meta.url)
  const diffPath = join(dirname(require.resolve('diff/package.json')), 'dist', 'diff.min.js')
  assets = {
    css: readFileSync(join(HERE, 'page.css'), 'utf8'),
    scripts: [
      inlineScript(readFileSync(diffPath, 'utf8'), 'diff.min.js'),
      inlineScript(clientScript(), 'client/*.js'),
    ],
  }
  return assets
}

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

/**
 * The report's JSON, embedded (escaped as embedJson does), one array element at a time: the same
 * text as embedJson(report), but never one string, so a report too big for a single V8 string
 * (about 512 MB) still makes a page.
 */
function* embeddedJsonChunks(report: Partial<PageData>, slot = false): Generator<string | typeof DOCUMENTS_SLOT> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined)
  yield '{'
  let first = true
  for (const [key, value] of entries) {
    yield `${first ? '' : ','}${embedJson(key)}:`
    first = false
    if (slot && key === 'documents') {
      yield DOCUMENTS_SLOT
      continue
    }
    if (!Array.isArray(value)) {
      yield embedJson(value)
      continue
    }
    let chunk = '['
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index]
      chunk += `${index === 0 ? '' : ','}${embedJson(element === undefined ? null : element)}`
      if (chunk.length > CHUNK) {
        yield chunk
        chunk = ''
      }
    }
    yield `${chunk}]`
  }
  yield '}'
}

const CHUNK = 1 << 16

/**
 * A page that holds fewer documents than its report: the first `documents` of `of`, in id order.
 * Embedded as the report's `capped` field only then, so an uncapped page is the same as before.
 */
export interface Capped {
  readonly documents: number
  readonly of: number
}

type PageData = Report & { readonly capped?: Capped }

/**
 * How many of a report's `total` documents its page holds: the first `htmlDocuments` (validated as
 * the option is), and whether that caps the page.
 */
export function pageDocuments(total: number, options: Partial<ReportOptions> = {}): { readonly shown: number; readonly capped: Capped | null } {
  const { htmlDocuments } = resolveOptions({ report: options }).report
  const shown = Math.min(total, htmlDocuments)
  return { shown, capped: shown < total ? { documents: shown, of: total } : null }
}

/** The whole page. Deterministic: the same report gives the same bytes. */
export function renderHtml(report: Report, options: Partial<ReportOptions> = {}): string {
  return [...renderHtmlChunks(report, options)].join('')
}

/**
 * The page in pieces, for writing a large report without building one string. It embeds the first
 * `options.htmlDocuments` documents (report.json's order, which is id order); the rest of the
 * page (overview, clusters, shared passages) stays whole.
 */
export function* renderHtmlChunks(report: Report, options: Partial<ReportOptions> = {}): Generator<string> {
  const { shown, capped } = pageDocuments(report.documents.length, options)
  const page = capped ? { ...report, documents: report.documents.slice(0, shown), capped } : report
  for (const chunk of pageChunks(page, false)) if (chunk !== DOCUMENTS_SLOT) yield chunk
}

/**
 * The page around its documents: chunks, then DOCUMENTS_SLOT where the caller writes `[`, the first
 * `pageDocuments(total, options).shown` documents' `embedJson` texts comma-separated and `]`, then
 * the rest. Together: the same page as `renderHtmlChunks` of the whole report, for documents
 * rendered by workers.
 */
export function pageFrameChunks(frame: Omit<Report, 'documents'>, total: number, options: Partial<ReportOptions> = {}): Generator<string | typeof DOCUMENTS_SLOT> {
  const { tool, version, options: reportOptions, stats, ...rest } = frame
  const { capped } = pageDocuments(total, options)
  return pageChunks({ tool, version, options: reportOptions, stats, documents: [], ...rest, ...(capped ? { capped } : {}) }, true)
}

function* pageChunks(report: PageData, slot: boolean): Generator<string | typeof DOCUMENTS_SLOT> {
  const { css, scripts } = loadAssets()
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scripts.map(scriptHash).join(' ')}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  const { documents, clusters } = report.stats
  const title = `neardup report: ${documents.in} documents, ${clusters.count} clusters`
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<a class="skip" href="#view">Skip to content</a>
<header class="top">
<a class="brand" href="#overview">neardup <span class="muted">${escapeHtml(report.version)}</span></a>
<nav aria-label="Views">
<a href="#overview" data-view="overview">Overview</a>
<a href="#docs" data-view="docs">Documents <span class="count">${documents.in}</span></a>
<a href="#clusters" data-view="clusters">Clusters <span class="count">${clusters.count}</span></a>
<a href="#passages" data-view="passages">Shared passages <span class="count">${report.sharedPassages.length}</span></a>
</nav>
<form class="search" role="search" id="search-form">
<label for="search" class="visually-hidden">Search documents</label>
<input id="search" type="search" placeholder="Search documents (press /)" autocomplete="off" spellcheck="false">
</form>
</header>
<main id="view" tabindex="-1">
<section id="overview" class="view">${renderOverview(report, report.capped ?? null)}</section>
<section id="dynamic" class="view" hidden></section>
<noscript><p>The overview above needs no script; the document, cluster and passage views need JavaScript.</p></noscript>
</main>
<footer class="keys muted">Keys: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> next/previous row or document · <kbd>Esc</kbd> back to the list</footer>
<script type="application/json" id="report-data">`
  yield* embeddedJsonChunks(report, slot)
  yield `</script>
${scripts.map((source) => `<script>${source}</script>`).join('\n')}
</body>
</html>
`
}
