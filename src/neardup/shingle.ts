/**
 * Shingles as 32-bit numbers, straight from a scanning tokenizer over normalised text: no string
 * arrays, no Sets. Word n-grams for scripts written with spaces; character n-grams for scripts
 * written without them (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), chosen per document.
 */
import { radixSort } from '../radix.js'

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

/**
 * A character class covering every dense-script code unit of the table (ranges less than 1,024
 * apart merged, so a few units more: they only send a text to the exact count below), without the
 * `u` flag: a text with none of them, nearly every text, is in word mode after one native scan,
 * several times faster than a JS loop over the table or a `\\p{Script=…}` pattern.
 */
let densePattern: RegExp | undefined

function denseUnits(): RegExp {
  if (densePattern) return densePattern
  const table = classTable()
  const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`
  const ranges: Array<[number, number]> = []
  for (let code = 0; code < 0x10000; code++) {
    if (table[code] !== DENSE) continue
    const last = ranges[ranges.length - 1]
    if (last && code - last[1] < 0x400) last[1] = code
    else ranges.push([code, code])
  }
  densePattern = new RegExp(`[${ranges.map(([first, last]) => `${hex(first)}-${hex(last)}`).join('')}]`)
  return densePattern
}

/** Character mode when at least a third of the letters belong to scripts written without spaces. */
export function shingleMode(text: string): ShingleMode {
  if (!denseUnits().test(text)) return 'word'
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

// Scratch buffers shared by every call, grown to the longest text seen: shingling allocates only
// its result. `codeUnits` holds the text's UTF-16 code units, copied by one native write, because
// reading a typed array in the hot loop is about twice as fast as `charCodeAt`.
let scratch = new Uint32Array(4096)
let codeBytes = Buffer.alloc(8192)
let codeUnits = new Uint16Array(codeBytes.buffer, codeBytes.byteOffset, 4096)
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
const ring = new Uint32Array(64)
// Shingle hash = Σ unit_k · P^(n-1-k) mod 2^32, rolled in O(1) per unit, then mixed.
const P = 0x01000193
const FNV_OFFSET = 0x811c9dc5
const SPACE = 32

function power(base: number, exponent: number): number {
  let result = 1
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base)
  return result
}

/** Copies the text's code units into `codeUnits`, followed by a space that ends the last word. */
function loadCodeUnits(text: string): Uint16Array {
  if (codeUnits.length < text.length + 1) {
    codeBytes = Buffer.alloc(2 * Math.max(text.length + 1, 2 * codeUnits.length))
    codeUnits = new Uint16Array(codeBytes.buffer, codeBytes.byteOffset, codeBytes.length >>> 1)
  }
  if (LITTLE_ENDIAN) codeBytes.write(text, 0, 'utf16le')
  else for (let i = 0; i < text.length; i++) codeUnits[i] = text.charCodeAt(i)
  codeUnits[text.length] = SPACE
  return codeUnits
}

/**
 * Writes the shingle hashes of `text` (in text order, repeats included) into the shared scratch
 * buffer and returns how many; read them with `scratchShingles()` before the next call.
 * A text shorter than one shingle gives one shingle of all its units; a text with no word gives none.
 * Units: in word mode, a word (FNV-1a of its code units, mixed) or a dense-script character; in
 * character mode, every non-separator code unit.
 */
export function scanShingles(text: string, mode: ShingleMode, settings: ShingleSettings): number {
  const n = Math.min(mode === 'word' ? settings.ngram : settings.charNgram, 64)
  const units = loadCodeUnits(text)
  // At most one shingle per code unit, plus one for a text shorter than n units.
  if (scratch.length < text.length + 1) scratch = new Uint32Array(Math.max(text.length + 1, 2 * scratch.length))
  return mode === 'word' ? scanWords(units, text.length, n) : scanCharacters(units, text.length, n)
}

// The two loops below roll the same window hash; each is kept whole (not sharing a per-unit helper
// that would carry the window state across calls) because this is the hottest loop of the stage.

function scanWords(units: Uint16Array, end: number, n: number): number {
  const table = classTable()
  const oldest = power(P, n - 1) // weight of the unit that leaves the window
  const out = scratch
  const recent = ring
  let count = 0
  let total = 0
  let rolling = 0
  for (let i = 0; i < end; i++) {
    let code = units[i]!
    let kind = table[code]!
    let unit: number
    if (kind === WORD) {
      // A whole word in one tight loop; the space after the text ends the last one.
      let word = FNV_OFFSET
      do {
        word = Math.imul(word ^ code, P)
        code = units[++i]!
        kind = table[code]!
      } while (kind === WORD)
      unit = mix32(word)
      if (kind === DENSE) i-- // the dense-script character after the word is read again as a unit
    } else if (kind === DENSE) unit = mix32(code + 0x9e3779b9)
    else continue
    if (total >= n) rolling = (rolling - Math.imul(recent[(total - n) & 63]!, oldest)) | 0
    rolling = (Math.imul(rolling, P) + unit) | 0
    recent[total & 63] = unit
    total++
    if (total >= n) out[count++] = mix32(rolling)
  }
  if (total > 0 && total < n) out[count++] = mix32(rolling ^ total)
  return count
}

function scanCharacters(units: Uint16Array, end: number, n: number): number {
  const table = classTable()
  const oldest = power(P, n - 1)
  const out = scratch
  const recent = ring
  let count = 0
  let total = 0
  let rolling = 0
  for (let i = 0; i < end; i++) {
    const code = units[i]!
    if (table[code] === SEPARATOR) continue
    const unit = mix32(code + 0x9e3779b9)
    if (total >= n) rolling = (rolling - Math.imul(recent[(total - n) & 63]!, oldest)) | 0
    rolling = (Math.imul(rolling, P) + unit) | 0
    recent[total & 63] = unit
    total++
    if (total >= n) out[count++] = mix32(rolling)
  }
  if (total > 0 && total < n) out[count++] = mix32(rolling ^ total)
  return count
}

/** The scratch buffer written by the last `scanShingles()` call. */
export function scratchShingles(count: number): Uint32Array {
  return scratch.subarray(0, count)
}

/** Sorted, distinct copy of the first `count` hashes in the scratch buffer. */
export function distinctShingles(count: number): Uint32Array {
  const sorted = scratch.subarray(0, count)
  radixSort(sorted)
  let distinct = 0
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!
  return sorted.slice(0, distinct)
}

/** Sorted, distinct shingle hashes of a text: the set that verification compares. */
export function shingleSet(text: string, mode: ShingleMode, settings: ShingleSettings): Uint32Array {
  return distinctShingles(scanShingles(text, mode, settings))
}
