/** The progress bar: its line, its throttling and erasing, and that the CLI never draws it off a terminal. */
import { describe, expect, it } from 'vitest'
import { createProgress, progressLine } from '../../src/progress/index.js'
import { DEV_CORPUS, runCli } from '../helpers/index.js'

describe('progressLine', () => {
  it('shows documents, MB, MB/s and an ETA from the input size', () => {
    const line = progressLine({ documents: 1500, bytes: 5e6, totalBytes: 10e6, elapsedMs: 2000, stage: null })
    expect(line).toBe('[############............] 50% neardup: 1,500 documents, 5.0 MB, 2.5 MB/s, ETA 2s')
  })

  it('never claims 100% while reading, and shows the stage once reading is done', () => {
    expect(progressLine({ documents: 1, bytes: 11e6, totalBytes: 10e6, elapsedMs: 1000, stage: null })).toContain(' 99% ')
    expect(progressLine({ documents: 9, bytes: 1e6, totalBytes: 10e6, elapsedMs: 1000, stage: 'neardup' })).toBe(
      'neardup: 9 documents, 1.0 MB, 1.0 MB/s, neardup…',
    )
    expect(progressLine({ documents: 9, bytes: 1e6, totalBytes: null, elapsedMs: 1000, stage: null })).toBe('neardup: 9 documents, 1.0 MB, 1.0 MB/s')
  })
})

describe('createProgress', () => {
  it('redraws at most every 100 ms, in place, and erases itself', () => {
    const written: string[] = []
    let now = 0
    const progress = createProgress({ write: (text: string) => written.push(text), columns: 200 }, 1e6, () => now)
    progress.document(100) // t=0: too soon after start to redraw
    now = 150
    progress.document(100)
    progress.document(100) // same instant: throttled
    now = 300
    progress.stage('neardup')
    expect(written).toHaveLength(2)
    expect(written.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true)
    expect(written[1]).toContain('3 documents')
    progress.stop()
    expect(written[2]).toMatch(/^\r +\r$/)
  })
})

describe('the CLI', () => {
  it('draws no progress bar when stderr is not a terminal', async () => {
    const run = await runCli(['clean', DEV_CORPUS])
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('\r')
    expect(run.stderr).toMatch(/^neardup: 809 documents/m)
  })
})
