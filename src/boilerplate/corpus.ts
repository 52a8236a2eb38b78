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
import type { BoilerplateEvidence, Document, Paragraph } from '../types.js'
import { isParagraphDecision } from '../document.js'
import { isHeadline } from './blocks.js'
import { StoryIndex } from './stories.js'
import { lineTemplate } from './template.js'
import { words } from './zones.js'

/** Share of a weak candidate's occurrences (prose, thin templates) that must sit in a junk run at an end of the article. */
const AT_EDGE = 0.8
/** A line recurring in this many times `minStories` stories is furniture even in title position. */
const TITLE_FACTOR = 3
/** Stories are counted up to this many (or `minStories`, if larger); the evidence then says "at least". */
const STORY_COUNT_CAP = 25

export interface CorpusVerdict {
  readonly document: Document
  /** 0-based paragraph index. */
  readonly paragraph: number
  readonly evidence: BoilerplateEvidence
}

/** Reported prose: a sentence of six or more words, ending like one, that does not talk to the reader. */
export function readsAsProse(text: string): boolean {
  const trimmed = text.trim()
  if (words(trimmed).length < 6 || !/[.!?]["'”’)]*$/u.test(trimmed)) return false
  return !/\b(?:you|your|yours|us|our|ours)\b/iu.test(trimmed)
}

interface Occurrence {
  readonly document: number
  readonly paragraph: number
  readonly kept: boolean
  /** Every paragraph between this one and the top or the bottom of the document is junk. */
  readonly atEdge: boolean
}

/** For each paragraph (by index), whether it sits in a run of junk that reaches an end of the document. */
function edgeRuns(junk: readonly boolean[]): boolean[] {
  const atEdge = junk.map(() => false)
  for (let i = 0; i < junk.length && junk[i]; i++) atEdge[i] = true
  for (let i = junk.length - 1; i >= 0 && junk[i]; i--) atEdge[i] = true
  return atEdge
}

/** What makes two lines "the same line": the matching key, or the template (`template.ts`). */
export type LineKey = (paragraph: Paragraph) => string | undefined

export const exactLine: LineKey = (paragraph) => (paragraph.key === '' ? undefined : paragraph.key)
export const templateLine: LineKey = (paragraph) => lineTemplate(paragraph.text)?.text

/** Kept paragraphs whose line (by `keyOf`) recurs across at least `minStories` distinct stories. */
export function findRecurringLines(documents: readonly Document[], minStories: number, keyOf: LineKey = exactLine): CorpusVerdict[] {
  const keys = documents.map((document) => document.paragraphs.map((paragraph) => keyOf(paragraph)))
  const order = documents.map((_, i) => i).sort((a, b) => (documents[a]!.id < documents[b]!.id ? -1 : 1))
  const removedBy = documents.map((document) => {
    const why = new Map<number, string>()
    for (const decision of document.decisions) {
      if (isParagraphDecision(decision)) why.set(decision.paragraph, `${decision.kind}:${decision.rule}`)
    }
    return why
  })
  // Pass 1: in how many documents each line occurs (outside related-links blocks).
  const documentCount = new Map<string, number>()
  for (const [i, document] of documents.entries()) {
    const distinct = new Set<string>()
    for (const p of document.paragraphs) {
      const key = keys[i]![p.index]
      if (key !== undefined && removedBy[i]!.get(p.index) !== 'boilerplate:related-links') distinct.add(key)
    }
    for (const key of distinct) documentCount.set(key, (documentCount.get(key) ?? 0) + 1)
  }
  // Pass 2: the occurrences of the lines frequent enough to matter, in document id order.
  const byKey = new Map<string, Occurrence[]>()
  const stories = new StoryIndex(
    (i) => documents[i]!.paragraphs.filter((p) => !removedBy[i]!.get(p.index)?.startsWith('boilerplate:')).map((p) => p.key),
    documents.length,
  )
  for (const i of order) {
    const document = documents[i]!
    const why = removedBy[i]!
    const frequent = (p: Paragraph): boolean => (documentCount.get(keys[i]![p.index] ?? '') ?? 0) >= minStories
    const atEdge = edgeRuns(document.paragraphs.map((p) => why.has(p.index) || frequent(p)))
    const seen = new Set<string>()
    for (const paragraph of document.paragraphs) {
      const reason = why.get(paragraph.index)
      const key = keys[i]![paragraph.index]
      if (key === undefined || !frequent(paragraph) || reason === 'boilerplate:related-links' || seen.has(key)) continue
      seen.add(key)
      const list = byKey.get(key) ?? []
      list.push({
        document: i,
        paragraph: paragraph.index,
        kept: reason === undefined,
        atEdge: atEdge[paragraph.index]!,
      })
      byKey.set(key, list)
    }
  }
  const cap = Math.max(minStories, STORY_COUNT_CAP)
  const storyCounts = new Map<string, number>()
  const storiesOf = (key: string): number => {
    let count = storyCounts.get(key)
    if (count === undefined) storyCounts.set(key, (count = stories.countStories((byKey.get(key) ?? []).map((o) => o.document), cap)))
    return count
  }
  // Each document's title: its first kept line that is not furniture seen in many more stories than
  // any formula for titles ("Published # X #" is; "Preview: X v X" is not), if that line reads as a headline.
  const titles = new Set<string>()
  for (const i of order) {
    const why = removedBy[i]!
    for (const paragraph of documents[i]!.paragraphs) {
      if (why.has(paragraph.index)) continue
      const key = keys[i]![paragraph.index]
      if (key !== undefined && byKey.has(key) && storiesOf(key) >= TITLE_FACTOR * minStories) continue
      if (isHeadline(paragraph.text)) titles.add(`${i}:${paragraph.index}`)
      break
    }
  }
  const verdicts: CorpusVerdict[] = []
  for (const [key, occurrences] of byKey) {
    if (occurrences.length < minStories || !occurrences.some((o) => o.kept)) continue
    const sample = documents[occurrences[0]!.document]!.paragraphs[occurrences[0]!.paragraph]!
    // Prose, and a template with one literal word ("published # X #", but also "sunday, # X"), must
    // sit in the junk run at an end of the article in most documents.
    const weak = readsAsProse(sample.text) || (keyOf !== exactLine && (lineTemplate(sample.text)?.literals ?? 0) < 2)
    if (weak && occurrences.filter((o) => o.atEdge).length < AT_EDGE * occurrences.length) continue
    const storyCount = storiesOf(key)
    if (storyCount < minStories) continue
    for (const occurrence of occurrences) {
      if (!occurrence.kept || titles.has(`${occurrence.document}:${occurrence.paragraph}`)) continue
      verdicts.push({
        document: documents[occurrence.document]!,
        paragraph: occurrence.paragraph,
        evidence: {
          by: 'corpus',
          documents: occurrences.length,
          stories: storyCount,
          atLeast: storyCount >= cap,
          minStories,
          ...(keyOf === exactLine ? {} : { template: key }),
        },
      })
    }
  }
  return verdicts
}
