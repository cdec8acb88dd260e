/**
 * `linearEditMap` (src/edit-map.ts) changes how micromark applies its edits, never what they
 * give: the same events for random edit sets, and the same tree (positions included) as
 * micromark's own `consume` for the fixtures, bench articles and fuzzed markdown. Its speed is
 * a benchmark (long articles in `npm run bench`), not a test.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {EditMap} from 'micromark-util-edit-map'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {consumeTail, linearEditMap, originalConsume} from '../src/edit-map.js'
import {createBaseProcessor} from '../src/processor.js'
import {article, longArticle, prng} from './bench/corpus.js'
import {anyArticle, seedArticles} from './fuzz/properties.js'

type Events = Parameters<EditMap['consume']>[0]

// The parser of createBaseProcessor without the bad-input guard, so fuzzed input parses too.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/** The tree of `text`, parsed with `consume` as the implementation of `EditMap#consume`. */
function parseWith(consume: EditMap['consume'], text: string): Root {
  const installed = EditMap.prototype.consume
  EditMap.prototype.consume = consume
  try {
    return processor.parse(new VFile({value: text}))
  } finally {
    EditMap.prototype.consume = installed
  }
}

function assertSameTree(text: string, label: string) {
  assert.deepStrictEqual(parseWith(consumeTail, text), parseWith(originalConsume, text), label)
}

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))

function markdownFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name)
      return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : []
    })
}

test('createBaseProcessor puts the linear consume on the EditMap micromark parses with', () => {
  EditMap.prototype.consume = originalConsume
  createBaseProcessor()
  assert.equal(EditMap.prototype.consume, consumeTail)
  linearEditMap()
  assert.equal(EditMap.prototype.consume, consumeTail)
  // A list, then a paragraph: micromark's document tokenizer moves the list's exits with an
  // EditMap; the edit is past the first event, so the tail path runs.
  let tails = 0
  const counting: EditMap['consume'] = function (this: EditMap, events) {
    if (this.map.some((change) => change[0] > 0)) tails++
    return consumeTail.call(this, events)
  }
  parseWith(counting, 'Intro.\n\n- one\n- two\n\nAfter the list.\n\n> A quote\nlazy line\n\nEnd.\n')
  assert.ok(tails > 0, 'micromark used the installed consume')
})

test('consumeTail gives the same events as micromark\'s consume for random edits', () => {
  fc.assert(
    fc.property(
      fc.nat({max: 40}),
      fc.array(fc.tuple(fc.nat({max: 45}), fc.nat({max: 6}), fc.nat({max: 4}), fc.boolean()), {maxLength: 8}),
      (length, edits) => {
        const make = () => {
          const map = new EditMap()
          let added = 0
          for (const [at, remove, add, before] of edits) {
            const events = Array.from({length: add}, () => `new ${added++}` as unknown as Events[number])
            if (before) map.addBefore(at, remove, events)
            else map.add(at, remove, events)
          }
          return map
        }
        const events = () => Array.from({length}, (_, i) => `old ${i}` as unknown as Events[number])
        const expected = events()
        originalConsume.call(make(), expected)
        const actual = events()
        const map = make()
        consumeTail.call(map, actual)
        assert.deepStrictEqual(actual, expected)
        assert.equal(map.map.length, 0, 'the map is emptied')
        assert.equal(map.index.size, 0, 'the index is emptied')
      }
    ),
    {seed: 7, numRuns: 2000}
  )
})

test('the trees of the fixtures are the same with the linear consume', () => {
  const files = markdownFiles(FIXTURES)
  assert.ok(files.length > 100, `fixtures found: ${files.length}`)
  for (const file of files) assertSameTree(readFileSync(file, 'utf8'), path.relative(FIXTURES, file))
})

test('the trees of bench articles, short and long, are the same with the linear consume', () => {
  const random = prng(3)
  for (let i = 0; i < 40; i++) assertSameTree(article(random, i % 2 === 0 ? 'ar' : 'en'), `article ${i}`)
  assertSameTree(longArticle(300_000), 'long article')
})

test('the trees of containers, lazy lines and tables are the same with the linear consume', () => {
  const cases = [
    '> a\nlazy\n\n- b\n  - c\nlazy\n\nd\n',
    '- a\n\n  b\n\n      code\nc\n\n1. x\n2) y\n\n> > q\n> lazy\nr\n',
    '> | a | b |\n> | - | - |\nlazy | row\n\n> ```\n> code\nnot code\n\n- ~~~\n  x\n\ny\n',
    '[^1]: note\n    more\n\ntext[^1] and [ref]\n\n[ref]: https://example.org\n',
    '- a\n- b\n\n\n- c\n\n---\n\n* d\n\ne\n===\n\n> f\n\n<div>\n- g\n</div>\n',
    '\r\n> a\r\nb\r\n\r\n- c\r\nd\r\n'
  ]
  for (const [i, text] of cases.entries()) assertSameTree(text.repeat(3), `case ${i}`)
})

test('the trees of fuzzed markdown are the same with the linear consume', () => {
  const seeds = seedArticles(120)
  fc.assert(
    fc.property(anyArticle(seeds, {depth: 12, line: 2_000, blocks: 20}), (text) => assertSameTree(text, 'fuzzed article')),
    {seed: 20261128, numRuns: 300}
  )
})
