import { describe, expect, it } from 'vitest'
import { sketch, wordEditDistance, words } from '../../src/repeats/near.js'

describe('near-exact helpers', () => {
  it('reads words without punctuation, so quotes and commas never count as edits', () => {
    expect(words('"deal," he said - done.')).toEqual(words('deal he said done'))
    expect(words('deal he said done')).toHaveLength(4)
    // One word hash per space-separated word, FNV-1a of its letters and digits, however long the key (a longer key grows the scratch buffer).
    const fnv = (word: string): number => [...word].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 0x01000193), 0x811c9dc5 | 0)
    for (const length of [3, 5000]) {
      const many = Array.from({ length }, (_, i) => `w${i}é`)
      expect([...words(many.join(' '))]).toEqual(many.map(fnv))
      expect(sketch(many.join(' ')).words).toBe(length)
    }
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

  it('keeps exactly the six smallest distinct word-pair hashes, ascending, whatever the order they come in', () => {
    // The reference: every pair hash (as `sketch` mixes two word hashes), deduplicated, sorted, the first six.
    const reference = (key: string): number[] => {
      const w = [...words(key)]
      const all = w.slice(1).map((hash, i) => Math.imul(w[i]! ^ 0x9e3779b9, 0x85ebca6b) ^ hash)
      return [...new Set(all)].sort((x, y) => x - y).slice(0, 6)
    }
    const vocabulary = ['the', 'bank', 'rate', 'of', 'a', 'on', 'said', '2024', 'élan', 'x']
    let seed = 7
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % vocabulary.length
    for (const length of [0, 1, 2, 3, 7, 12, 40, 300]) {
      const key = Array.from({ length }, () => vocabulary[next()]).join(' ')
      expect(sketch(key).pairs).toEqual(reference(key))
    }
    // Repeated pairs count once: "a b a b a b" has two distinct pairs.
    expect(sketch('a b a b a b').pairs).toHaveLength(2)
  })
})

describe('near-exact copies and numbers', () => {
  it('never treats lines that differ in a number as copies', async () => {
    const { markRepeats } = await import('../../src/repeats/index.js')
    const { doc } = await import('../helpers/index.js')
    const lines = Array.from({ length: 50 }, (_, i) => `Line ${i + 1} of a long document that lists the results of every match played this season.`)
    const document = doc(lines)
    markRepeats(document, { enabled: true, threshold: 0.9, minChars: 60 })
    expect(document.decisions).toEqual([])
  })

  it('still finds a copy that differs only in quotes and one word', async () => {
    const { markRepeats } = await import('../../src/repeats/index.js')
    const { doc } = await import('../helpers/index.js')
    const first = '“Shares rose 3% on Monday,” the analyst said, adding that the outlook for the year was good.'
    const copy = '"Shares rose 3% on Monday," the analyst said, adding that the outlook for this year was good.'
    const document = doc([first, 'Something else entirely happened in between these two lines.', copy])
    markRepeats(document, { enabled: true, threshold: 0.9, minChars: 60 })
    expect(document.decisions.map((decision) => decision.rule)).toEqual(['near-exact'])
  })
})
