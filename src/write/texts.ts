/**
 * Cleaned texts on disk: one `<id>.txt` per kept document, plus `clean.jsonl` with one record per
 * written document, in id order.
 */
import { join } from 'node:path'
import type { CleanedDocument } from '../types.js'
import { writeChunksAtomic, writeFileAtomic } from './atomic.js'
import { assignFileNames } from './names.js'

/** Which documents are written: kept ones, and duplicates too with `keepDuplicates`. */
export function selectForOutput(documents: readonly CleanedDocument[], keepDuplicates: boolean): CleanedDocument[] {
  return documents.filter((document) => document.status === 'kept' || (keepDuplicates && document.status === 'duplicate'))
}

export function jsonlRecord(document: CleanedDocument): string {
  const { id, status, text, duplicateOf, cluster } = document
  return `${JSON.stringify({ id, status, duplicateOf, cluster, text })}\n`
}

export async function writeTexts(dir: string, documents: readonly CleanedDocument[]): Promise<string[]> {
  const names = assignFileNames(documents.map((document) => document.id))
  const written: string[] = []
  for (const document of documents) {
    const path = join(dir, names.get(document.id)!)
    await writeFileAtomic(path, document.text)
    written.push(path)
  }
  const jsonl = join(dir, 'clean.jsonl')
  await writeChunksAtomic(jsonl, documents.map(jsonlRecord))
  written.push(jsonl)
  return written
}
