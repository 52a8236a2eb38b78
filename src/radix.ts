/** Sorting 32-bit hashes, which every per-document sketch does once. */
let sortBuffer = new Uint32Array(4096)
const digitCounts = new Uint32Array(4 * 256)

/**
 * Sorts `keys` in place, ascending, by four passes of 8 bits (least significant first): for the few
 * hundred to few thousand hashes of a document, about 1.6 times as fast as `Uint32Array.sort`.
 * (Shingle sets of the near-duplicate stage and story sketches of the corpus step.)
 */
export function radixSort(keys: Uint32Array): void {
  const n = keys.length
  if (n < 64) {
    keys.sort()
    return
  }
  if (sortBuffer.length < n) sortBuffer = new Uint32Array(Math.max(n, 2 * sortBuffer.length))
  const other = sortBuffer
  const counts = digitCounts
  counts.fill(0)
  for (let i = 0; i < n; i++) {
    const key = keys[i]!
    counts[key & 255]!++
    counts[256 + ((key >>> 8) & 255)]!++
    counts[512 + ((key >>> 16) & 255)]!++
    counts[768 + (key >>> 24)]!++
  }
  for (let digit = 0; digit < 1024; digit += 256) {
    let sum = 0
    for (let j = digit; j < digit + 256; j++) {
      const count = counts[j]!
      counts[j] = sum
      sum += count
    }
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i]!
    other[counts[key & 255]!++] = key
  }
  for (let i = 0; i < n; i++) {
    const key = other[i]!
    keys[counts[256 + ((key >>> 8) & 255)]!++] = key
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i]!
    other[counts[512 + ((key >>> 16) & 255)]!++] = key
  }
  for (let i = 0; i < n; i++) {
    const key = other[i]!
    keys[counts[768 + (key >>> 24)]!++] = key
  }
}
