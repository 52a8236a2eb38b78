import { describe, expect, it } from 'vitest'
import { arraySource, keptParagraphs } from '../src/document.js'
import { segment } from '../src/segment/index.js'
import { DEFAULT_OPTIONS } from '../src/options.js'
import { createDocument } from '../src/document.js'

describe('arraySource', () => {
  const documents = ['a\n\nb\n', 'c\n'].map((text, i) => {
    const document = createDocument({ id: `d${i}`, text })
    segment(document, DEFAULT_OPTIONS.segment)
    return document
  })

  it('loads each document by position, as it is in memory', () => {
    const source = arraySource(documents)
    expect(source.size).toBe(2)
    expect(source.load(1)).toBe(documents[1])
    expect(keptParagraphs(source.load(0)).map((p) => p.text)).toEqual(['a', 'b'])
  })

  it('names the position and the range when a position is out of range', () => {
    expect(() => arraySource(documents).load(2)).toThrow('document position 2 out of 0..1')
  })
})
