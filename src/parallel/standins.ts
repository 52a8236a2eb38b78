/**
 * TEMPORARY stand-ins for the summary APIs being built in the corpus-boilerplate and near-duplicate
 * stages: correct results, unbounded memory (they load every document). Replaced when those land.
 */
import { markCorpusBoilerplate } from '../boilerplate/index.js'
import { isParagraphDecision } from '../document.js'
import { findSharedPassages } from '../neardup/shared.js'
import type { BoilerplateOptions } from '../options.js'
import type { BoilerplateEvidence, Document, DocumentSource, SharedPassage } from '../types.js'

export type CorpusLines = Record<string, never>
export function summarizeLines(_document: Document, _options: BoilerplateOptions): CorpusLines {
  return {}
}
export interface CorpusRemoval {
  readonly document: number
  readonly paragraph: number
  readonly rule: string
  readonly evidence: BoilerplateEvidence
}
export function findCorpusBoilerplate(_ids: readonly string[], _lines: readonly CorpusLines[], source: DocumentSource, options: BoilerplateOptions): CorpusRemoval[] {
  const documents = Array.from({ length: source.size }, (_, i) => source.load(i))
  const before = documents.map((document) => document.decisions.length)
  markCorpusBoilerplate(documents, options)
  const removals: CorpusRemoval[] = []
  documents.forEach((document, i) => {
    for (const decision of document.decisions.slice(before[i])) {
      if (isParagraphDecision(decision) && decision.kind === 'boilerplate') removals.push({ document: i, paragraph: decision.paragraph, rule: decision.rule, evidence: decision.evidence })
    }
  })
  return removals
}

export function summarizeForPassages(_document: Document): Record<string, never> {
  return {}
}

export function findSharedPassagesStandIn(source: DocumentSource, groupOf: readonly string[]): SharedPassage[] {
  const documents = Array.from({ length: source.size }, (_, i) => source.load(i))
  return findSharedPassages(documents, groupOf)
}
