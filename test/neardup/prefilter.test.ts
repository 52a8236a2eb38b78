/** The sketch prefilter: drops LSH candidates that cannot pass verification, never one that can. */
import { describe, expect, it } from 'vitest'
import { CorpusGenerator } from '../../src/bench/corpus.js'
import { findDevSet, loadPools } from '../../src/bench/source.js'
import { bandParameters, bucketPairCodes, ClusterSummaryTable, findClusters, MIN_CONTAINED_SHINGLES, summarizeForClusters } from '../../src/neardup/index.js'
import { agreementCutoff, plausiblePairs, PREFILTER_ERROR } from '../../src/neardup/prefilter.js'
import { neededJaccard } from '../../src/neardup/verify.js'
import { intersectionSize, overlapOf } from '../../src/neardup/verify.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { doc } from '../helpers/index.js'

const options = DEFAULT_OPTIONS.neardup
const rules = { threshold: options.threshold, containment: options.containment }

/** P(Binomial(n, p) <= k), summed term by term with exact binomial coefficients. */
function binomialTail(n: number, p: number, k: number): number {
  let sum = 0
  let coefficient = 1
  for (let i = 0; i <= k; i++) {
    if (i > 0) coefficient = (coefficient * (n - i + 1)) / i
    sum += coefficient * p ** i * (1 - p) ** (n - i)
  }
  return sum
}

describe('agreementCutoff', () => {
  it('is the largest count a pair at the needed Jaccard shows less than once in a billion', () => {
    for (const jaccard of [0.15, 0.2, 0.3, 0.4, 0.6, 0.9]) {
      const cutoff = agreementCutoff(128, jaccard)
      const p = jaccard + (1 - jaccard) / 256
      expect(binomialTail(128, p, cutoff)).toBeLessThan(PREFILTER_ERROR)
      expect(binomialTail(128, p, cutoff + 1)).toBeGreaterThanOrEqual(PREFILTER_ERROR)
    }
    // The defaults' threshold: a pair must agree on 20 or more of 128 low bytes to be read.
    expect(agreementCutoff(128, 0.4)).toBe(19)
    // Low enough a Jaccard, and no count rules a pair out.
    expect(agreementCutoff(128, 0.1)).toBe(-1)
  })
})

describe('neededJaccard', () => {
  it('is the threshold for sets of like size, and lower where the containment route is open', () => {
    expect(neededJaccard(1000, 1000, rules)).toBe(rules.threshold)
    // 200 shingles of which 80% lie in a set of 1,000: Jaccard 160 / 1,040.
    expect(neededJaccard(200, 1000, rules)).toBeCloseTo(160 / 1040, 10)
    expect(neededJaccard(1000, 200, rules)).toBeCloseTo(160 / 1040, 10)
    // Too small a set for the containment route.
    expect(neededJaccard(MIN_CONTAINED_SHINGLES - 1, 1000, rules)).toBe(rules.threshold)
  })
})

describe('plausiblePairs', () => {
  const devSet = findDevSet()
  if (devSet === null) throw new Error('this test needs the dev set in ../shared/eval/dev')
  // A generated corpus: syndicated copies (true pairs) among unrelated stories made of one pool of words.
  const generator = new CorpusGenerator(loadPools(devSet), 5)
  const documents = Array.from({ length: 1500 }, (_, i) => doc(generator.next(), `g${String(i).padStart(4, '0')}`))
  const summaries = documents.map((document) => summarizeForClusters(document, options))
  const { bands } = bandParameters(options)
  const entries = Int32Array.from(documents.keys())
  const codes = bucketPairCodes(documents.length, bands, (band, out) => {
    for (let k = 0; k < documents.length; k++) out[k] = summaries[k]!.bandKeys[band]!
  })
  const passes = (code: number): boolean => {
    const a = summaries[Math.floor(code / documents.length)]!
    const b = summaries[code % documents.length]!
    const measured = overlapOf(intersectionSize(a.shingles, b.shingles), a.shingles.length, b.shingles.length)
    const smaller = Math.min(a.shingles.length, b.shingles.length)
    const contained = a.shingles.length <= b.shingles.length ? measured.containment : measured.containmentOfB
    return a.mode === b.mode && (measured.jaccard >= rules.threshold || (contained >= rules.containment && smaller >= MIN_CONTAINED_SHINGLES))
  }

  it('keeps every candidate that passes verification and drops most of the others, in order', () => {
    const kept = plausiblePairs(codes, entries, ClusterSummaryTable.from(summaries, bands), rules)
    const passing = codes.filter(passes)
    expect(passing.length).toBeGreaterThan(100)
    expect(kept.filter(passes)).toEqual(passing)
    expect([...kept]).toEqual([...kept].sort((x, y) => x - y))
    const rejected = codes.length - passing.length
    expect(codes.length - kept.length).toBeGreaterThan(rejected / 2)
  })

  it('keeps every candidate when the summaries carry no sketch', () => {
    const bare = ClusterSummaryTable.from(
      summaries.map(({ sketch: _, ...summary }) => summary),
      bands,
    )
    expect(bare.sketchLength).toBe(0)
    expect(plausiblePairs(codes, entries, bare, rules)).toBe(codes)
  })

  it('gives findClusters the same clusters with sketches as without, reading fewer sets', () => {
    const ids = documents.map((document) => document.id)
    const cluster = (withSketch: boolean): { clusters: unknown; reads: number } => {
      let reads = 0
      const table = ClusterSummaryTable.from(
        summaries.map(({ shingles: _, sketch, ...summary }) => (withSketch ? { ...summary, sketch } : summary)),
        bands,
      )
      const found = findClusters(ids, table, (k) => {
        reads++
        return summaries[k]!.shingles
      }, options)
      return { clusters: found.clusters, reads }
    }
    const sketched = cluster(true)
    const bare = cluster(false)
    expect(sketched.clusters).toEqual(bare.clusters)
    expect(sketched.reads).toBeLessThan(bare.reads)
  })

  it('keeps a short document contained in a far longer one, which only the containment route accepts', () => {
    // Eight stories end to end, and the shortest of them alone: its Jaccard with the whole is a
    // fraction of what a pair needs, so only its sizes (the containment route) can keep it.
    const stories = documents.slice(0, 8)
    const long = doc(stories.map((document) => document.text).join('\n'), 'long')
    const sizes = stories.map((document) => summarizeForClusters(document, options).shingles.length)
    const short = stories[sizes.indexOf(Math.min(...sizes.filter((size) => size >= options.numPerm)))]!
    const pair = [summarizeForClusters(long, options), summarizeForClusters(short, options)]
    expect(pair[1]!.shingles.length).toBeGreaterThanOrEqual(options.numPerm) // large enough to be sketched
    const measured = overlapOf(intersectionSize(pair[0]!.shingles, pair[1]!.shingles), pair[0]!.shingles.length, pair[1]!.shingles.length)
    expect(measured.jaccard).toBeLessThan(0.15)
    expect(measured.containmentOfB).toBeGreaterThanOrEqual(rules.containment)
    const table = ClusterSummaryTable.from(pair, bands)
    expect(plausiblePairs(Float64Array.of(1), Int32Array.of(0, 1), table, rules)).toEqual(Float64Array.of(1))
    // Judged by the threshold alone, it would have been dropped: its sketches agree too little.
    const agree = pair[0]!.sketch!.filter((value, i) => value === pair[1]!.sketch![i]).length
    expect(agree).toBeLessThanOrEqual(agreementCutoff(options.numPerm, rules.threshold))
  })
})
