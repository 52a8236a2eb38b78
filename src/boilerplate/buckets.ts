/**
 * The corpus step's first sweep, made as the line summaries arrive: most lines occur once, so a
 * bitmap of buckets (16 bits per line) marks which buckets were hit twice, and only lines in such
 * buckets can recur and enter the counting table (`corpus.ts`). Fed a document at a time while
 * pass 1 runs (the main thread waits on the workers then), the sweep is done by the time the step
 * starts. The bitmap is sized by the number of lines, which grows as documents come: past its
 * share it is made again at the size that share calls for, from the documents fed so far, so it
 * ends exactly as a sweep over all of them after the fact would make it (the same buckets, the
 * same bits); the sizes double, so each line is swept a few times at most.
 */
import { FLAGS, HAS_KEY, HAS_TEMPLATE, KEY, LINE_WORDS, RELATED_LINKS, TEMPLATE, type CorpusLines } from './lines.js'

/** Bits of bitmap per line counted. */
const BITS_PER_LINE = 16
const MIN_BUCKETS = 1024

export class LineBuckets {
  private readonly field: number
  private readonly hasKey: number
  private readonly fed: CorpusLines[] = []
  private lineTotal = 0
  private buckets = MIN_BUCKETS
  private hit = new Uint32Array(MIN_BUCKETS / 32)
  private again = new Uint32Array(MIN_BUCKETS / 32)

  /** `byTemplate`: lines are their templates' hashes (else their matching keys'). */
  constructor(readonly byTemplate: boolean) {
    this.field = byTemplate ? TEMPLATE : KEY
    this.hasKey = byTemplate ? HAS_TEMPLATE : HAS_KEY
  }

  /** Documents fed so far. */
  get documents(): number {
    return this.fed.length
  }

  /** Whether a paragraph's line is counted (it has a key of this kind and is not a related-links headline). */
  counted(flags: number): boolean {
    return (flags & this.hasKey) !== 0 && (flags & RELATED_LINKS) === 0
  }

  /** The sweep over documents already at hand (their lines counted first, so each is swept once). */
  static of(lines: readonly CorpusLines[], byTemplate: boolean): LineBuckets {
    const buckets = new LineBuckets(byTemplate)
    for (const { table: row } of lines) for (let at = 0; at < row.length; at += LINE_WORDS) if (buckets.counted(row[at + FLAGS]!)) buckets.lineTotal++
    buckets.resize()
    for (const document of lines) {
      buckets.fed.push(document)
      buckets.mark(document.table)
    }
    return buckets
  }

  /** Adds a document's lines (documents in the order of the `lines` the step will be given). */
  add(lines: CorpusLines): void {
    this.fed.push(lines)
    const row = lines.table
    for (let at = 0; at < row.length; at += LINE_WORDS) if (this.counted(row[at + FLAGS]!)) this.lineTotal++
    if (this.buckets >= this.lineTotal * BITS_PER_LINE) {
      this.mark(row)
      return
    }
    this.resize()
    for (const { table } of this.fed) this.mark(table)
  }

  /** Empty bitmaps of the size the lines counted call for. */
  private resize(): void {
    while (this.buckets < this.lineTotal * BITS_PER_LINE) this.buckets *= 2
    this.hit = new Uint32Array(this.buckets / 32)
    this.again = new Uint32Array(this.buckets / 32)
  }

  /** Whether the bucket of the line at `row[at]` was hit twice or more: only then can the line recur. */
  mayRecur(row: Uint32Array, at: number): boolean {
    const bucket = row[at + this.field]! & (this.buckets - 1)
    return (this.again[bucket >>> 5]! & (1 << (bucket & 31))) !== 0
  }

  private mark(row: Uint32Array): void {
    const mask = this.buckets - 1
    for (let at = 0; at < row.length; at += LINE_WORDS) {
      if (!this.counted(row[at + FLAGS]!)) continue
      const bucket = row[at + this.field]! & mask
      const bit = 1 << (bucket & 31)
      if ((this.hit[bucket >>> 5]! & bit) !== 0) this.again[bucket >>> 5] = this.again[bucket >>> 5]! | bit
      else this.hit[bucket >>> 5] = this.hit[bucket >>> 5]! | bit
    }
  }
}

/** The first sweeps of both corpus passes (exact lines, templates), fed a document at a time. */
export class CorpusBuckets {
  readonly repeat = new LineBuckets(false)
  readonly template = new LineBuckets(true)

  add(lines: CorpusLines): void {
    this.repeat.add(lines)
    this.template.add(lines)
  }
}
