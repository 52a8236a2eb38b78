/**
 * The corpus step's recurring lines confirmed a block at a time on worker threads, each block
 * reading its sample texts and story sketches from the spool: the removals are the ones the step
 * finds on one thread over the documents in memory, however many blocks the lines are cut in.
 */
import { describe, expect, it } from 'vitest'
import { CorpusGenerator, documentId } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { arraySource, createDocument } from '../../src/document.js'
import { corpusBoilerplateSteps, findCorpusBoilerplate, markBoilerplate, RULES, summarizeLines, type CorpusLines, type LineFindings } from '../../src/boilerplate/index.js'
import { resolveOptions } from '../../src/options.js'
import { BATCH_DOCUMENTS, PassRunner } from '../../src/parallel/index.js'
import { markRepeats } from '../../src/repeats/index.js'
import { segment } from '../../src/segment/index.js'
import { createSpoolFolder, type RecordPlace } from '../../src/spool/index.js'

// Every per-document rule off: the corpus step then finds plenty, by exact lines and by templates.
const options = resolveOptions({ boilerplate: { disable: [...RULES.map((rule) => rule.id), 'related-links', 'line-score'] } })

describe('the lines pass', () => {
  it.each([1, 2])('with %i thread(s), confirms blocks of lines read from the spool into the removals found in memory', async (jobs) => {
    const devSet = findDevSet()
    if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
    const generator = new CorpusGenerator(loadPools(devSet), 23)
    const inputs = Array.from({ length: 1200 }, (_, n) => ({ id: documentId(n + 1), text: generator.next() })).reverse()
    const documents = inputs.map((input) => {
      const document = createDocument(input)
      segment(document, options.segment)
      markBoilerplate(document, options.boilerplate)
      markRepeats(document, options.repeats)
      return document
    })
    const ids = documents.map((document) => document.id)
    const expected = findCorpusBoilerplate(ids, documents.map((document) => summarizeLines(document, options.boilerplate)), arraySource(documents), options.boilerplate)
    expect(expected.filter((removal) => removal.rule === 'corpus-repeat').length).toBeGreaterThan(20)
    expect(expected.filter((removal) => removal.rule === 'corpus-template').length).toBeGreaterThan(5)

    const spool = createSpoolFolder()
    const runner = new PassRunner(jobs)
    try {
      // Pass 1 spools the documents and their first sketches, as the pipeline's does.
      runner.start()
      const places: RecordPlace[] = []
      const sketches: Array<RecordPlace | null> = []
      const lines: CorpusLines[] = []
      const size = Math.ceil(BATCH_DOCUMENTS / 4)
      for (let from = 0; from < inputs.length; from += size) {
        const texts = inputs.slice(from, from + size).map((input) => input.text)
        await runner.dispatch({ pass: 'read', spool: spool.dir, inputs: texts.map((text) => ({ text })), jsonl: null, options }, (output) => {
          output.documents.forEach((document, i) => {
            places[from + i] = document.cleaned!.place
            sketches[from + i] = document.cleaned!.story
            lines[from + i] = document.cleaned!.lines
          })
        })
      }
      await runner.drain()
      // Three threads' worth of blocks (twelve a round), whatever threads run them.
      const steps = corpusBoilerplateSteps(ids, lines, options.boilerplate, 3)
      let rounds = 0
      let blocks = 0
      let step = steps.next()
      for (; !step.done; rounds++) {
        const findings: LineFindings[] = []
        for (const [b, block] of step.value.entries()) {
          blocks++
          const task = { pass: 'lines' as const, spool: spool.dir, block, documents: Array.from(block.documents, (k) => places[k]!), sketches: Array.from(block.documents, (k, i) => (block.changed[i] === 1 ? null : sketches[k]!)) }
          await runner.dispatch(task, (output) => {
            findings[b] = output.findings
          })
        }
        await runner.drain()
        step = steps.next(findings)
      }
      expect(step.value).toEqual(expected)
      expect(rounds).toBeGreaterThanOrEqual(2) // exact lines, then templates
      expect(blocks).toBeGreaterThan(2 * 6)
      expect(Object.keys(runner.timings)).toContain('corpus-lines')
    } finally {
      await runner.close()
      spool.dispose()
    }
  }, 60_000)
})
