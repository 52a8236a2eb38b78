/**
 * Stage 3: syndication junk. Detectors return verdicts; this file keeps the books: every
 * removal becomes a `boilerplate` decision with its rule id and evidence.
 */
import type { BoilerplateOptions } from '../options.js'
import type { Document, Paragraph, Zone } from '../types.js'
import { keptParagraphs } from '../document.js'
import { findLinkBlocks } from './blocks.js'
import { RULES, type BoilerplateRule } from './rules.js'

export { RULES, type BoilerplateRule } from './rules.js'

/** Share of an article, from either end, where top- and bottom-zone rules may fire. */
const ZONE_SHARE = 0.35

function compileExtraRules(options: BoilerplateOptions): BoilerplateRule[] {
  return options.extraRules.map((spec) => ({
    id: spec.id,
    description: spec.description,
    zone: spec.zone ?? 'anywhere',
    pattern: new RegExp(spec.pattern, spec.flags ?? 'u'),
    maxWords: spec.maxWords ?? 40,
    examples: { remove: [], keep: [] },
  }))
}

/** The rules in force for these options, in table order, extra rules last. */
export function activeRules(options: BoilerplateOptions): BoilerplateRule[] {
  return [...RULES, ...compileExtraRules(options)].filter(
    (rule) => !options.disable.includes(rule.id) && (!rule.optIn || options.enable.includes(rule.id)),
  )
}

function inZone(zone: Zone, position: number, count: number): boolean {
  if (zone === 'anywhere') return true
  const reach = Math.max(2, Math.ceil(count * ZONE_SHARE))
  return zone === 'top' ? position < reach : position >= count - reach
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/u).length
}

/** Does this rule remove this paragraph, at this position among the document's paragraphs? */
export function ruleMatches(rule: BoilerplateRule, paragraph: Paragraph, position: number, count: number): boolean {
  return (
    inZone(rule.zone, position, count) &&
    wordCount(paragraph.text) <= rule.maxWords &&
    rule.pattern.test(paragraph.text.trim())
  )
}

/** Per-document junk: pattern rules, then related-links blocks. */
export function markBoilerplate(document: Document, options: BoilerplateOptions): void {
  if (!options.enabled) return
  const rules = activeRules(options)
  const paragraphs = keptParagraphs(document)
  const removed = new Set<number>()
  paragraphs.forEach((paragraph, position) => {
    for (const rule of rules) {
      if (!ruleMatches(rule, paragraph, position, paragraphs.length)) continue
      removed.add(paragraph.index)
      document.decisions.push({
        kind: 'boilerplate',
        rule: rule.id,
        paragraph: paragraph.index,
        evidence: { by: 'pattern', pattern: rule.pattern.source, zone: rule.zone },
      })
      return
    }
  })
  if (options.disable.includes('related-links')) return
  for (const match of findLinkBlocks(document, paragraphs)) {
    if (removed.has(match.paragraph)) continue
    document.decisions.push({
      kind: 'boilerplate',
      rule: 'related-links',
      paragraph: match.paragraph,
      evidence: { by: 'block', header: match.header.lines.start, headerText: match.header.text.trim() },
    })
  }
}

/** Corpus-level junk: lines that recur across unrelated stories. Runs after every document is segmented. */
export function markCorpusBoilerplate(documents: readonly Document[], options: BoilerplateOptions): void {
  if (!options.enabled) return
  void documents
}
