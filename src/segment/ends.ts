/**
 * How a text ends, read from its end. A pattern anchored only at the end (`/[.!?]["')]*$/`) is
 * tried by the regular-expression engine at every position of the text, so asking it of every
 * paragraph costs a scan of the whole corpus; these functions look at the last few characters.
 * Each says in its comment which pattern it answers for.
 */

/** JavaScript's `\s` (and what `trim()` removes): ASCII tab to carriage return, space, and the Unicode spaces. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Whether `text` ends with one of the characters of `marks`, then any number of characters of
 * `closers`, then (when `space`) any whitespace: `/[marks][closers]*\s*$/u`, or without `\s*`.
 * `marks` and `closers` are sets of characters of the Basic Multilingual Plane with none in common.
 */
export function endsWithMark(text: string, marks: string, closers: string, space: boolean): boolean {
  let end = text.length
  if (space) while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  while (end > 0 && closers.includes(text[end - 1]!)) end--
  return end > 0 && marks.includes(text[end - 1]!)
}

/** The last character of `text` before any trailing whitespace (when `space`) is one of `chars`: `/[chars]\s*$/u`. */
export function endsWithOneOf(text: string, chars: string, space: boolean): boolean {
  let end = text.length
  if (space) while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  return end > 0 && chars.includes(text[end - 1]!)
}

const LETTER = /^\p{L}$/u

/** A letter (`\p{L}`) ends at `end` (exclusive): its length in code units (2 for a surrogate pair), else 0. */
function letterBefore(text: string, end: number): number {
  const code = text.charCodeAt(end - 1)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0
  if (code >= 0xdc00 && code <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2)
    if (high >= 0xd800 && high <= 0xdbff) return LETTER.test(text.slice(end - 2, end)) ? 2 : 0
  }
  return LETTER.test(text[end - 1]!) ? 1 : 0
}

/** The run of letters `text` ends with, before any trailing whitespace, or undefined: `/(\p{L}+)\s*$/u`'s group. */
export function lastWord(text: string): string | undefined {
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  let start = end
  for (let length = 0; start > 0 && (length = letterBefore(text, start)) > 0; ) start -= length
  return start === end ? undefined : text.slice(start, end)
}
