/**
 * TEMPORARY stand-ins for the summary APIs being built in the corpus-boilerplate and near-duplicate
 * stages: correct results, unbounded memory (they load every document). Replaced when those land.
 */
import { markCorpusBoilerplate } from '../boilerplate/index.js'
import { isParagraphDecision } from '../document.js'
import { cleanedKey, findNearDuplicates, fingerprint, type Fingerprint } from '../neardup/index.js'
import type { BoilerplateOptions, NeardupOptions } from '../options.js'
import type { BoilerplateEvidence, Cluster, Decision, Document, DocumentSource, SharedPassage } from '../types.js'

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

export type ClusterSummary = Fingerprint
export function summarizeForClusters(document: Document, options: NeardupOptions): ClusterSummary {
  return fingerprint(cleanedKey(document), options)
}
export function summarizeForPassages(_document: Document): Record<string, never> {
  return {}
}

export function findNearDuplicatesStandIn(source: DocumentSource, options: NeardupOptions): { clusters: Cluster[]; duplicates: Array<{ document: number; decision: Decision }>; sharedPassages: SharedPassage[] } {
  const documents = Array.from({ length: source.size }, (_, i) => source.load(i))
  const before = documents.map((document) => document.decisions.length)
  const result = findNearDuplicates(documents, options)
  const duplicates: Array<{ document: number; decision: Decision }> = []
  documents.forEach((document, i) => {
    for (const decision of document.decisions.slice(before[i])) duplicates.push({ document: i, decision })
  })
  return { clusters: [...result.clusters], duplicates, sharedPassages: [...result.sharedPassages] }
}
