/**
 * A document's kept paragraphs as one stream of matching keys, joined by single spaces: the text
 * as it reads, wherever the hard wraps fell. Rejoining puts one space where a wrap was, so a copy
 * left in wrapped lines and a copy rejoined into one paragraph are the same characters here; only
 * the paragraph boundaries differ. A match in the stream starts where a paragraph starts on both
 * sides and ends where one ends on both sides (a sync point), or where the later paragraph ends and
 * the same text visibly goes on in the next one; so a paragraph that merely shares a sentence or a
 * quote with another never matches.
 */

/** Characters of stream text that name a candidate: paragraphs are looked up by how they begin. */
const PREFIX_CHARS = 24
/** Matching text past a later paragraph's end that shows the copy goes on across a different break. */
const GOES_ON_CHARS = 20

export interface StreamMatch {
  /** Last later unit covered (inclusive). */
  readonly laterEnd: number
  /** Stream offset where the earlier text goes on after the match (a run may continue there). */
  readonly earlierNext: number
  /** Matched characters of the stream. */
  readonly chars: number
}

export class KeyStream {
  readonly text: string
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  constructor(keys: readonly string[]) {
    let offset = 0
    for (const key of keys) {
      this.starts.push(offset)
      this.ends.push(offset + key.length)
      offset += key.length + 1
    }
    this.text = keys.join(' ')
  }

  /** Does some unit end at stream offset `offset`? (The unit holding an offset is the only one that can.) */
  endsAt(offset: number): boolean {
    return this.starts.length > 0 && this.ends[this.unitAt(offset)] === offset
  }

  /** A unit's key, as handed in. */
  key(unit: number): string {
    return this.text.slice(this.starts[unit]!, this.ends[unit]!)
  }

  start(unit: number): number {
    return this.starts[unit]!
  }

  end(unit: number): number {
    return this.ends[unit]!
  }

  /** How a unit begins, for the candidate index (may run into the units after it). */
  prefix(unit: number): string {
    const start = this.starts[unit]!
    return this.text.slice(start, start + PREFIX_CHARS)
  }

  /** The unit holding a stream offset. */
  unitAt(offset: number): number {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low
  }

  /**
   * The longest match of the text from unit `later` against the text from stream offset `from`
   * (where an earlier paragraph starts, or where the previous match left off), ending where a
   * later paragraph ends and either an earlier one ends too or the copy visibly goes on (the text
   * keeps matching for GOES_ON_CHARS more: the later copy was merely broken at another place), and
   * at least `minChars` long. The earlier side must end before `later` starts.
   */
  match(from: number, later: number, minChars: number): StreamMatch | null {
    const b = this.starts[later]!
    const limit = Math.min(b - 1 - from, this.text.length - b)
    const text = this.text
    let common = 0
    while (common < limit && text.charCodeAt(from + common) === text.charCodeAt(b + common)) common++
    let best: StreamMatch | null = null
    for (let unit = later; unit < this.ends.length && this.ends[unit]! - b <= common; unit++) {
      const chars = this.ends[unit]! - b
      if (this.endsAt(from + chars) || common - chars > GOES_ON_CHARS) best = { laterEnd: unit, earlierNext: from + chars + 1, chars }
    }
    return best !== null && best.chars >= minChars ? best : null
  }
}
