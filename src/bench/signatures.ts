/**
 * Signature speed, the `minhash` package against ours, on the same documents in the same run.
 * The package is slow (it rehashes each shingle once per permutation), so both sides sign the same
 * sample and the ratio is of MB/s on that sample.
 */
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { DEFAULT_OPTIONS } from '../options.js'
import { normalize } from '../segment/index.js'

export interface SignatureSpeed {
  /** Documents in the sample both sides signed. */
  readonly documents: number
  readonly bytes: number
  readonly numPerm: number
  readonly ngram: number
  /** MB/s (10^6 bytes of UTF-8 text per second). */
  readonly packageMBps: number
  /** `signText` of `src/neardup/`; null when it exports none. */
  readonly oursMBps: number | null
  /** ours / package. */
  readonly ratio: number | null
}

interface PackageMinhash {
  update(shingle: string): void
  hashvalues: number[]
}
type PackageMinhashClass = new (config: { numPerm: number; seed?: number }) => PackageMinhash

/** A text → signature function: ours, once `src/neardup/` exports one. */
export type Signer = (text: string) => Uint32Array

const require = createRequire(import.meta.url)

/** The package's documented use: one `update()` per shingle string (word n-grams, lower-cased). */
function packageSign(Minhash: PackageMinhashClass, text: string, numPerm: number, ngram: number): number[] {
  const minhash = new Minhash({ numPerm })
  const words = text.toLowerCase().split(/\s+/u).filter(Boolean)
  for (let i = 0; i + ngram <= words.length; i++) minhash.update(words.slice(i, i + ngram).join(' '))
  return minhash.hashvalues
}

/** Runs `work` over the sample until at least `minMs` have passed; returns MB/s. */
function speed(texts: readonly string[], bytes: number, minMs: number, work: (text: string) => unknown): number {
  let rounds = 0
  const start = performance.now()
  let elapsed = 0
  do {
    for (const text of texts) work(text)
    rounds++
    elapsed = performance.now() - start
  } while (elapsed < minMs)
  return (bytes * rounds) / 1e6 / (elapsed / 1000)
}

type SignText = (text: string, settings: { ngram: number; charNgram: number; numPerm: number; seed: number }) => Uint32Array

/** Our kernel, `signText` from `src/neardup/` (looked up by name, so the bench builds before it lands). */
export async function loadOurSigner(numPerm: number, ngram: number): Promise<Signer | null> {
  const neardup = (await import('../neardup/index.js')) as Record<string, unknown>
  const signText = neardup['signText'] as SignText | undefined
  if (typeof signText !== 'function') return null
  const defaults = DEFAULT_OPTIONS.neardup as unknown as Record<string, unknown>
  const charNgram = typeof defaults['charNgram'] === 'number' ? defaults['charNgram'] : 5
  const settings = { charNgram, numPerm, ngram, seed: DEFAULT_OPTIONS.neardup.seed }
  return (text) => signText(text, settings)
}

/**
 * Both sides get the same normalised texts (the pipeline's matching key, made before signing in
 * production too), so the timer covers tokenising, hashing and signing on each side.
 */
export async function measureSignatures(raw: readonly string[], numPerm: number, ngram: number, minMs = 2000): Promise<SignatureSpeed> {
  const { Minhash } = require('minhash') as { Minhash: PackageMinhashClass }
  const texts = raw.map((text) => normalize(text))
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const packageMBps = speed(texts, bytes, minMs, (text) => packageSign(Minhash, text, numPerm, ngram))
  const ours = await loadOurSigner(numPerm, ngram)
  const oursMBps = ours ? speed(texts, bytes, minMs, ours) : null
  return {
    documents: texts.length,
    bytes,
    numPerm,
    ngram,
    packageMBps,
    oursMBps,
    ratio: oursMBps === null ? null : oursMBps / packageMBps,
  }
}
