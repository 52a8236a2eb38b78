import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtomicStream, removeStaleTemporaries, writeChunksAtomic, writeFileAtomic } from '../../src/write/atomic.js'
import { withTempDir } from '../helpers/index.js'

describe('atomic writes', () => {
  it('replace the file whole and leave no temporary file behind', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'deep', 'a.txt')
      await writeFileAtomic(path, 'old\n')
      await writeChunksAtomic(path, ['new ', 'text\n'])
      expect(readFileSync(path, 'utf8')).toBe('new text\n')
      expect(readdirSync(join(dir, 'deep'))).toEqual(['a.txt'])
    })
  })

  it('remove the temporary file and keep the old one when writing fails', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'a.txt')
      await writeFileAtomic(path, 'old\n')
      async function* failing(): AsyncGenerator<string> {
        yield 'half a '
        throw new Error('disk full')
      }
      await expect(writeChunksAtomic(path, failing())).rejects.toThrow('disk full')
      expect(readdirSync(dir)).toEqual(['a.txt'])
      expect(readFileSync(path, 'utf8')).toBe('old\n')
    })
  })

  it('resolve a streamed write once its bytes are in the file, so they may be reused at once', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'a.txt')
      const file = await AtomicStream.open(path)
      const first = new Uint8Array(1 << 16).fill(0x61)
      const second = new Uint8Array(1 << 10).fill(0x62)
      await file.write(first)
      await file.write(second)
      // A pass lends these bytes to the next batch as soon as the write resolves.
      first.fill(0x21)
      second.fill(0x21)
      await file.commit()
      expect(readFileSync(path, 'latin1')).toBe('a'.repeat(1 << 16) + 'b'.repeat(1 << 10))
    })
  })

  it('sweep away temporary files of dead runs only', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'sub'))
      const dead = join(dir, 'sub', 'a.txt.tmp-999999999-0123abcd')
      const live = join(dir, `b.txt.tmp-${process.ppid}-0123abcd`)
      const mine = join(dir, `c.txt.tmp-${process.pid}-0123abcd`)
      for (const path of [dead, live, mine, join(dir, 'd.tmp-notes.txt')]) await writeFile(path, 'x')
      expect(await removeStaleTemporaries(dir)).toBe(1)
      expect([dead, live, mine].map((path) => existsSync(path))).toEqual([false, true, true])
      expect(await removeStaleTemporaries(join(dir, 'missing'))).toBe(0)
    })
  })
})
