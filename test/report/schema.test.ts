import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { ROOT, devCorpus, seedFiles } from '../helpers/index.js'

const schema = JSON.parse(readFileSync(join(ROOT, 'src', 'report', 'report.schema.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

function expectValid(report: unknown): void {
  const ok = validate(report)
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([])
  expect(ok).toBe(true)
}

describe('report.json schema', () => {
  it('accepts the seeds report', async () => {
    expectValid(JSON.parse(JSON.stringify((await clean(seedFiles())).report)))
  })

  it('accepts the dev-set report, with every document in it', async () => {
    const corpus = devCorpus()
    const { report } = await clean(corpus)
    expectValid(JSON.parse(JSON.stringify(report)))
    expect(report.documents).toHaveLength(corpus.length)
  })

  it('accepts empty and skipped documents', async () => {
    const { report } = await clean([
      { id: 'a', text: '' },
      { id: 'b', text: '', skipped: 'binary file' },
      { id: 'c', text: 'One real paragraph here.\n' },
    ])
    expectValid(JSON.parse(JSON.stringify(report)))
    expect(report.documents.map((document) => document.status)).toEqual(['empty', 'skipped', 'kept'])
  })

  it('takes `original` (the input text, for the HTML report) as optional: present, absent, never another type', async () => {
    const seeds = seedFiles()
    const report = JSON.parse(JSON.stringify((await clean(seeds)).report)) as { documents: Array<Record<string, unknown>> }
    expect(report.documents.map((document) => document['original'])).toEqual(report.documents.map((document) => seeds.find((seed) => seed.id === document['id'])!.text))
    for (const document of report.documents) delete document['original']
    expectValid(report)
    report.documents[0]!['original'] = 42
    expect(validate(report)).toBe(false)
  })

  it('rejects a report that lost a required field', async () => {
    const report = JSON.parse(JSON.stringify((await clean(seedFiles())).report)) as { documents: Array<Record<string, unknown>> }
    delete report.documents[0]!['status']
    expect(validate(report)).toBe(false)
  })
})

describe('report stats', () => {
  it('add up: in = kept + duplicate + empty + skipped, and removed lines by rule sum to removed lines by kind', async () => {
    const { report } = await clean(devCorpus())
    const { documents, lines } = report.stats
    expect(documents.kept + documents.duplicate + documents.empty + documents.skipped).toBe(documents.in)
    const byRule = Object.values(lines.byRule).reduce((sum, count) => sum + count, 0)
    expect(byRule).toBe(lines.removed.boilerplate + lines.removed.repeat)
    expect(lines.kept + lines.removed.boilerplate + lines.removed.repeat).toBe(lines.in)
  })
})
