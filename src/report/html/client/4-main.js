// Routing by the fragment (#doc=ID, #cluster=ID, #docs?…), the search box and the keys.

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
