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
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, reason: 'binary file (PNG image)' })
  })
})

describe('decode, on dirty bytes', () => {
  const ok = (bytes: Uint8Array) => {
    const result = decode(bytes)
    if (!result.ok) throw new Error(result.reason)
    return result
  }

  it('keeps UTF-8 with a few broken bytes as UTF-8, replacing only those', () => {
    const result = ok(Buffer.concat([Buffer.from('café — '), Buffer.from([0xa3]), Buffer.from('5')]))
    expect(result.text).toBe('café — \ufffd5')
    expect(result.warnings).toEqual(['1 invalid UTF-8 byte replaced with U+FFFD'])
  })

  it('reads UTF-16 with a byte order mark', () => {
    expect(ok(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hé 東', 'utf16le')])).text).toBe('hé 東')
    expect(ok(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('hé 東', 'utf16le').swap16()])).text).toBe('hé 東')
  })

  it('removes a stray NUL from a text with a warning, but refuses NUL-heavy data', () => {
    const result = ok(Buffer.from(`A long enough line of ordinary text with one\u0000 NUL in it, as scrapers sometimes leave.`))
    expect(result.text).not.toContain('\u0000')
    expect(result.warnings).toEqual(['1 NUL character removed'])
    expect(decode(Buffer.from('a\u0000b\u0000c\u0000'))).toEqual({ ok: false, reason: 'binary file (contains NUL bytes)' })
    expect(decode(Buffer.from([0x1f, 0x8b, 8, 0]))).toEqual({ ok: false, reason: 'binary file (gzip archive)' })
  })

  it('decodes an empty file as empty text', () => {
    expect(ok(new Uint8Array())).toEqual({ ok: true, text: '', warnings: [] })
  })
})
