/**
 * A bounded, seeded slice of the fuzzing (tests/fuzz/properties.ts): a few hundred generated
 * and mutated articles through `lint()` and the fix. The full run is `npm run fuzz`.
 * No timing is asserted here (speed is a benchmark): only the properties.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {BAD_INPUT, lint} from '../src/index.js'
import {anyArticle, checkArticle, FuzzFailure, seedArticles} from './fuzz/properties.js'

const seeds = seedArticles()

test('fuzz: generated and mutated articles lint without a crash, positions inside the file, fixes exact and idempotent', async () => {
  const stats = {runs: 0, badInput: 0, messages: 0, fixes: 0}
  await fc.assert(
    fc.asyncProperty(anyArticle(seeds, {depth: 100, line: 5_000, blocks: 20}), async (text) => {
      const result = await checkArticle(text)
      stats.runs++
      if (result.badInput) stats.badInput++
      stats.messages += result.messages
      stats.fixes += result.fixes
    }),
    {seed: 20261128, numRuns: 300, endOnFailure: true}
  )
  // The generators reach the interesting paths: findings, fixes and bad input all occur.
  assert.ok(stats.messages > stats.runs, `messages: ${stats.messages} in ${stats.runs} runs`)
  assert.ok(stats.fixes > 0, 'some fixes applied')
  assert.ok(stats.badInput > 0 && stats.badInput < stats.runs / 2, `bad input: ${stats.badInput} of ${stats.runs}`)
})

test('fuzz properties catch what they claim to catch', async () => {
  // A NUL byte is bad input, not a crash.
  const rejected = await lint('Hello\0world').catch((error: {ruleId?: string}) => error)
  assert.equal((rejected as {ruleId?: string}).ruleId, BAD_INPUT)
  await assert.doesNotReject(checkArticle('Hello\0world'))
  assert.ok(new FuzzFailure('x') instanceof Error)
})

// Found by `npm run fuzz` (tests/fuzz/cases/*.json, each with a note on its cause): a promo run
// that only shows once another is removed (fixes now reach a fixpoint); a CRLF file where
// anonymous-source spanned only the \n of a \r\n (made-up positions after a literal
// autolink); a paragraph remark-gfm's autolink literals were quadratic on; a file with a byte
// order mark, where every span was one character early; a line cut to start at an auxiliary
// verb, where four rules crashed in attribution.
test('fuzz cases found by npm run fuzz keep passing', async () => {
  const folder = new URL('../../tests/fuzz/cases/', import.meta.url)
  const names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort()
  assert.ok(names.length >= 3, names.join(', '))
  for (const name of names) {
    const found = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as {text: string}
    await assert.doesNotReject(checkArticle(found.text), name)
  }
})

test('fuzz case: a CRLF line ending is never a span of its own, and CRLF finds what LF finds', async () => {
  const found = JSON.parse(readFileSync(new URL('../../tests/fuzz/cases/crlf-span.json', import.meta.url), 'utf8')) as {text: string}
  const crlf = await lint(found.text)
  for (const message of crlf.messages) {
    const place = message.place as {start: {offset: number}; end: {offset: number}}
    assert.ok(!/^[\r\n]|[\r\n]$/.test(found.text.slice(place.start.offset, place.end.offset)), `${message.ruleId} ${message.line}:${message.column}`)
  }
  const lf = await lint(found.text.replaceAll('\r\n', '\n'))
  assert.deepEqual(places(crlf), places(lf))
})

/** Rule, start and end of each message, by line and column. */
function places(file: VFile): string[] {
  return file.messages.map((message) => {
    const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
    return `${message.ruleId} ${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
  })
}

test('the same article with LF and with CRLF line endings: the same findings at the same lines and columns', async () => {
  const article = [
    '---',
    'lang: en',
    '---',
    '',
    '# Talks stall',
    '',
    'A senior official said the talks had failed.  ',
    '[Update: the report is at www.example.org/talks, Reuters reported.',
    'Officials say the deal is the largest ever, (see https://example.org/talks) a source said.',
    '',
    '| Who | What |',
    '|---|---|',
    '| a senior official | "We will not sign," he said |',
    '',
    '> Experts say the talks will resume, according to Reuters.',
    '',
    '- Sources close to the talks said 42 people were killed.',
    '- Follow us on Twitter',
    '',
    'قال مصدر مطلع إن المحادثات فشلت.',
    'وبحسب وكالة رويترز، قتل 42 شخصا.',
    ''
  ].join('\n')
  const lf = await lint(article)
  const crlf = await lint(article.replaceAll('\n', '\r\n'))
  assert.ok(lf.messages.length >= 5, places(lf).join('\n'))
  assert.deepEqual(places(crlf), places(lf))
  // After a hard break and a literal autolink remark-gfm finds late (the `[` never closes).
  const column = article.split('\n')[7].indexOf('Reuters') + 1
  assert.ok(places(lf).includes(`dangling-outlet 8:${column}-8:${column + 7}`), places(lf).join('\n'))
})

test('a byte order mark at the start: the same findings at the same lines and columns, one offset later', async () => {
  const article = '# Talks\n\nA senior official said the talks had failed.\n\nOfficials say it was the largest protest ever, Reuters reported.\n\nFollow us on Twitter and Facebook\n'
  const plain = await lint(article)
  const withBom = await lint('\uFEFF' + article)
  assert.ok(plain.messages.length >= 4, places(plain).join('\n'))
  assert.deepEqual(places(withBom), places(plain))
  const offsets = (file: VFile) => file.messages.map((message) => (message.place as {start: {offset: number}}).start.offset)
  assert.deepEqual(offsets(withBom), offsets(plain).map((offset) => offset + 1))
})
