/**
 * Most paragraphs are one input line, character for character. A worker need not copy those back:
 * it sends the line's place in the text (which the main thread already holds), and the main thread
 * takes a slice, which V8 keeps as a view into the text rather than a copy. That halves what
 * crosses between threads and what stays resident per document.
 */
import type { Paragraph } from '../types.js'

/** [start, end) character offsets of each input line, as `splitLines` cuts them (CRLF, CR, LF). */
function lineOffsets(text: string): Int32Array {
  const offsets: number[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 10 && code !== 13) continue
    offsets.push(start, i)
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++
    start = i + 1
  }
  offsets.push(start, text.length)
  return Int32Array.from(offsets)
}

/**
 * In the worker: blanks the text of every paragraph that is exactly one input line and returns,
 * per paragraph, the line's [start, end) offsets, or [-1, -1] where the text stays.
 */
export function detachLineTexts(text: string, paragraphs: Paragraph[]): Int32Array {
  const lines = lineOffsets(text)
  const places = new Int32Array(paragraphs.length * 2).fill(-1)
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.lines.start !== paragraph.lines.end) return
    const line = paragraph.lines.start - 1
    const start = lines[line * 2]
    const end = lines[line * 2 + 1]
    if (start === undefined || end === undefined || end - start !== paragraph.text.length) return
    if (text.slice(start, end) !== paragraph.text) return
    places[i * 2] = start
    places[i * 2 + 1] = end
    ;(paragraph as { text: string }).text = ''
  })
  return places
}

/** On the main thread: puts the blanked texts back, as slices of the document's own text. */
export function attachLineTexts(text: string, paragraphs: Paragraph[], places: Int32Array): void {
  paragraphs.forEach((paragraph, i) => {
    const start = places[i * 2]!
    if (start >= 0) (paragraph as { text: string }).text = text.slice(start, places[i * 2 + 1]!)
  })
}
