/**
 * Bytes → text. UTF-8 (with or without BOM) is the norm; old news sets are often Latin-1 /
 * Windows-1252, so a file that is not valid UTF-8 is decoded as Windows-1252 and a warning says so.
 * Binary files (NUL bytes, or mostly control characters) are refused with a reason.
 */

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })
const windows1252 = new TextDecoder('windows-1252')

/** Share of bytes in the first 8 KiB that may be control characters before a file counts as binary. */
const MAX_CONTROL_SHARE = 0.1

function looksBinary(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of head) {
    if (byte === 0) return 'binary file (contains NUL bytes)'
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  if (head.length > 0 && control / head.length > MAX_CONTROL_SHARE) return 'binary file (mostly control characters)'
  return null
}

/** How many bytes of `bytes` are not valid UTF-8 sequences (0 for valid UTF-8). */
function invalidUtf8Share(bytes: Uint8Array): number {
  const text = utf8Lenient.decode(bytes)
  let bad = 0
  for (const ch of text) if (ch === '\ufffd') bad++
  return bad / Math.max(1, bytes.length)
}

export function decode(bytes: Uint8Array): Decoded {
  const binary = looksBinary(bytes)
  if (binary) return { ok: false, reason: binary }
  try {
    return { ok: true, text: stripBom(utf8.decode(bytes)), warnings: [] }
  } catch {
    // Mostly valid UTF-8 with a few broken bytes: keep UTF-8 and replace the broken ones.
    // Otherwise the file is in a legacy single-byte encoding; Windows-1252 is a superset of Latin-1.
    if (invalidUtf8Share(bytes) < 0.001) {
      return {
        ok: true,
        text: stripBom(utf8Lenient.decode(bytes)),
        warnings: ['invalid UTF-8 bytes were replaced with U+FFFD'],
      }
    }
    return {
      ok: true,
      text: windows1252.decode(bytes),
      warnings: ['not valid UTF-8; decoded as Windows-1252 (Latin-1)'],
    }
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
