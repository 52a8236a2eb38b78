/**
 * Confirming recurring lines: what the corpus step must read of the documents themselves, for the
 * few lines that recur. For each line, the text of one occurrence (is it reported prose? its
 * template, for the evidence) and how many distinct stories its documents tell (story sketches
 * compared, `stories.ts`). Lines are confirmed in blocks of plain data (typed arrays), each block
 * on its own: a worker thread takes one, reads what it needs from the spool, and hands back
 * figures that depend on nothing but the block, so the answers do not depend on how many threads
 * there are or how the lines were cut.
 */
import type { Paragraph } from '../types.js'
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
