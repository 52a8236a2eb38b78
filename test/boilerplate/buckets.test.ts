/**
 * The corpus step's first sweep made as the line summaries arrive: the bitmap grows with the lines
 * and ends as the sweep after the fact makes it, so the step decides the same.
 */
import { describe, expect, it } from 'vitest'
import { arraySource, createDocument } from '../../src/document.js'
import { corpusBoilerplateSteps, CorpusBuckets, findCorpusBoilerplate, markBoilerplate, RULES, storySketch, summarizeLines } from '../../src/boilerplate/index.js'
import { LineBuckets } from '../../src/boilerplate/buckets.js'
import { FLAGS, LINE_WORDS } from '../../src/boilerplate/lines.js'
import { confirmLines } from '../../src/boilerplate/confirm.js'
import { resolveOptions } from '../../src/options.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import { devCorpus } from '../helpers/index.js'

const options = resolveOptions({ boilerplate: { disable: [...RULES.map((rule) => rule.id), 'related-links', 'line-score'] } })

function devDocuments() {
  return devCorpus().map((input) => {
    const document = createDocument(input)
    segment(document, options.segment)
    markBoilerplate(document, options.boilerplate)
    markRepeats(document, options.repeats)
    return document
  })
}

describe('LineBuckets', () => {
  it('fed a document at a time, marks the buckets the sweep over all documents marks', () => {
    const lines = devDocuments().map((document) => summarizeLines(document, options.boilerplate))
    for (const byTemplate of [false, true]) {
      const whole = LineBuckets.of(lines, byTemplate)
      const streamed = new LineBuckets(byTemplate)
      for (const document of lines) streamed.add(document)
      expect(streamed.documents).toBe(lines.length)
      let recurring = 0
      let single = 0
      for (const { table: row } of lines) {
        for (let at = 0; at < row.length; at += LINE_WORDS) {
          if (!whole.counted(row[at + FLAGS]!)) continue
          expect(streamed.mayRecur(row, at)).toBe(whole.mayRecur(row, at))
          if (whole.mayRecur(row, at)) recurring++
          else single++
        }
      }
      expect(recurring).toBeGreaterThan(100)
      expect(single * 16).toBeGreaterThan(4 * 1024) // the bitmap grew past its first 1,024 buckets
    }
  })

  it('made as the lines arrived, leaves the corpus step deciding the same', () => {
    const documents = devDocuments()
    const lines = documents.map((document) => summarizeLines(document, options.boilerplate))
    const ids = documents.map((document) => document.id)
    const expected = findCorpusBoilerplate(ids, lines, arraySource(documents), options.boilerplate)
    expect(expected.length).toBeGreaterThan(100)
    const buckets = new CorpusBuckets()
    for (const document of lines) buckets.add(document)
    const steps = corpusBoilerplateSteps(ids, lines, options.boilerplate, 1, buckets)
    let step = steps.next()
    while (!step.done) {
      step = steps.next(step.value.map((block) => confirmLines(block, { firstSketch: (k) => storySketch(documents[block.documents[k]!]!, lines[block.documents[k]!]!, options.boilerplate)!, paragraphs: (k) => documents[block.documents[k]!]!.paragraphs })))
    }
    expect(step.value).toEqual(expected)
    // Buckets of other lines are refused, not silently used.
    const other = new CorpusBuckets()
    other.add(lines[0]!)
    expect(() => corpusBoilerplateSteps(ids, lines, options.boilerplate, 1, other).next()).toThrow(/line buckets of 1 documents/)
  }, 60_000)
})
