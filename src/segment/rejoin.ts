/**
 * Hard-wrap detection: which input lines continue the paragraph above them.
 *
 * Two kinds of wrap are found in scraped text:
 * - a whole paragraph wrapped at a fixed column W (greedy wrapping: every line but the last is
 *   as full as it can be, so the next line's first word would not have fitted on it);
 * - a scraper that broke one sentence at odd places ("... Mandarin-language" / "videos on
 *   YouTube" / "On May 1st, ..."): the sentence is unfinished and the next line goes on with it.
 * A short line without a full stop followed by a capitalised line is a title or a subheading,
 * not a wrap, and stays on its own.
 */
import { endsWithMark, endsWithOneOf, lastWord } from './ends.js'

/** A line that starts in the middle of a sentence. */
const CONTINUES = /^\s*[\p{Ll},;)\]]/u
/** Wrapped lines are never longer than this; longer lines are unwrapped paragraphs. */
const MAX_WRAP_WIDTH = 120
/** A line of capitals only, without a full stop: a label such as ADVERTISEMENT or SPONSORED. */
const LABEL = /^(?=(?:[^\p{L}]*\p{Lu}){7})[\p{Lu}\d\s&|/:'-]+$/u
/** Lines this short after a one-line paragraph are labels ("ADVERTISEMENT"), not wraps. */
const MIN_WRAPPED_HEAD = 25
/**
 * A line that ends on one of these words stops mid-phrase ("… announced by the Commerce Department
 * on" / "Friday, …"), so the next line continues it even when it starts with a capital, a digit or
 * a quote. Titles and labels almost never end on an article, a conjunction or an auxiliary. Words
 * that are also verb particles end headlines too ("Kewell waits as injury drags on"), so after
 * those the line must be as long as a wrapped line (MIN_PARTICLE_HEAD), not a headline.
 */
const DANGLING = new Set(
  (
    'a an the of to for from with into onto between against during without within among ' +
    'and or but nor than that which who whom whose its his her their our your my ' +
    'is are was were be been has have had will would could should can may might must'
  ).split(' '),
)
const PARTICLES = new Set('on in at by over under about after before through'.split(' '))
const MIN_PARTICLE_HEAD = 45
/** Narrower "wraps" are lists of short lines, not a paragraph wrapped at a column. */
const MIN_GREEDY_WIDTH = 50
/** Lines of the paragraph so far that must share the column with the next line. */
const GREEDY_WINDOW = 8

export interface Line {
  /** 1-based input line number. */
  readonly number: number
  readonly text: string
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets (`/[.!?…:;]["'”’)\]]*\s*$|["”’)\]]\s*$/u`). */
function endsSentence(text: string): boolean {
  return endsWithMark(text, '.!?…:;', `"'”’)]`, true) || endsWithOneOf(text, '"”’)]', true)
}

function endsDangling(text: string): boolean {
  const last = lastWord(text)
  if (last === undefined) return false
  const word = last.toLowerCase()
  const length = text.trim().length
  return (DANGLING.has(word) && length >= MIN_WRAPPED_HEAD) || (PARTICLES.has(word) && length >= MIN_PARTICLE_HEAD)
}

function firstWordLength(text: string): number {
  const match = /^\s*(\S+)/u.exec(text)
  return match?.[1]?.length ?? 0
}

/**
 * The column a document was wrapped at, or 0 when it does not look wrapped: the widest of the
 * lines that certainly wrap (unfinished, followed by a lower-case line), when there are at least 3.
 */
export function wrapWidth(lines: readonly Line[]): number {
  const widths: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.text.trimEnd()
    const next = lines[i + 1]!
    if (next.number !== lines[i]!.number + 1) continue
    if (line.length <= MAX_WRAP_WIDTH && line.length >= 40 && !endsSentence(line) && CONTINUES.test(next.text)) {
      widths.push(line.length)
    }
  }
  if (widths.length < 3) return 0
  return Math.max(...widths)
}

/**
 * Could the lines of `current` and then `next` be one paragraph greedily wrapped at some column W
 * of its own (papers wrap each paragraph at its own width)? Every line is at most W long, and every
 * line but the last is full: the next line's first word would not have fitted after it.
 */
function wrapsGreedily(current: readonly Line[], next: Line): boolean {
  // The last few lines are evidence enough, and keep a paragraph of thousands of lines linear.
  const first = Math.max(0, current.length - GREEDY_WINDOW)
  const last = next.text.trim()
  let lowest = last.length
  let highest = MAX_WRAP_WIDTH
  for (let i = first; i < current.length; i++) {
    const length = current[i]!.text.trim().length
    lowest = Math.max(lowest, length)
    highest = Math.min(highest, length + firstWordLength(i + 1 < current.length ? current[i + 1]!.text : last))
  }
  // A short last line must end a sentence: a short unpunctuated one is a heading ("Related stories").
  const ends = last.length >= lowest * 0.75 || endsSentence(last)
  return ends && lowest >= MIN_GREEDY_WIDTH && lowest <= highest
}

/**
 * Does `next` continue the paragraph whose lines so far are `current`?
 * `width` is the document's wrap column (0 when unknown); `after` is the line after `next`, if any.
 */
export function continuesParagraph(current: readonly Line[], next: Line, width: number, after?: Line): boolean {
  const last = current[current.length - 1]!
  if (next.number !== last.number + 1) return false // a blank line always ends a paragraph
  const prev = last.text.trimEnd()
  const text = next.text.trim()
  // A label in capitals ("ADVERTISEMENT") dropped into the middle of a sentence is not part of it.
  if (LABEL.test(text)) return false
  if (prev.length > MAX_WRAP_WIDTH) return false
  // Greedy wrap at a known column: the next word did not fit, and the next line fits the column.
  const full = width > 0 && prev.length <= width && prev.length + 1 + firstWordLength(text) > width
  // The next line is full too, or it is the last one and ends a sentence: a short unpunctuated line
  // after a full one is a heading or a label ("More from …"), whatever the column.
  const goesOn = text.length >= width * 0.75 || endsSentence(text)
  // Across a full stop, the next line must close a sentence itself or have a line after it: a
  // full-length junk line that ends the text ("Follow us on … for the latest updates") does neither.
  const closes = !endsSentence(prev) || endsSentence(text) || after?.number === next.number + 1
  if (full && goesOn && closes && text.length <= width && (current.length > 1 || (prev.length >= width * 0.75 && !endsSentence(prev)))) return true
  if (current.length > 1 && closes && wrapsGreedily(current, next)) return true
  if (endsSentence(prev)) return false
  if (CONTINUES.test(text)) return current.length > 1 || prev.trim().length >= MIN_WRAPPED_HEAD
  if (endsDangling(prev)) return true
  // A paragraph's first line, unfinished, then a line that leaves its sentence unfinished too, all
  // three on one greedy column (footer lines of similar lengths line up by chance, but each of
  // them is finished).
  const unfinished = !endsSentence(text)
  if (current.length === 1 && unfinished && after?.number === next.number + 1 && wrapsGreedily([last, next], after)) return true
  // An unfinished sentence that already spans lines goes on, whatever case the next line starts with.
  return current.length > 1
}
