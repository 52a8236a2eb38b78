/**
 * Options are plain typed objects; every default lives in `DEFAULT_OPTIONS` below and nowhere else.
 * `resolveOptions()` validates at the boundary with "Expected …" messages.
 */
import { availableParallelism } from 'node:os'
import { DETECTOR_IDS, RULES } from './boilerplate/rules.js'

export type CanonicalPolicy = 'longest' | 'first' | 'shortest'

export interface InputOptions {
  /**
   * Largest document, in UTF-8 bytes, that is cleaned (0: no limit). Larger ones are skipped or
   * truncated, as `oversize` says, and the report says which.
   * @default 67108864 (64 MiB)
   */
  readonly maxDocBytes: number
  /**
   * What happens to a document over `maxDocBytes`: `skip` it, or `truncate` it at the last line end that fits.
   * @default 'skip'
   */
  readonly oversize: 'skip' | 'truncate'
}

export interface SegmentOptions {
  /**
   * Rejoin hard-wrapped lines into one paragraph.
   * @default true
   */
  readonly rejoin: boolean
}

export interface BoilerplateOptions {
  /**
   * Run the junk-stripping stage at all.
   * @default true
   */
  readonly enabled: boolean
  /**
   * Rule ids to switch off (e.g. `['byline']`).
   * @default []
   */
  readonly disable: readonly string[]
  /**
   * Rule ids to switch on that are off by default.
   * @default []
   */
  readonly enable: readonly string[]
  /**
   * Extra pattern rules (from `--rules FILE`), in the JSON form documented in the README.
   * @default []
   */
  readonly extraRules: readonly RuleSpec[]
  /**
   * Lines repeated across at least this many distinct stories are junk (corpus repetition).
   * Three stories can share a fixture line ("2000 GMT"); site furniture recurs far more often.
   * @default 4
   */
  readonly minStories: number
}

/** A pattern rule as written in a `--rules` JSON file. */
export interface RuleSpec {
  readonly id: string
  readonly description: string
  /** A JavaScript regular expression source, matched against the paragraph text. */
  readonly pattern: string
  /** Regular expression flags, e.g. `i`. @default 'u' */
  readonly flags?: string
  /** @default 'anywhere' */
  readonly zone?: 'top' | 'bottom' | 'anywhere'
  /** Longest paragraph (in words) the rule may remove. @default 40 */
  readonly maxWords?: number
}

export interface RepeatOptions {
  /**
   * Run the repeated-paragraph stage at all.
   * @default true
   */
  readonly enabled: boolean
  /**
   * Similarity (0..1) at which a later paragraph is a near-exact copy of an earlier one: 1 - word
   * edits / words of the longer paragraph, punctuation aside (never more than 2 word edits).
   * @default 0.9
   */
  readonly threshold: number
  /**
   * Normalised characters a repeat must have unless it is part of a repeated run: shorter lines
   * recur on their own for good reasons (a subheading used twice, "Advertisement").
   * @default 60
   */
  readonly minChars: number
}

export interface NeardupOptions {
  /**
   * Run near-duplicate detection at all.
   * @default true
   */
  readonly enabled: boolean
  /**
   * Jaccard similarity (0..1) of word shingles at which two documents are near-duplicates.
   * Measured on the dev set: copies share at least 0.48 of their 5-grams, distinct articles at most 0.16.
   * @default 0.4
   */
  readonly threshold: number
  /**
   * Containment (0..1) at which an abridged copy joins its longer original.
   * @default 0.8
   */
  readonly containment: number
  /**
   * Word n-gram size for shingles.
   * @default 5
   */
  readonly ngram: number
  /**
   * Character n-gram size for documents written without spaces (Chinese, Japanese, Thai, …),
   * chosen per document.
   * @default 4
   */
  readonly charNgram: number
  /**
   * MinHash permutations per signature.
   * @default 128
   */
  readonly numPerm: number
  /**
   * Which member of a cluster is kept: `longest` (most shingles: the most complete text),
   * `shortest`, or `first` (the smallest id). Ties go to the smallest id, so input order never matters.
   * @default 'longest'
   */
  readonly canonical: CanonicalPolicy
  /**
   * Seed for the hash permutations (same seed, same signatures).
   * @default 1
   */
  readonly seed: number
  /**
   * Report passages shared across clusters (quotes two outlets both carry). Reporting only: no
   * document's text depends on it. The costliest corpus step (README "Performance"), so a run that
   * only needs the cleaned texts and clusters can leave it out.
   * @default true
   */
  readonly sharedPassages: boolean
}

export interface ReportOptions {
  /**
   * Documents the HTML page embeds: the first N in id order (0: none). report.json keeps every
   * document; the page is for people, and past a few hundred megabytes a browser cannot open it
   * (10,000 generated documents make about 120 MB). The page says when it holds fewer than the report.
   * @default 10000
   */
  readonly htmlDocuments: number
}

export interface CleanOptions {
  /**
   * Worker threads for per-document stages; output is identical whatever the value.
   * @default os.availableParallelism()
   */
  readonly jobs: number
  readonly input: InputOptions
  readonly segment: SegmentOptions
  readonly boilerplate: BoilerplateOptions
  readonly repeats: RepeatOptions
  readonly neardup: NeardupOptions
  readonly report: ReportOptions
}

