/**
 * Small helpers over `Document` shared by stages: what is still kept, and the cleaned text.
 * Kept = not the subject of any paragraph decision.
 */
import type { Document, DocumentDecision, DocumentInput, DocumentSource, Paragraph, ParagraphDecision } from './types.js'

export function createDocument(input: DocumentInput): Document {
  return {
    id: input.id,
    source: input.source ?? { file: input.id },
    text: input.text,
    lineCount: 0,
    paragraphs: [],
    decisions: [],
    warnings: [...(input.warnings ?? [])],
    ...(input.skipped !== undefined ? { skipped: input.skipped } : {}),
  }
}

export function isParagraphDecision(decision: Document['decisions'][number]): decision is ParagraphDecision {
  return decision.kind === 'boilerplate' || decision.kind === 'repeat'
}

/** 0-based indexes of paragraphs some stage removed. */
export function removedIndexes(document: Document): Set<number> {
  const removed = new Set<number>()
  for (const decision of document.decisions) if (isParagraphDecision(decision)) removed.add(decision.paragraph)
  return removed
}

/** Paragraphs no stage removed, in order. */
export function keptParagraphs(document: Document): Paragraph[] {
  // Asked several times per document by every stage: one byte per paragraph, and no filtering at all when nothing is removed.
  let removed: Uint8Array | undefined
  for (const decision of document.decisions) {
    if (isParagraphDecision(decision)) (removed ??= new Uint8Array(document.paragraphs.length))[decision.paragraph] = 1
  }
  if (removed === undefined) return document.paragraphs.slice()
  const marks = removed
  return document.paragraphs.filter((paragraph) => marks[paragraph.index] !== 1)
}

/** Cleaned text: kept paragraphs one per line, each `\n`-terminated. */
export function cleanedText(document: Document): string {
  const kept = keptParagraphs(document)
  return kept.length === 0 ? '' : `${kept.map((paragraph) => paragraph.text).join('\n')}\n`
}

/** A `DocumentSource` over documents held in memory (the library's `clean()`, tests). */
export function arraySource(documents: readonly Document[]): DocumentSource {
  return {
    size: documents.length,
    load: (position) => {
      const document = documents[position]
      if (document === undefined) throw new RangeError(`document position ${position} out of 0..${documents.length - 1}`)
      return document
    },
  }
}

/** A document with no paragraphs, or with every paragraph removed, is `empty`: the decision, or null. */
export function emptyDecision(document: Document): DocumentDecision | null {
  if (document.skipped !== undefined) return null
  if (document.paragraphs.length === 0) return { kind: 'empty', rule: 'empty-input', evidence: { paragraphs: 0 } }
  if (keptParagraphs(document).length === 0) return { kind: 'empty', rule: 'nothing-left', evidence: { paragraphs: document.paragraphs.length } }
  return null
}
