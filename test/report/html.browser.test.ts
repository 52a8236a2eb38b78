/**
 * The HTML report in real headless Chromium (Debian's package, playwright-core): the seeds', the dev
 * set's and a clustered fixture's pages opened from file://, checked against their report.json.
 * Screenshots are kept in test-output/screenshots/.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { renderHtml } from '../../src/report/html/index.js'
import { similarityCell } from '../../src/report/html/overview.js'
import type { Report, ReportDocument } from '../../src/types.js'
import { writeOutputs } from '../../src/write/index.js'
import { devCorpus, seedFiles } from '../helpers/index.js'
import { BROWSER_TIMEOUT, OUTPUT, launchChromium, openReport, screenshot, show } from './browser.js'
import { CANONICAL, HOSTILE_LINES, LONG_LINES, hostileReport, reportWithCluster, rewordedCopies, seedsWithCluster } from './html-fixture.js'

const REPORTS = join(OUTPUT, 'reports')
const pages: Record<'seeds' | 'dev' | 'cluster' | 'hostile' | 'many' | 'legacy' | 'capped' | 'cappedCanonical', { report: Report; html: string }> = {} as never
const MANY = 10_000
let browser: Browser

async function writeReport(name: keyof typeof pages, report: Report, htmlDocuments?: number): Promise<void> {
  const dir = join(REPORTS, name)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`)
  await writeFile(join(dir, 'index.html'), renderHtml(report, htmlDocuments !== undefined ? { htmlDocuments } : {}))
  pages[name] = { report, html: join(dir, 'index.html') }
}

beforeAll(async () => {
  browser = await launchChromium()
  for (const [name, input] of [['seeds', seedFiles()], ['dev', devCorpus()]] as const) {
    // The real path: `--report DIR` writes report.json and index.html together.
    const result = await clean(input)
    await writeOutputs(result, { report: join(REPORTS, name) })
    pages[name] = { report: result.report, html: join(REPORTS, name, 'index.html') }
  }
  await writeReport('cluster', await seedsWithCluster())
  await writeReport('hostile', await hostileReport())
  // The clustered fixture's page holding its first 5 of 8 documents: the canonical, not its copies.
  await writeReport('capped', await seedsWithCluster(), 5)
  // And one whose canonical (copy-a.txt) is past the cap while a duplicate of it (seed 003) is on the page.
  const copies = rewordedCopies(seedFiles().find((seed) => seed.id === CANONICAL)!.text)
  await writeReport('cappedCanonical', await reportWithCluster([...seedFiles(), ...copies], 'copy-a.txt', [CANONICAL]), 5)
  // A report.json from before `original` existed.
  const seeds = pages.seeds.report
  await writeReport('legacy', { ...seeds, documents: seeds.documents.map(({ original: _original, ...document }) => document) })
  // 10,000 small generated documents, each its own words (a seeded generator), so they are not
  // near-duplicates of each other: the page must draw a page of them, not all.
  let seed = 12345
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
  const word = (): string => `w${(next() >> 8) % 5000}`
  const sentence = (): string => Array.from({ length: 14 }, word).join(' ')
  const many = Array.from({ length: MANY }, (_, index) => ({
    id: `gen-${String(index).padStart(5, '0')}.txt`,
    text: `Story ${index} about the ${index % 7 === 0 ? 'harbour' : 'market'}: ${sentence()}.\n${sentence()}.\n`,
  }))
  await writeReport('many', (await clean(many)).report)
}, BROWSER_TIMEOUT * 2)

afterAll(async () => {
  await browser?.close()
})

const problems = new WeakMap<Page, string[]>()

/** A page that records script errors and console errors (a CSP refusal shows up there). */
async function newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options })
  const page = await context.newPage()
  const seen: string[] = []
  problems.set(page, seen)
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`)
  })
  return page
}

/** Closes a page after checking that nothing went wrong in it. */
async function finish(page: Page): Promise<void> {
  expect(problems.get(page)).toEqual([])
  await page.context().close()
}

const docHash = (id: string, line?: number): string => `#doc=${encodeURIComponent(id)}${line ? `&line=${line}` : ''}`

function inputLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** The document view on screen agrees with report.json: every removed line struck through, with its rule and reason. */
async function expectDocumentView(page: Page, document: ReportDocument): Promise<void> {
  await expect(page.locator('h2.view-title').textContent()).resolves.toBe(document.id)
  const shown = await page.locator('.original li.line.removed').evaluateAll((items) =>
    items.map((item) => ({
      line: Number((item as HTMLElement).dataset['line']),
      rule: (item as HTMLElement).dataset['rule'],
      struck: item.querySelector('del')?.textContent ?? null,
    })),
  )
  const lines = inputLines(document.original!)
  const expected = document.removed.flatMap((removed) => {
    const rows = []
    for (let line = removed.line; line <= (removed.endLine ?? removed.line); line++) {
      rows.push({ line, rule: `${removed.kind}:${removed.rule}`, struck: lines[line - 1] })
    }
    return rows
  })
  expect(shown).toEqual(expected)
  await expect(page.locator('.original .note .reason').allTextContents()).resolves.toEqual(document.removed.map((removed) => removed.reason))
  // Each rule chip's tooltip says what the rule is (and its pattern) from the report's rules; a
  // pattern that matched only part of a line says which part.
  const rules = new Map(((await page.evaluate(() => JSON.parse(window.document.getElementById('report-data')!.textContent!).rules)) as Report['rules']).map((rule) => [rule.id, rule]))
  const titles = document.removed.map((removed) => {
    const info = removed.kind === 'boilerplate' ? rules.get(removed.rule) : undefined
    return info ? `${info.description}${info.pattern ? `\nPattern: /${info.pattern}/${info.flags ?? ''}` : ''}` : null
  })
  await expect(page.locator('.original .note .chip').evaluateAll((chips) => chips.map((chip) => chip.getAttribute('title')))).resolves.toEqual(titles)
  const partial = document.removed.flatMap((removed) => (removed['by'] === 'pattern' && removed['match'] !== removed.text.trim() ? [`matched “${String(removed['match'])}”`] : []))
  await expect(page.locator('.original .note .match').allTextContents()).resolves.toEqual(partial)
  await expect(page.locator('.original li.line:not(.removed) del').count()).resolves.toBe(0)
  await expect(page.locator('.original li.line').count()).resolves.toBe(document.lines)
  // Rejoined hard wraps are shown as one bracketed run of lines.
  await expect(page.locator('.original .joined-chip').allTextContents()).resolves.toEqual(document.joined.map((joined) => `joined ${joined.line}–${joined.endLine}`))
  const joinedLines = document.joined.reduce((sum, joined) => sum + joined.endLine - joined.line + 1, 0)
  await expect(page.locator('.original li.line.joined').count()).resolves.toBe(joinedLines)
  await expect(page.locator('.cleaned li.line').allTextContents()).resolves.toEqual(document.text === '' ? [] : inputLines(document.text))
  if (document.reason) await expect(page.locator('.doc-reason').first().textContent()).resolves.toBe(document.reason)
}

/** What the page's search should find: the term in a document's id, text or reasons. */
function expectedMatches(report: Report, term: string): number {
  const lower = term.toLowerCase()
  return report.documents.filter((document) =>
    [document.id, document.original ?? document.text, ...document.removed.map((removed) => removed.reason), document.reason ?? '']
      .join('\n')
      .toLowerCase()
      .includes(lower),
  ).length
}

