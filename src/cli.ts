#!/usr/bin/env node
/**
 * The command line: a thin shell over the library. Flags → options → cleanToFiles() (the pipeline,
 * streamed to files and stdout).
 * Exit codes: 0 done; 1 some input could not be used and --strict was given, or nothing could be
 * read at all; 2 the command line itself is wrong.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { DEFAULT_OPTIONS, OptionsError, type CleanOptionsInput, type RuleSpec } from './options.js'
import { isJsonlLine, readInputs, DEFAULT_GLOB, type InputItem } from './read/index.js'
import { overwritesInput, unusableFolder } from './write/index.js'
import { cleanToFiles, type DocumentNotice } from './write/stream.js'
import { DETECTOR_DESCRIPTIONS, RULES } from './boilerplate/index.js'
import { VERSION } from './version.js'
import { loadReport, renderHtmlChunks, ReportFileError } from './report/html/index.js'
import { writeChunksAtomic } from './write/atomic.js'
import { createProgress, type Progress } from './progress/index.js'
import { mergeShards, shardPathProblem, shardWriter, ShardError, writeMergeReport, dropList, type ShardWritten } from './shard/index.js'
import type { Diagnostic, Report, ReportDocument } from './types.js'

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_INPUT = join(PACKAGE_ROOT, 'seeds')

class UsageError extends Error {}

const HTML_DOCUMENTS_HELP = `the HTML page holds the first <n> documents in id order; report.json keeps all (default: ${DEFAULT_OPTIONS.report.htmlDocuments})`

function wholeNumber(name: string, min: number) {
  return (value: string): number => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < min) throw new InvalidArgumentError(`Expected ${name} to be a whole number from ${min} up.`)
    return number
  }
}

function unitNumber(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number < 0 || number > 1) throw new InvalidArgumentError('Expected a number from 0 to 1.')
  return number
}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)]
}

interface CleanFlags {
  out?: string
  report?: string
  stdout?: boolean
  jobs?: number
  quiet?: boolean
  strict?: boolean
  glob: string
  idField: string
  textField: string
  keepDuplicates?: boolean
  canonical?: 'longest' | 'first' | 'shortest'
  threshold?: number
  boilerplate: boolean
  repeats: boolean
  neardup: boolean
  sharedPassages: boolean
  rejoin: boolean
  disableRule: string[]
  enableRule: string[]
  rules?: string
  explain?: string
  maxDocBytes?: number
  oversize?: 'skip' | 'truncate'
  htmlDocuments?: number
  shard?: string
}

async function loadRules(path: string): Promise<RuleSpec[]> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`${path}: cannot read rules (${(error as Error).message})`)
  }
  const rules = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown })?.rules
  if (!Array.isArray(rules)) throw new UsageError(`${path}: expected a JSON array of rules, or {"rules": [...]}`)
  return rules.map((rule: unknown, index: number) => {
    const spec = rule as Partial<RuleSpec>
    if (typeof spec?.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(spec.id)) {
      throw new UsageError(`${path}: rule ${index + 1}: expected "id" to be a kebab-case string`)
    }
    if (typeof spec.pattern !== 'string') throw new UsageError(`${path}: rule ${spec.id}: expected "pattern" to be a string`)
    try {
      new RegExp(spec.pattern, spec.flags ?? 'u')
    } catch (error) {
      throw new UsageError(`${path}: rule ${spec.id}: invalid pattern (${(error as Error).message})`)
    }
    if (spec.zone !== undefined && !['top', 'bottom', 'anywhere'].includes(spec.zone)) {
      throw new UsageError(`${path}: rule ${spec.id}: expected "zone" to be top, bottom or anywhere`)
    }
    return { description: '', ...spec } as RuleSpec
  })
}

async function toOptions(flags: CleanFlags): Promise<CleanOptionsInput> {
  return {
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    input: {
      ...(flags.maxDocBytes !== undefined ? { maxDocBytes: flags.maxDocBytes } : {}),
      ...(flags.oversize ? { oversize: flags.oversize } : {}),
    },
    segment: { rejoin: flags.rejoin },
    boilerplate: {
      enabled: flags.boilerplate,
      disable: flags.disableRule,
      enable: flags.enableRule,
      extraRules: flags.rules ? await loadRules(flags.rules) : [],
    },
    repeats: { enabled: flags.repeats },
    neardup: {
      enabled: flags.neardup,
      sharedPassages: flags.sharedPassages,
      ...(flags.canonical ? { canonical: flags.canonical } : {}),
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
    },
    report: flags.htmlDocuments !== undefined ? { htmlDocuments: flags.htmlDocuments } : {},
  }
}

/** File names and messages come from the data: control and bidi characters are shown escaped, so a message stays one honest line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.line !== undefined ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file
  return `neardup: ${diagnostic.severity}: ${printable(place)}: ${printable(diagnostic.message)}`
}

/** One document's decisions, as a linter prints its messages. */
export function explainDocument(document: ReportDocument | null, id: string): string {
  if (!document) throw new UsageError(`--explain: no document with id "${id}"`)
  const lines = [`${document.id}: ${document.status}${document.reason ? ` (${document.reason})` : ''}`]
  for (const removed of document.removed) {
    const place = removed.endLine !== undefined ? `${removed.line}-${removed.endLine}` : `${removed.line}`
    lines.push(`  ${place.padEnd(7)} ${`${removed.kind}:${removed.rule}`.padEnd(28)} ${removed.text.slice(0, 70)}`)
    lines.push(`  ${''.padEnd(7)} ${''.padEnd(28)} ↳ ${removed.reason}`)
  }
  for (const joined of document.joined) lines.push(`  ${`${joined.line}-${joined.endLine}`.padEnd(7)} joined (hard wrap)`)
  if (document.removed.length === 0) lines.push('  nothing removed')
  return `${lines.join('\n')}\n`
}

