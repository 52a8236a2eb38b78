/**
 * Building blocks of the rule patterns (`rules.ts`): names, dates, credit words, and phrases in
 * any of the cases junk is set in. Each is a regular-expression source string.
 */

/**
 * A phrase in the cases junk is set in ("Read more", "read more", "READ MORE", "Read More"), for
 * patterns that must stay case-sensitive elsewhere (JavaScript has no inline `(?i)` before Node 23).
 */
export function anyCase(...phrases: string[]): string {
  const variants = phrases.flatMap((phrase) => [
    phrase.replace(/\p{L}+/gu, (word) => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1).toLowerCase()}`),
    phrase.toUpperCase(),
  ])
  return `(?:${variants.join('|')})`
}

// A capitalised name token ("Kim", "O'Neil", "KYUNG-JIN", "J."), and a run of two to five of them.
export const NAME = String.raw`\p{Lu}[\p{L}.'’-]*`
export const NAMES = String.raw`${NAME}(?:\s+${NAME}){0,4}`
export const PEOPLE = String.raw`${NAMES}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${NAMES})*`
// One word of a date or time: numbers, month and day names, zones, "am", "ago". No comma inside a
// word: commas separate words, and a character that could be either makes the match exponential.
export const DATE_TOKEN = String.raw`(?:\d[\d:/.-]*(?:st|nd|rd|th)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|gmt|utc|bst|cet|est|edt|pst|pdt|kst|jst|ist|am|pm|a\.m\.|p\.m\.|at|on|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|yesterday|today)`
// The word that opens a photo credit: "Photo: AFP", "Image by …", "(Picture: PA)".
export const CREDIT_WORD = anyCase('photo', 'image', 'picture', 'photograph', 'credit', 'illustration', 'file')
// "Reporting by Anna Kim in Seoul", "Editing by Tom Berg": one part of a wire credit.
export const CREDIT = String.raw`(?:(?:[Aa]dditional|[Ff]urther) )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced|[Rr]esearch|[Gg]raphics) (?:by|from) ${PEOPLE}(?: in ${NAMES})?`
