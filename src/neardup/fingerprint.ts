/**
 * A document's compact state for near-duplicate search: its shingle set (for verification), its
 * MinHash signature (for LSH) and its length (for the canonical policy). This is also the API the
 * benchmark times: `fingerprint()` for one text, `signText()`/`signTexts()` in minhash.ts.
 */
import { signOnePermutation } from './minhash.js'
import { distinctShingles, scanShingles, shingleMode, type ShingleMode } from './shingle.js'

export interface FingerprintSettings {
  readonly ngram: number
  readonly charNgram: number
  readonly numPerm: number
  readonly seed: number
}

export interface Fingerprint {
  readonly mode: ShingleMode
  /** Shingles in the text, repeats included. */
  readonly length: number
  /** Sorted, distinct shingle hashes. */
  readonly shingles: Uint32Array
  readonly signature: Uint32Array
}

/** Fingerprint of one normalised text: one scan, one sort, one signature from the distinct shingles. */
export function fingerprint(text: string, settings: FingerprintSettings): Fingerprint {
  const mode = shingleMode(text)
  const length = scanShingles(text, mode, settings)
  const shingles = distinctShingles(length)
  return { mode, length, shingles, signature: signOnePermutation(shingles, settings.numPerm, settings.seed) }
}
