/**
 * Winnowing anchors (Schleimer, Wilkerson & Aiken 2003) and an index that finds the items sharing
 * several of them. The smallest hash of every window of `window` consecutive shingles is kept, so
 * two texts sharing a run of window + n − 1 words share at least one anchor. Postings are two typed
 * arrays radix-sorted by anchor, not a Map of arrays: linear time, no garbage per anchor.
 */

/** Sorted, distinct anchors of a shingle sequence. */
export function winnow(hashes: Uint32Array, window: number): Uint32Array {
  const anchors: number[] = []
  let last = -1
  const starts = Math.max(1, hashes.length - window + 1)
  for (let start = 0; start < starts; start++) {
    let best = -1
    for (let k = start; k < Math.min(start + window, hashes.length); k++) if (best === -1 || hashes[k]! <= hashes[best]!) best = k
    if (best !== -1 && best !== last) anchors.push(hashes[best]!)
    last = best
  }
  const sorted = Uint32Array.from(anchors).sort()
  let distinct = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!
  return sorted.subarray(0, distinct)
}

/** Sorts `keys` ascending, carrying `values` along: LSD radix sort in two 16-bit passes. */
function radixSort(keys: Uint32Array, values: Uint32Array): void {
  const n = keys.length
  const otherKeys = new Uint32Array(n)
  const otherValues = new Uint32Array(n)
  const counts = new Uint32Array(65537)
  for (const shift of [0, 16]) {
    const [fromKeys, fromValues, toKeys, toValues] = shift === 0 ? [keys, values, otherKeys, otherValues] : [otherKeys, otherValues, keys, values]
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[((fromKeys[i]! >>> shift) & 0xffff) + 1]!++
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!
    for (let i = 0; i < n; i++) {
      const slot = counts[(fromKeys[i]! >>> shift) & 0xffff]!++
      toKeys[slot] = fromKeys[i]!
      toValues[slot] = fromValues[i]!
    }
  }
}

/** Ends each posting in the arrays `keptPostings` returns. */
const END = 0xffffffff

/**
 * Items and their anchors (all of them, or one hash partition of them); `keptPostings` gives the
 * postings that can pair anything. Items are numbered densely from 0.
 */
export class AnchorIndex {
  private keys = new Uint32Array(1024)
  private items = new Uint32Array(1024)
  private count = 0
  private last = -1

  /** Records an item's distinct anchors; items are added once each, in ascending order. */
  add(item: number, anchors: Uint32Array): void {
    if (item <= this.last) throw new Error(`AnchorIndex.add: item ${item} after item ${this.last}`)
    if (this.count + anchors.length > this.keys.length) {
      const size = Math.max(this.keys.length * 2, this.count + anchors.length)
      const keys = new Uint32Array(size)
      const items = new Uint32Array(size)
      keys.set(this.keys.subarray(0, this.count))
      items.set(this.items.subarray(0, this.count))
      this.keys = keys
      this.items = items
    }
    this.last = item
    this.keys.set(anchors, this.count)
    this.items.fill(item, this.count, this.count + anchors.length)
    this.count += anchors.length
  }

  /** One more than the last item added. */
  get size(): number {
    return this.last + 1
  }

  /**
   * The postings of the anchors held by 2 to `maxPosting` items of at least two groups, each
   * followed by END, items ascending (the sort is stable and items come in ascending order). An
   * anchor held by more items is text that recurs that widely (a stock phrase, a footer, junk), not
   * a passage two stories share; skipping it bounds the work per item by `maxPosting` per anchor.
   * An anchor held inside one group only (a story and its copies) can never pair anything.
   */
  keptPostings(groupOf: Int32Array, maxPosting: number): Uint32Array {
    const keys = this.keys.subarray(0, this.count)
    const items = this.items.subarray(0, this.count)
    radixSort(keys, items)
    const kept = (start: number, end: number): boolean => {
      if (end - start < 2 || end - start > maxPosting) return false
      for (let p = start + 1; p < end; p++) if (groupOf[items[p]!] !== groupOf[items[start]!]) return true
      return false
    }
    let length = 0
    for (let pass = 0; pass < 2; pass++) {
      const out = pass === 1 ? new Uint32Array(length) : undefined
      let filled = 0
      for (let start = 0; start < keys.length; ) {
        let end = start + 1
        while (end < keys.length && keys[end] === keys[start]) end++
        if (kept(start, end)) {
          if (out) {
            out.set(items.subarray(start, end), filled)
            out[filled + end - start] = END
          }
          filled += end - start + 1
        }
        start = end
      }
      if (out) return out
      length = filled
    }
    throw new Error('unreachable')
  }

  /** `PairIndex` over this index's kept postings: see `PairIndex.forEachPair`. */
  forEachPair(groupOf: Int32Array, minShared: number, maxPosting: number, visit: (a: number, b: number) => void): void {
    new PairIndex(groupOf.length, [this.keptPostings(groupOf, maxPosting)]).forEachPair(groupOf, minShared, visit)
  }
}

/**
 * Kept postings (of one or several partitions) and, per item, where it appears in them: memory is
 * linear in the kept entries, and votes are counted for one item at a time in a typed array, never
 * one entry per pair of items (a Map of pairs outgrew V8's Map limit at 100,000 documents).
 */
