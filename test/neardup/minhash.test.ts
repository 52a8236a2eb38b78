/**
 * Estimator accuracy: our signatures (one-permutation with optimal densification, and classic)
 * and the `minhash` package estimate the exact Jaccard of the dev set's pairs within sampling error.
 */
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { estimateJaccard, signClassic, signOnePermutation, signText, signTexts } from '../../src/neardup/minhash.js'
import { shingleSet } from '../../src/neardup/shingle.js'
import { overlap } from '../../src/neardup/verify.js'
import { normalize } from '../../src/segment/normalize.js'
import { DEV_GOLD, readGold } from '../helpers/index.js'

const require = createRequire(import.meta.url)
const { Minhash } = require('minhash') as { Minhash: new (config?: { numPerm?: number }) => { update(s: string): void; hashvalues: number[] } }

const SETTINGS = { ngram: 5, charNgram: 4, numPerm: 128, seed: 1 }
let sets: Uint32Array[] = []
let pairs: Array<[number, number, number]> = [] // i, j, exact Jaccard

beforeAll(() => {
  const gold = readGold(DEV_GOLD)
  const ids = Object.keys(gold.documents).sort()
  const position = new Map(ids.map((id, i) => [id, i]))
  sets = ids.map((id) => shingleSet(normalize(gold.documents[id]!.clean), 'word', SETTINGS))
  for (const cluster of gold.clusters ?? []) {
    const members = cluster.members.map((id) => position.get(id)!)
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) pairs.push([members[a]!, members[b]!, 0])
  }
  // and neighbours in id order, mostly unrelated: the low end of the range
  for (let i = 0; i + 1 < ids.length; i += 3) pairs.push([i, i + 1, 0])
  pairs = pairs.map(([i, j]) => [i, j, overlap(sets[i]!, sets[j]!).jaccard])
})

function errors(signatures: readonly Uint32Array[], subset = pairs): { rmse: number; bias: number } {
  let squares = 0
  let sum = 0
  for (const [i, j, exact] of subset) {
    const error = estimateJaccard(signatures[i]!, signatures[j]!) - exact
    squares += error * error
    sum += error
  }
  return { rmse: Math.sqrt(squares / subset.length), bias: sum / subset.length }
}

describe('MinHash estimators against exact Jaccard on the dev pairs', () => {
  it('one-permutation hashing with optimal densification: RMSE within sampling error, no bias', () => {
    const { rmse, bias } = errors(sets.map((set) => signOnePermutation(set, 128, 1)))
    expect(pairs.length).toBeGreaterThan(900)
    expect(rmse).toBeLessThan(0.035) // sqrt(J(1-J)/128) <= 0.044
    expect(Math.abs(bias)).toBeLessThan(0.01)
  })

  it('classic k-permutation MinHash: the same', () => {
    const { rmse, bias } = errors(sets.map((set) => signClassic(set, 128, 1)))
    expect(rmse).toBeLessThan(0.035)
    expect(Math.abs(bias)).toBeLessThan(0.01)
  })

  it('the minhash package estimates the same pairs within the same error', () => {
    const subset = pairs.filter(([i, j]) => i < 150 && j < 150)
    const used = new Set(subset.flatMap(([i, j]) => [i, j]))
    const signatures = sets.map((set, i) => {
      if (!used.has(i)) return new Uint32Array(128)
      const minhash = new Minhash({ numPerm: 128 })
      for (const hash of set) minhash.update(String(hash))
      return Uint32Array.from(minhash.hashvalues)
    })
    const reference = errors(signatures, subset)
    const ours = errors(sets.map((set) => signOnePermutation(set, 128, 1)), subset)
    expect(subset.length).toBeGreaterThan(100)
    expect(reference.rmse).toBeLessThan(0.045)
    expect(ours.rmse).toBeLessThan(0.045)
  })

  it('densifies short texts: every bin filled, identical texts identical signatures', () => {
    const a = signText('a short text of only eight words here', SETTINGS)
    expect(a.includes(0xffffffff)).toBe(false)
    expect([...signText('a short text of only eight words here', SETTINGS)]).toEqual([...a])
  })

  it('signs many texts into one matrix, row by row as signText does', () => {
    const texts = ['first text with enough words to shingle well', 'second text, quite another one altogether here']
    const matrix = signTexts(texts, SETTINGS)
    expect([...matrix.subarray(128, 256)]).toEqual([...signText(texts[1]!, SETTINGS)])
    expect([...signTexts(texts, SETTINGS, 'classic').subarray(0, 128)]).toEqual([...signText(texts[0]!, SETTINGS, 'classic')])
  })

  it('changes with the seed', () => {
    expect(estimateJaccard(signText('some words to sign here today', SETTINGS), signText('some words to sign here today', { ...SETTINGS, seed: 2 }))).toBeLessThan(0.5)
  })
})
