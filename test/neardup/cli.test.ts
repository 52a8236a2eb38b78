/** --canonical, --threshold, --no-neardup and --keep-duplicates, end to end through the built CLI. */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, withTempDir } from '../helpers/index.js'

function sentences(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, k) => Array.from({ length: 12 }, (_, w) => `w${from + k}x${w}`).join(' ') + '.').join('\n')
}

// one story in four versions (full, trimmed, with an extra paragraph, copyedited) and an unrelated story
const EDITED = sentences(0, 12).replace(/w([0-7])x5 /g, 'edit$1 ') // 8 words changed: J ≈ 0.5, containment ≈ 0.7
const CORPUS = [
  { id: 'full', text: sentences(0, 12) },
  { id: 'edited', text: EDITED },
  { id: 'trimmed', text: sentences(0, 9) },
  { id: 'longer', text: `${sentences(0, 12)}\n${sentences(50, 52)}` },
  { id: 'other', text: sentences(100, 110) },
]
  .map((record) => JSON.stringify(record))
  .join('\n')

async function run(dir: string, ...flags: string[]): Promise<{ report: { clusters: Array<{ canonical: string; members: Array<{ id: string }> }>; documents: Array<{ id: string; status: string }> }; written: string[] }> {
  const input = join(dir, 'corpus.jsonl')
  await writeFile(input, `${CORPUS}\n`)
  const out = join(dir, `out${flags.join('')}`)
  const result = await runCli(['clean', input, '--report', out, '--out', out, '--quiet', ...flags])
  expect(result.code, result.stderr).toBe(0)
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))
  const written = (await readdir(out)).filter((name) => name.endsWith('.txt')).sort()
  return { report, written }
}

describe('CLI near-duplicate flags', () => {
  it('keeps the longest by default and writes canonicals and unique documents only', async () => {
    await withTempDir(async (dir) => {
      const { report, written } = await run(dir)
      expect(report.clusters.map((cluster) => [cluster.canonical, cluster.members.map((m) => m.id)])).toEqual([['longer', ['longer', 'edited', 'full', 'trimmed']]])
      expect(written).toEqual(['longer.txt', 'other.txt'])
    })
  })

  it('--canonical shortest and first pick another member', async () => {
    await withTempDir(async (dir) => {
      expect((await run(dir, '--canonical', 'shortest')).report.clusters[0]!.canonical).toBe('trimmed')
      expect((await run(dir, '--canonical', 'first')).report.clusters[0]!.canonical).toBe('edited') // first id
    })
  })

  it('--keep-duplicates writes every document', async () => {
    await withTempDir(async (dir) => {
      expect((await run(dir, '--keep-duplicates')).written).toEqual(['edited.txt', 'full.txt', 'longer.txt', 'other.txt', 'trimmed.txt'])
    })
  })

  it('--no-neardup finds no clusters; --threshold 0.95 leaves the copyedited version out', async () => {
    await withTempDir(async (dir) => {
      const off = await run(dir, '--no-neardup')
      expect(off.report.clusters).toEqual([])
      expect(off.report.documents.every((document) => document.status === 'kept')).toBe(true)
      const strict = await run(dir, '--threshold', '0.95')
      // full and trimmed still join by containment (both lie inside longer); edited does not
      expect(strict.report.clusters[0]!.members.map((m) => m.id)).toEqual(['longer', 'full', 'trimmed'])
      expect(strict.report.documents.find((document) => document.id === 'edited')!.status).toBe('kept')
    })
  })

  it('rejects a threshold outside 0..1', async () => {
    const result = await runCli(['clean', 'seeds', '--threshold', '1.5', '--quiet'])
    expect(result.code).toBe(2)
  })
})
