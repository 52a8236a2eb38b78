/**
 * Bytes → text. UTF-8 (with or without BOM) is the norm; UTF-16 is read when its BOM says so.
 * Old news sets are often Latin-1 / Windows-1252: a file with no valid multi-byte UTF-8 sequence
 * but some high bytes is decoded as Windows-1252 (a superset of Latin-1, so every byte decodes);
 * a file that is UTF-8 with a few broken bytes keeps UTF-8 and the broken bytes become U+FFFD.
 * Either way a warning says so. Binary files (known signatures, many NUL or control bytes) are
 * refused with a reason; a stray NUL in a text is removed with a warning.
 */

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })
const windows1252 = new TextDecoder('windows-1252')

/**
 * Share of the first 8 KiB that may be NUL or other control bytes before a file counts as binary.
 * Random bytes have about 9%, UTF-16 without a BOM about 50%; a text with a stray NUL far less.
 */
const MAX_CONTROL_SHARE = 0.02

/** File signatures of common binary formats that a corpus folder picks up (images, archives, PDFs, office files). */
const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)
}

/** Why these bytes (a file's start) are not text, or null. */
export function looksBinary(bytes: Uint8Array): string | null {
  for (const [name, signature] of SIGNATURES) if (startsWith(bytes, signature)) return `binary file (${name})`
  const head = bytes.subarray(0, 8192)
  let nul = 0
  let control = 0
  for (const byte of head) {
    if (byte === 0) nul++
    else if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++
  }
  if (head.length === 0 || (nul + control) / head.length <= MAX_CONTROL_SHARE) return null
  return nul > 0 ? 'binary file (contains NUL bytes)' : 'binary file (many control characters)'
}

/** Counts of valid multi-byte UTF-8 sequences and of bytes that belong to no valid sequence. */
function utf8Shape(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]!
    if (byte < 0x80) {
      i++
      continue
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    let valid = length > 0 && i + length <= bytes.length
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80
    if (valid) {
      multibyte++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return { multibyte, invalid }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Removes NUL characters (they end C strings and break downstream tools) and says how many. */
export function removeNul(text: string, warnings: string[]): string {
  if (!text.includes('\0')) return text
  let count = 0
  const cleaned = text.replace(/\0/g, () => {
    count++
    return ''
  })
  warnings.push(`${plural(count, 'NUL character')} removed`)
  return cleaned
}

function decodeText(bytes: Uint8Array): { text: string; warnings: string[] } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: ['decoded as UTF-16LE (byte order mark)'] }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: ['decoded as UTF-16BE (byte order mark)'] }
  try {
    return { text: stripBom(utf8.decode(bytes)), warnings: [] }
  } catch {
    const shape = utf8Shape(bytes)
    if (shape.multibyte === 0) {
      return { text: windows1252.decode(bytes), warnings: ['not valid UTF-8; decoded as Windows-1252 (Latin-1)'] }
    }
    return {
      text: stripBom(utf8Lenient.decode(bytes)),
      warnings: [`${plural(shape.invalid, 'invalid UTF-8 byte')} replaced with U+FFFD`],
    }
  }
}

export function decode(bytes: Uint8Array): Decoded {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])
  const binary = utf16 ? null : looksBinary(bytes)
  if (binary) return { ok: false, reason: binary }
  const { text, warnings } = decodeText(bytes)
  return { ok: true, text: removeNul(text, warnings), warnings }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * One JSONL line's bytes → text: UTF-8, broken bytes replaced with U+FFFD and counted. A JSONL file
 * is one encoding throughout, and JSON is UTF-8 by definition, so no legacy fallback here.
 */
export function decodeLine(bytes: Uint8Array): { text: string; warning?: string } {
  try {
    return { text: utf8.decode(bytes) }
  } catch {
    const { invalid } = utf8Shape(bytes)
    return { text: utf8Lenient.decode(bytes), warning: `${plural(invalid, 'invalid UTF-8 byte')} replaced with U+FFFD` }
  }
}
