/**
 * `normalize` takes shortcuts (ASCII text skips NFKC and the Unicode replacements; single spaces
 * are left alone): it must still give exactly what the plain chain of steps it documents gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/segment/normalize.js'
import { devCorpus } from '../helpers/index.js'

/** The definition, step by step, as the key was first computed. */
function reference(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Characters the shortcuts must get right: every kind of space, quotes, dashes, invisibles, compatibility forms. */
const TRICKY = [' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\u00ad', '`', '\u2019', '\u00ab', '\u2014', '\u2212', 'Ｆ', 'ﬁ', 'İ', 'Σ', 'A', 'z', '9', '.', '😀']

describe('normalize', () => {
  it('equals the step-by-step definition on any text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''))
    fc.assert(fc.property(text, (input) => normalize(input) === reference(input)), { numRuns: 2000 })
  })

  it('equals the step-by-step definition on every line of the dev set', () => {
    for (const { text } of devCorpus()) for (const line of text.split('\n')) expect(normalize(line)).toBe(reference(line))
  })
})
