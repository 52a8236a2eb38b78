/**
 * Confirming recurring lines: what the corpus step must read of the documents themselves, for the
 * few lines that recur. For each line, the text of one occurrence (is it reported prose? its
 * template, for the evidence) and how many distinct stories its documents tell (story sketches
 * compared, `stories.ts`). The lines are cut here in blocks of plain data (typed arrays), each
 * confirmed on its own: a worker thread takes one, reads what it needs from the spool, and hands
 * back figures that depend on nothing but the block, so the answers do not depend on how many
 * threads there are or how the lines were cut.
 */
import type { Paragraph } from '../types.js'
import type { RecurringLinesInput } from './corpus.js'
import { BOILERPLATE, FLAGS, LINE_WORDS } from './lines.js'
import type { U32List } from '../u32list.js'
import { shingles, SKETCH_CACHE_BYTES, StoryIndex } from './stories.js'
import { lineTemplate } from './template.js'
import { words } from './zones.js'

/** Count the line's stories, whatever its text. */
export const COUNT_ALWAYS = 1
/** Count its stories unless it is weak and sits mostly off the junk runs at the article's ends. */
export const COUNT_UNLESS_WEAK = 2
/** Read the text of its first occurrence (prose? template?). */
export const READ_TEXT = 4
/** Weak whatever its text: a template with one literal word. */
export const WEAK_TEMPLATE = 8
/** Too few of its occurrences sit in a junk run at an end of the article for a weak line. */
export const OFF_EDGE = 16

