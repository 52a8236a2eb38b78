/**
 * What the corpus step needs to know of a document's lines, without its text: one compact summary
 * per document, computed where the document is (a worker, right after the per-document stages),
 * so that the main thread can decide on a million documents without holding their text.
 *
 * A summary is one `Uint32Array`, LINE_WORDS words per paragraph (structured-clone friendly, and
 * one allocation per document rather than one per paragraph): the line's matching key as a 64-bit
 * hash, its template (`template.ts`) as a 64-bit hash, and a word of flags with the template's
 * count of literal words. (Whether a line reads as prose is asked of the few lines that recur,
 * with their text: asking it of every line here would cost more than everything else.) 32-bit hashes would collide at ten million distinct lines; two
 * independent 32-bit halves make that one chance in billions.
 */
import type { Document } from '../types.js'
import { isParagraphDecision } from '../document.js'
import { isHeadline } from './blocks.js'
import { lineTemplate } from './template.js'

/** A document's lines, summarised for the corpus step (see the file comment for the layout). */
export interface CorpusLines {
  /** LINE_WORDS words per paragraph, in paragraph order. */
  readonly table: Uint32Array
}

/** Words per paragraph: key hash (hi, lo), template hash (hi, lo), flags | literals << 8. */
export const LINE_WORDS = 5
export const KEY = 0
export const TEMPLATE = 2
export const FLAGS = 4

/** The line has a matching key (not every line does: a line of punctuation has none). */
export const HAS_KEY = 1
/** The line has a template (short, something masked, a literal word left). */
export const HAS_TEMPLATE = 2
/** Some per-document stage removed the paragraph. */
export const REMOVED = 4
/** The last decision on it is `boilerplate:related-links` (a headline listed under "Related stories"). */
export const RELATED_LINKS = 8
/** The last decision on it is a boilerplate one (its words are not the story's). */
export const BOILERPLATE = 16
/** It is kept and reads as a headline (it may be the document's title). */
export const HEADLINE = 32

/**
 * A 64-bit hash of a string as two 32-bit halves of different construction (FNV-1a, and a
 * multiply-xorshift walk), written at `out[at]` (hi) and `out[at + 1]` (lo).
 */
export function hashLine(text: string, out: Uint32Array, at: number): void {
  let hi = 0x811c9dc5
  let lo = 0x9747b28c ^ text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    hi = Math.imul(hi ^ code, 0x01000193)
    lo = Math.imul(lo ^ code, 0x5bd1e995)
    lo ^= lo >>> 15
  }
  hi = Math.imul(hi ^ (hi >>> 16), 0x85ebca6b)
  lo = Math.imul(lo ^ (lo >>> 13), 0xc2b2ae35)
  out[at] = (hi ^ (hi >>> 16)) >>> 0
  out[at + 1] = (lo ^ (lo >>> 16)) >>> 0
}

/** Flags of paragraph `paragraph` in a summary. */
export function lineFlags(lines: CorpusLines, paragraph: number): number {
  return lines.table[paragraph * LINE_WORDS + FLAGS]! & 0xff
}

/** Literal words in paragraph `paragraph`'s template (0 without one). */
export function templateLiterals(lines: CorpusLines, paragraph: number): number {
  return lines.table[paragraph * LINE_WORDS + FLAGS]! >>> 8
}

export function paragraphCount(lines: CorpusLines): number {
  return lines.table.length / LINE_WORDS
}

/**
 * The summary of a document as the per-document stages left it. `templates`: hash templates too
 * (only when the template pass will run: masking every short line is the costly part).
 */
export function summarizeParagraphs(document: Document, templates: boolean): CorpusLines {
  const count = document.paragraphs.length
  const table = new Uint32Array(count * LINE_WORDS)
  // The last decision on a paragraph is its reason, as the corpus step has always read it.
  const reasons: Array<Document['decisions'][number] | undefined> = new Array<undefined>(count)
  for (const decision of document.decisions) if (isParagraphDecision(decision)) reasons[decision.paragraph] = decision
  for (const paragraph of document.paragraphs) {
    const at = paragraph.index * LINE_WORDS
    const reason = reasons[paragraph.index]
    let flags = 0
    let literals = 0
    if (paragraph.key !== '') {
      flags |= HAS_KEY
      hashLine(paragraph.key, table, at + KEY)
    }
    const template = templates ? lineTemplate(paragraph.text) : undefined
    if (template) {
      flags |= HAS_TEMPLATE
      literals = template.literals
      hashLine(template.text, table, at + TEMPLATE)
    }
    if (reason) {
      flags |= REMOVED
      if (reason.kind === 'boilerplate') flags |= BOILERPLATE
      if (reason.kind === 'boilerplate' && reason.rule === 'related-links') flags |= RELATED_LINKS
    } else if (isHeadline(paragraph.text)) {
      flags |= HEADLINE
    }
    table[at + FLAGS] = flags | (literals << 8)
  }
  return { table }
}
