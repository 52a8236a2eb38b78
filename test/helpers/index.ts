/** Test helpers: real files from the repo, temp dirs, a spawned CLI, and a document builder. */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CorpusGenerator } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { createDocument } from '../../src/document.js'
import { segment } from '../../src/segment/index.js'
import type { Document } from '../../src/types.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SEEDS = join(ROOT, 'seeds')
// ../shared beside the main checkout; a worktree under wt/<name> finds it one level further up.
export const SHARED = existsSync(join(ROOT, '..', 'shared')) ? join(ROOT, '..', 'shared') : join(ROOT, '..', '..', 'shared')
export const DEV_CORPUS = join(SHARED, 'eval', 'dev', 'corpus.jsonl')
export const DEV_GOLD = join(SHARED, 'eval', 'dev', 'gold.json')
export const SEEDS_GOLD = join(SHARED, 'gold', 'seeds.json')
export const CLI = join(ROOT, 'dist', 'cli.js')

export interface GoldLine {
  readonly line: number
  readonly label: string
  readonly text?: string
}
export interface GoldDocument {
  readonly lines: readonly GoldLine[]
  readonly clean: string
}
export interface Gold {
  readonly documents: Record<string, GoldDocument>
  readonly clusters?: ReadonlyArray<{ members: string[] }>
  readonly sharedPassages?: unknown[]
}

export function readGold(path: string): Gold {
  return JSON.parse(readFileSync(path, 'utf8')) as Gold
}

export function seedFiles(): Array<{ id: string; text: string }> {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((id) => ({ id, text: readFileSync(join(SEEDS, id), 'utf8') }))
}

export function devCorpus(): Array<{ id: string; text: string }> {
  return readFileSync(DEV_CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string })
}

/** Greedy wrapping at a column, as `fmt` or a scraper does it: the bench generator's own. */
export { wrap } from '../../src/bench/corpus.js'

/** `count` segmented documents of the bench generator (from the dev set), ids gen-0000, gen-0001, … */
export function generatedDocs(count: number, seed: number): Document[] {
  const devSet = findDevSet()
  if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
  const generator = new CorpusGenerator(loadPools(devSet), seed)
  return Array.from({ length: count }, (_, i) => doc(generator.next(), `gen-${String(i).padStart(4, '0')}`))
}

/** A segmented document from text lines (joined with `\n`). */
export function doc(lines: readonly string[] | string, id = 'test.txt'): Document {
  const document = createDocument({ id, text: typeof lines === 'string' ? lines : `${lines.join('\n')}\n` })
  segment(document, { rejoin: true })
  return document
}

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'neardup-test-'))
  try {
    return await work(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built CLI as a separate process, optionally feeding stdin. */
export function runCli(args: readonly string[], options: { stdin?: string | Buffer; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.on('error', () => {})
    if (options.stdin !== undefined) child.stdin.end(options.stdin)
    else child.stdin.end()
  })
}

/**
 * report.json's layout, made the plain way (one JSON.stringify of the whole value): two-space
 * indentation, each element of a top-level `documents` array compact on its own line.
 */
export function reportLayout(value: object): string {
  const documents = (value as { documents?: unknown }).documents
  if (!Array.isArray(documents) || documents.length === 0) return `${JSON.stringify(value, null, 2)}\n`
  const mark = (i: number): string => `\u0000document ${i}\u0000`
  const text = JSON.stringify({ ...value, documents: documents.map((_, i) => mark(i)) }, null, 2)
  return `${text.replace(/"\\u0000document (\d+)\\u0000"/g, (_, i: string) => JSON.stringify(documents[Number(i)]) ?? 'null')}\n`
}
