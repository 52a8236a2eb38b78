/**
 * Atomic writes: data goes to a temporary file beside the target, then a rename puts it in place.
 * A run killed part-way leaves the old file or none, never a truncated file that looks complete.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { alive } from '../spool/index.js'

function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
}

const TEMPORARY = /\.tmp-(\d+)-[0-9a-f]{8}$/

/**
 * Removes temporary files that a killed run left in `dir` (its process is gone); a live run's
 * files are left alone. Returns how many were removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir, { recursive: true })
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const match = TEMPORARY.exec(name)
    if (match && Number(match[1]) !== process.pid && !alive(Number(match[1]))) {
      await rm(join(dir, name), { force: true })
      removed++
    }
  }
  return removed
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = temporaryName(path)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Writes `chunk` to `stream`, resolving once the stream has written it (not merely queued it): a
 * pass lends the same bytes to a later batch as soon as this resolves.
 */
export function writeFully(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())))
}

/**
 * A file written piece by piece into a temporary file beside `path`, renamed into place by
 * `commit()`; `abort()` removes it. For outputs written as a pass goes (report.json, clean.jsonl).
 */
export class AtomicStream {
  private constructor(
    readonly path: string,
    private readonly temporary: string,
    private readonly stream: WriteStream,
  ) {}

  static async open(path: string): Promise<AtomicStream> {
    await mkdir(dirname(path), { recursive: true })
    const temporary = temporaryName(path)
    return new AtomicStream(path, temporary, createWriteStream(temporary))
  }

  /** Resolves once the chunk is written to the file (not merely queued), so its bytes may be reused. */
  write(chunk: string | Uint8Array): Promise<void> {
    return writeFully(this.stream, chunk)
  }

  async commit(): Promise<void> {
    this.stream.end()
    await once(this.stream, 'finish')
    await rename(this.temporary, this.path)
  }

  async abort(): Promise<void> {
    // The file is opened asynchronously: wait for the stream to close, or the removal can run
    // before the open and leave the temporary file behind.
    const closed = this.stream.closed ? Promise.resolve() : once(this.stream, 'close')
    this.stream.destroy()
    await closed.catch(() => {})
    await rm(this.temporary, { force: true })
  }
}

/** Streams chunks into a temporary file and renames it into place when they are all written. */
export async function writeChunksAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const file = await AtomicStream.open(path)
  try {
    for await (const chunk of chunks) await file.write(chunk)
    await file.commit()
  } catch (error) {
    await file.abort()
    throw error
  }
}
