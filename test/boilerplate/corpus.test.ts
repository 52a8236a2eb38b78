/**
 * Corpus repetition on generated corpora: lines recurring across distinct stories go, lines shared
 * by syndicated copies of one story stay, and so do stock sentences, titles and wording no rule
 * knows. Every rule is switched off here except where said, so only the corpus step is at work.
 */
import { describe, expect, it } from 'vitest'
import { clean, RULES, type Report } from '../../src/index.js'

const NO_RULES = [...RULES.map((rule) => rule.id), 'related-links', 'line-score']

const VOCABULARY = (
  'council harbour vineyard railway orchestra glacier lighthouse bakery observatory minister budget ' +
  'river festival museum factory hospital school bridge election striker coach market shares profit ' +
  'drought harvest airline pilot court judge verdict treaty summit police protest museum library ' +
  'village mayor tunnel ferry storm flood senator inquiry report teacher union strike tariff export'
).split(' ')

/** A distinct story: its own title and three paragraphs of its own words (a seeded pseudo-random walk). */
function story(n: number): string[] {
  let seed = n * 7919 + 17
  const next = (): string => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return VOCABULARY[seed % VOCABULARY.length]!
  }
  const sentence = (length: number): string => {
    const words = Array.from({ length }, () => next())
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`
  }
  return [`Story ${n}: ${next()} ${next()} ${next()}`, sentence(24), sentence(26), sentence(22)]
}

function removedRules(report: Report): Array<[string, number, string]> {
  return report.documents.flatMap((document) => document.removed.filter((entry) => entry.kind === 'boilerplate').map((entry): [string, number, string] => [document.id, entry.line, entry.rule]))
}

async function run(documents: Array<{ id: string; text: string }>, disable = NO_RULES): Promise<Report> {
  return (await clean(documents, { boilerplate: { disable }, neardup: { enabled: false } })).report
}

describe('corpus repetition', () => {
  it('removes a footer line that recurs across four distinct stories, with the story count as evidence', async () => {
    const footer = 'Catch every headline on the Gazette radio hour'
    const report = await run([0, 1, 2, 3].map((n) => ({ id: `s${n}`, text: [...story(n), footer].join('\n') })))
    expect(removedRules(report)).toEqual([0, 1, 2, 3].map((n) => [`s${n}`, 5, 'corpus-repeat']))
    expect(report.documents[0]!.removed[0]).toMatchObject({ by: 'corpus', documents: 4, stories: 4, atLeast: false, minStories: 4 })
    expect(report.documents[0]!.removed[0]!.reason).toMatch(/4 documents telling 4 different stories/)
  })

  it('keeps every line of one story syndicated to six outlets, footer included', async () => {
    const copies = [0, 1, 2, 3, 4, 5].map((n) => ({ id: `copy${n}`, text: [...story(1), 'Catch every headline on the Gazette radio hour'].join('\n') }))
    expect(removedRules(await run(copies))).toEqual([])
  })

  it('counts copies of one story once: three stories, one of them in five copies, are not enough', async () => {
    const footer = 'Catch every headline on the Gazette radio hour'
    const documents = [
      ...[0, 1, 2, 3, 4].map((n) => ({ id: `a${n}`, text: [...story(0), footer].join('\n') })),
      { id: 'b', text: [...story(1), footer].join('\n') },
      { id: 'c', text: [...story(2), footer].join('\n') },
    ]
    expect(removedRules(await run(documents))).toEqual([])
  })

  it('keeps a stock sentence that sits among the paragraphs, but removes a prose footer that always ends the article', async () => {
    const stock = 'Officials declined to comment further when contacted on Tuesday.'
    const footer = 'This story first ran in the Evening Gazette.'
    const documents = [0, 1, 2, 3, 4].map((n) => {
      const [title, a, b, c] = story(n)
      return { id: `s${n}`, text: [title, a, stock, b, c, footer].join('\n') }
    })
    expect(removedRules(await run(documents))).toEqual([0, 1, 2, 3, 4].map((n) => [`s${n}`, 6, 'corpus-repeat']))
  })

  it("keeps a story's own title when other stories list it under a related-links header", async () => {
    const title = story(0)[0]!
    const documents = [
      { id: 's0', text: story(0).join('\n') },
      ...[1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, text: [...story(n), 'Related stories', title].join('\n') })),
    ]
    const report = await run(documents, NO_RULES.filter((id) => id !== 'related-links'))
    expect(report.documents.find((document) => document.id === 's0')!.removed).toEqual([])
    expect(removedRules(report).filter(([, , rule]) => rule === 'related-links')).toHaveLength(10)
  })

  it('stops counting stories at a cap, and says "at least" in the evidence', async () => {
    const footer = 'Catch every headline on the Gazette radio hour'
    const documents = Array.from({ length: 30 }, (_, n) => ({ id: `s${String(n).padStart(2, '0')}`, text: [...story(n), footer].join('\n') }))
    const report = await run(documents)
    expect(removedRules(report)).toHaveLength(30)
    expect(report.documents[0]!.removed[0]).toMatchObject({ documents: 30, stories: 25, atLeast: true })
    expect(report.documents[0]!.removed[0]!.reason).toMatch(/30 documents telling at least 25 different stories/)
  })

  it('does not depend on input order', async () => {
    const footer = 'Catch every headline on the Gazette radio hour'
    const documents = [
      ...[0, 1, 2].map((n) => ({ id: `a${n}`, text: [...story(0), footer].join('\n') })),
      ...[1, 2, 3, 4].map((n) => ({ id: `s${n}`, text: [...story(n), footer].join('\n') })),
    ]
    const forward = removedRules(await run(documents))
    const backward = removedRules(await run([...documents].reverse()))
    expect(forward).toHaveLength(7)
    expect(backward).toEqual(forward)
  })

  it('is off when disabled by id or with the stage', async () => {
    const documents = [0, 1, 2, 3].map((n) => ({ id: `s${n}`, text: [...story(n), 'Catch every headline on the Gazette radio hour'].join('\n') }))
    // With exact lines off, the template step finds the footer instead; with both off, nothing does.
    expect(removedRules(await run(documents, [...NO_RULES, 'corpus-repeat'])).map(([, , rule]) => rule)).toEqual(Array(4).fill('corpus-template'))
    expect(removedRules(await run(documents, [...NO_RULES, 'corpus-repeat', 'corpus-template']))).toEqual([])
    const off = await clean(documents, { boilerplate: { enabled: false } })
    expect(removedRules(off.report)).toEqual([])
  })
})
