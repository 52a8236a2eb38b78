/**
 * The merge's outputs: duplicates.json (clusters and every duplicate with its evidence) and
 * drop.txt (the duplicates' ids, one a line, for pipelines: `grep -vxFf drop.txt`-style filters).
 */
import { join } from 'node:path'
import { writeFileAtomic } from '../write/atomic.js'
import type { MergeReport } from './merge.js'

export const MERGE_REPORT_FILE = 'duplicates.json'
export const DROP_LIST_FILE = 'drop.txt'

/** The ids to drop, one a line, sorted. */
export function dropList(report: MergeReport): string {
  return report.duplicates.map((duplicate) => `${duplicate.id}\n`).join('')
}

/** Writes duplicates.json and drop.txt into `dir`; returns their paths. */
export async function writeMergeReport(report: MergeReport, dir: string): Promise<string[]> {
  const json = join(dir, MERGE_REPORT_FILE)
  const drop = join(dir, DROP_LIST_FILE)
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`)
  await writeFileAtomic(drop, dropList(report))
  return [json, drop]
}
