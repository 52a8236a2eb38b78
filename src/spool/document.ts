/**
 * A document's record in the spool: what pass 1 found, read back by the corpus step and passes 2
 * and 3. Laid out by hand rather than v8-serialised as an object graph, so that writing and reading
 * it make a few large values instead of a few objects and two strings per paragraph:
 *
 *   header      Int32 × 10: line count, paragraph count, then (encoding, bytes) of each section below
 *   paragraphs  Int32 × 5 each: first line, last line, text from, text to, key end
 *   strings     the text; the texts no single line holds (rejoined paragraphs); the keys, end to end
 *   decisions   as JSON: they are JSON data (types.ts), and JSON.parse makes them in half the time
 *               v8's deserializer takes; v8-serialised if the JSON holds a null (NaN or an infinity
 *               would come back as null; -0 comes back as 0, which no reader tells from 0)
 *
 * A paragraph's text is cut from the text (or the rejoined texts after it: offsets past the text's
 * length), a view V8 keeps into it rather than a copy. Each string is written as UTF-8 (half of
 * UTF-16 for mostly-English text with curly quotes; read back as Latin-1 when all ASCII), or, with
 * an unpaired surrogate that UTF-8 would replace, as UTF-16: every string reads back exactly. Keys
 * are only decoded when asked for: rendering never reads them.
 */
import { deserialize, serialize } from 'node:v8'
import type { Decision, Paragraph } from '../types.js'
import { appendBytes, readBytes, RecordBuffer, type RecordPlace } from './index.js'
import { readSpoolString, writeSpoolString, type StringEncoding } from './strings.js'
import { maxUtf8Bytes } from '../utf8.js'

/** What the record holds: the per-document stages' results. */
export interface DocumentRecord {
  readonly text: string
  readonly lineCount: number
  readonly paragraphs: Paragraph[]
  readonly decisions: Decision[]
}

/** The decisions v8-serialised rather than as JSON. */
const V8 = 3

const HEADER = 10
/** The header's (encoding, bytes) pairs, by section. */
const TEXT = 0
const REJOINED = 1
const KEYS = 2
const DECISIONS = 3
const FIELDS = 5

/** This thread's buffers for the record being written and the one being read. */
const buffers = { write: new RecordBuffer(), read: new RecordBuffer() }

/** Writes string `s` of the record at `offset` (see strings.ts) and notes its encoding and length in the table. */
function writeString(bytes: Buffer, table: Int32Array, s: number, offset: number, text: string): number {
  const { encoding, length } = writeSpoolString(bytes, offset, text)
  table[2 + s * 2] = encoding
  table[3 + s * 2] = length
  return length
}

/**
 * The record's bytes, in a buffer this thread reuses: valid until its next call. The paragraphs'
 * texts must be the text's own lines or in no line (rejoined).
 */
export function encodeDocument(document: DocumentRecord): Buffer {
  const { text, paragraphs } = document
  const json = JSON.stringify(document.decisions)
  const decisions = json.includes('null') ? serialize(document.decisions) : null
  const rejoined: string[] = []
  let rejoinedLength = 0
  let keyLength = 0
  for (const paragraph of paragraphs) keyLength += paragraph.key.length
  const tableLength = HEADER + paragraphs.length * FIELDS
  // The text, the keys, the rejoined paragraphs' texts (no longer than the text) and the decisions' JSON, as strings.
  const strings = 2 * text.length + keyLength + (decisions === null ? json.length : 0)
  const bytes = buffers.write.room(tableLength * 4 + maxUtf8Bytes(strings) + (decisions?.length ?? 0))
  const table = new Int32Array(bytes.buffer, bytes.byteOffset, tableLength)
  let keyEnd = 0
  let cursor = 0
  paragraphs.forEach((paragraph, i) => {
    const at = HEADER + i * FIELDS
    table[at] = paragraph.lines.start
    table[at + 1] = paragraph.lines.end
    // Any place holding the same characters will do, so the search need not find this very line.
    let from = paragraph.lines.start === paragraph.lines.end ? text.indexOf(paragraph.text, cursor) : -1
    if (from < 0 && cursor > 0 && paragraph.lines.start === paragraph.lines.end) from = text.indexOf(paragraph.text)
    if (from >= 0) {
      cursor = from + paragraph.text.length
    } else {
      from = text.length + rejoinedLength
      rejoined.push(paragraph.text)
      rejoinedLength += paragraph.text.length
    }
    table[at + 2] = from
    table[at + 3] = from + paragraph.text.length
    keyEnd += paragraph.key.length
    table[at + 4] = keyEnd
  })
  table[0] = document.lineCount
  table[1] = paragraphs.length
  let offset = table.byteLength
  offset += writeString(bytes, table, TEXT, offset, text)
  offset += writeString(bytes, table, REJOINED, offset, rejoined.join(''))
  offset += writeString(bytes, table, KEYS, offset, paragraphs.map((paragraph) => paragraph.key).join(''))
  if (decisions === null) {
    offset += writeString(bytes, table, DECISIONS, offset, json)
  } else {
    bytes.set(decisions, offset)
    offset += decisions.length
    table[2 + DECISIONS * 2] = V8
    table[3 + DECISIONS * 2] = decisions.length
  }
  return bytes.subarray(0, offset)
}

