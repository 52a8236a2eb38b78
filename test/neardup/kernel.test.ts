/**
 * The signature kernel's values are pinned: the fast scanner, radix sort, dense-script prefilter and
 * densification table must give exactly what the plain definitions give, so a faster kernel cannot
 * silently change signatures (and with them clusters). Pinned numbers were produced by the first,
 * unoptimised kernel (charCodeAt scan, `Uint32Array.sort`, probes computed per document).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../src/neardup/fingerprint.js'
import { signOnePermutation, signText } from '../../src/neardup/minhash.js'
import { mix32, scanShingles, scratchShingles, shingleMode, shingleSet, type ShingleMode } from '../../src/neardup/shingle.js'
import { normalize } from '../../src/segment/normalize.js'

const SETTINGS = { ngram: 5, charNgram: 4, numPerm: 128, seed: 1 }
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc]/u
const WORD = /[\p{L}\p{N}\p{M}]/u

/** Class of one UTF-16 code unit, by the definitions (surrogates: part of a word). */
function classOf(unit: number): 'separator' | 'word' | 'dense' {
  if (unit >= 0xd800 && unit <= 0xdfff) return 'word'
  const char = String.fromCharCode(unit)
  return DENSE.test(char) ? 'dense' : WORD.test(char) ? 'word' : 'separator'
}

/** The definition: units (FNV-1a words, or characters), then Σ unit_k · P^(n-1-k) over each window, mixed. */
function referenceShingles(text: string, mode: ShingleMode, n: number): number[] {
  const units: number[] = []
  let word: number | null = null
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    const kind = classOf(code)
    if (mode === 'word' && kind === 'word') {
      word = Math.imul((word ?? 0x811c9dc5) ^ code, 0x01000193)
      continue
    }
    if (word !== null) units.push(mix32(word))
    word = null
    if (kind !== 'separator') units.push(mix32(code + 0x9e3779b9))
  }
  const windowHash = (from: number, to: number): number => {
    let hash = 0
    for (let k = from; k < to; k++) hash = (Math.imul(hash, 0x01000193) + units[k]!) | 0
    return hash
  }
  if (units.length === 0) return []
  if (units.length < n) return [mix32(windowHash(0, units.length) ^ units.length)]
  return Array.from({ length: units.length - n + 1 }, (_, start) => mix32(windowHash(start, start + n)))
}

const pieces = fc.constantFrom('the', 'quick', 'Brown', 'fox', '100', 'é', 'naïve', ' ', '  ', ',', '. ', '\n', '-', '北京', '東京都', 'は', 'ー', 'กรุงเทพ', '😀', '\ud800', 'Москва', '€', '\u0301')
const texts = fc.array(pieces, { maxLength: 80 }).map((parts) => parts.join(''))

describe('scanShingles', () => {
  it('gives the hashes of the definition, in text order, for any mix of scripts and n', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<ShingleMode>('word', 'char'), fc.integer({ min: 1, max: 9 }), (text, mode, n) => {
        const count = scanShingles(text, mode, { ngram: n, charNgram: n })
        expect([...scratchShingles(count)]).toEqual(referenceShingles(text, mode, n).map((hash) => hash >>> 0))
      }),
      { numRuns: 300 },
    )
  })

  it('is pinned on known texts', () => {
    expect([...shingleSet('the quick brown fox jumps over the lazy dog', 'word', SETTINGS)]).toEqual([1504152861, 2608925815, 3671688633, 3923698529, 3926252225])
    expect([...shingleSet('price 100€ in 北京 today, 😀 ok', 'word', { ngram: 2, charNgram: 4 })]).toEqual([846452845, 999017011, 1290088798, 1313443709, 3014099545, 3301774488, 4284958187])
    expect([...shingleSet('東京都は今日、新しい計画を発表しました', 'char', SETTINGS)]).toEqual([
      234606006, 355378360, 550521151, 574197268, 717587860, 847084027, 949039504, 2939357707, 3415968652, 3604629747, 3738394703, 3848067988, 3900016035, 3999721626, 4146676182,
    ])
  })
})

describe('shingleSet', () => {
  it('is the sorted distinct hashes, short or long (the radix sort against the plain sort)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 3000 }), (parts) => {
        const text = parts.join(' ')
        const count = scanShingles(text, 'word', SETTINGS)
        const expected = [...new Set(scratchShingles(count))].sort((a, b) => a - b)
        expect([...shingleSet(text, 'word', SETTINGS)]).toEqual(expected)
      }),
      { numRuns: 60 },
    )
  })
})

