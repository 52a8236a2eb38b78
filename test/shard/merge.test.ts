/**
 * Shards of the dev set, merged: the same clusters as one run over the whole corpus, whatever order
 * the shards come in; byte-identical shards whatever --jobs and input order; and every way a merge
 * can go wrong (ids in two shards, different settings, a cut or corrupt file) is one clear error.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clean, type CleanOptionsInput, type DocumentInput } from '../../src/index.js'
import { mergeShards, shardWriter, ShardError, ShardFile, type MergeReport } from '../../src/shard/index.js'
import { encodeHead, shardHeader } from '../../src/shard/format.js'
import { resolveOptions } from '../../src/options.js'
import { DEV_GOLD, devCorpus, readGold } from '../helpers/index.js'

/** The corpus-wide boilerplate step sees only its own shard: off here, so both sides must agree exactly. */
const NO_CORPUS_STEP: CleanOptionsInput = { jobs: 1, boilerplate: { disable: ['corpus-repeat', 'corpus-template'] }, neardup: { sharedPassages: false } }
const DEFAULTS: CleanOptionsInput = { jobs: 1, neardup: { sharedPassages: false } }

let dir: string
const corpus = devCorpus()
/** Three interleaved parts, so every cluster is spread over the shards. */
const parts = [0, 1, 2].map((k) => corpus.filter((_, i) => i % 3 === k))

async function shard(documents: readonly DocumentInput[], path: string, options: CleanOptionsInput): Promise<string> {
  await clean(documents, options, { onClusterSummaries: shardWriter(path) })
  return path
}

function pairs(clusters: ReadonlyArray<{ members: ReadonlyArray<{ id: string } | string> }>): Set<string> {
  const found = new Set<string>()
  for (const cluster of clusters) {
    const ids = cluster.members.map((member) => (typeof member === 'string' ? member : member.id)).sort()
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) found.add(`${ids[i]}\t${ids[j]}`)
  }
  return found
}

function precisionRecall(found: Set<string>, gold: Set<string>): { precision: number; recall: number } {
  const hits = [...found].filter((pair) => gold.has(pair)).length
  return { precision: hits / found.size, recall: hits / gold.size }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'neardup-shards-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('merging shards of the dev set', () => {
  let merged: MergeReport
  let paths: string[]

  beforeAll(async () => {
    paths = await Promise.all(parts.map((part, k) => shard(part, join(dir, `off-${k}.ndshard`), NO_CORPUS_STEP)))
    merged = mergeShards(paths)
  })

  it('finds the clusters one run over the whole corpus finds, scores included', async () => {
    const whole = await clean(corpus, NO_CORPUS_STEP)
    expect(merged.stats.documents).toBe(whole.documents.filter((document) => document.status !== 'empty' && document.status !== 'skipped').length)
    expect(merged.clusters.length).toBeGreaterThan(100)
    expect(merged.clusters).toEqual(whole.report.clusters)
    const duplicates = whole.documents.filter((document) => document.status === 'duplicate')
    expect(merged.duplicates.map((duplicate) => [duplicate.id, duplicate.decision.evidence.canonical])).toEqual(duplicates.map((document) => [document.id, document.duplicateOf]))
    const first = merged.duplicates[0]!
    expect(first.decision).toMatchObject({ kind: 'duplicate', rule: 'near-duplicate', evidence: { cluster: expect.stringMatching(/^c\d+$/) } })
    expect(first.source).toEqual({ file: first.id }) // clean() given no source: the id stands for it
    expect(paths).toContain(first.shard)
  })

  it('gives the same bytes whatever order the shards are named in', () => {
    const reordered = mergeShards([paths[2]!, paths[0]!, paths[1]!])
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(merged))
  })

  it('with the corpus step on in each shard, matches the gold clusters as well as one run does', async () => {
    const withStep = await Promise.all(parts.map((part, k) => shard(part, join(dir, `on-${k}.ndshard`), DEFAULTS)))
    const gold = pairs(readGold(DEV_GOLD).clusters ?? [])
    const split = precisionRecall(pairs(mergeShards(withStep).clusters), gold)
    const whole = precisionRecall(pairs((await clean(corpus, DEFAULTS)).report.clusters), gold)
    expect(split.precision).toBeGreaterThanOrEqual(whole.precision - 0.005)
    expect(split.recall).toBeGreaterThanOrEqual(whole.recall - 0.005)
    expect(split.recall).toBeGreaterThan(0.95)
  })
})

describe('shard files', () => {
  it('are byte-identical whatever --jobs and the input order', async () => {
    const part = parts[0]!.slice(0, 120)
    const a = await shard(part, join(dir, 'jobs1.ndshard'), { ...NO_CORPUS_STEP, jobs: 1 })
    const b = await shard([...part].reverse(), join(dir, 'jobs2.ndshard'), { ...NO_CORPUS_STEP, jobs: 2 })
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true)
  })

  it('hold one record per kept document, sorted by id, read back as written', async () => {
    const path = await shard(parts[1]!.slice(0, 40), join(dir, 'small.ndshard'), NO_CORPUS_STEP)
    const file = ShardFile.open(path)
    try {
      const records = [...file.records()]
      expect(records).toHaveLength(file.header.documents)
      const ids = records.map((placed) => placed.record.id)
      expect(ids).toEqual([...ids].sort())
      const last = records.at(-1)!
      expect(file.recordAt(last.number, last.offset, last.size)).toEqual(last.record)
      expect(last.record.shingles.length).toBe(last.record.distinct)
    } finally {
      file.close()
    }
  })
})

