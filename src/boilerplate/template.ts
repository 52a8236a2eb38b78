/**
 * The template of a line: the line with its variable parts masked, so that "By Anna Kim, Staff
 * Reporter" and "By Tom Berg, Staff Reporter" (or "Published 2 March 2005" and "Published 8 March
 * 2005") are one line to the corpus step. Names and other capitalised words become `X`, numbers
 * become `#`; lower-case words and punctuation stay, and so does the first word unless it starts
 * a run of capitalised words (a name: "Ed Kalman seen in …") and is not a stopword ("By Anna Kim").
 *
 * A template keeps at least one literal word ("1500 GMT" or a line-up mask to nothing but slots);
 * `literals` tells the corpus step how much of the line is fixed text, because a template with a
 * single literal word ("sunday, # X") is as often a fixture line of a match preview as a byline.
 */
import { STOPWORDS } from './score.js'
import { wordCount } from './zones.js'

/** Longest line, in words and in characters, that is matched by template (templates are short furniture lines). */
const MAX_TEMPLATE_WORDS = 20
const MAX_TEMPLATE_CHARS = 300

const NON_ASCII = /[^\x00-\x7f]/
/** Whitespace other than single spaces. */
const OTHER_WHITESPACE = /\s\s|[^\S ]/u

/** What `maskToken` says of a token besides its shape. */
const LITERAL = 1
const MASKED = 2

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57)
}

/**
 * A token's shape, written at `shapes[at]`: its word (from the first letter or digit to the last)
 * masked as `#` if it has a digit, as `X` if it is capitalised (and not the line's first word),
 * else lower case. Returns LITERAL (a word of two letters or more left as it is) and MASKED bits.
 * An ASCII token (letters and digits are then [A-Za-z0-9], and lower-casing leaves punctuation
 * alone) is scanned; `maskAnyToken` says the same of any token by its patterns.
 */
function maskToken(token: string, first: boolean, ascii: boolean, shapes: string[], at: number): number {
  if (!ascii) return maskAnyToken(token, first, shapes, at)
  let start = 0
  while (start < token.length && !isAsciiLetterOrDigit(token.charCodeAt(start))) start++
  if (start === token.length) {
    shapes[at] = token
    return 0
  }
  let end = token.length
  while (!isAsciiLetterOrDigit(token.charCodeAt(end - 1))) end--
  let digit = false
  let literal = false
  for (let i = start; i < end; i++) {
    const code = token.charCodeAt(i)
    if (code >= 48 && code <= 57) digit = true
    else if (i > start && isAsciiLetter(code) && isAsciiLetter(token.charCodeAt(i - 1))) literal = true
  }
  const initial = token.charCodeAt(start)
  if (digit || (!first && initial >= 65 && initial <= 90)) {
    shapes[at] = start === 0 && end === token.length ? (digit ? '#' : 'X') : `${token.slice(0, start)}${digit ? '#' : 'X'}${token.slice(end)}`
    return MASKED
  }
  shapes[at] = token.toLowerCase()
  return literal ? LITERAL : 0
}

/** Any token: its letters and digits between leading and trailing punctuation. */
function maskAnyToken(token: string, first: boolean, shapes: string[], at: number): number {
  const core = /^([^\p{L}\d]*)(.*?)([^\p{L}\d]*)$/u.exec(token)!
  const [, lead = '', word = '', trail = ''] = core
  if (word === '') {
    shapes[at] = token
    return 0
  }
  if (/\d/u.test(word)) {
    shapes[at] = `${lead}#${trail}`
    return MASKED
  }
  if (!first && /^\p{Lu}/u.test(word)) {
    shapes[at] = `${lead}X${trail}`
    return MASKED
  }
  shapes[at] = `${lead}${word.toLowerCase()}${trail}`
  return /\p{L}{2,}/u.test(word) ? LITERAL : 0
}

export interface LineTemplate {
  /** The masked line, lower case. */
  readonly text: string
  /** Literal words (two letters or more) left in it. */
  readonly literals: number
}

/** The masked line, or undefined when the line is too long, has nothing to mask, or no literal word. */
export function lineTemplate(text: string): LineTemplate | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > MAX_TEMPLATE_CHARS || wordCount(trimmed, MAX_TEMPLATE_WORDS) > MAX_TEMPLATE_WORDS) return undefined
  // Split at single spaces when that is all the whitespace there is (most lines): the same tokens, faster.
  const tokens = OTHER_WHITESPACE.test(trimmed) ? trimmed.split(/\s+/u) : trimmed.split(' ')
  const firstIsWord = !/^\p{Lu}/u.test(tokens[1] ?? '') || STOPWORDS.has(tokens[0]!.toLowerCase().replace(/[^\p{L}]/gu, ''))
  const ascii = !NON_ASCII.test(trimmed)
  const shapes = new Array<string>(tokens.length)
  let literals = 0
  let masked = false
  for (let i = 0; i < tokens.length; i++) {
    const found = maskToken(tokens[i]!, i === 0 && firstIsWord, ascii, shapes, i)
    if ((found & LITERAL) !== 0) literals++
    if ((found & MASKED) !== 0) masked = true
  }
  if (!masked || literals === 0) return undefined
  // "Anna Kim" and "Tom" fill the same slot: runs of one slot collapse.
  let template = shapes.join(' ')
  if (template.includes('X X')) template = template.replace(/\bX(?: X\b)+/gu, 'X')
  if (template.includes('# #')) template = template.replace(/#(?: #)+/gu, '#')
  return { text: template, literals }
}
