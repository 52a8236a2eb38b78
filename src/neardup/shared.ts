/**
 * Passages shared across clusters: paragraphs and long sentences (natural's SentenceTokenizer) that
 * recur, near-identically, in documents that are not copies of one another — typically a quote two
 * outlets both carry. They are reported with every occurrence and never removed.
 *
 * Each passage is a sorted set of word 3-gram hashes. Paragraphs sharing MIN_ANCHORS winnowing
 * anchors (anchors.ts) across clusters are candidates; then each unit of one (the paragraph, its long
 * sentences) is verified against each unit of the other on the full sets.
 */
import { keptParagraphs } from '../document.js'
import { normalize } from '../segment/normalize.js'
import type { Document, SharedPassage } from '../types.js'
import { AnchorIndex, winnow } from './anchors.js'
import { distinctShingles, scanShingles, scratchShingles } from './shingle.js'
import { SentenceTokenizer } from './sentences.js'
import { intersectionSize } from './verify.js'

const ABBREVIATIONS = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'St.', 'Jr.', 'Sr.', 'vs.', 'e.g.', 'i.e.', 'U.S.', 'U.K.']

/** Words a sentence or paragraph needs to count as a passage: shorter ones are common phrases. */
export const MIN_PASSAGE_WORDS = 10
const SHINGLE = { ngram: 3, charNgram: 4 }
const WINDOW = 4
/** An anchor found in more passages than this is a stock phrase, not a shared passage. */
const MAX_POSTING = 64
/** Shared anchors that make two paragraphs a candidate pair. */
const MIN_ANCHORS = 2
/** Verified: this many shared 3-grams, covering at least this share of the shorter passage. */
const MIN_SHARED = 8
const MIN_COVER = 0.5

interface Passage {
  readonly document: number
  readonly line: number
  readonly text: string
  readonly shingles: Uint32Array
  /** Union-find link (see `find`); unset until the passage matches another. */
  parent?: Passage
}

/** A paragraph's units merged: sorted distinct shingles, and per shingle the bits of the units holding it. */
interface UnitUnion {
  readonly shingles: Uint32Array
  readonly masks: Uint32Array
}

/** A paragraph as first seen: its anchors only; shingles and sentences when it has a candidate. */
interface Paragraph {
  readonly document: number
  readonly line: number
  readonly text: string
  readonly key: string
  readonly words: number
  whole?: Passage
  units?: Passage[]
  union?: UnitUnion
}

type Tokenizer = SentenceTokenizer

function shinglesOf(key: string): Uint32Array {
  return distinctShingles(scanShingles(key, 'word', SHINGLE))
}

function wordsOf(count: number): number {
  return count + SHINGLE.ngram - 1
}

/** Long-enough paragraphs of every document, their anchors recorded in `index`. */
function collectParagraphs(documents: readonly Document[], index: AnchorIndex): Paragraph[] {
  const paragraphs: Paragraph[] = []
  documents.forEach((document, position) => {
    for (const paragraph of keptParagraphs(document)) {
      const count = scanShingles(paragraph.key, 'word', SHINGLE)
      if (wordsOf(count) < MIN_PASSAGE_WORDS) continue
      index.add(paragraphs.length, winnow(scratchShingles(count), WINDOW))
      paragraphs.push({ document: position, line: paragraph.lines.start, text: paragraph.text, key: paragraph.key, words: wordsOf(count) })
    }
  })
  return paragraphs
}

/** The paragraph as a passage (shingled on first use). */
function wholeOf(paragraph: Paragraph): Passage {
  paragraph.whole ??= { document: paragraph.document, line: paragraph.line, text: paragraph.text, shingles: shinglesOf(paragraph.key) }
  return paragraph.whole
}

