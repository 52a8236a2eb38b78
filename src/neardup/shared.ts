/**
 * Passages shared across clusters: paragraphs and long sentences (natural's SentenceTokenizer) that
 * recur, near-identically, in documents that are not copies of one another — typically a quote two
 * outlets both carry. They are reported with every occurrence and never removed.
 *
 * Memory stays bounded at scale: each document is first reduced to a `PassageSummary` (its long
 * paragraphs' winnowing anchors, anchors.ts), in a worker. The search then reads the summaries
 * again and again — once to count anchors in a fixed-size filter, then once per hash partition of
 * the anchors that may recur, keeping only the postings that can pair paragraphs of two clusters —
 * and hands the candidate pairs (paragraphs sharing MIN_ANCHORS anchors across clusters) out in
 * blocks (blocks.ts), verified wherever they run (on the workers, in the pipeline) from the texts of
 * the paragraphs a block needs. Each unit of a candidate (the paragraph, its long sentences:
 * units.ts) is verified against each unit of the other.
 */
import { arraySource, keptParagraphs } from '../document.js'
import { U32List } from '../u32list.js'
import type { Document, DocumentSource, PassageSummary, SharedPassage } from '../types.js'
import { AnchorFilter, AnchorIndex, PairIndex, winnow } from './anchors.js'
import { AnchorPartitions } from './partitions.js'
import { scanShingles, scratchShingles } from './shingle.js'
import { componentParts, paragraphsOf, UNITS_PER_PARAGRAPH, verifyPassageBlock, type BlockMatches, type PassageBlock } from './blocks.js'
import { MIN_PASSAGE_WORDS, SHINGLE, wordsOf } from './units.js'

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
/**
 * Candidate pairs verified per block, and paragraphs loaded per block (about 2 KB each, sentences
 * split). A paragraph's partners are anywhere in the corpus, so a paragraph is prepared again in
 * every block that needs it: at 100,000 documents, blocks of 2^17 paragraphs against 2^16 cut the
 * search's thread time from 128 to 80 s for about 330 MB more peak RSS (a block's, not the corpus's).
 */
const BLOCK_PAIRS = 2 ** 20
const BLOCK_PARAGRAPHS = 2 ** 17

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
  /** The paragraph's place among its document's summarised (long) paragraphs. */
  readonly ordinals: U32List
  readonly lines: U32List
  readonly words: U32List
}

/** A unit that matched another: a union-find node (see `find`). */
interface Matched {
  readonly document: number
  readonly line: number
  readonly text: string
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

/** A handed-out block: its paragraph numbers by slot, its pairs' positions in the block it was cut from (null: uncut), that block. */
interface Handed {
  readonly numbers: Uint32Array
  readonly order: Uint32Array | null
  readonly group: Group
}

/** A block cut in parts: how many, and those back so far. */
interface Group {
  readonly parts: number
  readonly arrived: Array<{ readonly handed: Handed; readonly found: BlockMatches }>
}

/**
 * The search's first pass: how many anchors the summaries hold, and a counting filter of them. The
 * pipeline makes it as pass 2's summaries come back (the main thread waits on the workers then),
 * in the order the search reads them, so the search reads the spooled summaries once, not twice.
 */
export class AnchorCount {
  private filter: AnchorFilter | null
  /** Anchors added, and the summaries they came in. */
  anchors = 0
  documents = 0

  /** `expected`: about how many summaries will come (it sizes the filter). */
  constructor(expected: number) {
    this.filter = new AnchorFilter(Math.min(expected * FILTER_SLOTS_PER_DOCUMENT, MAX_FILTER_SLOTS))
  }

  /** The count over summaries at hand. */
  static of(summaries: Iterable<PassageSummary>, expected: number): AnchorCount {
    const count = new AnchorCount(expected)
    for (const summary of summaries) count.add(summary)
    return count
  }

  add(summary: Pick<PassageSummary, 'anchors' | 'offsets'>): void {
    if (this.filter === null) throw new Error('AnchorCount.add: the filter was handed over')
    for (let k = 0; k + 1 < summary.offsets.length; k++) this.filter.add(summary.anchors.subarray(summary.offsets[k]!, summary.offsets[k + 1]!))
    this.anchors += summary.anchors.length
    this.documents++
  }

