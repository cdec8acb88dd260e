/**
 * Fixes (applyFixes and `lint(…, {fix: true})`) and bad input through the public API.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {applyFixes, createProcessor, lint, lintFile, ruleIds} from '../src/index.js'
import {firstInvalidUtf8, inspectBytes, inspectText} from '../src/input.js'
import {defineRule} from '../src/rule.js'

const edit = (start: number, end: number, text: string, id = '') => ({id, fix: {start, end, text}})

test('applyFixes: edits in source order, bytes outside them untouched', () => {
  const source = 'aaa BBB ccc DDD eee'
  const messages = [edit(12, 16, '', 'd'), {id: 'no fix'}, edit(4, 8, 'b ', 'b')]
  const {output, applied, skipped} = applyFixes(source, messages)
  assert.equal(output, 'aaa b ccc eee')
  assert.deepEqual(applied.map((m) => m.id), ['b', 'd'])
  assert.deepEqual(skipped, [])
})

test('applyFixes: overlapping edits are skipped (the first in source order wins)', () => {
  const {output, applied, skipped} = applyFixes('0123456789', [edit(2, 6, 'X', 'late'), edit(1, 4, 'Y', 'early'), edit(6, 8, 'Z', 'adjacent')])
  assert.equal(output, '0Y45Z89')
  assert.deepEqual(applied.map((m) => m.id), ['early', 'adjacent'])
  assert.deepEqual(skipped.map((m) => m.id), ['late'])
})

test('applyFixes: identical edits apply once; two insertions at one point keep only the first', () => {
  const same = applyFixes('abc', [edit(1, 2, '', 'one'), edit(1, 2, '', 'two')])
  assert.equal(same.output, 'ac')
  assert.deepEqual(same.applied.map((m) => m.id), ['one', 'two'])
  const inserts = applyFixes('abc', [edit(1, 1, 'X', 'first'), edit(1, 1, 'Y', 'second')])
  assert.equal(inserts.output, 'aXbc')
  assert.deepEqual(inserts.skipped.map((m) => m.id), ['second'])
})

test('applyFixes: out-of-range edits and edits that split a character are skipped', () => {
  const source = 'a😀b'
  const {output, applied, skipped} = applyFixes(source, [edit(-1, 1, ''), edit(2, 9, ''), edit(2, 3, ''), edit(1, 3, '', 'emoji')])
  assert.equal(output, 'ab')
  assert.deepEqual(applied.map((m) => m.id), ['emoji'])
  assert.equal(skipped.length, 3)
})

test('applyFixes: nothing to apply returns the very same string', () => {
  const source = 'line one\r\nline two\r\n'
  const result = applyFixes(source, [{fix: undefined}, {fix: {start: 0}}])
  assert.equal(result.output, source)
  assert.deepEqual(result.applied, [])
})

test('applyFixes: Arabic text and CRLF stay byte-identical outside the edit', () => {
  const source = 'سطر أول\r\nاقرأ أيضا: خبر آخر\r\nسطر أخير\r\n'
  const start = source.indexOf('اقرأ')
  const end = source.indexOf('سطر أخير')
  const {output} = applyFixes(source, [{fix: {start, end, text: ''}}])
  assert.equal(output, 'سطر أول\r\nسطر أخير\r\n')
  assert.equal(Buffer.compare(Buffer.from(output), Buffer.concat([Buffer.from(source).subarray(0, Buffer.byteLength(source.slice(0, start))), Buffer.from(source.slice(end))])), 0)
})

// A rule for these tests only: flags lines that start with "SPAM" and removes them.
const spamRule = defineRule({id: 'test-spam', messages: ['promo-ad'], defaults: {}}, (article, _options, report) => {
  const source = article.source
  for (let start = 0; start < source.length;) {
    const newline = source.indexOf('\n', start)
    const end = newline === -1 ? source.length : newline + 1
    if (source.startsWith('SPAM', start)) {
      const last = newline === -1 ? source.length : newline
      report({start: {...article.point(start)}, end: {...article.point(last)}}, 'promo-ad', {count: 1, kind: 'ad'}, {fix: {start, end, text: ''}})
    }
    start = end
  }
})

test('lint(…, {fix: true}) with a rule that declares fixes: fixed text, count, messages on the fixed text', async () => {
  const processor = createProcessor({rules: Object.fromEntries(ruleIds().map((id) => [id, 'off' as const]))}).use(spamRule)
  const source = '# Title\n\nSPAM buy now\nThe story goes on.\n\nSPAM again\n'
  const plain = await lintFile(processor, source)
  assert.equal(plain.messages.filter((m) => m.ruleId === 'test-spam').length, 2)
  assert.equal(String(plain.value), source, 'without fix, the value is untouched')

  const fixed = await lintFile(processor, new VFile({path: 'story.md', value: source}), true)
  assert.equal(String(fixed.value), '# Title\n\nThe story goes on.\n\n')
  assert.equal(fixed.data.fixesApplied, 2)
  assert.equal(fixed.path, 'story.md')
  assert.deepEqual(fixed.messages.map((m) => m.reason), [])

  const again = await lintFile(processor, String(fixed.value), true)
  assert.equal(String(again.value), String(fixed.value), 'fixing the fixed text changes nothing')
  assert.equal(again.data.fixesApplied, 0)
})

test('lint(…, {fix: true}) does not apply fixes that would leave no article', async () => {
  const processor = createProcessor({rules: Object.fromEntries(ruleIds().map((id) => [id, 'off' as const]))}).use(spamRule)
  const source = 'SPAM one\n\nSPAM two\n'
  const file = await lintFile(processor, source, true)
  assert.equal(String(file.value), source)
  assert.equal(file.data.fixesApplied, 0)
  assert.deepEqual(file.messages.map((m) => [m.ruleId, m.line]), [['test-spam', 1], ['test-spam', 3]])
})

test('lint(…, {fix: true}) leaves a clean article as it is', async () => {
  const file = await lint('# Garden notes\n\nThe roses grow along the fence.\n', {fix: true})
  assert.equal(String(file.value), '# Garden notes\n\nThe roses grow along the fence.\n')
  assert.equal(file.data.fixesApplied, 0)
})

test('lint() rejects bad input with one bad-input message', async () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ['binary', 'abc\0def', /binary file/],
    ['invalid UTF-8', new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]), /Invalid UTF-8 at byte 3 \(line 2\)/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), /UTF-16/],
    ['empty', '', /The file is empty/],
    ['whitespace only', ' \n\t\n', /only whitespace/],
    ['a line over 1,000,000 characters', 'Title\n\n' + 'x'.repeat(1_000_001), /Line 3 is 1,000,001 characters long/]
  ]
  for (const [name, input, reason] of cases) {
    await assert.rejects(lint(input), (error: {ruleId?: string; source?: string; fatal?: boolean; reason?: string}) => {
      assert.equal(error.ruleId, 'bad-input', name)
      assert.equal(error.source, 'attribution-lint', name)
      assert.equal(error.fatal, true, name)
      assert.match(error.reason ?? '', reason, name)
      return true
    }, name)
  }
})

test('the line limit: 1,000,000 characters pass, 1,000,001 do not, wherever the line is', () => {
  assert.equal(inspectText('# Title\n\n' + 'x'.repeat(1_000_000) + '\n'), undefined)
  assert.equal(inspectText('x'.repeat(1_000_000)), undefined)
  assert.deepEqual(inspectText('a\r\nb\n' + 'y'.repeat(1_000_001) + '\nc'), {
    reason: 'Line 3 is 1,000,001 characters long (the limit is 1,000,000): this is not an article in markdown; break it into paragraphs, or list the file in .attributionignore',
    line: 3,
    column: 1
  })
})

test('UTF-8 checks: well-formed text passes, each kind of bad byte is found', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('plain, عربي, 😀')), -1)
  assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0x80])), 1) // lone continuation byte
  assert.equal(firstInvalidUtf8(new Uint8Array([0xc0, 0x80])), 0) // overlong
  assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0) // surrogate
  assert.equal(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82])), 1) // truncated
  assert.equal(inspectBytes(Buffer.from('plain text\n')), undefined)
  assert.deepEqual(inspectBytes(Buffer.from([0x61, 0x0a, 0x62, 0x00])), {reason: inspectText('a\nb\0')!.reason, line: 2})
  assert.equal(inspectText('# Title\n\nText.\n'), undefined)
})

// A rule whose fix reveals more to fix: it flags only the last line, when it starts with "SPAM".
const lastSpamRule = defineRule({id: 'test-last-spam', messages: ['promo-ad'], defaults: {}}, (article, _options, report) => {
  const source = article.source.replace(/\n+$/, '')
  const start = source.lastIndexOf('\n') + 1
  if (source.startsWith('SPAM', start)) {
    report({start: article.point(start), end: article.point(source.length)}, 'promo-ad', {count: 1, kind: 'ad'}, {fix: {start: start - 1, end: source.length, text: ''}})
  }
})

test('lint(…, {fix: true}) fixes until nothing is left to fix, so a second fix changes nothing', async () => {
  const processor = createProcessor({rules: Object.fromEntries(ruleIds().map((id) => [id, 'off' as const]))}).use(lastSpamRule)
  const once = await lintFile(processor, '# Title\n\nThe story.\nSPAM one\nSPAM two\nSPAM three\n', true)
  assert.equal(String(once), '# Title\n\nThe story.\n')
  assert.equal(once.data.fixesApplied, 3)
  const twice = await lintFile(processor, String(once), true)
  assert.equal(String(twice), String(once))
  assert.equal(twice.data.fixesApplied, 0)
})
