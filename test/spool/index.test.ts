import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendRecord, createSpoolFolder, PlaceTable, readRecord, removeStaleSpools } from '../../src/spool/index.js'

describe('spool records', () => {
  it('reads back strings, typed arrays and nested objects exactly, by place', () => {
    const spool = createSpoolFolder()
    try {
      const values = [
        { text: 'naïve “quotes” and 😀', lines: Int32Array.from([1, -1, 7]) },
        { shingles: Uint32Array.from([0, 1, 0xffffffff]), nested: { a: [1, 'b', null] } },
        'x'.repeat(200_000),
      ]
      const places = values.map((value) => appendRecord(spool.dir, 'test', value))
      expect(places[1]!.start).toBe(places[0]!.length)
      // Out of order, and each twice: reads are positioned, not sequential.
      for (const i of [2, 0, 1, 0]) expect(readRecord(spool.dir, places[i]!)).toEqual(values[i])
    } finally {
      spool.dispose()
    }
  })

  it('names the file and the offset when a record is cut short', () => {
    const spool = createSpoolFolder()
    try {
      const place = appendRecord(spool.dir, 'test', 'hello')
      expect(() => readRecord(spool.dir, { ...place, length: place.length + 10 })).toThrow(/test-\d+: record at 0 cut short/)
    } finally {
      spool.dispose()
    }
  })
})

describe('PlaceTable', () => {
  it('keeps places by position past its first capacity, and says which positions have none', () => {
    const table = new PlaceTable()
    for (let position = 0; position < 5000; position += 2) table.set(position, { file: `f${position % 3}`, start: position * 1e6, length: position })
    expect(table.get(4998)).toEqual({ file: 'f0', start: 4.998e9, length: 4998 })
    expect(table.get(4)).toEqual({ file: 'f1', start: 4e6, length: 4 })
    expect(table.has(3)).toBe(false)
    expect(() => table.get(3)).toThrow('spool: no record at position 3')
  })
})

describe('spool folders', () => {
  it('are removed by dispose()', () => {
    const spool = createSpoolFolder()
    appendRecord(spool.dir, 'test', 1)
    spool.dispose()
    expect(existsSync(spool.dir)).toBe(false)
  })

  it('left by a killed run are removed by the next one; a live run keeps its own', () => {
    const parent = mkdtempSync(join(tmpdir(), 'neardup-parent-'))
    try {
      // No process has pid 2^22 + 1 (Linux's pid_max is at most 2^22).
      mkdirSync(join(parent, `neardup-spool-${2 ** 22 + 1}-abc`))
      mkdirSync(join(parent, `neardup-spool-${process.ppid}-def`))
      mkdirSync(join(parent, 'unrelated'))
      expect(removeStaleSpools(parent)).toBe(1)
      expect(readdirSync(parent).sort()).toEqual([`neardup-spool-${process.ppid}-def`, 'unrelated'])
    } finally {
      rmSync(parent, { recursive: true, force: true })
    }
  })
})
