/**
 * Atomic writes: data goes to a temporary file beside the target, then a rename puts it in place.
 * A run killed part-way leaves the old file or none, never a truncated file that looks complete.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { once } from 'node:events'

function temporaryName(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`
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

/** Streams chunks into a temporary file and renames it into place when they are all written. */
export async function writeChunksAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = temporaryName(path)
  const stream = createWriteStream(temporary)
  try {
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await once(stream, 'drain')
    }
    stream.end()
    await once(stream, 'finish')
    await rename(temporary, path)
  } catch (error) {
    stream.destroy()
    await rm(temporary, { force: true })
    throw error
  }
}
