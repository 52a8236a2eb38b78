/**
 * The dev set (../shared/eval/dev): the floors of issue 3 on boilerplate, held by the same
 * figures score.py computes. Measured when this test was written: precision 0.9981, recall
 * 0.9978, 0 content lines lost; what is left is gold noise in 8 documents whose line labels are
 * misaligned with the corpus, and one junk line that segment/ rejoined into a content paragraph.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { clean, RULES, type Report } from '../../src/index.js'
import { DEV_GOLD, devCorpus, readGold, type Gold } from '../helpers/index.js'
import { score, type Figures } from '../helpers/score.js'

let report: Report
let gold: Gold
let figures: Figures

beforeAll(async () => {
  gold = readGold(DEV_GOLD)
  report = (await clean(devCorpus())).report
  figures = score(gold, report)
}, 60_000)

describe('boilerplate on the dev set', () => {
  it('holds boilerplate precision >= 0.995 and recall >= 0.98', () => {
    expect(figures.boilerplate_precision).toBeGreaterThanOrEqual(0.995)
    expect(figures.boilerplate_recall).toBeGreaterThanOrEqual(0.98)
  })

  it('loses at most 5 content lines', () => {
    expect(figures.content_lines_lost).toBeLessThanOrEqual(5)
  })

  it('gives every removal a rule id and evidence, and never removes the same paragraph twice', () => {
    for (const document of report.documents) {
      const lines = document.removed.map((removed) => removed.line)
      expect(new Set(lines).size, document.id).toBe(lines.length)
      for (const removed of document.removed.filter((entry) => entry.kind === 'boilerplate')) {
        expect(removed.rule).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        expect(['pattern', 'block', 'corpus', 'score']).toContain(removed['by'])
        expect(removed.reason.length).toBeGreaterThan(10)
      }
    }
  })

  it('still finds most junk with no pattern rule at all (corpus repetition, templates, line score), losing no content', async () => {
    const disable = [...RULES.map((rule) => rule.id), 'related-links']
    const wordingFree = score(gold, (await clean(devCorpus(), { boilerplate: { disable } })).report)
    expect(wordingFree.boilerplate_precision).toBeGreaterThanOrEqual(0.99)
    expect(wordingFree.boilerplate_recall).toBeGreaterThanOrEqual(0.7)
    expect(wordingFree.content_lines_lost).toBe(0)
  }, 60_000)

  it('makes the same boilerplate decisions whatever the input order', async () => {
    const corpus = devCorpus()
    // A fixed permutation (every 7th document first, and so on), not a random one: the test must not flake.
    const shuffled = [0, 1, 2, 3, 4, 5, 6].flatMap((offset) => corpus.filter((_, i) => i % 7 === offset)).reverse()
    const again = (await clean(shuffled)).report
    const decisions = (r: Report) =>
      r.documents.map((document) => [document.id, document.removed.filter((entry) => entry.kind === 'boilerplate').map((entry) => [entry.line, entry.rule, entry.reason])])
    expect(decisions(again)).toEqual(decisions(report))
  }, 60_000)

  it('keeps the content traps: stock sentences, fixture lines, previews and datelines', () => {
    const kept = report.documents.map((document) => document.text).join('\n')
    for (const line of [
      'Analysts said the figures were broadly in line with expectations.',
      'The company did not immediately respond to a request for comment.',
      'Preview: Ireland v England (Sun)',
      'Lansdowne Road, Dublin',
      'Sunday, 27 February',
      '1500 GMT',
      '2000 GMT',
    ]) {
      expect(kept, line).toContain(`${line}\n`)
    }
    expect(kept).toMatch(/^LONDON - /mu)
  })
})
