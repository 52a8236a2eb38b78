/** The five seed articles against ../shared/gold/seeds.json, line by line. */
import { beforeAll, describe, expect, it } from 'vitest'
import { clean, type CleanResult } from '../src/index.js'
import { SEEDS_GOLD, readGold, seedFiles, type Gold } from './helpers/index.js'

let result: CleanResult
let gold: Gold

beforeAll(async () => {
  gold = readGold(SEEDS_GOLD)
  result = await clean(seedFiles())
})

function removedLines(id: string, kind?: string): Map<number, string> {
  const document = result.report.documents.find((entry) => entry.id === id)!
  const lines = new Map<number, string>()
  for (const removed of document.removed) {
    if (kind && removed.kind !== kind) continue
    for (let line = removed.line; line <= (removed.endLine ?? removed.line); line++) lines.set(line, `${removed.kind}:${removed.rule}`)
  }
  return lines
}

describe('seeds', () => {
  it('lists all five seeds in the report', () => {
    expect(result.report.documents.map((document) => document.id)).toEqual(Object.keys(gold.documents).sort())
  })

  it('rejoins exactly the lines the gold marks as join, and drops blank lines', () => {
    for (const [id, expected] of Object.entries(gold.documents)) {
      const document = result.report.documents.find((entry) => entry.id === id)!
      const joined = new Set(document.joined.flatMap(({ line, endLine }) => Array.from({ length: endLine - line }, (_, i) => line + 1 + i)))
      const goldJoined = new Set(expected.lines.filter((line) => line.label === 'join').map((line) => line.line))
      expect([...joined].sort(), id).toEqual([...goldJoined].sort())
    }
  })

  it('removes every gold boilerplate line and no other line as boilerplate', () => {
    for (const [id, expected] of Object.entries(gold.documents)) {
      const removed = removedLines(id, 'boilerplate')
      const goldLines = expected.lines.filter((line) => line.label.startsWith('boilerplate:')).map((line) => line.line)
      expect([...removed.keys()].sort((a, b) => a - b), id).toEqual(goldLines)
    }
  })

  it('removes 003 lines 13-23 as repeats of lines 2-12, and nothing else as a repeat', () => {
    for (const [id, expected] of Object.entries(gold.documents)) {
      const document = result.report.documents.find((entry) => entry.id === id)!
      const repeats = document.removed.filter((removed) => removed.kind === 'repeat').map((removed) => [removed.line, removed['of']])
      const goldRepeats = expected.lines
        .filter((line) => line.label.startsWith('repeat:'))
        .map((line) => [line.line, Number(line.label.slice('repeat:'.length))])
      expect(repeats, id).toEqual(goldRepeats)
    }
  })

  it('produces the gold cleaned text of every seed', () => {
    for (const [id, expected] of Object.entries(gold.documents)) {
      const document = result.documents.find((entry) => entry.id === id)!
      expect(document.text.trimEnd(), id).toBe(expected.clean.trimEnd())
    }
  })

  it('folds no seed into another: they are five outlets telling one story', () => {
    expect(result.documents.every((document) => document.status === 'kept')).toBe(true)
  })
})
