/** report.json is streamed element by element; the bytes must equal one JSON.stringify of the whole report. */
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

  it('yields a large array in many chunks, not one string', () => {
    const documents = Array.from({ length: 5000 }, (_, i) => ({ id: `d${i}`, text: 'x'.repeat(100) }))
    expect([...reportChunks({ documents })].length).toBeGreaterThan(5)
  })
})
