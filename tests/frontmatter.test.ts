/**
 * The fast reading of simple YAML frontmatter (src/model/article.ts `simpleYaml`) gives what the
 * yaml package gives, or declines: checked on listed cases and on generated frontmatter that mixes
 * simple lines with everything YAML reads otherwise (null and boolean words, numbers, escapes,
 * comments, colons, quotes of both kinds, tabs, control characters, duplicate keys).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import YAML from 'yaml'
import {simpleYaml} from '../src/model/article.js'

test('simple frontmatter is read as YAML reads it', () => {
  assert.deepEqual(simpleYaml('title: "the water crisis: the industrial zone"\nlang: en'), {title: 'the water crisis: the industrial zone', lang: 'en'})
  assert.deepEqual(simpleYaml('lang: ar\ndate: 2024-03-22\npublisher: Sky News Arabia'), {lang: 'ar', date: '2024-03-22', publisher: 'Sky News Arabia'})
  assert.deepEqual(simpleYaml('title: "«داعش خراسان»"'), {title: '«داعش خراسان»'})
})

test('anything else is left to the yaml package', () => {
  for (const text of ['draft: true', 'draft: False', 'x: null', 'year: 2024', 'title: a #comment', 'title: "a \\" b"', "title: 'single'",
    'title: a: b', 'lang: en\nlang: ar', 'title:  two spaces', 'title: trailing ', 'tags: [a, b]', '', 'lang: en\n', 'null: x', 'x: "\t"', 'x: "\u0001"']) {
    assert.equal(simpleYaml(text), undefined, JSON.stringify(text))
  }
})

test('generated frontmatter: the fast reading agrees with YAML.parse whenever it answers', () => {
  const piece = fc.constantFrom('a', 'Z', '_', '-', ' ', '"', '\\', ':', '#', '1', '.', '\t', 'é', 'ق', '\u0085', '\u0001', '\ud83d\ude00', "'", '[', '{', '&', '*', '!', '|', '>', '%', '@', '~', '?', ',',
    'null', 'True', 'FALSE', 'yes', 'on', '2024-03-22', '2024', '1e3', '0x1F', '.inf', '12:30', 'en', 'title')
  const key = fc.oneof(fc.constantFrom('title', 'lang', 'date', 'publisher', 'a', 'x-y', 'A_b', 'true', 'null'), fc.array(piece, {maxLength: 3}).map((parts) => parts.join('')))
  const value = fc.oneof(fc.array(piece, {minLength: 1, maxLength: 6}).map((parts) => parts.join('')), fc.array(piece, {maxLength: 6}).map((parts) => `"${parts.join('')}"`))
  const line = fc.tuple(key, fc.constantFrom(': ', ':', ':  '), value).map(([k, sep, v]) => k + sep + v)
  fc.assert(fc.property(fc.array(line, {minLength: 1, maxLength: 4}), (lines) => {
    const text = lines.join('\n')
    const fast = simpleYaml(text)
    if (fast === undefined) return
    assert.deepEqual(fast, YAML.parse(text), JSON.stringify(text))
  }), {numRuns: 20000})
})
