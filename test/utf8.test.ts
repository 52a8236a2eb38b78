/** The bound on UTF-8 bytes per UTF-16 code unit that buffers are sized by. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maxUtf8Bytes } from '../src/utf8.js'

describe('maxUtf8Bytes', () => {
  it('holds any string, lone surrogates included, and is met by a string of three-byte characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(maxUtf8Bytes(text.length))
      }),
    )
    expect(Buffer.byteLength('€'.repeat(10), 'utf8')).toBe(maxUtf8Bytes(10))
    expect(Buffer.byteLength('\ud800', 'utf8')).toBe(maxUtf8Bytes(1))
  })
})
