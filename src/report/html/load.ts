/**
 * Reading a saved report.json back for `neardup report`: parsed and checked against the schema, so a
 * wrong file gets one clear line (file and what is wrong) instead of a half-rendered page.
 */
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import type { Report } from '../../types.js'

export class ReportFileError extends Error {}

let validate: ValidateFunction | undefined

function validator(): ValidateFunction {
  if (!validate) {
    const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'report.schema.json')
    validate = new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object)
  }
  return validate
}

/** A report.json from disk, schema-checked; throws ReportFileError with a one-line message. */
export async function loadReport(path: string): Promise<Report> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ReportFileError(`${path}: cannot read the report (${code ?? (error as Error).message})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new ReportFileError(`${path}: not JSON (${(error as Error).message})`)
  }
  const check = validator()
  if (!check(parsed)) {
    const first = check.errors?.[0]
    throw new ReportFileError(`${path}: not a neardup report: ${first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid'}`)
  }
  return parsed as Report
}
