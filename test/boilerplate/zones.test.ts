import { describe, expect, it } from 'vitest'
import { wordCount } from '../../src/boilerplate/zones.js'

describe('wordCount', () => {
  // The reference: runs of characters that are neither `\s` nor a control character, counted up to limit + 1.
  const reference = (text: string, limit = Infinity): number => {
    const count = text.split(/[\s\x00-\x20]+/u).filter((word) => word !== '').length
    return Math.min(count, limit + 1)
  }

  it('counts words between every kind of whitespace, and only whitespace', () => {
    const separators = [' ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\u2028', '\ufeff', '\u0001', '  ']
    const glue = ['\u200b', '\u2019', '“', 'é', '😀', '\ud83d', '-', '中']
    let seed = 11
    const pick = <T>(list: readonly T[]): T => list[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % list.length]!
    for (let round = 0; round < 200; round++) {
      let text = ''
      for (let part = 0; part < 12; part++) text += pick([...separators, ...glue, 'word', 'a'])
      for (const limit of [Infinity, 0, 3, 8]) expect(wordCount(text, limit)).toBe(reference(text, limit))
    }
    // Zero-width space and curly quotes join words; a no-break space and an ideographic space part them.
    expect(wordCount('a\u200bb “c”')).toBe(2)
    expect(wordCount('a\u00a0b\u3000c')).toBe(3)
  })
})
