import { describe, expect, it } from 'vitest'
import { limitSize } from '../../src/read/index.js'

const text = 'First paragraph, twenty-nine.\nSecond one.\nThird.\n'

describe('limitSize (--max-doc-bytes)', () => {
  it('leaves documents within the limit alone, and 0 means no limit', () => {
    const document = { id: 'a', text }
    expect(limitSize(document, { maxDocBytes: 1000, oversize: 'skip' })).toBe(document)
    expect(limitSize(document, { maxDocBytes: 0, oversize: 'skip' })).toBe(document)
  })

  it('skips a larger document with its size and the limit', () => {
    expect(limitSize({ id: 'a', text }, { maxDocBytes: 20, oversize: 'skip' })).toEqual({
      id: 'a',
      text: '',
      skipped: 'document is 49 bytes, over the limit of 20 (--max-doc-bytes)',
    })
  })

  it('or truncates it at the last line end that fits, and says so', () => {
    const result = limitSize({ id: 'a', text }, { maxDocBytes: 45, oversize: 'truncate' })
    expect(result.text).toBe('First paragraph, twenty-nine.\nSecond one.\n')
    expect(result.warnings).toEqual(['document is 49 bytes, over the limit of 45 (--max-doc-bytes); truncated to 42 bytes at a line end'])
  })

  it('never cuts a character in half, and leaves nothing when the first line is too long', () => {
    const result = limitSize({ id: 'a', text: `${'é'.repeat(20)}\nmore` }, { maxDocBytes: 11, oversize: 'truncate' })
    expect(result.text).toBe('')
    expect(result.warnings?.[0]).toMatch(/first line alone is longer/)
    expect(limitSize({ id: 'b', text: 'ab\r\ncd\ref' }, { maxDocBytes: 8, oversize: 'truncate' }).text).toBe('ab\r\ncd\r')
  })
})
