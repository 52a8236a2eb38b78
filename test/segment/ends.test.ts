/** Ends of texts read from the end must answer as the end-anchored patterns they replace. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endsWithMark, endsWithOneOf, isSpace, lastWord } from '../../src/segment/ends.js'

const PIECES = ['a', 'Z', 'é', 'ß', '𝐀', '\ud835', '\udc00', '1', '.', '!', '?', '…', ':', ';', '"', "'", '”', '’', ')', ']', '(', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '-']
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
)

describe('ends', () => {
  it('isSpace is \\s', () => {
    for (let code = 0; code < 0x10000; code++) expect(isSpace(code), code.toString(16)).toBe(/\s/u.test(String.fromCharCode(code)))
  })

  it('endsWithMark and endsWithOneOf answer as the patterns', () => {
    fc.assert(
      fc.property(text, (input) => {
        return (
          endsWithMark(input, '.!?…:;', '"\'”’)]', true) === /[.!?…:;]["'”’)\]]*\s*$/u.test(input) &&
          endsWithMark(input, '.!?…', '"\'”’)]', false) === /[.!?…]["'”’)\]]*$/u.test(input) &&
          endsWithMark(input, '.!?', '"\'”’)', false) === /[.!?]["'”’)]*$/u.test(input) &&
          endsWithOneOf(input, '"”’)]', true) === /["”’)\]]\s*$/u.test(input) &&
          endsWithOneOf(input, '\'")]', false) === /['")\]]$/u.test(input)
        )
      }),
      { numRuns: 5000 },
    )
  })

  it('lastWord is the group of /(\\p{L}+)\\s*$/u', () => {
    fc.assert(fc.property(text, (input) => lastWord(input) === /(\p{L}+)\s*$/u.exec(input)?.[1]), { numRuns: 5000 })
  })
})
