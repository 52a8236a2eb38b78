/** The CLI end to end: a spawned process, real files, stdin/stdout, and bad input. */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEEDS, runCli, withTempDir } from './helpers/index.js'
import type { Report } from '../src/index.js'

function readReport(dir: string): Report {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report
}

describe('neardup clean', () => {
  it('cleans the seeds into texts, clean.jsonl and report.json', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['clean', SEEDS, '--out', join(dir, 'out'), '--report', join(dir, 'report')])
      expect(result.code).toBe(0)
      expect(result.stderr).toMatch(/5 documents: 5 kept/)
      expect(existsSync(join(dir, 'out', '003_b7977094a87ae843.txt'))).toBe(true)
      const jsonl = readFileSync(join(dir, 'out', 'clean.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string })
      expect(jsonl.map((record) => record.id)).toHaveLength(5)
      expect(readFileSync(join(dir, 'out', '003_b7977094a87ae843.txt'), 'utf8')).toBe(jsonl.find((r) => r.id === '003_b7977094a87ae843.txt')!.text)
      expect(readReport(join(dir, 'report')).documents).toHaveLength(5)
    })
  })

  it('cleans the bundled seeds when no input is given', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['clean', '--report', dir, '--quiet'])
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(readReport(dir).documents.map((document) => document.id)).toContain('004_38f02726da2ffcd5.txt')
    })
  })

  it('reads JSONL on stdin and writes cleaned JSONL to stdout', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'A headline\nThe first paragraph of the story is here.\nThe latest news in your social feeds\n' }),
      JSON.stringify({ id: 'b', text: 'Another story entirely, about something else.\n' }),
    ].join('\n')
    const result = await runCli(['clean', '-', '--stdout', '--quiet'], { stdin: input })
    expect(result.code).toBe(0)
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; status: string })
    expect(records.map((record) => record.id)).toEqual(['a', 'b'])
    expect(records[0]!.text).toBe('A headline\nThe first paragraph of the story is here.\n')
  })

  it('uses --id-field and --text-field, and names records without an id file:line', async () => {
    const input = [JSON.stringify({ key: 'x1', body: 'Some text.' }), JSON.stringify({ body: 'More text.' })].join('\n')
    const result = await runCli(['clean', '-', '--stdout', '--quiet', '--id-field', 'key', '--text-field', 'body'], { stdin: input })
    expect(result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['<stdin>:2', 'x1'])
  })

  it('prints --version and --help with examples', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    const help = await runCli(['clean', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Examples:/)
  })

  it('prints one document’s decisions with --explain', async () => {
    const result = await runCli(['clean', SEEDS, '--quiet', '--explain', '003_b7977094a87ae843.txt'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/24\s+boilerplate:related-links\s+You may also like/)
    expect(result.stdout).toMatch(/13\s+repeat:exact/)
  })
})

describe('neardup clean with bad input', () => {
  it('reports a missing path by name and still cleans the other inputs', async () => {
    await withTempDir(async (dir) => {
      const result = await runCli(['clean', join(dir, 'nope'), SEEDS, '--report', dir])
      expect(result.code).toBe(0)
      expect(result.stderr).toMatch(/error: .*nope: no such file or directory/)
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/) // no stack trace
      expect(readReport(dir).documents).toHaveLength(5)
      expect(readReport(dir).diagnostics[0]).toMatchObject({ code: 'not-found' })
    })
  })

  it('exits 1 when nothing at all can be read', async () => {
    const result = await runCli(['clean', '/definitely/not/here'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/not\/here: no such file or directory/)
  })

  it('skips a malformed JSONL line with its file and line, keeps the rest, and fails only under --strict', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'in.jsonl')
      await writeFile(file, [JSON.stringify({ id: 'ok1', text: 'Fine.' }), '{"id": "broken", "text": ', JSON.stringify({ id: 'ok2', text: 'Also fine.' })].join('\n'))
      const relaxed = await runCli(['clean', file, '--report', dir])
      expect(relaxed.code).toBe(0)
      expect(relaxed.stderr).toMatch(/in\.jsonl:2: malformed JSON/)
      const report = readReport(dir)
      expect(report.documents.map((document) => [document.id, document.status])).toEqual([
        [`${file}:2`, 'skipped'],
        ['ok1', 'kept'],
        ['ok2', 'kept'],
      ])
      expect((await runCli(['clean', file, '--strict', '--quiet'])).code).toBe(1)
    })
  })

  it('skips records without text or with non-string text, naming file and line', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'in.jsonl')
      await writeFile(file, [JSON.stringify({ id: 'a' }), JSON.stringify({ id: 'b', text: 42 }), JSON.stringify({ id: 'c', text: 'Text.' })].join('\n'))
      const result = await runCli(['clean', file, '--report', dir])
      expect(result.code).toBe(0)
      expect(result.stderr).toMatch(/in\.jsonl:1: record has no "text" field/)
      expect(result.stderr).toMatch(/in\.jsonl:2: "text" is number, not a string/)
      expect(readReport(dir).documents.map((document) => document.status)).toEqual(['skipped', 'skipped', 'kept'])
    })
  })

  it('marks an empty document as empty, not as lost', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'in'))
      await writeFile(join(dir, 'in', 'empty.txt'), '\n\n   \n')
      await writeFile(join(dir, 'in', 'full.txt'), 'Some real text here.\n')
      const result = await runCli(['clean', join(dir, 'in'), '--report', join(dir, 'r'), '--quiet'])
      expect(result.code).toBe(0)
      expect(readReport(join(dir, 'r')).documents.map((document) => [document.id, document.status])).toEqual([
        ['empty.txt', 'empty'],
        ['full.txt', 'kept'],
      ])
    })
  })

  it('says so when a directory has no matching files', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'data.csv'), 'a,b\n')
      const result = await runCli(['clean', dir])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/no files match \*\*\/\*\.\{txt,md\}/)
    })
  })

  it('exits 2 on a usage error, with a message and no stack trace', async () => {
    const result = await runCli(['clean', SEEDS, '--jobs', 'many'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Expected --jobs to be a whole number/)
    expect((await runCli(['clean', '--no-such-flag'])).code).toBe(2)
  })

  it('words a removal by a --rules file rule with that rule\'s description, in report.json and --explain', async () => {
    await withTempDir(async (dir) => {
      const rules = join(dir, 'rules.json')
      const description = 'A sentence saying the embassy did not answer.'
      await writeFile(rules, JSON.stringify([{ id: 'no-comment', description, pattern: 'did not immediately respond', maxWords: 60 }]))
      const result = await runCli(['clean', SEEDS, '--rules', rules, '--report', dir, '--explain', '001_a29f655cf9614d02.txt'])
      expect(result.code).toBe(0)
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report
      const removals = report.documents.flatMap((document) => document.removed).filter((removed) => removed.rule === 'no-comment')
      expect(removals.length).toBeGreaterThan(1)
      for (const removed of removals) expect(removed.reason).toBe('matches the no-comment rule: A sentence saying the embassy did not answer')
      expect(result.stdout).toContain('matches the no-comment rule: A sentence saying the embassy did not answer')
    })
  })

  it('rejects a --rules file with an invalid pattern, naming the file', async () => {
    await withTempDir(async (dir) => {
      const rules = join(dir, 'rules.json')
      await writeFile(rules, JSON.stringify([{ id: 'bad-one', description: 'x', pattern: '([' }]))
      const result = await runCli(['clean', SEEDS, '--rules', rules])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/rules\.json: rule bad-one: invalid pattern/)
    })
  })
})