describe('merge errors', () => {
  const small = (k: number): DocumentInput[] => parts[k]!.slice(0, 30)

  it('an id in two shards names both', async () => {
    const a = await shard(small(0), join(dir, 'same-a.ndshard'), NO_CORPUS_STEP)
    const b = await shard([...small(1), small(0)[3]!], join(dir, 'same-b.ndshard'), NO_CORPUS_STEP)
    expect(() => mergeShards([b, a])).toThrow(new ShardError(`document id "${small(0)[3]!.id}" is in both ${a} and ${b}: ids must be unique across shards`))
  })

  it('different settings name the setting and both files', async () => {
    const a = await shard(small(0), join(dir, 'seed-a.ndshard'), NO_CORPUS_STEP)
    const b = await shard(small(1), join(dir, 'seed-b.ndshard'), { ...NO_CORPUS_STEP, neardup: { sharedPassages: false, seed: 2 } })
    expect(() => mergeShards([a, b])).toThrow(`minhash.seed is 1 in ${a} but 2 in ${b}`)
    const c = await shard(small(2), join(dir, 'rules-c.ndshard'), DEFAULTS)
    const old = join(dir, 'old-version.ndshard')
    const file = ShardFile.open(a)
    const first = [...file.records()][0]!
    file.close()
    const bytes = readFileSync(a)
    writeFileSync(old, Buffer.concat([encodeHead({ ...file.header, neardup: '0.0.1' }), bytes.subarray(first.offset)]))
    expect(() => mergeShards([a, old])).toThrow(`neardup is "0.0.1" in ${old} but ${JSON.stringify(file.header.neardup)} in ${a}`)
    // Shards are taken in file-name order, so the message does not depend on the order they are named in.
    expect(() => mergeShards([a, c])).toThrow(`cleaning.boilerplate.disable is [] in ${c} but ["corpus-repeat","corpus-template"] in ${a}`)
  })

  it('a cut, corrupt or foreign file names the file and the record', async () => {
    const good = await shard(small(0), join(dir, 'good.ndshard'), NO_CORPUS_STEP)
    const bytes = readFileSync(good)
    const file = ShardFile.open(good)
    const records = [...file.records()]
    const third = records[2]!
    file.close()
    const cut = join(dir, 'cut.ndshard')
    writeFileSync(cut, bytes.subarray(0, third.offset + 20))
    expect(() => mergeShards([cut])).toThrow(new RegExp(`^${cut}: record 3 of ${small(0).length} \\(byte ${third.offset}\\): .*cut short`))
    const corrupt = join(dir, 'corrupt.ndshard')
    const flipped = Buffer.from(bytes)
    flipped[third.offset + 40]! ^= 0x10
    writeFileSync(corrupt, flipped)
    expect(() => mergeShards([corrupt])).toThrow(`${corrupt}: record 3 of ${small(0).length} (byte ${third.offset}): checksum mismatch (corrupt)`)
    const foreign = join(dir, 'foreign.ndshard')
    writeFileSync(foreign, '{"id": "x"}\n')
    expect(() => mergeShards([foreign])).toThrow(`${foreign}: not a neardup shard`)
    const headless = join(dir, 'headless.ndshard')
    writeFileSync(headless, bytes.subarray(0, 30))
    expect(() => mergeShards([headless])).toThrow(`${headless}: shard cut short inside its header`)
    const swapped = join(dir, 'swapped.ndshard')
    const head = bytes.subarray(0, records[0]!.offset)
    const slice = (k: number): Buffer => bytes.subarray(records[k]!.offset, records[k]!.offset + records[k]!.size)
    writeFileSync(swapped, Buffer.concat([head, slice(1), slice(0), ...records.slice(2).map((_, k) => slice(k + 2))]))
    expect(() => mergeShards([swapped])).toThrow(`${swapped}: record 2 (byte ${records[0]!.offset + records[1]!.size}): ids out of order (${JSON.stringify(records[0]!.record.id)} after ${JSON.stringify(records[1]!.record.id)}; corrupt?)`)
    const absurd = join(dir, 'absurd.ndshard')
    writeFileSync(absurd, encodeHead(shardHeader(resolveOptions(), 1e9)))
    expect(() => mergeShards([absurd])).toThrow(`${absurd}: header says 1000000000 records, but the 0 bytes after it cannot hold them (corrupt?)`)
    const trailing = join(dir, 'trailing.ndshard')
    writeFileSync(trailing, Buffer.concat([bytes, Buffer.from('junk')]))
    expect(() => mergeShards([trailing])).toThrow(/4 bytes after the last/)
  })
})