function summary(frame: Omit<Report, 'documents'>): string {
  const { documents, lines } = frame.stats
  return (
    `neardup: ${documents.in} documents: ${documents.kept} kept, ${documents.duplicate} duplicate, ` +
    `${documents.empty} empty, ${documents.skipped} skipped; removed ${lines.removed.boilerplate} boilerplate ` +
    `and ${lines.removed.repeat} repeated lines; ${frame.clusters.length} clusters\n`
  )
}

/** One line per document problem not already said by a diagnostic: warnings, and skips. */
function reportDocuments(notices: readonly DocumentNotice[], diagnostics: readonly Diagnostic[], quiet: boolean): void {
  const said = new Set(diagnostics.map((diagnostic) => `${diagnostic.file}\0${diagnostic.line ?? ''}`))
  for (const document of notices) {
    const place = { file: document.source.file, ...(document.source.line !== undefined ? { line: document.source.line } : {}) }
    if (!quiet) for (const message of document.warnings) process.stderr.write(`${formatDiagnostic({ severity: 'warning', code: 'document', ...place, message })}\n`)
    if (document.status === 'skipped' && !said.has(`${place.file}\0${place.line ?? ''}`)) {
      process.stderr.write(`${formatDiagnostic({ severity: 'error', code: 'skipped', ...place, message: `skipped: ${document.reason ?? 'unusable'}` })}\n`)
    }
  }
}

/** A reader that closes the pipe early (`| head`) ends the output, not the process with a stack trace. */
function endQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    process.stderr.write(`neardup: cannot write to stdout (${error.code ?? error.message})\n`)
    process.exit(1)
  })
}

/** Bytes on disk of the file inputs, for the progress bar's ETA; null when unknown (stdin, directories). */
async function inputBytes(sources: readonly string[]): Promise<number | null> {
  let total = 0
  for (const source of sources) {
    if (source === '-') return null
    const info = await stat(source).catch(() => null)
    if (info === null || !info.isFile()) return null
    total += info.size
  }
  return total
}

async function* counted(inputs: AsyncIterable<InputItem>, progress: Progress): AsyncGenerator<InputItem> {
  for await (const input of inputs) {
    progress.document(isJsonlLine(input) ? input.jsonl.length : Buffer.byteLength(input.text))
    yield input
  }
}

