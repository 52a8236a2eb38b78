/**
 * The command line's way to clean: the pipeline's documents streamed, in id order, straight into
 * report.json, index.html and clean.jsonl (each a temporary file renamed into place at the end) and
 * to stdout, as the workers render them. The report's frame (stats, clusters) is known before the
 * first document, so nothing is held or copied: memory does not grow with the corpus.
 */
import { join } from 'node:path'
import { once } from 'node:events'
import { cleanCorpus, type CleanContext } from '../pipeline.js'
import { resolveOptions, type CleanOptionsInput } from '../options.js'
import { pageFrameChunks } from '../report/html/index.js'
import type { DocumentInput, Report, ReportDocument, Source } from '../types.js'
import { AtomicStream, removeStaleTemporaries } from './atomic.js'
import { DOCUMENTS_SLOT, reportFrameChunks, reportJsonSeparator } from './report-json.js'

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
  /** Files written (the `.txt` files are not listed: there can be millions). */
  readonly files: readonly string[]
}

/** A file made of a frame with the documents' array in its slot: open, elements, close. */
class FramedFile {
  private constructor(
    private readonly file: AtomicStream,
    private readonly frame: Generator<string | typeof DOCUMENTS_SLOT>,
  ) {}

  /** Opens the file and writes the frame up to the documents. */
  static async open(path: string, frame: Generator<string | typeof DOCUMENTS_SLOT>): Promise<FramedFile> {
    const file = await AtomicStream.open(path)
    for (let next = frame.next(); !next.done && next.value !== DOCUMENTS_SLOT; next = frame.next()) await file.write(next.value)
    return new FramedFile(file, frame)
  }

  write(text: string): Promise<void> {
    return this.file.write(text)
  }

  /** Writes the rest of the frame and puts the file in place. */
  async commit(): Promise<void> {
    for (const chunk of this.frame) if (chunk !== DOCUMENTS_SLOT) await this.file.write(chunk)
    await this.file.commit()
  }

  abort(): Promise<void> {
    return this.file.abort()
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
  let json: FramedFile | null = null
  let html: FramedFile | null = null
  let jsonl: AtomicStream | null = null
  let total = 0
  let index = 0
  const notices: DocumentNotice[] = []
  let explained: ReportDocument | null = null
  // stdout gets records in chunks of about 1 MB: one write per record costs more than the JSON.
  let stdoutChunk = ''
  try {
    const { frame, count } = await cleanCorpus(input, resolved, context, {
      entries: false,
      out: files.out ?? null,
      keepDuplicates: files.keepDuplicates ?? false,
      begin: async (frame, count) => {
        total = count
        if (files.report) {
          json = await FramedFile.open(join(files.report, 'report.json'), reportFrameChunks(frame))
          await json.write(count === 0 ? '[]' : '[')
          html = await FramedFile.open(join(files.report, 'index.html'), pageFrameChunks(frame))
          await html.write('[')
        }
        if (files.out) jsonl = await AtomicStream.open(join(files.out, 'clean.jsonl'))
      },
      write: async (rendered, meta) => {
        await json?.write(`${reportJsonSeparator(index)}${rendered.json}`)
        await html?.write(`${index === 0 ? '' : ','}${rendered.html}`)
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
        if (meta.warnings.length > 0 || rendered.status === 'skipped') {
          notices.push({ source: meta.source, status: rendered.status, reason: rendered.reason, warnings: meta.warnings })
        }
        if (meta.id === files.explain) explained = JSON.parse(rendered.json) as ReportDocument
      },
    })
    if (files.stdout && stdoutChunk !== '') await writeTo(files.stdout, stdoutChunk)
    const written: string[] = []
    const jsonFile = json as FramedFile | null
    const htmlFile = html as FramedFile | null
    const jsonlFile = jsonl as AtomicStream | null
    if (jsonlFile) {
      await jsonlFile.commit()
      written.push(jsonlFile.path)
    }
    if (jsonFile && htmlFile) {
      if (total > 0) await jsonFile.write('\n  ]')
      await jsonFile.commit()
      await htmlFile.write(']')
      await htmlFile.commit()
      written.push(join(files.report!, 'report.json'), join(files.report!, 'index.html'))
    }
    return { frame, count, notices, explained, files: written }
  } catch (error) {
    for (const file of [json as FramedFile | null, html as FramedFile | null, jsonl as AtomicStream | null]) await file?.abort()
    throw error
  }
}