describe('shingleMode', () => {
  it('counts dense-script letters by the definition, whatever the prefilter skips', () => {
    fc.assert(
      fc.property(texts, (text) => {
        let dense = 0
        let word = 0
        for (let i = 0; i < text.length; i++) {
          const kind = classOf(text.charCodeAt(i))
          if (kind === 'dense') dense++
          else if (kind === 'word') word++
        }
        expect(shingleMode(text)).toBe(dense > 0 && dense * 3 >= dense + word ? 'char' : 'word')
      }),
      { numRuns: 300 },
    )
  })
})

describe('signatures', () => {
  it('are pinned on a short text (densified) and on a seed article', () => {
    expect([...signText('the quick brown fox jumps over the lazy dog', { ...SETTINGS, numPerm: 16 })]).toEqual([
      1306233382, 1306233382, 1941593849, 2653039020, 1362328785, 1941593849, 1306233382, 1306233382, 3529266902, 3529266902, 1362328785, 2653039020, 1362328785,
      1362328785, 1362328785, 2653039020,
    ])
    const seeds = join(import.meta.dirname, '../../seeds')
    const text = normalize(readFileSync(join(seeds, readdirSync(seeds).sort()[0]!), 'utf8'))
    const print = fingerprint(text, SETTINGS)
    const fnv = (values: Uint32Array): number => values.reduce((hash, value) => Math.imul(hash ^ value, 0x01000193) >>> 0, 0x811c9dc5)
    expect([print.mode, print.length, print.shingles.length, fnv(print.signature), fnv(print.shingles)]).toEqual(['word', 516, 516, 2903760546, 4170190806])
    expect([...print.signature.slice(0, 6)]).toEqual([744369424, 74071393, 4291939746, 713864805, 408992531, 2295842742])
    expect([...signText(text, SETTINGS)]).toEqual([...print.signature])
  })

  it('from all shingles (signText) equal those from the distinct ones (fingerprint)', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(16, 64, 128, 256), (text, numPerm) => {
        const settings = { ...SETTINGS, numPerm }
        expect([...signText(text, settings)]).toEqual([...fingerprint(text, settings).signature])
      }),
      { numRuns: 200 },
    )
  })
})

/** The inverse of mix32 (murmur3's finaliser), to build a shingle whose signed value is 0xffffffff. */
function unmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x7ed1b41d)
  h ^= (h >>> 13) ^ (h >>> 26)
  h = Math.imul(h, 0xa5cb9243)
  return (h ^ (h >>> 16)) >>> 0
}

/** One-permutation hashing with optimal densification by the definition: probes computed each time. */
function referenceSign(shingles: readonly number[], numPerm: number, seed: number): number[] {
  const salt = mix32(seed ^ 0x5bd1e995)
  const out: number[] = new Array(numPerm).fill(0xffffffff)
  const filled: boolean[] = new Array(numPerm).fill(false)
  for (const shingle of shingles) {
    const h = mix32(shingle ^ salt)
    const bin = ((h >>> 16) * numPerm) >>> 16
    out[bin] = Math.min(out[bin]!, mix32(h + 0x9e3779b9))
    filled[bin] = true
  }
  if (!filled.includes(true)) return out
  return out.map((value, bin) => {
    for (let attempt = 1; !filled[bin]; attempt++) {
      const donor = ((mix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ salt) >>> 16) * numPerm) >>> 16
      if (filled[donor]) return out[donor]!
    }
    return value
  })
}

describe('signOnePermutation', () => {
  // A shingle whose value is the empty-bin marker still fills its bin.
  const salt = mix32(1 ^ 0x5bd1e995)
  const maximal = (unmix32((unmix32(0xffffffff) - 0x9e3779b9) >>> 0) ^ salt) >>> 0

  it('gives the values of the definition, densification included, for any shingles and numPerm', () => {
    expect(mix32(unmix32(123456789))).toBe(123456789)
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), fc.boolean(), fc.constantFrom(8, 64, 128, 256), (shingles, withMaximal, numPerm) => {
        const input = withMaximal ? [...shingles, maximal] : shingles
        expect([...signOnePermutation(Uint32Array.from(input), numPerm, 1)]).toEqual(referenceSign(input, numPerm, 1))
      }),
      { numRuns: 300 },
    )
  })

  it('counts a bin whose only value is 0xffffffff as filled', () => {
    const signature = signOnePermutation(Uint32Array.of(maximal, 3), 16, 1)
    expect([...signature]).toEqual(referenceSign([maximal, 3], 16, 1))
    expect(signature.includes(0xffffffff)).toBe(true)
    expect(new Set(signature).size).toBe(2)
  })
})
