/**
 * The rule table: each pattern rule carries its id, a one-sentence description, the zone where
 * it may fire, and its own examples (the remark-lint pattern: `test/boilerplate/rules.test.ts`
 * runs every rule's examples, so a rule cannot lose its documentation or its tests).
 */
import type { Zone } from '../types.js'

export interface BoilerplateRule {
  /** Stable kebab-case id; the report's `rule`. */
  readonly id: string
  /** One sentence: README, --explain and the HTML tooltip. */
  readonly description: string
  readonly zone: Zone
  /** Matched against the paragraph's text (not the key), so case and brackets count. */
  readonly pattern: RegExp
  /** Longest paragraph, in words, the rule may remove: real paragraphs that mention the same words are longer. */
  readonly maxWords: number
  /** Off unless enabled by id. */
  readonly optIn?: boolean
  readonly examples: { readonly remove: readonly string[]; readonly keep: readonly string[] }
}

export const RULES: readonly BoilerplateRule[] = [
  {
    id: 'social-footer',
    description: 'Calls to follow or subscribe on social media.',
    zone: 'bottom',
    pattern: /^(?:the latest news in your social feeds|subscribe to our social media\b.*|follow us on\b.*)$/iu,
    maxWords: 20,
    examples: {
      remove: ['The latest news in your social feeds', 'Subscribe to our social media platforms to stay tuned'],
      keep: ['He urged fans to follow us on the long road back, he said.'],
    },
  },
  {
    id: 'caption',
    description: 'A photo caption that ends with a bracketed credit in capitals.',
    zone: 'anywhere',
    pattern: /\[(?=[^\]]*\p{Lu})[\p{Lu}\d][\p{Lu}\d .,'&/·:_-]{1,60}\]\s*$/u,
    maxWords: 60,
    examples: {
      remove: ['CIA Director John Ratcliffe speaks in Washington on April 30. [AP/YONHAP]'],
      keep: ['The ministry said the figures [released on Monday] were final.'],
    },
  },
  {
    id: 'translation-note',
    description: 'A note that the text was translated or first published elsewhere.',
    zone: 'bottom',
    pattern: /\btranslated\b.{0,80}\b(?:generative AI|AI[- ]assisted|machine translation)\b|^this (?:story|article) was originally published (?:by|in|on)\b/iu,
    maxWords: 40,
    examples: {
      remove: ['Translated from the JoongAng Ilbo using generative AI and edited by Korea JoongAng Daily staff.'],
      keep: ['The book was translated into 30 languages, including Korean.'],
    },
  },
  {
    id: 'byline',
    description: 'An author line: "By NAME", optionally with a role or an email in brackets.',
    zone: 'anywhere',
    pattern: /^(?:by|written by)\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,4}(?:,\s*[\p{L} ]{2,40})?\s*(?:\[[^\]]*@[^\]]*\]|\([^)]*@[^)]*\))?$/iu,
    maxWords: 12,
    examples: {
      remove: ['BY SHIN KYUNG-JIN [kim.juyeon2@joongang.co.kr]', 'By Anna Kim, Staff Reporter'],
      keep: ['By Thursday the shares had recovered most of their losses.'],
    },
  },
]

/** Header lines that open a block of links to other stories. */
export const BLOCK_HEADERS: RegExp =
  /^(?:you (?:may|might) (?:also )?like|related(?: articles| stories| news| coverage)?|most (?:read|popular|viewed)|more from\b.{1,40}|read more|see also|recommended(?: for you)?)\s*[:>»]?$/iu
