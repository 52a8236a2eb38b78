/** ByteBuilder: strings encoded straight into one growing buffer must give the bytes Buffer.from gives. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BufferPool, ByteBuilder } from '../../src/write/bytes.js'

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

  it('in shared memory, writes into a lent buffer that holds the bytes expected, and hands out a view of it', () => {
    const lent = new SharedArrayBuffer(1 << 17)
    const builder = ByteBuilder.inShared(lent, 1 << 16)
    builder.write('é'.repeat(1000))
    const bytes = builder.bytes()
    expect(bytes.buffer).toBe(lent)
    expect(bytes.byteOffset).toBe(0)
    expect(Buffer.from(bytes).toString('utf8')).toBe('é'.repeat(1000))
  })

  it('in shared memory, starts a shared buffer of its own when the lent one is smaller than expected, and grows in shared memory', () => {
    const lent = new SharedArrayBuffer(1 << 16)
    const builder = ByteBuilder.inShared(lent, 1 << 18)
    builder.write('x')
    expect(builder.bytes().buffer).not.toBe(lent)
    expect(builder.bytes().buffer.byteLength).toBe(1 << 18)
    const growing = ByteBuilder.inShared(null, 0)
    growing.write('y'.repeat(200_000))
    expect(growing.bytes().buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(growing.bytes().length).toBe(200_000)
  })
})

describe('BufferPool', () => {
  it('lends back the shared buffers given back, once each, and keeps no ordinary buffer', () => {
    const pool = new BufferPool()
    expect(pool.lend()).toBeNull()
    const shared = ByteBuilder.inShared(null)
    shared.write('abc')
    const plain = new ByteBuilder()
    plain.write('abc')
    pool.giveBack(plain.bytes())
    pool.giveBack(shared.bytes())
    pool.giveBack(shared.bytes())
    expect(pool.lend()).toBe(shared.bytes().buffer)
    expect(pool.lend()).toBeNull()
  })
})
