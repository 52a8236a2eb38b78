/**
 * Signature speed, the `minhash` package against ours, on the same documents in the same run.
 * The package is slow (it rehashes each shingle once per permutation), so both sides sign the same
 * sample and the ratio is of MB/s on that sample.
 *
 * What each timer covers (texts are normalised beforehand, outside every timer: in the pipeline
 * that is the segment stage's work, done once for every purpose):
 * - the package: lower-casing, splitting into words, joining each word n-gram into a string and one
 *   `update()` per n-gram, its documented use;
 * - ours, `signText()`: choosing word or character shingles, scanning and hashing the shingles,
 *   one-permutation signing: the functions the pipeline's `fingerprint()` calls for the signature;
 * - ours, `fingerprint()`: the pipeline's per-document call itself, which also sorts the distinct
 *   shingles for verification (work the package does not do).
 * Speeds are over CPU time (user + system of the process, GC threads included), not wall time:
 * the machine is shared, and CPU time is what other sessions' load disturbs least.
 */
import { createRequire } from 'node:module'
import { fingerprint, signText } from '../neardup/index.js'
import { DEFAULT_OPTIONS } from '../options.js'
import { normalize } from '../segment/index.js'

export interface SignatureSpeed {
  /** Documents in the sample both sides signed. */
  readonly documents: number
  readonly bytes: number
  readonly numPerm: number
  readonly ngram: number
  /** MB/s (10^6 bytes of UTF-8 text per CPU second). */
  readonly packageMBps: number
  /** `signText()`: text → signature, as the package does. */
  readonly oursMBps: number
  /** ours / package. */
  readonly ratio: number
  /** `fingerprint()`: text → signature + sorted distinct shingles, the pipeline's per-document call. */
  readonly fingerprintMBps: number
  /** fingerprint / package. */
  readonly fingerprintRatio: number
}

interface PackageMinhash {
  update(shingle: string): void
  hashvalues: number[]
}
type PackageMinhashClass = new (config: { numPerm: number; seed?: number }) => PackageMinhash

const require = createRequire(import.meta.url)

/** The package's documented use: one `update()` per shingle string (word n-grams, lower-cased). */
function packageSign(Minhash: PackageMinhashClass, text: string, numPerm: number, ngram: number): number[] {
  const minhash = new Minhash({ numPerm })
  const words = text.toLowerCase().split(/\s+/u).filter(Boolean)
  for (let i = 0; i + ngram <= words.length; i++) minhash.update(words.slice(i, i + ngram).join(' '))
  return minhash.hashvalues
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** Runs `work` over the sample until at least `minMs` of CPU time have passed; returns MB per CPU second. */
function speed(texts: readonly string[], bytes: number, minMs: number, work: (text: string) => unknown): number {
  let rounds = 0
  const start = process.cpuUsage()
  let elapsed = 0
  do {
    for (const text of texts) work(text)
    rounds++
    elapsed = cpuMs(start)
  } while (elapsed < minMs)
  return (bytes * rounds) / 1e6 / (Math.max(elapsed, 0.001) / 1000)
}

export async function measureSignatures(raw: readonly string[], numPerm: number, ngram: number, minMs = 2000): Promise<SignatureSpeed> {
  const { Minhash } = require('minhash') as { Minhash: PackageMinhashClass }
  const texts = raw.map((text) => normalize(text))
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const settings = { ngram, charNgram: DEFAULT_OPTIONS.neardup.charNgram, numPerm, seed: DEFAULT_OPTIONS.neardup.seed }
  const packageMBps = speed(texts, bytes, minMs, (text) => packageSign(Minhash, text, numPerm, ngram))
  const oursMBps = speed(texts, bytes, minMs, (text) => signText(text, settings))
  const fingerprintMBps = speed(texts, bytes, minMs, (text) => fingerprint(text, settings))
  return {
    documents: texts.length,
    bytes,
    numPerm,
    ngram,
    packageMBps,
    oursMBps,
    ratio: oursMBps / packageMBps,
    fingerprintMBps,
    fingerprintRatio: fingerprintMBps / packageMBps,
  }
}
