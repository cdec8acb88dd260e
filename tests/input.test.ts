/**
 * The guard on long paragraphs inside block quotes, lists and footnotes (src/input.ts): it
 * refuses the paragraphs of lazy lines micromark is quadratic on, wherever the container is,
 * and stays silent on articles, including ones with lazy lines.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lint} from '../src/index.js'
import {inspectText, MAX_CONTAINER_PARAGRAPH_LINES} from '../src/input.js'
import {article, longArticle, prng} from './bench/corpus.js'

const lines = (count: number, line: (i: number) => string) => Array.from({length: count}, (_, i) => line(i)).join('\n') + '\n'

/** One paragraph in a container, then `count` lazy lines, for each kind of container. */
const lazyParagraphs: Record<string, (count: number) => string> = {
  'block quote': (count) => '> a\n' + lines(count, () => 'b'),
  'list item': (count) => '- a\n' + lines(count, () => 'b'),
  'ordered list item': (count) => '1. a\n' + lines(count, () => 'b'),
  'list item in a block quote': (count) => '> - a\n' + lines(count, () => '> b'),
  'block quote in a list item': (count) => '- > a\n' + lines(count, () => 'b'),
  footnote: (count) => '[^1]: a\n' + lines(count, () => 'b'),
  'list item after a blank line': (count) => '- a\n\n  b\n' + lines(count, () => 'c'),
  'CR line endings': (count) => '> a\r' + lines(count, () => 'b').replaceAll('\n', '\r'),
  // Lines that look like a new item or quote but are text of the paragraph, between lazy lines.
  'items that cannot interrupt': (count) => '> a\n' + lines(count, (i) => (i % 2 ? '> 2. x' : 'b')),
  'empty items': (count) => '- a\n' + lines(count, (i) => (i % 2 ? '  -' : 'b')),
  'quotes indented as code': (count) => '> a\n' + lines(count, (i) => (i % 2 ? '    > - x' : 'b'))
}

for (const [name, make] of Object.entries(lazyParagraphs)) {
  test(`a paragraph of lazy lines is refused past the limit, not before: ${name}`, async () => {
    assert.equal(inspectText(make(300)), undefined)
    const file = await lint(make(300))
    assert.ok(!file.messages.some((message) => message.ruleId === 'bad-input'))
    assert.equal(inspectText(make(MAX_CONTAINER_PARAGRAPH_LINES - 1)), undefined)
    const problem = inspectText(make(MAX_CONTAINER_PARAGRAPH_LINES + 1))
    assert.match(problem?.reason ?? '', /^Lines \d+ to [\d,]+ are one paragraph in a block quote, list or footnote, more than 1,000 lines long/)
  })
}

test('the lazy-line limit names the lines of the paragraph and how to fix it', () => {
  const text = '# Title\n\nIntro.\n\n> a\n' + lines(2000, () => 'b')
  assert.deepEqual(inspectText(text), {
    reason: 'Lines 5 to 1,005 are one paragraph in a block quote, list or footnote, more than 1,000 lines long (lines without their `>` or indentation make the parser slow there): break it into paragraphs with blank lines, or list the file in .attributionignore',
    line: 1005,
    column: 1
  })
})

test('the lazy-line limit is per paragraph: a blank line, a `>` alone or a new item starts again', () => {
  const paragraph = '> a\n' + lines(900, () => 'b')
  assert.equal(inspectText([paragraph, paragraph, paragraph].join('\n')), undefined)
  assert.equal(inspectText([paragraph, paragraph, paragraph].join('>\n')), undefined)
  assert.equal(inspectText(lines(3, () => '- a\n' + lines(900, () => 'b').trimEnd())), undefined)
  // A `>` indented as code is text, not an empty quote line: the paragraph goes on.
  assert.ok(inspectText([paragraph, paragraph].join('    >\n')))
})

test('long lists, quotes and prose that are not one paragraph of lazy lines are linted', () => {
  const silent: Record<string, string> = {
    'prose paragraph': lines(5000, () => 'He said the talks had failed.'),
    'tight list': lines(5000, (i) => `- Name ${i}`),
    'tight numbered list': lines(5000, (i) => `${i + 1}. Name ${i}`),
    'list items wrapped with indentation': lines(6000, (i) => (i % 3 ? '  wrapped text' : '- item')),
    'list items wrapped without indentation': lines(6000, (i) => (i % 3 ? 'wrapped text' : '- item')),
    'quoted poem in stanzas': lines(6000, (i) => (i % 10 === 9 ? '>' : '> a line of verse'))
  }
  for (const [name, text] of Object.entries(silent)) assert.equal(inspectText(text), undefined, name)
})

test('articles with quotes, lists and wrapped lines are not refused', () => {
  const random = prng(3)
  for (let i = 0; i < 100; i++) assert.equal(inspectText(article(random, i % 2 ? 'en' : 'ar')), undefined)
  assert.equal(inspectText(longArticle(300_000)), undefined)
  const wrapped = [
    '# Talks',
    '> "We will not sign," the minister said, in a statement read out',
    'on state television on Sunday evening, adding that the talks',
    'would go on.',
    '',
    '- Officials said the convoy had left the border crossing at dawn',
    'and reached the city by noon.',
    '  - A spokesman for the agency confirmed the timing',
    '  in a post on X.',
    '',
    '[^1]: The statement was published',
    'in full by the ministry.'
  ].join('\n')
  assert.equal(inspectText(wrapped + '\n'), undefined)
})
