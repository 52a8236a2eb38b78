/**
 * Corpus repetition: a line that recurs in documents telling *different* stories is furniture of
 * the site (a footer, a newsletter pitch), not part of any story.
 *
 * The trap: syndicated copies of one story share all their content lines, so counting documents
 * would remove real paragraphs. We count stories instead. Near-duplicate clusters do not exist yet
 * at this point of the pipeline, so a story is proved here from the documents' text: two
 * documents tell the same story when most of the shorter one's word 4-grams are in the longer
 * one (containment); a shared footer is a small part of either text and cannot make two stories
 * one. Documents are grouped greedily in id order, so the result does not depend on input order.
 *
 * More guards keep content. News copy reuses stock sentences ("The company did not respond to a
 * request for comment."), so a line that reads as reported prose (a full sentence that does not
 * address the reader) is junk only when it sits in the junk run at an end of the article (every
 * line between it and the edge is junk too) in most of its occurrences: stock sentences sit among
 * the paragraphs, "This story was originally published by …" sits in the footer. Occurrences
 * inside a related-links block do not count, because a headline listed under "Related stories"
 * elsewhere is the title of its own story; and a document's own first line, when it reads as a
 * headline, is its title and stays, unless the line is far more widespread than a formula for
 * titles ("Preview: X v X") can be.
 */
import type { BoilerplateEvidence, Document } from '../types.js'
import { KeyTable } from './keytable.js'
import { U32List } from '../u32list.js'
import { BOILERPLATE, FLAGS, HAS_KEY, HAS_TEMPLATE, HEADLINE, KEY, LINE_WORDS, RELATED_LINKS, REMOVED, TEMPLATE, type CorpusLines } from './lines.js'
import { LineBuckets } from './buckets.js'
import { COUNT_ALWAYS, COUNT_UNLESS_WEAK, LineBlocks, OFF_EDGE, READ_TEXT, WEAK_TEMPLATE, type LineBlock, type LineFindings } from './confirm.js'

export { readsAsProse } from './confirm.js'

/** Share of a weak candidate's occurrences (prose, thin templates) that must sit in a junk run at an end of the article. */
const AT_EDGE = 0.8
/** A line recurring in this many times `minStories` stories is furniture even in title position. */
const TITLE_FACTOR = 3
/** Stories are counted up to this many (or `minStories`, if larger); the evidence then says "at least". */
const STORY_COUNT_CAP = 25

export interface CorpusVerdict {
  /** Position of the document among the summaries. */
  readonly document: number
  /** 0-based paragraph index. */
  readonly paragraph: number
  readonly evidence: BoilerplateEvidence
}

/** Paragraphs (document position, paragraph index) removed by an earlier corpus pass: one bit each. */
export class ParagraphSet {
  private readonly offsets: Uint32Array
  private readonly bits: Uint8Array

  constructor(lines: readonly CorpusLines[]) {
    this.offsets = new Uint32Array(lines.length + 1)
    for (let i = 0; i < lines.length; i++) this.offsets[i + 1] = this.offsets[i]! + lines[i]!.table.length / LINE_WORDS
    this.bits = new Uint8Array(Math.ceil(this.offsets[lines.length]! / 8))
  }

  has(document: number, paragraph: number): boolean {
    const at = this.offsets[document]! + paragraph
    return (this.bits[at >>> 3]! & (1 << (at & 7))) !== 0
  }

  add(document: number, paragraph: number): void {
    const at = this.offsets[document]! + paragraph
    this.bits[at >>> 3] = this.bits[at >>> 3]! | (1 << (at & 7))
  }
}

/**
 * The lines a document still holds for story sketches: what no boilerplate rule, per document or
 * corpus, removed (`removed` holds the corpus step's removals so far; none before it starts).
 */
export function storyLines(document: Document, lines: CorpusLines, position: number, removed: ParagraphSet | null): string[] {
  return document.paragraphs
    .filter((paragraph) => (lines.table[paragraph.index * LINE_WORDS + FLAGS]! & BOILERPLATE) === 0 && !(removed?.has(position, paragraph.index) ?? false))
    .map((paragraph) => paragraph.key)
}

export interface RecurringLinesInput {
  readonly lines: readonly CorpusLines[]
  /** Document positions in id order. */
  readonly order: readonly number[]
  readonly minStories: number
  /** Lines are the same line when their templates are (else when their matching keys are). */
  readonly byTemplate: boolean
  /** Paragraphs earlier corpus passes removed (the summaries predate them). */
  readonly removed: ParagraphSet
  /** Documents with paragraphs in `removed`: their first story sketch no longer holds. */
  readonly changed: Uint8Array
  /** Threads that confirm the lines' blocks (the lines are cut in more blocks for more threads). */
  readonly threads: number
  /** The first sweep over these `lines`, if made already (as they arrived); else it is made here. */
  readonly buckets?: LineBuckets
}

