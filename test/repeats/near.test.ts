import { describe, expect, it } from 'vitest'
import { sketch, wordEditDistance, words } from '../../src/repeats/near.js'

describe('near-exact helpers', () => {
  it('reads words without punctuation, so quotes and commas never count as edits', () => {
    expect(words('"deal," he said - done.')).toEqual(words('deal he said done'))
    expect(words('deal he said done')).toHaveLength(4)
  })

  it('counts word edits up to a cap, and gives up beyond it', () => {
    const a = words('the bank raised its main rate on thursday')
    expect(wordEditDistance(a, words('the bank raised its main rate on thursday'), 2)).toBe(0)
    expect(wordEditDistance(a, words('the bank raised its key rate on friday'), 2)).toBe(2)
    expect(wordEditDistance(a, words('the bank raised its rate on thursday again'), 2)).toBe(2)
    expect(wordEditDistance(a, words('the bank cut its key rate on friday'), 2)).toBe(Infinity)
    expect(wordEditDistance(a, words('the bank raised'), 2)).toBe(Infinity)
  })

  it('sketches a paragraph by a few word pairs that a copy with one word changed mostly shares', () => {
    const text = 'the central bank raised its main interest rate by a quarter of a percentage point on thursday after a long meeting'
    const original = sketch(text).pairs
    const edited = sketch(text.replace('thursday', 'wednesday')).pairs
    expect(sketch(text).words).toBe(21)
    expect(original.length).toBeGreaterThan(3)
    expect(original.filter((pair) => edited.includes(pair)).length).toBeGreaterThanOrEqual(original.length - 2)
  })
})
