/**
 * Why the `minhash` package (0.0.9) is the yardstick and not the engine: three defects, shown.
 * The README's near-duplicate section cites these tests.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { LshIndex as OurIndex } from '../../src/neardup/lsh.js'
import { signText } from '../../src/neardup/minhash.js'

const require = createRequire(import.meta.url)
interface PackageMinhash {
  update(s: string): void
  hash(s: string): number
  hashvalues: number[]
  permA: number[]
  permB: number[]
  prime: number
}
const { Minhash, LshIndex } = require('minhash') as {
  Minhash: new (config?: { numPerm?: number }) => PackageMinhash
  LshIndex: new (config?: { bandSize?: number }) => { insert(key: string, m: PackageMinhash): void; query(m: PackageMinhash): string[] }
}

function signed(words: string): PackageMinhash {
  const minhash = new Minhash()
  for (const word of words.split(' ')) minhash.update(word)
  return minhash
}

describe('the minhash package', () => {
  it('LshIndex.query throws a TypeError for a signature whose bands were never inserted', () => {
    const index = new LshIndex()
    index.insert('a', signed('the cat sat on the mat'))
    expect(() => index.query(signed('an entirely different set of words'))).toThrow(TypeError)
    // ours answers with no candidates
    const ours = new OurIndex({ bands: 16, rows: 8 })
    ours.add(signText('the cat sat on the mat', { ngram: 2, charNgram: 4, numPerm: 128, seed: 1 }))
    expect(ours.query(signText('an entirely different set of words', { ngram: 2, charNgram: 4, numPerm: 128, seed: 1 }))).toEqual([])
  })

  it('update() recomputes the string hash once per permutation', () => {
    const minhash = new Minhash({ numPerm: 128 })
    const hash = minhash.hash.bind(minhash)
    let calls = 0
    minhash.hash = (s: string) => {
      calls++
      return hash(s)
    }
    minhash.update('shingle')
    expect(calls).toBe(128)
  })

  it('a·hash + b exceeds 2^53, so the permuted values lose precision', () => {
    const minhash = new Minhash({ numPerm: 128 })
    const value = minhash.hash('a shingle of some length')
    let inexact = 0
    for (let i = 0; i < 128; i++) {
      const a = minhash.permA[i]!
      const b = minhash.permB[i]!
      const float = (a * value + b) % minhash.prime
      const exact = Number((BigInt(a) * BigInt(value) + BigInt(b)) % BigInt(minhash.prime))
      if (a * value + b > 2 ** 53 && float !== exact) inexact++
    }
    expect(inexact).toBeGreaterThan(64)
  })
})
