/**
 * Stage 4: paragraphs repeated inside one document. The first copy stays; every later copy is
 * removed with evidence pointing at the first.
 */
import type { RepeatOptions } from '../options.js'
import type { Document } from '../types.js'
import { keptParagraphs } from '../document.js'

/** Paragraphs shorter than this (normalised characters) may legitimately recur ("Advertisement"). */
const MIN_REPEAT_CHARS = 30

export function markRepeats(document: Document, options: RepeatOptions): void {
  if (!options.enabled) return
  const first = new Map<string, number>()
  for (const paragraph of keptParagraphs(document)) {
    if (paragraph.key.length < MIN_REPEAT_CHARS) continue
    const earlier = first.get(paragraph.key)
    if (earlier === undefined) {
      first.set(paragraph.key, paragraph.lines.start)
      continue
    }
    document.decisions.push({
      kind: 'repeat',
      rule: 'exact',
      paragraph: paragraph.index,
      evidence: { of: earlier, similarity: 1 },
    })
  }
}
