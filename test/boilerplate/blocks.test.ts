/** Related-links blocks: a header starts one; the headline run under it goes with it. */
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { isBlockHeader, isHeadline } from '../../src/boilerplate/blocks.js'

const BODY = [
  'The central bank left interest rates unchanged on Thursday, saying that inflation was still too high for a cut.',
  'Economists had expected the decision, although several said they now saw a cut coming before the end of the year.',
]

async function removed(lines: string[]): Promise<Array<[number, string, unknown]>> {
  const { report } = await clean([{ id: 'a.txt', text: lines.join('\n') }])
  return report.documents[0]!.removed.map((entry) => [entry.line, entry.rule, entry['header']])
}

describe('related-links blocks', () => {
  it('knows headers in several wordings, and not sentences that start the same way', () => {
    for (const header of ['You may also like', 'Related stories', 'Most read', 'More from Capital Post', 'Read next:', 'Trending now', "Editor's picks", 'Top stories', 'Also in Business', 'Stories you may have missed']) {
      expect(isBlockHeader(header), header).toBe(true)
    }
    for (const line of ['You may also like the new design, the architect said.', 'Most read the report before the vote.', 'Related party deals rose.']) {
      expect(isBlockHeader(line), line).toBe(false)
    }
  })

  it('treats short one-phrase lines as headlines, and paragraphs as prose', () => {
    expect(isHeadline('Could Yukos be a blessing in disguise?')).toBe(true)
    expect(isHeadline("Swati wins bronze in seniors; Shivani in juniors in women's national archery")).toBe(true)
    expect(isHeadline(BODY[0]!)).toBe(false)
    expect(isHeadline('He left. Nobody noticed')).toBe(false)
  })

  it('removes the header and the headline run under it, pointing at the header line', async () => {
    const lines = ['Bank holds rates', ...BODY, 'You may also like', 'Yukos loses US bankruptcy battle', 'Google shares fall as staff sell', 'Ailing EuroDisney vows turnaround']
    expect(await removed(lines)).toEqual([
      [4, 'related-links', 4],
      [5, 'related-links', 4],
      [6, 'related-links', 4],
      [7, 'related-links', 4],
    ])
  })

  it('ends the run at the next real paragraph, and runs through a line another rule removed', async () => {
    const lines = ['Bank holds rates', BODY[0]!, 'Related stories', 'Yukos loses US bankruptcy battle', 'Advertisement', 'Google shares fall as staff sell', BODY[1]!]
    expect(await removed(lines)).toEqual([
      [3, 'related-links', 3],
      [4, 'related-links', 3],
      [5, 'advertisement', undefined],
      [6, 'related-links', 3],
    ])
  })

  it('keeps the article title when a block of links sits above the article', async () => {
    const lines = ['Most read', 'Yukos loses US bankruptcy battle', 'Google shares fall as staff sell', 'Bank holds rates', ...BODY]
    expect(await removed(lines)).toEqual([
      [1, 'related-links', 1],
      [2, 'related-links', 1],
      [3, 'related-links', 1],
    ])
  })

  it('keeps an unheaded run of short lines: fixtures and line-ups are lists too', async () => {
    const lines = ['Preview: Ireland v England (Sun)', 'Lansdowne Road, Dublin', 'Sunday, 27 February', '1500 GMT', ...BODY, 'Arsenal v Chelsea', 'Everton v Liverpool']
    expect(await removed(lines)).toEqual([])
  })

  it('is switched off by its id', async () => {
    const lines = ['Bank holds rates', ...BODY, 'Most read', 'Yukos loses US bankruptcy battle']
    const { report } = await clean([{ id: 'a.txt', text: lines.join('\n') }], { boilerplate: { disable: ['related-links'] } })
    expect(report.documents[0]!.removed).toEqual([])
  })
})
