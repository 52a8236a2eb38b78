/** The per-document stage runner: on worker threads it gives exactly what the stages give inline. */
import { describe, expect, it } from 'vitest'
import { markBoilerplate } from '../../src/boilerplate/index.js'
import { createDocument } from '../../src/document.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { applyStageOutputs, createDocumentStageRunner } from '../../src/parallel/index.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import { devCorpus } from '../helpers/index.js'

describe('createDocumentStageRunner', () => {
  it('fills paragraphs and decisions on two threads as the stages do inline, skipped inputs untouched', async () => {
    const inputs = devCorpus()
    const expected = inputs.map((input) => {
      const document = createDocument(input)
      segment(document, DEFAULT_OPTIONS.segment)
      markBoilerplate(document, DEFAULT_OPTIONS.boilerplate)
      markRepeats(document, DEFAULT_OPTIONS.repeats)
      return document
    })
    const runner = createDocumentStageRunner(DEFAULT_OPTIONS, 2)
    const pushed = [...inputs.slice(0, 100), { id: 'bad', text: '', skipped: 'malformed JSON' }, ...inputs.slice(100)]
    for (const input of pushed) await runner.push(input)
    const { outputs, timings } = await runner.finish()
    expect(outputs).toHaveLength(pushed.length)
    expect(outputs[100]).toBeNull()
    const documents = pushed.map((input) => createDocument(input))
    applyStageOutputs(documents, outputs)
    expect(documents[100]!.paragraphs).toEqual([])
    expect(documents.filter((document) => document.id !== 'bad')).toEqual(expected)
    expect(Object.keys(timings).sort()).toEqual(['boilerplate', 'repeats', 'segment'])
  })
})
