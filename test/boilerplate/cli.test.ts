/** The boilerplate switches end to end: a spawned CLI on real files (--rules, --no-boilerplate, rule ids, --explain, `rules`). */
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULES, type Report } from '../../src/index.js'
import { DETECTOR_IDS } from '../../src/boilerplate/index.js'
import { runCli, withTempDir } from '../helpers/index.js'

const ARTICLE = [
  'Bank holds rates',
  'By Anna Kim, Staff Reporter',
  'The central bank left interest rates unchanged on Thursday, saying that inflation was still too high for a cut.',
  'Economists had expected the decision, although several said they now saw a cut coming before the end of the year.',
  'Use code SAVE10 for 10% off your first box',
  'Share this article',
  '',
].join('\n')

async function cleanArticle(dir: string, extra: string[]): Promise<{ code: number | null; stderr: string; stdout: string; removed: Array<[number, string]> }> {
  const input = join(dir, 'in')
  await mkdir(input, { recursive: true })
  await writeFile(join(input, 'a.txt'), ARTICLE)
  const result = await runCli(['clean', input, '--report', join(dir, 'report'), '--quiet', ...extra])
  const removed =
    result.code === 0
      ? (JSON.parse(readFileSync(join(dir, 'report', 'report.json'), 'utf8')) as Report).documents[0]!.removed.map((entry): [number, string] => [entry.line, entry.rule])
      : []
  return { ...result, removed }
}

describe('boilerplate on the command line', () => {
  it('removes byline and share button by default, and keeps what no rule knows', async () => {
    await withTempDir(async (dir) => {
      expect((await cleanArticle(dir, [])).removed).toEqual([
        [2, 'byline'],
        [6, 'share-button'],
      ])
    })
  })

  it('adds rules from --rules FILE, which report their own id and can be disabled by it', async () => {
    await withTempDir(async (dir) => {
      const rules = join(dir, 'rules.json')
      await writeFile(rules, JSON.stringify({ rules: [{ id: 'promo-code', description: 'A promo code pitch.', pattern: '^use code \\w+', flags: 'iu', zone: 'bottom' }] }))
      expect((await cleanArticle(dir, ['--rules', rules])).removed).toEqual([
        [2, 'byline'],
        [5, 'promo-code'],
        [6, 'share-button'],
      ])
      expect((await cleanArticle(dir, ['--rules', rules, '--disable-rule', 'promo-code,byline'])).removed).toEqual([[6, 'share-button']])
    })
  })

  it('refuses a bad --rules file and an unknown rule id with exit code 2 and one line', async () => {
    await withTempDir(async (dir) => {
      const rules = join(dir, 'rules.json')
      await writeFile(rules, JSON.stringify([{ id: 'broken', description: '', pattern: '(' }]))
      const bad = await cleanArticle(dir, ['--rules', rules])
      expect(bad.code).toBe(2)
      expect(bad.stderr.trim().split('\n')).toHaveLength(1)
      expect(bad.stderr).toMatch(/rules\.json: rule broken: invalid pattern/)
      const unknown = await cleanArticle(dir, ['--disable-rule', 'bylin'])
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toMatch(/unknown bylin/)
    })
  })

  it('turns the stage off with --no-boilerplate', async () => {
    await withTempDir(async (dir) => {
      expect((await cleanArticle(dir, ['--no-boilerplate'])).removed).toEqual([])
    })
  })

  it('prints one document\'s decisions with --explain, evidence in words', async () => {
    await withTempDir(async (dir) => {
      const result = await cleanArticle(dir, ['--explain', 'a.txt'])
      expect(result.stdout).toMatch(/^a\.txt: kept/)
      expect(result.stdout).toMatch(/2\s+boilerplate:byline\s+By Anna Kim, Staff Reporter/)
      expect(result.stdout).toMatch(/matches the byline rule: An author line/)
    })
  })

  it('lists every rule and detector id with `neardup rules`', async () => {
    const result = await runCli(['rules'])
    expect(result.code).toBe(0)
    for (const id of [...RULES.map((rule) => rule.id), ...DETECTOR_IDS]) expect(result.stdout).toMatch(new RegExp(`^${id} `, 'm'))
    expect(result.stdout).toMatch(/^all-caps\s+anywhere, opt-in/m)
  })
})
