/**
 * Structure: a related-links header ("You may also like") starts a block; the run of short,
 * title-like lines after it belongs to the block, up to the next real paragraph.
 */
import type { Document, Paragraph } from '../types.js'
import { BLOCK_HEADERS } from './rules.js'

/** Longest line (in words) that still reads as a headline in a link list. */
const MAX_HEADLINE_WORDS = 20

function isHeadline(paragraph: Paragraph): boolean {
  const words = paragraph.text.trim().split(/\s+/u)
  if (words.length > MAX_HEADLINE_WORDS) return false
  // A headline is one phrase: a second sentence inside it means prose.
  return !/[.!?]["'”’]?\s+\p{Lu}/u.test(paragraph.text)
}

export interface BlockMatch {
  readonly paragraph: number
  readonly header: Paragraph
}

/** Paragraphs that belong to related-links blocks: each header and the headlines under it. */
export function findLinkBlocks(document: Document, candidates: readonly Paragraph[]): BlockMatch[] {
  const matches: BlockMatch[] = []
  for (let i = 0; i < candidates.length; i++) {
    const header = candidates[i]!
    if (!BLOCK_HEADERS.test(header.text.trim())) continue
    matches.push({ paragraph: header.index, header })
    let j = i + 1
    while (j < candidates.length && isHeadline(candidates[j]!)) {
      matches.push({ paragraph: candidates[j]!.index, header })
      j++
    }
    i = j - 1
  }
  void document
  return matches
}
