/**
 * Diagnostics in a fixed order (file, line, code, message), so that report.json does not depend
 * on the order inputs were given in or on which read finished first.
 */
import type { Diagnostic } from '../types.js'

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.code, b.code) || compare(a.message, b.message),
  )
}
