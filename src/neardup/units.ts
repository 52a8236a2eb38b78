/**
 * What shared passages are verified on: a paragraph and its long sentences (its units), each a
 * sorted set of word 3-gram hashes. Two paragraphs share a passage when a unit of one shares
 * MIN_SHARED 3-grams with a unit of the other, covering MIN_COVER of the shorter. `mayMatch` is a
 * cheap exact bound that rules most candidate pairs out before any sentence is split.
 */
import { normalize } from '../segment/normalize.js'
import { SentenceTokenizer } from './sentences.js'
import { distinctShingles, scanShingles, scratchShingles } from './shingle.js'
import { intersectionSize } from './verify.js'

/** Words a sentence or paragraph needs to count as a passage: shorter ones are common phrases. */
export const MIN_PASSAGE_WORDS = 10
export const SHINGLE = { ngram: 3, charNgram: 4 }
/** Verified: this many shared 3-grams, covering at least this share of the shorter passage. */
const MIN_SHARED = 8
const MIN_COVER = 0.5
/** MIN_COVER as whole weights for `denseWindow`: hit · HIT_WEIGHT ≥ miss · MISS_WEIGHT ⇔ hits ≥ MIN_COVER · (hits + misses). */
const HIT_WEIGHT = 1
const MISS_WEIGHT = 1
const ABBREVIATIONS = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'St.', 'Jr.', 'Sr.', 'vs.', 'e.g.', 'i.e.', 'U.S.', 'U.K.']

/** Words of a text that gave `count` 3-grams. */
export function wordsOf(count: number): number {
  return count + SHINGLE.ngram - 1
}

export function sentenceTokenizer(): SentenceTokenizer {
  return new SentenceTokenizer(ABBREVIATIONS)
}

/** One unit: `index` 0 is the paragraph itself, then its long sentences in order. */
export interface Unit {
  readonly index: number
  readonly text: string
  readonly shingles: Uint32Array
}

/** A paragraph's units merged: sorted distinct shingles, and per shingle the bits of the units holding it. */
interface UnitUnion {
  readonly shingles: Uint32Array
  readonly masks: Uint32Array
}


/** A candidate paragraph, loaded: its 3-grams now; its sentences only if a pair may match. */
export class ParagraphUnits {
  /** Sorted, distinct 3-grams of the whole paragraph. */
  readonly shingles: Uint32Array
  /** Per 3-gram in text order, its place r in `shingles`; −r − 1 after its first occurrence. */
  readonly sequence: Int32Array
  private units?: Unit[]
  private union?: UnitUnion

  constructor(
    /** The paragraph's number in the search. */
    readonly paragraph: number,
    readonly text: string,
    key: string,
    readonly words: number,
  ) {
    const count = scanShingles(key, 'word', SHINGLE)
    const inOrder = scratchShingles(count).slice()
    this.shingles = distinctShingles(count)
    this.sequence = new Int32Array(count)
    const seen = new Uint8Array(this.shingles.length)
    for (let p = 0; p < count; p++) {
      const rank = rankOf(this.shingles, inOrder[p]!)
      this.sequence[p] = seen[rank] ? -rank - 1 : rank
      seen[rank] = 1
    }
  }

  /** The paragraph and its long sentences (natural's tokenizer, run only for paragraphs that may match). */
  unitsOf(tokenizer: SentenceTokenizer): Unit[] {
    if (this.units === undefined) {
      const units: Unit[] = [{ index: 0, text: this.text, shingles: this.shingles }]
      // Only a paragraph long enough for two long sentences is worth splitting.
      const sentences = this.words >= 2 * MIN_PASSAGE_WORDS ? tokenizer.tokenize(this.text) : []
      for (const text of sentences.length > 1 ? sentences : []) {
        const shingles = distinctShingles(scanShingles(normalize(text), 'word', SHINGLE))
        if (wordsOf(shingles.length) >= MIN_PASSAGE_WORDS) units.push({ index: units.length, text, shingles })
      }
      this.units = units
    }
    return this.units
  }

  /**
   * The union of the units, sorted and distinct, with for each shingle the mask of the units
   * holding it: one merge of two paragraphs then counts |a ∩ b| for every pair of units at once,
   * instead of one merge per pair of units.
   */
  unionOf(units: readonly Unit[]): UnitUnion {
    if (this.union === undefined) {
      let shingles = new Uint32Array(0)
      let masks = new Uint32Array(0)
      units.forEach((unit, bit) => {
        const outShingles = new Uint32Array(shingles.length + unit.shingles.length)
        const outMasks = new Uint32Array(outShingles.length)
        let i = 0
        let j = 0
        let n = 0
        while (i < shingles.length || j < unit.shingles.length) {
          const x = i < shingles.length ? shingles[i]! : Infinity
          const y = j < unit.shingles.length ? unit.shingles[j]! : Infinity
          outShingles[n] = Math.min(x, y)
          outMasks[n++] = (x <= y ? masks[i++]! : 0) | (y <= x ? (j++, 1 << bit) : 0)
        }
        shingles = outShingles.subarray(0, n)
        masks = outMasks.subarray(0, n)
      })
      this.union = { shingles, masks }
    }
    return this.union
  }
}

