import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { doc, wrap } from '../helpers/index.js'
import { DEFAULT_OPTIONS } from '../../src/options.js'
import { markRepeats } from '../../src/repeats/index.js'
import type { RepeatDecision } from '../../src/types.js'

/** [first line of the removed paragraph, rule, `of`] for each repeat found in `lines`. */
function repeats(lines: readonly string[], threshold = DEFAULT_OPTIONS.repeats.threshold): Array<[number, string, number]> {
  const document = doc(lines)
  markRepeats(document, { ...DEFAULT_OPTIONS.repeats, threshold })
  return document.decisions
    .filter((decision): decision is RepeatDecision => decision.kind === 'repeat')
    .map((decision) => [document.paragraphs[decision.paragraph]!.lines.start, decision.rule, decision.evidence.of])
}

const A = 'The central bank raised its main interest rate by a quarter of a percentage point on Thursday.'
const B = 'Analysts had expected the move after inflation rose for a third month in a row, to 3.1%.'
const C = 'The governor said further rises could not be ruled out if prices kept climbing this spring.'
const LONG =
  'Lee Bowyer put Newcastle ahead when he fed Stephen Carr on the right flank, then sprinted into the area to power home a header ' +
  'from the resultant cross. Wanderers hit back through Stelios Giannakopoulos, who ended a fluid passing move with a well-struck ' +
  'volley. But Dyer had the last word in a game of few chances, pouncing on a loose ball and firing into the top corner.'

describe('repeats: exact', () => {
  it('removes a later copy of a paragraph and points at the first copy', () => {
    expect(repeats(['Rates rise again', A, B, A, C])).toEqual([[4, 'exact', 2]])
  })

  it('matches on the normalised key: curly or straight quotes, dashes, case, spaces', () => {
    const curly = 'He said the “deal” was done – and that it would be signed on Monday morning.'
    const straight = 'He said the  "deal" was done - and that it would be signed on Monday morning. '
    expect(repeats([curly, B, straight])).toEqual([[3, 'exact', 1]])
  })

  it('points every later copy at the first one', () => {
    expect(repeats([A, B, A, C, A])).toEqual([
      [3, 'exact', 1],
      [5, 'exact', 1],
    ])
  })
})

describe('repeats: near-exact', () => {
  it('removes a copy with one word changed, with its similarity', () => {
    const document = doc([A, B, A.replace('Thursday', 'Wednesday'), C])
    markRepeats(document, DEFAULT_OPTIONS.repeats)
    expect(document.decisions).toEqual([{ kind: 'repeat', rule: 'near-exact', paragraph: 2, evidence: { of: 1, similarity: 1 - 1 / 17 } }])
  })

  it('ignores punctuation between the words', () => {
    expect(repeats([A, B, A.replace('rate by', 'rate, by').replace('Thursday.', 'Thursday!'), C])).toEqual([[3, 'near-exact', 1]])
  })

  it('keeps a paragraph that differs by more than the threshold allows', () => {
    const changed = A.replace('raised', 'cut').replace('Thursday', 'Friday')
    expect(repeats([A, B, changed], 0.95)).toEqual([])
    expect(repeats([A, B, changed], 0.85)).toEqual([[3, 'near-exact', 1]])
    expect(repeats([A, B, changed.replace('main', 'key')], 0.5)).toEqual([]) // three words: never near-exact
  })
})

