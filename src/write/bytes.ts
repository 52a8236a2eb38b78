/**
 * UTF-8 bytes built a string at a time: what a render batch hands the main thread. Each string is
 * encoded straight into one growing buffer, where joining the strings first and encoding the joined
 * one copied every byte twice (half the time, on report.json's lines).
 */

const FIRST_CAPACITY = 1 << 16

export class ByteBuilder {
  private buffer: Buffer
  private used = 0

  /** `capacity`: the bytes expected (a batch like the last one): growing copies everything written so far. */
  constructor(capacity = FIRST_CAPACITY) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(capacity, FIRST_CAPACITY))
  }

  /** Bytes written so far: an offset for `since`. */
  get length(): number {
    return this.used
  }

  write(text: string): void {
    // A UTF-16 code unit never takes more than three UTF-8 bytes.
    this.reserve(text.length * 3)
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
   * The bytes, in a buffer of their own and of their exact size (the worker hands it over to the
   * main thread whole, rather than copying it: see src/parallel/worker.ts).
   */
  bytes(): Uint8Array {
    const out = Buffer.allocUnsafeSlow(this.used)
    out.set(this.buffer.subarray(0, this.used))
    return out
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.buffer.length) return
    const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.used + extra))
    grown.set(this.buffer.subarray(0, this.used))
    this.buffer = grown
  }
}
