/**
 * The matching key of a paragraph: the same text however it was typed.
 * Used only to compare paragraphs and lines; output always keeps the input's own characters.
 */

// Zero-width and bidi controls are invisible and vary between copies of one text.
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g
/** A text without these is its own NFKC form, and the only character of it the replacements change is the backquote. */
const NON_ASCII = /[^\x00-\x7f]/
const BACKQUOTE = '\u0060'
/**
 * Whitespace that is not already one space: runs of two or more, and any single tab, line end or
 * other space character. Replacing only these (not every single space, as `\s+` would) gives the
 * same text at a fraction of the cost: most whitespace in prose is single spaces.
 */
const UNSPACED = /\s{2,}|[^\S ]/g

/** NFKC, straight quotes, one kind of dash, lower case, single spaces, trimmed. */
export function normalize(text: string): string {
  let key: string
  if (NON_ASCII.test(text)) {
    key = text.normalize('NFKC').replace(INVISIBLE, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-')
  } else {
    key = text.includes(BACKQUOTE) ? text.replace(SINGLE_QUOTES, "'") : text
  }
  return key.toLowerCase().replace(UNSPACED, ' ').trim()
}