describe('repeats: runs', () => {
  it('removes the short lines of a repeated run, which would not count alone', () => {
    const body = ['Hearts 2-1 Livingston', A, 'Moilanen, Kizys.', 'Berra, Webster.', B, 'Easton 60.', '9,796']
    const copy = body.slice(1)
    expect(repeats([...body, ...copy])).toEqual([
      [8, 'exact', 2],
      [9, 'run', 3],
      [10, 'run', 4],
      [11, 'exact', 5],
      [12, 'run', 6],
      [13, 'run', 7],
    ])
  })

  it('takes in short lines just before a near-exact copy', () => {
    const lines = ['(seeds in brackets)', A, B, '(seeds in brackets)', A.replace('Thursday', 'Friday')]
    expect(repeats(lines)).toEqual([
      [4, 'run', 1],
      [5, 'near-exact', 2],
    ])
  })

  it('carries a run across a line the boilerplate stage removed from one copy only', async () => {
    const { clean } = await import('../../src/index.js')
    const caption = 'CIA Director John Ratcliffe speaks in Washington on April 30. [AP/YONHAP]'
    const text = ['Match report', A, caption, 'Subs: Gordon, Webster.', B, A, 'Subs: Gordon, Webster.', B, ''].join('\n')
    const { report } = await clean([{ id: 'a.txt', text }])
    const removed = report.documents[0]!.removed.map((entry) => [entry.line, entry.kind, entry.kind === 'repeat' ? entry.rule : '-', entry['of']])
    expect(removed).toEqual([
      [3, 'boilerplate', '-', undefined],
      [6, 'repeat', 'exact', 2],
      [7, 'repeat', 'run', 4],
      [8, 'repeat', 'exact', 5],
    ])
  })
})

describe('repeats: copies wrapped differently', () => {
  it('catches a copy wrapped at another column (rejoined, so the same paragraph)', () => {
    const lines = [...wrap(LONG, 72), '', C, '', ...wrap(LONG, 60)]
    const second = wrap(LONG, 72).length + 4
    expect(repeats(lines)).toEqual([[second, 'exact', 1]])
  })

  it('catches a copy left in lines when the first copy is one paragraph', () => {
    // Each line ends a sentence, so rejoining rightly leaves them apart.
    const sentences = ['Inflation rose to 3.1% in March.', 'Food and fuel prices led the rise.', 'The bank meets again in May.']
    const lines = [sentences.join(' '), C, ...sentences]
    expect(repeats(lines)).toEqual([
      [3, 'rewrapped', 1],
      [4, 'rewrapped', 1],
      [5, 'rewrapped', 1],
    ])
  })

  it('catches one paragraph that repeats several earlier lines', () => {
    const sentences = ['Inflation rose to 3.1% in March.', 'Food and fuel prices led the rise.', 'The bank meets again in May.']
    expect(repeats([...sentences, C, sentences.join(' ')])).toEqual([[5, 'rewrapped', 1]])
  })

  it('removes the part of a copy that repeats, when the copy goes on with something new', () => {
    const first = 'Inflation rose to 3.1% in March, the highest level for two years.'
    const second = 'Food and fuel prices led the rise, the statistics office said on Tuesday.'
    expect(repeats([`${first} ${second}`, C, first, `${second} Shares fell in early trading.`])).toEqual([[3, 'rewrapped', 1]])
  })

  it('catches copies split at different places', () => {
    const first = ['Inflation rose to 3.1% in March. Food and fuel', 'prices led the rise. The bank meets again in May.']
    const second = ['Inflation rose to 3.1% in March.', 'Food and fuel prices led the rise.', 'The bank meets again in May.']
    expect(repeats([...first, '', C, '', ...second]).map(([line, rule]) => [line, rule])).toEqual([
      [6, 'rewrapped'],
      [7, 'rewrapped'],
      [8, 'rewrapped'],
    ])
  })
})

describe('repeats: options', () => {
  it('lets shorter lines count alone when repeats.minChars is lowered', () => {
    const lines = ['The winners meet in the final.', A, 'The winners meet in the final.', B]
    expect(repeats(lines)).toEqual([])
    const document = doc(lines)
    markRepeats(document, { ...DEFAULT_OPTIONS.repeats, minChars: 20 })
    expect(document.decisions.map((decision) => decision.kind === 'repeat' && [decision.rule, decision.evidence.of])).toEqual([['exact', 1]])
  })

  it('rejects a minChars that is not a whole number of at least 1', async () => {
    const { resolveOptions } = await import('../../src/options.js')
    expect(() => resolveOptions({ repeats: { minChars: 0 } })).toThrow('Expected `repeats.minChars` to be a whole number from 1')
  })
})

