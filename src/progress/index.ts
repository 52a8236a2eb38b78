/**
 * A one-line progress bar for long runs: documents, MB read, MB/s and an ETA from the input's size
 * on disk. Drawn on a TTY only (the CLI decides), at most ten times a second, and erased when done,
 * so logs and pipes never see it.
 */

export interface ProgressStream {
  write(text: string): unknown
  readonly columns?: number
}

export interface Progress {
  /** One more document read, of `bytes` UTF-8 bytes. */
  document(bytes: number): void
  /** A corpus-level stage started (after reading): shown instead of the ETA. */
  stage(name: string): void
  /** Erases the line. */
  stop(): void
}

/** Redraw at most this often. */
const INTERVAL_MS = 100
const BAR_WIDTH = 24

function seconds(value: number): string {
  if (!Number.isFinite(value)) return '?'
  const whole = Math.max(0, Math.round(value))
  return whole >= 3600 ? `${Math.floor(whole / 3600)}h${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m` : whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`
}

/** The line for a state; pure, so it is tested without a terminal. */
export function progressLine(state: { documents: number; bytes: number; totalBytes: number | null; elapsedMs: number; stage: string | null }): string {
  const mb = state.bytes / 1e6
  const rate = state.elapsedMs > 0 ? mb / (state.elapsedMs / 1000) : 0
  const head = `neardup: ${state.documents.toLocaleString('en-US')} documents, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s`
  if (state.stage !== null) return `${head}, ${state.stage}…`
  if (state.totalBytes === null || state.totalBytes === 0) return head
  // Text bytes run a little under file bytes (JSON escapes, ids): never claim 100% while reading.
  const share = Math.min(0.99, state.bytes / state.totalBytes)
  const filled = Math.round(share * BAR_WIDTH)
  const eta = rate > 0 ? (state.totalBytes / 1e6 - mb) / rate : Number.POSITIVE_INFINITY
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ${head}, ETA ${seconds(eta)}`
}

export function createProgress(stream: ProgressStream, totalBytes: number | null, now: () => number = Date.now): Progress {
  const start = now()
  let documents = 0
  let bytes = 0
  let stage: string | null = null
  let drawn = 0
  let lastDraw = 0
  const draw = (force: boolean): void => {
    const time = now()
    if (!force && time - lastDraw < INTERVAL_MS) return
    lastDraw = time
    let line = progressLine({ documents, bytes, totalBytes, elapsedMs: time - start, stage })
    const columns = stream.columns ?? 80
    if (line.length > columns - 1) line = line.slice(0, columns - 1)
    stream.write(`\r${line.padEnd(drawn)}`)
    drawn = line.length
  }
  return {
    document(size) {
      documents++
      bytes += size
      draw(false)
    },
    stage(name) {
      stage = name
      draw(true)
    },
    stop() {
      if (drawn > 0) stream.write(`\r${' '.repeat(drawn)}\r`)
      drawn = 0
    },
  }
}
