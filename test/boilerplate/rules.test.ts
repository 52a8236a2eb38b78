/**
 * Every rule's own examples, run as tests (the remark-lint pattern): each `remove` example is
 * removed *by that rule* (the id is asserted, not only the removal), each `keep` example by none.
 * Then each rule once more inside a whole article run through `clean()`, so zones, word limits
 * and the other detectors are in play.
 */
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DETECTOR_IDS, RULES, markBoilerplate, matchRule } from '../../src/boilerplate/index.js'
import { createDocument } from '../../src/document.js'
import { resolveOptions } from '../../src/options.js'
import { segment } from '../../src/segment/index.js'
import { normalize } from '../../src/segment/normalize.js'
import type { Paragraph } from '../../src/types.js'
import { findZones } from '../../src/boilerplate/zones.js'
import { ROOT, doc } from '../helpers/index.js'

const DEFAULT_RULES = RULES.filter((rule) => !rule.optIn)
const BODY = [
  'The central bank left interest rates unchanged on Thursday, saying that inflation was still too high for a cut.',
  'Economists had expected the decision, although several said they now saw a cut coming before the end of the year.',
  'The governor told reporters that the committee would watch the figures closely over the next few months.',
]

/** The first rule of `rules` that matches a lone line. */
function firstRule(line: string, rules = RULES): string | undefined {
  const paragraph = doc([line]).paragraphs[0]!
  return matchRule(rules, paragraph, 0, findZones([paragraph]))?.id
}

