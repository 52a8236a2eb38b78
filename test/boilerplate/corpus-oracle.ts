/**
 * The corpus step as it was before summaries (commit 4c79941): every line as a string, every
 * document in memory. Kept only as the oracle the summary-based step must agree with, decision
 * for decision; not used by the library.
 */
import { isParagraphDecision } from '../../src/document.js'
import { isHeadline } from '../../src/boilerplate/blocks.js'
import { readsAsProse } from '../../src/boilerplate/corpus.js'
import { containment, SAME_STORY, shingles } from '../../src/boilerplate/stories.js'
import { lineTemplate } from '../../src/boilerplate/template.js'
import type { BoilerplateEvidence, Document, Paragraph } from '../../src/types.js'

export interface OracleRemoval {
  readonly document: number
  readonly paragraph: number
  readonly rule: string
  readonly evidence: BoilerplateEvidence
}

type LineKey = (paragraph: Paragraph) => string | undefined

function recurringLines(documents: readonly Document[], removedBy: ReadonlyArray<Map<number, string>>, minStories: number, byTemplate: boolean): Array<Omit<OracleRemoval, 'rule'>> {
  const keyOf: LineKey = byTemplate ? (p) => lineTemplate(p.text)?.text : (p) => (p.key === '' ? undefined : p.key)
  const keys = documents.map((document) => document.paragraphs.map((paragraph) => keyOf(paragraph)))
  const order = documents.map((_, i) => i).sort((a, b) => (documents[a]!.id < documents[b]!.id ? -1 : 1))
  const documentCount = new Map<string, number>()
  for (const [i, document] of documents.entries()) {
    const distinct = new Set<string>()
    for (const p of document.paragraphs) {
      const key = keys[i]![p.index]
      if (key !== undefined && removedBy[i]!.get(p.index) !== 'boilerplate:related-links') distinct.add(key)
    }
    for (const key of distinct) documentCount.set(key, (documentCount.get(key) ?? 0) + 1)
  }
  const byKey = new Map<string, Array<{ document: number; paragraph: number; kept: boolean; atEdge: boolean }>>()
  const sketches = new Map<number, Uint32Array>()
  const sketch = (i: number): Uint32Array => {
    let s = sketches.get(i)
    if (!s) sketches.set(i, (s = shingles(documents[i]!.paragraphs.filter((p) => !removedBy[i]!.get(p.index)?.startsWith('boilerplate:')).map((p) => p.key))))
    return s
  }
  for (const i of order) {
    const why = removedBy[i]!
    const frequent = (p: Paragraph): boolean => (documentCount.get(keys[i]![p.index] ?? '') ?? 0) >= minStories
    const junk = documents[i]!.paragraphs.map((p) => why.has(p.index) || frequent(p))
    const atEdge = junk.map(() => false)
    for (let k = 0; k < junk.length && junk[k]; k++) atEdge[k] = true
    for (let k = junk.length - 1; k >= 0 && junk[k]; k--) atEdge[k] = true
    const seen = new Set<string>()
    for (const paragraph of documents[i]!.paragraphs) {
      const reason = why.get(paragraph.index)
      const key = keys[i]![paragraph.index]
      if (key === undefined || !frequent(paragraph) || reason === 'boilerplate:related-links' || seen.has(key)) continue
      seen.add(key)
      byKey.set(key, [...(byKey.get(key) ?? []), { document: i, paragraph: paragraph.index, kept: reason === undefined, atEdge: atEdge[paragraph.index]! }])
    }
  }
  const cap = Math.max(minStories, 25)
  const storiesOf = (key: string): number => {
    const stories: number[] = []
    for (const { document } of byKey.get(key) ?? []) {
      if (!stories.some((story) => containment(sketch(story), sketch(document)) >= SAME_STORY)) stories.push(document)
      if (stories.length >= cap) break
    }
    return stories.length
  }
  const titles = new Set<string>()
  for (const i of order) {
    for (const paragraph of documents[i]!.paragraphs) {
      if (removedBy[i]!.has(paragraph.index)) continue
      const key = keys[i]![paragraph.index]
      if (key !== undefined && byKey.has(key) && storiesOf(key) >= 3 * minStories) continue
      if (isHeadline(paragraph.text)) titles.add(`${i}:${paragraph.index}`)
      break
    }
  }
  const verdicts: Array<Omit<OracleRemoval, 'rule'>> = []
  for (const [key, occurrences] of byKey) {
    if (occurrences.length < minStories || !occurrences.some((o) => o.kept)) continue
    const sample = documents[occurrences[0]!.document]!.paragraphs[occurrences[0]!.paragraph]!
    const weak = readsAsProse(sample.text) || (byTemplate && (lineTemplate(sample.text)?.literals ?? 0) < 2)
    if (weak && occurrences.filter((o) => o.atEdge).length < 0.8 * occurrences.length) continue
    const stories = storiesOf(key)
    if (stories < minStories) continue
    for (const o of occurrences) {
      if (!o.kept || titles.has(`${o.document}:${o.paragraph}`)) continue
      const evidence: BoilerplateEvidence = { by: 'corpus', documents: occurrences.length, stories, atLeast: stories >= cap, minStories, ...(byTemplate ? { template: key } : {}) }
      verdicts.push({ document: o.document, paragraph: o.paragraph, evidence })
    }
  }
  return verdicts
}

/** The removals the old step made, in the order it pushed them (documents are not changed). */
export function oracleCorpusBoilerplate(documents: readonly Document[], minStories: number): OracleRemoval[] {
  const removedBy = documents.map((document) => {
    const why = new Map<number, string>()
    for (const decision of document.decisions) if (isParagraphDecision(decision)) why.set(decision.paragraph, `${decision.kind}:${decision.rule}`)
    return why
  })
  const removals: OracleRemoval[] = []
  for (const [rule, byTemplate] of [['corpus-repeat', false], ['corpus-template', true]] as const) {
    const verdicts = recurringLines(documents, removedBy, minStories, byTemplate)
    for (const verdict of verdicts) {
      removals.push({ ...verdict, rule })
      removedBy[verdict.document]!.set(verdict.paragraph, `boilerplate:${rule}`)
    }
  }
  return removals
}
