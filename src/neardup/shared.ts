/**
 * Passages shared across clusters: paragraphs and long sentences (natural's SentenceTokenizer) that
 * recur, near-identically, in documents that are not copies of one another — typically a quote two
 * outlets both carry. They are reported with every occurrence and never removed.
 *
 * Memory stays bounded at scale: each document is first reduced to a `PassageSummary` (its long
 * paragraphs' winnowing anchors, anchors.ts), in a worker. The search then reads the summaries
 * again and again — once to count anchors in a fixed-size filter, then once per hash partition of
 * the anchors that may recur, keeping only the postings that can pair paragraphs of two clusters —
 * and loads the text of a paragraph from the `DocumentSource` only when it is in a candidate pair
 * (paragraphs sharing MIN_ANCHORS anchors across clusters), through a bounded cache. Each unit of a
 * candidate (the paragraph, its long sentences: units.ts) is verified against each unit of the other.
 */
import { arraySource, keptParagraphs } from '../document.js'
import { U32List } from '../u32list.js'
import type { Document, DocumentSource, PassageSummary, SharedPassage } from '../types.js'
import { AnchorFilter, AnchorIndex, PairIndex, partitionOf, winnow } from './anchors.js'
import { scanShingles, scratchShingles } from './shingle.js'
import { MIN_PASSAGE_WORDS, ParagraphUnits, SHINGLE, mayMatch, sentenceTokenizer, verifyUnits, wordsOf, type Unit } from './units.js'

export { MIN_PASSAGE_WORDS } from './units.js'

const WINDOW = 4
/** An anchor found in more passages than this is a stock phrase, not a shared passage. */
const MAX_POSTING = 64
/** Shared anchors that make two paragraphs a candidate pair. */
const MIN_ANCHORS = 2
/** Counting-filter slots per document: about four per anchor, so few single anchors pass as recurring. */
const FILTER_SLOTS_PER_DOCUMENT = 512
const MAX_FILTER_SLOTS = 2 ** 29
/** Anchors indexed per pass over the summaries: about 16 bytes each while their postings are sorted. */
const PARTITION_ENTRIES = 2 ** 23
/** Candidate pairs verified per block, and paragraphs loaded per block (about 2 KB each, sentences split). */
const BLOCK_PAIRS = 2 ** 20
const BLOCK_PARAGRAPHS = 2 ** 16
/** Unit ids are paragraph × this + unit index. */
const UNITS_PER_PARAGRAPH = 2 ** 21

/** The long kept paragraphs of a document and their anchors: all the search keeps of it in memory. */
export function summarizeForPassages(document: Document): PassageSummary {
  const paragraphs: number[] = []
  const lines: number[] = []
  const words: number[] = []
  const anchors: Uint32Array[] = []
  const offsets = [0]
  for (const paragraph of keptParagraphs(document)) {
    const count = scanShingles(paragraph.key, 'word', SHINGLE)
    if (wordsOf(count) < MIN_PASSAGE_WORDS) continue
    const winnowed = winnow(scratchShingles(count), WINDOW)
    paragraphs.push(paragraph.index)
    lines.push(paragraph.lines.start)
    words.push(wordsOf(count))
    anchors.push(winnowed)
    offsets.push(offsets[offsets.length - 1]! + winnowed.length)
  }
  const all = new Uint32Array(offsets[offsets.length - 1]!)
  anchors.forEach((part, k) => all.set(part, offsets[k]!))
  return { paragraphs: Uint32Array.from(paragraphs), lines: Uint32Array.from(lines), words: Uint32Array.from(words), anchors: all, offsets: Uint32Array.from(offsets) }
}

/** The indexed paragraphs: where each one is, for loading it. */
interface Located {
  readonly documents: U32List
  readonly paragraphs: U32List
  readonly lines: U32List
  readonly words: U32List
}

/** A unit that matched another: a union-find node (see `find`) and how many units it matched. */
interface Matched {
  readonly document: number
  readonly line: number
  readonly text: string
  degree: number
  parent?: Matched
}

function find(x: Matched): Matched {
  while (x.parent !== undefined && x.parent !== x) {
    if (x.parent.parent !== undefined) x.parent = x.parent.parent
    x = x.parent
  }
  return x
}

