/**
 * Which documents tell the same story, proved from their text (the near-duplicate clusters are
 * built later in the pipeline): two documents are copies of one story when most of the shorter
 * one's word 4-grams are also in the other (containment). A shared footer or a stock sentence is a
 * small part of either text and cannot make two stories one; an abridged copy still counts as one.
 */

/** Containment of word 4-grams at which two documents are copies of one story. */
export const SAME_STORY = 0.5
const SHINGLE = 4

/** 32-bit FNV-1a of `text.slice(start, end)`, without making the slice: shingles are compared as numbers. */
function hash(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * Sorted, distinct shingle hashes of a document's lines (a typed array: thousands of documents stay
 * small). A shingle is SHINGLE space-separated tokens, hashed in place from the line: no token
 * strings, on a path that runs over every document.
 */
export function shingles(keys: readonly string[]): Uint32Array {
  const out: number[] = []
  const bounds: number[] = [] // token i spans bounds[2i]..bounds[2i + 1], as key.split(' ') cuts it
  for (const key of keys) {
    bounds.length = 0
    let start = 0
    for (let i = 0; i <= key.length; i++) {
      if (i === key.length || key.charCodeAt(i) === 32) {
        bounds.push(start, i)
        start = i + 1
      }
    }
    const tokens = bounds.length / 2
    if (tokens < SHINGLE) out.push(hash(key))
    for (let i = 0; i + SHINGLE <= tokens; i++) out.push(hash(key, bounds[2 * i]!, bounds[2 * (i + SHINGLE) - 1]!))
  }
  const sorted = Uint32Array.from(out).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!
  return sorted.slice(0, n)
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
 * Documents (by number) and the lines each one still holds. Sketches live in a bounded cache and
 * are made from `lines` on demand (it may read the document from disk); pair answers are memoised.
 */
export class StoryIndex {
  private readonly sketches: SketchCache
  private readonly answers = new Map<number, boolean>()

  constructor(
    lines: (document: number) => readonly string[],
    private readonly size: number,
    budget = SKETCH_CACHE_BYTES,
  ) {
    this.sketches = new SketchCache((document) => shingles(lines(document)), budget)
  }

  /** The lines of `document` changed (a pass removed some): forget what was known of it. */
  changed(document: number): void {
    this.sketches.forget(document)
    this.answers.clear()
  }

  sameStory(a: number, b: number): boolean {
    const key = Math.min(a, b) * this.size + Math.max(a, b)
    let same = this.answers.get(key)
    if (same === undefined) {
      if (this.answers.size >= ANSWER_CACHE_ENTRIES) this.answers.clear()
      same = containment(this.sketches.get(a), this.sketches.get(b)) >= SAME_STORY
      this.answers.set(key, same)
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