async function runClean(inputs: string[], flags: CleanFlags): Promise<number> {
  const options = await toOptions(flags)
  if (flags.stdout) endQuietlyOnBrokenPipe()
  const diagnostics: Diagnostic[] = []
  const sources = inputs.length > 0 ? inputs : [DEFAULT_INPUT]
  // Only for a person watching: never in a pipe or a log, never with --quiet.
  const progress = !flags.quiet && process.stderr.isTTY ? createProgress(process.stderr, await inputBytes(sources)) : null
  const onDiagnostic = (diagnostic: Diagnostic): void => {
    diagnostics.push(diagnostic)
    progress?.stop()
    if (!flags.quiet || diagnostic.severity === 'error') process.stderr.write(`${formatDiagnostic(diagnostic)}\n`)
  }
  for (const [flag, dir] of [['--out', flags.out], ['--report', flags.report]] as const) {
    const problem = dir === undefined ? null : await unusableFolder(dir)
    if (problem) throw new UsageError(`${flag} ${problem}`)
  }
  const clash = flags.out ? await overwritesInput(flags.out, sources) : null
  if (clash) throw new UsageError(clash)
  if (flags.shard !== undefined && !flags.neardup) throw new UsageError('--shard carries near-duplicate signatures: it cannot be used with --no-neardup')
  const shardProblem = flags.shard === undefined ? null : await shardPathProblem(flags.shard, sources)
  if (shardProblem) throw new UsageError(shardProblem)
  const read = readInputs(sources, { glob: flags.glob, idField: flags.idField, textField: flags.textField, onDiagnostic })
  const documents = progress ? counted(read, progress) : read
  let shard: ShardWritten | null = null
  const context = {
    diagnostics,
    ...(progress ? { onStage: (stage: string) => progress.stage(stage) } : {}),
    ...(flags.shard !== undefined ? { onClusterSummaries: shardWriter(flags.shard, (written) => (shard = written)) } : {}),
  }
  const result = await cleanToFiles(documents, options, context, {
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.report ? { report: flags.report } : {}),
    ...(flags.stdout ? { stdout: process.stdout } : {}),
    ...(flags.explain !== undefined ? { explain: flags.explain } : {}),
    keepDuplicates: flags.keepDuplicates ?? false,
  })
  progress?.stop()
  reportDocuments(result.notices, diagnostics, flags.quiet ?? false)
  if (flags.explain !== undefined) process.stdout.write(explainDocument(result.explained, flags.explain))
  if (!flags.quiet) process.stderr.write(summary(result.frame))
  const written = shard as ShardWritten | null
  if (!flags.quiet && written !== null) process.stderr.write(`neardup: shard ${written.path}: ${written.documents} documents, ${written.bytes} bytes\n`)
  const skipped = result.frame.stats.documents.skipped
  const errors = diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  if (result.count === 0 && errors) return 1
  return flags.strict && (skipped > 0 || errors) ? 1 : 0
}

