/**
 * report.json written as a stream: the same bytes as `JSON.stringify(report, null, 2)`, but one
 * array element at a time, so a corpus of a million documents never becomes one string (V8 caps a
 * string at about 512 MB, which a report passes near 90,000 documents).
 */

/** `JSON.stringify(value, null, 2)` placed at `depth` levels of two-space indentation. */
function indented(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2)
  // JSON escapes newlines inside strings, so every "\n" here is a line break of the layout.
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`)
}

/** The report's text in chunks; concatenated, they equal `JSON.stringify(report, null, 2) + '\n'`. */
export function* reportChunks(report: object): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined && typeof value !== 'function')
  yield '{'
  let first = true
  for (const [key, value] of entries) {
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `
    first = false
    if (!Array.isArray(value) || value.length === 0) {
      yield indented(value, 1)
      continue
    }
    yield '['
    let chunk = ''
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index]
      chunk += `${index === 0 ? '' : ','}\n    ${indented(element === undefined ? null : element, 2)}`
      if (chunk.length > 1 << 16) {
        yield chunk
        chunk = ''
      }
    }
    yield `${chunk}\n  ]`
  }
  yield entries.length === 0 ? '}\n' : '\n}\n'
}
