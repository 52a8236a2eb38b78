/** jusText-like line features: measured, scored, and applied only outside the article body. */
import { describe, expect, it } from 'vitest'
import { clean, RULES } from '../../src/index.js'
import { SCORE_THRESHOLD, lineFeatures, lineScore } from '../../src/boilerplate/score.js'

const BODY = [
  'The central bank left interest rates unchanged on Thursday, saying that inflation was still too high for a cut.',
  'Economists had expected the decision, although several said they now saw a cut coming before the end of the year.',
]
// Only the score at work: every pattern rule and the other detectors off.
const SCORE_ONLY = { boilerplate: { disable: [...RULES.map((rule) => rule.id), 'related-links', 'corpus-repeat'] } }

describe('line features', () => {
  it('measures words, stopword share (natural English stopwords) and flags', () => {
    const features = lineFeatures('Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik')
    expect(features).toMatchObject({ words: 9, email: 1, handle: 1, callToAction: 1, url: 0, prose: 0 })
    expect(lineFeatures('The man is in the house.').stopwordDensity).toBeGreaterThan(0.5)
    expect(lineFeatures(BODY[0]!)).toMatchObject({ prose: 1, callToAction: 0 })
  })

  it('scores junk at or above the threshold and content below it', () => {
    for (const junk of [
      'Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik',
      'Read more at www.example-news.com',
      'Download our app for breaking news alerts',
      'Home | World | Business | Sport',
    ]) {
      expect(lineScore(lineFeatures(junk)), junk).toBeGreaterThanOrEqual(SCORE_THRESHOLD)
    }
    for (const content of [
      'Preview: Ireland v England (Sun)',
      'Lansdowne Road, Dublin',
      '1500 GMT',
      '"You can follow the money," he told the committee on Tuesday.',
      'Subscribers to the service rose by 12% in the quarter, the company said.',
      'More information is available at www.example.org',
      BODY[0]!,
    ]) {
      expect(lineScore(lineFeatures(content)), content).toBeLessThan(SCORE_THRESHOLD)
    }
  })
})

describe('the line-score detector', () => {
  it('removes a junk line after the body with its score and features as evidence', async () => {
    const { report } = await clean([{ id: 'a.txt', text: ['Bank holds rates', ...BODY, 'Download our app for breaking news alerts'].join('\n') }], SCORE_ONLY)
    const [entry] = report.documents[0]!.removed
    expect(entry).toMatchObject({ line: 4, rule: 'line-score', by: 'score', threshold: SCORE_THRESHOLD })
    expect(entry!['features']).toMatchObject({ callToAction: 1, serviceWord: 1 })
    expect(entry!.reason).toMatch(/signals: callToAction, serviceWord/)
  })

  it('leaves the same line alone inside the body, where it may be quoted or discussed', async () => {
    const text = ['Bank holds rates', BODY[0], 'Download our app for breaking news alerts', BODY[1]].join('\n')
    expect((await clean([{ id: 'a.txt', text }], SCORE_ONLY)).report.documents[0]!.removed).toEqual([])
  })

  it('keeps a title that scores like junk, in title position', async () => {
    const title = 'Get ready for the new app store rules'
    expect(lineScore(lineFeatures(title))).toBeGreaterThanOrEqual(SCORE_THRESHOLD)
    expect((await clean([{ id: 'a.txt', text: [title, ...BODY].join('\n') }], SCORE_ONLY)).report.documents[0]!.removed).toEqual([])
  })

  it('keeps titles and fixture lines before the body', async () => {
    const text = ['Preview: Ireland v England (Sun)', 'Lansdowne Road, Dublin', 'Sunday, 27 February', '1500 GMT', ...BODY].join('\n')
    expect((await clean([{ id: 'a.txt', text }], SCORE_ONLY)).report.documents[0]!.removed).toEqual([])
  })
})
