/**
 * Stage 3: syndication junk. Detectors return verdicts; this file keeps the books: every
 * removal becomes a `boilerplate` decision with its rule id and evidence.
 *
 * Per document (after segmentation): pattern rules, then related-links blocks, then the line
 * score for what is left at the article's edges. Per corpus (after the repeats stage): lines that
 * recur across distinct stories (`corpus.ts`), word for word and then as templates (`template.ts`).
 */
import type { BoilerplateOptions } from '../options.js'
import type { BoilerplateEvidence, Document, Paragraph } from '../types.js'
import { keptParagraphs } from '../document.js'
import { findLinkBlocks } from './blocks.js'
import { exactLine, findRecurringLines, templateLine } from './corpus.js'
import { RULES, type BoilerplateRule } from './rules.js'
import { findJunkByScore } from './score.js'
import { findZones, inZone, wordCount, type Zones } from './zones.js'

export { RULES, BLOCK_HEADERS, DETECTOR_IDS, DETECTOR_DESCRIPTIONS, type BoilerplateRule } from './rules.js'

// Extra rules are compiled once per options object, not once per document.
const compiled = new WeakMap<BoilerplateOptions['extraRules'], BoilerplateRule[]>()

function compileExtraRules(options: BoilerplateOptions): BoilerplateRule[] {
  const cached = compiled.get(options.extraRules)
  if (cached) return cached
  const rules = options.extraRules.map((spec) => ({
    id: spec.id,
    description: spec.description,
    zone: spec.zone ?? 'anywhere',
    // `g` and `y` would make `test()` remember where it stopped, and answer differently for the next paragraph.
    pattern: new RegExp(spec.pattern, (spec.flags ?? 'u').replace(/[gy]/gu, '')),
    maxWords: spec.maxWords ?? 40,
    examples: { remove: [], keep: [] },
  }))
  compiled.set(options.extraRules, rules)
  return rules
}

function isActive(id: string, options: BoilerplateOptions, optIn = false): boolean {
  return !options.disable.includes(id) && (!optIn || options.enable.includes(id))
}

/** The rules in force for these options, in table order, extra rules last. */
export function activeRules(options: BoilerplateOptions): BoilerplateRule[] {
  return [...RULES, ...compileExtraRules(options)].filter((rule) => isActive(rule.id, options, rule.optIn))
}

/** Does this rule remove this paragraph, at this position among the document's paragraphs? */
export function ruleMatches(rule: BoilerplateRule, paragraph: Paragraph, position: number, zones: Zones): boolean {
  return (
    inZone(rule.zone, position, zones) &&
    wordCount(paragraph.text, rule.maxWords) <= rule.maxWords &&
    rule.pattern.test(paragraph.text.trim())
  )
}

/** The first matching rule for a paragraph, or undefined. */
export function matchRule(rules: readonly BoilerplateRule[], paragraph: Paragraph, position: number, zones: Zones): BoilerplateRule | undefined {
  return rules.find((rule) => ruleMatches(rule, paragraph, position, zones))
}

function remove(document: Document, paragraph: number, rule: string, evidence: BoilerplateEvidence): void {
  document.decisions.push({ kind: 'boilerplate', rule, paragraph, evidence })
}

/**
 * The rule that removes a paragraph. A paragraph rejoined from several input lines (a hard wrap)
 * is also junk when each of its lines alone is: footer lines can look like a wrapped paragraph.
 */
function paragraphRule(rules: readonly BoilerplateRule[], paragraph: Paragraph, position: number, zones: Zones, inputLines: () => readonly string[]): BoilerplateRule | undefined {
  const whole = matchRule(rules, paragraph, position, zones)
  if (whole || paragraph.lines.end === paragraph.lines.start) return whole
  const lines = inputLines().slice(paragraph.lines.start - 1, paragraph.lines.end).filter((line) => line.trim() !== '')
  const each = lines.map((line) => matchRule(rules, { ...paragraph, text: line }, position, zones))
  return each.every((rule) => rule !== undefined) ? each[0] : undefined
}

/** Per-document junk: pattern rules, related-links blocks, then the line score at the edges. */
export function markBoilerplate(document: Document, options: BoilerplateOptions): void {
  if (!options.enabled) return
  const rules = activeRules(options)
  const paragraphs = keptParagraphs(document)
  const zones = findZones(paragraphs)
  const removed = new Set<number>()
  let inputLines: string[] | undefined
  const lines = (): string[] => (inputLines ??= document.text.split(/\r\n|\r|\n/u))
  paragraphs.forEach((paragraph, position) => {
    const rule = paragraphRule(rules, paragraph, position, zones, lines)
    if (!rule) return
    removed.add(paragraph.index)
    remove(document, paragraph.index, rule.id, { by: 'pattern', pattern: rule.pattern.source, zone: rule.zone })
  })
  if (isActive('related-links', options)) {
    for (const match of findLinkBlocks(paragraphs, removed)) {
      removed.add(match.paragraph)
      remove(document, match.paragraph, 'related-links', { by: 'block', header: match.header.lines.start, headerText: match.header.text.trim() })
    }
  }
  if (isActive('line-score', options)) {
    for (const verdict of findJunkByScore(paragraphs, removed)) {
      removed.add(verdict.paragraph)
      remove(document, verdict.paragraph, 'line-score', verdict.evidence)
    }
  }
}

/** Corpus-level junk: lines that recur across unrelated stories. Runs after the repeats stage. */
export function markCorpusBoilerplate(documents: readonly Document[], options: BoilerplateOptions): void {
  if (!options.enabled) return
  // Exact lines first; templates then see only what exact repetition left.
  const passes = [
    ['corpus-repeat', exactLine],
    ['corpus-template', templateLine],
  ] as const
  for (const [id, keyOf] of passes) {
    if (!isActive(id, options)) continue
    for (const verdict of findRecurringLines(documents, options.minStories, keyOf)) remove(verdict.document, verdict.paragraph, id, verdict.evidence)
  }
}