function rankOf(sorted: Uint32Array, value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

// Reused by `mayMatch`: which 3-grams of each paragraph the other holds.
let hitsX = new Uint8Array(1024)
let hitsY = new Uint8Array(1024)

/**
 * False when no unit of `x` can match a unit of `y` (exact: never false for a pair that matches).
 * Units are runs of consecutive words, so a unit's 3-grams are a window of the paragraph's
 * sequence. A pair (a, b) with |a| ≤ |b| matches only if a window of x holds MIN_SHARED 3-grams of
 * y making MIN_COVER of its distinct 3-grams (|a ∩ b| ≤ |a ∩ y|), and the same from y's side when
 * |b| < |a|. Nine in ten candidate pairs share words but no dense run of them; this rules them out
 * without splitting sentences.
 */
export function mayMatch(x: ParagraphUnits, y: ParagraphUnits): boolean {
  if (hitsX.length < x.shingles.length) hitsX = new Uint8Array(x.shingles.length * 2)
  if (hitsY.length < y.shingles.length) hitsY = new Uint8Array(y.shingles.length * 2)
  hitsX.fill(0, 0, x.shingles.length)
  hitsY.fill(0, 0, y.shingles.length)
  let i = 0
  let j = 0
  let shared = 0
  while (i < x.shingles.length && j < y.shingles.length) {
    const a = x.shingles[i]!
    const b = y.shingles[j]!
    if (a < b) i++
    else if (a > b) j++
    else {
      hitsX[i++] = 1
      hitsY[j++] = 1
      shared++
    }
  }
  // A sentence's 3-grams are a subset of its paragraph's: too little shared here, nothing below.
  if (shared < MIN_SHARED) return false
  return denseWindow(x.sequence, hitsX) || denseWindow(y.sequence, hitsY)
}

/**
 * Whether some window of the sequence holds at least MIN_SHARED hits making at least MIN_COVER of
 * it. Counting errs only towards yes: a repeated hit counts again, a repeated miss does not count.
 * Prefix sums of hits and of the balance (hit: +HIT_WEIGHT, miss: −MISS_WEIGHT): a window (i, j]
 * qualifies when hits(j) − hits(i) ≥ MIN_SHARED and balance(j) ≥ balance(i); the starts i with
 * enough hits before j form a growing prefix, so one pass with the least balance among them does.
 */
function denseWindow(sequence: Int32Array, hits: Uint8Array): boolean {
  let hitCount = 0
  let balance = 0
  let start = 0
  let startHits = 0
  let startBalance = 0
  let least = 0x3fffffff
  for (let p = 0; p < sequence.length; p++) {
    const rank = sequence[p]!
    if (hits[rank < 0 ? -rank - 1 : rank] === 1) {
      hitCount++
      balance += HIT_WEIGHT
    } else if (rank >= 0) balance -= MISS_WEIGHT
    while (startHits <= hitCount - MIN_SHARED) {
      if (startBalance < least) least = startBalance
      const next = sequence[start++]!
      if (hits[next < 0 ? -next - 1 : next] === 1) {
        startHits++
        startBalance += HIT_WEIGHT
      } else if (next >= 0) startBalance -= MISS_WEIGHT
    }
    if (least <= balance) return true
  }
  return false
}

/** Units a paragraph can have for `verifyUnits`: one bit each in a 32-bit mask. */
const MAX_MASKED_UNITS = 32

/** Reused by `verifyUnits`: one count per pair of units, at most 32 × 32. */
const scratchCounts = new Uint32Array(MAX_MASKED_UNITS * MAX_MASKED_UNITS)

/** |a ∩ b| for every unit a of `x` (row) and b of `y` (column), from one merge of their unions. */
function sharedCounts(x: UnitUnion, y: UnitUnion, columns: number, counts: Uint32Array): void {
  let i = 0
  let j = 0
  while (i < x.shingles.length && j < y.shingles.length) {
    const a = x.shingles[i]!
    const b = y.shingles[j]!
    if (a < b) i++
    else if (a > b) j++
    else {
      for (let rows = x.masks[i]!; rows !== 0; rows &= rows - 1) {
        const row = 31 - Math.clz32(rows & -rows)
        for (let cols = y.masks[j]!; cols !== 0; cols &= cols - 1) counts[row * columns + 31 - Math.clz32(cols & -cols)]!++
      }
      i++
      j++
    }
  }
}

/**
 * Verifies every unit of `x` against every unit of `y` (in that order, which fixes the report's
 * ties), calling `match` for each pair sharing enough 3-grams.
 */
export function verifyUnits(x: ParagraphUnits, y: ParagraphUnits, tokenizer: SentenceTokenizer, match: (a: Unit, b: Unit) => void): void {
  const unitsX = x.unitsOf(tokenizer)
  const unitsY = y.unitsOf(tokenizer)
  const masked = unitsX.length <= MAX_MASKED_UNITS && unitsY.length <= MAX_MASKED_UNITS
  const counts = masked ? scratchCounts.subarray(0, unitsX.length * unitsY.length).fill(0) : scratchCounts.subarray(0, 0)
  if (masked) sharedCounts(x.unionOf(unitsX), y.unionOf(unitsY), unitsY.length, counts)
  for (let row = 0; row < unitsX.length; row++) {
    const a = unitsX[row]!
    for (let column = 0; column < unitsY.length; column++) {
      const b = unitsY[column]!
      const shared = masked ? counts[row * unitsY.length + column]! : intersectionSize(a.shingles, b.shingles)
      if (shared >= MIN_SHARED && shared >= MIN_COVER * Math.min(a.shingles.length, b.shingles.length)) match(a, b)
    }
  }
}
