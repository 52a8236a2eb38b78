#!/usr/bin/env node
/**
 * The near-duplicate figures in the README, measured on the dev set (run `npm run build` first):
 *   node scripts/neardup-figures.mjs [../shared/eval/dev]
 * 1. how far apart copies and distinct articles are, per word n-gram size (exact Jaccard / containment);
 * 2. pair precision/recall of the whole stage for alternative settings;
 * 3. MinHash estimators against exact Jaccard, and their speed.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { clean, DEFAULT_OPTIONS } from '../dist/index.js'
import { normalize } from '../dist/segment/normalize.js'
import { fingerprint, verifiedPairs, lshThreshold, signTexts, estimateJaccard, signOnePermutation, signClassic } from '../dist/neardup/index.js'
import { clusterStars } from '../dist/neardup/cluster.js'
import { LshIndex, optimalBands } from '../dist/neardup/lsh.js'
import { overlap } from '../dist/neardup/verify.js'

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'eval', 'dev')
const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'))
const corpus = readFileSync(join(dir, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
// the text the stage sees: the pipeline's cleaned text, normalised
const { documents } = await clean(corpus, { jobs: 1, neardup: { enabled: false } })
const keys = documents.map((d) => d.text.split('\n').map(normalize).filter(Boolean).join('\n'))
const ids = documents.map((d) => d.id)
const clusterOf = new Map()
gold.clusters.forEach((cluster, i) => cluster.members.forEach((id) => clusterOf.set(id, i)))
const goldPairs = new Set()
for (const c of gold.clusters) {
  const m = [...c.members].sort()
  for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) goldPairs.add(`${m[a]}|${m[b]}`)
}
const singles = new Set(gold.clusters.filter((c) => c.members.length === 1).map((c) => c.members[0]))
const f = (x) => x.toFixed(3)

console.log('\n| n | copies: min J | 1st pct J | median J | min containment | distinct: max J | max containment |\n| --- | --- | --- | --- | --- | --- | --- |')
for (const ngram of [3, 4, 5, 6, 7]) {
  const prints = keys.map((k) => fingerprint(k, { ...DEFAULT_OPTIONS.neardup, ngram }))
  const pos = []
  let negJ = 0
  let negC = 0
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      const o = overlap(prints[i].shingles, prints[j].shingles)
      const c = prints[i].shingles.length <= prints[j].shingles.length ? o.containment : o.containmentOfB
      if (clusterOf.get(ids[i]) === clusterOf.get(ids[j])) pos.push([o.jaccard, c])
      else ((negJ = Math.max(negJ, o.jaccard)), (negC = Math.max(negC, c)))
    }
  }
  pos.sort((a, b) => a[0] - b[0])
  const q = (p) => f(pos[Math.floor(p * (pos.length - 1))][0])
  console.log(`| ${ngram} | ${f(pos[0][0])} | ${q(0.01)} | ${q(0.5)} | ${f(Math.min(...pos.map((p) => p[1])))} | ${f(negJ)} | ${f(negC)} |`)
}

console.log('\n| n-gram | threshold | containment | LSH bands×rows | candidate pairs | precision | recall | singletons folded |\n| --- | --- | --- | --- | --- | --- | --- | --- |')
const settings = [[5, 0.4, 0.8], [3, 0.4, 0.8], [4, 0.4, 0.8], [7, 0.4, 0.8], [5, 0.3, 0.8], [5, 0.5, 0.8], [5, 0.6, 0.8], [5, 0.5, 1], [7, 0.5, 0.8]]
for (const [ngram, threshold, containment] of settings) {
  const options = { ...DEFAULT_OPTIONS.neardup, ngram, threshold, containment }
  const prints = keys.map((k) => fingerprint(k, options))
  const stars = clusterStars(ids.map((id, i) => ({ id, length: prints[i].length })), verifiedPairs(prints, options), 'longest')
  const predicted = new Set()
  let folded = 0
  for (const star of stars) {
    const m = [star.canonical, ...star.members].map((i) => ids[i]).sort()
    for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) predicted.add(`${m[a]}|${m[b]}`)
    folded += star.members.filter((i) => singles.has(ids[i])).length
  }
  const hits = [...predicted].filter((pair) => goldPairs.has(pair)).length
  const { bands, rows } = optimalBands(lshThreshold(options), options.numPerm)
  const index = new LshIndex({ bands, rows })
  prints.forEach((p) => index.add(p.signature))
  console.log(`| ${ngram} | ${threshold} | ${containment === 1 ? 'off' : containment} | ${bands}×${rows} | ${index.candidatePairs().length} | ${(hits / predicted.size).toFixed(4)} | ${(hits / goldPairs.size).toFixed(4)} | ${folded} |`)
}

// 3. estimators: the gold pairs plus every third neighbour pair (mostly unrelated)
const options = DEFAULT_OPTIONS.neardup
const sets = keys.map((k) => fingerprint(k, options).shingles)
const pairs = []
for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (goldPairs.has(`${ids[i]}|${ids[j]}`) || (j === i + 1 && i % 3 === 0)) pairs.push([i, j, overlap(sets[i], sets[j]).jaccard])
const require = createRequire(import.meta.url)
const { Minhash } = require('minhash')
function accuracy(signatures) {
  let squares = 0
  let worst = 0
  for (const [i, j, exact] of pairs) {
    const e = estimateJaccard(signatures[i], signatures[j]) - exact
    squares += e * e
    worst = Math.max(worst, Math.abs(e))
  }
  return `${f(Math.sqrt(squares / pairs.length))} | ${f(worst)}`
}
function speed(sign) {
  const bytes = keys.reduce((sum, k) => sum + Buffer.byteLength(k), 0)
  const start = performance.now()
  let rounds = 0
  while (performance.now() - start < 2000) (sign(), rounds++)
  return ((bytes * rounds) / ((performance.now() - start) / 1000) / 1e6).toFixed(2)
}
const sample = keys.slice(0, 40)
const sampleBytes = sample.reduce((sum, k) => sum + Buffer.byteLength(k), 0)
const packageSigs = sets.map((set) => {
  const m = new Minhash({ numPerm: 128 })
  for (const h of set) m.update(String(h))
  return Uint32Array.from(m.hashvalues)
})
const packageStart = performance.now()
for (const k of sample) {
  const words = k.split(/\s+/)
  const m = new Minhash({ numPerm: 128 })
  for (let i = 0; i + 5 <= words.length; i++) m.update(words.slice(i, i + 5).join(' '))
}
const packageSpeed = (sampleBytes / ((performance.now() - packageStart) / 1000) / 1e6).toFixed(2)
console.log(`\n${pairs.length} pairs, 128 values each\n\n| signer | RMSE vs exact Jaccard | worst error | MB/s (text in, signatures out) |\n| --- | --- | --- | --- |`)
console.log(`| one-permutation + optimal densification (ours, production) | ${accuracy(sets.map((s) => signOnePermutation(s, 128, 1)))} | ${speed(() => signTexts(keys, options, 'one-permutation'))} |`)
console.log(`| classic 128 permutations (ours) | ${accuracy(sets.map((s) => signClassic(s, 128, 1)))} | ${speed(() => signTexts(keys, options, 'classic'))} |`)
console.log(`| minhash package 0.0.9 (word 5-gram strings) | ${accuracy(packageSigs)} | ${packageSpeed} |`)
