import { describe, expect, it } from 'vitest'
import { inputLines, splitLines } from '../../src/segment/index.js'

describe('inputLines', () => {
  it('cuts at CRLF, CR and LF alike, exactly as the line-end pattern does', () => {
    const texts = ['', '\n', 'a', 'a\n', 'a\nb', 'a\r\nb\rc\n', '\r\r\n\n', 'a\n\r\nb\r', 'x\u2028y\u0085z\n', 'one\n\ntwo\n\n\n']
    for (const text of texts) expect(inputLines(text)).toEqual(text.split(/\r\n|\r|\n/))
  })

  it('keeps the empty last line that splitLines drops', () => {
    expect(inputLines('a\nb\n')).toEqual(['a', 'b', ''])
    expect(splitLines('a\nb\n')).toEqual(['a', 'b'])
    expect(splitLines('')).toEqual([''])
  })
})
