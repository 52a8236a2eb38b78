/**
 * Determinism and idempotence through the real CLI: the same input gives byte-identical
 * clean.jsonl, cleaned texts and report.json (timings aside) whatever --jobs is and whatever order
 * the inputs come in; and cleaning a cleaned corpus removes nothing more.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEV_CORPUS, SEEDS, runCli } from '../helpers/index.js'
import type { Report } from '../../src/index.js'
import { random, storyMaker } from './corpus.js'

/** Dev-set records used (syndicated copies included, so near-duplicates have work to do). */
const RECORDS = 240

let dir: string
let inputs: string[]

/** A fixed pseudo-random permutation (a seeded Fisher–Yates), so a failure can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  const next = random(seed)
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Every output file's bytes, by path relative to `root`, with report.json's timings taken out. */
function outputs(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(root, name)
    if (!statSync(path).isFile()) continue
    let text = readFileSync(path, 'utf8')
    if (name.endsWith('report.json')) {
      const report = JSON.parse(text) as { stats: { timings?: unknown } }
      delete report.stats.timings
      text = JSON.stringify(report, null, 2)
    } else if (name.endsWith('.html')) {
      // The HTML report embeds report.json, timings included.
      text = text.replace(/"timings":\{[^}]*\}/g, '"timings":{}')
    }
    files[relative(root, path)] = text
  }
  return files
}

async function cleanInto(name: string, args: string[]): Promise<Record<string, string>> {
  const out = join(dir, name)
  const result = await runCli(['clean', ...args, '--out', join(out, 'texts'), '--report', join(out, 'report'), '--quiet'])
  expect(result.code, result.stderr).toBe(0)
  return outputs(out)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'neardup-determinism-'))
  const records = readFileSync(DEV_CORPUS, 'utf8').split('\n').filter(Boolean).slice(0, RECORDS)
  // Four JSONL files, with one id used in two of them and a malformed line, plus a folder of files.
  inputs = []
  const story = storyMaker(5)
  for (let part = 0; part < 4; part++) {
    const path = join(dir, `part-${part}.jsonl`)
    const lines = records.filter((_, i) => i % 4 === part)
    lines.push(JSON.stringify({ id: 'same-id', text: `Part ${part} has its own story under a shared id.\n${story()}\n` }))
    if (part === 2) lines.push('{"id": "cut short", "text": "no end')
    await writeFile(path, `${lines.join('\n')}\n`)
    inputs.push(path)
  }
  const folder = join(dir, 'files')
  await mkdir(join(folder, 'nested'), { recursive: true })
  await writeFile(join(folder, 'a.txt'), `Headline\n${story()}\nShare this article\n`)
  await writeFile(join(folder, 'nested', 'b.txt'), Buffer.concat([Buffer.from('Price ', 'utf8'), Buffer.from([0xa3]), Buffer.from('5 a ticket, and the queue went round the block twice.\n')]))
  inputs.push(folder)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('determinism', () => {
  it('gives byte-identical outputs for --jobs 1 and --jobs 4, and for any order of the inputs', async () => {
    const reference = await cleanInto('jobs1', [...inputs, '--jobs', '1'])
    expect(Object.keys(reference)).toContain('texts/clean.jsonl')
    expect(Object.keys(reference)).toContain('report/report.json')
    expect(await cleanInto('jobs4', [...inputs, '--jobs', '4'])).toEqual(reference)
    expect(await cleanInto('shuffled', [...shuffle(inputs, 7), '--jobs', '2'])).toEqual(reference)
  })

  it('gives the same documents when the records inside a file are shuffled (only their line numbers differ)', async () => {
    const shuffledDir = join(dir, 'shuffled-lines')
    await mkdir(shuffledDir)
    const shuffled: string[] = []
    const named: string[] = []
    for (const [i, input] of inputs.slice(0, 4).entries()) {
      // Records without an id are named file:line, so only records with an id are moved.
      const lines = readFileSync(input, 'utf8').split('\n').filter((line) => line.startsWith('{"id"') && !line.includes('cut short'))
      const same = join(dir, `same-${i}.jsonl`)
      const moved = join(shuffledDir, `same-${i}.jsonl`)
      await writeFile(same, `${lines.join('\n')}\n`)
      await writeFile(moved, `${shuffle(lines, 31 + i).join('\n')}\n`)
      named.push(same)
      shuffled.push(moved)
    }
    const strip = (files: Record<string, string>): Record<string, unknown> => {
      const report = JSON.parse(files['report/report.json']!) as Report & { documents: Array<{ source: { file: string; line?: number } }> }
      for (const document of report.documents) document.source = { file: document.source.file.replace(/.*\//, '') }
      // The HTML report embeds the line numbers too; report.json stands for it here.
      const { 'report/index.html': _html, ...rest } = files
      return { ...rest, 'report/report.json': report }
    }
    const inOrder = strip(await cleanInto('lines-in-order', named))
    const outOfOrder = strip(await cleanInto('lines-shuffled', shuffled))
    expect(outOfOrder).toEqual(inOrder)
  })
})

describe('idempotence', () => {
  it('removes nothing more from an already-cleaned corpus', async () => {
    const first = join(dir, 'jobs1')
    const again = await cleanInto('again', [join(first, 'texts', 'clean.jsonl'), '--jobs', '1'])
    const report = JSON.parse(again['report/report.json']!) as Report
    const before = JSON.parse(readFileSync(join(first, 'report', 'report.json'), 'utf8')) as Report
    expect(report.stats.documents.in).toBe(before.stats.documents.kept)
    const changed = report.documents
      .filter((document) => document.removed.length > 0 || document.status !== 'kept' || document.text !== before.documents.find((entry) => entry.id === document.id)!.text)
      .map((document) => `${document.id}: ${document.status} ${document.removed.map((removed) => `${removed.kind}:${removed.rule} "${removed.text}"`).join(', ')}`)
    expect(changed).toEqual([])
  })

  it('leaves the cleaned seeds as they are', async () => {
    const first = join(dir, 'seeds-once')
    expect((await runCli(['clean', SEEDS, '--out', first, '--quiet'])).code).toBe(0)
    const again = await cleanInto('seeds-twice', [first])
    const report = JSON.parse(again['report/report.json']!) as Report
    for (const document of report.documents) {
      expect(document.removed, document.id).toEqual([])
      expect(`${document.id}:${document.text}`).toBe(`${document.id}:${readFileSync(join(first, document.id), 'utf8')}`)
    }
  })
})
