/**
 * A paragraph's words alone (its runs of letters and digits, one space between them), so that
 * copies that differ only in punctuation count as one paragraph when copies are counted.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/gu
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u

/** The key's words alone: `key.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`. */
export function wordsOnly(key: string): string {
  return key.replace(NOT_WORD, ' ').trim()
}

/** Code units of the letter or digit (`[\p{L}\p{N}]`) at `i`: 1, 2 for a surrogate pair, or 0 when it is none. */
function wordCharacterAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0
  }
  return WORD_CHARACTER.test(text[i]!) ? 1 : 0
}

/**
 * `wordsOnly(key) === words`, without making the string: compared as it is read, most keys differ
 * from `words` in their first characters. `words` is a `wordsOnly` result.
 */
export function hasWords(key: string, words: string): boolean {
  let j = 0
  let gap = false // characters other than letters and digits since the last word character
  for (let i = 0; i < key.length; ) {
    const length = wordCharacterAt(key, i)
    if (length === 0) {
      gap = j > 0
      i++
      continue
    }
    if (gap) {
      if (words.charCodeAt(j++) !== 32) return false
      gap = false
    }
    for (const end = i + length; i < end; ) if (words.charCodeAt(j++) !== key.charCodeAt(i++)) return false
  }
  return j === words.length
}
