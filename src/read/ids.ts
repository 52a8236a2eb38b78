/**
 * Unique document ids. Two inputs can carry one id (two JSONL records, two files with the same
 * name given on the command line); neither may overwrite the other. The copy whose text sorts
 * first (then source file, then line) keeps the id, the others get `~2`, `~3`, … in that order, so
 * the names do not depend on input order. Every rename is a warning on the renamed document.
 */
import type { DocumentInput } from '../types.js'

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sort key of copies that share an id: content first, so shuffling the input changes nothing. */
function byContent(a: DocumentInput, b: DocumentInput): number {
  return (
    compare(a.text, b.text) ||
    compare(a.skipped ?? '', b.skipped ?? '') ||
    compare(a.source?.file ?? '', b.source?.file ?? '') ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0)
  )
}

export function uniqueIds(documents: readonly DocumentInput[]): DocumentInput[] {
  const groups = new Map<string, number[]>()
  documents.forEach((document, index) => {
    const group = groups.get(document.id)
    if (group) group.push(index)
    else groups.set(document.id, [index])
  })
  if (groups.size === documents.length) return [...documents]
  const taken = new Set(groups.keys())
  const result = [...documents]
  for (const id of [...groups.keys()].sort(compare)) {
    const indexes = groups.get(id)!
    if (indexes.length === 1) continue
    indexes.sort((a, b) => byContent(documents[a]!, documents[b]!))
    let suffix = 1
    for (const index of indexes.slice(1)) {
      let renamed: string
      do renamed = `${id}~${++suffix}`
      while (taken.has(renamed))
      taken.add(renamed)
      const document = documents[index]!
      const warning = `id "${id}" is used by ${indexes.length} documents; this one is renamed "${renamed}"`
      result[index] = { ...document, id: renamed, source: document.source ?? { file: id }, warnings: [...(document.warnings ?? []), warning] }
    }
  }
  return result
}
