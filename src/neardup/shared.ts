/**
 * Passages shared across clusters: paragraphs and long sentences (natural's SentenceTokenizer) that
 * recur, near-identically, in documents that are not copies of one another — typically a quote two
 * outlets both carry. They are reported with every occurrence and never removed.
 *
 * Each passage is a sorted set of word 3-gram hashes. Paragraphs sharing MIN_ANCHORS winnowing
 * anchors (anchors.ts) across clusters are candidates; then each unit of one (the paragraph, its long
 * sentences) is verified against each unit of the other on the full sets.
 */
import { createRequire } from 'node:module'
import { keptParagraphs } from '../document.js'
import { normalize } from '../segment/normalize.js'
import type { Document, SharedPassage } from '../types.js'
import { AnchorIndex, winnow } from './anchors.js'
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

/** A paragraph as first seen: its anchors only; shingles and sentences when it has a candidate. */
interface Paragraph {
  readonly document: number
  readonly line: number
  readonly text: string
  readonly key: string
  readonly words: number
  whole?: Passage
  units?: Passage[]
}

type Tokenizer = InstanceType<typeof SentenceTokenizer>

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
  const components = new Components()
  const degree = new Map<Passage, number>() // matched passage → how many passages it matches
  for (const [x, y] of index.pairs(groups, MIN_ANCHORS, MAX_POSTING)) {
    // A sentence's 3-grams are a subset of its paragraph's: too little shared here, nothing below.
    if (intersectionSize(wholeOf(paragraphs[x]!).shingles, wholeOf(paragraphs[y]!).shingles) < MIN_SHARED) continue
    for (const a of unitsOf(paragraphs[x]!, tokenizer)) {
      for (const b of unitsOf(paragraphs[y]!, tokenizer)) {
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
