/** The shard record and header encodings: what goes in comes back, and a bad header is named. */
import { describe, expect, it } from 'vitest'
import { decodeRecord, encodeHead, encodeRecord, flatSettings, headerProblem, RECORD_PREFIX, SHARD_MAGIC, shardHeader, type ShardRecord } from '../../src/shard/format.js'
import { resolveOptions } from '../../src/options.js'

const RECORD: ShardRecord = {
  id: 'dépêche/001 — «x»',
  source: { file: 'part-a.jsonl', line: 17 },
  length: 812,
  mode: 'char',
  distinct: 5,
  setHash: 0xdeadbeef,
  bandKeys: Uint32Array.from([1, 0xffffffff, 3]),
  sketch: Uint8Array.from([0, 255, 7, 128]),
  shingles: Uint32Array.from([2, 9, 4000000000, 4000000001, 4294967295]),
}

describe('shard records', () => {
  it('round-trip every field, a line of 0 meaning none', () => {
    const bytes = encodeRecord(RECORD)
    expect(bytes.readUInt32LE(0)).toBe(bytes.length - RECORD_PREFIX)
    expect(decodeRecord(bytes.subarray(RECORD_PREFIX), 3, 4)).toEqual(RECORD)
    const noLine = { ...RECORD, source: { file: 'a.txt' }, mode: 'word' as const }
    expect(decodeRecord(encodeRecord(noLine).subarray(RECORD_PREFIX), 3, 4)).toEqual(noLine)
  })

  it('say what is wrong with a body that does not fit its header', () => {
    const body = encodeRecord(RECORD).subarray(RECORD_PREFIX)
    expect(() => decodeRecord(body, 4, 4)).toThrow(/left over|ends inside/)
    expect(() => decodeRecord(body, 3, 5)).toThrow(/left over|ends inside/)
    expect(() => decodeRecord(body.subarray(0, body.length - 2), 3, 4)).toThrow(/ends inside its arrays/)
    expect(() => decodeRecord(body.subarray(0, body.length - 21), 3, 4)).toThrow(/ends inside its sketch/)
  })
})

describe('shard headers', () => {
  it('carry the format, version and every signature setting', () => {
    const header = shardHeader(resolveOptions({ neardup: { seed: 7 } }), 3)
    const head = encodeHead(header)
    expect(head.subarray(0, SHARD_MAGIC.length).toString('latin1')).toBe('NDSHARD\n')
    expect(JSON.parse(head.subarray(SHARD_MAGIC.length + 4).toString('utf8'))).toEqual(header)
    expect(headerProblem(header)).toBeNull()
    const flat = flatSettings(header.settings)
    expect(flat.get('minhash.seed')).toBe('7')
    expect([...flat.keys()]).toEqual(expect.arrayContaining(['shingles.ngram', 'minhash.numPerm', 'minhash.scheme', 'lsh.bands', 'lsh.rows', 'verify.threshold', 'verify.containment', 'canonical', 'cleaning.boilerplate.minStories']))
  })

  it('name what makes a header unreadable', () => {
    const header = shardHeader(resolveOptions(), 0)
    expect(headerProblem({ ...header, version: 99 })).toMatch(/version 99/)
    expect(headerProblem({ ...header, format: 'other' })).toMatch(/format "other"/)
    expect(headerProblem({ ...header, documents: -1 })).toMatch(/document count/)
    // Version 1 shards had no sketches: named, not misread.
    expect(headerProblem({ ...header, version: 1 })).toMatch(/version 1; this neardup reads version 2/)
    expect(headerProblem({ ...header, settings: { ...header.settings, minhash: {} } })).toMatch(/MinHash settings/)
    expect(headerProblem([])).toMatch(/document count|format/)
  })
})
