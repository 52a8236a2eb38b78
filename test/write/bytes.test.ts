/** ByteBuilder: strings encoded straight into one growing buffer must give the bytes Buffer.from gives. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteBuilder } from '../../src/write/bytes.js'

describe('ByteBuilder', () => {
  it('gives the UTF-8 of the strings written, in order, across growth from a tiny start', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { maxLength: 60 }), fc.nat(300), (parts, capacity) => {
        const builder = new ByteBuilder(capacity)
        for (const part of parts) builder.write(part)
        const bytes = builder.bytes()
        expect(Buffer.from(bytes).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true)
        expect(builder.length).toBe(bytes.length)
      }),
    )
  })

  it('encodes lone surrogates as U+FFFD, as Buffer.from does', () => {
    const builder = new ByteBuilder()
    builder.write('a\ud800b\udc00')
    expect(Buffer.from(builder.bytes()).toString('utf8')).toBe('a\ufffdb\ufffd')
  })

  it('copies bytes from another builder with since() and append()', () => {
    const source = new ByteBuilder()
    source.write('head,')
    const start = source.length
    source.write('{"text":"café ☕ 🎉"}')
    const copy = new ByteBuilder(1)
    copy.write('[')
    copy.append(source.since(start))
    copy.write(']')
    expect(Buffer.from(copy.bytes()).toString('utf8')).toBe('[{"text":"café ☕ 🎉"}]')
  })

  it('hands out a buffer of its own and of the exact size, so a worker can transfer it whole', () => {
    const builder = new ByteBuilder(1 << 20)
    builder.write('x'.repeat(5000))
    const bytes = builder.bytes()
    expect(bytes.byteOffset).toBe(0)
    expect(bytes.buffer.byteLength).toBe(5000)
  })
})
