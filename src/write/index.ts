/**
 * Stage 6b: files on disk. Cleaned texts to `out`, report.json (and the HTML report) to `report`.
 * Every file is written atomically.
 */
import { join } from 'node:path'
import type { CleanResult } from '../pipeline.js'
import { removeStaleTemporaries, writeChunksAtomic } from './atomic.js'
import { reportChunks } from './report-json.js'
import { renderHtmlChunks } from '../report/html/index.js'
import { selectForOutput, writeTexts } from './texts.js'

export { jsonlRecord, selectForOutput } from './texts.js'
export { safeRelativePath, assignFileNames } from './names.js'
export { overwritesInput, unusableFolder } from './guard.js'

export interface WriteOptions {
  /** Folder for `<id>.txt` files and `clean.jsonl`. */
  readonly out?: string
  /** Folder for `report.json` and `index.html`. */
  readonly report?: string
  /**
   * Write duplicates' cleaned texts as well as canonicals and unique documents.
   * @default false
   */
  readonly keepDuplicates?: boolean
  /**
   * Documents the HTML page holds: the first N in id order (report.json keeps every one).
   * @default 10000 (DEFAULT_OPTIONS.report.htmlDocuments)
   */
  readonly htmlDocuments?: number
}

export interface WrittenFiles {
  readonly texts: readonly string[]
  readonly report: readonly string[]
}

export async function writeOutputs(result: CleanResult, options: WriteOptions): Promise<WrittenFiles> {
  for (const dir of new Set([options.out, options.report])) if (dir) await removeStaleTemporaries(dir)
  const texts = options.out
    ? await writeTexts(options.out, selectForOutput(result.documents, options.keepDuplicates ?? false))
    : []
  const report: string[] = []
  if (options.report) {
    const path = join(options.report, 'report.json')
    await writeChunksAtomic(path, reportChunks(result.report))
    report.push(path)
    const html = join(options.report, 'index.html')
    await writeChunksAtomic(html, renderHtmlChunks(result.report, options.htmlDocuments !== undefined ? { htmlDocuments: options.htmlDocuments } : {}))
    report.push(html)
  }
  return { texts, report }
}
