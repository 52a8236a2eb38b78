// Clusters (list, similarity squares, side-by-side word diff) and shared passages.

// ---- clusters ---------------------------------------------------------------------------------

function lowest(cluster, field) {
  return Math.min(...cluster.members.filter((member) => member.id !== cluster.canonical).map((member) => member[field]))
}

// The same formula as overview.ts similarityCell, so a square of the map lists exactly its clusters.
function similarityCell(value, low) {
  return Math.max(0, Math.min(MAP_BINS - 1, Math.floor(((value - low) / (1 - low)) * MAP_BINS + 1e-9)))
}

function inCell(cluster, params) {
  const low = Number(params.low)
  const x = Number(params.x)
  const y = Number(params.y)
  return cluster.members.some(
    (member) => member.id !== cluster.canonical && similarityCell(member.jaccard, low) === x && similarityCell(member.containment, low) === y,
  )
}

function renderClusters(params) {
  const term = (params.q || '').toLowerCase()
  const size = Number(params.size) || 0
  const cell = params.low !== undefined && params.x !== undefined && params.y !== undefined
  const matching = report.clusters.filter(
    (cluster) =>
      (!size || cluster.members.length === size) &&
      (!cell || inCell(cluster, params)) &&
      (!term || cluster.members.some((member) => member.id.toLowerCase().includes(term)) || cluster.id.toLowerCase().includes(term)),
  )
  const pages = Math.max(1, Math.ceil(matching.length / PAGE))
  const page = Math.min(pages, Math.max(1, Number(params.page) || 1))
  const rows = matching.slice((page - 1) * PAGE, page * PAGE).map((cluster) =>
    h(
      'tr',
      null,
      h('td', null, h('a', { href: clusterHref(cluster.id), class: 'cluster-link' }, cluster.id)),
      h('td', { class: 'num' }, cluster.members.length),
      h('td', null, docLink(cluster.canonical)),
      h('td', { class: 'num' }, percent(lowest(cluster, 'jaccard'))),
      h('td', { class: 'num' }, percent(lowest(cluster, 'containment'))),
    ),
  )
  draw(
    heading('Clusters'),
    h(
      'p',
      { class: 'result-count', role: 'status' },
      number(matching.length) + ' of ' + number(report.clusters.length) + ' clusters' + (size ? ' of ' + size + ' documents' : '') + (cell ? ' with a duplicate in the chosen square of the similarity map' : '') + (size || term || cell ? ' · ' : ''),
      size || term || cell ? h('a', { href: '#clusters' }, 'show all') : null,
    ),
    pager('clusters', params, page, pages),
    rows.length
      ? h(
          'table',
          { class: 'list' },
          h('thead', null, h('tr', null, h('th', null, 'cluster'), h('th', { class: 'num' }, 'documents'), h('th', null, 'canonical (kept)'), h('th', { class: 'num' }, 'lowest Jaccard'), h('th', { class: 'num' }, 'lowest containment'))),
          h('tbody', null, rows),
        )
      : h('p', { class: 'muted' }, 'No clusters.'),
    pager('clusters', params, page, pages),
  )
}

/**
 * Word-level differences (the `diff` package): removed words marked on the left, added on the right.
 * diffWordsWithSpace, not diffWords: only it gives back both texts exactly (diffWords moves
 * whitespace between the sides; on the dev set a quarter of the pairs came out changed).
 */
function diffPanes(canonicalText, memberText) {
  const parts = window.Diff.diffWordsWithSpace(canonicalText, memberText, { timeout: 2000 })
  if (!parts) return [h('pre', { class: 'pane' }, canonicalText), h('pre', { class: 'pane' }, memberText), h('p', { class: 'muted' }, 'Too different to compare word by word.')]
  const left = []
  const right = []
  for (const part of parts) {
    if (part.added) right.push(h('ins', null, part.value))
    else if (part.removed) left.push(h('del', null, part.value))
    else {
      left.push(part.value)
      right.push(part.value)
    }
  }
  return [h('pre', { class: 'pane pane-canonical' }, left), h('pre', { class: 'pane pane-member' }, right)]
}

