#!/usr/bin/env node
/**
 * `npm run bench`: generate a corpus, clean it end to end with --jobs 1 and with all cores, sign a
 * sample with the `minhash` package and with ours, and print + save the table.
 *
 *   node dist/bench/cli.js [--docs N] [--seed S] [--jobs 1,2] [--corpus FILE] [--keep] [--reports DIR]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Command, InvalidArgumentError } from 'commander'
import { DEFAULT_OPTIONS } from '../options.js'
import { writeCorpus, type CorpusStats } from './corpus.js'
import { measureRun } from './run.js'
import { measureSignatures } from './signatures.js'
import { findDevSet, loadPools } from './source.js'
import { renderMarkdown, type BenchResult } from './table.js'

/** Documents both minhash implementations sign (the package manages about 80 documents/s). */
const SIGNATURE_SAMPLE = 400

function whole(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('Expected a whole number from 1 up.')
  return number
}

function jobList(value: string): number[] {
  return value.split(',').map((item) => whole(item.trim()))
}

export interface BenchFlags {
  docs: number
  seed: number
  jobs: number[]
  reports: string
  corpus?: string
  /** Reuse `corpus` when it was generated with the same --docs and --seed. */
  reuse?: boolean
  keep?: boolean
  signatures: boolean
  /** Passed on to `neardup clean` as --no-shared-passages when false. */
  sharedPassages: boolean
  /** Minimum milliseconds each side of the signature comparison runs for. */
  signatureMs: number
  devSet?: string
}

/** The first `count` texts of a JSONL corpus. */
async function sampleTexts(path: string, count: number): Promise<string[]> {
  const { createReadStream } = await import('node:fs')
  const { createInterface } = await import('node:readline')
  const texts: string[] = []
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  for await (const line of lines) {
    if (texts.length >= count) break
    texts.push((JSON.parse(line) as { text: string }).text)
  }
  lines.close()
  return texts
}

export async function runBench(flags: BenchFlags, command: string, log: (line: string) => void): Promise<BenchResult> {
  const work = await mkdtemp(join(tmpdir(), 'neardup-bench-'))
  try {
    const devSet = flags.devSet ?? findDevSet()
    if (devSet === null) throw new Error('cannot find the dev set (../shared/eval/dev); pass --dev-set DIR')
    const pools = loadPools(devSet)
    const corpusPath = flags.corpus ?? join(work, 'corpus.jsonl')
    // A generated corpus keeps its figures beside it, so --reuse can skip generating it again
    // (minutes at a million documents) when the documents and the seed are the same.
    const sidecar = `${corpusPath}.stats.json`
    const previous = flags.reuse && existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as CorpusStats & { seed: number }) : null
    let corpus: CorpusStats & { seed: number }
    if (previous !== null && previous.documents === flags.docs && previous.seed === flags.seed && existsSync(corpusPath)) {
      log(`reusing ${corpusPath} (${flags.docs} documents, seed ${flags.seed})`)
      corpus = previous
    } else {
      log(`generating ${flags.docs} documents (seed ${flags.seed}) → ${corpusPath}`)
      corpus = { ...(await writeCorpus(corpusPath, pools, { docs: flags.docs, seed: flags.seed })), seed: flags.seed }
      if (flags.corpus !== undefined) await writeFile(sidecar, `${JSON.stringify(corpus)}\n`)
    }
    const runs = []
    for (const jobs of flags.jobs) {
      log(`cleaning with --jobs ${jobs}`)
      const run = await measureRun(corpusPath, work, jobs, flags.sharedPassages === false ? ['--no-shared-passages'] : [])
      if (run.documents['in'] !== corpus.documents) throw new Error(`--jobs ${jobs}: ${run.documents['in']} documents in the report, ${corpus.documents} generated`)
      log(`  ${run.seconds.toFixed(1)} s, peak RSS ${run.maxRssMB.toFixed(0)} MB`)
      runs.push(run)
      // At a million documents one run's outputs are tens of GB: gone before the next run starts.
      if (!flags.keep) await Promise.all([rm(join(work, `report-${jobs}`), { recursive: true, force: true }), rm(join(work, `clean-${jobs}.jsonl`), { force: true })])
    }
    let signatures = null
    if (flags.signatures) {
      log('signing a sample with the minhash package and with ours')
      const texts = await sampleTexts(corpusPath, SIGNATURE_SAMPLE)
      signatures = await measureSignatures(texts, DEFAULT_OPTIONS.neardup.numPerm, DEFAULT_OPTIONS.neardup.ngram, flags.signatureMs)
    }
    if (flags.keep) log(`kept ${work}`)
    return {
      command,
      machine: { cpus: availableParallelism(), node: process.versions.node, platform: `${process.platform}-${process.arch}` },
      corpus,
      runs,
      signatures,
    }
  } finally {
    if (!flags.keep) await rm(work, { recursive: true, force: true })
  }
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command('neardup-bench')
    .description('benchmark: generate a corpus from the dev set and clean it end to end')
    .option('--docs <n>', 'documents to generate', whole, 10_000)
    .option('--seed <n>', 'generator seed', whole, 1)
    .option('--jobs <list>', 'comma-separated --jobs values to measure', jobList, [...new Set([1, availableParallelism()])])
    .option('--reports <dir>', 'where bench.json and bench.md go', 'reports')
    .option('--corpus <file>', 'write the generated corpus here (default: a temporary folder)')
    .option('--reuse', 'with --corpus: reuse that file if it was generated with the same --docs and --seed')
    .option('--dev-set <dir>', 'dev set folder with corpus.jsonl and gold.json (default: ../shared/eval/dev)')
    .option('--no-signatures', 'skip the minhash package comparison')
    .option('--no-shared-passages', 'clean with --no-shared-passages (the costliest corpus step, reporting only)')
    .option('--signature-ms <ms>', 'run each side of the signature comparison at least this long', whole, 2000)
    .option('--keep', 'keep the temporary folder (reports, cleaned JSONL)')
    .parse(argv)
  const flags = program.opts<BenchFlags>()
  const command = `npm run bench -- ${argv.slice(2).join(' ')}`.trim().replace(/ --$/, '')
  const result = await runBench(flags, command, (line) => process.stderr.write(`bench: ${line}\n`))
  const markdown = renderMarkdown(result)
  await mkdir(flags.reports, { recursive: true })
  await writeFile(join(flags.reports, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`)
  await writeFile(join(flags.reports, 'bench.md'), markdown)
  process.stdout.write(markdown)
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])
if (invokedDirectly) await main(process.argv).catch((error: Error) => {
  process.stderr.write(`bench: ${error.message}\n`)
  process.exitCode = 1
})