/** Deep-partial options as callers write them. */
export type CleanOptionsInput = {
  readonly [K in keyof CleanOptions]?: CleanOptions[K] extends object
    ? CleanOptions[K] extends readonly unknown[]
      ? CleanOptions[K]
      : Partial<CleanOptions[K]>
    : CleanOptions[K]
}

export const DEFAULT_OPTIONS: CleanOptions = {
  jobs: Math.max(1, availableParallelism()),
  input: { maxDocBytes: 64 * 1024 * 1024, oversize: 'skip' },
  segment: { rejoin: true },
  boilerplate: { enabled: true, disable: [], enable: [], extraRules: [], minStories: 4 },
  repeats: { enabled: true, threshold: 0.9, minChars: 60 },
  neardup: {
    enabled: true,
    threshold: 0.4,
    containment: 0.8,
    ngram: 5,
    charNgram: 4,
    numPerm: 128,
    canonical: 'longest',
    seed: 1,
    sharedPassages: true,
  },
  report: { htmlDocuments: 10_000 },
}

export class OptionsError extends Error {
  override name = 'OptionsError'
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new OptionsError(message)
}

function unit(value: number, name: string): void {
  expect(Number.isFinite(value) && value >= 0 && value <= 1, `Expected \`${name}\` to be a number from 0 to 1, got ${value}`)
}

function whole(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  expect(
    Number.isInteger(value) && value >= min && value <= max,
    `Expected \`${name}\` to be a whole number from ${min} to ${max}, got ${value}`,
  )
}

/** Extra rules must compile, and rule ids named in `disable` / `enable` must exist: a typo would silently do nothing. */
function checkBoilerplateRules(boilerplate: BoilerplateOptions): void {
  boilerplate.extraRules.forEach((spec, index) => {
    const name = `boilerplate.extraRules[${index}]`
    expect(typeof spec?.id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(spec.id), `Expected \`${name}.id\` to be a kebab-case string, got ${String(spec?.id)}`)
    expect(typeof spec.pattern === 'string', `Expected \`${name}.pattern\` to be a regular expression source string`)
    try {
      new RegExp(spec.pattern, spec.flags ?? 'u')
    } catch (error) {
      throw new OptionsError(`Expected \`${name}.pattern\` to be a valid regular expression: ${(error as Error).message}`)
    }
    expect(spec.zone === undefined || ['top', 'bottom', 'anywhere'].includes(spec.zone), `Expected \`${name}.zone\` to be top, bottom or anywhere, got ${String(spec.zone)}`)
  })
  const known = new Set([...RULES.map((rule) => rule.id), ...DETECTOR_IDS, ...boilerplate.extraRules.map((spec) => spec.id)])
  for (const field of ['disable', 'enable'] as const) {
    const unknown = boilerplate[field].filter((id) => !known.has(id))
    expect(unknown.length === 0, `Expected \`boilerplate.${field}\` to name known rules, got unknown ${unknown.join(', ')} (run \`neardup rules\` for the list)`)
  }
}

/** Fills defaults and validates; throws `OptionsError` with an "Expected …" message. */
export function resolveOptions(input: CleanOptionsInput = {}): CleanOptions {
  const options: CleanOptions = {
    jobs: input.jobs ?? DEFAULT_OPTIONS.jobs,
    input: { ...DEFAULT_OPTIONS.input, ...input.input },
    segment: { ...DEFAULT_OPTIONS.segment, ...input.segment },
    boilerplate: { ...DEFAULT_OPTIONS.boilerplate, ...input.boilerplate },
    repeats: { ...DEFAULT_OPTIONS.repeats, ...input.repeats },
    neardup: { ...DEFAULT_OPTIONS.neardup, ...input.neardup },
    report: { ...DEFAULT_OPTIONS.report, ...input.report },
  }
  whole(options.jobs, 'jobs', 1, 256)
  whole(options.input.maxDocBytes, 'input.maxDocBytes', 0)
  expect(['skip', 'truncate'].includes(options.input.oversize), `Expected \`input.oversize\` to be skip or truncate, got ${String(options.input.oversize)}`)
  whole(options.boilerplate.minStories, 'boilerplate.minStories', 2)
  checkBoilerplateRules(options.boilerplate)
  unit(options.repeats.threshold, 'repeats.threshold')
  whole(options.repeats.minChars, 'repeats.minChars', 1)
  unit(options.neardup.threshold, 'neardup.threshold')
  unit(options.neardup.containment, 'neardup.containment')
  whole(options.neardup.ngram, 'neardup.ngram', 1, 32)
  whole(options.neardup.charNgram, 'neardup.charNgram', 1, 32)
  whole(options.neardup.numPerm, 'neardup.numPerm', 8, 4096)
  whole(options.neardup.seed, 'neardup.seed', 0, 0xffffffff)
  whole(options.report.htmlDocuments, 'report.htmlDocuments', 0)
  expect(
    ['longest', 'first', 'shortest'].includes(options.neardup.canonical),
    `Expected \`neardup.canonical\` to be one of longest, first, shortest, got ${String(options.neardup.canonical)}`,
  )
  return options
}
