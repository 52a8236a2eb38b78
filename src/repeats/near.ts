/**
 * Near-exact copies: the same paragraph with a word or two changed, or with different punctuation.
 *
 * Paragraphs are compared as sequences of words (letters and digits only, so quotes, dashes and
 * other punctuation never count). Two paragraphs are near-exact when the word edit distance d
 * (insert, delete, replace one word) is at most MAX_WORD_EDITS and the similarity 1 - d / words
 * (words of the longer one) reaches the threshold (`repeats.threshold`, 0.9 by default). The cap on
 * edits keeps apart two paragraphs that share a long quote but attribute it differently: "…, said
 * Smith." and "… Smith added later." differ by three words however long the quote is.
 *
 * Candidates come from an index of word pairs, so a paragraph is compared with the few earlier
 * ones that share its wording, never with all of them.
 */
import { CodeUnitClass } from '../codeunits.js'

/** More word edits than this is a different paragraph, however long. */
const MAX_WORD_EDITS = 2
/** Word pairs kept per paragraph for the index: the ones with the smallest hashes (a bottom-k sketch). */
const SKETCH_SIZE = 6
/** A word pair's list of paragraphs stops growing here: a pair that common ("of the") proves little. */
const MAX_POSTINGS = 32
/** Sketch pairs a candidate must share (fewer only when the paragraph has fewer). */
const MIN_SHARED_PAIRS = 2
/** Candidates verified per paragraph, those sharing most word pairs first. */
const MAX_CANDIDATES = 4

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
/** Letters and digits: what words are made of. */
const WORD_UNITS = new CodeUnitClass(/[\p{L}\p{N}]/u, (code) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90))

// Word hashes of the last key scanned (`scanWords`), grown to the longest key seen: a sketch allocates only its result.
let scratch = new Int32Array(1024)

/** Writes the word hashes of `key` into `scratch` and returns how many (see `words`). */
function scanWords(key: string): number {
  if (scratch.length < (key.length >> 1) + 1) scratch = new Int32Array(2 * ((key.length >> 1) + 1))
  const out = scratch
  let count = 0
  let hash = FNV_OFFSET
  let inWord = false
  const length = key.length
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i)
    if (WORD_UNITS.has(code)) {
      hash = Math.imul(hash ^ code, FNV_PRIME)
      inWord = true
    } else if (code === 32 && inWord) {
      out[count++] = hash
      hash = FNV_OFFSET
      inWord = false
    }
  }
  // The end of the key ends its last word, as a space would.
  if (inWord) out[count++] = hash
  return count
}

/** The words of a key (letters and digits; punctuation and quotes dropped), each as a 32-bit FNV-1a hash. */
export function words(key: string): Int32Array {
  const count = scanWords(key) // first: it may grow `scratch`
  return scratch.slice(0, count)
}

/** Word edit distance, or Infinity when it exceeds `max` (a band of width 2·max around the diagonal). */
export function wordEditDistance(a: ArrayLike<number>, b: ArrayLike<number>, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity
  // Two rows of the table; cells outside the band stay "too far" (max + 1).
  let previous = new Int32Array(b.length + 1)
  let current = new Int32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, max + 1)
  for (let i = 1; i <= a.length; i++) {
    current.fill(max + 1)
    current[0] = Math.min(i, max + 1)
    let best = current[0]!
    const from = Math.max(1, i - max)
    const to = Math.min(b.length, i + max)
    for (let j = from; j <= to; j++) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      const cell = Math.min(replace, previous[j]! + 1, current[j - 1]! + 1, max + 1)
      current[j] = cell
      if (cell < best) best = cell
    }
    if (best > max) return Infinity
    ;[previous, current] = [current, previous]
  }
  const distance = previous[b.length]!
  return distance <= max ? distance : Infinity
}

const NUMBER = /\d+(?:[.,:]\d+)*/g

/**
 * The numbers of a key, in order. A copy may differ in quotes, spacing or a word, but two lines
 * that differ in a number ("Line 7 of …" / "Line 8 of …", "rose 3%" / "rose 5%") say different
 * things: they are never near-exact copies, however few words apart.
 */
