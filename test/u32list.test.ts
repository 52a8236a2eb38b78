import { describe, expect, it } from 'vitest'
import { U32List } from '../src/u32list.js'

describe('U32List', () => {
  it('keeps every value past its first capacity, as unsigned 32-bit numbers', () => {
    const list = new U32List()
    for (let i = 0; i < 1000; i++) list.push(i * 4_000_000)
    expect(list.length).toBe(1000)
    expect(list.at(999)).toBe((999 * 4_000_000) >>> 0)
    list.set(3, 7)
    expect([list.at(2), list.at(3)]).toEqual([8_000_000, 7])
  })
})
