/**
 * The command line's way to clean: the pipeline's documents streamed, in id order, into part files
 * (report.json's and the page's document arrays, clean.jsonl) and to stdout as they are rendered;
 * the report files are then put together around those parts. Nothing holds the corpus in memory.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { once } from 'node:events'
import { cleanCorpus, type CleanContext } from '../pipeline.js'
import { resolveOptions, type CleanOptionsInput } from '../options.js'
import { streamedHtmlChunks } from '../report/html/index.js'
import { createSpoolFolder } from '../spool/index.js'
import type { DocumentInput, Report, ReportDocument, Source } from '../types.js'
import { removeStaleTemporaries, writeChunksAtomic } from './atomic.js'
import { reportJsonSeparator, streamedReportChunks, type RenderedDocuments } from './report-json.js'

export interface StreamOptions {
  /** Folder for `<id>.txt` files and `clean.jsonl`. */
  readonly out?: string
  /** Folder for `report.json` and `index.html`. */
  readonly report?: string
  /** Where cleaned JSONL records go as they are made (the CLI's --stdout). */
  readonly stdout?: NodeJS.WritableStream
  /** Write duplicates' cleaned texts as well as canonicals and unique documents. */
  readonly keepDuplicates?: boolean
  /** Keep this document's report entry (the CLI's --explain). */
  readonly explain?: string
}

/** A document the user should hear about: one with warnings, or skipped. */
export interface DocumentNotice {
  readonly source: Source
  readonly status: string
  readonly reason: string | null
  readonly warnings: readonly string[]
}

export interface StreamResult {
  /** The report without its documents. */
  readonly frame: Omit<Report, 'documents'>
  readonly count: number
  readonly notices: readonly DocumentNotice[]
  readonly explained: ReportDocument | null
  /** Files written (texts are not listed: there can be millions). */
  readonly files: readonly string[]
}

/** A part file written in order, with back-pressure. */
class Part {
  private readonly stream: WriteStream
  constructor(readonly path: string) {
    this.stream = createWriteStream(path)
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }
  async close(): Promise<void> {
    this.stream.end()
    await once(this.stream, 'finish')
  }
  /** Stops writing (after an error) so the folder can go. */
  destroy(): void {
    this.stream.destroy()
  }
  async *read(): AsyncGenerator<string> {
    for await (const chunk of createReadStream(this.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) yield chunk as string
  }
}

async function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream as unknown as NodeJS.EventEmitter, 'drain')
}

export async function cleanToFiles(
  input: Iterable<DocumentInput> | AsyncIterable<DocumentInput>,
  options: CleanOptionsInput,
  context: CleanContext,
  files: StreamOptions,
): Promise<StreamResult> {
  // Bad options are the caller's error: said before any file is touched.
  const resolved = resolveOptions(options)
  for (const dir of new Set([files.out, files.report])) if (dir) await removeStaleTemporaries(dir)
  const temp = createSpoolFolder(context.tempDir)
  const json = new Part(join(temp.dir, 'documents.json'))
  const html = new Part(join(temp.dir, 'documents.html'))
  const jsonl = files.out ? new Part(join(temp.dir, 'clean.jsonl')) : null
  try {
    const notices: DocumentNotice[] = []
    let explained: ReportDocument | null = null
    let index = 0
    // stdout gets records in chunks of about 1 MB: one write per record costs more than the JSON.
    let stdoutChunk = ''
    const { frame, count } = await cleanCorpus(input, resolved, context, {
      entries: false,
      out: files.out ?? null,
      keepDuplicates: files.keepDuplicates ?? false,
      write: async (rendered, meta) => {
        await json.write(`${reportJsonSeparator(index)}${rendered.json}`)
        await html.write(`${index === 0 ? '' : ','}${rendered.html}`)
        index++
        if (rendered.jsonl !== null) {
          await jsonl?.write(rendered.jsonl)
          if (files.stdout) {
            stdoutChunk += rendered.jsonl
            if (stdoutChunk.length >= 1 << 20) {
              await writeTo(files.stdout, stdoutChunk)
              stdoutChunk = ''
            }
          }
        }
        if (meta.warnings.length > 0 || rendered.tally.status === 'skipped') {
          notices.push({ source: meta.source, status: rendered.tally.status, reason: rendered.reason, warnings: meta.warnings })
        }
        if (meta.id === files.explain) explained = JSON.parse(rendered.json) as ReportDocument
      },
    })
    if (files.stdout && stdoutChunk !== '') await writeTo(files.stdout, stdoutChunk)
    await Promise.all([json.close(), html.close(), jsonl?.close()])
    const written: string[] = []
    if (files.out && jsonl) {
      const path = join(files.out, 'clean.jsonl')
      await writeChunksAtomic(path, jsonl.read())
      written.push(path)
    }
    if (files.report) {
      const documents: RenderedDocuments = { count, json: () => json.read(), html: () => html.read() }
      const reportPath = join(files.report, 'report.json')
      await writeChunksAtomic(reportPath, streamedReportChunks(frame, documents))
      const htmlPath = join(files.report, 'index.html')
      await writeChunksAtomic(htmlPath, streamedHtmlChunks(frame, documents))
      written.push(reportPath, htmlPath)
    }
    return { frame, count, notices, explained, files: written }
  } finally {
    for (const part of [json, html, jsonl]) part?.destroy()
    temp.dispose()
  }
}
