/**
 * Which documents tell the same story, proved from their text (the near-duplicate clusters are
 * built later in the pipeline): two documents are copies of one story when most of the shorter
 * one's word 4-grams are also in the other (containment). A shared footer or a stock sentence is a
 * small part of either text and cannot make two stories one; an abridged copy still counts as one.
 */
import { radixSort } from '../radix.js'

/** Containment of word 4-grams at which two documents are copies of one story. */
export const SAME_STORY = 0.5
const SHINGLE = 4

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const SPACE = 32

// Scratch buffers shared by every call, grown to the largest line and document seen: a sketch
// allocates only its result.
let tokenHashes = new Uint32Array(1024)
let hashes = new Uint32Array(4096)

/**
 * Sorted, distinct shingle hashes of a document's lines (a typed array: thousands of documents stay
 * small). A shingle is SHINGLE consecutive space-separated tokens (as `key.split(' ')` cuts them);
 * a line of fewer tokens is one shingle of all of them. Each token is hashed once (FNV-1a of its
 * code units) and a shingle's hash is made of its tokens' hashes, so no character is read twice
 * and no token string is made, on a path that runs over every document.
 */
export function shingles(keys: readonly string[]): Uint32Array {
  let count = 0
  for (const key of keys) {
    // At most one token per code unit plus one, and one shingle per token.
    if (tokenHashes.length <= key.length) tokenHashes = new Uint32Array(2 * key.length + 1)
    if (hashes.length <= count + key.length) {
      const grown = new Uint32Array(2 * (count + key.length + 1))
      grown.set(hashes.subarray(0, count))
      hashes = grown
    }
    count = shingleKey(key, tokenHashes, hashes, count)
  }
  const sorted = hashes.subarray(0, count)
  radixSort(sorted)
  let n = 0
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!
  return sorted.slice(0, n)
}

/** Writes the shingle hashes of one line at `out[count]` on and returns the new count (buffers passed in, so that they stay local). */
function shingleKey(key: string, tokens: Uint32Array, out: Uint32Array, count: number): number {
  let n = 0
  let token = FNV_OFFSET
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i)
    if (code === SPACE) {
      tokens[n++] = token
      token = FNV_OFFSET
    } else token = Math.imul(token ^ code, FNV_PRIME)
  }
  tokens[n++] = token
  if (n < SHINGLE) out[count++] = shingleHash(tokens, 0, n)
  for (let i = 0; i + SHINGLE <= n; i++) out[count++] = shingleHash(tokens, i, SHINGLE)
  return count
}

/** The hash of `length` tokens from `start`: their hashes and their number, mixed (murmur3's finaliser). */
function shingleHash(tokens: Uint32Array, start: number, length: number): number {
  let h = length
  for (let k = start; k < start + length; k++) h = Math.imul(h ^ tokens[k]!, 0x5bd1e995) ^ (h >>> 15)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** |a ∩ b| / min(|a|, |b|), by merging two sorted arrays. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      shared++
      i++
      j++
    }
  }
  return shared / Math.min(a.length, b.length)
}

/** Merge steps between checks of whether the answer is known already. */
const CHECK_EVERY = 32

/**
 * `containment(a, b) >= threshold`, stopping as soon as the merge has decided it: once the shared
 * count reaches the threshold, or once even sharing every element left could not. Two different
 * stories (most pairs asked) are told apart about halfway through.
 */
export function containsAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  if (a.length === 0 || b.length === 0) return 0 >= threshold
  const smaller = Math.min(a.length, b.length)
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (shared / smaller >= threshold) return true
    if ((shared + Math.min(a.length - i, b.length - j)) / smaller < threshold) return false
    // Branch-free steps: which side moves is a coin toss the branch predictor cannot learn.
    for (let step = 0; step < CHECK_EVERY && i < a.length && j < b.length; step++) {
      const x = a[i]!
      const y = b[j]!
      shared += +(x === y)
      i += +(x <= y)
      j += +(y <= x)
    }
  }
  return shared / smaller >= threshold
}

/** Bytes of sketches kept at once: a few thousand documents' worth, whatever the corpus size. */
export const SKETCH_CACHE_BYTES = 32 * 1024 * 1024
/** Pair answers remembered at once (the memo is cleared when full: answers are cheap to redo). */
const ANSWER_CACHE_ENTRIES = 1 << 19

/**
 * Sketches by document number, least recently used evicted first once they pass a byte budget:
 * a sketch is made again from its document's lines when it is needed again.
 */
export class SketchCache {
  private readonly sketches = new Map<number, Uint32Array>()
  private heldBytes = 0

  constructor(
    private readonly make: (document: number) => Uint32Array,
    private readonly budget = SKETCH_CACHE_BYTES,
  ) {}

