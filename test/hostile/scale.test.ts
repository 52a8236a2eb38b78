/**
 * Size extremes: one 10 MB line, and 100,000 tiny documents through stdin and stdout. Times are
 * printed for the record, never asserted.
 */
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { runCli, withTempDir } from '../helpers/index.js'
import type { Report } from '../../src/index.js'
import { storyMaker } from './corpus.js'

const TEN_MB = 10 * 1024 * 1024

/** One line of ~10 MB of varied words, ending a sentence; another `salt`, another line (not a near-duplicate). */
function hugeLine(salt = 0): string {
  const words = ['harbour', 'council', 'library', 'budget', 'winter', 'market', 'school', 'river']
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < TEN_MB; i++) {
    const word = `${words[(i * 7) % words.length]}${salt}x${i}`
    parts.push(word)
    length += word.length + 1
  }
  return `${parts.join(' ')}.`
}

function readReport(dir: string): Report {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report
}

describe('a single 10 MB line', () => {
  it('is kept whole, from a file and from a JSONL record', async () => {
    await withTempDir(async (dir) => {
      const line = hugeLine()
      const other = hugeLine(1)
      await writeFile(join(dir, 'huge.txt'), `Headline\n${line}\n`)
      await writeFile(join(dir, 'huge.jsonl'), `${JSON.stringify({ id: 'huge-record', text: `${other}\n` })}\n`)
      const start = performance.now()
      const result = await runCli(['clean', join(dir, 'huge.txt'), join(dir, 'huge.jsonl'), '--out', join(dir, 'out'), '--report', dir, '--quiet'])
      console.log(`10 MB line, file + JSONL: ${Math.round(performance.now() - start)} ms`)
      expect(result.code, result.stderr).toBe(0)
      const report = readReport(dir)
      expect(report.documents.map((document) => [document.id, document.status])).toEqual([
        ['huge-record', 'kept'],
        ['huge.txt', 'kept'],
      ])
      expect(readFileSync(join(dir, 'out', 'huge.txt'), 'utf8')).toBe(`Headline\n${line}\n`)
      expect(readFileSync(join(dir, 'out', 'huge-record.txt'), 'utf8')).toBe(`${other}\n`)
    })
  })

  it('is skipped, or truncated to nothing, over --max-doc-bytes, and the report records the choice', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'huge.txt'), `Headline\n${hugeLine()}\n`)
      await writeFile(join(dir, 'small.txt'), 'A small story that fits.\n')
      const skip = await runCli(['clean', dir, '--report', join(dir, 'skip'), '--max-doc-bytes', '1000000'])
      expect(skip.code).toBe(0)
      expect(skip.stderr).toMatch(/error: .*huge\.txt: skipped: document is \d+ bytes, over the limit of 1000000 \(--max-doc-bytes\)/)
      const skipped = readReport(join(dir, 'skip'))
      expect(skipped.options.input).toEqual({ maxDocBytes: 1000000, oversize: 'skip' })
      expect(skipped.documents.map((document) => document.status)).toEqual(['skipped', 'kept'])
      expect((await runCli(['clean', dir, '--max-doc-bytes', '1000000', '--strict', '--quiet'])).code).toBe(1)

      const truncate = await runCli(['clean', dir, '--report', join(dir, 'cut'), '--max-doc-bytes', '1000000', '--oversize', 'truncate'])
      expect(truncate.code).toBe(0)
      const cut = readReport(join(dir, 'cut'))
      expect(cut.options.input).toEqual({ maxDocBytes: 1000000, oversize: 'truncate' })
      const huge = cut.documents.find((document) => document.id === 'huge.txt')!
      // Truncated at the last line end that fits: the headline survives, the 10 MB line does not.
      expect(huge.status).toBe('kept')
      expect(huge.text).toBe('Headline\n')
      expect(huge.warnings[0]).toMatch(/truncated to 9 bytes at a line end/)
      expect(truncate.stderr).toMatch(/warning: .*huge\.txt: document is \d+ bytes, over the limit/)
    })
  })

  it('refuses a --max-doc-bytes or --oversize that makes no sense, with exit 2', async () => {
    expect((await runCli(['clean', '--max-doc-bytes', '-5'])).code).toBe(2)
    expect((await runCli(['clean', '--oversize', 'explode'])).code).toBe(2)
  })
})

describe('one document of 100,000 lines', () => {
  it('is cleaned without a blow-up, every line accounted for', async () => {
    await withTempDir(async (dir) => {
      const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i % 50_000} says something about topic ${(i * 7) % 977}.`)
      await writeFile(join(dir, 'long.txt'), `${lines.join('\n')}\n`)
      const start = performance.now()
      const result = await runCli(['clean', join(dir, 'long.txt'), '--report', dir, '--quiet'])
      console.log(`one document of 100,000 lines: ${Math.round(performance.now() - start)} ms`)
      expect(result.code, result.stderr).toBe(0)
      const report = readReport(dir)
      const { lines: stats } = report.stats
      expect(stats.in).toBe(100_000)
      expect(stats.kept + stats.removed.boilerplate + stats.removed.repeat).toBe(stats.in)
      expect(report.documents[0]!.text.split('\n').length - 1).toBeLessThanOrEqual(stats.kept)
    })
  })
})

describe('100,000 tiny documents', () => {
  it('all come out, in order, each accounted for in the report', async () => {
    await withTempDir(async (dir) => {
      const count = 100_000
      const story = storyMaker(11, 8)
      const input = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `d${String(i).padStart(6, '0')}`, text: `${story()}\n` })).join('\n')
      const start = performance.now()
      const result = await runCli(['clean', '-', '--stdout', '--quiet', '--report', dir], { stdin: input })
      console.log(`100,000 tiny documents, stdin → stdout + report: ${Math.round(performance.now() - start)} ms`)
      expect(result.code, result.stderr).toBe(0)
      const lines = result.stdout.split('\n').filter(Boolean)
      const report = readReport(dir)
      const { documents } = report.stats
      expect(documents.in).toBe(count)
      expect(documents.kept + documents.duplicate + documents.empty + documents.skipped).toBe(count)
      expect(documents.kept).toBe(count) // distinct sentences, no junk: every one is kept
      expect(lines).toHaveLength(documents.kept)
      expect((JSON.parse(lines[0]!) as { id: string }).id).toBe('d000000')
      expect(new Set(report.documents.map((document) => document.id)).size).toBe(count)
    })
  })
})
