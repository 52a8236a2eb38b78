/**
 * Atomic output, tested by killing the process while it writes: every output file is then the
 * old one, the new one, or a temporary file, never a truncated file under the real name.
 */
import { spawn } from 'node:child_process'
import { cpSync, readFileSync, readdirSync, watch } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, runCli } from '../helpers/index.js'

const DOCUMENTS = 1500

/** A corpus of DOCUMENTS articles; `edition` changes every text, so old and new outputs differ. */
function corpus(edition: string): string {
  const records: string[] = []
  for (let i = 0; i < DOCUMENTS; i++) {
    const paragraphs = Array.from({ length: 12 }, (_, p) => `Paragraph ${p} of story ${i} in the ${edition} edition tells of item ${(i * 31 + p * 7) % 997}, and of what the council said about it on day ${p + 1}.`)
    records.push(JSON.stringify({ id: `story-${String(i).padStart(5, '0')}`, text: `${paragraphs.join('\n')}\n` }))
  }
  return `${records.join('\n')}\n`
}

/** Every file in `dir` by name; report.json (and the HTML report that embeds it) without timings, the one part that varies between runs. */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir).map((name) => {
      const text = readFileSync(join(dir, name), 'utf8')
      return [name, /^(?:report\.json|index\.html)$/.test(name) ? text.replace(/"timings": ?\{[^}]*\}/g, '"timings": {}') : text]
    }),
  )
}

/** Runs the CLI and SIGKILLs it as soon as a file whose name matches `trigger` appears in `dir`. */
function runAndKill(args: string[], dir: string, trigger: RegExp): Promise<{ signal: NodeJS.Signals | null; seen: string | null }> {
  return new Promise((resolve, reject) => {
    let seen: string | null = null
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' })
    const watcher = watch(dir, (_event, name) => {
      if (seen === null && name && trigger.test(name)) {
        seen = name
        child.kill('SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      watcher.close()
      resolve({ signal, seen })
    })
  })
}

const FLAGS = ['--quiet', '--no-neardup', '--jobs', '1']
let dir: string
let fresh: Map<string, string>
let old: Map<string, string>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'neardup-kill-'))
  await writeFile(join(dir, 'old.jsonl'), corpus('old'))
  await writeFile(join(dir, 'new.jsonl'), corpus('new'))
  // The expected new outputs, from a run left to finish; and the old outputs a killed run overwrites.
  expect((await runCli(['clean', join(dir, 'new.jsonl'), '--out', join(dir, 'new'), '--report', join(dir, 'new'), ...FLAGS])).code).toBe(0)
  expect((await runCli(['clean', join(dir, 'old.jsonl'), '--out', join(dir, 'old'), '--report', join(dir, 'old'), ...FLAGS])).code).toBe(0)
  fresh = snapshot(join(dir, 'new'))
  old = snapshot(join(dir, 'old'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a run killed while writing', () => {
  for (const [what, trigger] of [
    ['the cleaned texts', /^story-\d+\.txt\.tmp-/],
    ['clean.jsonl', /^clean\.jsonl\.tmp-/],
    ['report.json', /^report\.json\.tmp-/],
  ] as const) {
    it(`leaves every file whole (old, new or temporary) when killed during ${what}`, async () => {
      const out = join(dir, `out-${what.replace(/\W/g, '')}`)
      cpSync(join(dir, 'old'), out, { recursive: true })
      const killed = await runAndKill(['clean', join(dir, 'new.jsonl'), '--out', out, '--report', out, ...FLAGS], out, trigger)
      expect(killed.seen, 'the run ended before the file being watched for was written').not.toBeNull()
      // report.json is the last file: the run may finish before the signal lands, which is fine.
      if (what !== 'report.json') expect(killed.signal).toBe('SIGKILL')

      let temporary = 0
      let replaced = 0
      for (const [name, text] of snapshot(out)) {
        if (/\.tmp-\d+-[0-9a-f]+$/.test(name)) {
          temporary++
          continue
        }
        expect([old.get(name), fresh.get(name)].includes(text), `${name} is neither the old nor the new file (${text.length} chars)`).toBe(true)
        if (text === fresh.get(name) && text !== old.get(name)) replaced++
      }
      expect(temporary + replaced).toBeGreaterThan(0)

      // The next run finishes the job and sweeps the dead run's temporary files away.
      expect((await runCli(['clean', join(dir, 'new.jsonl'), '--out', out, '--report', out, ...FLAGS])).code).toBe(0)
      expect(snapshot(out)).toEqual(fresh)
    })
  }
})
