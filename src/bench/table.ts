/**
 * The bench's results as data (reports/bench.json) and as a Markdown table (reports/bench.md,
 * pasted into the README's Performance section).
 */
import type { CorpusStats } from './corpus.js'
import type { RunResult } from './run.js'
import type { SignatureSpeed } from './signatures.js'

export interface BenchResult {
  readonly command: string
  readonly machine: { readonly cpus: number; readonly node: string; readonly platform: string }
  readonly corpus: CorpusStats & { readonly seed: number }
  readonly runs: readonly RunResult[]
  readonly signatures: SignatureSpeed | null
}

/** Stages in pipeline order; any other stage a run reports is appended after these. */
const STAGE_ORDER = ['read', 'segment', 'boilerplate', 'repeats', 'corpus-summaries', 'corpus', 'corpus-lines', 'summaries', 'neardup-summaries', 'neardup', 'pairs', 'passages']

export function stageNames(runs: readonly RunResult[]): string[] {
  const seen = new Set<string>()
  for (const run of runs) for (const stage of Object.keys(run.timings)) seen.add(stage)
  return [...STAGE_ORDER.filter((stage) => seen.has(stage)), ...[...seen].filter((stage) => !STAGE_ORDER.includes(stage)).sort()]
}

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function renderMarkdown(result: BenchResult): string {
  const { corpus, runs, signatures } = result
  const stages = stageNames(runs)
  const mb = corpus.bytes / 1e6
  const lines = [
    `Corpus: ${fixed(corpus.documents, 0)} generated documents, ${fixed(mb, 1)} MB (seed ${corpus.seed}; ` +
      `${fixed(corpus.syndicated, 0)} syndicated copies, ${fixed(corpus.junkLines, 0)} junk lines, ` +
      `${fixed(corpus.repeatedParagraphs, 0)} repeated paragraphs, ${fixed(corpus.hardWrapped, 0)} hard-wrapped). ` +
      `Machine: ${result.machine.cpus} cores, Node ${result.machine.node}.`,
    '',
    `| jobs | documents/s | MB/s | MB per CPU s | wall s | CPU s | peak RSS MB | load | ${stages.map((stage) => `${stage} s`).join(' | ')} |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${stages.map(() => '---:').join(' | ')} |`,
  ]
  for (const run of runs) {
    const cells = [
      String(run.jobs),
      fixed(corpus.documents / run.seconds, 0),
      fixed(mb / run.seconds, 1),
      fixed(mb / run.cpuSeconds, 1),
      fixed(run.seconds, 1),
      fixed(run.cpuSeconds, 1),
      fixed(run.maxRssMB, 0),
      fixed(run.loadAverage, 1),
      ...stages.map((stage) => (run.timings[stage] === undefined ? '–' : fixed(run.timings[stage]! / 1000, 2))),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  if (runs.length > 1) {
    const speedup = runs[0]!.seconds / runs[runs.length - 1]!.seconds
    lines.push('', `Speed-up, ${runs[runs.length - 1]!.jobs} jobs over 1: ${fixed(speedup, 2)}x.`)
  }
  if (signatures) {
    lines.push(
      '',
      `Signatures (${signatures.numPerm} permutations, word ${signatures.ngram}-grams, the same ${fixed(signatures.documents, 0)} documents, ` +
        `${fixed(signatures.bytes / 1e6, 1)} MB, MB per CPU second): \`minhash\` package ${fixed(signatures.packageMBps, 2)} MB/s; ` +
        `ours (\`signText\`) ${fixed(signatures.oursMBps, 1)} MB/s, ${fixed(signatures.ratio, 0)}x the package; ` +
        `with the sorted shingle set for verification (\`fingerprint\`, the pipeline's call) ${fixed(signatures.fingerprintMBps, 1)} MB/s, ${fixed(signatures.fingerprintRatio, 0)}x.`,
    )
  }
  lines.push(
    '',
    'MB/s: input text (UTF-8) over wall time, whole process (start-up, reading, every stage, report.json and cleaned JSONL written). ' +
      'MB per CPU s: the same over user + system CPU time of all threads. Load: the 1-minute load average as the run ended ' +
      '(the machine is shared; above the core count, wall times are inflated). Stage columns are `stats.timings` of the report: ' +
      'read (pass 1: reading with the per-document stages on the workers), corpus (the corpus boilerplate step), summaries ' +
      '(pass 2) and neardup (clusters and shared passages) are wall time; segment, boilerplate, repeats, corpus-summaries, corpus-lines ' +
      '(recurring lines confirmed, inside corpus), neardup-summaries, pairs (candidate pairs verified, inside neardup) and passages ' +
      '(verifying shared-passage candidates, inside neardup) are thread time summed over workers. Pass 3 (rendering and writing every output) is the rest of the wall time.',
    '',
    `Command: \`${result.command}\``,
  )
  return `${lines.join('\n')}\n`
}
