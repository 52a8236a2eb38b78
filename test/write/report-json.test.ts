/** report.json is streamed element by element; the bytes must equal its layout made in one go (test/helpers reportLayout). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/pipeline.js'
import { reportChunks } from '../../src/write/report-json.js'
import { reportLayout, seedFiles } from '../helpers/index.js'

function streamed(value: object): string {
  return [...reportChunks(value)].join('')
}

describe('reportChunks', () => {
  it('writes the seeds report indented, a document a line, as one JSON.stringify would lay it out', async () => {
    const { report } = await clean(seedFiles(), { jobs: 1 })
    expect(streamed(report)).toBe(reportLayout(report))
    expect(streamed(report).split('\n').filter((line) => line.startsWith('    {"id":'))).toHaveLength(report.documents.length)
  })

  it('matches JSON.stringify on empty arrays, nested arrays, newlines in strings and undefined', () => {
    const cases = [{}, { a: [] }, { a: [[], [1, [2]], { b: 'x\ny', c: undefined }], d: { e: [] }, f: null, g: undefined, h: [undefined] }]
    for (const value of cases) expect(streamed(value)).toBe(reportLayout(value))
  })

  it('matches JSON.stringify on any JSON value, at every depth it is placed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (element, value) => {
        const report = { a: value, documents: [element, value], b: [[element]] }
        expect(streamed(report)).toBe(reportLayout(report))
      }),
      { numRuns: 500, seed: 3 },
    )
  })

  it('yields a large array in many chunks, not one string', () => {
    const documents = Array.from({ length: 5000 }, (_, i) => ({ id: `d${i}`, text: 'x'.repeat(100) }))
    expect([...reportChunks({ documents })].length).toBeGreaterThan(5)
  })
})
