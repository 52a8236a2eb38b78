/**
 * Decisions are data; this is the one place that turns them into words (publint's formatMessage).
 * Used by the CLI's --explain, report.json's `reason` and the HTML report.
 */
import { RULES } from '../boilerplate/rules.js'
import type { RuleSpec } from '../options.js'
import type { Decision } from '../types.js'

/** Pattern rules' descriptions by id: how a removal by pattern is worded. */
export type RuleDescriptions = ReadonlyMap<string, string>

const BUILT_IN_DESCRIPTIONS: RuleDescriptions = new Map(RULES.map((rule) => [rule.id, rule.description]))

/** The built-in rules' descriptions, and those of the rules a `--rules` file adds. */
export function ruleDescriptions(extraRules: readonly Pick<RuleSpec, 'id' | 'description'>[]): RuleDescriptions {
  if (extraRules.length === 0) return BUILT_IN_DESCRIPTIONS
  return new Map([...BUILT_IN_DESCRIPTIONS, ...extraRules.map((rule): [string, string] => [rule.id, rule.description])])
}

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`
}

/** `descriptions`: where a pattern rule's description is found (the built-in rules' by default). */
export function explain(decision: Decision, descriptions: RuleDescriptions = BUILT_IN_DESCRIPTIONS): string {
  switch (decision.kind) {
    case 'boilerplate': {
      const evidence = decision.evidence
      switch (evidence.by) {
        case 'pattern': {
          // The rule's own description reads better than its regular expression; without one (a
          // caller that did not pass a --rules file's descriptions), what the pattern matched.
          const where = evidence.zone === 'anywhere' ? '' : `, in the ${evidence.zone} zone`
          const described = descriptions.get(decision.rule)
          if (described) return `matches the ${decision.rule} rule: ${described.replace(/\.$/u, '')}${where}`
          const match = evidence.match.length > 80 ? `${evidence.match.slice(0, 77)}...` : evidence.match
          return `matches the ${decision.rule} rule on "${match}"${where}`
        }
        case 'block':
          return `belongs to the block under the header "${evidence.headerText}" on line ${evidence.header}`
        case 'corpus':
          return `${evidence.template !== undefined ? `its template "${evidence.template}" recurs` : 'recurs'} in ${evidence.documents} documents telling ${evidence.atLeast ? 'at least ' : ''}${evidence.stories} different stories (${evidence.minStories} or more make it junk)`
        case 'score': {
          // Name the signals that fired, so the reader sees *why* it scored.
          const signals = Object.entries(evidence.features)
            .filter(([name, value]) => value > 0 && name !== 'words' && name !== 'stopwordDensity')
            .map(([name]) => name)
          return `scores ${evidence.score.toFixed(2)} as junk outside the article body (threshold ${evidence.threshold.toFixed(2)}; signals: ${signals.join(', ') || 'none'})`
        }
      }
      break
    }
    case 'repeat':
      switch (decision.rule) {
        case 'exact':
          return `repeats line ${decision.evidence.of} word for word`
        case 'run':
          return `repeats line ${decision.evidence.of}, inside a run of paragraphs repeated from there`
        case 'rewrapped':
          return `repeats text from line ${decision.evidence.of}, with the lines broken at other places`
        case 'near-exact':
          return `repeats line ${decision.evidence.of} with small changes (${percent(decision.evidence.similarity)} of the words the same)`
      }
      break
    case 'duplicate':
      return `near-duplicate of ${decision.evidence.canonical}: Jaccard ${percent(decision.evidence.jaccard)}, containment ${percent(decision.evidence.containment)}`
    case 'empty':
      return decision.rule === 'empty-input' ? 'the input has no text' : `every one of its ${decision.evidence.paragraphs} paragraphs was removed`
  }
}
