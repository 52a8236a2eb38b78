/**
 * The passage search's anchors dealt into hash partitions in one scan and read back a partition at
 * a time: the search indexes one partition per pass, so that at most about a partition's anchors
 * are sorted at once. Dealing them once replaced a scan of every document's summary (a spool read
 * and a filter of every anchor) per partition: at 100,000 documents, five partitions, that was 30
 * seconds of the main thread with the workers idle.
 *
 * Records are words [paragraph, count, ...anchors], in the order they were added. They are kept in
 * files under a folder (a spool's), so that the corpus's anchors are never all in memory; in memory
 * when no folder is given (a search over documents already in memory), or when there is one
 * partition (it holds no more anchors than the search sorts at once anyway).
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { U32List } from '../u32list.js'
import { partitionOf } from './anchors.js'

/** Words buffered per partition file before a write. */
const FILE_BUFFER_WORDS = 1 << 16

let folderUses = 0

interface PartitionFile {
  readonly path: string
  fd: number
  readonly buffer: Uint32Array
  used: number
}

export class AnchorPartitions {
  private readonly lists: U32List[] = []
  private readonly files: PartitionFile[] = []
  /** Per anchor of the paragraph being dealt, its partition; per partition, how many of them. */
  private partOf = new Uint32Array(256)
  private readonly counts: Uint32Array

  constructor(
    readonly count: number,
    folder?: string,
  ) {
    this.counts = new Uint32Array(count)
    if (folder === undefined || count === 1) {
      for (let p = 0; p < count; p++) this.lists.push(new U32List())
      return
    }
    const use = folderUses++
    for (let p = 0; p < count; p++) {
      const path = join(folder, `anchors-${process.pid}-${use}-${p}`)
      this.files.push({ path, fd: openSync(path, 'w'), buffer: new Uint32Array(FILE_BUFFER_WORDS), used: 0 })
    }
  }

  /** Deals a paragraph's anchors into their partitions (paragraphs in ascending order). */
  add(paragraph: number, anchors: Uint32Array): void {
    if (this.partOf.length < anchors.length) this.partOf = new Uint32Array(anchors.length * 2)
    const { partOf, counts } = this
    counts.fill(0)
    for (let k = 0; k < anchors.length; k++) counts[(partOf[k] = partitionOf(anchors[k]!, this.count))]!++
    for (let p = 0; p < this.count; p++) {
      if (counts[p] === 0) continue
      this.push(p, paragraph)
      this.push(p, counts[p]!)
      for (let k = 0; k < anchors.length; k++) if (partOf[k] === p) this.push(p, anchors[k]!)
    }
  }

  /** Partition `p`'s paragraphs with their anchors of that partition, in order; its file is removed after. */
  forEach(p: number, visit: (paragraph: number, anchors: Uint32Array) => void): void {
    const words = this.read(p)
    for (let at = 0; at < words.length; ) {
      const count = words[at + 1]!
      visit(words[at]!, words.subarray(at + 2, at + 2 + count))
      at += 2 + count
    }
  }

  /** Removes whatever files are left (after an error part-way). */
  dispose(): void {
    for (const file of this.files) {
      if (file.fd >= 0) closeSync(file.fd)
      file.fd = -1
      rmSync(file.path, { force: true })
    }
  }

  private push(p: number, word: number): void {
    if (this.files.length === 0) {
      this.lists[p]!.push(word)
      return
    }
    const file = this.files[p]!
    if (file.used === file.buffer.length) this.flush(file)
    file.buffer[file.used++] = word
  }

  private flush(file: PartitionFile): void {
    writeSync(file.fd, file.buffer, 0, file.used * 4)
    file.used = 0
  }

  private read(p: number): Uint32Array {
    if (this.files.length === 0) return this.lists[p]!.toArray()
    const file = this.files[p]!
    this.flush(file)
    closeSync(file.fd)
    file.fd = -1
    const bytes = readFileSync(file.path)
    rmSync(file.path, { force: true })
    // A Uint32Array needs an offset that is a multiple of 4 (a small read may sit in Buffer's pool).
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes)
    return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4)
  }
}
