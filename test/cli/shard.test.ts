/** `clean --shard` and `merge` through the built CLI: outputs, exit codes and one-line errors. */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, withTempDir } from '../helpers/index.js'

function sentences(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, k) => Array.from({ length: 12 }, (_, w) => `w${from + k}x${w}`).join(' ') + '.').join('\n')
}

/** One story in two parts (full on machine A, trimmed and extended on B) and an unrelated story on each. */
const PART_A = [
  { id: 'a-full', text: sentences(0, 12) },
  { id: 'a-other', text: sentences(100, 110) },
]
const PART_B = [
  { id: 'b-trimmed', text: sentences(0, 9) },
  { id: 'b-longer', text: `${sentences(0, 12)}\n${sentences(50, 52)}` },
  { id: 'b-other', text: sentences(200, 210) },
]

const jsonl = (records: ReadonlyArray<{ id: string; text: string }>): string => records.map((record) => `${JSON.stringify(record)}\n`).join('')

async function shards(dir: string, b: ReadonlyArray<{ id: string; text: string }> = PART_B, ...flagsB: string[]): Promise<[string, string]> {
  const paths: [string, string] = [join(dir, 'a.ndshard'), join(dir, 'b.ndshard')]
  for (const [k, records] of [PART_A, b].entries()) {
    const input = join(dir, `part-${k}.jsonl`)
    await writeFile(input, jsonl(records))
    const result = await runCli(['clean', input, '--shard', paths[k]!, '--quiet', ...(k === 1 ? flagsB : [])])
    expect(result.code, result.stderr).toBe(0)
  }
  return paths
}

describe('neardup merge', () => {
  it('clusters across shards and writes duplicates.json and drop.txt', async () => {
    await withTempDir(async (dir) => {
      const [a, b] = await shards(dir)
      const result = await runCli(['merge', b, a, '--report', join(dir, 'merged')])
      expect(result.code, result.stderr).toBe(0)
      expect(result.stderr).toBe('neardup: 5 documents in 2 shards: 1 clusters, 2 duplicates\n')
      const report = JSON.parse(await readFile(join(dir, 'merged', 'duplicates.json'), 'utf8'))
      expect(report.clusters.map((cluster: { canonical: string; members: Array<{ id: string }> }) => [cluster.canonical, cluster.members.map((member) => member.id)])).toEqual([
        ['b-longer', ['b-longer', 'a-full', 'b-trimmed']],
      ])
      expect(report.duplicates[0]).toMatchObject({
        id: 'a-full',
        shard: a,
        source: { file: join(dir, 'part-0.jsonl'), line: 1 },
        decision: { kind: 'duplicate', rule: 'near-duplicate', evidence: { cluster: 'c1', canonical: 'b-longer' } },
      })
      expect(report.shards).toEqual([{ file: a, documents: 2 }, { file: b, documents: 3 }])
      expect(await readFile(join(dir, 'merged', 'drop.txt'), 'utf8')).toBe('a-full\nb-trimmed\n')
    })
  })

  it('clean --shard says what it wrote, unless --quiet', async () => {
    await withTempDir(async (dir) => {
      const input = join(dir, 'part.jsonl')
      await writeFile(input, jsonl(PART_B))
      const shard = join(dir, 'deep', 'b.ndshard')
      const result = await runCli(['clean', input, '--shard', shard])
      expect(result.code, result.stderr).toBe(0)
      const bytes = (await readFile(shard)).length
      expect(result.stderr.split('\n').at(-2)).toBe(`neardup: shard ${shard}: 3 documents, ${bytes} bytes`)
    })
  })

  it('--stdout prints the ids to drop', async () => {
    await withTempDir(async (dir) => {
      const [a, b] = await shards(dir)
      const result = await runCli(['merge', a, b, '--stdout', '--quiet'])
      expect(result).toEqual({ code: 0, stdout: 'a-full\nb-trimmed\n', stderr: '' })
    })
  })

  it('exits 1 with one line naming both shards when an id is in both', async () => {
    await withTempDir(async (dir) => {
      const [a, b] = await shards(dir, [...PART_B, PART_A[1]!])
      const result = await runCli(['merge', a, b, '--stdout'])
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(`neardup: document id "a-other" is in both ${a} and ${b}: ids must be unique across shards\n`)
    })
  })

  it('exits 1 naming the setting when the shards were made differently', async () => {
    await withTempDir(async (dir) => {
      const [a, b] = await shards(dir, PART_B, '--canonical', 'first')
      const result = await runCli(['merge', a, b, '--stdout'])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`canonical is "longest" in ${a} but "first" in ${b}`)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    })
  })

  it('exits 1 with one line, no stack trace, for a corrupt or missing shard', async () => {
    await withTempDir(async (dir) => {
      const [a] = await shards(dir)
      const bytes = await readFile(a)
      bytes[bytes.length - 3]! ^= 0xff
      await writeFile(a, bytes)
      const corrupt = await runCli(['merge', a, '--stdout'])
      expect(corrupt.code).toBe(1)
      expect(corrupt.stderr).toMatch(new RegExp(`^neardup: ${a}: record 2 of 2 \\(byte \\d+\\): checksum mismatch \\(corrupt\\)\\n$`))
      const missing = await runCli(['merge', join(dir, 'nope.ndshard'), '--stdout'])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toBe(`neardup: ${join(dir, 'nope.ndshard')}: cannot open shard (ENOENT)\n`)
    })
  })

  it('exits 2 when the command line is wrong', async () => {
    await withTempDir(async (dir) => {
      const [a] = await shards(dir)
      expect((await runCli(['merge'])).code).toBe(2)
      const nowhere = await runCli(['merge', a])
      expect(nowhere.code).toBe(2)
      expect(nowhere.stderr).toBe('neardup: merge: say where the result goes: --report <dir>, --stdout, or both\n')
      const off = await runCli(['clean', join(dir, 'part-0.jsonl'), '--shard', join(dir, 'x.ndshard'), '--no-neardup', '--quiet'])
      expect(off.code).toBe(2)
      expect(off.stderr).toBe('neardup: --shard carries near-duplicate signatures: it cannot be used with --no-neardup\n')
      const input = join(dir, 'part-0.jsonl')
      const before = await readFile(input, 'utf8')
      const overInput = await runCli(['clean', input, '--shard', input, '--quiet'])
      expect(overInput.code).toBe(2)
      expect(overInput.stderr).toBe(`neardup: --shard ${input} is the input ${input}: it would be overwritten\n`)
      expect(await readFile(input, 'utf8')).toBe(before)
      expect((await runCli(['clean', input, '--shard', dir, '--quiet'])).stderr).toBe(`neardup: --shard ${dir} is a folder: give a file name\n`)
    })
  })
})
