/**
 * The per-document stage takes shortcuts for speed (a word count taken once for all rules, the
 * rule table cached per options): on real documents its pattern removals must be exactly what the
 * plain definition (`matchRule`, paragraph by paragraph, and every input line of a rejoined
 * paragraph) gives.
 */
import { describe, expect, it } from 'vitest'
import { activeRules, markBoilerplate, matchRule } from '../../src/boilerplate/index.js'
import { findZones } from '../../src/boilerplate/zones.js'
import { createDocument } from '../../src/document.js'
import { resolveOptions } from '../../src/options.js'
import { segment } from '../../src/segment/index.js'
import { devCorpus } from '../helpers/index.js'

describe('pattern rules on the dev set', () => {
  it('remove exactly what matchRule names, paragraph by paragraph', () => {
    const options = resolveOptions({ boilerplate: { enable: ['all-caps'] } })
    const rules = activeRules(options.boilerplate)
    let removals = 0
    for (const { id, text } of devCorpus()) {
      const document = createDocument({ id, text })
      segment(document, options.segment)
      const zones = findZones(document.paragraphs)
      const lines = text.split(/\r\n|\r|\n/u)
      const expected = document.paragraphs.flatMap((paragraph, position) => {
        let rule = matchRule(rules, paragraph, position, zones)
        if (rule === undefined && paragraph.lines.end > paragraph.lines.start) {
          const each = lines.slice(paragraph.lines.start - 1, paragraph.lines.end).filter((line) => line.trim() !== '').map((line) => matchRule(rules, { ...paragraph, text: line }, position, zones))
          if (each.every((found) => found !== undefined)) rule = each[0]
        }
        return rule === undefined ? [] : [[paragraph.index, rule.id]]
      })
      markBoilerplate(document, options.boilerplate)
      const found = document.decisions.flatMap((decision) => (decision.kind === 'boilerplate' && decision.evidence.by === 'pattern' ? [[decision.paragraph, decision.rule]] : []))
      expect(found, id).toEqual(expected)
      removals += found.length
    }
    expect(removals).toBeGreaterThan(1000)
  })
})
