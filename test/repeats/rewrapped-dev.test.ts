/**
 * Copies wrapped at other columns, built from the dev set: every document with gold repeats gets
 * its later copy re-wrapped (greedy, no blank lines), and the stage must still find that copy.
 */
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { DEV_GOLD, devCorpus, readGold, wrap } from '../helpers/index.js'

/** The rewrapped documents, and for each the output lines that belong to the later copy. */
function rewrapped(width: number): { inputs: Array<{ id: string; text: string }>; copies: Map<string, Set<number>> } {
  const gold = readGold(DEV_GOLD)
  const inputs: Array<{ id: string; text: string }> = []
  const copies = new Map<string, Set<number>>()
  for (const { id, text } of devCorpus()) {
    const labels = new Map(gold.documents[id]!.lines.map((line) => [line.line, line.label]))
    if (![...labels.values()].some((label) => label.startsWith('repeat:'))) continue
    const out: string[] = []
    const copy = new Set<number>()
    text.split('\n').forEach((line, i) => {
      const isCopy = labels.get(i + 1)?.startsWith('repeat:') === true
      for (const piece of isCopy && line.trim() !== '' ? wrap(line.trim(), width) : [line]) {
        out.push(piece)
        if (isCopy) copy.add(out.length)
      }
    })
    inputs.push({ id, text: out.join('\n') })
    copies.set(id, copy)
  }
  return { inputs, copies }
}

describe('repeats on dev copies wrapped at another column', () => {
  it.each([50, 72])('finds at least 97%% of the later copy wrapped at %i columns, and removes little else', async (width) => {
    const { inputs, copies } = rewrapped(width)
    const { report } = await clean(inputs, { neardup: { enabled: false } })
    let found = 0
    let total = 0
    let outside = 0
    for (const document of report.documents) {
      const copy = copies.get(document.id)!
      const removed = new Set<number>()
      for (const entry of document.removed) {
        if (entry.kind !== 'repeat') continue
        for (let line = entry.line; line <= (entry.endLine ?? entry.line); line++) removed.add(line)
      }
      total += copy.size
      for (const line of copy) if (removed.has(line)) found++
      for (const line of removed) if (!copy.has(line)) outside++
    }
    expect(inputs.length).toBeGreaterThan(50)
    expect(found / total).toBeGreaterThanOrEqual(0.97)
    // dev-00521 and dev-00522: gold labels shifted by a line put a true repeat outside the "copy".
    expect(outside).toBeLessThanOrEqual(4)
  })
})
