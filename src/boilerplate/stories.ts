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

/** Documents (by number) and the lines each one still holds; sketches and pair answers are computed once. */
export class StoryIndex {
  private readonly sketches = new Map<number, Uint32Array>()
  private readonly answers = new Map<number, boolean>()

  constructor(
    private readonly lines: (document: number) => readonly string[],
    private readonly size: number,
  ) {}

  private sketch(document: number): Uint32Array {
    let sketch = this.sketches.get(document)
    if (!sketch) this.sketches.set(document, (sketch = shingles(this.lines(document))))
    return sketch
  }

  sameStory(a: number, b: number): boolean {
    const key = Math.min(a, b) * this.size + Math.max(a, b)
    let same = this.answers.get(key)
    if (same === undefined) this.answers.set(key, (same = containment(this.sketch(a), this.sketch(b)) >= SAME_STORY))
    return same
  }

  /**
   * Distinct stories among these documents, grouped greedily in the order given (callers pass id
   * order, so the count does not depend on input order). Counting stops at `cap`: past it the
   * answer cannot change, and a footer in thousands of documents would cost thousands of comparisons each.
   */
  countStories(documents: readonly number[], cap: number): number {
    const stories: number[] = []
    for (const document of documents) {
      if (!stories.some((story) => this.sameStory(story, document))) stories.push(document)
      if (stories.length >= cap) break
    }
    return stories.length
  }
}