  /** The filter, handed over once: the search lets go of it as soon as the anchors are dealt, and so may the count. */
  takeFilter(): AnchorFilter {
    if (this.filter === null) throw new Error('AnchorCount.takeFilter: handed over already')
    const filter = this.filter
    this.filter = null
    return filter
  }
}

export interface PassageSearchSettings {
  /** Past this many anchors they are indexed a hash partition at a time. */
  readonly partitionEntries?: number
  /** A folder for the anchors dealt into partitions (a spool's); without one they are held in memory. */
  readonly scratch?: string
  /** The summaries' anchors, counted as they came (else the search reads the summaries once more to count them). */
  readonly counted?: AnchorCount
}

/**
 * Passages recurring in documents of different clusters, from the documents' summaries, in three
 * steps so that the costly one can run on worker threads: the constructor finds the candidate
 * pairs' index (main thread, summaries only); `blocks()` hands out the pairs a block at a time and
 * `verifyPassageBlock` verifies a block anywhere (it loads only the block's documents); `apply()`
 * takes the blocks' matches back in block order, so the result is the same however the blocks ran.
 *
 * `summaries()` yields every document's `PassageSummary` in position order and is called twice
 * (the anchors are counted, then indexed: in hash partitions past `partitionEntries` anchors), or
 * once when the caller counted them as they came (`settings.counted`);
 * `groupOf[i]` is document i's cluster (documents of one cluster share everything, so pairs inside
 * one are not compared).
 */
export class PassageSearch {
  private readonly located: Located
  private readonly groups: Int32Array
  private readonly pairIndex: PairIndex
  /** Matched units by id, in order of first match (which fixes ties in `collect`). */
  private readonly matched = new Map<number, Matched>()
  /** Each handed-out block, until its matches are applied: see `Handed`. */
  private readonly handed = new Map<PassageBlock, Handed>()

  constructor(
    private readonly ids: readonly string[],
    summaries: () => Iterable<PassageSummary>,
    groupOf: readonly string[],
    { partitionEntries = PARTITION_ENTRIES, scratch, counted }: PassageSearchSettings = {},
  ) {
    // Pass 1: an anchor in one paragraph only can never pair two (counted here unless the caller
    // counted the summaries as they came).
    const count = counted ?? AnchorCount.of(summaries(), ids.length)
    if (count.documents !== ids.length) throw new Error(`PassageSearch: anchors counted in ${count.documents} summaries for ${ids.length} documents`)
    let filter: AnchorFilter | undefined = count.takeFilter()
    // Pass 2: the paragraphs holding anchors that may recur (no other can be a candidate) are
    // numbered, and their anchors dealt into hash partitions (files in `scratch`, else memory),
    // indexed one partition at a time so that at most about `partitionEntries` anchors are sorted
    // at once. Only the postings that can pair anything stay.
    const located: Located = { documents: new U32List(), paragraphs: new U32List(), ordinals: new U32List(), lines: new U32List(), words: new U32List() }
    const groups = new U32List()
    const groupIds = new Map<string, number>()
    const dealt = new AnchorPartitions(Math.max(1, Math.ceil(count.anchors / partitionEntries)), scratch)
    try {
      let paragraph = 0
      let position = 0
      for (const summary of summaries()) {
        const group = groupOf[position]!
        if (!groupIds.has(group)) groupIds.set(group, groupIds.size)
        for (let k = 0; k + 1 < summary.offsets.length; k++) {
          const anchors = filter.recurring(summary.anchors.subarray(summary.offsets[k]!, summary.offsets[k + 1]!))
          // One recurring anchor cannot make a pair, but it counts towards its posting's MAX_POSTING.
          if (anchors.length === 0) continue
          located.documents.push(position)
          located.paragraphs.push(summary.paragraphs[k]!)
          located.ordinals.push(k)
          located.lines.push(summary.lines[k]!)
          located.words.push(summary.words[k]!)
          groups.push(groupIds.get(group)!)
          dealt.add(paragraph, anchors)
          paragraph++
        }
        position++
      }
      if (position !== ids.length) throw new Error(`findSharedPassagesIn: ${position} summaries for ${ids.length} documents`)
      filter = undefined // the counters are done with: free them before the anchors are sorted
      const groupArray = Int32Array.from({ length: groups.length }, (_, i) => groups.at(i))
      const kept: Uint32Array[] = []
      for (let partition = 0; partition < dealt.count; partition++) {
        const index = new AnchorIndex()
        dealt.forEach(partition, (item, anchors) => index.add(item, anchors))
        kept.push(index.keptPostings(groupArray, MAX_POSTING))
      }
      this.located = located
      this.groups = groupArray
      this.pairIndex = new PairIndex(groupArray.length, kept)
    } finally {
      dealt.dispose()
    }
  }

