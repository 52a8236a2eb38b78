/** Near-duplicates on real corpora: the dev set's floors, the seeds' shared passages, CJK documents. */
import { describe, expect, it } from 'vitest'
import { clean } from '../../src/index.js'
import { DEV_GOLD, devCorpus, readGold, seedFiles } from '../helpers/index.js'
import { score } from '../helpers/score.js'

describe('dev set', () => {
  it('meets the near-duplicate floors', async () => {
    const { report } = await clean(devCorpus(), { jobs: 1 })
    const figures = score(readGold(DEV_GOLD), report)
    expect(figures.neardup_precision).toBeGreaterThanOrEqual(0.99)
    expect(figures.neardup_recall).toBeGreaterThanOrEqual(0.97)
    expect(figures.one_canonical_per_cluster).toBeGreaterThanOrEqual(0.99)
    expect(figures.singletons_folded).toBe(0)
    // every member verified against its canonical, never below both thresholds
    for (const cluster of report.clusters) {
      expect(cluster.members[0]).toEqual({ id: cluster.canonical, jaccard: 1, containment: 1 })
      for (const member of cluster.members.slice(1)) expect(member.jaccard >= 0.4 || member.containment >= 0.8).toBe(true)
    }
    // the gold's shared passages (a paragraph of one story pasted into another) are all reported
    const gold = readGold(DEV_GOLD) as { sharedPassages?: Array<{ members: Array<[string, number?]> }> }
    for (const passage of gold.sharedPassages ?? []) {
      const [[source], [target, line]] = passage.members as [[string], [string, number]]
      const found = report.sharedPassages.some(
        (shared) => shared.occurrences.some((o) => o.document === source) && shared.occurrences.some((o) => o.document === target && o.line === line),
      )
      expect(found, `${source} ~ ${target}:${line}`).toBe(true)
    }
    // shuffled input (a fixed permutation): the same clusters, canonicals and passages
    const documents = devCorpus()
    const shuffled = documents.map((document, i) => ({ document, key: (i * 7919) % documents.length })).sort((a, b) => a.key - b.key)
    const again = await clean(
      shuffled.map(({ document }) => document),
      { jobs: 1 },
    )
    expect(JSON.stringify(again.report.clusters)).toBe(JSON.stringify(report.clusters))
    expect(JSON.stringify(again.report.sharedPassages)).toBe(JSON.stringify(report.sharedPassages))
  })
})

describe('seeds', () => {
  it('folds no seed into another and reports the three shared quotes', async () => {
    const { report } = await clean(seedFiles(), { jobs: 1 })
    expect(report.clusters).toEqual([])
    expect(report.documents.every((document) => document.status !== 'duplicate')).toBe(true)
    const pairs = [
      ['000_6dc5cbf4ba773d5c.txt', 7, '003_b7977094a87ae843.txt', 9],
      ['000_6dc5cbf4ba773d5c.txt', 8, '003_b7977094a87ae843.txt', 10],
      ['001_a29f655cf9614d02.txt', 7, '002_9dec30de884d9de4.txt', 5],
    ] as const
    for (const [a, lineA, b, lineB] of pairs) {
      const has = (id: string, line: number) => (passage: (typeof report.sharedPassages)[number]) =>
        passage.occurrences.some((o) => o.document === id && o.line === line)
      expect(report.sharedPassages.some((passage) => has(a, lineA)(passage) && has(b, lineB)(passage)), `${a}:${lineA} ~ ${b}:${lineB}`).toBe(true)
    }
    // the same passages whatever the input order
    const reversed = await clean([...seedFiles()].reverse(), { jobs: 1 })
    expect(JSON.stringify(reversed.report.sharedPassages)).toBe(JSON.stringify(report.sharedPassages))
  })
})

describe('documents written without spaces', () => {
  const story = [
    '国家统计局今天上午发布数据显示，今年前三个季度全国居民人均可支配收入实际增长百分之五点二。',
    '分城乡看，城镇居民人均可支配收入增长百分之四点七，农村居民人均可支配收入增长百分之六点五。',
    '专家表示，消费市场持续恢复，服务消费增长较快，居民收入增长与经济增长基本同步。',
    '统计局新闻发言人在发布会上说，下一阶段将继续加大稳就业力度，多渠道增加城乡居民收入。',
  ]
  const other = [
    '本市气象台今天发布暴雨黄色预警，预计未来二十四小时内东部地区将出现大到暴雨。',
    '交通部门提醒市民尽量减少出行，驾车时注意减速慢行，远离积水路段和地下通道。',
    '防汛指挥部已启动四级应急响应，各区加强巡查，做好低洼地区人员转移准备工作。',
    '气象专家说，这次降雨过程持续时间长，累计雨量大，需要防范城市内涝和山洪灾害。',
  ]
  const japanese = [
    '東京都は今日、来年度から子育て世帯への支援を大幅に拡充する新しい計画を発表しました。',
    '計画では、保育料の無償化の対象を広げるほか、子ども一人あたりの給付金を増やすとしています。',
    '知事は記者会見で、少子化対策は待ったなしの課題であり、全力で取り組むと述べました。',
  ]

  it('clusters a copied Chinese article with a new headline and a dropped ending, not a different one', async () => {
    const documents = [
      { id: 'zh-a', text: `收入数据发布\n${story.join('\n')}\n` },
      { id: 'zh-b', text: `前三季度居民收入稳步增长\n${story.slice(0, 3).join('\n').replace('今天上午', '今日上午')}\n` },
      { id: 'zh-c', text: `暴雨预警\n${other.join('\n')}\n` },
      { id: 'ja-a', text: `${japanese.join('\n')}\n` },
      { id: 'ja-b', text: `子育て支援を拡充\n${japanese.join('\n').replace('述べました', '語りました')}\n` },
    ]
    const { report } = await clean(documents, { jobs: 1, boilerplate: { enabled: false } })
    expect(report.clusters.map((cluster) => cluster.members.map((member) => member.id))).toEqual([
      ['ja-b', 'ja-a'],
      ['zh-a', 'zh-b'],
    ])
    expect(report.documents.find((document) => document.id === 'zh-c')!.status).toBe('kept')
  })
})
