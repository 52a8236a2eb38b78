/** Line templates: names and numbers masked, so one outlet's bylines and datelines are one line to the corpus step. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clean, RULES, type Report } from '../../src/index.js'
import { STOPWORDS } from '../../src/boilerplate/score.js'
import { lineTemplate } from '../../src/boilerplate/template.js'
import { wordCount } from '../../src/boilerplate/zones.js'
import { devCorpus } from '../helpers/index.js'

describe('lineTemplate', () => {
  it('masks capitalised words and numbers, keeps the first word and lower-case words', () => {
    expect(lineTemplate('Updated 16 March 2005, 09:14 GMT')).toEqual({ text: 'updated # X #, # X', literals: 1 })
    expect(lineTemplate('Ed Kalman seen in Manchester on Thursday. (Photo: Reuters)')).toEqual({ text: 'X seen in X on X. (X: X)', literals: 3 })
    expect(lineTemplate('By Anna Kim, Staff Reporter')?.text).toBe(lineTemplate('By Tom Berg, Staff Reporter')?.text)
    expect(lineTemplate('(Reporting by Grace Sharma; Editing by Fatima Silva)')?.text).toBe('(reporting by X; X by X)')
  })

  it('has no template for lines of slots only, lines with nothing to mask, or long lines', () => {
    expect(lineTemplate('1500 GMT')).toBeUndefined()
    expect(lineTemplate('the latest news in your social feeds')).toBeUndefined()
    expect(lineTemplate(`${'The council met again on Monday and '.repeat(4)}said 4.`)).toBeUndefined()
  })
})

const VOCABULARY = 'council harbour vineyard railway orchestra glacier bakery minister budget river festival museum factory hospital school bridge election striker market shares profit drought harvest airline pilot court judge verdict treaty summit police protest library village mayor tunnel ferry storm flood senator inquiry'.split(' ')

function body(n: number): string[] {
  let seed = n * 7919 + 17
  const next = (): string => VOCABULARY[(seed = (seed * 1103515245 + 12345) % 2147483648) % VOCABULARY.length]!
  const sentence = (length: number): string => `${Array.from({ length }, () => next()).join(' ')}.`
  return [`Story ${n} ${next()} ${next()}`, `The ${sentence(24)}`, `The ${sentence(26)}`]
}

function removed(report: Report): Array<[string, number, string]> {
  return report.documents.flatMap((document) => document.removed.map((entry): [string, number, string] => [document.id, entry.line, entry.rule]))
}

// Only the corpus steps at work.
const CORPUS_ONLY = { boilerplate: { disable: [...RULES.map((rule) => rule.id), 'related-links', 'line-score'] }, neardup: { enabled: false } }
const NAMES = ['Anna Kim', 'Tom Berg', 'Olga Reid', 'Rahul Costa', 'Ines Silva']

describe('corpus templates', () => {
  it('removes datelines that differ only in their date, across distinct stories, with the template as evidence', async () => {
    const ids = Array.from({ length: 12 }, (_, n) => n)
    const documents = ids.map((n) => ({ id: `s${String(n).padStart(2, '0')}`, text: [`Published ${n + 2} March 2005`, ...body(n)].join('\n') }))
    const report = (await clean(documents, CORPUS_ONLY)).report
    expect(removed(report)).toEqual(ids.map((n) => [`s${String(n).padStart(2, '0')}`, 1, 'corpus-template']))
    expect(report.documents[0]!.removed[0]).toMatchObject({ by: 'corpus', template: 'published # X #', stories: 12 })
    expect(report.documents[0]!.removed[0]!.reason).toMatch(/its template "published # X #" recurs in 12 documents/)
  })

  it('keeps a formulaic title under a dateline: the title is the first line that is not furniture', async () => {
    const ids = Array.from({ length: 12 }, (_, n) => n)
    const documents = ids.map((n) => {
      const [title, a, b] = body(n)
      return { id: `s${String(n).padStart(2, '0')}`, text: [`Published ${n + 2} March 2005`, n < 5 ? `Newcastle ${n}-1 ${NAMES[n]}` : title, a, b].join('\n') }
    })
    const report = (await clean(documents, CORPUS_ONLY)).report
    expect(removed(report)).toEqual(ids.map((n) => [`s${String(n).padStart(2, '0')}`, 1, 'corpus-template']))
  })

  it('keeps a formulaic title ("Preview: X v X") that only a few stories share', async () => {
    const documents = [0, 1, 2, 3, 4].map((n) => ({ id: `s${n}`, text: [`Preview: ${NAMES[n]} v ${NAMES[(n + 1) % 5]} (Sun)`, ...body(n).slice(1)].join('\n') }))
    expect(removed((await clean(documents, CORPUS_ONLY)).report)).toEqual([])
  })

  it('removes a caption template with several literal words wherever it sits', async () => {
    const documents = [0, 1, 2, 3, 4].map((n) => {
      const [title, a, b] = body(n)
      return { id: `s${n}`, text: [title, a, `${NAMES[n]} seen in Paris on Monday. (Photo: Reuters)`, b].join('\n') }
    })
    expect(removed((await clean(documents, CORPUS_ONLY)).report)).toEqual([0, 1, 2, 3, 4].map((n) => [`s${n}`, 3, 'corpus-template']))
  })

  it('keeps fixture lines after the title: a one-word template must sit at an end of the article', async () => {
    const documents = [0, 1, 2, 3, 4].map((n) => {
      const [title, a, b] = body(n)
      return { id: `s${n}`, text: [title, `Sunday, ${n + 20} February`, `Venue ${NAMES[n]}`, a, b].join('\n') }
    })
    expect(removed((await clean(documents, CORPUS_ONLY)).report)).toEqual([])
  })

  it('is switched off by its id', async () => {
    const documents = Array.from({ length: 12 }, (_, n) => n).map((n) => ({ id: `s${n}`, text: [`Published ${n + 2} March 2005`, ...body(n)].join('\n') }))
    const options = { ...CORPUS_ONLY, boilerplate: { disable: [...CORPUS_ONLY.boilerplate.disable, 'corpus-template'] } }
    expect(removed((await clean(documents, options)).report)).toEqual([])
  })
})

describe('hostile lines', () => {
  it('gives no template for an enormous line, even one of few words', async () => {
    const token = `by ${'a.'.repeat(30_000)} 2005`
    expect(lineTemplate(token)).toBeUndefined()
    const { report } = await clean([{ id: 'a.txt', text: `Title\n${token}\n` }])
    expect(report.documents[0]!.removed).toEqual([])
  })
})

/** The template as first defined, token by token with patterns: the scanning version must agree. */
function referenceTemplate(text: string): { text: string; literals: number } | undefined {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > 300 || wordCount(trimmed, 20) > 20) return undefined
  const tokens = trimmed.split(/\s+/u)
  const firstIsWord = !/^\p{Lu}/u.test(tokens[1] ?? '') || STOPWORDS.has(tokens[0]!.toLowerCase().replace(/[^\p{L}]/gu, ''))
  const parts = tokens.map((token, i) => {
    const [, lead = '', word = '', trail = ''] = /^([^\p{L}\d]*)(.*?)([^\p{L}\d]*)$/u.exec(token)!
    if (word === '') return { shape: token, literal: false, masked: false }
    if (/\d/u.test(word)) return { shape: `${lead}#${trail}`, literal: false, masked: true }
    if (!(i === 0 && firstIsWord) && /^\p{Lu}/u.test(word)) return { shape: `${lead}X${trail}`, literal: false, masked: true }
    return { shape: `${lead}${word.toLowerCase()}${trail}`, literal: /\p{L}{2,}/u.test(word), masked: false }
  })
  const literals = parts.filter((part) => part.literal).length
  if (!parts.some((part) => part.masked) || literals === 0) return undefined
  const masked = parts
    .map((part) => part.shape)
    .join(' ')
    .replace(/\bX(?: X\b)+/gu, 'X')
    .replace(/#(?: #)+/gu, '#')
  return { text: masked, literals }
}

describe('lineTemplate, scanned', () => {
  it('equals the pattern definition on random lines', () => {
    const piece = fc.constantFrom('By', 'by', 'the', 'Anna', 'KIM', 'o’Neil', "O'Neil", 'Éva', 'élan', '2005', '09:14', 'x2', 'a', '(', ')', '.', ',', '#', 'X', '—', '“', '”', '[', ']', '|', 'a.b', '𝐀b', 'İ', 'ß', '\t', '  ', ' ', '\u00a0', '\u0000')
    const line = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''))
    const spaced = fc.array(fc.oneof(piece, fc.constant(' ')), { maxLength: 40 }).map((pieces) => pieces.join(''))
    fc.assert(fc.property(fc.oneof(line, spaced, fc.string({ unit: 'binary', maxLength: 30 })), (text) => JSON.stringify(lineTemplate(text)) === JSON.stringify(referenceTemplate(text))), { numRuns: 3000 })
  })

  it('equals the pattern definition on every dev line', () => {
    for (const { text } of devCorpus()) for (const line of text.split('\n')) expect(lineTemplate(line), line).toEqual(referenceTemplate(line))
  })
})