/** Spools a document (see `encodeDocument`) in this thread's file of `kind`. */
export function appendDocument(dir: string, kind: string, document: DocumentRecord): RecordPlace {
  return appendBytes(dir, kind, encodeDocument(document))
}

/** The record's integers, as a view into its bytes (into a copy, were they not aligned for one). */
function tableOf(bytes: Buffer): Int32Array {
  if (bytes.length < HEADER * 4) throw new Error(`spool: document record of ${bytes.length} bytes is cut short`)
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes)
  const header = new Int32Array(aligned.buffer, aligned.byteOffset, HEADER)
  const count = HEADER + header[1]! * FIELDS
  const size = count * 4 + header[3]! + header[5]! + header[7]! + header[9]!
  if (bytes.length !== size) throw new Error(`spool: document record of ${bytes.length} bytes, its header says ${size}`)
  return new Int32Array(aligned.buffer, aligned.byteOffset, count)
}

function decodeString(bytes: Buffer, table: Int32Array, s: number, from: number): string {
  return readSpoolString(bytes, table[2 + s * 2] as StringEncoding, from, from + table[3 + s * 2]!)
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** A spooled document read back (see `decodeDocument`). */
export function readDocument(dir: string, place: RecordPlace, options: { readonly keys: boolean }): DocumentRecord {
  return decodeDocument(readBytes(dir, place, buffers.read.room(place.length)), options)
}

/** A spooled document's text alone (the ids of copies sharing an id are ordered by it). */
export function readDocumentText(dir: string, place: RecordPlace): string {
  return decodeDocumentText(readBytes(dir, place, buffers.read.room(place.length)))
}

/** The document's text alone. */
export function decodeDocumentText(record: Uint8Array): string {
  const bytes = asBuffer(record)
  const table = tableOf(bytes)
  return decodeString(bytes, table, TEXT, table.byteLength)
}

/**
 * The record read back. With `keys: false` every paragraph's key is '' (no key string is made):
 * for readers that never compare paragraphs, such as rendering. Nothing returned is a view of
 * `record` (strings are decoded, the decisions deserialised), so its buffer can be reused.
 */
export function decodeDocument(record: Uint8Array, options: { readonly keys: boolean }): DocumentRecord {
  const bytes = asBuffer(record)
  const table = tableOf(bytes)
  const count = table[1]!
  let offset = table.byteLength
  const text = decodeString(bytes, table, TEXT, offset)
  offset += table[3 + TEXT * 2]!
  const rejoined = decodeString(bytes, table, REJOINED, offset)
  offset += table[3 + REJOINED * 2]!
  const keys = options.keys ? decodeString(bytes, table, KEYS, offset) : ''
  offset += table[3 + KEYS * 2]!
  const decisions = (
    table[2 + DECISIONS * 2] === V8 ? deserialize(bytes.subarray(offset, offset + table[3 + DECISIONS * 2]!)) : JSON.parse(decodeString(bytes, table, DECISIONS, offset))
  ) as Decision[]
  const paragraphs: Paragraph[] = new Array(count)
  let keyStart = 0
  for (let i = 0; i < count; i++) {
    const at = HEADER + i * FIELDS
    const from = table[at + 2]!
    const to = table[at + 3]!
    const keyEnd = table[at + 4]!
    paragraphs[i] = {
      index: i,
      lines: { start: table[at]!, end: table[at + 1]! },
      text: from < text.length || to === from ? text.slice(from, to) : rejoined.slice(from - text.length, to - text.length),
      key: options.keys ? keys.slice(keyStart, keyEnd) : '',
    }
    keyStart = keyEnd
  }
  return { text, lineCount: table[0]!, paragraphs, decisions }
}