function union(a: Matched, b: Matched): void {
  const ra = find(a)
  const rb = find(b)
  ra.parent = ra
  rb.parent = ra
}

/**
 * Passages recurring in documents of different clusters, from the documents' summaries.
 * `summaries()` yields every document's `PassageSummary` in position order and is called once,
 * then once per partition of the anchors (one partition up to `partitionEntries` anchors in all);
 * `groupOf[i]` is document i's cluster (documents of one cluster share everything, so pairs inside
 * one are not compared); `source` loads a document only when one of its paragraphs is a candidate.
 */
export function findSharedPassagesIn(
  ids: readonly string[],
  summaries: () => Iterable<PassageSummary>,
  groupOf: readonly string[],
  source: DocumentSource,
  partitionEntries = PARTITION_ENTRIES,
): SharedPassage[] {
  // Pass 1: an anchor in one paragraph only can never pair two.
  let filter: AnchorFilter | undefined = new AnchorFilter(Math.min(ids.length * FILTER_SLOTS_PER_DOCUMENT, MAX_FILTER_SLOTS))
  let anchorCount = 0
  for (const summary of summaries()) {
    for (let k = 0; k + 1 < summary.offsets.length; k++) filter.add(summary.anchors.subarray(summary.offsets[k]!, summary.offsets[k + 1]!))
    anchorCount += summary.anchors.length
  }
  // Passes 2…: the paragraphs holding anchors that may recur (no other can be a candidate) are
  // numbered, and their anchors indexed one hash partition per pass, so that at most about
  // `partitionEntries` anchors are sorted at once; only the postings that can pair anything stay.
  const partitions = Math.max(1, Math.ceil(anchorCount / partitionEntries))
  const located: Located = { documents: new U32List(), paragraphs: new U32List(), lines: new U32List(), words: new U32List() }
  const groups = new U32List()
  const kept: Uint32Array[] = []
  let groupArray = new Int32Array(0)
  for (let partition = 0; partition < partitions; partition++) {
    const first = partition === 0
    const groupIds = new Map<string, number>()
    const index = new AnchorIndex()
    let paragraph = 0
    let position = 0
    for (const summary of summaries()) {
      const group = groupOf[position]!
      if (first && !groupIds.has(group)) groupIds.set(group, groupIds.size)
      for (let k = 0; k + 1 < summary.offsets.length; k++) {
        const anchors = filter.recurring(summary.anchors.subarray(summary.offsets[k]!, summary.offsets[k + 1]!))
        // One recurring anchor cannot make a pair, but it counts towards its posting's MAX_POSTING.
        if (anchors.length === 0) continue
        if (first) {
          located.documents.push(position)
          located.paragraphs.push(summary.paragraphs[k]!)
          located.lines.push(summary.lines[k]!)
          located.words.push(summary.words[k]!)
          groups.push(groupIds.get(group)!)
        }
        const mine = partitions === 1 ? anchors : anchors.filter((anchor) => partitionOf(anchor, partitions) === partition)
        if (mine.length > 0) index.add(paragraph, mine)
        paragraph++
      }
      position++
    }
    if (position !== ids.length) throw new Error(`findSharedPassagesIn: ${position} summaries for ${ids.length} documents`)
    if (first) groupArray = Int32Array.from({ length: groups.length }, (_, i) => groups.at(i))
    kept.push(index.keptPostings(groupArray, MAX_POSTING))
  }
  filter = undefined // the counters are done with: free them before the pairs are searched
  const pairIndex = new PairIndex(groupArray.length, kept)

  const tokenizer = sentenceTokenizer()
  // Matched units by id, in order of first match (which fixes ties in `collect`).
  const matched = new Map<number, Matched>()
  const matchedUnit = (paragraph: number, unit: Unit): Matched => {
    if (unit.index >= UNITS_PER_PARAGRAPH) throw new Error(`findSharedPassagesIn: a paragraph of over ${UNITS_PER_PARAGRAPH} sentences`)
    const id = paragraph * UNITS_PER_PARAGRAPH + unit.index
    let node = matched.get(id)
    if (node === undefined) {
      node = { document: located.documents.at(paragraph), line: located.lines.at(paragraph), text: unit.text, degree: 0 }
      matched.set(id, node)
    }
    return node
  }
  // Candidate pairs come in order of their first paragraph, the second anywhere in the corpus: they
  // are verified a block at a time, in that order, the paragraphs a block needs loaded together,
  // each document once (the last block's paragraphs are reused, not loaded again).
  const pairs = new Uint32Array(2 * BLOCK_PAIRS) // slots in `needed`, two per pair
  let pairCount = 0
  let needed = new Map<number, number>() // paragraph → slot
  let previous = new Map<number, ParagraphUnits>()
  const verifyBlock = (): void => {
    const units: ParagraphUnits[] = new Array(needed.size)
    const current = new Map<number, ParagraphUnits>()
    let document: Document | undefined
    let documentPosition = -1
    for (const paragraph of [...needed.keys()].sort((a, b) => a - b)) {
      let loaded = previous.get(paragraph)
      if (loaded === undefined) {
        const position = located.documents.at(paragraph)
        if (document === undefined || documentPosition !== position) {
          document = source.load(position)
          documentPosition = position
        }
        const { text, key } = document.paragraphs[located.paragraphs.at(paragraph)]!
        loaded = new ParagraphUnits(paragraph, text, key, located.words.at(paragraph))
      }
      units[needed.get(paragraph)!] = loaded
      current.set(paragraph, loaded)
    }
    for (let k = 0; k < pairCount; k++) {
      const x = units[pairs[2 * k]!]!
      const y = units[pairs[2 * k + 1]!]!
      if (!mayMatch(x, y)) continue
      verifyUnits(x, y, tokenizer, (a, b) => {
        const ma = matchedUnit(x.paragraph, a)
        const mb = matchedUnit(y.paragraph, b)
        union(ma, mb)
        ma.degree++
        mb.degree++
      })
    }
    previous = current
    needed = new Map()
    pairCount = 0
  }
  const slotOf = (paragraph: number): number => {
    let slot = needed.get(paragraph)
    if (slot === undefined) needed.set(paragraph, (slot = needed.size))
    return slot
  }
  pairIndex.forEachPair(groupArray, MIN_ANCHORS, (x, y) => {
    pairs[2 * pairCount] = slotOf(x)
    pairs[2 * pairCount + 1] = slotOf(y)
    pairCount++
    if (pairCount === BLOCK_PAIRS || needed.size >= BLOCK_PARAGRAPHS) verifyBlock()
  })
  verifyBlock()
  return collect(ids, matched)
}

