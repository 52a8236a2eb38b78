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

export class AnchorIndex {
  private keys = new Uint32Array(1024)
  private items = new Uint32Array(1024)
  private count = 0

  /** Records an item's distinct anchors. */
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
    this.keys.set(anchors, this.count)
    this.items.fill(item, this.count, this.count + anchors.length)
    this.count += anchors.length
  }

  /**
   * Pairs (a < b) of items in different groups sharing at least `minShared` anchors; an anchor held
   * by more than `maxPosting` items is a stock phrase and counts for nothing. Sorted.
   */
  pairs(groupOf: Int32Array, minShared: number, maxPosting: number): Array<[number, number]> {
    const keys = this.keys.slice(0, this.count)
    const items = this.items.slice(0, this.count)
    radixSort(keys, items)
    const votes = new Map<number, number>()
    const span = groupOf.length
    for (let start = 0; start < keys.length; ) {
      let end = start + 1
      while (end < keys.length && keys[end] === keys[start]) end++
      if (end - start >= 2 && end - start <= maxPosting) {
        for (let x = start; x < end; x++) {
          for (let y = x + 1; y < end; y++) {
            const a = Math.min(items[x]!, items[y]!)
            const b = Math.max(items[x]!, items[y]!)
            if (groupOf[a] === groupOf[b]) continue
            const code = a * span + b
            votes.set(code, (votes.get(code) ?? 0) + 1)
          }
        }
      }
      start = end
    }
    const pairs: Array<[number, number]> = []
    for (const [code, shared] of votes) if (shared >= minShared) pairs.push([Math.floor(code / span), code % span])
    return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  }
}
