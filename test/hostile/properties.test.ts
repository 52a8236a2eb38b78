/**
 * Property-based tests (fast-check). Random corpora built from real dev-set paragraphs, with junk
 * lines and repeats injected: the cleaner never removes a paragraph that is not junk and appears
 * nowhere else, and never outputs more lines than came in. And for any text and any id at all:
 * no crash, stats that add up, file names that stay inside the output folder.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { normalize } from '../../src/segment/index.js'
import { assignFileNames } from '../../src/write/index.js'
import { DEV_GOLD, devCorpus, readGold } from '../helpers/index.js'

const corpus = devCorpus()
const gold = readGold(DEV_GOLD)

/** Story paragraphs: lines of the gold clean texts that are whole sentences, one copy of each. */
const PARAGRAPHS = (() => {
  const seen = new Set<string>()
  const out: string[] = []
  for (const document of Object.values(gold.documents)) {
    for (const line of document.clean.split('\n')) {
      const key = normalize(line)
      if (line.length >= 80 && /[.!?]["”’]?$/.test(line) && !seen.has(key)) {
        seen.add(key)
        out.push(line)
      }
    }
  }
  return out
})()

/** Junk lines as the dev set has them (footers, share buttons, related links, bylines, captions). */
const JUNK = (() => {
  const texts = new Map(corpus.map((document) => [document.id, document.text.split(/\r?\n/)]))
  const out = new Set<string>()
  for (const [id, document] of Object.entries(gold.documents)) {
    for (const line of document.lines) {
      const text = texts.get(id)?.[line.line - 1]
      if (line.label.startsWith('boilerplate:') && text && text.trim()) out.add(text)
    }
  }
  return [...out].sort()
})()

interface Line {
  readonly text: string
  readonly junk: boolean
}

/** One document: story paragraphs, junk lines slipped in, and some paragraphs said twice. */
const documentLines = fc
  .record({
    story: fc.array(fc.nat(PARAGRAPHS.length - 1), { minLength: 1, maxLength: 8 }),
    junk: fc.array(fc.tuple(fc.nat(JUNK.length - 1), fc.nat(20)), { maxLength: 4 }),
    repeats: fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 2 }),
  })
  .map(({ story, junk, repeats }) => {
    const lines: Line[] = story.map((index) => ({ text: PARAGRAPHS[index]!, junk: false }))
    for (const [from, to] of repeats) lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]!)
    for (const [index, at] of junk) lines.splice(at % (lines.length + 1), 0, { text: JUNK[index]!, junk: true })
    return lines
  })

const corpusArbitrary = fc.array(documentLines, { minLength: 1, maxLength: 6 })

describe('properties of cleaning real paragraphs', () => {
  it('never removes a story paragraph that appears nowhere else, nor adds lines', async () => {
    await fc.assert(
      fc.asyncProperty(corpusArbitrary, async (documents) => {
        const counts = new Map<string, number>()
        for (const lines of documents) for (const line of lines) counts.set(normalize(line.text), (counts.get(normalize(line.text)) ?? 0) + 1)
        const junkKeys = new Set(documents.flat().filter((line) => line.junk).map((line) => normalize(line.text)))
        const inputs = documents.map((lines, i) => ({ id: `doc-${i}`, text: `${lines.map((line) => line.text).join('\n')}\n` }))
        const { report } = await clean(inputs, { jobs: 1 })
        for (const [i, lines] of documents.entries()) {
          const document = report.documents.find((entry) => entry.id === `doc-${i}`)!
          const output = document.text === '' ? [] : document.text.trimEnd().split('\n')
          expect(output.length).toBeLessThanOrEqual(lines.length)
          for (const line of lines) {
            const key = normalize(line.text)
            if (line.junk || junkKeys.has(key) || counts.get(key) !== 1) continue
            expect(document.status, `${document.id} lost "${line.text}"`).toBe('kept')
            expect(document.text, `${document.id} lost "${line.text}": ${JSON.stringify(document.removed)}`).toContain(line.text)
          }
        }
      }),
      { numRuns: 60, seed: 20261123 },
    )
  })
})

describe('properties of any input at all', () => {
  it('never throws, and every document is in the report once, with stats that add up', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .tuple(
          fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('', ' ', '\r', '\u200b', '\u202e', '\u0000', '\ufeff')), { maxLength: 12 }),
          fc.constantFrom('\n', '\r\n', '\r'),
        )
        .map(([lines, end]) => lines.join(end)),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), text }), { maxLength: 8 }), async (inputs) => {
        const { report, documents } = await clean(inputs, { jobs: 1 })
        const stats = report.stats.documents
        expect(stats.in).toBe(inputs.length)
        expect(stats.kept + stats.duplicate + stats.empty + stats.skipped).toBe(stats.in)
        expect(new Set(documents.map((document) => document.id)).size).toBe(inputs.length)
        for (const document of documents) expect(document.text === '' || document.text.endsWith('\n')).toBe(true)
      }),
      { numRuns: 150, seed: 8 },
    )
  })

  it('maps any ids to distinct relative file names that stay inside the output folder', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }), { maxLength: 12 }), (ids) => {
        const names = [...assignFileNames(ids).values()]
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(ids.length)
        for (const name of names) {
          expect(name.endsWith('.txt')).toBe(true)
          expect(name.startsWith('/')).toBe(false)
          for (const segment of name.split('/')) {
            expect(segment === '' || segment === '.' || segment === '..').toBe(false)
            expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(255)
          }
        }
        const lower = names.map((name) => name.toLowerCase())
        for (const name of lower) for (const other of lower) expect(other.startsWith(`${name}/`)).toBe(false)
      }),
      { numRuns: 300, seed: 3 },
    )
  })
})
