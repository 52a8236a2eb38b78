/**
 * A growable list of unsigned 32-bit numbers for per-line and per-paragraph columns that corpus
 * stages keep for millions of items: four bytes each, not a boxed number in a JS array.
 */
export class U32List {
  private data = new Uint32Array(64)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  at(index: number): number {
    return this.data[index]!
  }

  set(index: number, value: number): void {
    this.data[index] = value
  }

  /** The numbers so far, as a typed array of their own. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length)
  }
}
