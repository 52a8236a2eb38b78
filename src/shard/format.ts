/**
 * The shard file format (README "Shards"): what one machine's `clean --shard` leaves for a later
 * `neardup merge`. Little-endian throughout.
 *
 *   magic      8 bytes  "NDSHARD\n"
 *   header     u32 byte length, then that many bytes of UTF-8 JSON (`ShardHeader`)
 *   records    `header.documents` of them, sorted by id, each:
 *                u32 body length, u32 CRC-32 of the body, then the body:
 *                u32 id length, id (UTF-8); u32 file length, file (UTF-8); u32 line (0: none);
 *                u32 length, u32 distinct, u32 set hash, u32 mode (0 word, 1 char);
 *                `bands` u32 band keys; `numPerm` bytes of sketch; `distinct` u32 shingle hashes (sorted)
 *
 * Each record carries its own length and checksum, so a reader streams the file record by record,
 * names the record a cut or a flipped byte is in, and reads one record again by its offset.
 */
import { endianness } from 'node:os'
import { crc32 } from 'node:zlib'
import { bandParameters } from '../neardup/index.js'
import type { CleanOptions, NeardupOptions } from '../options.js'
import type { ClusterSummary, Source } from '../types.js'
import { VERSION } from '../version.js'

export const SHARD_MAGIC = Buffer.from('NDSHARD\n', 'latin1')
export const SHARD_FORMAT = 'neardup-shard'
/** 2: records carry the sketch (the prefilter's low bytes of the MinHash values). */
export const SHARD_VERSION = 2
/** Typed arrays are copied byte for byte on little-endian machines (all of Node's usual ones). */
const LITTLE_ENDIAN = endianness() === 'LE'
/** Bytes before a record's body: its length and checksum. */
export const RECORD_PREFIX = 8
/** Longest header a reader accepts: a header is a few hundred bytes (more with `--rules`). */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024

/** Everything that changes a signature, the verification of a pair, or the cleaned text signed. */
export interface ShardSettings {
  readonly shingles: { readonly ngram: number; readonly charNgram: number; readonly mode: 'auto' }
  readonly minhash: { readonly scheme: 'one-permutation'; readonly numPerm: number; readonly seed: number }
  readonly lsh: { readonly bands: number; readonly rows: number }
  readonly verify: { readonly threshold: number; readonly containment: number }
  readonly canonical: NeardupOptions['canonical']
  /** The cleaning options: the text signed depends on them. */
  readonly cleaning: {
    readonly rejoin: boolean
    readonly boilerplate: CleanOptions['boilerplate']
    readonly repeats: CleanOptions['repeats']
  }
}

export interface ShardHeader {
  readonly format: typeof SHARD_FORMAT
  readonly version: number
  /** The neardup version that wrote it: signatures of another version may differ. */
  readonly neardup: string
  readonly settings: ShardSettings
  /** Records that follow. */
  readonly documents: number
}

/** One document of a shard: where it came from, its cluster summary (sketch included) and its shingle set. */
export interface ShardRecord extends ClusterSummary {
  readonly id: string
  readonly source: Source
  readonly sketch: Uint8Array
  readonly shingles: Uint32Array
}

/** A shard that cannot be read or merged: the message names the file (and the record). */
export class ShardError extends Error {
  override name = 'ShardError'
}

export function shardSettings(options: CleanOptions): ShardSettings {
  const { neardup } = options
  const { bands, rows } = bandParameters(neardup)
  return {
    shingles: { ngram: neardup.ngram, charNgram: neardup.charNgram, mode: 'auto' },
    minhash: { scheme: 'one-permutation', numPerm: neardup.numPerm, seed: neardup.seed },
    lsh: { bands, rows },
    verify: { threshold: neardup.threshold, containment: neardup.containment },
    canonical: neardup.canonical,
    cleaning: { rejoin: options.segment.rejoin, boilerplate: options.boilerplate, repeats: options.repeats },
  }
}

export function shardHeader(options: CleanOptions, documents: number): ShardHeader {
  return { format: SHARD_FORMAT, version: SHARD_VERSION, neardup: VERSION, settings: shardSettings(options), documents }
}

/** The near-duplicate options a shard's settings stand for: what the merge clusters with. */
export function neardupOptionsOf(settings: ShardSettings): NeardupOptions {
  return {
    enabled: true,
    threshold: settings.verify.threshold,
    containment: settings.verify.containment,
    ngram: settings.shingles.ngram,
    charNgram: settings.shingles.charNgram,
    numPerm: settings.minhash.numPerm,
    canonical: settings.canonical,
    seed: settings.minhash.seed,
    sharedPassages: false,
  }
}

