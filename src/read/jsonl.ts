/**
 * JSONL (one JSON object per line) from a file or stdin → documents, streamed line by line.
 * A bad record never stops the others: it becomes a skipped document named `file:line`, and
 * a diagnostic names the file and line.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { Diagnostic, DocumentInput } from '../types.js'
import { stripBom } from './decode.js'

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
  if (typeof body !== 'string') return { ...skip('text-not-string', `"${options.textField}" is ${body === null ? 'null' : typeof body}, not a string`), id }
  return { id, text: body, source }
}

export async function* readJsonl(file: string, options: JsonlReadOptions): AsyncGenerator<DocumentInput> {
  const stream = openJsonl(file)
  const name = file === '-' ? '<stdin>' : file
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let number = 0
  try {
    for await (const raw of lines) {
      number++
      const document = parseRecord(raw, name, number, options)
      if (document) yield document
    }
  } catch (error) {
    options.onDiagnostic({ severity: 'error', code: 'unreadable', file: name, line: number + 1, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` })
  }
}
