/**
 * Memory: what the main thread keeps per document. Measured two ways on a corpus and on one four
 * times larger: the live heap once every corpus decision is made (after full garbage collections),
 * which is the state the pipeline keeps; and the peak RSS of the CLI streaming stdin to stdout,
 * which also counts the garbage collector's slack and so only bounds it loosely at this size.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createReadStream, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, devCorpus, withTempDir } from '../helpers/index.js'

const PRELOAD = join(import.meta.dirname, 'fixtures', 'report-rss.cjs')

/** About `megabytes` MB of JSONL: dev-set articles, each copy with a new id and first line. */
function corpus(megabytes: number): string {
  const documents = devCorpus()
  const lines: string[] = []
  let bytes = 0
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const line = JSON.stringify({ id: `copy-${i}`, text: `Edition ${i}\n${documents[i % documents.length]!.text}` })
    lines.push(line)
    bytes += Buffer.byteLength(line) + 1
  }
  return `${lines.join('\n')}\n`
}

/** Peak RSS in bytes of `neardup clean - --stdout` on `input`, its stdout discarded. */
function peakRss(input: string, rssFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, 'clean', '-', '--stdout', '--quiet', '--jobs', '1'], {
      stdio: ['pipe', 'ignore', 'inherit'],
      env: { ...process.env, NEARDUP_RSS_FILE: rssFile },
    })
    createReadStream(input).pipe(child.stdin)
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(Number(readFileSync(rssFile, 'utf8'))) : reject(new Error(`exit ${code}`))))
  })
}

const RETAINED = join(import.meta.dirname, 'fixtures', 'retained.mjs')

/** Live bytes on the main thread (heap + array buffers) after the corpus decisions, --jobs 1. */
function retainedBytes(input: string): number {
  return Number(execFileSync(process.execPath, ['--expose-gc', RETAINED, input], { encoding: 'utf8' }).trim())
}

describe('memory', () => {
  // The text lives in the spool on disk (README "Performance"); the main thread keeps its summaries,
  // decisions and clusters. Before the spool it kept every document: about ten times the input.
  it('kept per document is less than its text: 4x the input adds less live memory than the extra input', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'small.jsonl'), corpus(4))
      await writeFile(join(dir, 'large.jsonl'), corpus(16))
      const small = retainedBytes(join(dir, 'small.jsonl'))
      const large = retainedBytes(join(dir, 'large.jsonl'))
      const extraInput = 12 * 1024 * 1024
      console.log(`live after the corpus decisions: ${(small / 2 ** 20).toFixed(1)} MB for 4 MB of JSONL, ${(large / 2 ** 20).toFixed(1)} MB for 16 MB`)
      // About half on this corpus, where every document is a near-duplicate (cluster members, decisions).
      expect(large - small).toBeLessThan(extraInput)
    })
  })

  it('streaming stdin to stdout: 4x the input costs less extra peak RSS than 12 times the extra input (GC slack included)', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'small.jsonl'), corpus(4))
      await writeFile(join(dir, 'large.jsonl'), corpus(16))
      const small = await peakRss(join(dir, 'small.jsonl'), join(dir, 'rss-small'))
      const large = await peakRss(join(dir, 'large.jsonl'), join(dir, 'rss-large'))
      const extraInput = 12 * 1024 * 1024
      console.log(`peak RSS: ${(small / 2 ** 20).toFixed(0)} MB for 4 MB of JSONL, ${(large / 2 ** 20).toFixed(0)} MB for 16 MB`)
      // Holding the corpus cost about 30x the extra input (160 MB → 340 MB for 2 → 8 MB); the spool about 10x, mostly heap slack.
      expect(large - small).toBeLessThan(12 * extraInput)
    })
  })
})
