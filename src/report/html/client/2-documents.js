// The document list (search, filters, pages) and one document's view: original lines, struck
// through where removed, with the rule and reason; the cleaned text beside them.

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
    cappedNotice(),
    h(
      'p',
      { class: 'result-count', role: 'status' },
      number(indexes.length) + ' of ' + number(docs.length) + ' documents' + (capped ? ' on this page' : '') + (params.q ? ' matching “' + params.q + '”' : ''),
    ),
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
    // A pattern that matched only part of the line: show which part.
    removed.by === 'pattern' && removed.match && removed.match !== removed.text.trim() ? [' ', h('span', { class: 'match' }, 'matched “' + removed.match + '”')] : null,
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

/** A `#doc=` for one of the report's documents past this page's cap: say where it is, not "no such document". */
function notOnPage(id) {
  draw(
    heading('Not on this page'),
    h(
      'p',
      null,
      'The document “',
      h('code', null, id),
      lastDocId === null ? '” is not on this page, which holds no documents.' : ['” is not on this page: its id comes after the last one here (', h('code', null, lastDocId), ').'],
      ' If the report has it, report.json does.',
    ),
    cappedNotice(),
    h('p', null, h('a', { href: '#docs' }, 'The documents on this page'), ' · ', h('a', { href: '#overview' }, 'back to the overview')),
  )
  return null
}

function renderDoc(id, line, term) {
  const index = docIndex.get(id)
  if (index === undefined) return pastTheCap(id) ? notOnPage(id) : notFound('document', id)
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
    entry.duplicateOf ? [h('dt', null, 'duplicate of'), h('dd', null, docLink(entry.duplicateOf))] : null,
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