describe('repeats: looks alike but is not a repeat', () => {
  it('keeps short lines that recur on their own', () => {
    expect(repeats(['Advertisement', A, 'Advertisement', B, 'Results', C, 'Results', 'Winners meet in final match', LONG, 'Winners meet in final match'])).toEqual([])
  })

  it('keeps a long line without a full stop that recurs on its own: junk is for the boilerplate stage', () => {
    const footer = 'Follow us on Facebook, Twitter and Instagram for the latest updates'
    expect(repeats([A, footer, B, C, footer])).toEqual([])
    expect(repeats([A, footer, B, A, footer, C])).toEqual([
      [4, 'exact', 1],
      [5, 'run', 2],
    ])
  })

  it('keeps two different paragraphs that share a long quote', () => {
    const quote =
      '“We deserved the win. We had a really good second half and we could have had one or two more goals, but the scoreline flattered them in the end.”'
    expect(repeats([`Newcastle boss Graeme Souness said: ${quote}`, B, `${quote} Souness added after the match on Saturday.`])).toEqual([])
    expect(repeats([`${quote} said Souness.`, B, `${quote} Souness added later.`])).toEqual([])
  })

  it('keeps a paragraph that only begins like an earlier one', () => {
    expect(repeats([`${A} ${B}`, C, `${A} Markets barely moved.`])).toEqual([])
  })

  it('keeps a line that merely quotes part of an earlier paragraph', () => {
    expect(repeats([`${A} ${B}`, C, B])).toEqual([])
  })

  it('keeps the first copy when the copies are next to each other', () => {
    expect(repeats([A, A])).toEqual([[2, 'exact', 1]])
  })
})

describe('repeats: near-exact copies, generated', () => {
  const vocabulary = (
    'bank rates rose markets said growth prices fell shares oil minister budget deficit exports trade profits ' +
    'company quarter analysts expected inflation government housing sales index investors'
  ).split(' ')

  it('finds any paragraph again with one word replaced, wherever the word is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 16, maxLength: 40 }), // 60 characters at least
        fc.nat(),
        (words, at) => {
          const original = `${words.join(' ')}.`
          const edited = words.map((word, i) => (i === at % words.length ? 'zebra' : word)).join(' ')
          expect(repeats([original, C, `${edited}.`])).toEqual([[3, 'near-exact', 1]])
        },
      ),
    )
  })
})

describe('repeats: any document followed by its own copy', () => {
  const sentence = fc
    .array(fc.constantFrom('bank', 'rates', 'rose', 'markets', 'said', 'the', 'growth', 'prices', 'of', 'in', 'fell', 'shares', 'oil'), {
      minLength: 12,
      maxLength: 30,
    })
    .map((words) => `${words.join(' ')}.`.replace(/^./, (first) => first.toUpperCase()))

  it('loses every line of the second copy and none of the first, however the copy is wrapped', () => {
    fc.assert(
      fc.property(fc.uniqueArray(sentence, { minLength: 2, maxLength: 6 }), fc.integer({ min: 40, max: 90 }), (paragraphs, width) => {
        const first = paragraphs.flatMap((paragraph) => [paragraph, ''])
        const second = paragraphs.flatMap((paragraph) => [...wrap(paragraph, width), ''])
        const document = doc([...first, ...second])
        markRepeats(document, DEFAULT_OPTIONS.repeats)
        const removed = new Set(document.decisions.map((decision) => (decision as RepeatDecision).paragraph))
        for (const paragraph of document.paragraphs) {
          expect(removed.has(paragraph.index), paragraph.text).toBe(paragraph.lines.start > first.length)
        }
      }),
    )
  })
})
