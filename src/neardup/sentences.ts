/**
 * natural's SentenceTokenizer, its placeholder passes done in one pass each. natural builds a
 * RegExp per placeholder, per sentence, to put the text back (`escapeRegExp` and `revertDelimiters`
 * were 5% of a 10,000-document run). Same output: natural's placeholders are `{{NAME_n}}`, a value
 * put back never holds a later placeholder, and `String.replace` does not rescan what it inserts,
 * so one pass per map equals natural's pass per entry. Where that could differ (the text itself
 * holds `{{`, or a value holds `$`, which natural's string replacement would interpret) natural's
 * own code runs.
 */
import { createRequire } from 'node:module'

interface NaturalSentenceTokenizer {
  tokenize(text: string): string[]
  replaceAbbreviations(text: string): string
  splitOnPlaceholders(text: string): string[]
  revertReplacements(text: string): string
  revertDelimiters(text: string): string
}

const require = createRequire(import.meta.url)
// The module itself, not natural's index, which loads the whole library (over a second).
const NaturalTokenizer = require('natural/lib/natural/tokenizers/sentence_tokenizer.js') as new (abbreviations?: string[]) => NaturalSentenceTokenizer

const REPLACEMENT = /\{\{(?:ABBREV|URI|NUMBER)_\d+\}\}/g
const DELIMITER = /\{\{DELIM_\d+\}\}/g
const SPLIT = /(\{\{DELIM_\d+\}\})/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export class SentenceTokenizer extends NaturalTokenizer {
  private readonly abbreviationPattern: RegExp | null
  private plain = false
  private declare replacementMap: Map<string, string>
  private declare delimiterMap: Map<string, string>
  private declare replacementCounter: number

  constructor(abbreviations: string[]) {
    super(abbreviations)
    this.abbreviationPattern = abbreviations.length === 0 ? null : new RegExp(`(${abbreviations.map(escapeRegExp).join('|')})`, 'gi')
  }

  override tokenize(text: string): string[] {
    this.plain = !text.includes('{{')
    return super.tokenize(text)
  }

  override replaceAbbreviations(text: string): string {
    if (this.abbreviationPattern === null) return text
    return text.replace(this.abbreviationPattern, (match) => {
      const code = `{{ABBREV_${this.replacementCounter++}}}`
      this.replacementMap.set(code, match)
      return code
    })
  }

  override splitOnPlaceholders(text: string): string[] {
    if (!this.plain || this.delimiterMap.size === 0) return super.splitOnPlaceholders(text)
    const parts = text.split(SPLIT)
    const sentences: string[] = []
    for (let i = 0; i < parts.length; i += 2) sentences.push(parts[i]! + (parts[i + 1] ?? ''))
    return sentences
  }

  override revertReplacements(text: string): string {
    if (!this.plain || [...this.replacementMap.values()].some((value) => value.includes('$'))) return super.revertReplacements(text)
    return text.replace(REPLACEMENT, (placeholder) => this.replacementMap.get(placeholder) ?? placeholder)
  }

  override revertDelimiters(text: string): string {
    if (!this.plain) return super.revertDelimiters(text)
    return text.replace(DELIMITER, (placeholder) => this.delimiterMap.get(placeholder) ?? placeholder)
  }
}
