/**
 * Merging shards: the documents of every shard, walked in one id order (each shard is sorted by
 * id, so this is a k-way merge, and the order the shards are named in never matters), clustered
 * once by `findClusters()` as one run over the whole corpus would cluster them. Only the cluster
 * summaries and each record's place stay resident; shingle sets are read back from their shard by
 * offset when verification asks for them.
 */
import { findClusters, ClusterSummaryTable, bandParameters } from '../neardup/index.js'
import type { Cluster, DuplicateDecision, Source } from '../types.js'
import { VERSION } from '../version.js'
import { flatSettings, neardupOptionsOf, ShardError, type ShardSettings } from './format.js'
import { ShardFile, type PlacedRecord } from './read.js'

export interface MergedDuplicate {
  readonly id: string
  /** The shard file that holds it, and where its text came from on the machine that cleaned it. */
  readonly shard: string
  readonly source: Source
  /** The decision a `clean` over the whole corpus would have made (rule, cluster, canonical, similarity). */
  readonly decision: DuplicateDecision
}

/** What `neardup merge` writes to duplicates.json. */
export interface MergeReport {
  readonly tool: 'neardup'
  readonly version: string
  /** The settings every shard was made with (they must agree). */
  readonly settings: ShardSettings
  /** Sorted by file name. */
  readonly shards: ReadonlyArray<{ readonly file: string; readonly documents: number }>
  readonly stats: { readonly documents: number; readonly clusters: number; readonly duplicates: number }
  /** As in report.json: sorted by canonical id, ids `c1`, `c2`, …; members scored against the canonical. */
  readonly clusters: readonly Cluster[]
  /** Every non-canonical member, sorted by id: the documents to drop. */
  readonly duplicates: readonly MergedDuplicate[]
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Throws when two shards were made with different settings, naming every setting that differs. */
function checkSettings(shards: readonly ShardFile[]): void {
  const [first, ...rest] = shards
  if (first === undefined) return
  const reference = flatSettings({ neardup: first.header.neardup, ...first.header.settings })
  for (const shard of rest) {
    const other = flatSettings({ neardup: shard.header.neardup, ...shard.header.settings })
    const differences = [...new Set([...reference.keys(), ...other.keys()])]
      .filter((name) => reference.get(name) !== other.get(name))
      .map((name) => `${name} is ${reference.get(name) ?? 'unset'} in ${first.path} but ${other.get(name) ?? 'unset'} in ${shard.path}`)
    if (differences.length > 0) throw new ShardError(`${first.path} and ${shard.path} were made with different settings (make every shard with the same options): ${differences.join('; ')}`)
  }
  const options = neardupOptionsOf(first.header.settings)
  const { bands, rows } = bandParameters(options)
  const lsh = first.header.settings.lsh
  if (lsh.bands !== bands || lsh.rows !== rows) throw new ShardError(`${first.path}: LSH bands/rows ${lsh.bands}/${lsh.rows} are not what this neardup derives from its settings (${bands}/${rows})`)
}

/** Clusters the union of the shards at `paths`. */
export function mergeShards(paths: readonly string[]): MergeReport {
  if (paths.length === 0) throw new ShardError('no shards to merge')
  const sorted = [...new Set(paths)].sort(byName)
  const shards: ShardFile[] = []
  try {
    for (const path of sorted) shards.push(ShardFile.open(path))
    checkSettings(shards)
    return clusterShards(shards)
  } finally {
    for (const shard of shards) shard.close()
  }
}

function clusterShards(shards: readonly ShardFile[]): MergeReport {
  const settings = shards[0]!.header.settings
  const options = neardupOptionsOf(settings)
  const total = shards.reduce((sum, shard) => sum + shard.header.documents, 0)
  const table = new ClusterSummaryTable(settings.lsh.bands, total, settings.minhash.numPerm)
  const ids: string[] = []
  // Where each document's record is: its shard, number, offset and size.
  const shardOf = new Uint32Array(total)
  const numbers = new Uint32Array(total)
  const offsets = new Float64Array(total)
  const sizes = new Uint32Array(total)
  const streams = shards.map((shard) => shard.records())
  const heads: Array<PlacedRecord | undefined> = streams.map((stream) => stream.next().value ?? undefined)
  for (;;) {
    let next = -1
    for (let s = 0; s < heads.length; s++) {
      const head = heads[s]
      if (head === undefined) continue
      if (next === -1 || head.record.id < heads[next]!.record.id) next = s
      else if (head.record.id === heads[next]!.record.id) throw new ShardError(`document id ${JSON.stringify(head.record.id)} is in both ${shards[next]!.path} and ${shards[s]!.path}: ids must be unique across shards`)
    }
    if (next === -1) break
    const placed = heads[next]!
    const position = table.add(placed.record)
    ids.push(placed.record.id)
    shardOf[position] = next
    numbers[position] = placed.number
    offsets[position] = placed.offset
    sizes[position] = placed.size
    const following = streams[next]!.next().value ?? undefined
    if (following !== undefined && following.record.id <= placed.record.id) {
      throw new ShardError(`${shards[next]!.path}: record ${following.number} (byte ${following.offset}): ids out of order (${JSON.stringify(following.record.id)} after ${JSON.stringify(placed.record.id)}; corrupt?)`)
    }
    heads[next] = following
  }
  const recordOf = (position: number) => shards[shardOf[position]!]!.recordAt(numbers[position]!, offsets[position]!, sizes[position]!)
  const found = findClusters(ids, table, (position) => recordOf(position).shingles, options)
  const duplicates = found.duplicates
    .map(({ document, decision }): MergedDuplicate => ({ id: ids[document]!, shard: shards[shardOf[document]!]!.path, source: recordOf(document).source, decision }))
    .sort((a, b) => byName(a.id, b.id))
  return {
    tool: 'neardup',
    version: VERSION,
    settings,
    shards: shards.map((shard) => ({ file: shard.path, documents: shard.header.documents })),
    stats: { documents: ids.length, clusters: found.clusters.length, duplicates: duplicates.length },
    clusters: found.clusters,
    duplicates,
  }
}
