import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clean, readDocuments } from '../../src/index.js'
import type { Diagnostic, DocumentInput } from '../../src/types.js'
import { withTempDir } from '../helpers/index.js'

async function all(iterable: AsyncIterable<DocumentInput>): Promise<DocumentInput[]> {
  const out: DocumentInput[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('reading files', () => {
  it('turns a file that vanishes between listing and reading into a skipped document, and carries on', async () => {
    await withTempDir(async (dir) => {
      for (const name of ['a.txt', 'b.txt', 'c.txt']) await writeFile(join(dir, name), `Text of ${name}.\n`)
      // The race, made deterministic: b.txt is deleted after the walk listed it, just before it is opened.
      const hooks = { beforeRead: async (path: string) => (path.endsWith('b.txt') ? rm(path) : undefined) }
      const { report } = await clean(readDocuments([dir], { hooks }))
      expect(report.documents.map((document) => [document.id, document.status, document.reason])).toEqual([
        ['a.txt', 'kept', null],
        ['b.txt', 'skipped', 'cannot read file: file vanished before it could be read (ENOENT)'],
        ['c.txt', 'kept', null],
      ])
    })
  })

  it('follows links to files and folders, walks a link cycle once, and lists a dangling link', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'real'))
      await writeFile(join(dir, 'real', 'story.txt'), 'A story.\n')
      await symlink(join(dir, 'real'), join(dir, 'real', 'loop'))
      await symlink(join(dir, 'real', 'story.txt'), join(dir, 'alias.txt'))
      await symlink(join(dir, 'gone.txt'), join(dir, 'dangling.txt'))
      const diagnostics: Diagnostic[] = []
      const documents = await all(readDocuments([dir], { onDiagnostic: (d) => diagnostics.push(d) }))
      expect(documents.map((document) => [document.id, document.skipped ?? 'read'])).toEqual([
        ['alias.txt', 'read'],
        ['dangling.txt', 'cannot read file: file vanished before it could be read (ENOENT)'],
        ['real/story.txt', 'read'],
      ])
      expect(diagnostics).toEqual([])
    })
  })

  it('reports a path given as .jsonl that is a folder, by name', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'odd.jsonl'))
      const diagnostics: Diagnostic[] = []
      expect(await all(readDocuments([join(dir, 'odd.jsonl')], { onDiagnostic: (d) => diagnostics.push(d) }))).toEqual([])
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable', file: join(dir, 'odd.jsonl'), message: 'cannot read: EISDIR' })])
    })
  })
})
