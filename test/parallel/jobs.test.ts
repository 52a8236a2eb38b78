/** Output is byte-identical whatever --jobs is: report.json (timings aside) and clean.jsonl. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeCorpus } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { runCli, withTempDir } from '../helpers/index.js'

const devSet = findDevSet()
if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')

/** report.json with `stats.timings` removed, and clean.jsonl, for one --jobs value. */
async function outputs(input: string, dir: string, jobs: number): Promise<{ report: string; jsonl: string }> {
  const out = join(dir, `out-${jobs}`)
  const report = join(dir, `report-${jobs}`)
  const run = await runCli(['clean', input, '--out', out, '--report', report, '--quiet', '--jobs', String(jobs)])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const parsed = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { stats: { timings?: unknown } }
  expect(parsed.stats.timings).toBeDefined()
  delete parsed.stats.timings
  return { report: JSON.stringify(parsed), jsonl: readFileSync(join(out, 'clean.jsonl'), 'utf8') }
}

describe('--jobs', () => {
  it('gives the same output with 1 and 2 threads on the dev set', async () => {
    await withTempDir(async (dir) => {
      const input = join(devSet, 'corpus.jsonl')
      const one = await outputs(input, dir, 1)
      const two = await outputs(input, dir, 2)
      expect(two.report).toBe(one.report)
      expect(two.jsonl).toBe(one.jsonl)
    })
  })

  it('gives the same output with 1 and 2 threads on a generated corpus of many batches', async () => {
    await withTempDir(async (dir) => {
      const input = join(dir, 'corpus.jsonl')
      await writeCorpus(input, loadPools(devSet), { docs: 1500, seed: 5 })
      const one = await outputs(input, dir, 1)
      const two = await outputs(input, dir, 2)
      expect(JSON.parse(one.report).documents).toHaveLength(1500)
      expect(two.report).toBe(one.report)
      expect(two.jsonl).toBe(one.jsonl)
    })
  })
})
