/**
 * MinHash signatures in typed arrays. Two estimators of the same Jaccard similarity:
 * - one-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle is
 *   hashed once and lands in one of `numPerm` bins; empty bins borrow from a bin picked by a fixed
 *   probe sequence, the same for every document. The production signer (see README for figures).
 * - classic k-permutation MinHash: `numPerm` hash functions per shingle. Kept as the yardstick.
 * Permutation parameters are derived from the seed once and shared; nothing is allocated per
 * document except the signature itself.
 */
import { mix32, scanShingles, scratchShingles, shingleMode, type ShingleSettings } from './shingle.js'

export type MinHashScheme = 'one-permutation' | 'classic'

export interface SignSettings extends ShingleSettings {
  readonly numPerm: number
  readonly seed: number
}

const EMPTY = 0xffffffff
let filled = new Uint8Array(128)
/** Probes precomputed per bin for densification; a bin that needs more computes them on the fly. */
const PROBES = 16
const donorCache = new Map<string, Uint16Array>()

/** Bin picked by attempt `attempt` (1, 2, …) of empty bin `bin`'s probe sequence: the same for every document. */
function donorBin(bin: number, attempt: number, numPerm: number, salt: number): number {
  const probe = mix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ salt)
  return ((probe >>> 16) * numPerm) >>> 16
}

/** The first PROBES donors of every bin, derived from (numPerm, seed) once. */
function donorTable(numPerm: number, salt: number): Uint16Array {
  const key = `${numPerm}:${salt}`
  let table = donorCache.get(key)
  if (!table) {
    table = new Uint16Array(numPerm * PROBES)
    for (let bin = 0; bin < numPerm; bin++) for (let attempt = 1; attempt <= PROBES; attempt++) table[bin * PROBES + attempt - 1] = donorBin(bin, attempt, numPerm, salt)
    donorCache.set(key, table)
  }
  return table
}

/** One-permutation hashing with optimal densification over precomputed shingle hashes. */
export function signOnePermutation(shingles: Uint32Array, numPerm: number, seed: number, out: Uint32Array = new Uint32Array(numPerm)): Uint32Array {
  if (filled.length < numPerm) filled = new Uint8Array(numPerm)
  out.fill(EMPTY)
  const mark = filled
  mark.fill(0, 0, numPerm)
  const salt = mix32(seed ^ 0x5bd1e995)
  for (let i = 0; i < shingles.length; i++) {
    const h = mix32(shingles[i]! ^ salt)
    // Bin from the high 16 bits (numPerm <= 4096), value from an independent remix.
    const bin = ((h >>> 16) * numPerm) >>> 16
    const value = mix32(h + 0x9e3779b9)
    if (value < out[bin]!) out[bin] = value
    else if (value === EMPTY) mark[bin] = 1 // a real value equal to the empty marker (1 in 2^32)
  }
  let used = 0
  for (let bin = 0; bin < numPerm; bin++) {
    if (out[bin] !== EMPTY) mark[bin] = 1
    used += mark[bin]!
  }
  if (used === 0 || used === numPerm) return out
  const donors = donorTable(numPerm, salt)
  for (let bin = 0; bin < numPerm; bin++) {
    if (mark[bin] === 1) continue
    // Optimal densification: probe bins with a hash of (bin, attempt) until a filled one is found.
    for (let attempt = 1; ; attempt++) {
      const donor = attempt <= PROBES ? donors[bin * PROBES + attempt - 1]! : donorBin(bin, attempt, numPerm, salt)
      if (mark[donor] === 1) {
        out[bin] = out[donor]!
        break
      }
    }
  }
  return out
}

const permutationCache = new Map<string, Uint32Array>()

/** (multiplier, addend) per permutation, derived from the seed; multipliers are odd. */
function permutations(numPerm: number, seed: number): Uint32Array {
  const key = `${numPerm}:${seed}`
  let table = permutationCache.get(key)
  if (!table) {
    table = new Uint32Array(numPerm * 2)
    let state = mix32(seed + 0x2545f491)
    for (let i = 0; i < table.length; i++) {
      state = mix32(state + 0x9e3779b9)
      table[i] = i % 2 === 0 ? state | 1 : state
    }
    permutationCache.set(key, table)
  }
  return table
}

/** Classic MinHash: permutation i maps a shingle h to mix32(a_i·h + b_i), a bijection on 32 bits. */
export function signClassic(shingles: Uint32Array, numPerm: number, seed: number, out: Uint32Array = new Uint32Array(numPerm)): Uint32Array {
  const table = permutations(numPerm, seed)
  out.fill(EMPTY)
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i]!
    for (let p = 0; p < numPerm; p++) {
      const value = mix32(Math.imul(h, table[2 * p]!) + table[2 * p + 1]!)
      if (value < out[p]!) out[p] = value
    }
  }
  return out
}

/** Signs one normalised text: shingles are scanned into a scratch buffer and never materialised. */
export function signText(text: string, settings: SignSettings, scheme: MinHashScheme = 'one-permutation'): Uint32Array {
  const count = scanShingles(text, shingleMode(text), settings)
  const shingles = scratchShingles(count)
  return scheme === 'classic' ? signClassic(shingles, settings.numPerm, settings.seed) : signOnePermutation(shingles, settings.numPerm, settings.seed)
}

/** Signs many texts into one matrix: row i (numPerm values) is text i's signature. */
export function signTexts(texts: readonly string[], settings: SignSettings, scheme: MinHashScheme = 'one-permutation'): Uint32Array {
  const matrix = new Uint32Array(texts.length * settings.numPerm)
  texts.forEach((text, i) => {
    const count = scanShingles(text, shingleMode(text), settings)
    const row = matrix.subarray(i * settings.numPerm, (i + 1) * settings.numPerm)
    if (scheme === 'classic') signClassic(scratchShingles(count), settings.numPerm, settings.seed, row)
    else signOnePermutation(scratchShingles(count), settings.numPerm, settings.seed, row)
  })
  return matrix
}

/** Share of equal positions: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++
  return a.length === 0 ? 0 : equal / a.length
}
