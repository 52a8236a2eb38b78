/**
 * Memory while streaming JSONL from stdin to stdout: the peak RSS of the spawned CLI, measured on a
 * corpus and on one four times larger. Bounded means the larger corpus costs less extra memory
 * than its extra input (only compact per-document state may stay resident).
 */
import { spawn } from 'node:child_process'
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

describe('memory when streaming stdin to stdout', () => {
  // The pipeline keeps a few hundred bytes per document on the main thread and the text in the
  // spool on disk (README "Performance"), so four times the input costs less extra memory than the
  // extra input itself. Before the spool it cost about ten times the extra input.
  it('is bounded: 4x the input costs less extra memory than the extra input', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'small.jsonl'), corpus(4))
      await writeFile(join(dir, 'large.jsonl'), corpus(16))
      const small = await peakRss(join(dir, 'small.jsonl'), join(dir, 'rss-small'))
      const large = await peakRss(join(dir, 'large.jsonl'), join(dir, 'rss-large'))
      const extraInput = 12 * 1024 * 1024
      console.log(`peak RSS: ${(small / 2 ** 20).toFixed(0)} MB for 4 MB of JSONL, ${(large / 2 ** 20).toFixed(0)} MB for 16 MB`)
      expect(large - small).toBeLessThan(extraInput)
    })
  })
})
