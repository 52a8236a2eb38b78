/**
 * The spool: what the passes learn about each document, on disk, so that a corpus far bigger than
 * memory is held as a few numbers per document (its place). Each thread appends records (bytes: a
 * v8-serialised value, or a document laid out by `document.ts`) to its own file, so threads never
 * contend for a file and the main thread never copies a record it does not read; a record is found
 * again by its place (file, start, length), from any thread.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { threadId } from 'node:worker_threads'

/** Where one record is: in `<dir>/<file>`, bytes [start, start + length). */
export interface RecordPlace {
  readonly file: string
  readonly start: number
  readonly length: number
}

/** A spool folder: created under the system's temporary folder (or `parent`), removed by `dispose()`. */
export interface SpoolFolder {
  readonly dir: string
  dispose(): void
}

const folders = new Set<string>()
let exitHookInstalled = false

const PREFIX = 'neardup-spool-'

/** Whether a process with this id is running (EPERM: it is, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes spool folders in `parent` left by runs that were killed (their process is gone). */
export function removeStaleSpools(parent: string = tmpdir()): number {
  let removed = 0
  for (const name of readdirSync(parent)) {
    const pid = Number(/^neardup-spool-(\d+)-/.exec(name)?.[1])
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue
    rmSync(join(parent, name), { recursive: true, force: true })
    removed++
  }
  return removed
}

/**
 * Makes a fresh spool folder (named with this process's id); it is removed on `dispose()`, at the
 * latest when the process exits, and by the next run if this one is killed.
 */
export function createSpoolFolder(parent: string = tmpdir()): SpoolFolder {
  removeStaleSpools(parent)
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`))
  folders.add(dir)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    // A crash or an exit on an error must not leave gigabytes behind in the temporary folder.
    process.once('exit', () => {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true })
    })
  }
  return {
    dir,
    dispose() {
      folders.delete(dir)
      closeWriters(dir)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

interface Writer {
  readonly fd: number
  size: number
}

/** This thread's open files, by path: one per spool kind and folder. */
const writers = new Map<string, Writer>()
const readers = new Map<string, number>()

function closeWriters(dir: string): void {
  for (const [path, writer] of writers) {
    if (!path.startsWith(dir)) continue
    closeSync(writer.fd)
    writers.delete(path)
  }
  for (const [path, fd] of readers) {
    if (!path.startsWith(dir)) continue
    closeSync(fd)
    readers.delete(path)
  }
}

/** Closes every file this thread holds open (a worker calls it before it ends). */
export function closeSpoolFiles(): void {
  for (const writer of writers.values()) closeSync(writer.fd)
  for (const fd of readers.values()) closeSync(fd)
  writers.clear()
  readers.clear()
}

/**
 * Appends one record's bytes to this thread's file of `kind` in `dir` and says where they went.
 * Files are per thread (`<kind>-<threadId>`), so appends from several workers never interleave.
 */
export function appendBytes(dir: string, kind: string, bytes: Uint8Array): RecordPlace {
  const file = `${kind}-${threadId}`
  const path = join(dir, file)
  let writer = writers.get(path)
  if (!writer) writers.set(path, (writer = { fd: openSync(path, 'a'), size: 0 }))
  let written = 0
  while (written < bytes.length) written += writeSync(writer.fd, bytes, written, bytes.length - written)
  const place = { file, start: writer.size, length: bytes.length }
  writer.size += bytes.length
  return place
}

/**
 * Reads one record's bytes back (any thread: the file is opened for reading once per thread), into
 * `into` if given (the bytes are then a view of it), else into a buffer of their own.
 */
export function readBytes(dir: string, place: RecordPlace, into?: Buffer): Buffer {
  const path = join(dir, place.file)
  let fd = readers.get(path)
  if (fd === undefined) readers.set(path, (fd = openSync(path, 'r')))
  const bytes = into === undefined ? Buffer.allocUnsafe(place.length) : into.subarray(0, place.length)
  let read = 0
  while (read < place.length) {
    const count = readSync(fd, bytes, read, place.length - read, place.start + read)
    if (count === 0) throw new Error(`${path}: record at ${place.start} cut short (${read} of ${place.length} bytes)`)
    read += count
  }
  return bytes
}

/**
 * A buffer this thread reuses for one record at a time (the one being written, or read), grown as
 * needed: a buffer per record would be an allocation (and a finaliser) per document.
 */
export class RecordBuffer {
  private buffer = Buffer.allocUnsafeSlow(1 << 16)

  /** The buffer, at least `size` bytes long: what it held before is gone. */
  room(size: number): Buffer {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2))
    return this.buffer
  }
}

/** Appends one value, v8-serialised (strings and typed arrays round-trip exactly). */
export function appendRecord(dir: string, kind: string, value: unknown): RecordPlace {
  return appendBytes(dir, kind, serialize(value))
}

/** Reads one value appended by `appendRecord` back. */
export function readRecord<T>(dir: string, place: RecordPlace): T {
  return deserialize(readBytes(dir, place)) as T
}

/**
 * Record places by document position, in typed arrays (a few bytes per document whatever the
 * corpus size): the file as an index into a short list of names, start and length as numbers.
 */
export class PlaceTable {
  private files: string[] = []
  private fileIndex = new Map<string, number>()
  private fileOf = new Uint8Array(1024)
  private starts = new Float64Array(1024)
  private lengths = new Uint32Array(1024)
  private filled = new Uint8Array(1024)

  set(position: number, place: RecordPlace): void {
    if (position >= this.starts.length) this.grow(position + 1)
    let file = this.fileIndex.get(place.file)
    if (file === undefined) {
      file = this.files.length
      if (file > 255) throw new Error('spool: more than 256 record files')
      this.files.push(place.file)
      this.fileIndex.set(place.file, file)
    }
    this.fileOf[position] = file
    this.starts[position] = place.start
    this.lengths[position] = place.length
    this.filled[position] = 1
  }

  has(position: number): boolean {
    return position < this.filled.length && this.filled[position] === 1
  }

  get(position: number): RecordPlace {
    if (!this.has(position)) throw new RangeError(`spool: no record at position ${position}`)
    return { file: this.files[this.fileOf[position]!]!, start: this.starts[position]!, length: this.lengths[position]! }
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.starts.length * 2)
    const fileOf = new Uint8Array(capacity)
    fileOf.set(this.fileOf)
    const starts = new Float64Array(capacity)
    starts.set(this.starts)
    const lengths = new Uint32Array(capacity)
    lengths.set(this.lengths)
    const filled = new Uint8Array(capacity)
    filled.set(this.filled)
    this.fileOf = fileOf
    this.starts = starts
    this.lengths = lengths
    this.filled = filled
  }
}