/** Blocks per thread when threads share the lines: small enough that they finish together. */
const BLOCKS_PER_THREAD = 4

/**
 * Kept paragraphs whose line recurs across at least `minStories` distinct stories. Lines are found
 * from the summaries on this thread; what must be read of the documents (a sample's text, story
 * sketches) is asked in rounds: the generator yields a round's blocks (`confirm.ts`) and takes
 * their findings back, in the same order.
 */
export function* findRecurringLines(input: RecurringLinesInput): Generator<LineBlock[], CorpusVerdict[], LineFindings[]> {
  const { lines, order, minStories, byTemplate, removed } = input
  const field = byTemplate ? TEMPLATE : KEY
  const hasKey = byTemplate ? HAS_TEMPLATE : HAS_KEY
  const isRemoved = (document: number, at: number, flags: number): boolean => (flags & REMOVED) !== 0 || removed.has(document, at / LINE_WORDS)
  // Most lines occur once: only those whose bucket was hit twice (the first sweep, `buckets.ts`) can recur.
  const buckets = input.buckets ?? LineBuckets.of(lines, byTemplate)
  if (buckets.documents !== lines.length || buckets.byTemplate !== byTemplate) throw new RangeError(`corpus boilerplate: line buckets of ${buckets.documents} documents for ${lines.length}`)
  const counted = (flags: number): boolean => buckets.counted(flags)
  // Pass 1: in how many documents each line that may recur occurs (outside related-links blocks).
  // Value 0 counts documents, value 1 remembers the last document counted (position + 1), so each
  // counts once. A line left out occurs once: below any `minStories`.
  const table = new KeyTable()
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!.table
    for (let at = 0; at < row.length; at += LINE_WORDS) {
      if (!counted(row[at + FLAGS]!) || !buckets.mayRecur(row, at)) continue
      const slot = table.insert(row[at + field]!, row[at + field + 1]!)
      if (table.get(slot, 1) === i + 1) continue
      table.set(slot, 1, i + 1)
      table.set(slot, 0, table.get(slot, 0) + 1)
    }
  }
  // Pass 2: the occurrences of the lines frequent enough to matter, in document id order. A line's
  // number (in order of first occurrence) goes in value 1, as ASSIGNED + number.
  const ASSIGNED = lines.length + 1
  const lastDocument = new U32List() // by line number: the document of its latest occurrence
  const occurrence = { line: new U32List(), document: new U32List(), paragraph: new U32List(), kept: new U32List(), atEdge: new U32List() }
  let slots = new Int32Array(64)
  for (const i of order) {
    const row = lines[i]!.table
    const count = row.length / LINE_WORDS
    if (slots.length < count) slots = new Int32Array(count * 2)
    // Each paragraph's slot when its line is frequent (else -1), and the junk runs at both ends.
    let lead = count
    let trail = -1
    for (let p = 0; p < count; p++) {
      const at = p * LINE_WORDS
      const flags = row[at + FLAGS]!
      const slot = (flags & hasKey) === 0 ? -1 : table.find(row[at + field]!, row[at + field + 1]!)
      slots[p] = slot >= 0 && table.get(slot, 0) >= minStories ? slot : -1
      if (slots[p] === -1 && !isRemoved(i, at, flags)) {
        if (lead === count) lead = p
        trail = p
      }
    }
    for (let p = 0; p < count; p++) {
      const slot = slots[p]!
      const flags = row[p * LINE_WORDS + FLAGS]!
      if (slot === -1 || (flags & RELATED_LINKS) !== 0) continue
      let line = table.get(slot, 1) - ASSIGNED
      if (line >= 0) {
        if (lastDocument.at(line) === i) continue
        lastDocument.set(line, i)
      } else {
        line = lastDocument.length
        lastDocument.push(i)
        table.set(slot, 1, ASSIGNED + line)
      }
      occurrence.line.push(line)
      occurrence.document.push(i)
      occurrence.paragraph.push(p)
      occurrence.kept.push(isRemoved(i, p * LINE_WORDS, flags) ? 0 : 1)
      occurrence.atEdge.push(p < lead || p > trail ? 1 : 0)
    }
  }
  // Occurrences grouped by line (a stable counting sort keeps id order within a line).
  const lineCount = lastDocument.length
  const starts = new Uint32Array(lineCount + 1)
  for (let k = 0; k < occurrence.line.length; k++) starts[occurrence.line.at(k) + 1] = starts[occurrence.line.at(k) + 1]! + 1
  for (let line = 0; line < lineCount; line++) starts[line + 1] = starts[line + 1]! + starts[line]!
  const grouped = new Uint32Array(occurrence.line.length)
  const next = starts.slice(0, lineCount)
  for (let k = 0; k < occurrence.line.length; k++) {
    const line = occurrence.line.at(k)
    grouped[next[line]!] = k
    next[line] = next[line]! + 1
  }
  const cap = Math.max(minStories, STORY_COUNT_CAP)
  const sizeOf = (line: number): number => starts[line + 1]! - starts[line]!
  const tally = (line: number): { kept: number; atEdge: number } => {
    let kept = 0
    let atEdge = 0
    for (let k = starts[line]!; k < starts[line + 1]!; k++) {
      kept += occurrence.kept.at(grouped[k]!)
      atEdge += occurrence.atEdge.at(grouped[k]!)
    }
    return { kept, atEdge }
  }
  const literalsOf = (line: number): number => {
    const sample = grouped[starts[line]!]!
    return lines[occurrence.document.at(sample)]!.table[occurrence.paragraph.at(sample) * LINE_WORDS + FLAGS]! >>> 8
  }
  // What is known of each line once read (stories -1: not counted), and what the next round asks.
  const stories = new Int32Array(lineCount).fill(-1)
  const prose = new Uint8Array(lineCount)
  const templates = new Array<string>(lineCount).fill('')
  const pending = new Uint8Array(lineCount)
  // A verdict needs a line's text (prose, and a template with one literal word, must sit in the
  // junk run at an end of the article in most documents), then its stories.
  for (let line = 0; line < lineCount; line++) {
    const { kept, atEdge } = tally(line)
    if (sizeOf(line) < minStories || kept === 0) continue
    pending[line] = READ_TEXT | COUNT_UNLESS_WEAK | (byTemplate && literalsOf(line) < 2 ? WEAK_TEMPLATE : 0) | (atEdge < AT_EDGE * sizeOf(line) ? OFF_EDGE : 0)
  }
  // Each document's title: its first kept line that is not furniture seen in many more stories than
  // any formula for titles ("Published # X #" is; "Preview: X v X" is not), if that line reads as a
  // headline. A document's search waits at a recurring line until that line's stories are counted.
  const titles = new Int32Array(lines.length).fill(-1)
  const titleAt = new Int32Array(lines.length) // where each document's search stands (-1: done)
  const searchTitles = (): void => {
    for (const i of order) {
      const row = lines[i]!.table
      let at = titleAt[i]!
      for (; at >= 0 && at < row.length; at += LINE_WORDS) {
        const rowFlags = row[at + FLAGS]!
        if (isRemoved(i, at, rowFlags)) continue
        const slot = (rowFlags & hasKey) === 0 ? -1 : table.find(row[at + field]!, row[at + field + 1]!)
        const line = slot === -1 ? -1 : table.get(slot, 1) - ASSIGNED
        if (line >= 0 && stories[line] === -1) {
          pending[line] = pending[line]! | COUNT_ALWAYS
          break
        }
        if (line >= 0 && stories[line]! >= TITLE_FACTOR * minStories) continue
        if ((rowFlags & HEADLINE) !== 0) titles[i] = at / LINE_WORDS
        at = -1
        break
      }
      titleAt[i] = at >= row.length ? -1 : at
    }
  }
  const blocks = new LineBlocks(input, { starts, grouped, document: occurrence.document, paragraph: occurrence.paragraph }, cap, input.threads > 1 ? input.threads * BLOCKS_PER_THREAD : 1)
  for (searchTitles(); ; searchTitles()) {
    const asked: number[] = []
    for (let line = 0; line < lineCount; line++) if (pending[line] !== 0) asked.push(line)
    if (asked.length === 0) break
    const round = blocks.cut(asked, pending)
    const findings = yield round.map(({ block }) => block)
    round.forEach(({ lines: blockLines }, b) => {
      blockLines.forEach((line, l) => {
        if ((pending[line]! & READ_TEXT) !== 0) {
          prose[line] = findings[b]!.prose[l]!
          templates[line] = findings[b]!.templates[l]!
        }
        stories[line] = findings[b]!.stories[l]!
        pending[line] = 0
      })
    })
  }
  const verdicts: CorpusVerdict[] = []
  for (let line = 0; line < lineCount; line++) {
    const start = starts[line]!
    const end = starts[line + 1]!
    const { kept, atEdge } = tally(line)
    if (end - start < minStories || kept === 0) continue
    const weak = prose[line] === 1 || (byTemplate && literalsOf(line) < 2)
    if (weak && atEdge < AT_EDGE * (end - start)) continue
    const storyCount = stories[line]!
    if (storyCount === -1) throw new Error(`corpus boilerplate: the stories of line ${line} were never counted`)
    if (storyCount < minStories) continue
    const evidence: BoilerplateEvidence = {
      by: 'corpus',
      documents: end - start,
      stories: storyCount,
      atLeast: storyCount >= cap,
      minStories,
      ...(byTemplate ? { template: templates[line]! } : {}),
    }
    for (let k = start; k < end; k++) {
      const document = occurrence.document.at(grouped[k]!)
      const paragraph = occurrence.paragraph.at(grouped[k]!)
      if (occurrence.kept.at(grouped[k]!) === 0 || titles[document] === paragraph) continue
      verdicts.push({ document, paragraph, evidence })
    }
  }
  return verdicts
}
