/**
 * Writing a shard: the pipeline hands over its kept documents' summaries (`SummarizedCorpus`, before
 * clustering) and they go to the file one record at a time, sorted by id, each shingle set read from
 * the spool as its record is written, so nothing but the id order is held beyond what the pipeline
 * already keeps. The file appears complete or not at all (a temporary file renamed into place).
 */
import { realpath, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { SummarizedCorpus } from '../pipeline.js'
import { AtomicStream } from '../write/atomic.js'
import { unusableFolder } from '../write/guard.js'
import { encodeHead, encodeRecord, shardHeader } from './format.js'

/** Records are gathered into writes of about this many bytes. */
const WRITE_BYTES = 1 << 20

export interface ShardWritten {
  readonly path: string
  readonly documents: number
  readonly bytes: number
}

/** Writes `corpus` to a shard file at `path`. */
export async function writeShard(path: string, corpus: SummarizedCorpus): Promise<ShardWritten> {
  const ids = Array.from({ length: corpus.size }, (_, k) => corpus.meta(k).id)
  // Sorted by id, so a shard's bytes never depend on input order or --jobs, and a merge can walk
  // several shards in one id order without sorting them.
  const order = Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
  const { table } = corpus
  const sketchLength = corpus.options.neardup.numPerm
  // Every summary a run makes carries its sketch; one without would poison the merge's prefilter.
  const sketchOf = (k: number): Uint8Array => {
    if (table.sketchLength !== sketchLength) throw new Error(`internal: document ${ids[k]} has no sketch to write to the shard`)
    return table.sketches.subarray(k * sketchLength, (k + 1) * sketchLength)
  }
  const file = await AtomicStream.open(path)
  try {
    const head = encodeHead(shardHeader(corpus.options, corpus.size))
    let bytes = head.length
    await file.write(head)
    let pending: Buffer[] = []
    let pendingBytes = 0
    for (const k of order) {
      const record = encodeRecord({
        id: ids[k]!,
        source: corpus.meta(k).source,
        length: table.lengths[k]!,
        distinct: table.distinct[k]!,
        setHash: table.setHashes[k]!,
        mode: table.modes[k] === 1 ? 'char' : 'word',
        bandKeys: table.keys.subarray(k * table.bands, (k + 1) * table.bands),
        sketch: sketchOf(k),
        shingles: corpus.shingles(k),
      })
      pending.push(record)
      pendingBytes += record.length
      if (pendingBytes < WRITE_BYTES) continue
      await file.write(Buffer.concat(pending, pendingBytes))
      bytes += pendingBytes
      pending = []
      pendingBytes = 0
    }
    if (pendingBytes > 0) await file.write(Buffer.concat(pending, pendingBytes))
    bytes += pendingBytes
    await file.commit()
    return { path, documents: corpus.size, bytes }
  } catch (error) {
    await file.abort()
    throw error
  }
}

/**
 * The clean run's hook that writes a shard (`CleanContext.onClusterSummaries`):
 * `cleanToFiles(input, options, { onClusterSummaries: shardWriter('a.ndshard') }, files)`.
 */
export function shardWriter(path: string, done?: (written: ShardWritten) => void): (corpus: SummarizedCorpus) => Promise<void> {
  return async (corpus) => {
    const written = await writeShard(path, corpus)
    done?.(written)
  }
}

/** Why a shard cannot be written at `path` (a folder is there, it is an input, its folder cannot be made), or null; checked before a run starts. */
export async function shardPathProblem(path: string, inputs: readonly string[]): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  if (info?.isDirectory()) return `--shard ${path} is a folder: give a file name`
  const target = await realpath(path).catch(() => resolve(path))
  for (const input of inputs) {
    if (input !== '-' && (await realpath(input).catch(() => null)) === target) return `--shard ${path} is the input ${input}: it would be overwritten`
  }
  const folder = await unusableFolder(dirname(path))
  return folder === null ? null : `--shard ${folder}`
}
