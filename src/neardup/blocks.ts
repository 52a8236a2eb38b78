/**
 * Blocks of candidate pairs of the shared-passage search (`shared.ts`), as plain data a worker
 * thread can take: what a block holds, how a block is cut for threads without two parts preparing
 * one paragraph, what a document gives verification (the texts and keys of its summarised
 * paragraphs), and the verification itself.
 */
import { U32List } from '../u32list.js'
import type { Document, PassageSummary } from '../types.js'
import { ParagraphUnits, mayMatch, sentenceTokenizer, verifyUnits, type Unit } from './units.js'

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
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const ends = new Uint32Array(pairNumbers.length)
  for (let k = 0; k < pairNumbers.length; k++) ends[k] = id(pairNumbers[k]!)
  for (let k = 0; k < count; k++) {
    const a = root(ends[2 * k]!)
    const b = root(ends[2 * k + 1]!)
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
  }
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
 * loading each of the block's documents once. Pure: what a worker thread runs.
 */
export function verifyPassageBlock(block: PassageBlock, load: (k: number) => PassageParagraph): BlockMatches {
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
  for (let k = 0; k < block.pairs.length; k += 2) {
    const x = paragraphs[block.pairs[k]!]!
    const y = paragraphs[block.pairs[k + 1]!]!
    if (!mayMatch(x, y)) continue
    verifyUnits(x, y, tokenizer, (a, b) => {
      pairPositions.push(k / 2)
      mention(x.paragraph, a)
      mention(y.paragraph, b)
    })
  }
  return { matches: matches.toArray(), pairs: pairPositions.toArray(), units: units.toArray(), texts }
}
