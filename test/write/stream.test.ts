/** cleanToFiles: the CLI's streamed writing gives the same files as the in-memory report would. */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { renderHtml } from '../../src/report/html/index.js'
import { clean } from '../../src/pipeline.js'
import type { Report } from '../../src/types.js'
import { cleanToFiles } from '../../src/write/stream.js'
import { writeCorpus } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { devCorpus, reportLayout, withTempDir } from '../helpers/index.js'

function withoutTimings(report: Report): Report {
  const { timings: _timings, ...stats } = report.stats
  return { ...report, stats: stats as Report['stats'] }
}

describe('cleanToFiles', () => {
  it('writes report.json, index.html, clean.jsonl and stdout as the in-memory report would, on the dev set', async () => {
    await withTempDir(async (dir) => {
      const stdout = new PassThrough()
      const chunks: string[] = []
      stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk))
      const result = await cleanToFiles(devCorpus(), { jobs: 2 }, {}, { out: join(dir, 'out'), report: join(dir, 'report'), stdout, explain: 'dev-00003' })
      const text = await readFile(join(dir, 'report', 'report.json'), 'utf8')
      const written = JSON.parse(text) as Report
      // The streamed frame and elements make exactly the layout of one JSON.stringify, a document a line.
      expect(text).toBe(reportLayout(written))
      expect(await readFile(join(dir, 'report', 'index.html'), 'utf8')).toBe(renderHtml(written))
      const inMemory = await clean(devCorpus(), { jobs: 1 })
      expect(withoutTimings(written)).toEqual(withoutTimings(inMemory.report))
      const jsonl = await readFile(join(dir, 'out', 'clean.jsonl'), 'utf8')
      expect(chunks.join('')).toBe(jsonl)
      expect(jsonl.split('\n').length - 1).toBe(inMemory.documents.filter((document) => document.status === 'kept').length)
      expect(result.count).toBe(809)
      expect(result.explained).toEqual(inMemory.report.documents.find((document) => document.id === 'dev-00003'))
      expect(result.files.map((file) => file.slice(dir.length + 1)).sort()).toEqual(['out/clean.jsonl', 'report/index.html', 'report/report.json'])
    })
  })

  it('caps the page mid-batch with 2 workers over 3 batches: the first documents in id order, report.json whole', async () => {
    const devSet = findDevSet()
    if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
    await withTempDir(async (dir) => {
      const input = join(dir, 'corpus.jsonl')
      await writeCorpus(input, loadPools(devSet), { docs: 1200, seed: 7 })
      const documents = (await readFile(input, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; text: string })
      await cleanToFiles(documents, { jobs: 2, report: { htmlDocuments: 700 } }, {}, { report: join(dir, 'report') })
      const written = JSON.parse(await readFile(join(dir, 'report', 'report.json'), 'utf8')) as Report
      expect(written.documents).toHaveLength(1200)
      expect(written.options).not.toHaveProperty('report')
      const page = await readFile(join(dir, 'report', 'index.html'), 'utf8')
      expect(page).toBe(renderHtml(written, { htmlDocuments: 700 }))
      const data = JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page)![1]!) as Report & { capped: unknown }
      expect(data.capped).toEqual({ documents: 700, of: 1200 })
      expect(data.documents.map((document) => document.id)).toEqual(documents.map((document) => document.id).sort().slice(0, 700))
      // Some cluster has a member past the cap: the case the page must word, not link.
      const shown = new Set(data.documents.map((document) => document.id))
      expect(data.clusters.some((cluster) => cluster.members.some((member) => !shown.has(member.id)))).toBe(true)
    })
  })

  it('writes a valid report for no documents at all', async () => {
    await withTempDir(async (dir) => {
      await cleanToFiles([], {}, {}, { report: dir })
      const text = await readFile(join(dir, 'report.json'), 'utf8')
      const report = JSON.parse(text) as Report
      expect(report.documents).toEqual([])
      expect(text).toBe(reportLayout(report))
      expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe(renderHtml(report))
    })
  })

  it('refuses bad options before touching any file', async () => {
    await withTempDir(async (dir) => {
      await expect(cleanToFiles(devCorpus().slice(0, 3), { boilerplate: { disable: ['no-such-rule'] } }, {}, { report: dir, out: dir })).rejects.toThrow(/no-such-rule/)
      expect(await readdir(dir)).toEqual([])
    })
  })

  it('leaves no file and no temporary behind when a document source fails part-way', async () => {
    await withTempDir(async (dir) => {
      async function* failing() {
        yield* devCorpus().slice(0, 600)
        throw new Error('disk on fire')
      }
      await expect(cleanToFiles(failing(), { jobs: 2 }, {}, { report: dir })).rejects.toThrow('disk on fire')
      expect(await readdir(dir)).toEqual([])
    })
  })
})
