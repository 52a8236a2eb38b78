/**
 * Reading a shard: its header at once, its records one at a time through a small buffer (never
 * the whole file), and any record again by its offset, checksum checked each time. Every problem
 * is a `ShardError` naming the file, and the record and byte offset when it is in a record.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { decodeRecord, headerProblem, MAX_HEADER_BYTES, RECORD_PREFIX, SHARD_MAGIC, ShardError, type ShardHeader, type ShardRecord } from './format.js'

/** Bytes read at a time while streaming the records. */
const READ_BYTES = 1 << 20

/** A record as the stream yields it: the record and where it is, to read it again later. */
export interface PlacedRecord {
  /** 1-based, in file order: how error messages name it. */
  readonly number: number
  readonly offset: number
  /** Prefix and body. */
  readonly size: number
  readonly record: ShardRecord
}

export class ShardFile {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    readonly header: ShardHeader,
    /** Where the first record starts. */
    private readonly start: number,
    private readonly fileSize: number,
  ) {}

  /** Opens a shard and reads its header. */
  static open(path: string): ShardFile {
    let fd: number
    try {
      fd = openSync(path, 'r')
    } catch (error) {
      throw new ShardError(`${path}: cannot open shard (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    try {
      const fileSize = fstatSync(fd).size
      const lead = readExactly(fd, 0, SHARD_MAGIC.length + 4)
      if (lead.length < SHARD_MAGIC.length || !lead.subarray(0, SHARD_MAGIC.length).equals(SHARD_MAGIC)) throw new ShardError(`${path}: not a neardup shard (no NDSHARD magic at the start)`)
      if (lead.length < SHARD_MAGIC.length + 4) throw new ShardError(`${path}: shard cut short inside its header`)
      const headerLength = lead.readUInt32LE(SHARD_MAGIC.length)
      if (headerLength > MAX_HEADER_BYTES) throw new ShardError(`${path}: corrupt shard header (says ${headerLength} bytes)`)
      const json = readExactly(fd, lead.length, headerLength)
      if (json.length < headerLength) throw new ShardError(`${path}: shard cut short inside its header`)
      let header: unknown
      try {
        header = JSON.parse(json.toString('utf8'))
      } catch {
        throw new ShardError(`${path}: corrupt shard header (not JSON)`)
      }
      const problem = headerProblem(header)
      if (problem !== null) throw new ShardError(`${path}: ${problem}`)
      const { documents, settings } = header as ShardHeader
      // Only a count no file of this size could hold is refused here (a merge sizes its columns by
      // it); a file cut short is named at the record where it ends.
      const room = fileSize - lead.length - headerLength
      if ((header as ShardHeader).documents * RECORD_PREFIX > room) throw new ShardError(`${path}: header says ${(header as ShardHeader).documents} records, but the ${room} bytes after it cannot hold them (corrupt?)`)
      return new ShardFile(path, fd, header as ShardHeader, lead.length + headerLength, fileSize)
    } catch (error) {
      closeSync(fd)
      throw error
    }
  }

  /** The records in file order, read through a buffer of about a megabyte. */
  *records(): Generator<PlacedRecord> {
    let buffer = Buffer.alloc(0)
    let bufferAt = this.start // file offset of buffer[0]
    let offset = this.start
    const available = (bytes: number): boolean => {
      if (offset + bytes <= bufferAt + buffer.length) return true
      const rest = buffer.subarray(offset - bufferAt)
      const more = readExactly(this.fd, bufferAt + buffer.length, Math.max(READ_BYTES, bytes - rest.length))
      buffer = Buffer.concat([rest, more])
      bufferAt = offset
      return offset + bytes <= bufferAt + buffer.length
    }
    for (let number = 1; number <= this.header.documents; number++) {
      if (!available(RECORD_PREFIX)) throw this.problem(number, offset, 'the file ends before it (cut short?)')
      const bodyLength = buffer.readUInt32LE(offset - bufferAt)
      if (offset + RECORD_PREFIX + bodyLength > this.fileSize) throw this.problem(number, offset, `it says ${bodyLength} bytes but the file ends first (cut short?)`)
      available(RECORD_PREFIX + bodyLength)
      const at = offset - bufferAt
      const record = this.decode(number, offset, buffer.subarray(at, at + RECORD_PREFIX + bodyLength))
      yield { number, offset, size: RECORD_PREFIX + bodyLength, record }
      offset += RECORD_PREFIX + bodyLength
    }
    if (offset !== this.fileSize) throw new ShardError(`${this.path}: ${this.fileSize - offset} bytes after the last of its ${this.header.documents} records (corrupt?)`)
  }

  /** One record again, by the place `records()` gave it. */
  recordAt(number: number, offset: number, size: number): ShardRecord {
    const bytes = readExactly(this.fd, offset, size)
    if (bytes.length < size) throw this.problem(number, offset, 'the file ends before it (changed since it was read?)')
    return this.decode(number, offset, bytes)
  }

  close(): void {
    closeSync(this.fd)
  }

  private decode(number: number, offset: number, bytes: Buffer): ShardRecord {
    const body = bytes.subarray(RECORD_PREFIX)
    if (body.length !== bytes.readUInt32LE(0)) throw this.problem(number, offset, 'its length does not match')
    if (crc32(body) !== bytes.readUInt32LE(4)) throw this.problem(number, offset, 'checksum mismatch (corrupt)')
    try {
      return decodeRecord(body, this.header.settings.lsh.bands, this.header.settings.minhash.numPerm)
    } catch (error) {
      throw this.problem(number, offset, (error as Error).message)
    }
  }

  private problem(number: number, offset: number, what: string): ShardError {
    return new ShardError(`${this.path}: record ${number} of ${this.header.documents} (byte ${offset}): ${what}`)
  }
}

/** Up to `length` bytes from `position` (fewer only at the end of the file). */
function readExactly(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length)
  let read = 0
  while (read < length) {
    const count = readSync(fd, bytes, read, length - read, position + read)
    if (count === 0) break
    read += count
  }
  return bytes.subarray(0, read)
}
