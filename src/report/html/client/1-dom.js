// The page's data and the building blocks every view uses: h() makes elements whose children
// become text nodes, links are fragments built from encodeURIComponent.

const report = JSON.parse(document.getElementById('report-data').textContent)
const docs = report.documents
const docIndex = new Map(docs.map((entry, index) => [entry.id, index]))
const clusterIndex = new Map(report.clusters.map((cluster) => [cluster.id, cluster]))
// What each boilerplate rule id means (an older report.json has no rules: chips then carry no tooltip).
const ruleInfo = new Map((report.rules || []).map((rule) => [rule.id, rule]))
// A big report's page holds only its first documents in id order (report.capped: { documents, of });
// every other document is in report.json only, and the page names it without a link.
const capped = report.capped || null
const lastDocId = docs.length ? docs[docs.length - 1].id : null
const overview = document.getElementById('overview')
const dynamic = document.getElementById('dynamic')
const search = document.getElementById('search')
const PAGE = 100
const LINE_LIMIT = 3000
const DIFF_BATCH = 5
const MAP_BINS = 20

// ---- building blocks ------------------------------------------------------------------------

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(element, child)
    else element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
}

/** An element; attribute values are set with setAttribute, children become text nodes or elements. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue
    if (name === 'class') element.className = value
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  append(element, children)
  return element
}

// Links are always a fragment built here from encodeURIComponent, never a string from the report.
function query(params) {
  const parts = []
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && !(key === 'page' && Number(value) <= 1)) {
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value)))
    }
  }
  return parts.length ? '?' + parts.join('&') : ''
}
const docHref = (id, line) => '#doc=' + encodeURIComponent(id) + (line ? '&line=' + Number(line) : '')
const clusterHref = (id) => '#cluster=' + encodeURIComponent(id)
const listHref = (view, params) => '#' + view + query(params)

/** Whether a document the page has no entry for is one of the report's others (ids sort as the pipeline sorts them). */
function pastTheCap(id) {
  return capped !== null && (lastDocId === null || id > lastDocId)
}

/**
 * A link to a document (at a line), or, for a document not on this page, its id as text and a short
 * note saying where it is: a link there would lead nowhere.
 */
function docLink(id, line, text, attributes) {
  const label = text === undefined ? id : text
  if (docIndex.has(id)) return h('a', { ...attributes, href: docHref(id, line) }, label)
  const note = pastTheCap(id) ? 'not on this page: in report.json' : 'not in this report'
  return h('span', { class: 'off-page-doc', 'data-doc': id }, label, ' ', h('span', { class: 'off-page' }, '(' + note + ')'))
}

/** The overview's note on a capped page (its one wording), for another view to show too. */
function cappedNotice() {
  const notice = document.getElementById('capped-notice')
  if (!notice) return null
  const copy = notice.cloneNode(true)
  copy.removeAttribute('id')
  return copy
}

const percent = (value) => Math.round(value * 1000) / 10 + '%'
const number = (value) => value.toLocaleString('en-US')

function splitLines(text) {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines.length === 1 && lines[0] === '' ? [] : lines
}

/** Text with every occurrence of the search term wrapped in <mark>, as text nodes. */
function marked(text, term) {
  if (!term) return [text]
  const lower = text.toLowerCase()
  const out = []
  let from = 0
  for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
    out.push(text.slice(from, at), h('mark', null, text.slice(at, at + term.length)))
    from = at + term.length
  }
  out.push(text.slice(from))
  return out
}

function badge(status) {
  return h('span', { class: 'badge status-' + status }, status)
}

function ruleChip(kind, rule) {
  const info = kind === 'boilerplate' ? ruleInfo.get(rule) : undefined
  const title = info ? info.description + (info.pattern ? '\nPattern: /' + info.pattern + '/' + (info.flags || '') : '') : null
  return h('span', { class: 'chip kind-' + kind, title }, kind + ':' + rule)
}

function pager(view, params, page, pages) {
  if (pages <= 1) return null
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? h('a', { href: listHref(view, { ...params, page: page - 1 }), rel: 'prev' }, '← previous') : h('span', { class: 'muted' }, '← previous'),
    h('span', null, ' page ' + page + ' of ' + pages + ' '),
    page < pages ? h('a', { href: listHref(view, { ...params, page: page + 1 }), rel: 'next' }, 'next →') : h('span', { class: 'muted' }, 'next →'),
  )
}

/** Replaces the view's content; null children (an absent pager) are skipped, as in h(). */
function draw(...children) {
  dynamic.replaceChildren()
  append(dynamic, children)
}

function heading(text, ...extra) {
  return h('h2', { tabindex: '-1', class: 'view-title' }, text, ...extra)
}
