/**
 * Passages shared across clusters: paragraphs and long sentences (natural's SentenceTokenizer) that
 * recur, near-identically, in documents that are not copies of one another — typically a quote two
 * outlets both carry. They are reported with every occurrence and never removed.
 *
 * Each passage is a sorted set of word 3-gram hashes. Candidates come from winnowing anchors
 * (Schleimer et al. 2003: the smallest hash of every window of WINDOW shingles), so any run of
 * WINDOW + 2 identical words shares an anchor; candidates are verified on the full sets.
 */
import { createRequire } from 'node:module'
import { keptParagraphs } from '../document.js'
import { normalize } from '../segment/normalize.js'
import type { Document, SharedPassage } from '../types.js'
import { distinctShingles, scanShingles, scratchShingles } from './shingle.js'
import { intersectionSize } from './verify.js'

const require = createRequire(import.meta.url)
// The module itself, not natural's index, which loads the whole library (over a second).
const SentenceTokenizer = require('natural/lib/natural/tokenizers/sentence_tokenizer.js') as new (abbreviations?: string[]) => {
  tokenize(text: string): string[]
}
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
}

interface Paragraph extends Passage {
  readonly anchors: readonly number[]
  readonly words: number
  /** Filled on demand: its long sentences, when it has more than one. */
  sentences?: Passage[]
}

type Tokenizer = InstanceType<typeof SentenceTokenizer>

/** Shingles (and, for paragraphs, winnowing anchors) of one passage; null when it is too short. */
function measure(key: string, withAnchors: boolean): { shingles: Uint32Array; anchors: number[]; words: number } | null {
  const count = scanShingles(key, 'word', SHINGLE)
  const words = count + SHINGLE.ngram - 1
  if (words < MIN_PASSAGE_WORDS) return null
  const anchors = withAnchors ? winnow(scratchShingles(count)) : [] // before distinctShingles sorts the buffer
  return { shingles: distinctShingles(count), anchors, words }
}

function paragraphsOf(document: Document, position: number): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const paragraph of keptParagraphs(document)) {
    const measured = measure(paragraph.key, true)
    if (measured) paragraphs.push({ document: position, line: paragraph.lines.start, text: paragraph.text, ...measured })
  }
  return paragraphs
}

/** The paragraph and its long sentences (natural's tokenizer, run only for paragraphs with a candidate). */
function unitsOf(paragraph: Paragraph, tokenizer: Tokenizer): Passage[] {
  if (paragraph.sentences === undefined) {
    paragraph.sentences = []
    // Only a paragraph long enough for two long sentences is worth splitting.
    const sentences = paragraph.words >= 2 * MIN_PASSAGE_WORDS ? tokenizer.tokenize(paragraph.text) : []
    for (const text of sentences.length > 1 ? sentences : []) {
      const measured = measure(normalize(text), false)
      if (measured) paragraph.sentences.push({ document: paragraph.document, line: paragraph.line, text, shingles: measured.shingles })
    }
  }
  return [paragraph, ...paragraph.sentences]
}

/** Winnowing anchors of a shingle sequence: the minimum of each window, each position once. */
function winnow(hashes: Uint32Array): number[] {
  const count = hashes.length
  const anchors: number[] = []
  let last = -1
  for (let start = 0; start + WINDOW <= Math.max(count, WINDOW); start++) {
    let best = -1
    for (let k = start; k < Math.min(start + WINDOW, count); k++) if (best === -1 || hashes[k]! <= hashes[best]!) best = k
    if (best !== -1 && best !== last) {
      anchors.push(hashes[best]!)
      last = best
    }
  }
  return anchors
}

class Components {
  private readonly parent = new Map<Passage, Passage>()
  find(x: Passage): Passage {
    let root = x
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!
    return root
  }
  union(a: Passage, b: Passage): void {
    const ra = this.find(a)
    const rb = this.find(b)
    this.parent.set(ra, ra)
    this.parent.set(rb, ra)
  }
}

/**
 * Passages recurring in documents of different clusters. `groupOf[i]` is document i's cluster
 * (documents of one cluster share everything, so pairs inside one are not compared).
 * Paragraphs sharing a winnowing anchor are candidates; then every unit (the paragraph and its
 * long sentences) of one is verified against every unit of the other.
 */
export function findSharedPassages(documents: readonly Document[], groupOf: readonly string[]): SharedPassage[] {
  const tokenizer = new SentenceTokenizer(ABBREVIATIONS)
  const paragraphs = documents.flatMap((document, position) => paragraphsOf(document, position))
  const postings = new Map<number, number[]>()
  paragraphs.forEach((paragraph, id) => {
    for (const anchor of new Set(paragraph.anchors)) {
      const list = postings.get(anchor)
      if (list) list.push(id)
      else postings.set(anchor, [id])
    }
  })
  // Votes per cross-cluster paragraph pair: one shared anchor is often a stock phrase, two are a shared run.
  const votes = new Map<number, number>()
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue
    const group = groupOf[paragraphs[list[0]!]!.document]
    if (list.every((id) => groupOf[paragraphs[id]!.document] === group)) continue // copies of one story
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (groupOf[paragraphs[list[x]!]!.document] === groupOf[paragraphs[list[y]!]!.document]) continue
        const code = list[x]! * paragraphs.length + list[y]!
        votes.set(code, (votes.get(code) ?? 0) + 1)
      }
    }
  }
  const components = new Components()
  const degree = new Map<Passage, number>() // matched passage → how many passages it matches
  for (const [code, count] of votes) {
    if (count < MIN_ANCHORS) continue
    const p = paragraphs[Math.floor(code / paragraphs.length)]!
    const q = paragraphs[code % paragraphs.length]!
    // A sentence's 3-grams are a subset of its paragraph's: too little shared here, nothing below.
    if (intersectionSize(p.shingles, q.shingles) < MIN_SHARED) continue
    for (const a of unitsOf(p, tokenizer)) {
      for (const b of unitsOf(q, tokenizer)) {
        const shared = intersectionSize(a.shingles, b.shingles)
        if (shared < MIN_SHARED || shared < MIN_COVER * Math.min(a.shingles.length, b.shingles.length)) continue
        components.union(a, b)
        degree.set(a, (degree.get(a) ?? 0) + 1)
        degree.set(b, (degree.get(b) ?? 0) + 1)
      }
    }
  }
  return collect(documents, degree, components)
}

/**
 * Components → passages: one occurrence per (document, line); the text is the passage that matches
 * the most others (it holds what links them), ties to the first occurrence.
 */
function collect(documents: readonly Document[], degree: Map<Passage, number>, components: Components): SharedPassage[] {
  const byRoot = new Map<Passage, Passage[]>()
  for (const passage of degree.keys()) {
    const root = components.find(passage)
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
