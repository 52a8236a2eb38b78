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

describe('safe file names for hostile ids', () => {
  it('replaces invisible and bidi controls, so a name cannot pretend to be another', () => {
    expect(safeRelativePath('evil\u202etxt.exe')).toBe('evil_txt.exe')
    expect(safeRelativePath('zero\u200bwidth')).toBe('zero_width')
  })

  it('keeps each segment within 255 bytes, counting multi-byte characters, and flattens very deep paths', () => {
    const long = safeRelativePath('é'.repeat(200))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200)
    expect(long).toMatch(/^é+~[0-9a-f]{10}$/)
    const deep = safeRelativePath('abc/'.repeat(500))
    expect(deep).not.toContain('/')
    expect(Buffer.byteLength(deep)).toBeLessThanOrEqual(200)
  })

  it('tells apart ids that differ only in Unicode form, as macOS file systems do not', () => {
    const names = assignFileNames(['caf\u00e9', 'cafe\u0301'])
    expect(names.get('caf\u00e9')).toBe('caf\u00e9.txt')
    expect(names.get('cafe\u0301')).toMatch(/^cafe\u0301~[0-9a-f]{10}\.txt$/)
  })

  it('never makes one id a file and another a folder of the same name', () => {
    const names = assignFileNames(['a.txt', 'a.txt/b', 'A.TXT/c'])
    expect(names.get('a.txt')).toBe('a.txt')
    expect(names.get('a.txt/b')).toMatch(/^a\.txt_b~[0-9a-f]{10}\.txt$/)
    const all = [...names.values()].map((name) => name.toLowerCase())
    for (const name of all) for (const other of all) expect(other.startsWith(`${name}/`)).toBe(false)
  })
})
