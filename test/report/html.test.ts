/** The HTML report in Node: safe embedding, escaping, a self-contained page, the report command. */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { embedJson, escapeHtml, renderHtml, renderHtmlChunks } from '../../src/report/html/index.js'
import { embedJsonText, embedsUnchanged } from '../../src/report/html/escape.js'
import { clean } from '../../src/index.js'
import { OptionsError } from '../../src/options.js'
import { renderOverview, similarityCell } from '../../src/report/html/overview.js'
import type { Report } from '../../src/types.js'
import { ROOT, SEEDS, devCorpus, runCli, withTempDir } from '../helpers/index.js'
import { HOSTILE_LINES, hostileReport, seedsWithCluster } from './html-fixture.js'

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

/** The page's embedded report, read back the way the client reads it. */
function embedded(html: string): unknown {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)
  expect(match).not.toBeNull()
  return JSON.parse(match![1]!)
}

/** Inline scripts that would run (not the JSON data block). */
function runnableScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!)
}

describe('embedJson', () => {
  it('keeps </script>, <!--, & and U+2028/2029 out of the markup and reads back unchanged', () => {
    const value = { texts: [...HOSTILE_LINES, 'a\u2028b\u2029c', 'x < y && y > z'] }
    const json = embedJson(value)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual(value)
  })

  it('says when a line embeds as it is, which the render pass relies on to reuse its bytes', () => {
    for (const text of [...HOSTILE_LINES, 'a\u2028b', 'plain prose, quotes "and" \\ slashes', 'café ☕']) {
      const json = JSON.stringify({ text })
      expect(embedsUnchanged(json)).toBe(embedJsonText(json) === json)
    }
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
  })
})

