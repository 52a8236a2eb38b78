/**
 * Files and directories → documents. Directories are walked recursively in sorted order and
 * filtered by a glob; reading is bounded by p-limit so a huge directory never opens thousands
 * of files at once, while documents still come out in a stable order. Whatever matches the glob
 * becomes a document, even when it cannot be read (then a skipped one, with the reason).
 */
import { constants, type Dirent } from 'node:fs'
import { open, readdir, realpath, stat } from 'node:fs/promises'
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

/** What a directory entry is, following symbolic links; a dangling link is still listed, so its read fails loudly. */
async function kindOf(path: string, entry: Dirent): Promise<'file' | 'directory' | 'other'> {
  if (entry.isFile()) return 'file'
  if (entry.isDirectory()) return 'directory'
  if (!entry.isSymbolicLink()) return 'other'
  try {
    const target = await stat(path)
    return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other'
  } catch {
    return 'file'
  }
}

async function walk(root: string, dir: string, match: (path: string) => boolean, out: string[], onDiagnostic: (d: Diagnostic) => void, seen: Set<string>): Promise<void> {
  let entries: Dirent[]
  try {
    // A directory reached twice through links (a cycle) is walked once.
    const real = await realpath(dir)
    if (seen.has(real)) return
    seen.add(real)
    entries = await readdir(dir, { withFileTypes: true })
  } catch (error) {
    onDiagnostic({ severity: 'error', code: 'unreadable', file: dir, message: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? String(error)})` })
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    const kind = await kindOf(path, entry)
    if (kind === 'directory') await walk(root, path, match, out, onDiagnostic, seen)
    // Sockets, FIFOs and devices that match the glob are listed too: reading refuses them by name.
    else if (match(toPosix(relative(root, path)))) out.push(path)
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The files a directory input stands for, sorted, as [absolute-ish path, id] pairs. */
export async function listDirectory(dir: string, options: FileReadOptions): Promise<Array<{ path: string; id: string }>> {
  const match = picomatch(options.glob, { dot: false })
  const files: string[] = []
  await walk(dir, dir, match, files, options.onDiagnostic, new Set())
  return files.map((path) => ({ path, id: toPosix(relative(dir, path)) }))
}

/** Why a file could not be read, in words, from the error code. */
function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error'
  const why: Record<string, string> = {
    ENOENT: 'file vanished before it could be read',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ELOOP: 'too many levels of symbolic links',
  }
  return `cannot read file: ${why[code] ?? 'read failed'} (${code})`
}

/** Hooks for tests: called with the path just before it is opened (e.g. to delete it). */
export interface ReadHooks {
  readonly beforeRead?: (path: string) => Promise<void> | void
}

/**
 * Reads one file into a document; an unusable file becomes a skipped document with a reason.
 * Only regular files are read: opening a FIFO would block forever.
 */
export async function readTextFile(path: string, id: string, hooks: ReadHooks = {}): Promise<DocumentInput> {
  const source = { file: path }
  let bytes: Uint8Array
  try {
    await hooks.beforeRead?.(path)
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const info = await handle.stat()
      if (!info.isFile()) return { id, text: '', source, skipped: `not a regular file (${info.isDirectory() ? 'a directory' : info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device'})` }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { id, text: '', source, skipped: unreadable(error) }
  }
  const decoded = decode(bytes)
  if (!decoded.ok) return { id, text: '', source, skipped: decoded.reason }
  return decoded.warnings.length > 0 ? { id, text: decoded.text, source, warnings: decoded.warnings } : { id, text: decoded.text, source }
}

/** Reads files in order with at most OPEN_FILES reads in flight. */
export async function* readFiles(files: ReadonlyArray<{ path: string; id: string }>, hooks: ReadHooks = {}): AsyncGenerator<DocumentInput> {
  const limit = pLimit(OPEN_FILES)
  const window = OPEN_FILES * 4
  const pending: Array<Promise<DocumentInput>> = []
  let next = 0
  while (next < files.length || pending.length > 0) {
    while (next < files.length && pending.length < window) {
      const file = files[next++]!
      pending.push(limit(() => readTextFile(file.path, file.id, hooks)))
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
