/**
 * The per-document half of near-duplicate search, pure so that it runs in a worker: a kept
 * document's cleaned text becomes a compact `ClusterSummary` (what the main thread keeps) plus its
 * shingle set (what verification reads, from a spool on disk in a large run).
 */
import { keptParagraphs } from '../document.js'
import type { NeardupOptions } from '../options.js'
import type { ClusterSummary, Document } from '../types.js'
import { fingerprint } from './fingerprint.js'
import { bandKeys, optimalBands, type BandParameters } from './lsh.js'

/**
 * LSH is tuned for a lower similarity than the verifier accepts, so that its S-curve is already
 * near 1 at the threshold: LSH proposes generously and verification decides (README figures).
 * Never above 0.25, so abridged copies (Jaccard ~ their share of the full text) that only the
 * containment route accepts are still proposed when a user raises the threshold.
 */
export function lshThreshold(options: NeardupOptions): number {
  return Math.min(options.threshold * 0.5, 0.25)
}

/** The LSH bands and rows the options call for (computed once per setting, then cached). */
export function bandParameters(options: NeardupOptions): BandParameters {
  return optimalBands(lshThreshold(options), options.numPerm)
}

/** The normalised cleaned text the fingerprint is taken of: kept paragraphs' matching keys. */
export function cleanedKey(document: Document): string {
  return keptParagraphs(document)
    .map((paragraph) => paragraph.key)
    .join('\n')
}

/** FNV-style 32-bit hash of a sorted shingle set, seeded with its size: equal sets, equal hashes. */
export function setHash(shingles: Uint32Array): number {
  let h = shingles.length
  for (let i = 0; i < shingles.length; i++) h = Math.imul(h ^ shingles[i]!, 0x01000193) >>> 0
  return h
}

/** The low byte of each value (a sketch: the signature's values are uniform, so their low bytes are too). */
export function lowBytes(values: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(values.length)
  for (let i = 0; i < values.length; i++) bytes[i] = values[i]! & 0xff
  return bytes
}

/** A summary and the shingle set it was taken from. */
export interface SummarizedDocument extends ClusterSummary {
  /**
   * Sorted, distinct shingle hashes of the cleaned text (~2.8 KB for a news article). Not part of
   * what stays resident: a large run writes it to a spool file and drops it, and `findClusters()`
   * reads it back through its `shingles(position)` accessor only when it must.
   */
  readonly shingles: Uint32Array
}

/**
 * Summarises one document for `findClusters()`. Give it documents whose every decision so far is
 * applied (per-document stages and corpus boilerplate) and that are still kept. Every array it
 * returns owns its buffer, so posting it from a worker copies only its own bytes.
 */
export function summarizeForClusters(document: Document, options: NeardupOptions): SummarizedDocument {
  const print = fingerprint(cleanedKey(document), options)
  const { bands, rows } = bandParameters(options)
  return {
    length: print.length,
    mode: print.mode,
    distinct: print.shingles.length,
    setHash: setHash(print.shingles),
    bandKeys: bandKeys(print.signature, bands, rows),
    sketch: lowBytes(print.signature),
    shingles: print.shingles,
  }
}
