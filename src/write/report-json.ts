/**
 * report.json written as a stream: the layout of `JSON.stringify(report, null, 2)`, except that each
 * document is one compact line (`documents` is most of the file: indenting it made it 8% bigger,
 * cost a second stringify per document beside the HTML page's compact one, and helped no reader of
 * a file of a million documents; one line a document also lets `grep` find a document's entry).
 * Written one array element at a time, so a corpus of a million documents never becomes one string
 * (V8 caps a string at about 512 MB, which a report passes near 90,000 documents). For large runs
 * the documents' elements are rendered by the workers (`reportJsonElement`) and written between the
 * chunks of `reportFrameChunks`; the frame around them is the same code either way.
 */
import { DOCUMENTS_SLOT } from '../report/build.js'
import type { Report, ReportDocument } from '../types.js'

/** What `JSON.stringify(value, null, 2)` writes around a value nested in `depth` one-element arrays. */
const NESTING = Array.from({ length: 4 }, (_, depth) => ({
  before: Array.from({ length: depth }, (_, k) => `${'  '.repeat(k)}[\n`).join('') + '  '.repeat(depth),
  after: Array.from({ length: depth }, (_, k) => `\n${'  '.repeat(depth - 1 - k)}]`).join(''),
}))

/**
 * `JSON.stringify(value, null, 2)` placed at `depth` levels of two-space indentation: the value is
 * stringified inside `depth` nested arrays and cut out, so V8 indents it in the same pass (a
 * replace of every line break afterwards cost another pass over ~14 KB a document).
 */
function indented(value: unknown, depth: number): string {
  if (depth === 0) return JSON.stringify(value, null, 2)
  const { before, after } = NESTING[depth]!
  let nested: unknown = value
  for (let k = 0; k < depth; k++) nested = [nested]
  const text = JSON.stringify(nested, null, 2)
  return text.slice(before.length, text.length - after.length)
}

/** One document's element of report.json's `documents` array, as `reportChunks` lays it out: one line. */
export function reportJsonElement(entry: ReportDocument): string {
  return JSON.stringify(entry)
}

/** What goes before element `index` of an array at depth 1. */
export function reportJsonSeparator(index: number): string {
  return `${index === 0 ? '' : ','}\n    `
}


/** report.json in chunks, the documents' array left as DOCUMENTS_SLOT when `documents` is omitted. */
function* frameChunks(report: Partial<Report>, slot: boolean): Generator<string | typeof DOCUMENTS_SLOT> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function')
  yield '{'
  let first = true
  for (const [key, value] of entries) {
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `
    first = false
    if (slot && key === 'documents') {
      yield DOCUMENTS_SLOT
      continue
    }
    if (!Array.isArray(value) || value.length === 0) {
      yield indented(value, 1)
      continue
    }
    yield '['
    const layout = key === 'documents' ? (element: unknown): string => JSON.stringify(element) ?? 'null' : (element: unknown): string => indented(element, 2)
    let chunk = ''
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index]
      chunk += `${reportJsonSeparator(index)}${layout(element === undefined ? null : element)}`
      if (chunk.length > 1 << 16) {
        yield chunk
        chunk = ''
      }
    }
    yield `${chunk}\n  ]`
  }
  yield entries.length === 0 ? '}\n' : '\n}\n'
}

/** The report's text in chunks: `JSON.stringify(report, null, 2) + '\n'`, but a document a line. */
export function* reportChunks(report: object): Generator<string> {
  for (const chunk of frameChunks(report as Partial<Report>, false)) if (chunk !== DOCUMENTS_SLOT) yield chunk
}

/**
 * report.json around its documents: the chunks before them, DOCUMENTS_SLOT where they go (the
 * caller writes `[`, each element after `reportJsonSeparator(index)`, then `\n  ]`, or `[]` for
 * none), and the chunks after. Together: the same bytes as `reportChunks` of the whole report.
 */
export function reportFrameChunks(frame: Omit<Report, 'documents'>): Generator<string | typeof DOCUMENTS_SLOT> {
  const { tool, version, options, stats, ...rest } = frame
  // The documents sit after the stats, as in `Report`.
  return frameChunks({ tool, version, options, stats, documents: [], ...rest }, true)
}
