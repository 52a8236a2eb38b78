/** The scanning shingler: word n-grams as numbers, character n-grams for scripts without spaces. */
import { describe, expect, it } from 'vitest'
import { scanShingles, shingleMode, shingleSet } from '../../src/neardup/shingle.js'
import { normalize } from '../../src/segment/normalize.js'

const WORDS = { ngram: 5, charNgram: 4 }

describe('shingleSet', () => {
  it('gives one shingle per window of n words, whatever the punctuation and spacing between them', () => {
    const a = shingleSet('the quick brown fox jumps over the lazy dog', 'word', WORDS)
    const b = shingleSet('The quick,  brown fox -- jumps over the lazy dog!'.toLowerCase(), 'word', WORDS)
    expect(a.length).toBe(5)
    expect([...b]).toEqual([...a])
  })

  it('is sorted and distinct', () => {
    const set = shingleSet('a b c d e a b c d e a b c d e', 'word', WORDS)
    expect(set.length).toBe(5) // abcde, bcdea, cdeab, deabc, eabcd
    for (let i = 1; i < set.length; i++) expect(set[i]!).toBeGreaterThan(set[i - 1]!)
  })

  it('depends on word order, not only on the words', () => {
    const a = shingleSet('one two three four five', 'word', WORDS)
    const b = shingleSet('five four three two one', 'word', WORDS)
    expect(a[0]).not.toBe(b[0])
  })

  it('gives a text shorter than n words one shingle, and a text without words none', () => {
    expect(shingleSet('just three words', 'word', WORDS).length).toBe(1)
    expect(scanShingles('*** --- !!!', 'word', WORDS)).toBe(0)
  })

  it('treats curly and straight quotes alike once normalised', () => {
    expect([...shingleSet(normalize('“It’s a deal,” she said on Monday.'), 'word', WORDS)]).toEqual([
      ...shingleSet(normalize('"It\'s a deal," she said on Monday.'), 'word', WORDS),
    ])
  })
})

describe('shingleMode', () => {
  it('picks character shingles for Chinese, Japanese and Thai, word shingles otherwise', () => {
    expect(shingleMode('北京时间今天上午，国家统计局发布了最新数据。')).toBe('char')
    expect(shingleMode('東京都は今日、新しい計画を発表しました。AI の活用も含まれる。')).toBe('char')
    expect(shingleMode('กรุงเทพมหานครประกาศแผนการใหม่ในวันนี้')).toBe('char')
    expect(shingleMode('The ministry said on Monday that the plan would go ahead.')).toBe('word')
    expect(shingleMode('Москва объявила новый план в понедельник.')).toBe('word')
    expect(shingleMode('English text that quotes one word, 北京, stays in word mode.')).toBe('word')
  })

  it('shingles Chinese by characters, so one changed character spoils only n shingles', () => {
    const a = shingleSet('国家统计局发布了最新数据', 'char', WORDS)
    const b = shingleSet('国家统计局公布了最新数据', 'char', WORDS)
    expect(a.length).toBe(12 - 4 + 1)
    const shared = [...a].filter((hash) => b.includes(hash)).length
    expect(shared).toBe(a.length - 4)
  })
})