/** The paragraph and its long sentences (natural's tokenizer, run only for paragraphs that share enough). */
function unitsOf(paragraph: Paragraph, tokenizer: Tokenizer): Passage[] {
  if (paragraph.units === undefined) {
    const { document, line } = paragraph
    paragraph.units = [wholeOf(paragraph)]
    // Only a paragraph long enough for two long sentences is worth splitting.
    const sentences = paragraph.words >= 2 * MIN_PASSAGE_WORDS ? tokenizer.tokenize(paragraph.text) : []
    for (const text of sentences.length > 1 ? sentences : []) {
      const shingles = shinglesOf(normalize(text))
      if (wordsOf(shingles.length) >= MIN_PASSAGE_WORDS) paragraph.units.push({ document, line, text, shingles })
    }
  }
  return paragraph.units
}

/** Union-find over passages, the parent kept on the passage, with path halving: near-constant per call. */
function find(x: Passage): Passage {
  while (x.parent !== undefined && x.parent !== x) {
    if (x.parent.parent !== undefined) x.parent = x.parent.parent
    x = x.parent
  }
  return x
}

function union(a: Passage, b: Passage): void {
  const ra = find(a)
  const rb = find(b)
  ra.parent = ra
  rb.parent = ra
}

/** Units a paragraph can have for `verifyUnits`: one bit each in a 32-bit mask. */
const MAX_MASKED_UNITS = 32

/**
 * The union of a paragraph's units, sorted and distinct, with for each shingle the mask of the
 * units holding it: one merge of two paragraphs then counts |a ∩ b| for every pair of units at
 * once, instead of one merge per pair of units (the search's hot spot when paragraphs recur).
 */
function unionOf(paragraph: Paragraph, units: readonly Passage[]): UnitUnion {
  if (paragraph.union === undefined) {
    let shingles = new Uint32Array(0)
    let masks = new Uint32Array(0)
    units.forEach((unit, bit) => {
      const outShingles = new Uint32Array(shingles.length + unit.shingles.length)
      const outMasks = new Uint32Array(outShingles.length)
      let i = 0
      let j = 0
      let n = 0
      while (i < shingles.length || j < unit.shingles.length) {
        const x = i < shingles.length ? shingles[i]! : Infinity
        const y = j < unit.shingles.length ? unit.shingles[j]! : Infinity
        outShingles[n] = Math.min(x, y)
        outMasks[n++] = (x <= y ? masks[i++]! : 0) | (y <= x ? (j++, 1 << bit) : 0)
      }
      shingles = outShingles.subarray(0, n)
      masks = outMasks.subarray(0, n)
    })
    paragraph.union = { shingles, masks }
  }
  return paragraph.union
}

/** Reused by `verifyUnits`: one count per pair of units, at most 32 × 32. */
const scratchCounts = new Uint32Array(MAX_MASKED_UNITS * MAX_MASKED_UNITS)

/** |a ∩ b| for every unit a of `x` (row) and b of `y` (column), from one merge of their unions. */
function sharedCounts(x: UnitUnion, y: UnitUnion, columns: number, counts: Uint32Array): void {
  let i = 0
  let j = 0
  while (i < x.shingles.length && j < y.shingles.length) {
    const a = x.shingles[i]!
    const b = y.shingles[j]!
    if (a < b) i++
    else if (a > b) j++
    else {
      for (let rows = x.masks[i]!; rows !== 0; rows &= rows - 1) {
        const row = 31 - Math.clz32(rows & -rows)
        for (let cols = y.masks[j]!; cols !== 0; cols &= cols - 1) counts[row * columns + 31 - Math.clz32(cols & -cols)]!++
      }
      i++
      j++
    }
  }
}

/**
 * Verifies every unit of `x` against every unit of `y` (in that order, which fixes the report's
 * ties), calling `match` for each pair sharing enough 3-grams.
 */
