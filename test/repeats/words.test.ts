/** Copies are counted on a paragraph's words alone; `hasWords` compares without making the string and must agree with `wordsOnly`. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasWords, wordsOnly } from '../../src/repeats/words.js'

const PIECES = ['a', 'b', 'é', 'ß', '7', '٣', '𝐀', '😀', '\ud835', '\udc00', ' ', '  ', '.', ',', '"', "'", '-', '—', '\u00a0', '_']
const key = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 10 }),
)

describe('words alone', () => {
  it('wordsOnly keeps letters and digits, one space between runs', () => {
    expect(wordsOnly('"it’s 4.5%," he said — twice.')).toBe('it s 4 5 he said twice')
  })

  it('hasWords(key, words) is wordsOnly(key) === words', () => {
    fc.assert(
      fc.property(key, key, (a, b) => hasWords(a, wordsOnly(b)) === (wordsOnly(a) === wordsOnly(b)) && hasWords(a, wordsOnly(a))),
      { numRuns: 5000 },
    )
  })
})