function pair(cluster, member) {
  const canonical = docs[docIndex.get(cluster.canonical)]
  const entry = docs[docIndex.get(member.id)]
  return h(
    'section',
    { class: 'pair', 'data-member': member.id },
    h(
      'h3',
      null,
      docLink(member.id),
      ' ',
      h('span', { class: 'scores' }, 'Jaccard ' + percent(member.jaccard) + ', containment ' + percent(member.containment)),
    ),
    entry && entry.reason ? h('p', { class: 'doc-reason' }, entry.reason) : null,
    h('div', { class: 'pane-titles' }, h('span', null, 'canonical ', docLink(cluster.canonical)), h('span', null, 'duplicate ', member.id)),
    h('div', { class: 'side-by-side' }, canonical && entry ? diffPanes(canonical.text, entry.text) : h('p', { class: 'muted' }, missingText(canonical ? member.id : cluster.canonical))),
  )
}

/** Why a pair cannot be compared here: its text is in report.json only, or nowhere. */
function missingText(id) {
  return pastTheCap(id) ? 'No comparison here: the text of ' + id + ' is not on this page (report.json has it).' : 'Document missing from the report.'
}

function renderCluster(id) {
  const cluster = clusterIndex.get(id)
  if (!cluster) return notFound('cluster', id)
  const duplicates = cluster.members.filter((member) => member.id !== cluster.canonical)
  const table = h(
    'table',
    { class: 'list members' },
    h('thead', null, h('tr', null, h('th', null, 'document'), h('th', null, 'role'), h('th', { class: 'num' }, 'Jaccard'), h('th', { class: 'num' }, 'containment'))),
    h(
      'tbody',
      null,
      cluster.members.map((member) =>
        h(
          'tr',
          null,
          h('td', null, docLink(member.id)),
          h('td', null, member.id === cluster.canonical ? h('span', { class: 'badge status-kept' }, 'canonical') : h('span', { class: 'badge status-duplicate' }, 'duplicate')),
          h('td', { class: 'num' }, percent(member.jaccard)),
          h('td', { class: 'num' }, percent(member.containment)),
        ),
      ),
    ),
  )
  const pairs = h('div', { class: 'pairs' })
  let shown = 0
  const more = h('button', { type: 'button', class: 'more', onclick: () => showMore() })
  function showMore() {
    append(pairs, duplicates.slice(shown, shown + DIFF_BATCH).map((member) => pair(cluster, member)))
    shown = Math.min(duplicates.length, shown + DIFF_BATCH)
    more.textContent = 'show ' + Math.min(DIFF_BATCH, duplicates.length - shown) + ' more of ' + (duplicates.length - shown)
    more.hidden = shown >= duplicates.length
  }
  showMore()
  draw(
    heading('Cluster ' + cluster.id),
    h('p', null, cluster.members.length + ' documents; the canonical ', docLink(cluster.canonical), ' is kept. Scores are against the canonical.'),
    capped && cluster.members.some((member) => !docIndex.has(member.id)) ? cappedNotice() : null,
    table,
    h('p', { class: 'legend' }, h('del', null, 'only in the canonical'), ' ', h('ins', null, 'only in the duplicate')),
    pairs,
    more,
  )
}

// ---- shared passages --------------------------------------------------------------------------

function renderPassages(params) {
  const term = (params.q || '').toLowerCase()
  const matching = report.sharedPassages.filter((passage) => !term || passage.text.toLowerCase().includes(term))
  const pages = Math.max(1, Math.ceil(matching.length / PAGE))
  const page = Math.min(pages, Math.max(1, Number(params.page) || 1))
  draw(
    heading('Shared passages'),
    h('p', { class: 'muted' }, 'Text that recurs across unrelated documents (quotes, statements): reported, not removed.'),
    h('p', { class: 'result-count', role: 'status' }, number(matching.length) + ' passages'),
    pager('passages', params, page, pages),
    matching.length
      ? h(
          'ol',
          { class: 'passages' },
          matching.slice((page - 1) * PAGE, page * PAGE).map((passage) =>
            h(
              'li',
              { class: 'passage' },
              h('blockquote', null, marked(passage.text, term)),
              h('p', null, passage.occurrences.length + ' occurrences: ', passage.occurrences.map((occurrence, index) => [index ? ', ' : '', docLink(occurrence.document, occurrence.line, occurrence.document + ':' + occurrence.line)])),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No shared passages.'),
    pager('passages', params, page, pages),
  )
}

function notFound(what, id) {
  draw(heading('No such ' + what), h('p', null, 'The report has no ' + what + ' with the id “', h('code', null, id), '”.'), h('p', null, h('a', { href: '#overview' }, 'Back to the overview')))
  return null
}