function verifyUnits(x: Paragraph, y: Paragraph, tokenizer: Tokenizer, match: (a: Passage, b: Passage) => void): void {
  const unitsX = unitsOf(x, tokenizer)
  const unitsY = unitsOf(y, tokenizer)
  const masked = unitsX.length <= MAX_MASKED_UNITS && unitsY.length <= MAX_MASKED_UNITS
  const counts = masked ? scratchCounts.subarray(0, unitsX.length * unitsY.length).fill(0) : scratchCounts.subarray(0, 0)
  if (masked) sharedCounts(unionOf(x, unitsX), unionOf(y, unitsY), unitsY.length, counts)
  for (let row = 0; row < unitsX.length; row++) {
    const a = unitsX[row]!
    for (let column = 0; column < unitsY.length; column++) {
      const b = unitsY[column]!
      const shared = masked ? counts[row * unitsY.length + column]! : intersectionSize(a.shingles, b.shingles)
      if (shared >= MIN_SHARED && shared >= MIN_COVER * Math.min(a.shingles.length, b.shingles.length)) match(a, b)
    }
  }
}

/**
 * Passages recurring in documents of different clusters. `groupOf[i]` is document i's cluster
 * (documents of one cluster share everything, so pairs inside one are not compared).
 * Paragraphs sharing two winnowing anchors are candidates; then every unit (the paragraph and its
 * long sentences) of one is verified against every unit of the other.
 */
export function findSharedPassages(documents: readonly Document[], groupOf: readonly string[]): SharedPassage[] {
  const tokenizer = new SentenceTokenizer(ABBREVIATIONS)
  const index = new AnchorIndex()
  const paragraphs = collectParagraphs(documents, index)
  const groupIds = new Map<string, number>()
  const groups = Int32Array.from(paragraphs, (paragraph) => {
    const group = groupOf[paragraph.document]!
    if (!groupIds.has(group)) groupIds.set(group, groupIds.size)
    return groupIds.get(group)!
  })
  const degree = new Map<Passage, number>() // matched passage → how many passages it matches
  index.forEachPair(groups, MIN_ANCHORS, MAX_POSTING, (x, y) => {
    // A sentence's 3-grams are a subset of its paragraph's: too little shared here, nothing below.
    if (intersectionSize(wholeOf(paragraphs[x]!).shingles, wholeOf(paragraphs[y]!).shingles) < MIN_SHARED) return
    verifyUnits(paragraphs[x]!, paragraphs[y]!, tokenizer, (a, b) => {
      union(a, b)
      degree.set(a, (degree.get(a) ?? 0) + 1)
      degree.set(b, (degree.get(b) ?? 0) + 1)
    })
  })
  return collect(documents, degree)
}

/**
 * Components → passages: one occurrence per (document, line); the text is the passage that matches
 * the most others (it holds what links them), ties to the first occurrence.
 */
function collect(documents: readonly Document[], degree: Map<Passage, number>): SharedPassage[] {
  const byRoot = new Map<Passage, Passage[]>()
  for (const passage of degree.keys()) {
    const root = find(passage)
    const list = byRoot.get(root)
    if (list) list.push(passage)
    else byRoot.set(root, [passage])
  }
  const result: SharedPassage[] = []
  for (const members of byRoot.values()) {
    const id = (passage: Passage): string => documents[passage.document]!.id
    members.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : a.line - b.line || b.text.length - a.text.length))
    const occurrences: Array<{ document: string; line: number }> = []
    for (const passage of members) {
      const last = occurrences[occurrences.length - 1]
      if (!last || last.document !== id(passage) || last.line !== passage.line) occurrences.push({ document: id(passage), line: passage.line })
    }
    if (new Set(occurrences.map((occurrence) => occurrence.document)).size < 2) continue
    const hub = members.reduce((best, passage) => (degree.get(passage)! > degree.get(best)! ? passage : best), members[0]!)
    result.push({ text: hub.text, occurrences })
  }
  return result.sort((a, b) => {
    const x = a.occurrences[0]!
    const y = b.occurrences[0]!
    return x.document < y.document ? -1 : x.document > y.document ? 1 : x.line - y.line
  })
}
