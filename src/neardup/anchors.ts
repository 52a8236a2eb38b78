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

/**
 * Items and their anchors; `forEachPair` finds the items sharing several. Memory stays linear in
 * the anchors: votes are counted for one item at a time in a typed array, never one entry per pair
 * of items (a Map of pairs outgrew V8's Map limit at 100,000 documents).
 */
export class AnchorIndex {
  private keys = new Uint32Array(1024)
  private items = new Uint32Array(1024)
  private count = 0
  /** Per `add` call: its item and where its anchors start (they end where the next call's start). */
  private readonly calls: Array<{ item: number; start: number }> = []

  /** Records an item's distinct anchors; each item is added once. */
  add(item: number, anchors: Uint32Array): void {
    if (this.count + anchors.length > this.keys.length) {
      const size = Math.max(this.keys.length * 2, this.count + anchors.length)
      const keys = new Uint32Array(size)
      const items = new Uint32Array(size)
      keys.set(this.keys.subarray(0, this.count))
      items.set(this.items.subarray(0, this.count))
      this.keys = keys
      this.items = items
    }
    this.calls.push({ item, start: this.count })
    this.keys.set(anchors, this.count)
    this.items.fill(item, this.count, this.count + anchors.length)
    this.count += anchors.length
  }

  /**
   * Postings of the anchors held by 2 to `maxPosting` items: `postingOf[entry]` is the posting of an
   * entry's anchor (−1 for none), whose items are `items[starts[p]..starts[p + 1])`. An anchor held
   * by more items is text that recurs that widely (a stock phrase, a footer, junk), not a passage
   * two stories share; skipping it bounds the work per item by `maxPosting` per anchor.
   */
  private postings(maxPosting: number): { postingOf: Int32Array; starts: Uint32Array; items: Uint32Array } {
    const keys = this.keys.slice(0, this.count)
    const entries = new Uint32Array(this.count)
    for (let i = 0; i < entries.length; i++) entries[i] = i
    radixSort(keys, entries)
    const postingOf = new Int32Array(this.count).fill(-1)
    const starts: number[] = [0]
    const items = new Uint32Array(this.count)
    let filled = 0
    for (let start = 0; start < keys.length; ) {
      let end = start + 1
      while (end < keys.length && keys[end] === keys[start]) end++
      if (end - start >= 2 && end - start <= maxPosting) {
        for (let p = start; p < end; p++) {
          postingOf[entries[p]!] = starts.length - 1
          items[filled++] = this.items[entries[p]!]!
        }
        starts.push(filled)
      }
      start = end
    }
    return { postingOf, starts: Uint32Array.from(starts), items: items.subarray(0, filled) }
  }

  /**
   * Visits the pairs (a < b) of items in different groups sharing at least `minShared` anchors,
   * in order of a then b; an anchor held by more than `maxPosting` items counts for nothing.
   */
  forEachPair(groupOf: Int32Array, minShared: number, maxPosting: number, visit: (a: number, b: number) => void): void {
    const { postingOf, starts, items } = this.postings(maxPosting)
    const calls = [...this.calls.entries()].sort((x, y) => x[1].item - y[1].item)
    const votes = new Uint32Array(groupOf.length)
    const touched: number[] = []
    for (const [call, { item: a, start }] of calls) {
      const end = call + 1 < this.calls.length ? this.calls[call + 1]!.start : this.count
      for (let entry = start; entry < end; entry++) {
        const posting = postingOf[entry]!
        if (posting < 0) continue
        for (let p = starts[posting]!; p < starts[posting + 1]!; p++) {
          const b = items[p]!
          if (b <= a || groupOf[a] === groupOf[b]) continue
          if (votes[b] === 0) touched.push(b)
          votes[b] = votes[b]! + 1
        }
      }
      touched.sort((x, y) => x - y)
      for (const b of touched) {
        if (votes[b]! >= minShared) visit(a, b)
        votes[b] = 0
      }
      touched.length = 0
    }
  }
}
