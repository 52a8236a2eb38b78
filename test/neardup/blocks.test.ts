/**
 * Blocks of candidate pairs: cutting one for threads (parts that share no paragraph, every pair
 * once), and the components that let verification pass over pairs (see shared.test.ts for the search).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BlockComponents, componentParts } from '../../src/neardup/blocks.js'

describe('componentParts', () => {
  it('deals every pair into exactly one part, ascending, no paragraph in two parts', () => {
    const pairs = fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { minLength: 1, maxLength: 200 })
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 4 }), (list, parts) => {
        const pairNumbers = Uint32Array.from(list.flat())
        const cut = componentParts(pairNumbers, parts)
        expect(cut.length).toBeLessThanOrEqual(parts)
        const all = cut.flatMap((part) => [...part])
        expect(all.sort((a, b) => a - b)).toEqual(list.map((_, k) => k))
        const owner = new Map<number, number>()
        cut.forEach((part, p) => {
          expect([...part]).toEqual([...part].sort((a, b) => a - b))
          for (const k of part) {
            for (const paragraph of list[k]!) {
              expect(owner.get(paragraph) ?? p).toBe(p)
              owner.set(paragraph, p)
            }
          }
        })
      }),
      { numRuns: 300, seed: 11 },
    )
  })

  it('balances components by pair count, largest first', () => {
    // components: {0,1,2} with 3 pairs, {10,11} with 2, {20,21} with 1, {30,31} with 1; each goes
    // to the lightest part so far (the first on a tie): 3 | 2, then 3 | 3, then 4 | 3
    const pairNumbers = Uint32Array.from([0, 1, 10, 11, 1, 2, 20, 21, 0, 2, 10, 11, 30, 31])
    const cut = componentParts(pairNumbers, 2)
    expect(cut.map((part) => [...part])).toEqual([
      [0, 2, 4, 6],
      [1, 3, 5],
    ])
    expect(componentParts(pairNumbers, 1).map((part) => [...part])).toEqual([[0, 1, 2, 3, 4, 5, 6]])
  })
})

describe('BlockComponents', () => {
  it('joins two slots only once every unit of both has matched, all in one component', () => {
    const components = new BlockComponents(4)
    expect(components.joined(0, 1)).toBe(false)
    components.union(0, 0, 2, 1, 0, 1) // slot 0 has units 0 and 1; slot 1 has one unit
    expect(components.joined(0, 1)).toBe(false) // unit 1 of slot 0 has not matched yet
    components.union(0, 1, 2, 2, 0, 1) // …now it has, but with slot 2, another component so far
    expect(components.joined(0, 1)).toBe(false)
    expect(components.joined(2, 3)).toBe(false)
    components.union(2, 0, 1, 1, 0, 1)
    expect(components.joined(0, 1)).toBe(true)
    expect(components.joined(1, 2)).toBe(true)
    expect(components.joined(0, 3)).toBe(false) // slot 3 never matched
  })
})
