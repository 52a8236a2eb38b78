/** A paragraph found four or more times is structure (a recurring question), not a paste. */
import { describe, expect, it } from 'vitest'
import { markRepeats } from '../../src/repeats/index.js'
import { doc } from '../helpers/index.js'

const OPTIONS = { enabled: true, threshold: 0.9, minChars: 60 }
const QUESTION = 'What kind of cooking do you like yourself, and is there anything you would never eat at all?'

describe('recurring paragraphs', () => {
  it('keeps an interview question put to every guest, punctuation variants included', () => {
    const lines = ['Five chefs answer the same questions.']
    for (const [i, chef] of ['Anna', 'Boris', 'Chen', 'Dmitri', 'Elena'].entries()) {
      lines.push(`${chef} runs a restaurant in the old town and has cooked there for ${i + 3} years now.`)
      lines.push(i === 3 ? QUESTION.replace(', and', ' and') : QUESTION)
      lines.push(`${chef} says that the answer changes with the seasons, but fish always comes first for ${chef}.`)
    }
    const document = doc(lines)
    markRepeats(document, OPTIONS)
    expect(document.decisions).toEqual([])
  })

  it('still removes a paragraph pasted twice or three times', () => {
    const other = 'Another paragraph that is different from the rest of them.'
    const document = doc(['Title line', QUESTION, other, QUESTION, 'And a third one, again quite different.', QUESTION])
    markRepeats(document, OPTIONS)
    expect(document.decisions.map((decision) => [decision.rule, decision.paragraph])).toEqual([
      ['exact', 3],
      ['exact', 5],
    ])
  })
})
