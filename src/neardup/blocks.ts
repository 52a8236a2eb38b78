/**
 * Blocks of candidate pairs of the shared-passage search (`shared.ts`), as plain data a worker
 * thread can take: what a block holds, how a block is cut for threads without two parts preparing
 * one paragraph, what a document gives verification (the texts and keys of its summarised
 * paragraphs), and the verification itself.
 */
import { U32List } from '../u32list.js'
import type { Document, PassageSummary } from '../types.js'
import { PairTester, ParagraphUnits, mayMatch, sentenceTokenizer, type Unit } from './units.js'

/** Unit ids are paragraph × this + unit index. */
export const UNITS_PER_PARAGRAPH = 2 ** 21

/**
 * Candidate pairs to verify, a block at a time: the documents and paragraphs the block needs, and
 * its pairs as slots into them. A block is plain typed arrays: it can go to a worker thread as it is.
 */
export interface PassageBlock {
  /** The documents to load (positions in the search's ids), ascending. */
  readonly documents: Uint32Array
  /** Per slot: the index in `documents` of the paragraph's document… */
  readonly slotDocuments: Uint32Array
  /** …the paragraph's index in that document, and its place among the document's summarised paragraphs… */
  readonly slotParagraphs: Uint32Array
  readonly slotOrdinals: Uint32Array
  /** …and its words (a paragraph long enough for two long sentences is split into them). */
  readonly slotWords: Uint32Array
  /** Two slots per pair, pairs in the search's order. */
  readonly pairs: Uint32Array
}

/** What a block's verification found, in pair order: plain data, back from a worker thread. */
export interface BlockMatches {
  /** Four numbers per matched pair of units: slot and unit index of one side, then of the other. */
  readonly matches: Uint32Array
  /** Per match, the position of its pair in the block. */
  readonly pairs: Uint32Array
  /** Each unit named in `matches` once, in order of first mention: slot, unit index; its text in `texts`. */
  readonly units: Uint32Array
  readonly texts: string[]
  /** Pairs passed over unverified: they could not change any passage (see `BlockComponents`). */
  readonly skipped: number
}

/**
 * The pairs (paragraph numbers, two per pair) grouped by the components of their graph and dealt
 * into at most `parts` parts of about equal pair counts, largest component first, each part's pair
 * positions ascending. No paragraph is in two parts.
 */
export function componentParts(pairNumbers: Uint32Array, parts: number): Uint32Array[] {
  const count = pairNumbers.length / 2
  const local = new Map<number, number>()
  const parent: number[] = []
  const id = (paragraph: number): number => {
    let i = local.get(paragraph)
    if (i === undefined) {
      local.set(paragraph, (i = parent.length))
      parent.push(i)
    }
    return i
  }
  const root = (i: number): number => rootOf(parent, i)
  const ends = new Uint32Array(pairNumbers.length)
  for (let k = 0; k < pairNumbers.length; k++) ends[k] = id(pairNumbers[k]!)
  for (let k = 0; k < count; k++) unite(parent, ends[2 * k]!, ends[2 * k + 1]!)
  const byComponent = new Map<number, number[]>()
  for (let k = 0; k < count; k++) {
    const component = root(ends[2 * k]!)
    const list = byComponent.get(component)
    if (list === undefined) byComponent.set(component, [k])
    else list.push(k)
  }
  const components = [...byComponent.values()].sort((x, y) => y.length - x.length)
  const loads = new Array<number>(parts).fill(0)
  const members: number[][] = Array.from({ length: parts }, () => [])
  for (const component of components) {
    const lightest = loads.indexOf(Math.min(...loads))
    for (const k of component) members[lightest]!.push(k)
    loads[lightest]! += component.length
  }
  return members.filter((list) => list.length > 0).map((list) => Uint32Array.from(list).sort())
}

/**
 * A paragraph of one of a block's documents, by its index in the document and its place among the
 * document's summarised paragraphs (a store may keep only those: see `passageTexts`).
 */
export type PassageParagraph = (paragraph: number, ordinal: number) => { readonly text: string; readonly key: string }

/** The texts and keys of a document's summarised paragraphs, in `summarizeForPassages` order: what verification reads. */
export interface PassageTexts {
  readonly texts: readonly string[]
  readonly keys: readonly string[]
}

export function passageTexts(document: Document, summary: PassageSummary): PassageTexts {
  const paragraphs = Array.from(summary.paragraphs, (index) => document.paragraphs[index]!)
  return { texts: paragraphs.map((paragraph) => paragraph.text), keys: paragraphs.map((paragraph) => paragraph.key) }
}

/** `PassageParagraph` of a whole document / of its `PassageTexts`. */
export function paragraphsOf(document: Pick<Document, 'paragraphs'>): PassageParagraph {
  return (paragraph) => document.paragraphs[paragraph]!
}
export function paragraphsFromTexts(texts: PassageTexts): PassageParagraph {
  return (_, ordinal) => ({ text: texts.texts[ordinal]!, key: texts.keys[ordinal]! })
}

/**
 * Verifies a block's pairs, each unit of one paragraph against each unit of the other (`units.ts`),
 * loading each of the block's documents once, passing over the pairs that cannot change any passage
 * (`BlockComponents`; `skip` false verifies every pair, for tests). Pure: what a worker thread runs.
 */
