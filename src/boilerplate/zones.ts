/**
 * Where junk gathers: before the article's first real paragraph and after its last one. A rule
 * with a `top` or `bottom` zone fires only there; the line-score step looks only there too.
 */
import type { Paragraph, Zone } from '../types.js'
import { endsWithMark } from '../segment/ends.js'
import { CodeUnitClass } from '../codeunits.js'

/** Share of an article, from either end, that always counts as its top / bottom zone. */
const ZONE_SHARE = 0.35

/** Shortest paragraph, in words, that reads as article prose when it also ends a sentence. */
const BODY_MIN_WORDS = 15

export function words(text: string): string[] {
  const trimmed = text.trim()
  return trimmed === '' ? [] : trimmed.split(/\s+/u)
}

/** Whitespace as `\s` has it above ASCII; every ASCII control character (and space) separates words too. */
const SPACE_UNITS = new CodeUnitClass(/\s/u, (code) => code <= 32)

/** Number of whitespace-separated words, counted up to `limit` (rules only ask "more than N?"). */
export function wordCount(text: string, limit = Infinity): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length && count <= limit; i++) {
    const space = SPACE_UNITS.has(text.charCodeAt(i))
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

/** A real paragraph of the article: long, and ending like a sentence. */
export function isBodyParagraph(text: string): boolean {
  // Ends like a sentence: /[.!?…]["'”’)\]]*$/u after trimming.
  return wordCount(text, BODY_MIN_WORDS) >= BODY_MIN_WORDS && endsWithMark(text, '.!?…', `"'”’)]`, true)
}

/** Positions (0-based, among the given paragraphs) of the first and last real paragraphs. */
export interface Zones {
  readonly count: number
  /** Positions below this are in the top zone. */
  readonly topEnd: number
  /** Positions from this on are in the bottom zone. */
  readonly bottomStart: number
}

export function findZones(paragraphs: readonly Paragraph[]): Zones {
  const count = paragraphs.length
  const reach = Math.max(2, Math.ceil(count * ZONE_SHARE))
  let first = -1
  let last = -1
  paragraphs.forEach((paragraph, position) => {
    if (!isBodyParagraph(paragraph.text)) return
    if (first < 0) first = position
    last = position
  })
  if (first < 0) return { count, topEnd: reach, bottomStart: count - reach }
  return { count, topEnd: Math.max(reach, first), bottomStart: Math.min(count - reach, last + 1) }
}

export function inZone(zone: Zone, position: number, zones: Zones): boolean {
  if (zone === 'anywhere') return true
  return zone === 'top' ? position < zones.topEnd : position >= zones.bottomStart
}
