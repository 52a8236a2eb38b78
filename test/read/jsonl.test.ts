import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { byteLines, parseRecord, readJsonl } from '../../src/read/jsonl.js'
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
