import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clean } from '../src/index.js'
import { DEV_GOLD, SHARED, devCorpus, readGold } from './helpers/index.js'
import { score } from './helpers/score.js'

describe('the TypeScript scorer', () => {
  it('agrees with ../shared/eval/score.py on the dev set', async () => {
    const { report } = await clean(devCorpus())
    const ours = score(readGold(DEV_GOLD), report)
    const file = join(mkdtempSync(join(tmpdir(), 'neardup-score-')), 'report.json')
    writeFileSync(file, JSON.stringify(report))
    const theirs = JSON.parse(execFileSync('python3', [join(SHARED, 'eval', 'score.py'), DEV_GOLD, file, '--json'], { encoding: 'utf8' })) as Record<string, number>
    for (const [key, value] of Object.entries(ours)) expect(value, key).toBeCloseTo(theirs[key]!, 6)
  })
})
