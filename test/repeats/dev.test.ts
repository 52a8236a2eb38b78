/** The repeats stage on the development set, held to the floors of issue 4. */
import { beforeAll, describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { DEV_GOLD, devCorpus, readGold } from '../helpers/index.js'
import { score, type Figures } from '../helpers/score.js'

let withRepeats: Figures
let withoutRepeats: Figures

beforeAll(async () => {
  const gold = readGold(DEV_GOLD)
  const corpus = devCorpus()
  withRepeats = score(gold, (await clean(corpus, { neardup: { enabled: false } })).report)
  withoutRepeats = score(gold, (await clean(corpus, { neardup: { enabled: false }, repeats: { enabled: false } })).report)
})

describe('repeats on the dev set', () => {
  it('finds the gold repeats with precision and recall of at least 0.995', () => {
    expect(withRepeats.repeat_precision).toBeGreaterThanOrEqual(0.995)
    expect(withRepeats.repeat_recall).toBeGreaterThanOrEqual(0.995)
  })

  it('loses no content line that the other stages keep', () => {
    expect(withRepeats.content_lines_lost).toBe(withoutRepeats.content_lines_lost)
  })
})
