/**
 * Document ids → safe relative file names. Ids come from users' data: `../../etc/passwd`, absolute
 * paths, `CON`, control characters and 300-byte names must all land inside the output folder.
 */
import { createHash } from 'node:crypto'

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i
const UNSAFE = /[\u0000-\u001f\u007f<>:"\\|?*]/g
/** Bytes per path segment (most file systems allow 255; room is left for `.txt` and a suffix). */
const MAX_SEGMENT_BYTES = 200

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
  return withoutExtension
    .split(/[\\/]+/u)
    .filter((segment, index, all) => segment !== '' || all.length === 1)
    .map(safeSegment)
    .join('/')
}

/** Safe names for many ids; two ids that map to one name get distinct hashed suffixes. */
export function assignFileNames(ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>()
  const taken = new Map<string, string>()
  for (const id of ids) {
    let name = `${safeRelativePath(id)}.txt`
    const lower = name.toLowerCase() // case-insensitive file systems
    if (taken.has(lower) && taken.get(lower) !== id) name = `${safeRelativePath(id)}~${shortHash(id)}.txt`
    taken.set(name.toLowerCase(), id)
    names.set(id, name)
  }
  return names
}
