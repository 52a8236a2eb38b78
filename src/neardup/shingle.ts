/**
 * Shingles as 32-bit numbers, straight from a scanning tokenizer over normalised text: no string
 * arrays, no Sets. Word n-grams for scripts written with spaces; character n-grams for scripts
 * written without them (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), chosen per document.
 */

/** Character classes of the Basic Multilingual Plane: 0 separator, 1 word character, 2 dense script. */
const SEPARATOR = 0
const WORD = 1
const DENSE = 2
let classes: Uint8Array | undefined

function classTable(): Uint8Array {
  if (classes) return classes
  const dense = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
  const word = /[\p{L}\p{N}\p{M}]/u
  classes = new Uint8Array(0x10000)
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) classes[code] = WORD // astral letters: part of a word
    else {
      const char = String.fromCharCode(code)
      classes[code] = dense.test(char) ? DENSE : word.test(char) ? WORD : SEPARATOR
    }
  }
  classes[0x30fc] = DENSE // the katakana length mark is Common script but belongs to the word
  return classes
}

export type ShingleMode = 'word' | 'char'

export interface ShingleSettings {
  /** Words per shingle in word mode. */
  readonly ngram: number
  /** Characters per shingle in character mode. */
  readonly charNgram: number
}

/** murmur3's finaliser: a bijection on 32 bits that spreads every input bit over the output. */
export function mix32(value: number): number {
  let h = value >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Character mode when at least a third of the letters belong to scripts written without spaces. */
export function shingleMode(text: string): ShingleMode {
  const table = classTable()
  let dense = 0
  let word = 0
  for (let i = 0; i < text.length; i++) {
    const kind = table[text.charCodeAt(i)]
    if (kind === DENSE) dense++
    else if (kind === WORD) word++
  }
  return dense * 3 >= dense + word && dense > 0 ? 'char' : 'word'
}

// One scratch buffer for every call: shingling allocates only its result.
let scratch = new Uint32Array(4096)
const ring = new Uint32Array(64)
// Shingle hash = Σ unit_k · P^(n-1-k) mod 2^32, rolled in O(1) per unit, then mixed.
const P = 0x01000193

function power(base: number, exponent: number): number {
  let result = 1
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base)
  return result
}

function push(count: number, value: number): number {
  if (count === scratch.length) {
    const grown = new Uint32Array(scratch.length * 2)
    grown.set(scratch)
    scratch = grown
  }
  scratch[count] = value
  return count + 1
}

/**
 * Writes the shingle hashes of `text` (in text order, repeats included) into the shared scratch
 * buffer and returns how many; read them with `scratchShingles()` before the next call.
 * A text shorter than one shingle gives one shingle of all its units; a text with no word gives none.
 */
export function scanShingles(text: string, mode: ShingleMode, settings: ShingleSettings): number {
  const table = classTable()
  const n = Math.min(mode === 'word' ? settings.ngram : settings.charNgram, 64)
  const oldest = power(P, n - 1) // weight of the unit that leaves the window
  const wordMode = mode === 'word'
  let count = 0
  let units = 0
  let rolling = 0
  let word = 0x811c9dc5
  let inWord = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    const kind = table[code]!
    if (wordMode && kind === WORD) {
      word = Math.imul(word ^ code, 0x01000193)
      inWord = true
      continue
    }
    // A word ends here; in character mode (and for a dense-script character) the character is a unit.
    for (let pass = inWord ? 0 : 1; pass < 2; pass++) {
      let unit: number
      if (pass === 0) {
        unit = mix32(word)
        word = 0x811c9dc5
        inWord = false
      } else if (kind !== SEPARATOR) unit = mix32(code + 0x9e3779b9)
      else break
      if (units >= n) rolling = (rolling - Math.imul(ring[(units - n) & 63]!, oldest)) | 0
      rolling = (Math.imul(rolling, P) + unit) | 0
      ring[units & 63] = unit
      units++
      if (units >= n) count = push(count, mix32(rolling))
    }
  }
  if (units > 0 && units < n) count = push(count, mix32(rolling ^ units))
  return count
}

/** The scratch buffer written by the last `scanShingles()` call. */
export function scratchShingles(count: number): Uint32Array {
  return scratch.subarray(0, count)
}

/** Sorted, distinct copy of the first `count` hashes in the scratch buffer. */
export function distinctShingles(count: number): Uint32Array {
  const sorted = scratch.subarray(0, count).sort()
  let distinct = 0
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!
  return sorted.slice(0, distinct)
}

/** Sorted, distinct shingle hashes of a text: the set that verification compares. */
export function shingleSet(text: string, mode: ShingleMode, settings: ShingleSettings): Uint32Array {
  return distinctShingles(scanShingles(text, mode, settings))
}
