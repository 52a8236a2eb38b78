/**
 * UTF-8 bytes built a string at a time: what a render batch hands the main thread. Each string is
 * encoded straight into one growing buffer, where joining the strings first and encoding the joined
 * one copied every byte twice (half the time, on report.json's lines).
 */

import { maxUtf8Bytes } from '../utf8.js'

const FIRST_CAPACITY = 1 << 16

export class ByteBuilder {
  private buffer: Buffer
  private used = 0

  /**
   * `capacity`: the bytes expected (a batch like the last one): growing copies everything written so far.
   * `shared`: build in shared memory, starting in `lent` if it holds `capacity` (see `inShared`).
   */
  constructor(
    capacity = FIRST_CAPACITY,
    private readonly shared = false,
    lent: SharedArrayBuffer | null = null,
  ) {
    this.buffer = lent !== null && lent.byteLength >= capacity ? Buffer.from(lent) : this.allocate(Math.max(capacity, FIRST_CAPACITY))
  }

  /**
   * A builder in shared memory: it writes into `lent` (a buffer a `BufferPool` lent) if that holds
   * `capacity`, else into a new shared buffer, and its `bytes()` are a view of that buffer, not a copy.
   */
  static inShared(lent: SharedArrayBuffer | null, capacity = FIRST_CAPACITY): ByteBuilder {
    return new ByteBuilder(capacity, true, lent)
  }

  /** Bytes written so far: an offset for `since`. */
  get length(): number {
    return this.used
  }

  write(text: string): void {
    this.reserve(maxUtf8Bytes(text.length))
    this.used += this.buffer.write(text, this.used)
  }

  /** Bytes already UTF-8 (another builder's `since`). */
  append(bytes: Uint8Array): void {
    this.reserve(bytes.length)
    this.buffer.set(bytes, this.used)
    this.used += bytes.length
  }

  /** A view of the bytes written from `offset` on, valid until the next write. */
  since(offset: number): Uint8Array {
    return this.buffer.subarray(offset, this.used)
  }

  /**
   * The bytes. In shared memory, a view from the start of the shared buffer (posting it to another
   * thread shares it). Otherwise a buffer of their own and of their exact size (that can be moved to
   * another thread whole, rather than copied).
   */
  bytes(): Uint8Array {
    if (this.shared) return this.buffer.subarray(0, this.used)
    const out = Buffer.allocUnsafeSlow(this.used)
    out.set(this.buffer.subarray(0, this.used))
    return out
  }

  private allocate(size: number): Buffer {
    return this.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafeSlow(size)
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.buffer.length) return
    const grown = this.allocate(Math.max(this.buffer.length * 2, this.used + extra))
    grown.set(this.buffer.subarray(0, this.used))
    this.buffer = grown
  }
}

/** Free buffers kept at most: more than the batches ever in flight at once. */
const POOL_LIMIT = 64

/**
 * Shared buffers that the render batches write their bytes into, lent out with each batch and given
 * back once the batch is written, so the same few buffers serve the whole pass.
 *
 * Why not new buffers moved from the worker: V8 counts the bytes of every buffer a thread receives
 * towards its next full garbage collection (one every 64 MB), and pass 3 hands the main thread
 * 1.5 GB per 100,000 documents (report.json is most of it): 44 full collections of the main heap in
 * a run, 1.9 s of its time, taken from the workers on a machine with as many cores as workers. Shared
 * memory is not counted, and reusing it means nothing waits on a collection to be freed.
 */
export class BufferPool {
  private readonly free: SharedArrayBuffer[] = []

  /** A free buffer, or null (the batch then makes its own, which comes back here once written). */
  lend(): SharedArrayBuffer | null {
    return this.free.pop() ?? null
  }

  /** Takes back the buffer under `bytes` (a batch's output, written out and no longer read). */
  giveBack(bytes: Uint8Array): void {
    if (bytes.buffer instanceof SharedArrayBuffer && this.free.length < POOL_LIMIT && !this.free.includes(bytes.buffer)) this.free.push(bytes.buffer)
  }
}
