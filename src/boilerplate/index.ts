/**
 * Stage 3: syndication junk. Detectors return verdicts; this file keeps the books: every
 * removal becomes a `boilerplate` decision with its rule id and evidence.
 *
 * Per document (after segmentation): pattern rules, then related-links blocks, then the line
 * score for what is left at the article's edges. Per corpus (after the repeats stage): lines that
 * recur across distinct stories (`corpus.ts`), word for word and then as templates (`template.ts`).
 */
import type { BoilerplateOptions } from '../options.js'
import type { BoilerplateEvidence, Document, DocumentSource, Paragraph, RuleInfo } from '../types.js'
import { arraySource, keptParagraphs } from '../document.js'
import { findLinkBlocks } from './blocks.js'
import { findRecurringLines, ParagraphSet, storyLines } from './corpus.js'
import { summarizeParagraphs, type CorpusLines } from './lines.js'
import { DETECTOR_DESCRIPTIONS, DETECTOR_IDS, RULES, type BoilerplateRule } from './rules.js'
import { findJunkByScore } from './score.js'
import type { CorpusBuckets } from './buckets.js'
import { confirmLines, type LineBlock, type LineFindings } from './confirm.js'
import { shingles } from './stories.js'
import { findZones, inZone, wordCount, type Zones } from './zones.js'
import { inputLines as splitInputLines } from '../segment/index.js'

export type { CorpusLines } from './lines.js'
export { confirmLines, type LineBlock, type LineFindings } from './confirm.js'
export { CorpusBuckets } from './buckets.js'
export { RULES, BLOCK_HEADERS, DETECTOR_IDS, DETECTOR_DESCRIPTIONS, type BoilerplateRule } from './rules.js'

// Extra rules are compiled once per options object, not once per document.
const compiled = new WeakMap<BoilerplateOptions['extraRules'], BoilerplateRule[]>()

function compileExtraRules(options: BoilerplateOptions): BoilerplateRule[] {
  const cached = compiled.get(options.extraRules)
  if (cached) return cached
  const rules = options.extraRules.map((spec) => ({
    id: spec.id,
    description: spec.description,
    zone: spec.zone ?? 'anywhere',
    // `g` and `y` would make `test()` remember where it stopped, and answer differently for the next paragraph.
    pattern: new RegExp(spec.pattern, (spec.flags ?? 'u').replace(/[gy]/gu, '')),
    maxWords: spec.maxWords ?? 40,
    examples: { remove: [], keep: [] },
  }))
  compiled.set(options.extraRules, rules)
  return rules
}

function isActive(id: string, options: BoilerplateOptions, optIn = false): boolean {
  return !options.disable.includes(id) && (!optIn || options.enable.includes(id))
}

/** The rules in force for these options, in table order, extra rules last. */
export function activeRules(options: BoilerplateOptions): BoilerplateRule[] {
  return [...RULES, ...compileExtraRules(options)].filter((rule) => isActive(rule.id, options, rule.optIn))
}

/**
 * The rules in force as the report lists them: pattern rules with their patterns (each removal
 * names its rule and what matched, and the pattern is written once here), then the other detectors.
 */
export function ruleCatalogue(options: BoilerplateOptions): RuleInfo[] {
  if (!options.enabled) return []
  const patterns = activeRules(options).map((rule): RuleInfo => ({
    id: rule.id,
    description: rule.description,
    zone: rule.zone,
    pattern: rule.pattern.source,
    flags: rule.pattern.flags,
    maxWords: rule.maxWords,
  }))
  const detectors = DETECTOR_IDS.filter((id) => isActive(id, options)).map((id): RuleInfo => ({ id, description: DETECTOR_DESCRIPTIONS[id]! }))
  return [...patterns, ...detectors]
}

/** Does this rule remove this paragraph, at this position among the document's paragraphs? */
export function ruleMatches(rule: BoilerplateRule, paragraph: Paragraph, position: number, zones: Zones): boolean {
  return (
    inZone(rule.zone, position, zones) &&
    wordCount(paragraph.text, rule.maxWords) <= rule.maxWords &&
    rule.pattern.test(paragraph.text.trim())
  )
}

/** The first matching rule for a paragraph, or undefined. */
export function matchRule(rules: readonly BoilerplateRule[], paragraph: Paragraph, position: number, zones: Zones): BoilerplateRule | undefined {
  return rules.find((rule) => ruleMatches(rule, paragraph, position, zones))
}

