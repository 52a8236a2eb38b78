import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { byteLines, parseJsonlLine, parseRecord, readJsonl, readJsonlLines, type JsonlLine } from '../../src/read/jsonl.js'
import { withTempDir } from '../helpers/index.js'
import type { Diagnostic } from '../../src/types.js'

async function lines(chunks: Buffer[]): Promise<Array<{ text: string; warning?: string }>> {
  const out = []
  for await (const line of byteLines(Readable.from(chunks))) out.push(line)
  return out
}

describe('byteLines', () => {
  it('splits on LF wherever the chunks break, drops a CR before LF, keeps a last line without LF', async () => {
    const bytes = Buffer.from('{"a":1}\r\n{"b":"é"}\n\n{"c":3}')
    const whole = await lines([bytes])
    expect(whole.map((line) => line.text)).toEqual(['{"a":1}', '{"b":"é"}', '', '{"c":3}'])
    // One byte per chunk: lines and multi-byte characters split across chunks come out whole.
    expect(await lines([...bytes].map((byte) => Buffer.from([byte])))).toEqual(whole)
  })

  it('replaces broken UTF-8 in a line and says how many bytes', async () => {
    const [line] = await lines([Buffer.from([0x61, 0xff, 0xfe, 0x62])])
    expect(line).toEqual({ text: 'a\ufffd\ufffdb', warning: '2 invalid UTF-8 bytes replaced with U+FFFD' })
  })
})

describe('parseRecord', () => {
  const diagnostics: Diagnostic[] = []
  const options = { idField: 'id', textField: 'text', onDiagnostic: (d: Diagnostic) => diagnostics.push(d) }

  it('names a record with an unusable id file:line and says why', () => {
    expect(parseRecord('{"id": null, "text": "t"}', 'f.jsonl', 3, options)).toEqual({
      id: 'f.jsonl:3',
      text: 't',
      source: { file: 'f.jsonl', line: 3 },
      warnings: ['"id" is null; named f.jsonl:3'],
    })
  })

  it('skips a truncated record with its file and line', () => {
    const document = parseRecord('{"id": "a", "text": "cut', 'f.jsonl', 9, options)
    expect(document).toMatchObject({ id: 'f.jsonl:9', skipped: expect.stringMatching(/^malformed JSON/) })
    expect(diagnostics.at(-1)).toMatchObject({ severity: 'error', code: 'malformed-json', file: 'f.jsonl', line: 9 })
  })
})

describe('readJsonl', () => {
  it('refuses a compressed file in one line instead of a flood of malformed records', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'corpus.jsonl')
      await writeFile(path, gzipSync(Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: i, text: `t${i}` })).join('\n')))
      const diagnostics: Diagnostic[] = []
      const documents = []
      for await (const document of readJsonl(path, { idField: 'id', textField: 'text', onDiagnostic: (d) => diagnostics.push(d) })) documents.push(document)
      expect(documents).toEqual([])
      expect(diagnostics).toEqual([{ severity: 'error', code: 'binary', file: path, message: 'binary file (gzip archive), not JSONL' }])
    })
  })
})

describe('readJsonlLines and parseJsonlLine', () => {
  it('yield the lines unparsed, numbered, and parse each to what readJsonl gives, problems included', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'corpus.jsonl')
      const records = [
        '\ufeff{"id": "a", "text": "first, after a BOM"}',
        '',
        '{"id": "b", "text": "crlf line"}\r',
        '{"id": "c", "text": "cut',
        '\u00a0 ',
        '[1, 2]',
        '{"id": "d"}',
        '{"id": 7, "text": "numeric id, NUL\\u0000 inside"}',
      ]
      await writeFile(path, Buffer.concat([Buffer.from(records.join('\n')), Buffer.from([0x0a, 0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])]))
      const parsed: Diagnostic[] = []
      const viaLines: unknown[] = []
      const lines: JsonlLine[] = []
      for await (const line of readJsonlLines(path, { idField: 'id', textField: 'text', onDiagnostic: (d) => parsed.push(d) })) {
        lines.push({ ...line, jsonl: Buffer.from(line.jsonl) })
        const document = parseJsonlLine(line)
        if (document) viaLines.push(document)
      }
      expect(lines.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
      expect(Buffer.from(lines[2]!.jsonl).toString()).toBe('{"id": "b", "text": "crlf line"}')
      const direct: Diagnostic[] = []
      const viaReadJsonl: unknown[] = []
      for await (const document of readJsonl(path, { idField: 'id', textField: 'text', onDiagnostic: (d) => direct.push(d) })) viaReadJsonl.push(document)
      expect(viaLines).toEqual(viaReadJsonl)
      expect(parsed).toEqual(direct)
      expect(viaLines).toHaveLength(7) // the blank and the whitespace-only lines are no documents
      expect(direct.map((d) => d.code)).toEqual(['malformed-json', 'not-an-object', 'missing-text'])
      expect(viaLines.at(-1)).toMatchObject({ text: '\ufffd', warnings: ['1 invalid UTF-8 byte replaced with U+FFFD'] })
    })
  })

  it("says a bad line through the line's own diagnostics sink (a worker collects them apart)", () => {
    const collected: Diagnostic[] = []
    const line: JsonlLine = { jsonl: Buffer.from('{"id": 1'), file: 'f.jsonl', line: 4, options: { idField: 'id', textField: 'text', onDiagnostic: (d) => collected.push(d) } }
    expect(parseJsonlLine(line)).toMatchObject({ id: 'f.jsonl:4', skipped: expect.any(String) })
    expect(collected).toMatchObject([{ code: 'malformed-json', file: 'f.jsonl', line: 4 }])
  })
})
