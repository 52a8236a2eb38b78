/** One-line paragraphs cross from a worker as offsets into the text, and come back identical. */
import { describe, expect, it } from 'vitest'
import { attachLineTexts, detachLineTexts } from '../../src/parallel/slices.js'
import { doc } from '../helpers/index.js'

function roundTrip(text: string): void {
  const document = doc(text)
  const expected = structuredClone(document.paragraphs)
  const paragraphs = structuredClone(document.paragraphs)
  const places = detachLineTexts(text, paragraphs)
  const sent = structuredClone({ paragraphs, places })
  attachLineTexts(text, sent.paragraphs, sent.places)
  expect(sent.paragraphs).toEqual(expected)
}

describe('detachLineTexts / attachLineTexts', () => {
  it('leave one-line paragraphs behind and restore them exactly, with LF, CRLF and CR line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['A headline', '', '  An indented line with trailing spaces  ', 'Last line without an end'].join(end)
      const paragraphs = doc(text).paragraphs
      const places = detachLineTexts(text, paragraphs)
      expect(paragraphs.every((paragraph) => paragraph.text === '')).toBe(true)
      expect([...places].every((place) => place >= 0)).toBe(true)
      roundTrip(text)
    }
  })

  it('keep the text of rejoined hard-wrapped paragraphs, which no single line holds', () => {
    const text = 'Title\nThe council said on Monday that the\nbudget would be cut by a tenth over\nthe next three years, starting in May.\n'
    const paragraphs = doc(text).paragraphs
    const joined = paragraphs.findIndex((paragraph) => paragraph.lines.end > paragraph.lines.start)
    expect(joined).toBeGreaterThanOrEqual(0)
    const kept = paragraphs[joined]!.text
    const places = detachLineTexts(text, paragraphs)
    expect(places[joined * 2]).toBe(-1)
    expect(paragraphs[joined]!.text).toBe(kept)
    roundTrip(text)
  })
})
