/**
 * A hash table from 64-bit keys (two u32 halves, see `hashLine`) to two u32 values, in typed
 * arrays with open addressing (linear probing). The corpus step counts tens of millions of
 * distinct lines at a million documents: a `Map<string, …>` would hold every line's text, and V8
 * Maps stop at 2^24 entries. Here a key costs about 34 bytes of table whatever its text.
 */

/** Rows grow (doubling) past this share of slots in use: linear probing stays short below it. */
const MAX_LOAD = 0.7
/** Words per slot: key hi, key lo, value 0, value 1. */
const SLOT = 4

export class KeyTable {
  private slots: Uint32Array
  private used: Uint8Array
  private mask: number
  private count = 0

  constructor(expected = 1024) {
    let capacity = 16
    while (capacity * MAX_LOAD < expected) capacity *= 2
    this.slots = new Uint32Array(capacity * SLOT)
    this.used = new Uint8Array(capacity)
    this.mask = capacity - 1
  }

  /** Distinct keys held. */
  get size(): number {
    return this.count
  }

  private home(hi: number, lo: number): number {
    // The keys are hashes already: mixing the halves is enough to spread them.
    return (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask
  }

  /** The key's slot, or -1. Slots stay valid until the next `insert` that adds a key. */
  find(hi: number, lo: number): number {
    for (let slot = this.home(hi, lo); this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * SLOT] === hi && this.slots[slot * SLOT + 1] === lo) return slot
    }
    return -1
  }

  /** The key's slot, added with both values 0 if it was missing. */
  insert(hi: number, lo: number): number {
    if ((this.count + 1) > this.used.length * MAX_LOAD) this.grow()
    let slot = this.home(hi, lo)
    for (; this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.slots[slot * SLOT] === hi && this.slots[slot * SLOT + 1] === lo) return slot
    }
    this.used[slot] = 1
    this.slots[slot * SLOT] = hi
    this.slots[slot * SLOT + 1] = lo
    this.count++
    return slot
  }

  /** Value 0 or 1 of a slot. */
  get(slot: number, value: 0 | 1): number {
    return this.slots[slot * SLOT + 2 + value]!
  }

  set(slot: number, value: 0 | 1, to: number): void {
    this.slots[slot * SLOT + 2 + value] = to
  }

  private grow(): void {
    const { slots, used } = this
    this.slots = new Uint32Array(slots.length * 2)
    this.used = new Uint8Array(used.length * 2)
    this.mask = this.used.length - 1
    for (let old = 0; old < used.length; old++) {
      if (used[old] !== 1) continue
      let slot = this.home(slots[old * SLOT]!, slots[old * SLOT + 1]!)
      while (this.used[slot] === 1) slot = (slot + 1) & this.mask
      this.used[slot] = 1
      this.slots.set(slots.subarray(old * SLOT, old * SLOT + SLOT), slot * SLOT)
    }
  }
}
