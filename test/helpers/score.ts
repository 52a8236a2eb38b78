/**
 * The figures of ../shared/eval/score.py, computed in TypeScript from a Report and a gold file, so
 * tests can hold floors on them without spawning Python. Keep in step with score.py.
 */
import type { Report } from '../../src/types.js'
import type { Gold } from './index.js'

export interface Figures {
  documents: number
  missing_documents: number
  clean_exact: number
  boilerplate_precision: number
  boilerplate_recall: number
  repeat_precision: number
  repeat_recall: number
  content_lines_lost: number
  neardup_precision: number
  neardup_recall: number
  one_canonical_per_cluster: number
  singletons_folded: number
}

function prf(predicted: Set<string>, gold: Set<string>): [number, number] {
  let hits = 0
  for (const key of predicted) if (gold.has(key)) hits++
  return [predicted.size ? hits / predicted.size : 1, gold.size ? hits / gold.size : 1]
}

function pairs(groups: Iterable<Iterable<string>>): Set<string> {
  const out = new Set<string>()
  for (const group of groups) {
    const members = [...group].sort()
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) out.add(`${members[i]}\u0000${members[j]}`)
  }
  return out
}

export function score(gold: Gold, report: Report): Figures {
  const byId = new Map(report.documents.map((document) => [document.id, document]))
  const goldIds = Object.keys(gold.documents)
  const boilerplateGold = new Set<string>()
  const repeatGold = new Set<string>()
  const content = new Set<string>()
  for (const [id, document] of Object.entries(gold.documents)) {
    for (const line of document.lines) {
      const key = `${id}:${line.line}`
      if (line.label.startsWith('boilerplate')) boilerplateGold.add(key)
      else if (line.label.startsWith('repeat')) repeatGold.add(key)
      else if (line.label === 'keep' || line.label === 'join') content.add(key)
    }
  }
  const boilerplate = new Set<string>()
  const repeat = new Set<string>()
  const any = new Set<string>()
  let exact = 0
  for (const [id, expected] of Object.entries(gold.documents)) {
    const document = byId.get(id)
    if (!document) continue
    for (const removed of document.removed) {
      for (let line = removed.line; line <= (removed.endLine ?? removed.line); line++) {
        const key = `${id}:${line}`
        any.add(key)
        if (removed.kind === 'boilerplate') boilerplate.add(key)
        else if (removed.kind === 'repeat') repeat.add(key)
      }
    }
    if (document.text.trimEnd() === expected.clean.trimEnd()) exact++
  }
  const [boilerplatePrecision, boilerplateRecall] = prf(boilerplate, boilerplateGold)
  const [repeatPrecision, repeatRecall] = prf(repeat, repeatGold)
  let lost = 0
  for (const key of any) if (content.has(key)) lost++

  const goldGroups = (gold.clusters ?? []).map((cluster) => cluster.members)
  const predicted = new Map<string, Set<string>>()
  for (const document of report.documents) {
    const key = document.cluster ?? (document.duplicateOf ? `dup:${document.duplicateOf}` : null)
    if (key === null) continue
    if (!predicted.has(key)) predicted.set(key, new Set())
    predicted.get(key)!.add(document.id)
    if (document.duplicateOf) predicted.get(key)!.add(document.duplicateOf)
  }
  const known = new Set(goldIds)
  const goldPairs = pairs(goldGroups.filter((group) => group.length > 1))
  const predictedPairs = pairs([...predicted.values()].map((group) => [...group].filter((id) => known.has(id))))
  const [neardupPrecision, neardupRecall] = prf(predictedPairs, goldPairs)
  const multi = goldGroups.filter((group) => group.length > 1)
  const oneCanonical = multi.filter((group) => group.filter((id) => byId.has(id) && byId.get(id)!.status !== 'duplicate').length === 1).length
  const singles = goldGroups.length > 0 ? goldGroups.filter((group) => group.length === 1).map((group) => group[0]!) : goldIds
  return {
    documents: goldIds.length,
    missing_documents: goldIds.filter((id) => !byId.has(id)).length,
    clean_exact: exact / goldIds.length,
    boilerplate_precision: boilerplatePrecision,
    boilerplate_recall: boilerplateRecall,
    repeat_precision: repeatPrecision,
    repeat_recall: repeatRecall,
    content_lines_lost: lost,
    neardup_precision: neardupPrecision,
    neardup_recall: neardupRecall,
    one_canonical_per_cluster: multi.length ? oneCanonical / multi.length : 1,
    singletons_folded: singles.filter((id) => byId.get(id)?.status === 'duplicate').length,
  }
}