describe('renderHtml', () => {
  it('embeds the whole report so the page can be rendered from it', async () => {
    const report = await seedsWithCluster()
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true)
    expect(embedded(renderHtml(report))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  it('comes in pieces no bigger than a document or two, whatever the corpus size, that make the same page', async () => {
    const { report } = await clean(devCorpus())
    const chunks = [...renderHtmlChunks(report)]
    const page = chunks.join('')
    expect(page).toBe(renderHtml(report))
    expect(embedded(page)).toEqual(JSON.parse(JSON.stringify(report)))
    const largestDocument = Math.max(...report.documents.map((document) => embedJson(document).length))
    const largestChunk = Math.max(...chunks.slice(1, -1).map((chunk) => chunk.length))
    expect(page.length).toBeGreaterThan(20 * largestChunk)
    expect(largestChunk).toBeLessThan((1 << 16) + largestDocument + 2)
  })

  it('is deterministic: the same report gives the same bytes', async () => {
    const report = await seedsWithCluster()
    expect(renderHtml(report)).toBe(renderHtml(JSON.parse(JSON.stringify(report)) as Report))
  })

  it('is self-contained: no external resources, and a CSP that allows only its own scripts by hash', async () => {
    const html = renderHtml(await seedsWithCluster())
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc\s*=/i)
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replaceAll('&#39;', "'")
    expect(csp).toContain("default-src 'none'")
    const scripts = runnableScripts(html)
    expect(scripts).toHaveLength(2)
    for (const script of scripts) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`)
    }
  })

  it('draws the overview from the stats: a bar per rule, cluster sizes and the similarity map', async () => {
    const report = await seedsWithCluster()
    const html = renderHtml(report)
    for (const [rule, count] of Object.entries(report.stats.lines.byRule)) {
      expect(html).toContain(`href="#docs?rule=${encodeURIComponent(rule)}"><span class="bar-label">${rule}</span>`)
      expect(html).toMatch(new RegExp(`${rule}</span>.*?<span class="bar-count">${count.toLocaleString('en-US')}</span>`))
    }
    expect(html).toContain('href="#clusters?size=3"')
    expect(html).toContain('<svg class="heatmap"')
    expect(html).toContain('2 duplicates by Jaccard and containment')
  })

  it('never lets document text, ids or cluster ids into the markup unescaped', async () => {
    const report = await hostileReport()
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true)
    const html = renderHtml(report)
    expect(embedded(html)).toEqual(JSON.parse(JSON.stringify(report)))
    // Outside the scripts, every tag is one the page itself writes, with no event handler and only
    // fragment links: the hostile text is all there, but as text.
    const markup = html.replace(/<script[\s\S]*?<\/script>/g, '')
    const allowed = new Set('html head meta title style body a header span nav form label input main section h2 h3 div ul li ol svg rect text noscript p footer kbd details summary pre code'.split(' '))
    for (const [, tag, attributes] of markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      expect(allowed, tag).toContain(tag!.toLowerCase())
      expect(attributes).not.toMatch(/\son\w+\s*=/i)
      for (const [, href] of attributes!.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#/)
    }
    expect(markup).toContain(`<a href="#cluster=${encodeURIComponent(report.clusters[0]!.id)}">javascript:window.__pwned=1</a>`)
    expect(markup).toContain('<code>&lt;script&gt;window.__pwned=&quot;file&quot;&lt;/script&gt;.jsonl:3</code>')
    expect(html.match(/<script/g)).toHaveLength(3)
    expect(html.match(/<\/script>/g)).toHaveLength(3)
  })
})

describe('a page capped at report.htmlDocuments', () => {
  const thirty = async (): Promise<Report> => (await clean(devCorpus().slice(0, 30), { jobs: 1 })).report

  it('embeds the first 10 of 30 documents, says 30, and keeps the overview, clusters and passages whole', async () => {
    const report = await thirty()
    const html = renderHtml(report, { htmlDocuments: 10 })
    const data = embedded(html) as Report & { capped?: unknown }
    expect(data.documents).toHaveLength(10)
    expect(data.documents).toEqual(JSON.parse(JSON.stringify(report.documents.slice(0, 10))))
    expect(data.documents.map((document) => document.id)).toEqual(report.documents.map((document) => document.id).sort().slice(0, 10))
    expect(data.capped).toEqual({ documents: 10, of: 30 })
    // Everything but the documents is the report's own.
    const { documents: _shown, capped: _capped, ...rest } = data
    const { documents: _all, ...whole } = JSON.parse(JSON.stringify(report)) as Report
    expect(rest).toEqual(whole)
    expect(html).toContain('This page holds the first 10 of 30 documents, in id order; report.json has every one; <code>--html-documents N</code> changes the limit.')
    expect(html).toContain(renderOverview(report, { documents: 10, of: 30 }))
    // The chunked page is the same page.
    expect([...renderHtmlChunks(report, { htmlDocuments: 10 })].join('')).toBe(html)
  })

  it('is the page as before when the report has no more documents than the cap', async () => {
    const report = await thirty()
    const page = renderHtml(report)
    expect(embedded(page)).toEqual(JSON.parse(JSON.stringify(report)))
    expect(embedded(page)).not.toHaveProperty('capped')
    expect(page).not.toContain('id="capped-notice"')
    expect(renderHtml(report, { htmlDocuments: 30 })).toBe(page)
    expect(renderHtml(report, { htmlDocuments: 1_000_000 })).toBe(page)
    expect(renderOverview(report)).toBe(renderOverview(report, null))
  })

  it('holds no document at 0, and refuses a cap that is not a whole number', async () => {
    const report = await thirty()
    const data = embedded(renderHtml(report, { htmlDocuments: 0 })) as Report & { capped?: unknown }
    expect(data.documents).toEqual([])
    expect(data.capped).toEqual({ documents: 0, of: 30 })
    expect(() => renderHtml(report, { htmlDocuments: -1 })).toThrow(OptionsError)
    expect(() => renderHtml(report, { htmlDocuments: 2.5 })).toThrow(/Expected `report.htmlDocuments` to be a whole number from 0/)
  })

  it('is 10,000 documents by default, and report.json does not record the option', async () => {
    const { report } = await clean([{ id: 'a', text: 'One line.\n' }])
    const many: Report = { ...report, documents: Array.from({ length: 10_001 }, (_, i) => ({ ...report.documents[0]!, id: `d${String(i).padStart(5, '0')}` })) }
    const data = embedded(renderHtml(many)) as Report & { capped?: unknown }
    expect(data.documents).toHaveLength(10_000)
    expect(data.capped).toEqual({ documents: 10_000, of: 10_001 })
    expect(report.options).not.toHaveProperty('report')
  })
})

describe('renderOverview at scale', () => {
  it('draws the similarity map for 300,000 duplicates (no argument spread: it overflowed the stack at a million documents)', async () => {
    const { report } = await clean([{ id: 'a', text: 'One line.\n' }])
    const members = Array.from({ length: 300_001 }, (_, i) => ({ id: `d${i}`, jaccard: i === 1 ? 0.55 : 0.9, containment: 0.95 }))
    const big: Report = { ...report, clusters: [{ id: 'c1', canonical: 'd0', members }] }
    const html = renderOverview(big)
    expect(html).toContain('aria-label="299999 duplicates"') // one cell holds all but one
    expect(html).toMatch(/Jaccard 0\.5\d–/) // zoomed to the lowest score
  })
})

describe('similarityCell', () => {
  it('puts the low edge in the first square and 1 in the last, over 20 squares', () => {
    expect(similarityCell(0.4, 0.4)).toBe(0)
    expect(similarityCell(0.39, 0.4)).toBe(0)
    expect(similarityCell(1, 0.4)).toBe(19)
    expect(similarityCell(0.7, 0.4)).toBe(10)
    expect(similarityCell(0.5, 0)).toBe(10)
  })
})

describe('neardup report and --report', () => {
  it('writes index.html next to report.json, and `neardup report` re-renders the same page', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['clean', SEEDS, '--report', dir, '--quiet'])
      expect(result.code).toBe(0)
      expect(existsSync(join(dir, 'index.html'))).toBe(true)
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report
      expect(embedded(readFileSync(join(dir, 'index.html'), 'utf8'))).toEqual(report)

      const again = await runCli(['report', join(dir, 'report.json'), '-o', join(dir, 'again.html')])
      expect(again.code).toBe(0)
      expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(readFileSync(join(dir, 'index.html'), 'utf8'))
    })
  })

  it('--html-documents caps the page of `clean` and of `report`, not report.json', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['clean', SEEDS, '--report', dir, '--quiet', '--html-documents', '2'])
      expect(result.code).toBe(0)
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report
      expect(report.documents).toHaveLength(5)
      const page = readFileSync(join(dir, 'index.html'), 'utf8')
      expect(embedded(page)).toEqual({ ...report, documents: report.documents.slice(0, 2), stats: { ...report.stats, timings: expect.any(Object) }, capped: { documents: 2, of: 5 } })
      expect(page).toBe(renderHtml(report, { htmlDocuments: 2 }))

      const again = await runCli(['report', join(dir, 'report.json'), '-o', join(dir, 'again.html'), '--html-documents', '2'])
      expect(again.code).toBe(0)
      expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(page)
      const whole = await runCli(['report', join(dir, 'report.json'), '-o', join(dir, 'whole.html')])
      expect(whole.code).toBe(0)
      expect(embedded(readFileSync(join(dir, 'whole.html'), 'utf8'))).toEqual(report)
    })
  })

  it('refuses a --html-documents that is not a whole number, with exit 2 and one line, writing nothing', async () => {
    await withTempDir(async (dir) => {
      for (const [command, value] of [['clean', '-1'], ['clean', 'all'], ['report', '1.5']] as const) {
        const args = command === 'clean' ? ['clean', SEEDS, '--report', dir] : ['report', join(dir, 'report.json')]
        const result = await runCli([...args, '--html-documents', value])
        expect(result.code).toBe(2)
        const [first, ...others] = result.stderr.trimEnd().split('\n')
        expect(first).toMatch(/--html-documents.*Expected --html-documents to be a whole number from 0 up\.$/)
        expect(others.filter((line) => !line.startsWith('(run with --help'))).toEqual([])
      }
      expect(existsSync(join(dir, 'index.html'))).toBe(false)
    })
  })

  it('lists the input problems in the overview', async () => {
    await withTempDir(async (dir) => {
      const stdin = `${JSON.stringify({ id: 'a', text: 'A story.\n' })}\n{"id": "b", "text": \n`
      const result = await runCli(['clean', '-', '--report', dir, '--quiet'], { stdin })
      expect(result.code).toBe(0)
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report
      expect(report.diagnostics.length).toBeGreaterThan(0)
      const html = readFileSync(join(dir, 'index.html'), 'utf8')
      expect(html).toContain(`Input problems (${report.diagnostics.length})`)
      for (const diagnostic of report.diagnostics) expect(html).toContain(escapeHtml(diagnostic.message))
    })
  })

  it('rejects a file that is not a report with one line naming it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'broken.json'), '{"tool": "neardup", ')
      await writeFile(join(dir, 'other.json'), '{"documents": []}')
      const broken = await runCli(['report', join(dir, 'broken.json')])
      expect(broken.code).toBe(1)
      expect(broken.stderr).toMatch(/^neardup: .*broken\.json: not JSON \(.+\)\n$/)
      const other = await runCli(['report', join(dir, 'other.json'), '-o', join(dir, 'x.html')])
      expect(other.code).toBe(1)
      expect(other.stderr).toMatch(/^neardup: .*other\.json: not a neardup report: .+\n$/)
      expect(existsSync(join(dir, 'x.html'))).toBe(false)
      const missing = await runCli(['report', join(dir, 'missing.json')])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toMatch(/missing\.json: cannot read the report \(ENOENT\)/)
    })
  })
})