export function numbersOf(key: string): string {
  return (key.match(NUMBER) ?? []).join(' ')
}

export interface Sketch {
  /** The smallest word-pair hashes, ascending. */
  readonly pairs: readonly number[]
  /** Words in the paragraph. */
  readonly words: number
}

export interface NearMatch {
  readonly unit: number
  /** 1 - word edits / words of the longer paragraph. */
  readonly similarity: number
}

export class NearIndex {
  private readonly postings = new Map<number, number[]>()
  private readonly entries = new Map<number, { readonly key: string; readonly words: number; tokens?: Int32Array; numbers?: string }>()

  constructor(private readonly threshold: number) {}

  add(unit: number, key: string, sketched: Sketch): void {
    this.entries.set(unit, { key, words: sketched.words })
    for (const pair of sketched.pairs) {
      const list = this.postings.get(pair)
      if (list === undefined) this.postings.set(pair, [unit])
      else if (list.length < MAX_POSTINGS) list.push(unit)
    }
  }

  /** The most similar earlier unit at or above the threshold (the earliest on ties), or null. */
  find(key: string, sketched: Sketch): NearMatch | null {
    const hits = new Map<number, number>()
    for (const pair of sketched.pairs) {
      for (const unit of this.postings.get(pair) ?? []) hits.set(unit, (hits.get(unit) ?? 0) + 1)
    }
    // A copy a word or two apart shares most of its sketch; one shared pair ("of the") is chance.
    const enough = Math.min(MIN_SHARED_PAIRS, sketched.pairs.length)
    const candidates = [...hits]
      .filter(([unit, shared]) => shared >= enough && Math.abs(this.entries.get(unit)!.words - sketched.words) <= MAX_WORD_EDITS)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, MAX_CANDIDATES)
    if (candidates.length === 0) return null
    const tokens = words(key)
    const numbers = numbersOf(key)
    let best: NearMatch | null = null
    for (const [unit] of candidates) {
      const entry = this.entries.get(unit)!
      if ((entry.numbers ??= numbersOf(entry.key)) !== numbers) continue
      const other = (entry.tokens ??= words(entry.key))
      const longest = Math.max(other.length, tokens.length)
      const allowed = Math.min(MAX_WORD_EDITS, Math.floor((1 - this.threshold) * longest + 1e-9))
      const distance = wordEditDistance(other, tokens, allowed)
      if (distance === Infinity) continue
      const similarity = 1 - distance / longest
      if (best === null || similarity > best.similarity || (similarity === best.similarity && unit < best.unit)) {
        best = { unit, similarity }
      }
    }
    return best
  }
}

/** The sketch being made (`sketch`): ascending, SKETCH_SIZE at most; only the result is allocated. */
const bottom = new Int32Array(SKETCH_SIZE)

/**
 * The SKETCH_SIZE smallest hashes of the key's word pairs, in one pass over its characters. Two
 * paragraphs a few words apart share most of their pairs, so they share some of their smallest too.
 */
export function sketch(key: string): Sketch {
  const count = scanWords(key)
  const hashes = scratch
  let size = 0
  for (let i = 1; i < count; i++) size = insert(bottom, size, Math.imul(hashes[i - 1]! ^ 0x9e3779b9, 0x85ebca6b) ^ hashes[i]!)
  const pairs = new Array<number>(size)
  for (let i = 0; i < size; i++) pairs[i] = bottom[i]!
  return { pairs, words: count }
}

/** Puts `value` among the `size` ascending distinct values of `sorted` (dropping the largest past SKETCH_SIZE); returns the new size. */
function insert(sorted: Int32Array, size: number, value: number): number {
  if (size === SKETCH_SIZE && value >= sorted[SKETCH_SIZE - 1]!) return size
  let at = size
  while (at > 0 && sorted[at - 1]! > value) at--
  if (at > 0 && sorted[at - 1] === value) return size
  for (let j = size < SKETCH_SIZE ? size : SKETCH_SIZE - 1; j > at; j--) sorted[j] = sorted[j - 1]!
  sorted[at] = value
  return size < SKETCH_SIZE ? size + 1 : size
}
