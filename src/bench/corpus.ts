/**
 * The benchmark corpus: new articles recombined from real paragraphs, with syndicated copies
 * (new headline, copyedits, trimmed ending, an added paragraph), junk lines, repeated paragraphs and
 * hard wraps injected, so that every stage does real work. A few thousand source paragraphs would
 * otherwise recur in thousands of unrelated stories (no real corpus shares text like that), so each
 * new story rewrites its paragraphs: most longer words are swapped for other words of the dev set.
 * Junk lines are not rewritten (recurring verbatim is what junk does); copies keep their story's words. Deterministic from the seed; streamed
 * (only a window of recent stories is kept, as indexes), so a million documents cost no memory.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { SourcePools } from './source.js'

export interface CorpusOptions {
  /** Documents to generate. */
  readonly docs: number
  /** PRNG seed: same seed, same corpus, byte for byte. */
  readonly seed: number
}

/** What went into the corpus: how many of each thing was injected (for the bench report). */
export interface CorpusStats {
  documents: number
  bytes: number
  stories: number
  syndicated: number
  junkLines: number
  repeatedParagraphs: number
  hardWrapped: number
}

/** Share of documents that are syndicated copies of an earlier story. */
const SYNDICATED_SHARE = 0.35
/** How far back a syndicated copy may reach (stories), which bounds the generator's memory. */
const STORY_WINDOW = 4096
const REPEAT_SHARE = 0.15
const WRAP_SHARE = 0.08

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Story {
  readonly title: number
  readonly paragraphs: readonly string[]
}

/** Words a story may swap: letters only, four or more. */
const SWAPPABLE = /^[A-Za-z]{4,}$/
/** Share of swappable words each new story swaps (about a third of all words). */
const SWAP_SHARE = 0.7

/** Greedy wrap at `width` columns, as a mail client or a PDF export hard-wraps prose. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A copyedit: one word dropped or two neighbours swapped. */
function copyedit(text: string, rand: () => number): string {
  const words = text.split(' ')
  if (words.length < 6) return text
  const at = 1 + Math.floor(rand() * (words.length - 3))
  if (rand() < 0.5) words.splice(at, 1)
  else [words[at], words[at + 1]] = [words[at + 1]!, words[at]!]
  return words.join(' ')
}

export class CorpusGenerator {
  readonly stats: CorpusStats = { documents: 0, bytes: 0, stories: 0, syndicated: 0, junkLines: 0, repeatedParagraphs: 0, hardWrapped: 0 }
  private readonly rand: () => number
  private readonly recent: Story[] = []
  private readonly vocabulary: readonly string[]

  constructor(
    private readonly pools: SourcePools,
    seed: number,
  ) {
    this.rand = random(seed)
    const words = new Set<string>()
    for (const paragraph of pools.paragraphs) for (const word of paragraph.split(' ')) if (SWAPPABLE.test(word)) words.add(word.toLowerCase())
    this.vocabulary = [...words].sort()
  }

  /** The paragraph in this story's words: swappable words replaced, keeping their capitalisation. */
  private rewrite(paragraph: string): string {
    return paragraph
      .split(' ')
      .map((word) => {
        if (!SWAPPABLE.test(word) || this.rand() >= SWAP_SHARE) return word
        const swap = this.pick(this.vocabulary)
        return word[0] === word[0]!.toUpperCase() ? swap[0]!.toUpperCase() + swap.slice(1) : swap
      })
      .join(' ')
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!
  }

  private index(length: number): number {
    return Math.floor(this.rand() * length)
  }

  private newStory(): Story {
    const count = 4 + this.index(10)
    const paragraphs = Array.from({ length: count }, () => this.rewrite(this.pick(this.pools.paragraphs)))
    const story = { title: this.index(this.pools.titles.length), paragraphs }
    this.stats.stories++
    return story
  }

