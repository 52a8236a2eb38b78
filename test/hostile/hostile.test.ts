/**
 * The hostile corpus through the real CLI: nothing crashes, every input is in report.json with
 * what happened to it, every problem is one line naming its file (and line), outputs stay inside
 * the output folder.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type RunResult } from '../helpers/index.js'
import type { Report } from '../../src/index.js'
import { writeHostileCorpus, type HostileCorpus } from './corpus.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'

let dir: string
let corpus: HostileCorpus
let run: RunResult
let report: Report

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile())
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'neardup-hostile-'))
  corpus = await writeHostileCorpus(dir)
  run = await runCli(['clean', corpus.files, corpus.jsonl, corpus.missing, '--out', join(dir, 'out'), '--report', join(dir, 'report')])
  report = JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as Report
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the hostile corpus', () => {
  it('is cleaned without a crash, and exit 0 since nothing impossible was asked', () => {
    expect(run.code, run.stderr).toBe(0)
  })

  it('puts every input in report.json with what happened to it', () => {
    const byId = new Map(report.documents.map((document) => [document.id, document]))
    for (const expected of corpus.expected) {
      const document = byId.get(expected.id)
      expect(document, `${expected.id} is missing from the report`).toBeDefined()
      expect(document!.status, expected.id).toBe(expected.status)
      if (expected.says) expect([document!.reason ?? '', ...document!.warnings].join('\n'), expected.id).toMatch(expected.says)
      if (expected.contains) expect(document!.text, expected.id).toContain(expected.contains)
    }
    expect(report.documents).toHaveLength(corpus.expected.length)
  })

  it('has stats that add up: in = kept + duplicate + empty + skipped', () => {
    const { documents } = report.stats
    expect(documents.in).toBe(report.documents.length)
    expect(documents.kept + documents.duplicate + documents.empty + documents.skipped).toBe(documents.in)
    expect(documents.skipped).toBe(corpus.expected.filter((expected) => expected.status === 'skipped').length)
  })

  it('records a missing path as a diagnostic', () => {
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'not-found', file: corpus.missing }))
  })

  it('says each problem in one line that names the file (and line), with no stack trace', () => {
    const lines = run.stderr.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(/^neardup: /)
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.stderr).toMatch(new RegExp(`error: ${corpus.jsonl}:2: malformed JSON`))
    expect(run.stderr).toMatch(new RegExp(`error: ${corpus.jsonl}:23: malformed JSON`))
    expect(run.stderr).toMatch(new RegExp(`warning: ${corpus.jsonl}:20: 1 invalid UTF-8 byte`))
    expect(run.stderr).toMatch(/warning: .*latin1\.txt: not valid UTF-8; decoded as Windows-1252/)
    expect(run.stderr).toMatch(/error: .*image\.txt: skipped: binary file \(PNG image\)/)
    expect(run.stderr).toMatch(/error: .*vanished\.txt: skipped: cannot read file: file vanished/)
    expect(run.stderr).toMatch(/error: .*not-there\.txt: no such file or directory/)
    expect(run.stderr).toMatch(/error: .*two\\u000alines\\u202e\.txt: skipped: binary file \(gzip archive\)/)
    // Each skipped document is said once, not once per diagnostic and once per document.
    expect(lines.filter((line) => line.includes(`${corpus.jsonl}:2:`))).toHaveLength(1)
  })

  it('writes every kept document inside the output folder under a safe name', () => {
    const out = realpathSync(join(dir, 'out'))
    const texts = filesUnder(out).filter((path) => path.endsWith('.txt'))
    const kept = report.documents.filter((document) => document.status === 'kept')
    expect(texts).toHaveLength(kept.length)
    expect(texts.map((path) => readFileSync(path, 'utf8')).sort()).toEqual(kept.map((document) => document.text).sort())
    for (const path of texts) {
      expect(relative(out, realpathSync(path)).startsWith('..')).toBe(false)
      for (const segment of relative(out, path).split('/')) {
        expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(255)
        expect(segment).not.toMatch(/^(?:con|prn|aux|nul)(?:\.|$)/i)
        expect(segment).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/)
      }
    }
    expect(existsSync(join(dir, 'etc'))).toBe(false)
    expect(existsSync('/tmp/absolute-escape.txt')).toBe(false)
    const jsonl = readFileSync(join(out, 'clean.jsonl'), 'utf8').trimEnd().split('\n')
    expect(jsonl).toHaveLength(kept.length)
  })

  it('exits 1 under --strict, because some inputs were skipped', async () => {
    const strict = await runCli(['clean', corpus.files, corpus.jsonl, '--strict', '--quiet'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).not.toMatch(/^\s+at /m)
    expect(strict.stderr).not.toMatch(/warning:/) // --quiet keeps errors only
  })
})