export function buildProgram(): Command {
  const program = new Command('neardup')
    .description('Clean text corpora: near-duplicate documents, repeated paragraphs and syndication junk, with a reason for every removal.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')

  program
    .command('clean')
    .description('clean documents and write cleaned texts and a report')
    .argument('[inputs...]', 'files, directories, .jsonl files, or - for JSONL on stdin (default: the bundled seeds/)')
    .option('-o, --out <dir>', 'write one <id>.txt per kept document and clean.jsonl here')
    .option('-r, --report <dir>', 'write report.json and index.html here')
    .option('--stdout', 'write cleaned documents as JSONL to stdout')
    .option('-j, --jobs <n>', 'worker threads (output is the same whatever the number)', wholeNumber('--jobs', 1))
    .option('-q, --quiet', 'print errors only')
    .option('--strict', 'exit 1 when any input is skipped or malformed')
    .option('--glob <pattern>', 'files to read inside directories', DEFAULT_GLOB)
    .option('--id-field <name>', 'JSONL field that holds the id', 'id')
    .option('--text-field <name>', 'JSONL field that holds the text', 'text')
    .option('--keep-duplicates', 'also write near-duplicates to --out and --stdout')
    .addOption(new Option('--canonical <policy>', 'which member of a cluster is kept').choices(['longest', 'first', 'shortest']))
    .option('--threshold <jaccard>', 'near-duplicate Jaccard threshold (0..1)', unitNumber)
    .option('--no-boilerplate', 'do not strip boilerplate')
    .option('--no-repeats', 'do not remove repeated paragraphs')
    .option('--no-neardup', 'do not look for near-duplicate documents')
    .option('--no-shared-passages', 'do not report passages shared across clusters (reporting only; the costliest corpus step)')
    .option('--no-rejoin', 'do not rejoin hard-wrapped lines')
    .option('--disable-rule <ids>', 'switch off boilerplate rules by id (comma-separated, repeatable)', list, [])
    .option('--enable-rule <ids>', 'switch on opt-in boilerplate rules by id', list, [])
    .option('--rules <file>', 'add pattern rules from a JSON file')
    .option('--explain <id>', "print one document's decisions")
    .option('--max-doc-bytes <n>', 'documents larger than this many UTF-8 bytes are skipped or truncated (0: no limit; default 64 MiB)', wholeNumber('--max-doc-bytes', 0))
    .option('--html-documents <n>', HTML_DOCUMENTS_HELP, wholeNumber('--html-documents', 0))
    .addOption(new Option('--oversize <policy>', 'what happens to a document over --max-doc-bytes: skip it, or truncate it at a line end').choices(['skip', 'truncate']))
    .option('--shard <file>', "also write this part's signatures to a shard file, for `neardup merge` (README \"Shards\")")
    .addHelpText(
      'after',
      `
Examples:
  $ neardup clean seeds --out out --report reports
  $ neardup clean corpus.jsonl --report dev-report --quiet
  $ cat corpus.jsonl | neardup clean - --stdout > clean.jsonl
  $ neardup clean articles/ --glob '**/*.txt' --disable-rule byline --explain 003.txt
  $ neardup clean part-a.jsonl --out out-a --shard a.ndshard`,
    )
    .action(async (inputs: string[], flags: CleanFlags) => {
      process.exitCode = await runClean(inputs, flags)
    })

  program
    .command('merge')
    .description('cluster the documents of several shards (from clean --shard) once, as one run over the whole corpus would')
    .argument('<shards...>', 'shard files written by neardup clean --shard')
    .option('-r, --report <dir>', 'write duplicates.json (clusters, every duplicate with its evidence) and drop.txt (ids to drop) here')
    .option('--stdout', 'write the ids to drop to stdout, one a line')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Examples:
  $ neardup merge a.ndshard b.ndshard --report merged
  $ neardup merge shards/*.ndshard --stdout > drop.txt`,
    )
    .action(async (paths: string[], flags: { report?: string; stdout?: boolean; quiet?: boolean }) => {
      if (flags.report === undefined && !flags.stdout) throw new UsageError('merge: say where the result goes: --report <dir>, --stdout, or both')
      const problem = flags.report === undefined ? null : await unusableFolder(flags.report)
      if (problem) throw new UsageError(`--report ${problem}`)
      const merged = mergeShards(paths)
      if (flags.report !== undefined) await writeMergeReport(merged, flags.report)
      if (flags.stdout) {
        endQuietlyOnBrokenPipe()
        process.stdout.write(dropList(merged))
      }
      const { documents, clusters, duplicates } = merged.stats
      if (!flags.quiet) process.stderr.write(`neardup: ${documents} documents in ${merged.shards.length} shards: ${clusters} clusters, ${duplicates} duplicates\n`)
    })

  program
    .command('report')
    .description('render a saved report.json as the HTML report')
    .argument('<report.json>', 'a report written by neardup clean --report')
    .option('-o, --out <file>', 'where to write the page (default: index.html next to report.json)')
    .option('--html-documents <n>', HTML_DOCUMENTS_HELP, wholeNumber('--html-documents', 0))
    .action(async (path: string, flags: { out?: string; htmlDocuments?: number }) => {
      const out = flags.out ?? join(dirname(path), 'index.html')
      const page = flags.htmlDocuments !== undefined ? { htmlDocuments: flags.htmlDocuments } : {}
      await writeChunksAtomic(out, renderHtmlChunks(await loadReport(path), page))
    })

  program
    .command('rules')
    .description('list the boilerplate rules with their ids and an example each')
    .action(() => {
      for (const rule of RULES) {
        const zone = rule.optIn ? `${rule.zone}, opt-in` : rule.zone
        process.stdout.write(`${rule.id.padEnd(22)} ${zone.padEnd(18)} ${rule.description}\n${''.padEnd(41)} e.g. ${rule.examples.remove[0] ?? ''}\n`)
      }
      for (const [id, description] of Object.entries(DETECTOR_DESCRIPTIONS)) process.stdout.write(`${id.padEnd(22)} ${'detector'.padEnd(18)} ${description}\n`)
    })

  return program
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  program.exitOverride()
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) })
  for (const command of program.commands) command.exitOverride()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      return 2
    }
    if (error instanceof ReportFileError || error instanceof ShardError) {
      process.stderr.write(`neardup: ${error.message}\n`)
      return 1
    }
    if (error instanceof UsageError || error instanceof OptionsError) {
      process.stderr.write(`neardup: ${error.message}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException).code
    process.stderr.write(`neardup: ${code ? `${code}: ` : ''}${(error as Error).message}\n`)
    return 1
  }
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1])
if (invokedDirectly) {
  // A bug must still end in one line, not a stack trace (NEARDUP_DEBUG=1 shows the trace).
  const internal = (error: unknown): void => {
    process.stderr.write(`neardup: internal error: ${process.env.NEARDUP_DEBUG ? (error as Error).stack : (error as Error).message}\n`)
    process.exit(1)
  }
  process.on('uncaughtException', internal)
  process.on('unhandledRejection', internal)
  process.exitCode = await main(process.argv)
}