/** The magic and the length-prefixed JSON header. */
export function encodeHead(header: ShardHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.length)
  return Buffer.concat([SHARD_MAGIC, length, json])
}

/** One record, prefix included. */
export function encodeRecord(record: ShardRecord): Buffer {
  const id = Buffer.from(record.id, 'utf8')
  const file = Buffer.from(record.source.file, 'utf8')
  const bodyLength = 4 + id.length + 4 + file.length + 4 * 5 + 4 * record.bandKeys.length + record.sketch.length + 4 * record.shingles.length
  const bytes = Buffer.allocUnsafe(RECORD_PREFIX + bodyLength)
  let at = RECORD_PREFIX
  const u32 = (value: number): void => {
    at = bytes.writeUInt32LE(value, at)
  }
  const words = (values: Uint32Array): void => {
    if (LITTLE_ENDIAN) {
      bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), at)
      at += values.byteLength
    } else for (let i = 0; i < values.length; i++) at = bytes.writeUInt32LE(values[i]!, at)
  }
  u32(id.length)
  at += id.copy(bytes, at)
  u32(file.length)
  at += file.copy(bytes, at)
  u32(record.source.line ?? 0)
  u32(record.length)
  u32(record.distinct)
  u32(record.setHash)
  u32(record.mode === 'char' ? 1 : 0)
  words(record.bandKeys)
  bytes.set(record.sketch, at)
  at += record.sketch.length
  words(record.shingles)
  bytes.writeUInt32LE(bodyLength, 0)
  bytes.writeUInt32LE(crc32(bytes.subarray(RECORD_PREFIX)), 4)
  return bytes
}

/**
 * A record's body back (checksum already checked by the caller). `bands` and `sketchLength` (numPerm)
 * come from the header; throws a plain Error saying what is wrong, which the reader turns into a
 * `ShardError` with the place.
 */
export function decodeRecord(body: Buffer, bands: number, sketchLength: number): ShardRecord {
  let at = 0
  const u32 = (): number => {
    if (at + 4 > body.length) throw new Error('record ends inside a field')
    const value = body.readUInt32LE(at)
    at += 4
    return value
  }
  const text = (): string => {
    const length = u32()
    if (at + length > body.length) throw new Error('record ends inside a string')
    const value = body.toString('utf8', at, at + length)
    at += length
    return value
  }
  const words = (count: number): Uint32Array => {
    if (at + 4 * count > body.length) throw new Error('record ends inside its arrays')
    const values = new Uint32Array(count)
    if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(body.subarray(at, at + 4 * count))
    else for (let i = 0; i < count; i++) values[i] = body.readUInt32LE(at + 4 * i)
    at += 4 * count
    return values
  }
  const id = text()
  const file = text()
  const line = u32()
  const length = u32()
  const distinct = u32()
  const setHash = u32()
  const mode = u32()
  if (mode > 1) throw new Error(`unknown shingle mode ${mode}`)
  const bandKeys = words(bands)
  if (at + sketchLength > body.length) throw new Error('record ends inside its sketch')
  const sketch = Uint8Array.from(body.subarray(at, at + sketchLength))
  at += sketchLength
  const shingles = words(distinct)
  if (at !== body.length) throw new Error(`${body.length - at} bytes left over after the shingle set`)
  return { id, source: line === 0 ? { file } : { file, line }, length, mode: mode === 1 ? 'char' : 'word', distinct, setHash, bandKeys, sketch, shingles }
}

/** Checks a parsed header is one this version reads; says what is wrong, or null. */
export function headerProblem(header: unknown): string | null {
  const value = header as Partial<ShardHeader> | null
  if (typeof value !== 'object' || value === null) return 'header is not a JSON object'
  if (value.format !== SHARD_FORMAT) return `header names format ${JSON.stringify(value.format)}, expected ${SHARD_FORMAT}`
  if (value.version !== SHARD_VERSION) return `shard format version ${String(value.version)}; this neardup reads version ${SHARD_VERSION}`
  if (typeof value.neardup !== 'string') return 'header has no neardup version'
  if (!Number.isInteger(value.documents) || value.documents! < 0) return 'header has no document count'
  const settings = value.settings
  if (typeof settings !== 'object' || settings === null || !Number.isInteger(settings.lsh?.bands) || settings.lsh.bands < 1) return 'header has no LSH settings'
  if (!Number.isInteger(settings.minhash?.numPerm) || settings.minhash.numPerm < 1) return 'header has no MinHash settings'
  return null
}

/** Settings flattened to dotted names (`minhash.seed`), each with its value as JSON: what the merge compares. */
export function flatSettings(value: unknown, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>()
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value).sort()) {
      for (const [name, json] of flatSettings((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key)) flat.set(name, json)
    }
  } else flat.set(prefix, JSON.stringify(value))
  return flat
}