  /**
   * The candidate pairs in order of their first paragraph (the second anywhere in the corpus), a
   * block at a time: a block closes at `maxPairs` pairs or `maxParagraphs` distinct paragraphs.
   * Blocks are big on purpose: most of verifying is preparing each paragraph a block needs (its
   * 3-grams, its sentences), and a paragraph's pairs reach anywhere in the corpus. For `parts`
   * threads a block is cut along the components of its pair graph (paragraphs linked by pairs), so
   * no paragraph is prepared by two parts: cutting it into runs of consecutive pairs instead nearly
   * doubled the work (9.9 → 16.4 s of thread time on the 10,000-document bench corpus). `apply`
   * takes a cut block's parts back together, in the pairs' order.
   */
  *blocks(parts = 1, maxPairs = BLOCK_PAIRS, maxParagraphs = BLOCK_PARAGRAPHS): Generator<PassageBlock> {
    let pairs = new U32List() // paragraph numbers, two per pair
    let distinct = new Set<number>()
    for (const { a, partners } of this.pairIndex.partnersInOrder(this.groups, MIN_ANCHORS)) {
      for (const b of partners) {
        pairs.push(a)
        pairs.push(b)
        distinct.add(a).add(b)
        if (pairs.length >= 2 * maxPairs || distinct.size >= maxParagraphs) {
          yield* this.cut(pairs.toArray(), parts)
          pairs = new U32List()
          distinct = new Set()
        }
      }
    }
    if (pairs.length > 0) yield* this.cut(pairs.toArray(), parts)
  }

  /** A block of pairs (paragraph numbers, two per pair) in up to `parts` parts sharing no paragraph. */
  private *cut(pairNumbers: Uint32Array, parts: number): Generator<PassageBlock> {
    if (parts <= 1) {
      yield this.block(pairNumbers, null, { parts: 1, arrived: [] })
      return
    }
    const members = componentParts(pairNumbers, parts)
    const group: Group = { parts: members.length, arrived: [] }
    for (const order of members) {
      const subset = new Uint32Array(2 * order.length)
      order.forEach((k, i) => {
        subset[2 * i] = pairNumbers[2 * k]!
        subset[2 * i + 1] = pairNumbers[2 * k + 1]!
      })
      yield this.block(subset, order, group)
    }
  }

  /** A block of the pairs given as paragraph numbers: slots in order of first mention. */
  private block(pairNumbers: Uint32Array, order: Uint32Array | null, group: Group): PassageBlock {
    const { located } = this
    const slotOf = new Map<number, number>()
    const numbers = new U32List()
    const pairs = new Uint32Array(pairNumbers.length)
    pairNumbers.forEach((paragraph, k) => {
      let slot = slotOf.get(paragraph)
      if (slot === undefined) {
        slotOf.set(paragraph, (slot = numbers.length))
        numbers.push(paragraph)
      }
      pairs[k] = slot
    })
    const slotNumbers = numbers.toArray()
    const documents = Uint32Array.from(new Set(Array.from(slotNumbers, (paragraph) => located.documents.at(paragraph)))).sort()
    const documentIndex = new Map(Array.from(documents, (document, k) => [document, k]))
    const block: PassageBlock = {
      documents,
      slotDocuments: slotNumbers.map((paragraph) => documentIndex.get(located.documents.at(paragraph))!),
      slotParagraphs: slotNumbers.map((paragraph) => located.paragraphs.at(paragraph)),
      slotOrdinals: slotNumbers.map((paragraph) => located.ordinals.at(paragraph)),
      slotWords: slotNumbers.map((paragraph) => located.words.at(paragraph)),
      pairs,
    }
    this.handed.set(block, { numbers: slotNumbers, order, group })
    return block
  }

