/**
 * Which paragraphs repeat earlier ones: one pass over the paragraphs in order.
 *
 * For each paragraph, in this order:
 * 1. the stream (`stream.ts`): the text from here equals the text from the start of an earlier
 *    paragraph up to a point where both sides end a paragraph (or this side ends one and the
 *    same text plainly goes on in the next). One paragraph against one is
 *    `exact`; several against several with the same boundaries is a run, whose members count
 *    however short (`run` for those that would not count alone); boundaries that differ mean one
 *    copy was wrapped or rejoined differently (`rewrapped`);
 * 2. near-exact (`near.ts`): a word or two changed, punctuation aside;
 * 3. otherwise the paragraph is an original, and later ones may point at it.
 * A repeat that stands alone must be at least `minChars` long (60 by default, about a sentence)
 * and end like a sentence: shorter lines and unpunctuated ones recur on their own for good reasons
 * (a subheading used twice, "Advertisement", a newsletter prompt), and whether they are junk is
 * the boilerplate stage's call. Right after a repeat, the text that
 * follows the first copy is tried first and may be of any length: that is how a run carries its
 * short lines. A last pass walks back from the start of each repeat to take in short lines just
 * before it that repeat the lines just before the first copy.
 */
import type { RepeatOptions } from '../options.js'
import type { RepeatRule } from '../types.js'
import { NearIndex, sketch } from './near.js'
import { KeyStream, type StreamMatch } from './stream.js'
import { endsWithMark, endsWithOneOf } from '../segment/ends.js'
import { hasWords, wordsOnly } from './words.js'

/**
 * A repeat that stands alone must read as prose: end like a sentence. Junk lines that recur
 * ("Follow us on … for the latest updates") end without a full stop; they are the boilerplate
 * stage's to judge. (Every lone repeat in the dev gold ends like a sentence.)
 */
function endsSentence(key: string): boolean {
  // /[.!?…]['")\]]*$|['")\]]$/u, read from the end.
  return endsWithOneOf(key, `'")]`, false) || endsWithMark(key, '.!?…', `'")]`, false)
}

/**
 * A paragraph found this many times or more is structure, not a paste: an interview's question put
 * to each guest, a plan's "Meal 1" and "Eat every 2–3 hours" for each day. A CMS or scraper that
 * doubles text makes one or two extra copies (no paragraph of the dev gold has more than two), so
 * all copies of a paragraph found four times or more are kept.
 */
const STRUCTURAL_COPIES = 4

/** Earlier paragraphs that begin alike tried per paragraph (the earliest ones: first copies). */
const MAX_CANDIDATES = 8

export interface Repeat {
  /** Unit (position in the keys handed to `findRepeats`) of the later copy. */
  readonly unit: number
  readonly rule: RepeatRule
  /** Unit of the first copy (for `rewrapped`, the one where the matching text starts). */
  readonly of: number
  readonly similarity: number
}

export function findRepeats(keys: readonly string[], options: Pick<RepeatOptions, 'threshold' | 'minChars'>): Repeat[] {
  const { threshold, minChars } = options
  const stream = new KeyStream(keys)
  const near = new NearIndex(threshold)
  const byPrefix = new Map<string, number[]>()
  const found = new Map<number, Repeat>()
  /** Where each matched stretch starts: later unit → earlier unit, for the backward pass. */
  const starts: Array<[number, number]> = []
  let next = -1 // stream offset where the first copy goes on, when the previous paragraph was a repeat

  for (let unit = 0; unit < keys.length; ) {
    const matched = matchStream(stream, byPrefix, unit, next, minChars)
    if (matched !== null) {
      const { from, match } = matched
      const offset = from - stream.start(unit)
      if (stream.start(stream.unitAt(from)) === from) starts.push([unit, stream.unitAt(from)])
      for (let later = unit; later <= match.laterEnd; later++) {
        const first = stream.unitAt(stream.start(later) + offset)
        const aligned = stream.start(first) === stream.start(later) + offset && stream.end(first) === stream.end(later) + offset
        const alone = keys[later]!.length >= minChars && endsSentence(keys[later]!)
        const rule: RepeatRule = !aligned ? 'rewrapped' : alone ? 'exact' : 'run'
        found.set(later, { unit: later, rule, of: first, similarity: 1 })
      }
      next = match.earlierNext
      unit = match.laterEnd + 1
      continue
    }
    // Only paragraphs long enough to stand alone as repeats are compared word by word.
    const key = keys[unit]!
    const sketched = key.length >= minChars ? sketch(key) : null
    const similar = sketched !== null && endsSentence(key) ? near.find(key, sketched) : null
    if (similar !== null) {
      starts.push([unit, similar.unit])
      found.set(unit, { unit, rule: 'near-exact', of: similar.unit, similarity: similar.similarity })
      next = similar.unit + 1 < unit ? stream.start(similar.unit + 1) : -1
    } else {
      if (sketched !== null) near.add(unit, key, sketched)
      const prefix = stream.prefix(unit)
      const list = byPrefix.get(prefix)
      if (list === undefined) byPrefix.set(prefix, [unit])
      else list.push(unit)
      next = -1
    }
    unit++
  }

  for (const [later, earlier] of starts) {
    for (let back = 1; later - back >= 0 && earlier - back >= 0; back++) {
      const unit = later - back
      if (found.has(unit) || found.has(earlier - back) || keys[unit] !== keys[earlier - back]) break
      found.set(unit, { unit, rule: 'run', of: earlier - back, similarity: 1 })
    }
  }
  // Most documents repeat nothing: then there are no copies to count (counting costs a pass over every key).
  if (found.size === 0) return []
  // Copies are counted on the words alone, so variants in punctuation count together. Only the
  // repeats' own words are counted, each against every key, up to STRUCTURAL_COPIES.
  const copies = new Map<string, number>()
  const copiesOf = (unit: number): number => {
    const words = wordsOnly(keys[unit]!)
    let count = copies.get(words)
    if (count === undefined) {
      count = 0
      for (let other = 0; other < keys.length && count < STRUCTURAL_COPIES; other++) if (hasWords(keys[other]!, words)) count++
      copies.set(words, count)
    }
    return count
  }
  return [...found.values()].filter((repeat) => copiesOf(repeat.unit) < STRUCTURAL_COPIES).sort((x, y) => x.unit - y.unit)
}

/** Candidates for the text from `unit`: where the previous match left off first, then earlier paragraphs that begin alike. */
function matchStream(stream: KeyStream, byPrefix: Map<string, number[]>, unit: number, next: number, minChars: number) {
  let best: { from: number; match: StreamMatch } | null = null
  if (next >= 0 && next < stream.start(unit)) {
    const match = stream.match(next, unit, 1)
    if (match !== null) best = { from: next, match }
  }
  for (const earlier of (byPrefix.get(stream.prefix(unit)) ?? []).slice(0, MAX_CANDIDATES)) {
    const match = stream.match(stream.start(earlier), unit, minChars)
    if (match === null) continue
    const lone = match.laterEnd === unit && stream.end(earlier) === stream.start(earlier) + match.chars
    if (lone && !endsSentence(stream.key(unit))) continue
    if (best === null || match.chars > best.match.chars) best = { from: stream.start(earlier), match }
  }
  return best
}
