// neardup report, in the browser: renders the document, cluster and shared-passage views from the
// embedded report on demand, one page of rows at a time, so a 10,000-document report stays quick.
// Text from documents only ever becomes DOM text nodes (append/textContent): never innerHTML.
;(function () {
  'use strict'

  const report = JSON.parse(document.getElementById('report-data').textContent)
  const docs = report.documents
  const docIndex = new Map(docs.map((entry, index) => [entry.id, index]))
  const clusterIndex = new Map(report.clusters.map((cluster) => [cluster.id, cluster]))
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
    return h('span', { class: 'chip kind-' + kind }, kind + ':' + rule)
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

  // ---- search and filters ---------------------------------------------------------------------

  const haystacks = new Array(docs.length)
  function haystack(index) {
    if (haystacks[index] === undefined) {
      const entry = docs[index]
      const parts = [entry.id, entry.original !== undefined ? entry.original : entry.text]
      for (const removed of entry.removed) {
        if (entry.original === undefined) parts.push(removed.text)
        parts.push(removed.reason)
      }
      if (entry.reason) parts.push(entry.reason)
      haystacks[index] = parts.join('\n').toLowerCase()
    }
    return haystacks[index]
  }

  let lastList = { key: null, indexes: null, href: '#docs' }

  function filterDocs(params) {
    const key = JSON.stringify([params.q, params.status, params.kind, params.rule, params.sort])
    if (lastList.key === key) return lastList.indexes
    const term = (params.q || '').toLowerCase()
    const indexes = []
    docs.forEach((entry, index) => {
      if (params.status && entry.status !== params.status) return
      if (params.kind === 'none' && entry.removed.length > 0) return
      if (params.kind && params.kind !== 'none' && !entry.removed.some((removed) => removed.kind === params.kind)) return
      if (params.rule && !entry.removed.some((removed) => removed.kind + ':' + removed.rule === params.rule)) return
      if (term && !haystack(index).includes(term)) return
      indexes.push(index)
    })
    // Most removed first: the documents the cleaner changed most are the first to review.
    if (params.sort === 'removed') indexes.sort((a, b) => removedLineCount(docs[b]) - removedLineCount(docs[a]) || a - b)
    lastList = { key, indexes, href: '#docs' }
    return indexes
  }

  function removedLineCount(entry) {
    return entry.removed.reduce((sum, removed) => sum + ((removed.endLine || removed.line) - removed.line + 1), 0)
  }

  function snippet(entry, term) {
    const text = entry.original !== undefined ? entry.original : entry.text
    const at = text.toLowerCase().indexOf(term)
    if (at === -1) return null
    const start = Math.max(0, at - 50)
    const piece = (start > 0 ? '…' : '') + text.slice(start, at + term.length + 70).replace(/\s+/g, ' ') + '…'
    return h('div', { class: 'snippet' }, marked(piece, term))
  }

  function select(label, name, value, options, params) {
    const id = 'filter-' + name
    return h(
      'label',
      { for: id },
      label + ' ',
      h(
        'select',
        {
          id,
          name,
          onchange: (event) => go(listHref('docs', { ...params, [name]: event.target.value, page: 1 })),
        },
        options.map(([optionValue, text]) => {
          const option = h('option', { value: optionValue }, text)
          option.selected = optionValue === (value || '')
          return option
        }),
      ),
    )
  }

  function renderDocs(params) {
    const indexes = filterDocs(params)
    lastList.href = listHref('docs', params)
    const pages = Math.max(1, Math.ceil(indexes.length / PAGE))
    const page = Math.min(pages, Math.max(1, Number(params.page) || 1))
    const term = (params.q || '').toLowerCase()
    const rules = Object.keys(report.stats.lines.byRule)
    const rows = indexes.slice((page - 1) * PAGE, page * PAGE).map((index) => {
      const entry = docs[index]
      const chips = [...new Set(entry.removed.map((removed) => removed.kind + ':' + removed.rule))].map((key) =>
        ruleChip(key.split(':')[0], key.slice(key.indexOf(':') + 1)),
      )
      return h(
        'tr',
        null,
        h('td', null, h('a', { href: docHref(entry.id), class: 'doc-link' }, entry.id), term ? snippet(entry, term) : null),
        h('td', null, badge(entry.status)),
        h('td', { class: 'num' }, number(removedLineCount(entry))),
        h('td', null, chips),
        h('td', null, entry.cluster ? h('a', { href: clusterHref(entry.cluster) }, entry.cluster) : ''),
      )
    })
    const filters = h(
      'div',
      { class: 'filters' },
      select('Status', 'status', params.status, [['', 'any'], ['kept', 'kept'], ['duplicate', 'duplicate'], ['empty', 'empty'], ['skipped', 'skipped']], params),
      select('Kind', 'kind', params.kind, [['', 'any'], ['boilerplate', 'boilerplate removed'], ['repeat', 'repeat removed'], ['none', 'nothing removed']], params),
      select('Rule', 'rule', params.rule, [['', 'any']].concat(rules.map((rule) => [rule, rule])), params),
      select('Sort', 'sort', params.sort, [['', 'by id'], ['removed', 'most lines removed first']], params),
      params.q || params.status || params.kind || params.rule ? h('a', { href: '#docs', class: 'clear' }, 'clear filters') : null,
    )
    draw(
      heading('Documents'),
      filters,
      h('p', { class: 'result-count', role: 'status' }, number(indexes.length) + ' of ' + number(docs.length) + ' documents' + (params.q ? ' matching “' + params.q + '”' : '')),
      pager('docs', params, page, pages),
      rows.length
        ? h(
            'table',
            { class: 'list' },
            h('thead', null, h('tr', null, h('th', null, 'document'), h('th', null, 'status'), h('th', { class: 'num' }, 'lines removed'), h('th', null, 'rules'), h('th', null, 'cluster'))),
            h('tbody', null, rows),
          )
        : h('p', { class: 'muted' }, 'No document matches.'),
      pager('docs', params, page, pages),
    )
  }

  // ---- one document -----------------------------------------------------------------------------

  function removalNote(entry, removed) {
    return h(
      'div',
      { class: 'note' },
      ruleChip(removed.kind, removed.rule),
      ' ',
      h('span', { class: 'reason' }, removed.reason),
      removed.kind === 'repeat' && removed.of ? [' ', h('a', { href: docHref(entry.id, removed.of), class: 'first-copy-link' }, 'first copy: line ' + removed.of)] : null,
    )
  }

  function originalLines(entry, term, limit) {
    const lines = splitLines(entry.original)
    const removedAt = new Map()
    for (const removed of entry.removed) for (let line = removed.line; line <= (removed.endLine || removed.line); line++) removedAt.set(line, removed)
    const joinedAt = new Map()
    for (const joined of entry.joined) for (let line = joined.line; line <= joined.endLine; line++) joinedAt.set(line, joined)
    const firstCopies = new Set(entry.removed.filter((removed) => removed.kind === 'repeat').map((removed) => removed.of))
    const items = []
    const shown = Math.min(lines.length, limit)
    for (let index = 0; index < shown; index++) {
      const number = index + 1
      const text = lines[index]
      const removed = removedAt.get(number)
      const joined = joinedAt.get(number)
      const classes = ['line']
      if (removed) classes.push('removed', 'kind-' + removed.kind)
      if (joined) classes.push('joined', number === joined.line ? 'joined-first' : number === joined.endLine ? 'joined-last' : 'joined-mid')
      if (text.trim() === '') classes.push('blank')
      if (firstCopies.has(number)) classes.push('first-copy')
      const content = removed ? h('del', null, marked(text, term)) : h('span', null, marked(text, term))
      items.push(
        h(
          'li',
          { id: 'L' + number, class: classes.join(' '), 'data-line': number, 'data-rule': removed ? removed.kind + ':' + removed.rule : null },
          h('a', { class: 'ln', href: docHref(entry.id, number), 'aria-label': 'line ' + number }, String(number)),
          content,
          joined && number === joined.line ? h('span', { class: 'chip joined-chip' }, 'joined ' + joined.line + '–' + joined.endLine) : null,
          removed && number === (removed.endLine || removed.line) ? removalNote(entry, removed) : null,
        ),
      )
    }
    const box = h('div', { class: 'original-lines' }, h('ol', { class: 'lines', 'aria-label': 'original lines' }, items))
    if (lines.length > shown) {
      box.append(h('button', { type: 'button', class: 'more', onclick: () => box.replaceWith(originalLines(entry, term, Infinity)) }, 'show all ' + number(lines.length) + ' lines'))
    }
    return box
  }

  /** Without the original text (an older report.json), show what is known: the removed lines, in order. */
  function removedOnly(entry, term) {
    return [
      h('p', { class: 'muted' }, 'This report.json has no original text; only the removed lines are shown.'),
      h(
        'ol',
        { class: 'lines' },
        entry.removed.map((removed) =>
          h(
            'li',
            { class: 'line removed kind-' + removed.kind, 'data-line': removed.line, 'data-rule': removed.kind + ':' + removed.rule },
            h('span', { class: 'ln' }, String(removed.line)),
            h('del', null, marked(removed.text, term)),
            removalNote(entry, removed),
          ),
        ),
      ),
    ]
  }

  function neighbours(index) {
    const list = lastList.indexes || docs.map((_, i) => i)
    const at = list.indexOf(index)
    if (at === -1) return { previous: null, next: null }
    return { previous: at > 0 ? docs[list[at - 1]] : null, next: at < list.length - 1 ? docs[list[at + 1]] : null }
  }

  let currentDoc = null

  function renderDoc(id, line, term) {
    const index = docIndex.get(id)
    if (index === undefined) return notFound('document', id)
    const entry = docs[index]
    currentDoc = index
    const { previous, next } = neighbours(index)
    const meta = h(
      'dl',
      { class: 'meta' },
      h('dt', null, 'status'),
      h('dd', null, badge(entry.status), entry.reason ? [' ', h('span', { class: 'doc-reason' }, entry.reason)] : null),
      h('dt', null, 'source'),
      h('dd', null, entry.source.file + (entry.source.line ? ':' + entry.source.line : '')),
      h('dt', null, 'lines'),
      h('dd', null, number(entry.lines) + ' in, ' + number(removedLineCount(entry)) + ' removed, ' + entry.joined.length + ' rejoined paragraphs'),
      entry.duplicateOf ? [h('dt', null, 'duplicate of'), h('dd', null, h('a', { href: docHref(entry.duplicateOf) }, entry.duplicateOf))] : null,
      entry.cluster ? [h('dt', null, 'cluster'), h('dd', null, h('a', { href: clusterHref(entry.cluster) }, entry.cluster))] : null,
      entry.warnings.length ? [h('dt', null, 'warnings'), h('dd', null, entry.warnings.join('; '))] : null,
    )
    const nav = h(
      'nav',
      { class: 'doc-nav', 'aria-label': 'Documents' },
      h('a', { href: lastList.href }, '↑ list'),
      previous ? h('a', { href: docHref(previous.id), rel: 'prev' }, '← ' + previous.id) : null,
      next ? h('a', { href: docHref(next.id), rel: 'next' }, next.id + ' →') : null,
    )
    const cleaned = splitLines(entry.text)
    draw(
      heading(entry.id),
      nav,
      meta,
      h(
        'div',
        { class: 'two-columns' },
        h('section', { class: 'original', 'aria-label': 'original text' }, h('h3', null, 'Original'), entry.original !== undefined ? originalLines(entry, term, LINE_LIMIT) : removedOnly(entry, term)),
        h(
          'section',
          { class: 'cleaned', 'aria-label': 'cleaned text' },
          h('h3', null, 'Cleaned'),
          cleaned.length ? h('ol', { class: 'lines cleaned-lines' }, cleaned.map((text) => h('li', { class: 'line' }, marked(text, term)))) : h('p', { class: 'muted' }, 'Nothing left.'),
        ),
      ),
    )
    if (line) {
      const target = document.getElementById('L' + line)
      if (target) {
        target.classList.add('target')
        target.scrollIntoView({ block: 'center' })
        return target.querySelector('.ln')
      }
    }
    return null
  }

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
        h('td', null, h('a', { href: docHref(cluster.canonical) }, cluster.canonical)),
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
        h('a', { href: docHref(member.id) }, member.id),
        ' ',
        h('span', { class: 'scores' }, 'Jaccard ' + percent(member.jaccard) + ', containment ' + percent(member.containment)),
      ),
      entry && entry.reason ? h('p', { class: 'doc-reason' }, entry.reason) : null,
      h('div', { class: 'pane-titles' }, h('span', null, 'canonical ', h('a', { href: docHref(cluster.canonical) }, cluster.canonical)), h('span', null, 'duplicate ', member.id)),
      h('div', { class: 'side-by-side' }, canonical && entry ? diffPanes(canonical.text, entry.text) : h('p', { class: 'muted' }, 'Document missing from the report.')),
    )
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
            h('td', null, h('a', { href: docHref(member.id) }, member.id)),
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
      h('p', null, cluster.members.length + ' documents; the canonical ', h('a', { href: docHref(cluster.canonical) }, cluster.canonical), ' is kept. Scores are against the canonical.'),
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
                h('p', null, passage.occurrences.length + ' occurrences: ', passage.occurrences.map((occurrence, index) => [index ? ', ' : '', h('a', { href: docHref(occurrence.document, occurrence.line) }, occurrence.document + ':' + occurrence.line)])),
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

  // ---- routing ----------------------------------------------------------------------------------

  function parseHash() {
    const raw = location.hash.slice(1)
    if (raw.startsWith('doc=') || raw.startsWith('cluster=')) {
      const params = new URLSearchParams(raw)
      return raw.startsWith('doc=') ? { view: 'doc', id: params.get('doc'), line: Number(params.get('line')) || 0 } : { view: 'cluster', id: params.get('cluster') }
    }
    const at = raw.indexOf('?')
    const view = (at === -1 ? raw : raw.slice(0, at)) || 'overview'
    return { view, params: Object.fromEntries(new URLSearchParams(at === -1 ? '' : raw.slice(at + 1))) }
  }

  let keepFocus = false

  function route() {
    const { view, id, line, params } = parseHash()
    const known = ['overview', 'docs', 'clusters', 'passages', 'doc', 'cluster']
    const current = known.includes(view) ? view : 'overview'
    for (const link of document.querySelectorAll('nav a[data-view]')) {
      const active = link.dataset.view === current || (current === 'doc' && link.dataset.view === 'docs') || (current === 'cluster' && link.dataset.view === 'clusters')
      if (active) link.setAttribute('aria-current', 'page')
      else link.removeAttribute('aria-current')
    }
    overview.hidden = current !== 'overview'
    dynamic.hidden = current === 'overview'
    if (current !== 'doc') currentDoc = null
    if (current === 'docs' && document.activeElement !== search) search.value = params.q || ''
    let focus = null
    if (current === 'docs') renderDocs(params)
    else if (current === 'doc') focus = renderDoc(id, line, search.value.trim().toLowerCase())
    else if (current === 'cluster') renderCluster(id)
    else if (current === 'clusters') renderClusters(params)
    else if (current === 'passages') renderPassages(params)
    if (!keepFocus) {
      const target = focus || (current === 'overview' ? document.getElementById('overview-title') : dynamic.querySelector('.view-title'))
      if (target) target.focus({ preventScroll: Boolean(focus) })
      if (!focus) window.scrollTo(0, 0)
    }
    keepFocus = false
    document.body.dataset.view = current
    // For tests and scripts driving the page: which fragment the view on screen was drawn for.
    document.body.dataset.rendered = location.hash
  }

  function go(hash, replace) {
    if (replace) history.replaceState(null, '', hash)
    else history.pushState(null, '', hash)
    route()
  }

  // ---- keyboard and search ----------------------------------------------------------------------

  let typing = null
  function searchNow(replace) {
    clearTimeout(typing)
    const { view, params } = parseHash()
    const base = view === 'docs' ? params : {}
    keepFocus = true
    go(listHref('docs', { ...base, q: search.value.trim(), page: 1 }), replace && view === 'docs')
  }
  search.addEventListener('input', () => {
    clearTimeout(typing)
    typing = setTimeout(() => searchNow(true), 200)
  })
  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault()
    searchNow(false)
    const first = dynamic.querySelector('.doc-link')
    if (first) first.focus()
  })

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const tag = event.target && event.target.tagName
    const inField = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA'
    if (event.key === 'Escape') {
      if (inField) {
        event.target.blur()
        return
      }
      const { view } = parseHash()
      if (view === 'doc') go(lastList.href)
      else if (view === 'cluster') go('#clusters')
      return
    }
    if (inField) return
    if (event.key === '/') {
      event.preventDefault()
      search.focus()
      search.select()
    } else if ((event.key === 'j' || event.key === 'k') && currentDoc === null && document.body.dataset.view !== 'overview') {
      // In a list, j/k move the focus down and up its rows' links.
      const links = [...dynamic.querySelectorAll('.doc-link, .cluster-link, .passage a')]
      if (links.length === 0) return
      const at = links.indexOf(document.activeElement)
      const next = at === -1 ? 0 : Math.max(0, Math.min(links.length - 1, at + (event.key === 'j' ? 1 : -1)))
      links[next].focus()
      links[next].scrollIntoView({ block: 'nearest' })
    } else if ((event.key === 'j' || event.key === 'k') && currentDoc !== null) {
      const { previous, next } = neighbours(currentDoc)
      const target = event.key === 'j' ? next : previous
      if (target) go(docHref(target.id))
    }
  })

  window.addEventListener('hashchange', route)
  route()
  document.body.dataset.ready = 'true'
})()
