import { describe, expect, it } from 'vitest'
import { lowBytes } from '../../src/neardup/summary.js'

describe('lowBytes', () => {
  it('keeps the low byte of each value, in order', () => {
    expect([...lowBytes(Uint32Array.of(0, 255, 256, 0x1234_56ab, 0xffff_ffff))]).toEqual([0, 255, 0, 0xab, 255])
    expect(lowBytes(new Uint32Array(0))).toHaveLength(0)
  })
})
