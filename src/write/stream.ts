/**
 * The command line's way to clean: the pipeline's documents streamed, in id order, straight into
 * report.json, index.html and clean.jsonl (each a temporary file renamed into place at the end) and
 * to stdout, as the workers render them. The report's frame (stats, clusters) is known before the
 * first document, so nothing is held or copied: memory does not grow with the corpus.
 */
import { join } from 'node:path'
import { cleanCorpus, type CleanContext } from '../pipeline.js'
import { resolveOptions, type CleanOptionsInput } from '../options.js'
import { pageFrameChunks } from '../report/html/index.js'
import type { InputItem } from '../read/index.js'
import type { Report, ReportDocument, Source } from '../types.js'
import { AtomicStream, removeStaleTemporaries, writeFully } from './atomic.js'
import { DOCUMENTS_SLOT } from '../report/build.js'
import { reportFrameChunks, reportJsonSeparator } from './report-json.js'

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

  write(text: string | Uint8Array): Promise<void> {
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

export async function cleanToFiles(
  input: Iterable<InputItem> | AsyncIterable<InputItem>,
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
  const notices: DocumentNotice[] = []
  let explained: ReportDocument | null = null
  try {
    const { frame, count } = await cleanCorpus(input, resolved, context, {
      entries: false,
      out: files.out ?? null,
      keepDuplicates: files.keepDuplicates ?? false,
      // The page holds the first documents only (report.htmlDocuments): the workers skip the others' HTML.
      htmlDocuments: files.report ? resolved.report.htmlDocuments : 0,
      begin: async (frame, count) => {
        total = count
        if (files.report) {
          json = await FramedFile.open(join(files.report, 'report.json'), reportFrameChunks(frame))
          await json.write(count === 0 ? '[]' : '[')
          html = await FramedFile.open(join(files.report, 'index.html'), pageFrameChunks(frame, count, resolved.report))
          await html.write('[')
        }
        if (files.out) jsonl = await AtomicStream.open(join(files.out, 'clean.jsonl'))
      },
      ...(files.explain !== undefined ? { explain: files.explain } : {}),
      write: async (batch, metas) => {
        await json?.write(batch.json)
        await html?.write(batch.html)
        await jsonl?.write(batch.jsonl)
        if (files.stdout && batch.jsonl.length > 0) await writeFully(files.stdout, batch.jsonl)
        batch.documents.forEach((document, i) => {
          const meta = metas[i]!
          if (meta.warnings.length > 0 || document.status === 'skipped') {
            notices.push({ source: meta.source, status: document.status, reason: document.reason, warnings: meta.warnings })
          }
          if (document.entry !== undefined && meta.id === files.explain) explained = document.entry
        })
      },
    })
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
