/**
 * One measured run: the real CLI in its own process on the generated corpus, cleaned JSONL to a
 * file, report.json beside it. Wall time, peak RSS (whole process, workers included) and the
 * report's own per-stage timings.
 */
import { spawn } from 'node:child_process'
import { open, readFile, rm } from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { loadavg } from 'node:os'

/** The compiled bench folder (from the TypeScript sources in tests, the one in dist/: the CLI runs compiled). */
const HERE = dirname(fileURLToPath(import.meta.url)).replace(/([\\/])src([\\/])bench$/, '$1dist$2bench')
const CLI = join(HERE, '..', 'cli.js')
const RSS = pathToFileURL(join(HERE, 'rss.js')).href

export interface RunResult {
  readonly jobs: number
  readonly seconds: number
  readonly maxRssMB: number
  readonly cpuSeconds: number
  /** From report.json: documents in, kept, duplicate, empty, skipped. */
  readonly documents: Readonly<Record<string, number>>
  /** From report.json: milliseconds per stage. */
  readonly timings: Readonly<Record<string, number>>
  /** Records in clean.jsonl. */
  readonly written: number
  /** 1-minute load average when the run ended: the machine is shared, so wall times need this beside them. */
  readonly loadAverage: number
}

/**
 * The report's head (everything before `"documents"`) as JSON: report.json can be gigabytes, but
 * `stats` comes first, so the first few kilobytes are enough.
 */
export async function readReportStats(path: string): Promise<{ documents: Record<string, number>; timings: Record<string, number> }> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(1 << 16)
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0)
    const head = buffer.subarray(0, bytesRead).toString('utf8')
    const end = head.indexOf('\n  "documents": ')
    if (end < 0) throw new Error(`${path}: no "documents" key in the first 64 KB`)
    const parsed = JSON.parse(`${head.slice(0, end).replace(/,\s*$/, '')}\n}`) as { stats: { documents: Record<string, number>; timings: Record<string, number> } }
    return { documents: parsed.stats.documents, timings: parsed.stats.timings }
  } finally {
    await file.close()
  }
}

async function countLines(path: string): Promise<number> {
  let count = 0
  const { createReadStream } = await import('node:fs')
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) count++
  }
  return count
}

/** Runs `neardup clean CORPUS --report DIR --stdout --jobs N` and measures it. */
export async function measureRun(corpus: string, dir: string, jobs: number, extraArgs: readonly string[] = []): Promise<RunResult> {
  const usageFile = join(dir, `usage-${jobs}.json`)
  const report = join(dir, `report-${jobs}`)
  const cleaned = join(dir, `clean-${jobs}.jsonl`)
  const args = ['--import', RSS, CLI, 'clean', corpus, '--report', report, '--stdout', '--quiet', '--jobs', String(jobs), ...extraArgs]
  const start = performance.now()
  const stderr: string[] = []
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, NEARDUP_BENCH_USAGE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.pipe(createWriteStream(cleaned))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', resolve)
  })
  const seconds = (performance.now() - start) / 1000
  if (code !== 0) throw new Error(`neardup clean --jobs ${jobs} exited with ${code}: ${stderr.join('').slice(0, 2000)}`)
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKB: number; userMs: number; systemMs: number }
  const stats = await readReportStats(join(report, 'report.json'))
  const written = await countLines(cleaned)
  await rm(usageFile, { force: true })
  return {
    jobs,
    seconds,
    maxRssMB: usage.maxRssKB / 1024,
    cpuSeconds: (usage.userMs + usage.systemMs) / 1000,
    documents: stats.documents,
    timings: stats.timings,
    written,
    loadAverage: loadavg()[0]!,
  }
}
