/** The passes read the spool: pass 3 reads no matching keys, and renders as if it had them. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { loadDocument, type DocumentMeta } from '../../src/parallel/index.js'
import { readPass, renderPass } from '../../src/parallel/passes.js'
import { reportDocument } from '../../src/report/build.js'
import { createSpoolFolder } from '../../src/spool/index.js'
import { devCorpus, seedFiles } from '../helpers/index.js'

describe('renderPass', () => {
  it('renders from documents loaded without keys what the documents with their keys give', async () => {
    const inputs = [...seedFiles(), ...devCorpus().slice(0, 150)]
    const spool = createSpoolFolder()
    try {
      const read = readPass({ pass: 'read', spool: spool.dir, inputs: inputs.map((input) => ({ text: input.text })), jsonl: null, options: DEFAULT_OPTIONS })
      const metas = inputs.map(({ id }): DocumentMeta => ({ id, source: { file: id }, warnings: [] }))
      const places = read.documents.map((document) => document.cleaned!.place)
      const withKeys = places.map((place, i) => loadDocument(spool.dir, place, metas[i]!))
      expect(withKeys.some((document) => document.decisions.length > 0 && document.paragraphs.some((paragraph) => paragraph.key !== ''))).toBe(true)
      const rendered = await renderPass({
        pass: 'render',
        extraRules: [],
        spool: spool.dir,
        items: places.map((place, i) => ({ place, meta: metas[i]!, extra: [], selected: true })),
        first: 0,
        out: null,
        entries: true,
        htmlDocuments: 0,
      })
      expect(rendered.documents.map((document) => document.entry)).toEqual(withKeys.map((document) => reportDocument(document)))
    } finally {
      spool.dispose()
    }
  })
})
