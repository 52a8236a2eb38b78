/**
 * Stage 4: paragraphs repeated inside one document. The first copy stays; every later copy is
 * removed with evidence pointing at the first. Only paragraphs the boilerplate stage kept take
 * part: junk that recurs ("Advertisement" twice) is that stage's to remove, under its own rule.
 * How matches are found: `find.ts`.
 */
import type { RepeatOptions } from '../options.js'
import type { Document } from '../types.js'
import { keptParagraphs } from '../document.js'
import { findRepeats } from './find.js'

export function markRepeats(document: Document, options: RepeatOptions): void {
  if (!options.enabled) return
  // A paragraph whose key is empty (only invisible characters) has nothing to match.
  const paragraphs = keptParagraphs(document).filter((paragraph) => paragraph.key !== '')
  for (const repeat of findRepeats(paragraphs.map((paragraph) => paragraph.key), options)) {
    document.decisions.push({
      kind: 'repeat',
      rule: repeat.rule,
      paragraph: paragraphs[repeat.unit]!.index,
      evidence: { of: paragraphs[repeat.of]!.lines.start, similarity: repeat.similarity },
    })
  }
}