function remove(document: Document, paragraph: number, rule: string, evidence: BoilerplateEvidence): void {
  document.decisions.push({ kind: 'boilerplate', rule, paragraph, evidence })
}

/**
 * The rules in force, with what every paragraph is asked once for all of them: its word count is
 * taken up to the largest `maxWords` only (a rule only asks "more than N?", and most paragraphs
 * are longer than any rule's limit), and its text is trimmed once.
 */
class RuleTable {
  private readonly maxWords: number

  constructor(private readonly rules: readonly BoilerplateRule[]) {
    this.maxWords = rules.reduce((most, rule) => Math.max(most, rule.maxWords), 0)
  }

  /** The first rule that removes `text` at `position`: `matchRule`'s answer. */
  first(text: string, position: number, zones: Zones): BoilerplateRule | undefined {
    const words = wordCount(text, this.maxWords)
    if (words > this.maxWords) return undefined
    let trimmed: string | undefined
    for (const rule of this.rules) {
      if (words > rule.maxWords || !inZone(rule.zone, position, zones)) continue
      if (rule.pattern.test((trimmed ??= text.trim()))) return rule
    }
    return undefined
  }

  /**
   * The rule that removes a paragraph, and the text it matched (the evidence). A paragraph rejoined
   * from several input lines (a hard wrap) is also junk when each of its lines alone is: footer lines
   * can look like a wrapped paragraph; then the evidence is what matched on the first of them.
   */
  paragraph(paragraph: Paragraph, position: number, zones: Zones, inputLines: () => readonly string[]): { rule: BoilerplateRule; match: string } | undefined {
    const whole = this.first(paragraph.text, position, zones)
    if (whole) return { rule: whole, match: matchedText(whole, paragraph.text) }
    if (paragraph.lines.end === paragraph.lines.start) return undefined
    let first: { rule: BoilerplateRule; match: string } | undefined
    for (let number = paragraph.lines.start; number <= paragraph.lines.end; number++) {
      const line = inputLines()[number - 1]!
      if (line.trim() === '') continue
      const rule = this.first(line, position, zones)
      if (rule === undefined) return undefined
      first ??= { rule, match: matchedText(rule, line) }
    }
    return first
  }
}

/** What a rule's pattern matched in a text it removes (asked once per removal, not per test). */
function matchedText(rule: BoilerplateRule, text: string): string {
  return rule.pattern.exec(text.trim())?.[0] ?? ''
}

// The table is made once per options object, not once per document.
const tables = new WeakMap<BoilerplateOptions, RuleTable>()

function ruleTable(options: BoilerplateOptions): RuleTable {
  let table = tables.get(options)
  if (table === undefined) tables.set(options, (table = new RuleTable(activeRules(options))))
  return table
}

/** Per-document junk: pattern rules, related-links blocks, then the line score at the edges. */
export function markBoilerplate(document: Document, options: BoilerplateOptions): void {
  if (!options.enabled) return
  const rules = ruleTable(options)
  const paragraphs = keptParagraphs(document)
  const zones = findZones(paragraphs)
  const removed = new Set<number>()
  let inputLines: string[] | undefined
  const lines = (): string[] => (inputLines ??= splitInputLines(document.text))
  paragraphs.forEach((paragraph, position) => {
    const found = rules.paragraph(paragraph, position, zones, lines)
    if (!found) return
    removed.add(paragraph.index)
    remove(document, paragraph.index, found.rule.id, { by: 'pattern', match: found.match, zone: found.rule.zone })
  })
  if (isActive('related-links', options)) {
    for (const match of findLinkBlocks(paragraphs, removed)) {
      removed.add(match.paragraph)
      remove(document, match.paragraph, 'related-links', { by: 'block', header: match.header.lines.start, headerText: match.header.text.trim() })
    }
  }
  if (isActive('line-score', options)) {
    for (const verdict of findJunkByScore(paragraphs, removed)) {
      removed.add(verdict.paragraph)
      remove(document, verdict.paragraph, 'line-score', verdict.evidence)
    }
  }
}

/** A paragraph the corpus step removes: `document` is a position in the `ids`, `lines` and source given. */
export interface CorpusRemoval {
  readonly document: number
  readonly paragraph: number
  readonly rule: string
  readonly evidence: BoilerplateEvidence
}

