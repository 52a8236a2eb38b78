/**
 * JSONL (one JSON object per line) from a file or stdin → documents, streamed line by line.
 * A bad record never stops the others: it becomes a skipped document named `file:line`, and
 * a diagnostic names the file and line.
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import type { Diagnostic, DocumentInput } from '../types.js'
import { decodeLine, looksBinary, removeNul, stripBom } from './decode.js'

export interface JsonlReadOptions {
  /** Field that holds the document id. */
  readonly idField: string
  /** Field that holds the document text. */
  readonly textField: string
  readonly onDiagnostic: (diagnostic: Diagnostic) => void
}

export function openJsonl(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === '') return 'empty'
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value
}

/** Parses one JSONL line; returns the document or a skipped one, and reports problems. */
export function parseRecord(raw: string, file: string, line: number, options: JsonlReadOptions): DocumentInput | null {
  const text = line === 1 ? stripBom(raw) : raw
  if (text.trim() === '') return null
  const fallbackId = `${file}:${line}`
  const source = { file, line }
  const skip = (code: string, message: string): DocumentInput => {
    options.onDiagnostic({ severity: 'error', code, file, line, message })
    return { id: fallbackId, text: '', source, skipped: message }
  }
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch (error) {
    return skip('malformed-json', `malformed JSON: ${(error as Error).message}`)
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return skip('not-an-object', 'record is not a JSON object')
  }
  const fields = record as Record<string, unknown>
  const rawId = fields[options.idField]
  const id = typeof rawId === 'string' && rawId !== '' ? rawId : typeof rawId === 'number' ? String(rawId) : fallbackId
  const body = fields[options.textField]
  if (body === undefined) return { ...skip('missing-text', `record has no "${options.textField}" field`), id }
  if (typeof body !== 'string') return { ...skip('text-not-string', `"${options.textField}" is ${describe(body)}, not a string`), id }
  const warnings: string[] = []
  if (rawId !== undefined && id === fallbackId) warnings.push(`"${options.idField}" is ${describe(rawId)}; named ${fallbackId}`)
  const cleaned = removeNul(body, warnings)
  return warnings.length > 0 ? { id, text: cleaned, source, warnings } : { id, text: cleaned, source }
}

/**
 * A JSONL line read but not yet parsed: its bytes (a CR before the LF dropped) and where it is.
 * The pipeline parses it where the document's work is done (a worker thread), so the text never
 * passes through the reading thread as a string; `parseJsonlLine` does the parsing anywhere.
 */
export interface JsonlLine {
  readonly jsonl: Uint8Array
  /** The file as messages name it (`<stdin>` for `-`). */
  readonly file: string
  readonly line: number
  readonly options: JsonlReadOptions
}

export function isJsonlLine(item: object): item is JsonlLine {
  return 'jsonl' in item
}

/** A JSONL line → its document (or a skipped one), or null for a blank line; problems go to the line's `onDiagnostic`. */
export function parseJsonlLine(line: JsonlLine): DocumentInput | null {
  const { text, warning } = decodeLine(line.jsonl)
  const document = parseRecord(text, line.file, line.line, line.options)
  // A skipped record's diagnostic already names the line; a used one carries the warning.
  return document && warning && !document.skipped ? { ...document, warnings: [warning, ...(document.warnings ?? [])] } : document
}

/**
 * The lines of a byte stream, split on LF (a CR before it is dropped), as bytes. Holds one line at
 * a time, however long; a line inside one chunk is a view of it.
 */
export async function* rawLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let parts: Buffer[] = []
  const emit = (line: Buffer): Buffer => (line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line)
  for await (const chunk of stream) {
    let start = 0
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, end)
      yield emit(parts.length > 0 ? Buffer.concat([...parts, piece]) : piece)
      parts = []
      start = end + 1
    }
    if (start < chunk.length) parts.push(chunk.subarray(start))
  }
  if (parts.length > 0) yield emit(Buffer.concat(parts))
}

/** `rawLines`, each decoded on its own so that a broken byte is reported with its line. */
export async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<{ text: string; warning?: string }> {
  for await (const line of rawLines(stream)) yield decodeLine(line)
}

async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield head
  yield* rest
}

/** A JSONL file's lines, unparsed (see `JsonlLine`). A binary or unreadable file is one diagnostic. */
export async function* readJsonlLines(file: string, options: JsonlReadOptions): AsyncGenerator<JsonlLine> {
  const stream = openJsonl(file)
  const name = file === '-' ? '<stdin>' : file
  let number = 0
  try {
    const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
    const first = await chunks.next()
    if (first.done) return
    // A compressed or binary file would otherwise be a flood of "malformed JSON" lines.
    const binary = looksBinary(first.value)
    if (binary) {
      options.onDiagnostic({ severity: 'error', code: 'binary', file: name, message: `${binary}, not JSONL` })
      return
    }
    const rest = { [Symbol.asyncIterator]: () => chunks }
    for await (const bytes of rawLines(prepend(first.value, rest))) yield { jsonl: bytes, file: name, line: ++number, options }
  } catch (error) {
    options.onDiagnostic({ severity: 'error', code: 'unreadable', file: name, line: number + 1, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` })
  }
}

/** Documents as they come, JSONL lines among them parsed here (a blank line is no document). */
export async function* parsedLines(items: AsyncIterable<DocumentInput | JsonlLine>): AsyncGenerator<DocumentInput> {
  for await (const item of items) {
    const document = isJsonlLine(item) ? parseJsonlLine(item) : item
    if (document) yield document
  }
}

/** A JSONL file's documents, parsed here. */
export function readJsonl(file: string, options: JsonlReadOptions): AsyncGenerator<DocumentInput> {
  return parsedLines(readJsonlLines(file, options))
}
