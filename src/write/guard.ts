/**
 * Checks made before anything is read, so a long run never fails at the end: a cleaned text must
 * never replace its own input (`--out` that is an input folder, or that would write `a.txt` over
 * the input file `a.txt`), and an output folder must be a folder or creatable as one.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, parse, resolve } from 'node:path'
import { safeRelativePath } from './names.js'

async function real(path: string): Promise<string | null> {
  try {
    return await realpath(path)
  } catch {
    return null
  }
}

/** Why writing to `out` would overwrite one of `inputs`, or null when it would not. */
export async function overwritesInput(out: string, inputs: readonly string[]): Promise<string | null> {
  const target = (await real(out)) ?? resolve(out)
  for (const input of inputs) {
    if (input === '-') continue
    const source = await real(input)
    if (source === null) continue
    if ((await stat(source)).isDirectory()) {
      if (source === target) return `--out ${out} is the input folder ${input}: the cleaned texts would overwrite the inputs`
    } else if (dirname(source) === target && join(target, `${safeRelativePath(basename(source))}.txt`) === source) {
      return `--out ${out} holds the input ${input}: its cleaned text would overwrite it`
    }
  }
  return null
}

/** Why `dir` cannot be used as an output folder (a file is in the way), or null. */
export async function unusableFolder(dir: string): Promise<string | null> {
  let path = resolve(dir)
  for (;;) {
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : error))
    if (info instanceof Error) return `${dir}: cannot use as a folder (${info.code ?? info.message})`
    if (info !== null) return info.isDirectory() ? null : `${dir}: cannot use as a folder: ${path} is a file`
    if (path === parse(path).root) return null
    path = dirname(path)
  }
}