export function verifyPassageBlock(block: PassageBlock, load: (k: number) => PassageParagraph, skip = true): BlockMatches {
  const slots = block.slotDocuments.length
  const paragraphs: ParagraphUnits[] = new Array(slots)
  // Slots by document, so each document is loaded once and dropped before the next.
  const order = Array.from({ length: slots }, (_, k) => k).sort((x, y) => block.slotDocuments[x]! - block.slotDocuments[y]! || x - y)
  let document: PassageParagraph | undefined
  let loadedIndex = -1
  for (const slot of order) {
    const k = block.slotDocuments[slot]!
    if (document === undefined || loadedIndex !== k) {
      document = load(k)
      loadedIndex = k
    }
    const { text, key } = document(block.slotParagraphs[slot]!, block.slotOrdinals[slot]!)
    paragraphs[slot] = new ParagraphUnits(slot, text, key, block.slotWords[slot]!)
  }
  const tokenizer = sentenceTokenizer()
  const matches = new U32List()
  const pairPositions = new U32List()
  const units = new U32List()
  const texts: string[] = []
  const mentioned = new Set<number>()
  const mention = (paragraph: number, unit: Unit): void => {
    matches.push(paragraph)
    matches.push(unit.index)
    const id = paragraph * UNITS_PER_PARAGRAPH + unit.index
    if (mentioned.has(id)) return
    mentioned.add(id)
    units.push(paragraph)
    units.push(unit.index)
    texts.push(unit.text)
  }
  const tester = new PairTester()
  const components = new BlockComponents(slots)
  let skipped = 0
  for (let k = 0; k < block.pairs.length; k += 2) {
    const x = paragraphs[block.pairs[k]!]!
    const y = paragraphs[block.pairs[k + 1]!]!
    if (skip && components.joined(x.paragraph, y.paragraph)) {
      skipped++
      continue
    }
    // Splitting sentences costs more than the exact bound; once both are split, verifying costs about what the bound does.
    if (!(x.split && y.split) && !mayMatch(x, y)) continue
    tester.verify(x, y, tokenizer, (a, b) => {
      pairPositions.push(k / 2)
      mention(x.paragraph, a)
      mention(y.paragraph, b)
      components.union(x.paragraph, a.index, x.unitsOf(tokenizer).length, y.paragraph, b.index, y.unitsOf(tokenizer).length)
    })
  }
  return { matches: matches.toArray(), pairs: pairPositions.toArray(), units: units.toArray(), texts, skipped }
}

/**
 * The components of the units matched so far in a block (a union-find over slot × unit), to pass
 * over a pair that cannot change any passage: when every unit of both paragraphs has matched and
 * all are in one component, verifying the pair could only link units already linked. It would
 * find no unit matching for the first time (so the order of first matches, which orders the
 * report, stays) and join no two components (so every passage keeps its occurrences); only the
 * edges counted change, which is why the passage's text is not chosen by its edges (`collect` in
 * shared.ts). What a block links, the whole search links too, so this is exact block by block; and
 * a cut block's parts share no paragraph, so a part skips exactly the pairs the whole block would:
 * the matches are the same whatever the number of threads. On a near-clique (a quote carried by
 * hundreds of documents, each pair of them a candidate) this verifies about one pair per
 * paragraph instead of all of them.
 */
export class BlockComponents {
  /** Per slot: its first node, −1 until one of its units matches; its unit count; units not matched yet; whether it is settled (all matched, one component). */
  private readonly first: Int32Array
  private readonly count: Int32Array
  private readonly unmatched: Int32Array
  private readonly settled: Uint8Array
  /** Per node (slot's first node + unit index): its parent, −1 while the unit has not matched. */
  private parent = new Int32Array(1024)
  private nodes = 0

  constructor(slots: number) {
    this.first = new Int32Array(slots).fill(-1)
    this.count = new Int32Array(slots)
    this.unmatched = new Int32Array(slots)
    this.settled = new Uint8Array(slots)
  }

  /** Records a match of unit `a` of slot `x` (of `unitsX` units) with unit `b` of slot `y`. */
  union(x: number, a: number, unitsX: number, y: number, b: number, unitsY: number): void {
    // Both nodes first: making one may grow the parent array.
    const nodeA = this.node(x, a, unitsX)
    const nodeB = this.node(y, b, unitsY)
    unite(this.parent, nodeA, nodeB)
  }

  /** Whether every unit of slots `x` and `y` has matched, all in one component. */
  joined(x: number, y: number): boolean {
    return this.isSettled(x) && this.isSettled(y) && this.root(this.first[x]!) === this.root(this.first[y]!)
  }

  private isSettled(slot: number): boolean {
    if (this.settled[slot] === 1) return true
    if (this.first[slot] === -1 || this.unmatched[slot] !== 0) return false
    const start = this.first[slot]!
    const root = this.root(start)
    for (let node = start + 1; node < start + this.count[slot]!; node++) if (this.root(node) !== root) return false
    this.settled[slot] = 1 // components only grow: a settled slot stays settled
    return true
  }

  private node(slot: number, unit: number, units: number): number {
    if (this.first[slot] === -1) {
      if (this.nodes + units > this.parent.length) {
        const grown = new Int32Array(Math.max(2 * this.parent.length, this.nodes + units))
        grown.set(this.parent)
        this.parent = grown
      }
      this.parent.fill(-1, this.nodes, this.nodes + units)
      this.first[slot] = this.nodes
      this.count[slot] = units
      this.unmatched[slot] = units
      this.nodes += units
    }
    const node = this.first[slot]! + unit
    if (this.parent[node] === -1) {
      this.parent[node] = node
      this.unmatched[slot]!--
    }
    return node
  }

  private root(node: number): number {
    return rootOf(this.parent, node)
  }
}

/**
 * Union-find over a parent array (`parent[i] === i` at a root), shared by the block cutter and
 * `BlockComponents`: path halving, and the smaller root wins, so a component is named by its least
 * member whatever the order of the unions.
 */
function rootOf(parent: Int32Array | number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
  return i
}

function unite(parent: Int32Array | number[], a: number, b: number): void {
  const ra = rootOf(parent, a)
  const rb = rootOf(parent, b)
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
}
