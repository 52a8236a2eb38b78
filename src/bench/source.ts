/**
 * The real text the benchmark corpus is recombined from: the dev set's paragraphs, titles and junk
 * lines, split by their gold labels (so junk is injected as junk and articles are made of prose).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Pools of real lines, by role. Junk runs (related-links blocks, footers) keep their line order. */
export interface SourcePools {
  readonly titles: readonly string[]
  /** Prose paragraphs (a `keep` line with its hard-wrap `join` lines rejoined). */
  readonly paragraphs: readonly string[]
  /** Single junk lines by gold label: byline, dateline, share, caption, inline. */
  readonly junk: Readonly<Record<string, readonly string[]>>
  /** Multi-line junk blocks in order: related-links, footer. */
  readonly blocks: Readonly<Record<string, ReadonlyArray<readonly string[]>>>
}

interface GoldLine {
  readonly line: number
  readonly label: string
}

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The dev set's folder: `../shared/eval/dev` from the repository, or from a worktree two levels down. */
export function findDevSet(): string | null {
  for (const up of ['..', join('..', '..'), join('..', '..', '..')]) {
    const dir = resolve(PACKAGE_ROOT, up, 'shared', 'eval', 'dev')
    if (existsSync(join(dir, 'corpus.jsonl')) && existsSync(join(dir, 'gold.json'))) return dir
  }
  return null
}

/** Reads `corpus.jsonl` + `gold.json` from a dev-set folder into pools. */
export function loadPools(dir: string): SourcePools {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as {
    documents: Record<string, { lines: GoldLine[] }>
  }
  const titles: string[] = []
  const paragraphs: string[] = []
  const junk: Record<string, string[]> = { byline: [], dateline: [], share: [], caption: [], inline: [] }
  const blocks: Record<string, string[][]> = { 'related-links': [], footer: [] }
  const records = readFileSync(join(dir, 'corpus.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '')
  for (const record of records) {
    const { id, text } = JSON.parse(record) as { id: string; text: string }
    const labels = gold.documents[id]?.lines
    if (!labels) continue
    const lines = text.split(/\r\n|\r|\n/)
    let paragraph: string[] | null = null
    let block: { label: string; lines: string[] } | null = null
    let sawTitle = false
    const flush = (): void => {
      if (paragraph) {
        const joined = paragraph.join(' ')
        if (!sawTitle) {
          titles.push(joined)
          sawTitle = true
        } else if (joined.split(' ').length >= 8) paragraphs.push(joined)
      }
      paragraph = null
    }
    const flushBlock = (): void => {
      if (block && block.lines.length > 0) blocks[block.label]!.push(block.lines)
      block = null
    }
    for (const { line, label } of labels) {
      const content = (lines[line - 1] ?? '').trim()
      if (content === '') continue
      const kind = label.startsWith('boilerplate:') ? label.slice('boilerplate:'.length) : label
      if (kind === 'join' && paragraph) {
        paragraph.push(content)
        continue
      }
      flush()
      if (kind === 'keep') {
        flushBlock()
        paragraph = [content]
      } else if (kind in blocks) {
        const current = block as { label: string; lines: string[] } | null
        if (current?.label === kind) current.lines.push(content)
        else {
          flushBlock()
          block = { label: kind, lines: [content] }
        }
      } else {
        flushBlock()
        junk[kind]?.push(content)
      }
    }
    flush()
    flushBlock()
  }
  if (titles.length === 0 || paragraphs.length === 0) throw new Error(`${dir}: no usable paragraphs in the dev set`)
  return { titles, paragraphs, junk, blocks }
}
