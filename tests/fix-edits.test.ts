/**
 * composeEdits: the edits of several fix passes as edits of the original text (what
 * `/api/fix` and `lint(…, {fix: true})`'s `file.data.fixEdits` report).
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import fc from 'fast-check'
import {applyFixes, composeEdits, lint, type TextEdit} from '../src/index.js'

const apply = (text: string, edits: readonly TextEdit[]) => applyFixes(text, edits.map((fix) => ({fix}))).output

/** Disjoint edits of `text`, from random cut points. */
const editsOf = (text: string) =>
  fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('', 'x', 'yz')), {maxLength: 4}).map((raw) => {
    const edits: TextEdit[] = []
    for (const [a, b, insert] of raw) {
      const [start, end] = a <= b ? [a, b] : [b, a]
      if (edits.some((e) => start < e.end && end > e.start) || edits.some((e) => e.start === start || e.end === start || e.start === end)) continue
      edits.push({start, end, text: insert})
    }
    return edits.sort((x, y) => x.start - y.start)
  })

test('composeEdits: two passes of random edits, applied to the original, give the result', () => {
  const passes = fc
    .string({maxLength: 30})
    .chain((original) => editsOf(original).map((first) => ({original, first, middle: apply(original, first)})))
    .chain((run) => editsOf(run.middle).map((second) => ({...run, second})))
  fc.assert(
    fc.property(passes, ({original, first, middle, second}) => {
      const result = apply(middle, second)
      const composed = composeEdits(composeEdits([], first, middle), second, result)
      assert.equal(apply(original, composed), result)
      for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1].end < composed[i].start, 'sorted, disjoint, not touching')
    }),
    {numRuns: 1000}
  )
})

test('composeEdits: a later deletion next to an earlier one is one range of the original', () => {
  const original = 'keep PROMO1\nPROMO2\nkeep'
  const first = [{start: 5, end: 12, text: ''}]
  const middle = apply(original, first) // 'keep PROMO2\nkeep'
  const second = [{start: 5, end: 12, text: ''}]
  const result = apply(middle, second)
  assert.equal(result, 'keep keep')
  assert.deepEqual(composeEdits(composeEdits([], first, middle), second, result), [{start: 5, end: 19, text: ''}])
})

test('lint(…, {fix: true}) on the seed: fixEdits are the two promo runs of the original, nothing else', async () => {
  const raw = readFileSync(new URL('../../fixtures/seed/article.raw.md', import.meta.url), 'utf8')
  const fixed = await lint(raw, {fix: true})
  const edits = fixed.data.fixEdits!
  assert.equal(apply(raw, edits), String(fixed.value))
  const lines = raw.split('\n')
  const removed = edits.map((edit) => raw.slice(edit.start, edit.end))
  // Lines 14-16 (three other stories' headlines) and 18 (the follow-us footer), read in the article.
  assert.equal(removed.length, 2)
  assert.ok(removed[0].includes(lines[13]) && removed[0].includes(lines[15]) && !removed[0].includes(lines[16]))
  assert.ok(removed[1].includes(lines[17]) && !removed[1].includes(lines[16]))
  assert.ok(edits.every((edit) => edit.text === ''))
})