  /** A syndicated copy: new headline sometimes, copyedits, a trimmed ending or an added paragraph. */
  private syndicate(story: Story): { title: number; body: string[] } {
    const title = this.rand() < 0.5 ? this.index(this.pools.titles.length) : story.title
    let body = [...story.paragraphs]
    body = body.map((text) => (this.rand() < 0.2 ? copyedit(text, this.rand) : text))
    if (this.rand() < 0.3 && body.length > 4) body = body.slice(0, body.length - 1 - this.index(2))
    if (this.rand() < 0.2) body.splice(this.index(body.length + 1), 0, this.rewrite(this.pick(this.pools.paragraphs)))
    this.stats.syndicated++
    return { title, body }
  }

  private junkLine(kind: string): string | null {
    const lines = this.pools.junk[kind] ?? []
    if (lines.length === 0) return null
    this.stats.junkLines++
    return this.pick(lines)
  }

  private junkBlock(kind: string): readonly string[] {
    const blocks = this.pools.blocks[kind] ?? []
    if (blocks.length === 0) return []
    const block = this.pick(blocks)
    this.stats.junkLines += block.length
    return block
  }

  /** The next document's text. */
  next(): string {
    let title: number
    let body: string[]
    if (this.recent.length > 0 && this.rand() < SYNDICATED_SHARE) {
      ;({ title, body } = this.syndicate(this.pick(this.recent)))
    } else {
      const story = this.newStory()
      if (this.recent.length === STORY_WINDOW) this.recent[this.index(STORY_WINDOW)] = story
      else this.recent.push(story)
      title = story.title
      body = [...story.paragraphs]
    }
    if (this.rand() < REPEAT_SHARE && body.length > 2) {
      const from = this.index(body.length - 1)
      const run = body.slice(from, from + 1 + this.index(2))
      body.splice(from + run.length + this.index(body.length - from - run.length + 1), 0, ...run)
      this.stats.repeatedParagraphs += run.length
    }
    const lines: string[] = [this.pools.titles[title]!]
    if (this.rand() < 0.4) lines.push(...[this.junkLine('byline')].filter((line): line is string => line !== null))
    const width = this.rand() < WRAP_SHARE ? 60 + this.index(20) : 0
    if (width > 0) this.stats.hardWrapped++
    body.forEach((paragraph, position) => {
      if (width > 0) lines.push(...wrap(paragraph, width))
      else lines.push(paragraph)
      if (position === 1 && this.rand() < 0.15) lines.push(...[this.junkLine('caption')].filter((line): line is string => line !== null))
      if (position === 2 && this.rand() < 0.1) lines.push(...[this.junkLine('inline')].filter((line): line is string => line !== null))
    })
    if (this.rand() < 0.2) lines.push(...[this.junkLine('share')].filter((line): line is string => line !== null))
    if (this.rand() < 0.5) lines.push(...this.junkBlock('related-links'))
    if (this.rand() < 0.7) lines.push(...this.junkBlock('footer'))
    const text = `${lines.join('\n')}\n`
    this.stats.documents++
    this.stats.bytes += Buffer.byteLength(text)
    return text
  }
}

/** Zero-padded document id, so ids sort in generation order. */
export function documentId(n: number): string {
  return `gen-${String(n).padStart(7, '0')}`
}

/** Writes `docs` generated documents as JSONL to `path`; resolves to what went in. */
export async function writeCorpus(path: string, pools: SourcePools, options: CorpusOptions): Promise<CorpusStats> {
  const generator = new CorpusGenerator(pools, options.seed)
  const stream = createWriteStream(path)
  const done = once(stream, 'finish')
  let chunk = ''
  for (let n = 1; n <= options.docs; n++) {
    chunk += `${JSON.stringify({ id: documentId(n), text: generator.next() })}\n`
    if (chunk.length > 1 << 20 || n === options.docs) {
      if (!stream.write(chunk)) await once(stream, 'drain')
      chunk = ''
    }
  }
  stream.end()
  await done
  return generator.stats
}
