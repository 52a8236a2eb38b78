/**
 * Structure: a related-links header ("You may also like") starts a block; the run of short,
 * title-like lines after it belongs to the block, up to the next real paragraph. Lines other
 * detectors already removed inside the run (an "Advertisement" slot) neither end nor join it.
 *
 * Only a header starts a block: an unheaded run of short lines at the end of an article is as
 * often a real list (fixtures, award winners, a line-up) as a list of links.
 */
import type { Paragraph } from '../types.js'
import { BLOCK_HEADERS } from './rules.js'
import { isBodyParagraph, wordCount } from './zones.js'

/** Longest line (in words) that still reads as a headline in a link list. */
const MAX_HEADLINE_WORDS = 20

/** One phrase of at most MAX_HEADLINE_WORDS words: a second sentence inside it means prose. */
export function isHeadline(text: string): boolean {
  const trimmed = text.trim()
  if (wordCount(trimmed, MAX_HEADLINE_WORDS) > MAX_HEADLINE_WORDS || isBodyParagraph(trimmed)) return false
  return !/[.!?]["'”’]?\s+["'“‘]?\p{Lu}/u.test(trimmed)
}

export function isBlockHeader(text: string): boolean {
  return BLOCK_HEADERS.test(text.trim())
}

export interface BlockMatch {
  /** 0-based paragraph index in the document. */
  readonly paragraph: number
  readonly header: Paragraph
}

/** Paragraphs that belong to related-links blocks: each header and the headlines under it. */
export function findLinkBlocks(paragraphs: readonly Paragraph[], removed: ReadonlySet<number>): BlockMatch[] {
  const matches: BlockMatch[] = []
  const firstBody = paragraphs.findIndex((paragraph) => isBodyParagraph(paragraph.text))
  for (let i = 0; i < paragraphs.length; i++) {
    const header = paragraphs[i]!
    if (removed.has(header.index) || !isBlockHeader(header.text)) continue
    matches.push({ paragraph: header.index, header })
    const run: Paragraph[] = []
    let j = i + 1
    for (; j < paragraphs.length; j++) {
      const line = paragraphs[j]!
      if (removed.has(line.index)) continue
      if (isBlockHeader(line.text) || !isHeadline(line.text)) break
      run.push(line)
    }
    // A block of links above the article ends where the article begins: the headline right above
    // its first real paragraph is the article's title. (Inside the article, a block's last line is
    // more often one more link than a subheading.)
    const next = paragraphs[j]
    if (i < firstBody && next && j === firstBody && run.at(-1) === paragraphs[j - 1]) run.pop()
    for (const line of run) matches.push({ paragraph: line.index, header })
    i = j - 1
  }
  return matches
}
