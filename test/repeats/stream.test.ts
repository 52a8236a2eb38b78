import { describe, expect, it } from 'vitest'
import { KeyStream } from '../../src/repeats/stream.js'

describe('KeyStream.endsAt', () => {
  it('is true exactly at the stream offsets where a unit ends, empty units included', () => {
    for (const keys of [['a'], ['abc', '', 'de', '', '', 'f'], ['', 'x'], ['one two', 'three', 'one two']]) {
      const stream = new KeyStream(keys)
      const ends = new Set(keys.map((_, unit) => stream.end(unit)))
      for (let offset = 0; offset <= stream.text.length + 2; offset++) expect(stream.endsAt(offset)).toBe(ends.has(offset))
    }
    expect(new KeyStream([]).endsAt(0)).toBe(false)
  })
})
