/**
 * Line features in the manner of jusText, for lines no rule covers: a weighted sum of signals of
 * junk (a URL, an email, a handle, a call to action aimed at the reader, link separators) minus
 * signals of article text (a sentence with a natural share of stopwords, quoted speech).
 *
 * jusText's own rule (stopword density alone) deletes number-heavy paragraphs, headlines, line-ups
 * and results; so here a line needs positive evidence of junk to be removed, and only lines
 * outside the article body are scored: before its first real paragraph or after its last one.
 */
import { createRequire } from 'node:module'
import type { BoilerplateEvidence, Paragraph } from '../types.js'
import { isHeadline } from './blocks.js'
import { isBodyParagraph, words } from './zones.js'

// natural's English stopword list, loaded on its own: `import natural from 'natural'` also loads
// its storage back-ends, which run dotenv (reading ./.env and printing to stdout, which would
// corrupt `--stdout` output).
const { words: ENGLISH_STOPWORDS } = createRequire(import.meta.url)('natural/lib/natural/util/stopwords.js') as { words: string[] }
export const STOPWORDS: ReadonlySet<string> = new Set(ENGLISH_STOPWORDS)

/** A line scoring at least this is junk. */
export const SCORE_THRESHOLD = 2

/** Longest line, in words and in characters, the score may remove (a 30-word line fits in 400 characters). */
const MAX_WORDS = 30
const MAX_CHARS = 400

// One link or address alone does not make junk ("More details are at www.example.org" ends many
// a tech story); it takes a second signal, such as a call to action or a word about the service.
const WEIGHTS = {
  url: 1.5,
  email: 1.5,
  handle: 1.5,
  readerAddress: 1,
  callToAction: 1,
  serviceWord: 1,
  separators: 1,
  prose: -1.5,
  quote: -1,
} as const

export type LineFeatures = Readonly<Record<keyof typeof WEIGHTS | 'words' | 'stopwordDensity', number>>

/** The measured features of one line: 1/0 flags, separators counted up to 2, word count, stopword share. */
export function lineFeatures(text: string): LineFeatures {
  const trimmed = text.trim()
  const tokens = words(trimmed)
  const bare = tokens.map((token) => token.toLowerCase().replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
  const stopwords = bare.filter((token) => STOPWORDS.has(token)).length
  const stopwordDensity = tokens.length ? Math.round((stopwords / tokens.length) * 100) / 100 : 0
  const flag = (condition: boolean): number => (condition ? 1 : 0)
  return {
    words: tokens.length,
    stopwordDensity,
    url: flag(/\bhttps?:\/\/\S+|\bwww\.\S+|(?<![@\w.-])[\w-]+\.(?:com|org|net|co\.\w\w|io|news)\b(?:\/\S*)?/iu.test(trimmed)),
    email: flag(/\b[\w.+-]+@[\w-]+\.[\w.-]+\b/u.test(trimmed)),
    handle: flag(/(?:^|\s)@\w{2,}/u.test(trimmed)),
    readerAddress: flag(/\b(?:you|your|yours)\b/iu.test(trimmed)),
    callToAction: flag(/^(?:click|tap|sign|subscribe|follow|share|download|get|join|read|watch|listen|visit|contact|email|e-mail|send|like|register|log|continue|tell|find|discover|see)\b/iu.test(bare.join(' '))),
    serviceWord: flag(/\b(?:app|newsletters?|podcasts?|inbox|subscri(?:be|ption|bers?)|notifications?|alerts?|feeds?|homepage|website|channel|account)\b/iu.test(trimmed)),
    // Counted, up to two: one "|" is a byline's, two or more make a bar of links.
    separators: Math.min(2, (trimmed.match(/\s[|•·»]\s/gu) ?? []).length),
    prose: flag(tokens.length >= 8 && stopwordDensity >= 0.3 && /[.!?]["'”’)]*$/u.test(trimmed)),
    quote: flag(/["“”]/u.test(trimmed)),
  }
}

export function lineScore(features: LineFeatures): number {
  let score = 0
  for (const [name, weight] of Object.entries(WEIGHTS)) score += weight * features[name as keyof typeof WEIGHTS]
  return score
}

export interface ScoreVerdict {
  /** 0-based paragraph index in the document. */
  readonly paragraph: number
  readonly evidence: BoilerplateEvidence
}

/** Kept lines outside the article body whose features score as junk. */
export function findJunkByScore(paragraphs: readonly Paragraph[], removed: ReadonlySet<number>): ScoreVerdict[] {
  const body = paragraphs.map((paragraph) => isBodyParagraph(paragraph.text))
  const first = body.indexOf(true)
  const last = body.lastIndexOf(true)
  if (first < 0) return []
  const verdicts: ScoreVerdict[] = []
  paragraphs.forEach((paragraph, position) => {
    if ((position > first && position < last) || body[position] || removed.has(paragraph.index) || paragraph.text.length > MAX_CHARS) return
    // The first line, reading as a headline, is the title ("Get ready for the new app store rules").
    if (position === 0 && isHeadline(paragraph.text)) return
    const features = lineFeatures(paragraph.text)
    if (features.words > MAX_WORDS) return
    const score = lineScore(features)
    if (score < SCORE_THRESHOLD) return
    verdicts.push({ paragraph: paragraph.index, evidence: { by: 'score', score, threshold: SCORE_THRESHOLD, features } })
  })
  return verdicts
}
