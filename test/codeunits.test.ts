/** A class of code units answered by table: the same answers as its pattern above ASCII, its rule in ASCII. */
import { describe, expect, it } from 'vitest'
import { CodeUnitClass } from '../src/codeunits.js'

describe('CodeUnitClass', () => {
  it('answers as the pattern does for every unit above ASCII, asked twice, and as the ASCII rule below', () => {
    const spaces = new CodeUnitClass(/\s/u, (code) => code <= 32)
    for (let round = 0; round < 2; round++) {
      for (let code = 128; code < 0x10000; code++) expect(spaces.has(code)).toBe(/\s/u.test(String.fromCharCode(code)))
    }
    for (let code = 0; code < 128; code++) expect(spaces.has(code)).toBe(code <= 32)
  })
})