export class PairIndex {
  private readonly postings: Uint32Array
  /** Item i's places in `postings` are `places[starts[i] .. starts[i + 1]]`. */
  private readonly starts: Uint32Array
  private readonly places: Uint32Array

  /** Takes the parts over: each is dropped from `parts` once copied, so they are not held twice. */
  constructor(
    private readonly items: number,
    parts: Uint32Array[],
  ) {
    this.postings = new Uint32Array(parts.reduce((sum, part) => sum + part.length, 0))
    let offset = 0
    parts.forEach((part, k) => {
      this.postings.set(part, offset)
      offset += part.length
      parts[k] = new Uint32Array(0)
    })
    this.starts = new Uint32Array(items + 1)
    for (const item of this.postings) if (item !== END) this.starts[item + 1]!++
    for (let i = 0; i < items; i++) this.starts[i + 1]! += this.starts[i]!
    this.places = new Uint32Array(this.starts[items]!)
    const cursor = this.starts.slice(0, items)
    this.postings.forEach((item, place) => {
      if (item !== END) this.places[cursor[item]!++] = place
    })
  }

  /**
   * Visits the pairs (a < b) of items in different groups sharing at least `minShared` anchors
   * of the kept postings, in order of a then b.
   */
  forEachPair(groupOf: Int32Array, minShared: number, visit: (a: number, b: number) => void): void {
    for (const { a, partners } of this.partnersInOrder(groupOf, minShared)) for (const b of partners) visit(a, b)
  }

  /**
   * `forEachPair` one item at a time: for each item a with a partner, the items b > a it pairs
   * with, ascending (`partners` is reused: read it before the next step). A caller can stop or
   * pause between items, as the passage search does to hand blocks of pairs to threads.
   */
  *partnersInOrder(groupOf: Int32Array, minShared: number): Generator<{ readonly a: number; readonly partners: Uint32Array }> {
    const votes = new Uint32Array(this.items)
    const touched = new Uint32Array(this.items)
    const partners = new Uint32Array(this.items)
    for (let a = 0; a < this.items; a++) {
      const group = groupOf[a]
      let touchedCount = 0
      for (let k = this.starts[a]!; k < this.starts[a + 1]!; k++) {
        // Later items of the posting only: each pair is counted once, from its smaller item.
        for (let p = this.places[k]! + 1; this.postings[p] !== END; p++) {
          const b = this.postings[p]!
          if (groupOf[b] === group) continue
          if (votes[b] === 0) touched[touchedCount++] = b
          votes[b] = votes[b]! + 1
        }
      }
      let count = 0
      for (const b of touched.subarray(0, touchedCount).sort()) {
        if (votes[b]! >= minShared) partners[count++] = b
        votes[b] = 0
      }
      if (count > 0) yield { a, partners: partners.subarray(0, count) }
    }
  }
}

/** murmur3's finaliser: anchors are minima of their windows, so their low bits are not spread. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Which of `partitions` hash partitions an anchor is indexed in. */
export function partitionOf(anchor: number, partitions: number): number {
  return mix(anchor, 0x2545f491) % partitions
}

/**
 * A fixed-size counting filter (count-min, two hashes, 2-bit saturating counters, conservative
 * update) over anchors: after every paragraph's anchors are added, `mayRecur` is false only for an
 * anchor added at most once. Estimates never fall below true counts, so an anchor it drops is one
 * no two paragraphs share: it could never pair anything, and the index need not hold it.
 */
export class AnchorFilter {
  private readonly counters: Uint8Array
  private readonly mask: number

  /** `slots` is rounded up to a power of two, 4 counters a byte. */
  constructor(slots: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(slots, 64)))
    this.counters = new Uint8Array(size / 4)
    this.mask = size - 1
  }

  /** Bytes the counters take. */
  get bytes(): number {
    return this.counters.length
  }

  private get(slot: number): number {
    return (this.counters[slot >>> 2]! >>> ((slot & 3) * 2)) & 3
  }

  private bump(slot: number): void {
    this.counters[slot >>> 2]! += 1 << ((slot & 3) * 2)
  }

  /** Counts each of `anchors` once (a paragraph's anchors are distinct). */
  add(anchors: Uint32Array): void {
    for (let k = 0; k < anchors.length; k++) {
      const first = mix(anchors[k]!, 0x9e3779b9) & this.mask
      const second = mix(anchors[k]!, 0x7f4a7c15) & this.mask
      const a = this.get(first)
      const b = this.get(second)
      const least = Math.min(a, b)
      if (least >= 2) continue // "two or more" is all that is asked
      if (a === least) this.bump(first)
      if (b === least && second !== first) this.bump(second)
    }
  }

  /** False only for an anchor added at most once. */
  mayRecur(anchor: number): boolean {
    return Math.min(this.get(mix(anchor, 0x9e3779b9) & this.mask), this.get(mix(anchor, 0x7f4a7c15) & this.mask)) >= 2
  }

  /** The anchors that may recur, in order (a copy). */
  recurring(anchors: Uint32Array): Uint32Array {
    return anchors.filter((anchor) => this.mayRecur(anchor))
  }
}