describe('the rule table', () => {
  it('has unique kebab-case ids, a description, and at least one example each way per rule', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(rule.description.length, rule.id).toBeGreaterThan(10)
      expect(rule.examples.remove.length, rule.id).toBeGreaterThan(0)
      expect(rule.examples.keep.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('is listed in the README, every rule and detector id with an example', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Boilerplate rules'), readme.indexOf('## Development'))
    for (const id of [...RULES.map((rule) => rule.id), ...DETECTOR_IDS]) expect(section, id).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'))
  })

  for (const rule of RULES) {
    describe(rule.id, () => {
      it.each(rule.examples.remove)('removes %j as %s', (line) => {
        expect(firstRule(line)).toBe(rule.id)
      })
      // Content must pass every rule on by default (and an opt-in rule must pass its own).
      it.each(rule.examples.keep)('keeps %j (no rule matches)', (line) => {
        expect(firstRule(line, rule.optIn ? [rule] : DEFAULT_RULES)).toBeUndefined()
      })
    })
  }
})

describe('each rule inside an article', () => {
  for (const rule of RULES) {
    it(`${rule.id}: removes its example after the body and keeps its content example in the body`, async () => {
      const junk = rule.examples.remove[0]!
      const content = rule.examples.keep[0]!
      const text = ['Bank holds rates', BODY[0], content, BODY[1], BODY[2], junk].join('\n')
      const options = rule.optIn ? { boilerplate: { enable: [rule.id] } } : {}
      const { report, documents } = await clean([{ id: 'a.txt', text }], options)
      const removed = report.documents[0]!.removed
      expect(removed.map((entry) => [entry.line, entry.rule])).toEqual([[6, rule.id]])
      expect(removed[0]).toMatchObject({ kind: 'boilerplate', by: 'pattern', zone: rule.zone })
      // The evidence is what the pattern matched, a non-empty part of the line; the pattern itself is listed once.
      const match = removed[0]!['match'] as string
      expect(match.length).toBeGreaterThan(0)
      expect(junk).toContain(match)
      expect(report.rules.find((listed) => listed.id === rule.id)).toEqual({ id: rule.id, description: rule.description, zone: rule.zone, pattern: rule.pattern.source, flags: rule.pattern.flags, maxWords: rule.maxWords })
      expect(documents[0]!.text).toContain(content)
    })
  }

  it('keeps opt-in rules off until enabled by id', async () => {
    const text = ['Bank holds rates', ...BODY, 'EXCLUSIVE'].join('\n')
    const off = await clean([{ id: 'a.txt', text }])
    expect(off.report.documents[0]!.removed).toEqual([])
    const on = await clean([{ id: 'a.txt', text }], { boilerplate: { enable: ['all-caps'] } })
    expect(on.report.documents[0]!.removed.map((entry) => entry.rule)).toEqual(['all-caps'])
  })

  it('switches a rule off by id, and the stage off altogether', async () => {
    const text = ['Bank holds rates', 'By Anna Kim, Staff Reporter', ...BODY, 'Share this article'].join('\n')
    const all = await clean([{ id: 'a.txt', text }])
    expect(all.report.documents[0]!.removed.map((entry) => entry.rule)).toEqual(['byline', 'share-button'])
    const noByline = await clean([{ id: 'a.txt', text }], { boilerplate: { disable: ['byline'] } })
    expect(noByline.report.documents[0]!.removed.map((entry) => entry.rule)).toEqual(['share-button'])
    const none = await clean([{ id: 'a.txt', text }], { boilerplate: { enabled: false } })
    expect(none.report.documents[0]!.removed).toEqual([])
  })

  it('rejects unknown rule ids and invalid extra patterns with an "Expected" message', async () => {
    await expect(clean([], { boilerplate: { disable: ['bylin'] } })).rejects.toThrow(/Expected `boilerplate.disable` to name known rules, got unknown bylin/)
    await expect(clean([], { boilerplate: { extraRules: [{ id: 'bad', description: '', pattern: '(' }] } })).rejects.toThrow(
      /Expected `boilerplate.extraRules\[0\].pattern` to be a valid regular expression/,
    )
  })

  it('gives the same answer for every paragraph even when an extra rule asks for the g flag', async () => {
    const extraRules = [{ id: 'promo-code', description: '', pattern: '^use code', flags: 'gi' }]
    const text = ['Bank holds rates', ...BODY, 'Use code A', 'Use code B', 'Use code C'].join('\n')
    const { report } = await clean([{ id: 'a.txt', text }], { boilerplate: { extraRules } })
    expect(report.documents[0]!.removed.map((entry) => entry.line)).toEqual([5, 6, 7])
    // Without a description, a removal is worded by what the pattern matched.
    expect(report.documents[0]!.removed[0]!.reason).toBe('matches the promo-code rule on "Use code"')
  })

  it('applies extra rules with their zone and word limit', async () => {
    const extraRules = [{ id: 'promo-code', description: 'A promo code pitch.', pattern: '^use code \\w+', flags: 'iu', zone: 'bottom' as const, maxWords: 10 }]
    const text = ['Bank holds rates', 'Use code SAVE10 at the till, the manager said, and nobody did so all week.', ...BODY, 'Use code SAVE10 for 10% off'].join('\n')
    const { report } = await clean([{ id: 'a.txt', text }], { boilerplate: { extraRules } })
    expect(report.documents[0]!.removed.map((entry) => [entry.line, entry.rule, entry['zone']])).toEqual([[6, 'promo-code', 'bottom']])
    expect(report.documents[0]!.removed[0]!.reason).toBe('matches the promo-code rule: A promo code pitch, in the bottom zone')
    expect(report.documents[0]!.removed[0]!['match']).toBe('Use code SAVE10')
    expect(report.rules.find((rule) => rule.id === 'promo-code')).toEqual({ id: 'promo-code', description: 'A promo code pitch.', zone: 'bottom', pattern: '^use code \\w+', flags: 'iu', maxWords: 10 })
  })

  it('lists in the report the rules in force, and only those', async () => {
    const text = ['Bank holds rates', ...BODY].join('\n')
    const ids = async (boilerplate: object): Promise<string[]> => (await clean([{ id: 'a.txt', text }], { boilerplate })).report.rules.map((rule) => rule.id)
    const all = await ids({})
    expect(all).toEqual([...RULES.filter((rule) => !rule.optIn).map((rule) => rule.id), ...DETECTOR_IDS])
    expect(await ids({ disable: ['byline', 'related-links'] })).toEqual(all.filter((id) => id !== 'byline' && id !== 'related-links'))
    expect(await ids({ enable: ['social-footer'] })).toContain('social-footer')
    expect(await ids({ enabled: false })).toEqual([])
  })

  it('removes a rejoined paragraph when each of its input lines is junk on its own, and not when one is content', () => {
    // Footer lines of similar width can look like a hard-wrapped paragraph to segment/.
    const lines = ['Bank holds rates', ...BODY, 'Follow us on Facebook and Twitter', 'Copyright Capital Post 2005', 'Terms of use | Privacy policy | Contact us']
    const document = createDocument({ id: 'a.txt', text: `${lines.join('\n')}\n` })
    segment(document, { rejoin: false })
    const [title, ...rest] = document.paragraphs
    const joined = (start: number, end: number, index: number): Paragraph => ({
      index,
      lines: { start, end },
      text: lines.slice(start - 1, end).join(' '),
      key: normalize(lines.slice(start - 1, end).join(' ')),
    })
    document.paragraphs = [title!, ...rest.slice(0, 3), joined(5, 7, 4)]
    markBoilerplate(document, resolveOptions().boilerplate)
    expect(document.decisions).toEqual([expect.objectContaining({ kind: 'boilerplate', rule: 'social-footer', paragraph: 4 })])

    const mixed = createDocument({ id: 'b.txt', text: `${lines.join('\n')}\n` })
    segment(mixed, { rejoin: false })
    mixed.paragraphs = [mixed.paragraphs[0]!, mixed.paragraphs[1]!, mixed.paragraphs[2]!, joined(4, 5, 3), mixed.paragraphs[5]!, mixed.paragraphs[6]!]
    markBoilerplate(mixed, resolveOptions().boilerplate)
    expect(mixed.decisions.map((decision) => decision.paragraph)).not.toContain(3)
  })
})

describe('hostile input', () => {
  // Patterns that could backtrack exponentially (a character both inside a word and between
  // words) would not finish these lines before the test times out.
  it('matches long repetitive lines without catastrophic backtracking', () => {
    const units = ['A ', 'A, ', '1, ', '1:', 'AA/', '© A ', '[A] ', 'A & ', 'Reporting by A; ', '(Photo: A) ', ' - ']
    for (const unit of units) {
      for (const prefix of ['', 'By ', 'Published ', 'Copyright ', 'READ MORE: ']) {
        for (const tail of ['', 'x', ' a', '(']) {
          const line = `${prefix}${unit.repeat(60)}${tail}`
          for (const rule of RULES) expect(typeof rule.pattern.test(line)).toBe('boolean')
        }
      }
    }
  })
})
