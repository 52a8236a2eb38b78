/** Worker-thread entry (tinypool): one batch of one pass (`passes.ts`). */
import { Tinypool } from 'tinypool'
import { passagesPass, readPass, renderPass, summarizePass, type PassagesOutput, type PassTask, type ReadOutput, type RenderOutput, type SummarizeOutput } from './passes.js'

type PassOutput = ReadOutput | SummarizeOutput | RenderOutput | PassagesOutput

/** One batch of one pass, on whatever thread calls it (the main thread runs batches inline with --jobs 1). */
export async function runPass(task: PassTask): Promise<PassOutput> {
  switch (task.pass) {
    case 'read':
      return readPass(task)
    case 'summarize':
      return summarizePass(task)
    case 'render':
      return renderPass(task)
    case 'passages':
      return passagesPass(task)
  }
}

/**
 * An output whose byte arrays are handed over to the main thread rather than copied: a render batch
 * carries a few megabytes of report.json, HTML and JSONL, 1.7 GB over 100,000 documents. Only arrays
 * that own their whole buffer move (a small one may sit in Buffer's shared pool, which must stay here).
 */
function moved<T extends object>(output: T, arrays: readonly Uint8Array[]): T {
  const buffers = [...new Set(arrays.filter((bytes) => bytes.byteLength > 0 && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength).map((bytes) => bytes.buffer))]
  if (buffers.length === 0) return output
  return Tinypool.move({ [Tinypool.transferableSymbol]: buffers, [Tinypool.valueSymbol]: output } as unknown as ArrayBuffer) as unknown as T
}

/** Tinypool's entry. */
export default async function run(task: PassTask): Promise<PassOutput> {
  const output = await runPass(task)
  if (task.pass !== 'render') return output
  const { json, html, jsonl } = output as RenderOutput
  return moved(output, [json, html, jsonl])
}
