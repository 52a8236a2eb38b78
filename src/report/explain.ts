/**
 * Decisions are data; this is the one place that turns them into words (publint's formatMessage).
 * Used by the CLI's --explain, report.json's `reason` and the HTML report.
 */
import type { Decision } from '../types.js'

function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`
}

export function explain(decision: Decision): string {
  switch (decision.kind) {
    case 'boilerplate': {
      const evidence = decision.evidence
      switch (evidence.by) {
        case 'pattern':
          return `matches the ${decision.rule} pattern /${evidence.pattern}/ (${evidence.zone === 'anywhere' ? 'anywhere' : `in the ${evidence.zone} zone`})`
        case 'block':
          return `belongs to the block under the header "${evidence.headerText}" on line ${evidence.header}`
        case 'corpus':
          return `recurs in ${evidence.documents} documents from ${evidence.stories} unrelated stories (at least ${evidence.minStories} make it junk)`
        case 'score':
          return `scores ${evidence.score.toFixed(2)} as junk (threshold ${evidence.threshold.toFixed(2)})`
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
