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
/** Verified: this many shared 3-grams, covering at least this share of the shorter passage. */
const MIN_SHARED = 8
const MIN_COVER = 0.5

interface Passage {
  readonly document: number
  readonly line: number
  readonly text: string
  readonly shingles: Uint32Array
  readonly anchors: readonly number[]
}

function passagesOf(document: Document, position: number, tokenizer: InstanceType<typeof SentenceTokenizer>): Passage[] {
  const passages: Passage[] = []
  const add = (text: string, key: string, line: number): number => {
    const count = scanShingles(key, 'word', SHINGLE)
    const words = count + SHINGLE.ngram - 1
    if (words >= MIN_PASSAGE_WORDS) {
      const anchors = winnow(scratchShingles(count)) // before distinctShingles sorts the buffer
      passages.push({ document: position, line, text, shingles: distinctShingles(count), anchors })
    }
    return words
  }
  for (const paragraph of keptParagraphs(document)) {
    const words = add(paragraph.text, paragraph.key, paragraph.lines.start)
    // Only a paragraph long enough for two long sentences is worth the (slow) sentence tokenizer.
    if (words < 2 * MIN_PASSAGE_WORDS) continue
    const sentences = tokenizer.tokenize(paragraph.text)
    if (sentences.length > 1) for (const sentence of sentences) add(sentence, normalize(sentence), paragraph.lines.start)
  }
  return passages
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
  private readonly parent: number[] = []
  find(x: number): number {
    while (this.parent[x] !== undefined && this.parent[x] !== x) x = this.parent[x]!
    return x
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    this.parent[ra] = ra
    this.parent[rb] = rb
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

/**
 * Passages recurring in documents of different clusters. `groupOf[i]` is document i's cluster
 * (documents of one cluster share everything, so pairs inside one are not compared).
 */
export function findSharedPassages(documents: readonly Document[], groupOf: readonly string[]): SharedPassage[] {
  const tokenizer = new SentenceTokenizer(ABBREVIATIONS)
  const passages = documents.flatMap((document, position) => passagesOf(document, position, tokenizer))
  const postings = new Map<number, number[]>()
  passages.forEach((passage, id) => {
    for (const anchor of new Set(passage.anchors)) {
      const list = postings.get(anchor)
      if (list) list.push(id)
      else postings.set(anchor, [id])
    }
  })
  const compared = new Set<number>()
  const components = new Components()
  const degree = new Map<number, number>() // matched passage → how many passages it matches
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = passages[list[x]!]!
        const b = passages[list[y]!]!
        if (groupOf[a.document] === groupOf[b.document]) continue
        const code = list[x]! * passages.length + list[y]!
        if (compared.has(code)) continue
        compared.add(code)
        const shared = intersectionSize(a.shingles, b.shingles)
        if (shared < MIN_SHARED || shared < MIN_COVER * Math.min(a.shingles.length, b.shingles.length)) continue
        components.union(list[x]!, list[y]!)
        for (const id of [list[x]!, list[y]!]) degree.set(id, (degree.get(id) ?? 0) + 1)
      }
    }
  }
  return collect(documents, passages, degree, components)
}

/**
 * Components → passages: one occurrence per (document, line); the text is the passage that matches
 * the most others (it holds what links them), ties to the first occurrence.
 */
function collect(documents: readonly Document[], passages: readonly Passage[], degree: Map<number, number>, components: Components): SharedPassage[] {
  const byRoot = new Map<number, number[]>()
  for (const id of degree.keys()) {
    const root = components.find(id)
    const list = byRoot.get(root)
    if (list) list.push(id)
    else byRoot.set(root, [id])
  }
  const result: SharedPassage[] = []
  for (const ids of byRoot.values()) {
    const place = (id: number): [string, number] => [documents[passages[id]!.document]!.id, passages[id]!.line]
    ids.sort((a, b) => {
      const [da, la] = place(a)
      const [db, lb] = place(b)
      return da < db ? -1 : da > db ? 1 : la - lb || passages[b]!.text.length - passages[a]!.text.length
    })
    const occurrences: Array<{ document: string; line: number }> = []
    for (const id of ids) {
      const [document, line] = place(id)
      const last = occurrences[occurrences.length - 1]
      if (!last || last.document !== document || last.line !== line) occurrences.push({ document, line })
    }
    if (new Set(occurrences.map((occurrence) => occurrence.document)).size < 2) continue
    const hub = ids.reduce((best, id) => (degree.get(id)! > degree.get(best)! ? id : best), ids[0]!)
    result.push({ text: passages[hub]!.text, occurrences })
  }
  return result.sort((a, b) => {
    const x = a.occurrences[0]!
    const y = b.occurrences[0]!
    return x.document < y.document ? -1 : x.document > y.document ? 1 : x.line - y.line
  })
}
