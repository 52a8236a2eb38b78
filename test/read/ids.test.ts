import { describe, expect, it } from 'vitest'
import { uniqueIds } from '../../src/read/index.js'
import type { DocumentInput } from '../../src/types.js'

const docs: DocumentInput[] = [
  { id: 'x', text: 'charlie', source: { file: 'a.jsonl', line: 1 } },
  { id: 'y', text: 'only one' },
  { id: 'x', text: 'alpha', source: { file: 'a.jsonl', line: 2 } },
  { id: 'x~2', text: 'an id that looks like a rename' },
  { id: 'x', text: 'bravo', source: { file: 'b.jsonl', line: 1 } },
]

function named(result: DocumentInput[]): Record<string, string> {
  return Object.fromEntries(result.map((document) => [document.id, document.text]))
}

describe('uniqueIds', () => {
  it('keeps every document, renames copies by content, never reuses a taken id', () => {
    const result = uniqueIds(docs)
    expect(result).toHaveLength(docs.length)
    expect(named(result)).toEqual({ x: 'alpha', y: 'only one', 'x~2': 'an id that looks like a rename', 'x~3': 'bravo', 'x~4': 'charlie' })
    expect(result.find((document) => document.id === 'x~3')!.warnings).toEqual(['id "x" is used by 3 documents; this one is renamed "x~3"'])
  })

  it('gives the same names whatever the input order', () => {
    const expected = named(uniqueIds(docs))
    for (const order of [[4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 4, 0, 3, 2]]) {
      expect(named(uniqueIds(order.map((i) => docs[i]!)))).toEqual(expected)
    }
  })

  it('tells identical copies apart by where they came from', () => {
    const same = [
      { id: 'z', text: 't', source: { file: 'b.txt' } },
      { id: 'z', text: 't', source: { file: 'a.txt' } },
    ]
    expect(uniqueIds(same).map((document) => [document.id, document.source?.file])).toEqual([
      ['z~2', 'b.txt'],
      ['z', 'a.txt'],
    ])
  })

  it('returns the input untouched when ids are already unique', () => {
    expect(uniqueIds(docs.slice(0, 2))).toEqual(docs.slice(0, 2))
  })
})
