/** report.json is streamed element by element; the bytes must equal one JSON.stringify of the whole report. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/pipeline.js'
import { reportChunks } from '../../src/write/report-json.js'
import { seedFiles } from '../helpers/index.js'

function streamed(value: object): string {
  return [...reportChunks(value)].join('')
}

describe('reportChunks', () => {
  it('writes the same bytes as JSON.stringify for the seeds report', async () => {
    const { report } = await clean(seedFiles(), { jobs: 1 })
    expect(streamed(report)).toBe(`${JSON.stringify(report, null, 2)}\n`)
  })

  it('matches JSON.stringify on empty arrays, nested arrays, newlines in strings and undefined', () => {
    const cases = [{}, { a: [] }, { a: [[], [1, [2]], { b: 'x\ny', c: undefined }], d: { e: [] }, f: null, g: undefined, h: [undefined] }]
    for (const value of cases) expect(streamed(value)).toBe(`${JSON.stringify(value, null, 2)}\n`)
  })

  it('matches JSON.stringify on any JSON value, at every depth it is placed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (element, value) => {
        const report = { a: value, documents: [element, value], b: [[element]] }
        expect(streamed(report)).toBe(`${JSON.stringify(report, null, 2)}\n`)
      }),
      { numRuns: 500, seed: 3 },
    )
  })

  it('yields a large array in many chunks, not one string', () => {
    const documents = Array.from({ length: 5000 }, (_, i) => ({ id: `d${i}`, text: 'x'.repeat(100) }))
    expect([...reportChunks({ documents })].length).toBeGreaterThan(5)
  })
})
