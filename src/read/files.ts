/**
 * Files and directories → documents. Directories are walked recursively in sorted order and
 * filtered by a glob; reading is bounded by p-limit so a huge directory never opens thousands
 * of files at once, while documents still come out in a stable order.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import pLimit from 'p-limit'
import picomatch from 'picomatch'
import type { Diagnostic, DocumentInput } from '../types.js'
import { decode } from './decode.js'

/** Open files at once. */
const OPEN_FILES = 16

export interface FileReadOptions {
  /** Glob matched against paths relative to a directory input. */
  readonly glob: string
  readonly onDiagnostic: (diagnostic: Diagnostic) => void
}

async function walk(root: string, dir: string, match: (path: string) => boolean, out: string[], onDiagnostic: (d: Diagnostic) => void): Promise<void> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    onDiagnostic({ severity: 'error', code: 'unreadable', file: dir, message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}` })
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(root, path, match, out, onDiagnostic)
    else if (entry.isFile() && match(toPosix(relative(root, path)))) out.push(path)
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The files a directory input stands for, sorted, as [absolute-ish path, id] pairs. */
export async function listDirectory(dir: string, options: FileReadOptions): Promise<Array<{ path: string; id: string }>> {
  const match = picomatch(options.glob, { dot: false })
  const files: string[] = []
  await walk(dir, dir, match, files, options.onDiagnostic)
  return files.map((path) => ({ path, id: toPosix(relative(dir, path)) }))
}

/** Reads one file into a document; an unusable file becomes a skipped document with a reason. */
export async function readTextFile(path: string, id: string): Promise<DocumentInput> {
  const source = { file: path }
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    return { id, text: '', source, skipped: `cannot read file (${code})` }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { id, text: '', source, skipped: decoded.reason }
  return decoded.warnings.length > 0 ? { id, text: decoded.text, source, warnings: decoded.warnings } : { id, text: decoded.text, source }
}

/** Reads files in order with at most OPEN_FILES reads in flight. */
export async function* readFiles(files: ReadonlyArray<{ path: string; id: string }>): AsyncGenerator<DocumentInput> {
  const limit = pLimit(OPEN_FILES)
  const window = OPEN_FILES * 4
  const pending: Array<Promise<DocumentInput>> = []
  let next = 0
  while (next < files.length || pending.length > 0) {
    while (next < files.length && pending.length < window) {
      const file = files[next++]!
      pending.push(limit(() => readTextFile(file.path, file.id)))
    }
    yield await pending.shift()!
  }
}

export async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return null
  }
}

export { basename }
