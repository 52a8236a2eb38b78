/**
 * Stage 1: inputs (files, directories, JSONL files, `-` for JSONL on stdin) → documents, in a
 * stable order. Problems are reported through `onDiagnostic` and never stop the other inputs.
 */
import type { Diagnostic, DocumentInput } from '../types.js'
import { basename, isDirectory, listDirectory, readFiles, type ReadHooks } from './files.js'
import { parsedLines, readJsonlLines, type JsonlLine } from './jsonl.js'

export { decode } from './decode.js'
export { uniqueIds } from './ids.js'
export { limitSize } from './limit.js'
export { sortDiagnostics } from './diagnostics.js'
export { isJsonlLine, parseJsonlLine, type JsonlLine } from './jsonl.js'

/** What the pipeline reads: documents, and JSONL lines it parses itself (on its worker threads). */
export type InputItem = DocumentInput | JsonlLine
export type { ReadHooks } from './files.js'

export interface ReadOptions {
  /**
   * Glob for files inside directory inputs.
   * @default '**\/*.{txt,md}'
   */
  readonly glob?: string
  /** @default 'id' */
  readonly idField?: string
  /** @default 'text' */
  readonly textField?: string
  /** Called for every problem met (missing path, malformed record, …). */
  readonly onDiagnostic?: (diagnostic: Diagnostic) => void
  /** For tests: runs just before each file is opened (e.g. to make it vanish). */
  readonly hooks?: ReadHooks
}

export const DEFAULT_GLOB = '**/*.{txt,md}'

function isJsonl(path: string): boolean {
  return path === '-' || /\.jsonl$/i.test(path) || /\.ndjson$/i.test(path)
}

/** Every document of every input, in input order (directories in sorted path order). */
export function readDocuments(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<DocumentInput> {
  return parsedLines(readInputs(inputs, options))
}

/**
 * `readDocuments`, but JSONL lines come unparsed (`JsonlLine`): the pipeline (`cleanToFiles`,
 * `clean`) takes both and parses each line on a worker thread, where its document is cleaned.
 */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const onDiagnostic = options.onDiagnostic ?? (() => {})
  const glob = options.glob ?? DEFAULT_GLOB
  for (const input of inputs) {
    if (isJsonl(input)) {
      if (input !== '-' && (await isDirectory(input)) === null) {
        onDiagnostic({ severity: 'error', code: 'not-found', file: input, message: 'no such file or directory' })
        continue
      }
      yield* readJsonlLines(input, { idField: options.idField ?? 'id', textField: options.textField ?? 'text', onDiagnostic })
      continue
    }
    const directory = await isDirectory(input)
    if (directory === null) {
      onDiagnostic({ severity: 'error', code: 'not-found', file: input, message: 'no such file or directory' })
    } else if (directory) {
      const files = await listDirectory(input, { glob, onDiagnostic })
      if (files.length === 0) onDiagnostic({ severity: 'error', code: 'no-files', file: input, message: `no files match ${glob}` })
      yield* readFiles(files, options.hooks)
    } else {
      yield* readFiles([{ path: input, id: basename(input) }], options.hooks)
    }
  }
}
