/**
 * What shared passages are verified on: a paragraph and its long sentences (its units), each a
 * sorted set of word 3-gram hashes. Two paragraphs share a passage when a unit of one shares
 * MIN_SHARED 3-grams with a unit of the other, covering MIN_COVER of the shorter. `mayMatch` is a
 * cheap exact bound that rules most candidate pairs out before any sentence is split; once both
 * paragraphs are split, every unit pair is counted exactly in one pass of hash lookups (`PairTester`).
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

/** A paragraph's units merged: their distinct 3-grams (in no order) and, per 3-gram, the units holding it (one bit each). */
export interface UnitUnion {
  readonly shingles: Uint32Array
  readonly masks: Uint32Array
}

/** Builds unions (`ParagraphUnits.unionOf`). */
const unionTable = (): HashTable => (scratchTable ??= new HashTable())
let scratchTable: HashTable | undefined

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

  /** Whether the sentences are split already (`unitsOf`). */
  get split(): boolean {
    return this.units !== undefined
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
   * The union of the units (at most MAX_MASKED_UNITS: undefined past that) with, per 3-gram, the
   * mask of the units holding it: one pass over the other paragraph's union then counts |a ∩ b|
   * for every pair of units at once.
   */
  unionOf(tokenizer: SentenceTokenizer): UnitUnion | undefined {
    const units = this.unitsOf(tokenizer)
    if (units.length > MAX_MASKED_UNITS) return undefined
    if (this.union === undefined) {
      const table = unionTable()
      table.clear(units.reduce((sum, unit) => sum + unit.shingles.length, 0))
      units.forEach((unit, bit) => {
        for (let k = 0; k < unit.shingles.length; k++) table.or(unit.shingles[k]!, 1 << bit)
      })
      this.union = table.entries()
    }
    return this.union
  }
}

/** Units a paragraph can have for the masked count of `PairTester.verify`: one bit each in a 32-bit mask. */
const MAX_MASKED_UNITS = 32

/**
 * Open addressing over 32-bit hashes (already mixed: their low bits index it), each to a non-zero
 * 32-bit value. Clearing is one step: a slot is filled only if its stamp is the current generation.
 */
class HashTable {
  keys = new Uint32Array(0)
  values = new Uint32Array(0)
  stamps = new Uint32Array(0)
  generation = 0
  mask = 0
  size = 0

  /** Empties the table, sized for `entries` keys at most half full. */
  clear(entries: number): void {
    const size = Math.max(64, 2 ** Math.ceil(Math.log2(2 * entries)))
    if (size > this.keys.length) {
      this.keys = new Uint32Array(size)
      this.values = new Uint32Array(size)
      this.stamps = new Uint32Array(size)
      this.generation = 0
    }
    this.mask = size - 1
    this.size = 0
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0)
      this.generation = 1
    }
  }

  /** ORs `bits` into the key's value (0 if absent). */
  or(key: number, bits: number): void {
    let i = key & this.mask
    while (this.stamps[i] === this.generation && this.keys[i] !== key) i = (i + 1) & this.mask
    if (this.stamps[i] !== this.generation) {
      this.size++
      this.stamps[i] = this.generation
      this.keys[i] = key
      this.values[i] = 0
    }
    this.values[i]! |= bits
  }

  /** The key's value, 0 if absent. */
  get(key: number): number {
    let i = key & this.mask
    while (this.stamps[i] === this.generation) {
      if (this.keys[i] === key) return this.values[i]!
      i = (i + 1) & this.mask
    }
    return 0
  }

  /** The keys and their values, in slot order. */
  entries(): UnitUnion {
    const shingles = new Uint32Array(this.size)
    const masks = new Uint32Array(this.size)
    let n = 0
    for (let i = 0; i <= this.mask; i++) {
      if (this.stamps[i] !== this.generation) continue
      shingles[n] = this.keys[i]!
      masks[n++] = this.values[i]!
    }
    return { shingles, masks }
  }
}

/** Bits of the filter `PairTester` checks before a lookup (indexed by a hash's top 12 bits): few of a partner's 3-grams are in x. */
const FILTER_BITS = 4096

/**
 * Verifies paragraphs against one paragraph `x` at a time: x's units go into a hash table once
 * (with a bit filter in front, as most 3-grams of a partner are not in x), so each partner costs
 * a lookup per 3-gram of its own units' union. A block's pairs come grouped by their first
 * paragraph (see `PassageSearch.blocks`), so one table serves a whole run of partners.
 */
export class PairTester {
  private x?: ParagraphUnits
  /** x's units' 3-grams → the units holding them. */
  private readonly table = new HashTable()
  private readonly filter = new Int32Array(FILTER_BITS / 32)
  private readonly counts = new Uint32Array(MAX_MASKED_UNITS * MAX_MASKED_UNITS)

  /**
   * Verifies every unit of `x` against every unit of `y` (in that order, which fixes the report's
   * ties), calling `match` for each pair sharing enough 3-grams: at least MIN_SHARED, covering
   * MIN_COVER of the shorter unit.
   */
  verify(x: ParagraphUnits, y: ParagraphUnits, tokenizer: SentenceTokenizer, match: (a: Unit, b: Unit) => void): void {
    const unitsX = x.unitsOf(tokenizer)
    const unitsY = y.unitsOf(tokenizer)
    const unionY = y.unionOf(tokenizer)
    const masked = unionY !== undefined && this.load(x, tokenizer)
    const columns = unitsY.length
    const counts = this.counts
    if (masked) {
      counts.fill(0, 0, unitsX.length * columns)
      const { table, filter } = this
      const { shingles, masks } = unionY
      for (let k = 0; k < shingles.length; k++) {
        const key = shingles[k]!
        if ((filter[key >>> 25]! & (1 << ((key >>> 20) & 31))) === 0) continue
        for (let rows = table.get(key); rows !== 0; rows &= rows - 1) {
          const row = (31 - Math.clz32(rows & -rows)) * columns
          for (let cols = masks[k]!; cols !== 0; cols &= cols - 1) counts[row + 31 - Math.clz32(cols & -cols)]!++
        }
      }
    }
    for (let row = 0; row < unitsX.length; row++) {
      const a = unitsX[row]!
      for (let column = 0; column < columns; column++) {
        const b = unitsY[column]!
        const shared = masked ? counts[row * columns + column]! : intersectionSize(a.shingles, b.shingles)
        if (shared >= MIN_SHARED && shared >= MIN_COVER * Math.min(a.shingles.length, b.shingles.length)) match(a, b)
      }
    }
  }

  /** Puts x's union in the table and the filter, unless it is there already; false if x has too many units. */
  private load(x: ParagraphUnits, tokenizer: SentenceTokenizer): boolean {
    const union = x.unionOf(tokenizer)
    if (union === undefined) return false
    if (this.x === x) return true
    this.x = x
    this.table.clear(union.shingles.length)
    this.filter.fill(0)
    for (let k = 0; k < union.shingles.length; k++) {
      const key = union.shingles[k]!
      this.table.or(key, union.masks[k]!)
      this.filter[key >>> 25]! |= 1 << ((key >>> 20) & 31)
    }
    return true
  }
}

const tester = new PairTester()

/** `PairTester.verify` for one pair. */
export function verifyUnits(x: ParagraphUnits, y: ParagraphUnits, tokenizer: SentenceTokenizer, match: (a: Unit, b: Unit) => void): void {
  tester.verify(x, y, tokenizer, match)
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
