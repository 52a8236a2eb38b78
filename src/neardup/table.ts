/**
 * Cluster summaries kept column by column in typed arrays: about 125 bytes per document at the
 * defaults (28 band keys), plus the sketch (128 bytes) where summaries carry one, where an array of
 * summary objects each holding its own Uint32Array costs about 385 in V8 (measured at 100,000).
 * What `findClusters()` reads, and what a large run keeps resident.
 */
import type { ClusterSummary } from '../types.js'

export class ClusterSummaryTable {
  readonly bands: number
  private count = 0
  lengths: Uint32Array
  distinct: Uint32Array
  setHashes: Uint32Array
  /** 0 word shingles, 1 character shingles. */
  modes: Uint8Array
  /** `bands` keys per document, one row after another. */
  keys: Uint32Array
  /** `sketchLength` bytes per document (`ClusterSummary.sketch`): every row has one, or the table keeps none. */
  sketches: Uint8Array

  /** `sketchLength`: the sketches' length (numPerm), or 0 to keep none. */
  constructor(bands: number, capacity = 1024, readonly sketchLength = 0) {
    this.bands = bands
    const size = Math.max(1, capacity)
    this.lengths = new Uint32Array(size)
    this.distinct = new Uint32Array(size)
    this.setHashes = new Uint32Array(size)
    this.modes = new Uint8Array(size)
    this.keys = new Uint32Array(size * bands)
    this.sketches = new Uint8Array(size * sketchLength)
  }

  static from(summaries: readonly ClusterSummary[], bands: number): ClusterSummaryTable {
    const sketched = summaries.length > 0 && summaries.every((summary) => summary.sketch !== undefined && summary.sketch.length === summaries[0]!.sketch!.length)
    const table = new ClusterSummaryTable(bands, summaries.length, sketched ? summaries[0]!.sketch!.length : 0)
    for (const summary of summaries) table.add(summary)
    return table
  }

  get size(): number {
    return this.count
  }

  /** Appends a summary; returns its position. */
  add(summary: ClusterSummary): number {
    if (summary.bandKeys.length !== this.bands) throw new Error(`Expected ${this.bands} band keys, got ${summary.bandKeys.length}`)
    if (this.count === this.lengths.length) this.grow()
    const at = this.count
    this.lengths[at] = summary.length
    this.distinct[at] = summary.distinct
    this.setHashes[at] = summary.setHash
    this.modes[at] = summary.mode === 'char' ? 1 : 0
    this.keys.set(summary.bandKeys, at * this.bands)
    if (this.sketchLength > 0) {
      if (summary.sketch?.length !== this.sketchLength) throw new Error(`Expected a sketch of ${this.sketchLength} bytes, got ${summary.sketch?.length ?? 'none'}`)
      this.sketches.set(summary.sketch, at * this.sketchLength)
    }
    return this.count++
  }

  /** Resident bytes of the columns (capacity included). */
  get byteLength(): number {
    return this.lengths.byteLength + this.distinct.byteLength + this.setHashes.byteLength + this.modes.byteLength + this.keys.byteLength + this.sketches.byteLength
  }

  private grow(): void {
    const capacity = this.lengths.length * 2
    const copied = <T extends Uint32Array | Uint8Array>(old: T, fresh: T): T => {
      fresh.set(old)
      return fresh
    }
    this.lengths = copied(this.lengths, new Uint32Array(capacity))
    this.distinct = copied(this.distinct, new Uint32Array(capacity))
    this.setHashes = copied(this.setHashes, new Uint32Array(capacity))
    this.modes = copied(this.modes, new Uint8Array(capacity))
    this.keys = copied(this.keys, new Uint32Array(capacity * this.bands))
    this.sketches = copied(this.sketches, new Uint8Array(capacity * this.sketchLength))
  }
}
