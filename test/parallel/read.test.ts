/**
 * Pass 1 takes JSONL lines unparsed and parses them on the workers (`readInputs`): the result must be
 * what parsing them on the reading thread gives (`readDocuments`), problems, skips and order included,
 * with inputs of both kinds mixed, across several batches, whatever --jobs is.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/pipeline.js'
import * as neardup from '../../src/index.js'
import { readDocuments, readInputs } from '../../src/read/index.js'
import type { CleanOptionsInput } from '../../src/options.js'
import type { Diagnostic } from '../../src/types.js'
import { seedFiles, withTempDir } from '../helpers/index.js'

async function corpus(dir: string): Promise<string[]> {
  const seeds = seedFiles()
  const texts = join(dir, 'texts')
  await mkdir(texts)
  await writeFile(join(texts, 'a.txt'), seeds[0]!.text)
  await writeFile(join(texts, 'b.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
  const good = Array.from({ length: 700 }, (_, i) => JSON.stringify({ id: `g${i % 650}`, text: `${seeds[i % seeds.length]!.text}\n\nVariant ${i}.` }))
  const hostile = [
    '{"id": "cut", "text": "unterminated',
    '',
    '   ',
    '"a string"',
    '{"id": "no-text"}',
    '{"id": "big", "text": "' + 'A long line of words.\\n'.repeat(400) + '"}',
    '{"id": null, "text": "null id, CRLF"}\r',
  ]
  const lines = [...good.slice(0, 300), ...hostile, ...good.slice(300)]
  const jsonl = join(dir, 'corpus.jsonl')
  await writeFile(jsonl, Buffer.concat([Buffer.from('\ufeff' + lines.join('\n') + '\n'), Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0x61, 0xc3, 0x22, 0x7d, 0x0a])]))
  await writeFile(join(dir, 'last.txt'), seeds[1]!.text)
  return [texts, jsonl, join(dir, 'missing.jsonl'), join(dir, 'last.txt')]
}

async function run(read: typeof readInputs, inputs: string[], options: CleanOptionsInput): Promise<{ report: unknown; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const { report } = await clean(read(inputs, { glob: '**/*.{txt,png}', onDiagnostic: (d) => diagnostics.push(d) }), options, { diagnostics })
  const { stats, ...rest } = report
  const { timings: _, ...counts } = stats
  return { report: { ...rest, stats: counts }, diagnostics: [...diagnostics].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }
}

describe('pass 1 with JSONL lines parsed on the workers', () => {
  it('is what the package gives library callers too', () => {
    expect(neardup.readInputs).toBe(readInputs)
    expect(neardup.isJsonlLine({ jsonl: new Uint8Array(0), file: 'f', line: 1 })).toBe(true)
  })

  for (const oversize of ['skip', 'truncate'] as const) {
    it(`gives what parsing on the reading thread gives (oversize: ${oversize}), with 1 and 2 threads`, async () => {
      await withTempDir(async (dir) => {
        const inputs = await corpus(dir)
        const options = { input: { maxDocBytes: 4000, oversize } }
        const expected = await run(readDocuments, inputs, { ...options, jobs: 1 })
        const documents = (expected.report as { documents: Array<{ id: string; status: string; warnings: string[] }> }).documents
        const big = documents.find((d) => d.id === 'big')!
        if (oversize === 'skip') expect(big.status).toBe('skipped')
        else expect(big.warnings.join()).toMatch(/truncated to \d+ bytes/)
        expect(documents.length).toBeGreaterThan(700)
        expect(documents.filter((d) => d.status === 'skipped').map((d) => d.id)).toEqual(expect.arrayContaining(['b.png']))
        expect(expected.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['malformed-json', 'not-an-object', 'missing-text', 'not-found']))
        for (const jobs of [1, 2]) {
          const got = await run(readInputs, inputs, { ...options, jobs })
          expect(got.diagnostics).toEqual(expected.diagnostics)
          expect(got.report).toEqual(expected.report)
        }
      })
    })
  }
})
