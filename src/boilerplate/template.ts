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

function maskToken(token: string, first: boolean): { shape: string; literal: boolean; masked: boolean } {
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
  const tokens = trimmed.split(/\s+/u)
  const firstIsWord = !/^\p{Lu}/u.test(tokens[1] ?? '') || STOPWORDS.has(tokens[0]!.toLowerCase().replace(/[^\p{L}]/gu, ''))
  const parts = tokens.map((token, i) => maskToken(token, i === 0 && firstIsWord))
  const literals = parts.filter((part) => part.literal).length
  if (!parts.some((part) => part.masked) || literals === 0) return undefined
  // "Anna Kim" and "Tom" fill the same slot: runs of one slot collapse.
  const masked = parts
    .map((part) => part.shape)
    .join(' ')
    .replace(/\bX(?: X\b)+/gu, 'X')
    .replace(/#(?: #)+/gu, '#')
  return { text: masked, literals }
}
