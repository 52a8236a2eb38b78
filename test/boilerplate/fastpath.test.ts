/**
 * The per-document stage takes shortcuts for speed (a word count taken once for all rules, the
 * rule table cached per options): on real documents its pattern removals must be exactly what the
 * plain definition (`matchRule`, paragraph by paragraph, and every input line of a rejoined
 * paragraph) gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { activeRules, markBoilerplate, matchRule } from '../../src/boilerplate/index.js'
import { findZones } from '../../src/boilerplate/zones.js'
import { createDocument } from '../../src/document.js'
import { resolveOptions } from '../../src/options.js'
import { segment } from '../../src/segment/index.js'
import { devCorpus } from '../helpers/index.js'

/** The pattern removals markBoilerplate pushes: [paragraph, rule]. */
function patternRemovals(document: ReturnType<typeof createDocument>): Array<[number, string]> {
  return document.decisions.flatMap((decision) => (decision.kind === 'boilerplate' && decision.evidence.by === 'pattern' ? [[decision.paragraph, decision.rule] as [number, string]] : []))
}

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
      const found = patternRemovals(document)
      expect(found, id).toEqual(expected)
      removals += found.length
    }
    expect(removals).toBeGreaterThan(1000)
  })
})

describe('word limits and zones', () => {
  it('are applied as matchRule applies them, whatever the limits, zones and paragraph lengths', () => {
    const zone = fc.constantFrom('anywhere' as const, 'top' as const, 'bottom' as const)
    const rule = fc.record({ zone, maxWords: fc.integer({ min: 1, max: 12 }), pattern: fc.constantFrom('.', '^w', '\\d$', 'x') })
    const line = fc.array(fc.constantFrom('w', 'x', '7', 'word.', ' '), { minLength: 1, maxLength: 14 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), fc.array(line, { minLength: 1, maxLength: 12 }), (specs, lines) => {
        const extraRules = specs.map((spec, i) => ({ id: `rule-${i}`, description: 'A test rule.', ...spec }))
        const options = resolveOptions({ boilerplate: { extraRules } })
        const rules = activeRules(options.boilerplate).filter((candidate) => candidate.id.startsWith('rule-'))
        const document = createDocument({ id: 'a', text: lines.join('\n') })
        segment(document, { rejoin: false })
        const zones = findZones(document.paragraphs)
        const expected = document.paragraphs.flatMap((paragraph, position) => {
          const found = matchRule(activeRules(options.boilerplate), paragraph, position, zones)
          return found === undefined ? [] : [[paragraph.index, found.id]]
        })
        markBoilerplate(document, options.boilerplate)
        expect(rules.length).toBe(specs.length)
        expect(patternRemovals(document)).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
