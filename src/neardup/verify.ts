/**
 * Verification of candidate pairs on the real shingle sets (sorted, distinct Uint32Arrays):
 * LSH only proposes; these figures decide, and they are what the report shows.
 */

/** |a ∩ b| by merging two sorted arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared
}

/** Whether two sorted shingle sets are the same set. */
export function sameSet(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export interface Overlap {
  /** |a ∩ b| / |a ∪ b|. */
  readonly jaccard: number
  /** |a ∩ b| / |a|: the share of `a` found in `b`. */
  readonly containment: number
  /** |a ∩ b| / |b|. */
  readonly containmentOfB: number
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  return overlapOf(intersectionSize(a, b), a.length, b.length)
}

/** The figures of two sets of `sizeA` and `sizeB` shingles that share `shared`: one formula whether the sets are at hand or not. */
export function overlapOf(shared: number, sizeA: number, sizeB: number): Overlap {
  const union = sizeA + sizeB - shared
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containment: sizeA === 0 ? 0 : shared / sizeA,
    containmentOfB: sizeB === 0 ? 0 : shared / sizeB,
  }
}

/** Rounded for the report: four decimals are plenty and keep report.json stable and short. */
export function round4(value: number): number {
  return Math.round(value * 10000) / 10000
}

/** The containment route needs this many shingles in the smaller text: a sentence is not a copy. */
export const MIN_CONTAINED_SHINGLES = 25

/** What makes two texts near-duplicates: the options' figures (the minimum size is fixed). */
export interface VerifyRules {
  readonly threshold: number
  readonly containment: number
}

/**
 * Whether sets of `sizeA` and `sizeB` shingles sharing `common` are near-duplicates: Jaccard ≥
 * threshold, or the smaller (≥ MIN_CONTAINED_SHINGLES) lies ≥ containment inside the larger.
 */
export function nearDuplicate(common: number, sizeA: number, sizeB: number, rules: VerifyRules): boolean {
  const union = sizeA + sizeB - common
  const smaller = Math.min(sizeA, sizeB)
  return (union === 0 ? 0 : common / union) >= rules.threshold || (smaller >= MIN_CONTAINED_SHINGLES && common / smaller >= rules.containment)
}

/** The smallest Jaccard with which sets of these sizes are near-duplicates (`nearDuplicate` turned around). */
export function neededJaccard(sizeA: number, sizeB: number, rules: VerifyRules): number {
  const smaller = Math.min(sizeA, sizeB)
  if (smaller < MIN_CONTAINED_SHINGLES) return rules.threshold
  // |A ∩ B| >= containment · smaller, as a Jaccard: I / (|A| + |B| - I).
  const common = rules.containment * smaller
  return Math.min(rules.threshold, common / (sizeA + sizeB - common))
}