/** Reported prose: a sentence of six or more words, ending like one, that does not talk to the reader. */
export function readsAsProse(text: string): boolean {
  const trimmed = text.trim()
  if (words(trimmed).length < 6 || !/[.!?]["'”’)]*$/u.test(trimmed)) return false
  return !/\b(?:you|your|yours|us|our|ours)\b/iu.test(trimmed)
}

/** Lines confirmed together; documents are numbered within the block (0 … documents.length - 1). */
export interface LineBlock {
  /** Lines are templates (their evidence names the template). */
  readonly byTemplate: boolean
  /** Stories are counted up to this many. */
  readonly cap: number
  /** Position (among the corpus step's documents) of each of the block's documents. */
  readonly documents: Int32Array
  /**
   * For a document whose lines changed since its first sketch (an earlier corpus pass removed
   * some), the paragraphs its sketch is made of now: `storyParagraphs[storyStarts[k] …
   * storyStarts[k + 1])`; `changed[k]` is 1 for those documents.
   */
  readonly changed: Uint8Array
  readonly storyStarts: Uint32Array
  readonly storyParagraphs: Uint32Array
  /** Line l's occurrences are the block documents `occurrences[starts[l] … starts[l + 1])`, in id order. */
  readonly starts: Uint32Array
  readonly occurrences: Uint32Array
  /** The paragraph of line l's first occurrence (its text is the line's sample). */
  readonly samples: Uint32Array
  /** What to find out of line l (COUNT_ALWAYS, COUNT_UNLESS_WEAK, READ_TEXT, WEAK_TEMPLATE, OFF_EDGE). */
  readonly flags: Uint8Array
}

/** A block's answer, line by line. */
export interface LineFindings {
  /** 1 when the sample reads as reported prose (0 when not read). */
  readonly prose: Uint8Array
  /** Distinct stories among the occurrences (up to the cap), or -1 when not counted. */
  readonly stories: Int32Array
  /** The sample's template text, for template lines read ('' otherwise). */
  readonly templates: string[]
}

/** What a block reads of its documents (k numbers the block's documents). */
export interface LineReader {
  /** The document's story sketch as pass 1 made it. */
  firstSketch(k: number): Uint32Array
  /** The document's paragraphs (texts and keys). */
  paragraphs(k: number): readonly Paragraph[]
}

/** Occurrences in one block at most, whatever the threads: what a block holds stays bounded in a large corpus. */
const MAX_BLOCK_OCCURRENCES = 1 << 20

/** Documents whose paragraphs are kept at once while confirming a block: samples often share one. */
const HELD_DOCUMENTS = 8

export function confirmLines(block: LineBlock, reader: LineReader): LineFindings {
  const { starts, occurrences, samples, flags, changed, storyStarts, storyParagraphs } = block
  const lineCount = flags.length
  const held = new Map<number, readonly Paragraph[]>()
  const paragraphs = (k: number): readonly Paragraph[] => {
    let found = held.get(k)
    if (found === undefined) {
      found = reader.paragraphs(k)
      if (held.size >= HELD_DOCUMENTS) held.delete(held.keys().next().value!)
      held.set(k, found)
    }
    return found
  }
  const sketch = (k: number): Uint32Array => {
    if (changed[k] !== 1) return reader.firstSketch(k)
    const all = paragraphs(k)
    return shingles(Array.from(storyParagraphs.subarray(storyStarts[k]!, storyStarts[k + 1]!), (p) => all[p]!.key))
  }
  const stories = new StoryIndex(sketch, SKETCH_CACHE_BYTES)
  const findings: LineFindings = { prose: new Uint8Array(lineCount), stories: new Int32Array(lineCount).fill(-1), templates: new Array<string>(lineCount).fill('') }
  for (let line = 0; line < lineCount; line++) {
    const start = starts[line]!
    const want = flags[line]!
    let weak = (want & WEAK_TEMPLATE) !== 0
    if ((want & READ_TEXT) !== 0) {
      const text = paragraphs(occurrences[start]!)[samples[line]!]!.text
      if (readsAsProse(text)) {
        findings.prose[line] = 1
        weak = true
      }
      if (block.byTemplate) findings.templates[line] = lineTemplate(text)?.text ?? ''
    }
    const count = (want & COUNT_ALWAYS) !== 0 || ((want & COUNT_UNLESS_WEAK) !== 0 && !(weak && (want & OFF_EDGE) !== 0))
    if (count) findings.stories[line] = stories.countStories(starts[line + 1]! - start, (k) => occurrences[start + k]!, block.cap)
  }
  return findings
}

/** Where each recurring line's occurrences are (`corpus.ts` gathers them): `grouped[starts[line] … starts[line + 1])` index the occurrence columns. */
export interface Occurrences {
  readonly starts: Uint32Array
  readonly grouped: Uint32Array
  readonly document: U32List
  readonly paragraph: U32List
}

/** What cutting blocks needs to know of the corpus step's pass (see `RecurringLinesInput`). */
export type LineBlocksInput = Pick<RecurringLinesInput, 'lines' | 'removed' | 'changed' | 'byTemplate'>

/** Cuts the lines a round asks about into blocks of about equal work. */
export class LineBlocks {
  /** Block number of each document in the block being cut (-1: not in it). */
  private readonly local: Int32Array

  constructor(
    private readonly input: LineBlocksInput,
    private readonly occurrences: Occurrences,
    private readonly cap: number,
    /** Blocks a round is cut in (about equal work each). */
    private readonly parts: number,
  ) {
    this.local = new Int32Array(input.lines.length).fill(-1)
  }

  cut(asked: readonly number[], flags: Uint8Array): Array<{ lines: number[]; block: LineBlock }> {
    const { starts } = this.occurrences
    // A line's work: comparing its occurrences' sketches, and reading one text.
    const weight = (line: number): number => starts[line + 1]! - starts[line]! + 4
    let total = 0
    for (const line of asked) total += weight(line)
    const { parts } = this
    const blocks: Array<{ lines: number[]; block: LineBlock }> = []
    let group: number[] = []
    let work = 0
    for (const line of asked) {
      group.push(line)
      work += weight(line)
      if (work * parts < total && work < MAX_BLOCK_OCCURRENCES) continue
      blocks.push({ lines: group, block: this.block(group, flags) })
      group = []
      work = 0
    }
    if (group.length > 0) blocks.push({ lines: group, block: this.block(group, flags) })
    return blocks
  }

  private block(group: readonly number[], flags: Uint8Array): LineBlock {
    const { starts, grouped, document, paragraph } = this.occurrences
    const { lines, removed, changed } = this.input
    const local = this.local
    const documents: number[] = []
    const lineStarts = new Uint32Array(group.length + 1)
    group.forEach((line, l) => (lineStarts[l + 1] = lineStarts[l]! + starts[line + 1]! - starts[line]!))
    const occurrences = new Uint32Array(lineStarts[group.length]!)
    let next = 0
    for (const line of group) {
      for (let k = starts[line]!; k < starts[line + 1]!; k++) {
        const position = document.at(grouped[k]!)
        if (local[position] === -1) {
          local[position] = documents.length
          documents.push(position)
        }
        occurrences[next++] = local[position]!
      }
    }
    // A changed document is sketched again from what it still holds (as `storyLines` keeps it).
    const storyStarts = [0]
    const storyParagraphs: number[] = []
    for (const position of documents) {
      local[position] = -1
      if (changed[position] === 1) {
        const row = lines[position]!.table
        for (let p = 0; p < row.length / LINE_WORDS; p++) if ((row[p * LINE_WORDS + FLAGS]! & BOILERPLATE) === 0 && !removed.has(position, p)) storyParagraphs.push(p)
      }
      storyStarts.push(storyParagraphs.length)
    }
    return {
      byTemplate: this.input.byTemplate,
      cap: this.cap,
      documents: Int32Array.from(documents),
      changed: Uint8Array.from(documents, (position) => changed[position]!),
      storyStarts: Uint32Array.from(storyStarts),
      storyParagraphs: Uint32Array.from(storyParagraphs),
      starts: lineStarts,
      occurrences,
      samples: Uint32Array.from(group, (line) => paragraph.at(grouped[starts[line]!]!)),
      flags: Uint8Array.from(group, (line) => flags[line]!),
    }
  }
}