describe('the HTML report in Chromium', () => {
  it('seeds: overview, then a document whose struck-through lines and reasons match report.json', async () => {
    const { report, html } = pages.seeds
    const page = await newPage()
    await openReport(page, html)
    await expect(page.locator('#overview .card-value').first().textContent()).resolves.toBe(String(report.stats.documents.in))
    await screenshot(page, 'seeds-overview')

    await page.getByRole('link', { name: /^Documents/ }).click()
    await page.waitForSelector('table.list')
    await expect(page.locator('a.doc-link').count()).resolves.toBe(report.documents.length)
    const busiest = [...report.documents].sort((a, b) => b.removed.length - a.removed.length)[0]!
    expect(busiest.removed.length).toBeGreaterThan(0)
    await page.locator('a.doc-link', { hasText: busiest.id }).click()
    await page.waitForSelector('.original')
    await expectDocumentView(page, busiest)
    await page.locator('.original li.line.removed').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'seeds-document')

    for (const document of report.documents) {
      await show(page, docHash(document.id))
      await expectDocumentView(page, document)
    }
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('seeds: search, filters and the keyboard', async () => {
    const { report, html } = pages.seeds
    const page = await newPage()
    await openReport(page, html)
    await page.keyboard.press('/')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search')
    await page.keyboard.type('CIA')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.body.dataset['rendered']?.startsWith('#docs?q=CIA'))
    const count = expectedMatches(report, 'CIA')
    expect(count).toBeGreaterThan(0)
    await expect(page.locator('.result-count').textContent()).resolves.toContain(`${count} of ${report.documents.length} documents`)
    await expect(page.locator('a.doc-link').count()).resolves.toBe(count)
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('doc-link')
    await screenshot(page, 'seeds-search')
    expect(await page.locator('#dynamic').textContent()).not.toMatch(/\bnull\b|\bundefined\b/)

    // Enter opens the focused result; the term is highlighted; j goes on; Escape comes back.
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.body.dataset['view'] === 'doc')
    expect(await page.locator('.original mark').count()).toBeGreaterThan(0)
    const first = await page.locator('h2.view-title').textContent()
    await page.keyboard.press('j')
    await page.waitForFunction((id) => document.querySelector('h2.view-title')?.textContent !== id, first)
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.body.dataset['view'] === 'docs')

    // A bar in the overview filters the list by its rule.
    const [rule] = Object.keys(report.stats.lines.byRule)
    await show(page, '#overview')
    await page.locator('.bar-row', { hasText: rule! }).click()
    await page.waitForSelector('#filter-rule')
    const withRule = report.documents.filter((document) => document.removed.some((removed) => `${removed.kind}:${removed.rule}` === rule))
    await expect(page.locator('a.doc-link').allTextContents()).resolves.toEqual(withRule.map((document) => document.id))
    await expect(page.locator('#filter-rule').inputValue()).resolves.toBe(rule)
    await page.locator('#filter-rule').selectOption('')
    await page.locator('#filter-kind').selectOption('repeat')
    await page.waitForFunction(() => document.body.dataset['rendered'] === '#docs?kind=repeat')
    const withRepeats = report.documents.filter((document) => document.removed.some((removed) => removed.kind === 'repeat'))
    expect(withRepeats.length).toBeGreaterThan(0)
    await expect(page.locator('a.doc-link').allTextContents()).resolves.toEqual(withRepeats.map((document) => document.id))
    await page.locator('#filter-kind').selectOption('')
    await page.locator('#filter-sort').selectOption('removed')
    await page.waitForFunction(() => document.body.dataset['rendered'] === '#docs?sort=removed')
    const mostRemoved = report.documents
      .map((document, index) => ({ document, index, removed: document.removed.reduce((sum, removed) => sum + (removed.endLine ?? removed.line) - removed.line + 1, 0) }))
      .sort((a, b) => b.removed - a.removed || a.index - b.index)
    await expect(page.locator('a.doc-link').allTextContents()).resolves.toEqual(mostRemoved.map((entry) => entry.document.id))
    // j/k walk the rows with the focus.
    await page.locator('h2.view-title').focus()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(mostRemoved[1]!.document.id)
    await page.keyboard.press('k')
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(mostRemoved[0]!.document.id)
    await page.locator('#filter-status').selectOption('duplicate')
    await page.waitForFunction(() => document.body.dataset['rendered']?.includes('status=duplicate'))
    await expect(page.locator('a.doc-link').count()).resolves.toBe(report.documents.filter((document) => document.status === 'duplicate').length)
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('dev set: opens, pages through 809 documents, deep-links to a line, and agrees with report.json', async () => {
    const { report, html } = pages.dev
    const page = await newPage()
    const start = Date.now()
    await openReport(page, html)
    const openedIn = Date.now() - start
    // Measured, not asserted (wall-clock depends on the machine): see test-output/timings.txt.
    await writeFile(join(OUTPUT, 'timings.txt'), `dev-set report (${report.documents.length} documents) opened in ${openedIn} ms\n`)
    await screenshot(page, 'dev-overview')

    await show(page, '#docs')
    await expect(page.locator('a.doc-link').count()).resolves.toBe(100)
    await expect(page.locator('.pager').first().textContent()).resolves.toContain(`page 1 of ${Math.ceil(report.documents.length / 100)}`)
    await page.locator('a[rel="next"]').first().click()
    await page.waitForFunction(() => document.body.dataset['rendered'] === '#docs?page=2')
    await expect(page.locator('a.doc-link').first().textContent()).resolves.toBe(report.documents[100]!.id)

    const withRemovals = report.documents.filter((document) => document.removed.length > 0)
    const rejoined = report.documents.find((document) => document.joined.length > 0 && document.removed.length > 0)
    expect(rejoined).toBeDefined()
    const sample = [withRemovals[0]!, withRemovals[Math.floor(withRemovals.length / 2)]!, withRemovals[withRemovals.length - 1]!, rejoined!]
    for (const document of sample) {
      await show(page, docHash(document.id))
      await expectDocumentView(page, document)
    }
    await page.locator('.original li.line.removed').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'dev-document')

    const repeat = withRemovals.flatMap((document) => document.removed.filter((removed) => removed.kind === 'repeat').map((removed) => ({ document, removed })))[0]
    expect(repeat).toBeDefined()
    await show(page, docHash(repeat!.document.id, repeat!.removed.line))
    await expect(page.locator(`#L${repeat!.removed.line}`).getAttribute('class')).resolves.toContain('target')
    await page.locator(`#L${repeat!.removed.line} a.first-copy-link`).click()
    await page.waitForSelector(`#L${String(repeat!.removed['of'])}.target.first-copy`)

    const term = 'prime minister'
    await show(page, `#docs?q=${encodeURIComponent(term)}`)
    await expect(page.locator('.result-count').textContent()).resolves.toContain(`${expectedMatches(report, term)} of ${report.documents.length} documents`)
    await screenshot(page, 'dev-search')
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('dev set: the largest real cluster side by side, a square of the similarity map, and a shared passage', async () => {
    const { report, html } = pages.dev
    expect(report.clusters.length).toBeGreaterThan(0)
    const cluster = [...report.clusters].sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1))[0]!
    const duplicates = cluster.members.filter((member) => member.id !== cluster.canonical)
    const textOf = (id: string): string => report.documents.find((document) => document.id === id)!.text
    const page = await newPage()
    await openReport(page, html, `#cluster=${encodeURIComponent(cluster.id)}`)
    await page.waitForSelector('.pair')
    // Drawn five pairs at a time; the button draws the rest.
    while (await page.locator('button.more').isVisible()) await page.locator('button.more').click()
    await expect(page.locator('.pair').count()).resolves.toBe(duplicates.length)
    for (const member of duplicates) {
      const pair = page.locator(`.pair[data-member="${member.id}"]`)
      await expect(pair.locator('.pane-canonical').textContent()).resolves.toBe(textOf(cluster.canonical))
      await expect(pair.locator('.pane-member').textContent()).resolves.toBe(textOf(member.id))
      await expect(pair.locator('.scores').textContent()).resolves.toContain(`Jaccard ${Math.round(member.jaccard * 1000) / 10}%`)
    }
    await page.locator('.pair').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'dev-cluster')

    // The darkest square lists exactly the clusters with a duplicate in it.
    await show(page, '#overview')
    const square = page.locator('svg.heatmap a').first()
    const href = (await square.getAttribute('href'))!
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1))
    const low = Number(params.get('low'))
    const [x, y] = [Number(params.get('x')), Number(params.get('y'))]
    const expected = report.clusters
      .filter((entry) => entry.members.some((member) => member.id !== entry.canonical && similarityCell(member.jaccard, low) === x && similarityCell(member.containment, low) === y))
      .map((entry) => entry.id)
    await square.click()
    await page.waitForFunction(() => document.body.dataset['view'] === 'clusters')
    await expect(page.locator('a.cluster-link').allTextContents()).resolves.toEqual(expected.slice(0, 100))

    const passage = report.sharedPassages[0]
    expect(passage).toBeDefined()
    await show(page, '#passages')
    const occurrence = passage!.occurrences[0]!
    await page.locator('.passage a', { hasText: `${occurrence.document}:${occurrence.line}` }).first().click()
    await page.waitForSelector(`#L${occurrence.line}.target`)
    await expect(page.locator('h2.view-title').textContent()).resolves.toBe(occurrence.document)
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('10,000 documents: only one page of rows is drawn, and paging, search and a document still work', async () => {
    const { report, html } = pages.many
    expect(report.documents).toHaveLength(MANY)
    const page = await newPage()
    await openReport(page, html, '#docs')
    await expect(page.locator('a.doc-link').count()).resolves.toBe(100)
    await expect(page.locator('.pager').first().textContent()).resolves.toContain('page 1 of 100')
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000)
    await show(page, '#docs?page=100')
    await expect(page.locator('a.doc-link').last().textContent()).resolves.toBe(report.documents[MANY - 1]!.id)
    await show(page, `#docs?q=${encodeURIComponent('harbour')}`)
    const harbour = report.documents.filter((document) => document.original!.includes('harbour')).length
    await expect(page.locator('.result-count').textContent()).resolves.toContain(`${harbour.toLocaleString('en-US')} of 10,000 documents`)
    await expect(page.locator('a.doc-link').count()).resolves.toBe(100)
    await page.locator('a.doc-link').first().click()
    await page.waitForSelector('.original')
    await expectDocumentView(page, report.documents[0]!)
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000)
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('a capped page says so, and names documents past the cap (cluster members, passages, #doc=) without links or errors', async () => {
    const { report, html } = pages.capped
    const cluster = report.clusters[0]!
    const shown = report.documents.slice(0, 5).map((document) => document.id)
    const offPage = cluster.members.map((member) => member.id).filter((id) => !shown.includes(id))
    expect(shown).toContain(cluster.canonical)
    expect(offPage).toEqual(['copy-a.txt', 'copy-b.txt'])
    const notice = 'This page holds the first 5 of 8 documents, in id order; report.json has every one; --html-documents N changes the limit.'
    const page = await newPage()
    await openReport(page, html)
    await expect(page.locator('#overview .capped').textContent()).resolves.toContain(notice)
    await expect(page.locator('#overview .card-value').first().textContent()).resolves.toBe('8')

    await show(page, '#docs')
    await expect(page.locator('#dynamic .capped').textContent()).resolves.toContain(notice)
    await expect(page.locator('.result-count').textContent()).resolves.toBe('5 of 5 documents on this page')
    await expect(page.locator('a.doc-link').allTextContents()).resolves.toEqual(shown)

    // The cluster's copies are past the cap: named, with a note, never a link that leads nowhere.
    await show(page, `#cluster=${encodeURIComponent(cluster.id)}`)
    await expect(page.locator('#dynamic .capped').count()).resolves.toBe(1)
    for (const id of offPage) {
      await expect(page.locator(`.members .off-page-doc[data-doc="${id}"]`).textContent()).resolves.toBe(`${id} (not on this page: in report.json)`)
      await expect(page.locator('#dynamic a', { hasText: id }).count()).resolves.toBe(0)
      await expect(page.locator(`.pair[data-member="${id}"] .side-by-side`).textContent()).resolves.toBe(
        `No comparison here: the text of ${id} is not on this page (report.json has it).`,
      )
    }
    await expect(page.locator('.members a', { hasText: cluster.canonical }).count()).resolves.toBe(1)
    await screenshot(page, 'capped-cluster')
    await page.locator('.members a', { hasText: cluster.canonical }).click()
    await page.waitForSelector('.original')
    await expectDocumentView(page, report.documents.find((document) => document.id === cluster.canonical)!)

    // A shared passage's occurrences: the canonical's a link, the copies' text.
    await show(page, '#passages')
    const occurrences = report.sharedPassages[0]!.occurrences
    await expect(page.locator('.passage a').allTextContents()).resolves.toEqual([`${cluster.canonical}:${occurrences[0]!.line}`])
    await expect(page.locator('.passage .off-page-doc').count()).resolves.toBe(offPage.length)

    // #doc= for a document past the cap says where it is; one that sorts among the page's is not in the report.
    await show(page, docHash('copy-b.txt'))
    await expect(page.locator('h2.view-title').textContent()).resolves.toBe('Not on this page')
    await expect(page.locator('#dynamic').textContent()).resolves.toContain('The document “copy-b.txt” is not on this page')
    await expect(page.locator('#dynamic .capped').textContent()).resolves.toContain(notice)
    await screenshot(page, 'capped-doc')
    await show(page, docHash('001_no-such.txt'))
    await expect(page.locator('h2.view-title').textContent()).resolves.toBe('No such document')
    await finish(page)

    // A duplicate on the page whose canonical is not: "duplicate of" names it, the cluster list too.
    const other = pages.cappedCanonical
    const second = await newPage()
    await openReport(second, other.html, docHash(CANONICAL))
    await expect(second.locator('.meta .off-page-doc').textContent()).resolves.toBe('copy-a.txt (not on this page: in report.json)')
    await expect(second.locator('.meta a', { hasText: 'copy-a.txt' }).count()).resolves.toBe(0)
    await show(second, '#clusters')
    await expect(second.locator('table.list .off-page-doc').textContent()).resolves.toBe('copy-a.txt (not on this page: in report.json)')
    await show(second, `#cluster=${encodeURIComponent(other.report.clusters[0]!.id)}`)
    await expect(second.locator(`.pair[data-member="${CANONICAL}"] .side-by-side`).textContent()).resolves.toBe(
      'No comparison here: the text of copy-a.txt is not on this page (report.json has it).',
    )
    await finish(second)
  }, BROWSER_TIMEOUT)

  it('a report.json without the original text still shows every removed line with its reason', async () => {
    const { report, html } = pages.legacy
    const document = [...report.documents].sort((a, b) => b.removed.length - a.removed.length)[0]!
    const page = await newPage()
    await openReport(page, html, docHash(document.id))
    await expect(page.locator('.original').textContent()).resolves.toContain('has no original text')
    const shown = await page.locator('.original li.line.removed').evaluateAll((items) =>
      items.map((item) => [Number((item as HTMLElement).dataset['line']), item.querySelector('del')?.textContent]),
    )
    expect(shown).toEqual(document.removed.map((removed) => [removed.line, removed.text]))
    await expect(page.locator('.original .note .reason').allTextContents()).resolves.toEqual(document.removed.map((removed) => removed.reason))
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('cluster view: the canonical and each duplicate side by side, word differences highlighted', async () => {
    const { report, html } = pages.cluster
    const cluster = report.clusters[0]!
    const page = await newPage()
    await openReport(page, html)
    // Every square of the similarity map lists the cluster its duplicates belong to.
    const squares = await page.locator('svg.heatmap a').count()
    expect(squares).toBeGreaterThan(0)
    for (let index = 0; index < squares; index++) {
      await show(page, '#overview')
      await page.locator('svg.heatmap a').nth(index).click()
      await page.waitForFunction(() => document.body.dataset['view'] === 'clusters')
      await expect(page.locator('a.cluster-link').allTextContents()).resolves.toEqual([cluster.id])
    }
    await show(page, '#overview')
    await page.locator('.bar-row', { hasText: `${cluster.members.length} documents` }).click()
    await page.locator('a.cluster-link', { hasText: cluster.id }).click()
    await page.waitForSelector('.pair')
    const textOf = (id: string): string => report.documents.find((document) => document.id === id)!.text
    const duplicates = cluster.members.filter((member) => member.id !== cluster.canonical)
    await expect(page.locator('.pair').count()).resolves.toBe(duplicates.length)
    for (const member of duplicates) {
      const pair = page.locator(`.pair[data-member="${member.id}"]`)
      await expect(pair.locator('.scores').textContent()).resolves.toBe(
        `Jaccard ${Math.round(member.jaccard * 1000) / 10}%, containment ${Math.round(member.containment * 1000) / 10}%`,
      )
      // Each side reads as its own text; differences are marked on the side they belong to.
      await expect(pair.locator('.pane-canonical').textContent()).resolves.toBe(textOf(cluster.canonical))
      await expect(pair.locator('.pane-member').textContent()).resolves.toBe(textOf(member.id))
      expect(await pair.locator('.pane-member ins').count()).toBeGreaterThan(0)
    }
    await expect(page.locator('.pair[data-member="copy-a.txt"] .pane-member ins').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Friday', 'films']),
    )
    await screenshot(page, 'cluster')

    // A duplicate's document view says what it duplicates and links to its cluster.
    await page.locator('.pair h3 a').first().click()
    await page.waitForSelector('.original')
    await expectDocumentView(page, report.documents.find((document) => document.id === duplicates[0]!.id)!)
    await page.locator('.meta a', { hasText: cluster.id }).click()
    await page.waitForSelector('.pair')

    // Shared passages link to each occurrence's line.
    const passage = report.sharedPassages[0]!
    await show(page, '#passages')
    await expect(page.locator('.passage blockquote').first().textContent()).resolves.toBe(passage.text)
    const occurrence = passage.occurrences[1]!
    await page.locator('.passage a', { hasText: `${occurrence.document}:${occurrence.line}` }).click()
    await page.waitForSelector(`#L${occurrence.line}.target`)
    await expect(page.locator(`#L${occurrence.line} span`).first().textContent()).resolves.toBe(passage.text)

    // A long document draws its first lines, then all of them on request.
    await show(page, docHash('long.txt'))
    await expect(page.locator('.original li.line').count()).resolves.toBeLessThan(LONG_LINES)
    await page.getByRole('button', { name: `show all ${LONG_LINES.toLocaleString('en-US')} lines` }).click()
    await expect(page.locator('.original li.line').count()).resolves.toBe(LONG_LINES)
    await expect(page.locator('.original h3').textContent()).resolves.toBe('Original')
    await finish(page)
  }, BROWSER_TIMEOUT)

  it('hostile text (<script>, </script>, onerror, javascript:, {{ }}) shows as text and runs nothing, even without the CSP', async () => {
    const { report, html } = pages.hostile
    for (const bypassCSP of [false, true]) {
      const page = await newPage({ bypassCSP })
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await openReport(page, html)
      const hashes = [
        '#docs',
        '#docs?q=script',
        ...report.documents.map((document) => docHash(document.id)),
        `#cluster=${encodeURIComponent(report.clusters[0]!.id)}`,
        '#clusters',
        '#passages',
        '#overview',
      ]
      for (const hash of hashes) {
        await show(page, hash)
        await page.mouse.move(300, 400)
      }
      await show(page, docHash(report.documents[0]!.id))
      const shown = await page.locator('.original li.line').allTextContents()
      for (const line of HOSTILE_LINES) expect(shown.some((text) => text.includes(line))).toBe(true)
      await page.locator('.original li.line', { hasText: 'javascript:' }).first().click()
      await screenshot(page, bypassCSP ? 'hostile-document-no-csp' : 'hostile-document')
      await show(page, `#cluster=${encodeURIComponent(report.clusters[0]!.id)}`)
      await expect(page.locator('h2.view-title').textContent()).resolves.toBe(`Cluster ${report.clusters[0]!.id}`)

      await expect(page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined()
      expect(dialogs).toEqual([])
      const injected = await page.evaluate(
        () => document.querySelectorAll('img, iframe, object, embed, main script, a[href^="javascript" i], [onerror], [onload], [onclick]').length,
      )
      expect(injected).toBe(0)
      await finish(page)
    }
  }, BROWSER_TIMEOUT)
})