  /**
   * Takes a block's matches (blocks in the order `blocks()` gave them). The parts of a cut block
   * are held until all are back, then their matches are taken in the pairs' order, as if the block
   * had not been cut: the order of first matches fixes ties in the result.
   */
  apply(block: PassageBlock, found: BlockMatches): void {
    const handed = this.handed.get(block)
    if (handed === undefined) throw new Error('PassageSearch.apply: a block this search did not hand out, or applied twice')
    this.handed.delete(block)
    const { group } = handed
    group.arrived.push({ handed, found })
    if (group.arrived.length < group.parts) return
    const records: Array<{ pair: number; part: number; match: number }> = []
    group.arrived.forEach(({ handed: part, found: partFound }, index) => {
      for (let m = 0; m < partFound.pairs.length; m++) records.push({ pair: part.order === null ? partFound.pairs[m]! : part.order[partFound.pairs[m]!]!, part: index, match: m })
    })
    // One pair's matches all come from one part, in order: sorting by pair keeps them so.
    records.sort((x, y) => x.pair - y.pair || x.match - y.match)
    const texts = group.arrived.map(({ found: partFound }) => {
      const byUnit = new Map<number, string>()
      for (let k = 0; k < partFound.texts.length; k++) byUnit.set(partFound.units[2 * k]! * UNITS_PER_PARAGRAPH + partFound.units[2 * k + 1]!, partFound.texts[k]!)
      return byUnit
    })
    const node = (part: number, slot: number, unit: number): Matched => {
      if (unit >= UNITS_PER_PARAGRAPH) throw new Error(`findSharedPassagesIn: a paragraph of over ${UNITS_PER_PARAGRAPH} sentences`)
      const paragraph = group.arrived[part]!.handed.numbers[slot]!
      const id = paragraph * UNITS_PER_PARAGRAPH + unit
      let matched = this.matched.get(id)
      if (matched === undefined) {
        matched = { document: this.located.documents.at(paragraph), line: this.located.lines.at(paragraph), text: texts[part]!.get(slot * UNITS_PER_PARAGRAPH + unit)! }
        this.matched.set(id, matched)
      }
      return matched
    }
    for (const { part, match } of records) {
      const matches = group.arrived[part]!.found.matches
      const a = node(part, matches[4 * match]!, matches[4 * match + 1]!)
      const b = node(part, matches[4 * match + 2]!, matches[4 * match + 3]!)
      union(a, b)
    }
    group.arrived.length = 0
  }

  /** The passages, once every block is applied. */
  result(): SharedPassage[] {
    if (this.handed.size > 0) throw new Error(`PassageSearch.result: ${this.handed.size} blocks not applied`)
    return collect(this.ids, this.matched)
  }
}

/**
 * The whole search on one thread: `source` loads a document only when one of its paragraphs is in
 * a candidate pair. See `PassageSearch` for the arguments.
 */
export function findSharedPassagesIn(
  ids: readonly string[],
  summaries: () => Iterable<PassageSummary>,
  groupOf: readonly string[],
  source: DocumentSource,
  partitionEntries = PARTITION_ENTRIES,
  scratch?: string,
): SharedPassage[] {
  const search = new PassageSearch(ids, summaries, groupOf, { partitionEntries, ...(scratch !== undefined ? { scratch } : {}) })
  for (const block of search.blocks()) search.apply(block, verifyPassageBlock(block, (k) => paragraphsOf(source.load(block.documents[k]!))))
  return search.result()
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
 * A passage's text: the wording its members carry most often, ties to the first member (members
 * in report order, the longer unit first at one line, so a paragraph before its own sentences).
 * It depends on the members only, never on which of their pairs were verified: the search passes
 * over pairs that cannot change a component (`BlockComponents` in blocks.ts), so the edges it sees
 * depend on how the pairs fell into blocks. The wording a quote recurs in most is what the
 * outlets carried; a variant is one outlet's edit.
 */
function commonestText(members: readonly Matched[]): string {
  const counts = new Map<string, number>()
  for (const { text } of members) counts.set(text, (counts.get(text) ?? 0) + 1)
  let best = members[0]!.text
  for (const { text } of members) if (counts.get(text)! > counts.get(best)!) best = text
  return best
}

/** Components → passages: one occurrence per (document, line), the text `commonestText`. */
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
    result.push({ text: commonestText(members), occurrences })
  }
  return result.sort((a, b) => {
    const x = a.occurrences[0]!
    const y = b.occurrences[0]!
    return x.document < y.document ? -1 : x.document > y.document ? 1 : x.line - y.line
  })
}
