/**
 * Stage 2: text → paragraphs, each with the 1-based input lines it came from.
 * One paragraph per non-blank line, except where `rejoin.ts` finds a hard wrap.
 */
import type { Document, Paragraph } from '../types.js'
import type { SegmentOptions } from '../options.js'
import { normalize } from './normalize.js'
import { continuesParagraph, wrapWidth, type Line } from './rejoin.js'

export { normalize } from './normalize.js'

/** Input lines of a text: CRLF, CR and LF all end a line; a final line end starts no new line. */
export function splitLines(text: string): string[] {
  const lines = inputLines(text)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * `text.split(/\r\n|\r|\n/)`: a text without a carriage return (nearly every one) is split at
 * '\n' by the native string search, several times faster than the pattern.
 */
export function inputLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n')
}

/** Fills `document.paragraphs` and `document.lineCount`. */
export function segment(document: Document, options: SegmentOptions): void {
  const all = splitLines(document.text)
  document.lineCount = all.length === 1 && all[0] === '' ? 0 : all.length
  const lines: Line[] = []
  all.forEach((text, i) => {
    if (text.trim() !== '') lines.push({ number: i + 1, text })
  })
  const width = options.rejoin ? wrapWidth(lines) : 0
  const groups: Line[][] = []
  lines.forEach((line, i) => {
    const current = groups[groups.length - 1]
    if (current && options.rejoin && continuesParagraph(current, line, width, lines[i + 1])) current.push(line)
    else groups.push([line])
  })
  document.paragraphs = groups.map((group, index): Paragraph => {
    const text = group.length === 1 ? group[0]!.text.trim() : group.map((line) => line.text.trim()).join(' ')
    return {
      index,
      lines: { start: group[0]!.number, end: group[group.length - 1]!.number },
      // A single line is written back exactly as it came (gold keeps even trailing spaces).
      text: group.length === 1 ? group[0]!.text : text,
      key: normalize(text),
    }
  })
}
