import { describe, expect, it } from 'vitest'
import { assignFileNames, safeRelativePath } from '../../src/write/index.js'

describe('safe file names', () => {
  it('keeps ordinary ids readable and drops a .txt extension', () => {
    expect(safeRelativePath('003_b7977094a87ae843.txt')).toBe('003_b7977094a87ae843')
    expect(safeRelativePath('sub/dir/a.md')).toBe('sub/dir/a')
  })

  it('never escapes the output folder', () => {
    expect(safeRelativePath('../../etc/passwd')).toBe('_/_/etc/passwd')
    expect(safeRelativePath('/etc/passwd')).toBe('etc/passwd')
    expect(safeRelativePath('CON')).toBe('_CON')
    expect(Buffer.byteLength(safeRelativePath('x'.repeat(300)))).toBeLessThanOrEqual(200)
  })

  it('gives distinct names to ids that map to the same file', () => {
    const names = assignFileNames(['a?b', 'a*b', 'A?B'])
    expect(new Set(names.values()).size).toBe(3)
  })
})