/** Every document summarised and searched in memory (the library's `clean()`, tests). */
export function findSharedPassages(documents: readonly Document[], groupOf: readonly string[]): SharedPassage[] {
  const summaries = documents.map(summarizeForPassages)
  return findSharedPassagesIn(
    documents.map((document) => document.id),
    () => summaries,
    groupOf,
    arraySource(documents),
  )
}

/**
 * Components → passages: one occurrence per (document, line); the text is the passage that matches
 * the most others (it holds what links them), ties to the first occurrence.
 */
function collect(ids: readonly string[], matched: Map<number, Matched>): SharedPassage[] {
  const byRoot = new Map<Matched, Matched[]>()
  for (const passage of matched.values()) {
    const root = find(passage)
    const list = byRoot.get(root)
    if (list) list.push(passage)
    else byRoot.set(root, [passage])
  }
  const result: SharedPassage[] = []
  for (const members of byRoot.values()) {
    const id = (passage: Matched): string => ids[passage.document]!
    members.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : a.line - b.line || b.text.length - a.text.length))
    const occurrences: Array<{ document: string; line: number }> = []
    for (const passage of members) {
      const last = occurrences[occurrences.length - 1]
      if (!last || last.document !== id(passage) || last.line !== passage.line) occurrences.push({ document: id(passage), line: passage.line })
    }
    if (new Set(occurrences.map((occurrence) => occurrence.document)).size < 2) continue
    const hub = members.reduce((best, passage) => (passage.degree > best.degree ? passage : best), members[0]!)
    result.push({ text: hub.text, occurrences })
  }
  return result.sort((a, b) => {
    const x = a.occurrences[0]!
    const y = b.occurrences[0]!
    return x.document < y.document ? -1 : x.document > y.document ? 1 : x.line - y.line
  })
}