  get bytes(): number {
    return this.heldBytes
  }

  get(document: number): Uint32Array {
    let sketch = this.sketches.get(document)
    if (sketch) {
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.sketches.delete(document)
      this.sketches.set(document, sketch)
      return sketch
    }
    sketch = this.make(document)
    this.sketches.set(document, sketch)
    this.heldBytes += sketch.byteLength
    for (const [oldest, old] of this.sketches) {
      if (this.heldBytes <= this.budget || oldest === document) break
      this.sketches.delete(oldest)
      this.heldBytes -= old.byteLength
    }
    return sketch
  }

  /** Drops a document's sketch (its lines changed). */
  forget(document: number): void {
    const sketch = this.sketches.get(document)
    if (!sketch) return
    this.sketches.delete(document)
    this.heldBytes -= sketch.byteLength
  }
}

/**
 * Answers for unordered pairs of documents in typed arrays (open addressing): a pair key of two
 * document numbers is past 2^31 in a large block, and a Map of such keys spends longer hashing
 * boxed numbers than the containment test it saves. Cleared when full: answers are cheap to redo.
 */
export class PairMemo {
  private lows: Int32Array
  private highs: Int32Array
  /** 0 empty, 1 false, 2 true. */
  private answers: Uint8Array
  private count = 0

  /** `maxEntries`: a power of two; slots are kept at most half full. */
  constructor(private readonly maxEntries = ANSWER_CACHE_ENTRIES) {
    const slots = Math.min(1024, 2 * maxEntries)
    this.lows = new Int32Array(slots)
    this.highs = new Int32Array(slots)
    this.answers = new Uint8Array(slots)
  }

  private slot(low: number, high: number): number {
    const mask = this.answers.length - 1
    let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & mask
    while (this.answers[slot] !== 0 && (this.lows[slot] !== low || this.highs[slot] !== high)) slot = (slot + 1) & mask
    return slot
  }

  /** The answer for (a, b), or undefined. */
  get(a: number, b: number): boolean | undefined {
    const slot = this.slot(Math.min(a, b), Math.max(a, b))
    const answer = this.answers[slot]!
    return answer === 0 ? undefined : answer === 2
  }

  set(a: number, b: number, answer: boolean): void {
    const low = Math.min(a, b)
    const high = Math.max(a, b)
    let slot = this.slot(low, high)
    if (this.answers[slot] === 0) {
      if (2 * (this.count + 1) > this.answers.length) {
        if (this.answers.length >= 2 * this.maxEntries) this.clear()
        else this.grow()
        slot = this.slot(low, high)
      }
      this.count++
    }
    this.lows[slot] = low
    this.highs[slot] = high
    this.answers[slot] = answer ? 2 : 1
  }

  private clear(): void {
    this.answers.fill(0)
    this.count = 0
  }

  private grow(): void {
    const { lows, highs, answers } = this
    this.lows = new Int32Array(lows.length * 2)
    this.highs = new Int32Array(highs.length * 2)
    this.answers = new Uint8Array(answers.length * 2)
    for (let old = 0; old < answers.length; old++) {
      if (answers[old] === 0) continue
      const slot = this.slot(lows[old]!, highs[old]!)
      this.lows[slot] = lows[old]!
      this.highs[slot] = highs[old]!
      this.answers[slot] = answers[old]!
    }
  }
}

/**
 * Documents (by number) and their story sketches, held in a bounded cache and made on demand by
 * `sketch(document)` (which may read the document from disk); pair answers are memoised.
 */
export class StoryIndex {
  private readonly sketches: SketchCache
  private readonly answers = new PairMemo()

  constructor(sketch: (document: number) => Uint32Array, budget = SKETCH_CACHE_BYTES) {
    this.sketches = new SketchCache(sketch, budget)
  }

  sameStory(a: number, b: number): boolean {
    let same = this.answers.get(a, b)
    if (same === undefined) {
      same = containsAtLeast(this.sketches.get(a), this.sketches.get(b), SAME_STORY)
      this.answers.set(a, b, same)
    }
    return same
  }

  /**
   * Distinct stories among `count` documents (`documentAt(0..count-1)`), grouped greedily in that
   * order (callers pass id order, so the count does not depend on input order). Counting stops at
   * `cap`: past it the answer cannot change, and a footer in thousands of documents would cost
   * thousands of comparisons each.
   */
  countStories(count: number, documentAt: (k: number) => number, cap: number): number {
    const stories: number[] = []
    for (let k = 0; k < count; k++) {
      const document = documentAt(k)
      if (!stories.some((story) => this.sameStory(story, document))) stories.push(document)
      if (stories.length >= cap) break
    }
    return stories.length
  }
}
