/**
 * TEMPORARY stand-ins for the summary APIs being built in the corpus-boilerplate and near-duplicate
 * stages: correct results, unbounded memory (they load every document). Replaced when those land.
 */
import { findSharedPassages } from '../neardup/shared.js'
import type { Document, DocumentSource, SharedPassage } from '../types.js'

export function summarizeForPassages(_document: Document): Record<string, never> {
  return {}
}

export function findSharedPassagesStandIn(source: DocumentSource, groupOf: readonly string[]): SharedPassage[] {
  const documents = Array.from({ length: source.size }, (_, i) => source.load(i))
  return findSharedPassages(documents, groupOf)
}
