import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { overwritesInput, unusableFolder } from '../../src/write/index.js'
import { CLI, runCli, withTempDir } from '../helpers/index.js'

describe('--out never overwrites an input', () => {
  it('refuses an input folder, or a folder holding an input file of the same name', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'in'))
      await writeFile(join(dir, 'in', 'a.txt'), 'A story.\n')
      await writeFile(join(dir, 'in', 'b.md'), 'Another.\n')
      expect(await overwritesInput(join(dir, 'in'), [join(dir, 'in')])).toMatch(/is the input folder/)
      expect(await overwritesInput(join(dir, 'in', '.'), [join(dir, 'in', 'a.txt')])).toMatch(/would overwrite it/)
      expect(await overwritesInput(join(dir, 'in'), [join(dir, 'in', 'b.md')])).toBeNull() // b.md → b.txt
      expect(await overwritesInput(join(dir, 'out'), [join(dir, 'in'), '-', join(dir, 'missing')])).toBeNull()
    })
  })

  it('exits 2 before reading anything, and leaves the input as it was', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.txt'), 'A story.\nShare this article\n')
      const result = await runCli(['clean', dir, '--out', dir])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^neardup: --out .* is the input folder .*: the cleaned texts would overwrite the inputs\n$/)
    })
  })
})

describe('output folders', () => {
  it('must be folders, or creatable as folders', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'file'), 'x')
      expect(await unusableFolder(join(dir, 'new', 'deeper'))).toBeNull()
      expect(await unusableFolder(dir)).toBeNull()
      expect(await unusableFolder(join(dir, 'file'))).toBe(`${join(dir, 'file')}: cannot use as a folder: ${join(dir, 'file')} is a file`)
      expect(await unusableFolder(join(dir, 'file', 'sub'))).toMatch(/file is a file$/)
    })
  })

  it('are checked before anything is read: exit 2 with one line', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'file'), 'x')
      const result = await runCli(['clean', '--report', join(dir, 'file', 'reports')])
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(`neardup: --report ${join(dir, 'file', 'reports')}: cannot use as a folder: ${join(dir, 'file')} is a file\n`)
    })
  })
})

describe('a reader that closes stdout early', () => {
  it('ends the run quietly, without a stack trace', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `Story ${i} is about item ${i * 7}.\n` })).join('\n')
    const child = spawn(process.execPath, [CLI, 'clean', '-', '--stdout', '--quiet'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.end(input)
    // Like `| head -1`: read one chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
