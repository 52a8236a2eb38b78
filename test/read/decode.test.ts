import { describe, expect, it } from 'vitest'
import { decode } from '../../src/read/index.js'

describe('decode', () => {
  it('reads UTF-8 and drops a BOM', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({ ok: true, text: 'hi', warnings: [] })
  })

  it('decodes a Latin-1 pound sign and warns', () => {
    const result = decode(Buffer.from('Price: \xa3100, a lot of money for a ticket.', 'latin1'))
    expect(result).toMatchObject({ ok: true, text: 'Price: £100, a lot of money for a ticket.' })
    expect(result.ok && result.warnings[0]).toMatch(/Windows-1252/)
  })

  it('refuses binary files with a reason', () => {
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary file (contains NUL bytes)' })
  })
})
