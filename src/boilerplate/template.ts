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

/** Whitespace other than single spaces. */
const OTHER_WHITESPACE = /\s\s|[^\S ]/u

interface MaskedToken {
  readonly shape: string
  readonly literal: boolean
  readonly masked: boolean
}

/** Nothing but ASCII: letters and digits are then [A-Za-z0-9], and lower-casing leaves punctuation alone. */
const ASCII = /^[\x00-\x7f]*$/

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57)
}

/**
 * A token's shape: its word (from the first letter or digit to the last) masked as `#` if it has a
 * digit, as `X` if it is capitalised (and not the line's first word), else lower case. Most tokens
 * are ASCII and are scanned here; `maskAnyToken` says the same of any token by its pattern.
 */
function maskToken(token: string, first: boolean): MaskedToken {
  if (!ASCII.test(token)) return maskAnyToken(token, first)
  let start = 0
  while (start < token.length && !isAsciiLetterOrDigit(token.charCodeAt(start))) start++
  if (start === token.length) return { shape: token, literal: false, masked: false }
  let end = token.length
  while (!isAsciiLetterOrDigit(token.charCodeAt(end - 1))) end--
  let digit = false
  let literal = false
  for (let i = start; i < end; i++) {
    const code = token.charCodeAt(i)
    if (code >= 48 && code <= 57) digit = true
    else if (i > start && isAsciiLetter(code) && isAsciiLetter(token.charCodeAt(i - 1))) literal = true
  }
  if (digit) return { shape: `${token.slice(0, start)}#${token.slice(end)}`, literal: false, masked: true }
  const initial = token.charCodeAt(start)
  if (!first && initial >= 65 && initial <= 90) return { shape: `${token.slice(0, start)}X${token.slice(end)}`, literal: false, masked: true }
  return { shape: token.toLowerCase(), literal, masked: false }
}

/** Any token: its letters and digits between leading and trailing punctuation. */
function maskAnyToken(token: string, first: boolean): MaskedToken {
  const core = /^([^\p{L}\d]*)(.*?)([^\p{L}\d]*)$/u.exec(token)!
  const [, lead = '', word = '', trail = ''] = core
  if (word === '') return { shape: token, literal: false, masked: false }
  if (/\d/u.test(word)) return { shape: `${lead}#${trail}`, literal: false, masked: true }
  if (!first && /^\p{Lu}/u.test(word)) return { shape: `${lead}X${trail}`, literal: false, masked: true }
  return { shape: `${lead}${word.toLowerCase()}${trail}`, literal: /\p{L}{2,}/u.test(word), masked: false }
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
  const shapes = new Array<string>(tokens.length)
  let literals = 0
  let masked = false
  for (let i = 0; i < tokens.length; i++) {
    const part = maskToken(tokens[i]!, i === 0 && firstIsWord)
    shapes[i] = part.shape
    if (part.literal) literals++
    if (part.masked) masked = true
  }
  if (!masked || literals === 0) return undefined
  // "Anna Kim" and "Tom" fill the same slot: runs of one slot collapse.
  let template = shapes.join(' ')
  if (template.includes('X X')) template = template.replace(/\bX(?: X\b)+/gu, 'X')
  if (template.includes('# #')) template = template.replace(/#(?: #)+/gu, '#')
  return { text: template, literals }
}
