/**
 * Document ids → safe relative file names. Ids come from users' data: `../../etc/passwd`, absolute
 * paths, `CON`, control characters and 300-byte names must all land inside the output folder.
 */
import { createHash } from 'node:crypto'

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i
// Control characters, characters Windows forbids, and invisible or bidi controls (a right-to-left
// override makes `txt.exe` look like `exe.txt`).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"\\|?*\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g
/** Bytes per path segment (most file systems allow 255; room is left for `.txt` and a suffix). */
const MAX_SEGMENT_BYTES = 200
/** Bytes of a whole relative name (PATH_MAX is 4096 on Linux; the output folder needs room too). */
const MAX_PATH_BYTES = 1024

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10)
}

function safeSegment(segment: string): string {
  let safe = segment.replace(UNSAFE, '_')
  if (safe === '' || safe === '.' || safe === '..') safe = '_'
  if (RESERVED.test(safe)) safe = `_${safe}`
  safe = safe.replace(/[. ]+$/u, (tail) => '_'.repeat(tail.length))
  if (Buffer.byteLength(safe) > MAX_SEGMENT_BYTES) {
    let cut = safe
    while (Buffer.byteLength(cut) > MAX_SEGMENT_BYTES - 11) cut = cut.slice(0, -1)
    safe = `${cut}~${shortHash(segment)}`
  }
  return safe
}

/** `a/b.txt` → `a/b.txt`; the `.txt` (or `.md`) of the id is dropped, the caller adds `.txt`. */
export function safeRelativePath(id: string): string {
  const withoutExtension = id.replace(/\.(?:txt|md)$/i, '')
  const path = withoutExtension
    .split(/[\\/]+/u)
    .filter((segment, index, all) => segment !== '' || all.length === 1)
    .map(safeSegment)
    .join('/')
  // Deep paths can pass PATH_MAX even with short segments: flatten them to one hashed name.
  return Buffer.byteLength(path) > MAX_PATH_BYTES ? safeSegment(`${path.slice(-MAX_SEGMENT_BYTES).replace(/\//g, '_')}~${shortHash(id)}`) : path
}

/** How file systems may compare names: case-insensitively (Windows, macOS) and normalisation-insensitively (macOS). */
function fold(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** Every folder a relative name needs, e.g. `a/b/c.txt` → `a`, `a/b`. */
function folders(name: string): string[] {
  const parts = name.split('/')
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'))
}

/**
 * Safe names for many ids (pass them in a stable order: the first keeps the plain name). Two ids
 * that map to one name, compared as file systems may (case, Unicode form), or a name that is another's folder (`a` and
 * `a.txt/b`), get a hashed suffix.
 */
export function assignFileNames(ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>()
  const files = new Set<string>()
  const dirs = new Set<string>()
  const free = (name: string): boolean => {
    const lower = fold(name)
    return !files.has(lower) && !dirs.has(lower) && folders(lower).every((folder) => !files.has(folder))
  }
  for (const id of ids) {
    const base = safeRelativePath(id)
    let name = `${base}.txt`
    // A clash in a folder part cannot be fixed by a suffix on the last part: flatten the name then.
    const flat = base.replace(/\//g, '_')
    if (!free(name)) name = `${free(`${base}~x.txt`) ? base : flat}~${shortHash(id)}.txt`
    for (let n = 2; !free(name); n++) name = `${flat}~${shortHash(`${id}\0${n}`)}.txt`
    files.add(fold(name))
    for (const folder of folders(fold(name))) dirs.add(folder)
    names.set(id, name)
  }
  return names
}
