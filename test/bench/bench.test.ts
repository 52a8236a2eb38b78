/** The bench harness on a tiny generated corpus, so it cannot rot: shape of the table, every document accounted for. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBench } from '../../src/bench/cli.js'
import { CorpusGenerator, writeCorpus } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { renderMarkdown, stageNames } from '../../src/bench/table.js'
import { withTempDir } from '../helpers/index.js'

const devSet = findDevSet()
if (devSet === null) throw new Error('the bench needs the dev set in ../shared/eval/dev')
const pools = loadPools(devSet)

describe('corpus generator', () => {
  it('is deterministic from its seed and injects every kind of work', async () => {
    await withTempDir(async (dir) => {
      const a = await writeCorpus(join(dir, 'a.jsonl'), pools, { docs: 300, seed: 7 })
      await writeCorpus(join(dir, 'b.jsonl'), pools, { docs: 300, seed: 7 })
      await writeCorpus(join(dir, 'c.jsonl'), pools, { docs: 300, seed: 8 })
      const [textA, textB, textC] = ['a', 'b', 'c'].map((name) => readFileSync(join(dir, `${name}.jsonl`), 'utf8'))
      expect(textA).toBe(textB)
      expect(textA).not.toBe(textC)
      const records = textA.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; text: string })
      expect(records).toHaveLength(300)
      expect(new Set(records.map((record) => record.id)).size).toBe(300)
      expect(a.documents).toBe(300)
      expect(a.bytes).toBe(Buffer.byteLength(records.map((record) => record.text).join('')))
      expect(a.syndicated).toBeGreaterThan(0)
      expect(a.junkLines).toBeGreaterThan(0)
      expect(a.repeatedParagraphs).toBeGreaterThan(0)
      expect(a.hardWrapped).toBeGreaterThan(0)
    })
  })

  it('recombines real paragraphs from the dev set, each new story in its own words', () => {
    const generator = new CorpusGenerator(pools, 3)
    const texts = Array.from({ length: 50 }, () => generator.next())
    const lines = texts[0]!.trimEnd().split('\n')
    expect(pools.titles).toContain(lines[0])
    // A rewritten paragraph keeps its source's length and punctuation, not all its words.
    const source = (line: string): string | undefined =>
      pools.paragraphs.find((paragraph) => paragraph.split(' ').length === line.split(' ').length && paragraph.replace(/[A-Za-z]/g, '') === line.replace(/[A-Za-z]/g, ''))
    const body = lines.filter((line) => line.split(' ').length >= 20)
    expect(body.length).toBeGreaterThan(0)
    for (const line of body.slice(0, 3)) {
      const original = source(line)
      if (original === undefined) continue // a hard-wrapped line
      expect(line).not.toBe(original)
    }
    // Junk recurs verbatim across documents, as junk does.
    const junk = new Set([...Object.values(pools.junk).flat(), ...Object.values(pools.blocks).flat(2)])
    expect(texts.flatMap((text) => text.split('\n')).filter((line) => junk.has(line)).length).toBeGreaterThan(50)
  })
})

describe('bench harness', () => {
  it('reuses a kept corpus only when --docs and --seed match (--reuse)', async () => {
    await withTempDir(async (dir) => {
      const corpus = join(dir, 'corpus.jsonl')
      const flags = { docs: 12, seed: 3, jobs: [1], reports: dir, signatures: false, signatureMs: 1, devSet: devSet, corpus, reuse: true, sharedPassages: false }
      const logs: string[] = []
      const first = await runBench(flags, 'bench', (line) => logs.push(line))
      const again = await runBench(flags, 'bench', (line) => logs.push(line))
      await runBench({ ...flags, seed: 4 }, 'bench', (line) => logs.push(line))
      expect(logs.filter((line) => line.startsWith('generating')).length).toBe(2)
      expect(logs.filter((line) => line.startsWith('reusing')).length).toBe(1)
      expect(again.corpus).toEqual(first.corpus)
      expect(again.runs[0]!.documents).toEqual(first.runs[0]!.documents)
    })
  })

  it('cleans a tiny corpus with each --jobs value and accounts for every document', async () => {
    await withTempDir(async (dir) => {
      const result = await runBench(
        { docs: 40, seed: 1, jobs: [1, 2], reports: dir, signatures: true, signatureMs: 1, devSet: devSet },
        'npm run bench -- --docs 40',
        () => {},
      )
      expect(result.corpus.documents).toBe(40)
      expect(result.runs.map((run) => run.jobs)).toEqual([1, 2])
      for (const run of result.runs) {
        const { in: total, kept, duplicate, empty, skipped } = run.documents as Record<string, number>
        expect(total).toBe(40)
        expect(kept! + duplicate! + empty! + skipped!).toBe(40)
        expect(run.written).toBe(kept)
        expect(run.maxRssMB).toBeGreaterThan(0)
      }
      expect(result.signatures?.documents).toBe(40)
      expect(result.signatures?.packageMBps).toBeGreaterThan(0)
      expect(result.signatures?.oursMBps).toBeGreaterThan(0)
      expect(result.signatures?.fingerprintMBps).toBeGreaterThan(0)

      const markdown = renderMarkdown(result)
      const table = markdown.split('\n').filter((line) => line.startsWith('|'))
      const stages = stageNames(result.runs)
      expect(stages).toEqual(expect.arrayContaining(['read', 'segment', 'boilerplate', 'repeats', 'corpus', 'summaries', 'neardup']))
      expect(table[0]).toBe(`| jobs | documents/s | MB/s | MB per CPU s | wall s | CPU s | peak RSS MB | load | ${stages.map((stage) => `${stage} s`).join(' | ')} |`)
      expect(table).toHaveLength(2 + result.runs.length)
      for (const row of table) expect(row.split('|')).toHaveLength(table[0]!.split('|').length)
      expect(markdown).toContain('Command: `npm run bench -- --docs 40`')
      expect(markdown).toMatch(/`minhash` package [\d.]+ MB\/s; ours \(`signText`\) [\d.]+ MB\/s, \d+x the package; .*\(`fingerprint`, the pipeline's call\) [\d.]+ MB\/s, \d+x\./)
    })
  })
})
