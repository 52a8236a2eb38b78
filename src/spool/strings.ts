/**
 * Strings in spool records, written so that each reads back exactly and fast: as UTF-8, tagged
 * Latin-1 when it came out all ASCII (which reads back fastest), or as UTF-16 when it holds an
 * unpaired surrogate (which UTF-8 would replace with U+FFFD).
 */

export const ENCODINGS = ['latin1', 'utf8', 'utf16le'] as const
export type StringEncoding = 0 | 1 | 2
const LATIN1 = 0
const UTF8 = 1
const UTF16 = 2

/** ES2024's `String.prototype.isWellFormed` (in Node 20; not in the ES2023 library types): no unpaired surrogate. */
const wellFormed = (String.prototype as unknown as { isWellFormed: (this: string) => boolean }).isWellFormed
const REPLACEMENT = Buffer.from('\ufffd', 'utf8')

/** Writes `text` at `offset` (room for `maxUtf8Bytes(text.length)` there, which UTF-16's two bytes a unit fit too): its encoding and byte length. */
export function writeSpoolString(bytes: Buffer, offset: number, text: string): { readonly encoding: StringEncoding; readonly length: number } {
  const length = bytes.write(text, offset, 'utf8')
  if (length === text.length) return { encoding: LATIN1, length }
  if (bytes.subarray(offset, offset + length).includes(REPLACEMENT) && !wellFormed.call(text)) return { encoding: UTF16, length: bytes.write(text, offset, 'utf16le') }
  return { encoding: UTF8, length }
}

export function readSpoolString(bytes: Buffer, encoding: StringEncoding, from: number, to: number): string {
  return bytes.toString(ENCODINGS[encoding], from, to)
}
