import { describe, expect, it } from 'vitest'
import { doc, wrap } from '../helpers/index.js'
import { normalize, splitLines } from '../../src/segment/index.js'

const texts = (lines: string[]) => doc(lines).paragraphs.map((paragraph) => paragraph.text)

describe('segment', () => {
  it('gives one paragraph per non-blank line with its 1-based line number', () => {
    const document = doc(['First line.', '', 'Third line.'])
    expect(document.paragraphs.map((p) => [p.lines.start, p.lines.end, p.text])).toEqual([
      [1, 1, 'First line.'],
      [3, 3, 'Third line.'],
    ])
    expect(document.lineCount).toBe(3)
  })

  it('treats CRLF and CR as line ends', () => {
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b', 'c'])
  })

  it('rejoins a sentence a scraper broke across lines, whatever case the last piece starts with', () => {
    const paragraphs = texts([
      'The U.S. Central Intelligence Agency (CIA) released a pair of Chinese Mandarin-language',
      'videos on YouTube',
      'On May 1st, with the intention of enlisting support from within the Chinese government.',
      'Next paragraph.',
    ])
    expect(paragraphs).toEqual([
      'The U.S. Central Intelligence Agency (CIA) released a pair of Chinese Mandarin-language videos on YouTube On May 1st, with the intention of enlisting support from within the Chinese government.',
      'Next paragraph.',
    ])
  })

  it('keeps a subheading and a title apart from the paragraph under them', () => {
    expect(texts(['Appealing to party officials', 'In one of the videos, a young man is shown.'])).toHaveLength(2)
    expect(texts(['S Korean lender faces liquidation', 'Creditors of the firm met on Monday.'])).toHaveLength(2)
  })

  it('does not glue a continuation onto a short label such as ADVERTISEMENT', () => {
    expect(texts(['ADVERTISEMENT', 'of South Africa 3-2 in Douala, neither side could have qualified.'])).toHaveLength(2)
    const midSentence = ['The win for Hearts means they will play Asante Kotoko in the two-leg final,', 'after the Kumasi team qualified from Group A on Saturday. In the other game', 'ADVERTISEMENT', 'Cotonsport beat Santos.']
    expect(texts(midSentence)).toEqual([`${midSentence[0]} ${midSentence[1]}`, 'ADVERTISEMENT', 'Cotonsport beat Santos.'])
  })

  it('rejoins text greedily wrapped at a fixed column, even across a sentence end', () => {
    const paragraph =
      'Hearts of Oak set up an all Ghanaian Confederation Cup final with a 3-2 win over Cameroon side ' +
      'Cotonsport Garoua in Accra on Sunday. The win for Hearts means they will play Asante Kotoko in the ' +
      'two-leg final, after the Kumasi team qualified from Group A on Saturday. Hearts of Oak started the ' +
      'game needing a win to qualify for the final while Cotonsport only needed to avoid defeat to go ' +
      'through. Louis Agyemang scored the first two goals for Hearts either side of half time.'
    const lines = wrap(paragraph, 72)
    expect(lines.length).toBeGreaterThan(5)
    expect(texts([...lines, '', 'A second paragraph, not wrapped at all.'])).toEqual([paragraph, 'A second paragraph, not wrapped at all.'])
  })

  it('rejoins a line that stops on an article, a preposition or a conjunction, whatever comes next', () => {
    expect(texts(['The new GDP figure, announced by the Commerce Department on', 'Friday, also topped forecasts.'])).toEqual([
      'The new GDP figure, announced by the Commerce Department on Friday, also topped forecasts.',
    ])
    expect(texts(['Airlines said it had looked at both aircraft before choosing the', '7E7, also known as the Dreamliner.'])).toHaveLength(1)
    expect(texts(['All Blacks captain Tama Umaga has warned the', 'British and Irish Lions will be his toughest test.'])).toHaveLength(1)
  })

  it('rejoins a first line that runs on into a capital when the lines after it share its column', () => {
    const lines = [
      'New York Attorney General Eliot Spitzer said senior vice president Robert',
      'Stearns had pleaded guilty to scheming to defraud clients of the firm and',
      'will cooperate with the investigation into the insurance broker.',
    ]
    expect(texts(lines)).toEqual([lines.join(' ')])
  })

  it('keeps footer lines of similar lengths apart', () => {
    const footer = ['Subscribe to our social media platforms to stay tuned', '(Reporting by Rahul Hughes; Editing by Grace Berg)', 'This story was originally published by Capital Post.']
    expect(texts(footer)).toEqual(footer)
  })

  it('keeps headlines that end on a verb particle apart', () => {
    expect(texts(['Kewell waits as injury drags on', 'Mourinho receives Robson warning', 'FA decides not to punish Mourinho'])).toHaveLength(3)
  })

  it('rejoins a paragraph wrapped at its own column, across a sentence that ends at a line end', () => {
    const wide =
      'Gifts of the financial variety might have a longer lasting impact. They may encourage children to save or to start a ' +
      'fund which could count towards university costs, for example, or towards a first car, and the habit often lasts for life.'
    const narrow =
      'The tax rules are different for parents who save on behalf of a child. Only a hundred pounds of interest per parent can ' +
      'be earned free of tax. Where interest exceeds this level, the whole of the interest will be taxed on the parent, to stop ' +
      'parents from holding their own savings in their children’s names. Relatives face no such limit at all.'
    // The narrowest column at which a line of `narrow` other than the last ends a sentence.
    const width = [56, 57, 58, 59, 60, 61, 62, 63, 64, 65].find((w) => wrap(narrow, w).slice(0, -1).some((line) => line.endsWith('.')))!
    expect(width).toBeDefined()
    expect(texts([...wrap(wide, 90), '', ...wrap(narrow, width)])).toEqual([wide, narrow])
  })

  it('does not glue an unpunctuated short line onto the wrapped paragraph above it', () => {
    const paragraph =
      'Economic growth is set to halve in Singapore this year, the government has said, as demand for the ' +
      'electronics it makes slows. It expects growth of between 3% and 5% after last year’s strong recovery.'
    expect(texts([...wrap(paragraph, 64), 'Related stories', 'Bellamy under new fire'])).toEqual([paragraph, 'Related stories', 'Bellamy under new fire'])
  })

  it('does not glue a full-length unpunctuated last line onto a paragraph that ends a sentence', () => {
    const paragraph =
      'Rank now aims to concentrate on its gaming, bars and hotels business, including extending its Hard Rock ' +
      'brand to its casinos. It also owns Deluxe Media, which makes and distributes DVDs and videos for studios.'
    const footer = 'Follow us on Facebook, Twitter and Instagram for the latest updates'
    // A column at which the paragraph's last line is full: "Follow" would not have fitted after it.
    const width = [68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80].find((w) => wrap(paragraph, w).at(-1)!.length + 7 > w)!
    expect(width).toBeDefined()
    expect(texts([...wrap(paragraph, width), footer])).toEqual([paragraph, footer])
  })

  it('never joins across a blank line', () => {
    expect(texts(['An unfinished sentence that goes', '', 'on after a blank line.'])).toHaveLength(2)
  })

  it('keeps the input characters in the output and normalises only the key', () => {
    const [paragraph] = doc(['“Curly” quotes — and  spaces '] ).paragraphs
    expect(paragraph!.text).toBe('“Curly” quotes — and  spaces ')
    expect(paragraph!.key).toBe('"curly" quotes - and spaces')
  })
})

describe('normalize', () => {
  it('folds Unicode forms, quotes, dashes, case and invisible characters', () => {
    expect(normalize('Ｆｕｌｌ\u200b ‘width’ – TEXT')).toBe("full 'width' - text")
  })
})
