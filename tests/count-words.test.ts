/**
 * `countWords` (src/model/tokens.ts) counts what `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu` matches, on listed
 * cases and on generated text dense in what the expression reads specially: apostrophes, marks, digits
 * of several scripts, letters beyond the BMP and lone surrogates.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {countWords} from '../src/model/tokens.js'

const byExpression = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0

test('words are counted as the expression matches them', () => {
  assert.equal(countWords(''), 0)
  assert.equal(countWords('“We have never seen anything like this,” she said.'), 9)
  assert.equal(countWords("don't stop, it's 5 o'clock"), 5)
  // Marks are not letters here: «قَالَ» with its harakat counts as two words, as the expression reads it.
  assert.equal(countWords('قَالَ الوزير إن ٣٨ شخصا قتلوا'), 7)
  assert.equal(countWords("rock'n'roll 𝐀𝐁 x'5"), byExpression("rock'n'roll 𝐀𝐁 x'5"))
})

test('generated text: countWords agrees with the expression', () => {
  const unit = fc.constantFrom('a', 'Z', 'é', '\u0301', 'ق', '\u064e', 'ـ', '1', '٣', '۵', "'", '’', ' ', '-', '.', '«', '\n', '𝐀', '😀', '\ud83d', '\ude00', '_')
  fc.assert(fc.property(fc.array(unit, {maxLength: 40}).map((units) => units.join('')), (text) => {
    assert.equal(countWords(text), byExpression(text), JSON.stringify(text))
  }), {numRuns: 20000})
})