/**
 * What the corpus step needs of a document, after the per-document stages (segment, boilerplate,
 * repeats): a compact summary with no text (`lines.ts`), for `findCorpusBoilerplate`. Pure; runs
 * in a worker. Empty when the stage is off.
 */
export function summarizeLines(document: Document, options: BoilerplateOptions): CorpusLines {
  if (!options.enabled) return { table: new Uint32Array(0) }
  return summarizeParagraphs(document, isActive('corpus-template', options))
}

/**
 * A document's story sketch as the corpus step first sees it (before any corpus removal), from its
 * line summary; null when the corpus step will not run. Pure; runs in a worker, so the corpus step
 * need not load the document to make it.
 */
export function storySketch(document: Document, lines: CorpusLines, options: BoilerplateOptions): Uint32Array | null {
  if (!options.enabled || !(isActive('corpus-repeat', options) || isActive('corpus-template', options))) return null
  return shingles(storyLines(document, lines, 0, null))
}

/**
 * Corpus-level junk (lines that recur across unrelated stories), decided on summaries: exact lines
 * first, then templates over what exact repetition left. What must be read of the documents is
 * asked in rounds of blocks (`confirm.ts`): each round's blocks are yielded, their findings taken
 * back in the same order (`confirmLines` on each, here or on worker threads); `threads` says how
 * many share the blocks. Returns the removals, in the order the decisions are to be pushed.
 */
export function* corpusBoilerplateSteps(
  ids: readonly string[],
  lines: readonly CorpusLines[],
  options: BoilerplateOptions,
  threads = 1,
  /** The first sweeps over `lines`, made as they arrived (else they are made here). */
  buckets?: CorpusBuckets,
): Generator<LineBlock[], CorpusRemoval[], LineFindings[]> {
  if (!options.enabled) return []
  if (lines.length !== ids.length) throw new RangeError(`corpus boilerplate: ${ids.length} ids and ${lines.length} summaries do not match`)
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1))
  const removed = new ParagraphSet(lines)
  const changed = new Uint8Array(ids.length)
  const removals: CorpusRemoval[] = []
  for (const [rule, byTemplate] of [['corpus-repeat', false], ['corpus-template', true]] as const) {
    if (!isActive(rule, options)) continue
    const swept = buckets === undefined ? {} : { buckets: byTemplate ? buckets.template : buckets.repeat }
    const verdicts = yield* findRecurringLines({ lines, order, minStories: options.minStories, byTemplate, removed, changed, threads, ...swept })
    // The next pass sees this one's removals, as if they were decisions already.
    for (const { document, paragraph, evidence } of verdicts) {
      removals.push({ document, paragraph, rule, evidence })
      removed.add(document, paragraph)
      changed[document] = 1
    }
  }
  return removals
}

/**
 * The corpus step on this thread: documents are loaded from `source` only to sketch stories (a
 * bounded cache) and to read the one sample line of each candidate.
 */
export function findCorpusBoilerplate(
  ids: readonly string[],
  lines: readonly CorpusLines[],
  source: DocumentSource,
  options: BoilerplateOptions,
  /** Each document's `storySketch`, made beforehand (in a worker), if the caller has them. */
  sketches?: (position: number) => Uint32Array,
): CorpusRemoval[] {
  if (!options.enabled) return []
  if (lines.length !== ids.length || source.size !== ids.length) {
    throw new RangeError(`corpus boilerplate: ${ids.length} ids, ${lines.length} summaries and ${source.size} documents do not match`)
  }
  const steps = corpusBoilerplateSteps(ids, lines, options)
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value
    step = steps.next(
      step.value.map((block) =>
        confirmLines(block, {
          firstSketch: (k) => {
            const position = block.documents[k]!
            return sketches?.(position) ?? shingles(storyLines(source.load(position), lines[position]!, position, null))
          },
          paragraphs: (k) => source.load(block.documents[k]!).paragraphs,
        }),
      ),
    )
  }
}

/** Corpus-level junk over documents in memory: summarise each, decide, push the decisions. Runs after the repeats stage. */
export function markCorpusBoilerplate(documents: readonly Document[], options: BoilerplateOptions): void {
  if (!options.enabled) return
  const lines = documents.map((document) => summarizeLines(document, options))
  const ids = documents.map((document) => document.id)
  for (const removal of findCorpusBoilerplate(ids, lines, arraySource(documents), options)) {
    remove(documents[removal.document]!, removal.paragraph, removal.rule, removal.evidence)
  }
}
