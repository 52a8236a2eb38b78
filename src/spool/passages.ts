/**
 * The texts and keys of a document's summarised paragraphs (`PassageTexts`), as the shared-passage
 * search reads them: a block of candidate pairs loads a document for one or two of its paragraphs,
 * so a record is read whole but only the strings asked for are decoded (v8-serialising the record
 * decoded every string of every load: at 100,000 documents, millions of loads).
 *
 *   header   Uint32 × (1 + 2n): n, then per string (text 0, key 0, text 1, …) its byte length << 2 | encoding
 *   strings  end to end
 */
import type { PassageParagraph, PassageTexts } from '../neardup/blocks.js'
import { appendBytes, readBytes, RecordBuffer, type RecordPlace } from './index.js'
import { readSpoolString, writeSpoolString, type StringEncoding } from './strings.js'
import { maxUtf8Bytes } from '../utf8.js'

/** This thread's buffers for the record being written and the one being read. */
const buffers = { write: new RecordBuffer(), read: new RecordBuffer() }

/** The record's bytes, in a buffer this thread reuses: valid until its next call. */
export function encodePassageTexts(texts: PassageTexts): Buffer {
  const strings = texts.texts.flatMap((text, k) => [text, texts.keys[k]!])
  const header = 4 * (1 + strings.length)
  const bytes = buffers.write.room(header + maxUtf8Bytes(strings.reduce((sum, s) => sum + s.length, 0)))
  bytes.writeUInt32LE(texts.texts.length, 0)
  let offset = header
  strings.forEach((s, i) => {
    const { encoding, length } = writeSpoolString(bytes, offset, s)
    bytes.writeUInt32LE(((length << 2) | encoding) >>> 0, 4 * (1 + i))
    offset += length
  })
  return bytes.subarray(0, offset)
}

export function appendPassageTexts(dir: string, kind: string, texts: PassageTexts): RecordPlace {
  return appendBytes(dir, kind, encodePassageTexts(texts))
}

/**
 * A record's paragraphs by their place among the summarised ones (`ordinal`), each decoded when
 * asked for. `bytes` is read, not copied: the accessor is valid while they are.
 */
export function passageParagraphs(bytes: Buffer): PassageParagraph {
  const count = bytes.readUInt32LE(0)
  const starts = new Uint32Array(2 * count + 1)
  starts[0] = 4 * (1 + 2 * count)
  for (let i = 0; i < 2 * count; i++) starts[i + 1] = starts[i]! + (bytes.readUInt32LE(4 * (1 + i)) >>> 2)
  const string = (i: number): string => readSpoolString(bytes, (bytes.readUInt32LE(4 * (1 + i)) & 3) as StringEncoding, starts[i]!, starts[i + 1]!)
  return (_, ordinal) => {
    if (ordinal >= count) throw new Error(`passage texts: paragraph ${ordinal} of a record of ${count}`)
    return { text: string(2 * ordinal), key: string(2 * ordinal + 1) }
  }
}

/** A spooled record's paragraphs (see `passageParagraphs`), read into this thread's buffer: valid until its next read. */
export function readPassageParagraphs(dir: string, place: RecordPlace): PassageParagraph {
  return passageParagraphs(readBytes(dir, place, buffers.read.room(place.length)))
}
