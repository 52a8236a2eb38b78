/**
 * The document size limit (`--max-doc-bytes`): a document above it is skipped, or truncated at the
 * last line end that fits, as the user chose (`--oversize`). Either way the document says so.
 */
import type { InputOptions } from '../options.js'
import type { DocumentInput } from '../types.js'
import { maxUtf8Bytes } from '../utf8.js'

export function limitSize(document: DocumentInput, options: InputOptions): DocumentInput {
  if (options.maxDocBytes === 0 || document.skipped !== undefined) return document
  // Cheap bound first, then the exact size.
  if (maxUtf8Bytes(document.text.length) <= options.maxDocBytes) return document
  const bytes = Buffer.from(document.text, 'utf8')
  if (bytes.length <= options.maxDocBytes) return document
  const over = `${bytes.length} bytes, over the limit of ${options.maxDocBytes} (--max-doc-bytes)`
  if (options.oversize === 'skip') return { ...document, text: '', skipped: `document is ${over}` }
  const head = bytes.subarray(0, options.maxDocBytes)
  const cut = Math.max(head.lastIndexOf(0x0a), head.lastIndexOf(0x0d)) + 1
  const text = head.subarray(0, cut).toString('utf8')
  const warning = cut === 0 ? `document is ${over}; its first line alone is longer, so nothing is left` : `document is ${over}; truncated to ${cut} bytes at a line end`
  return { ...document, text, warnings: [...(document.warnings ?? []), warning] }
}
