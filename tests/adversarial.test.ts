/**
 * Untrusted text that makes parsers and regular expressions fall over: each input finishes, or
 * ends in one clear `bad-input` message for its file while the run goes on with the others.
 *
 * Each input is linted by the CLI in a child process with a timeout. The timeout is a hang
 * guard only, generous enough for a loaded machine: this is not a speed claim (see
 * `npm run bench`). Without the guards of src/input.ts, 100,000 nested `>` or `*`, 50,000
 * nested list items or 1,500 ever deeper indented lines run for minutes or overflow the stack
 * inside remark-parse, and 40,000 lazy lines after `> a` half a minute; without src/gfm.ts, 200,000 words after a `[` that never closes run for
 * minutes inside remark-gfm, and so did two end-anchored regular expressions of the model.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {fileURLToPath} from 'node:url'

const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url))
const HANG_GUARD_MS = 180_000
const temp = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-adversarial-'))
after(() => rmSync(temp, {recursive: true, force: true}))

const inputs: Record<string, () => string> = {
  'quote-marks': () => '"'.repeat(100_000) + '\n',
  'mixed-quote-marks': () => '“«„‘'.repeat(25_000) + '\n',
  'one-word-1mb': () => Array.from({length: 200}, () => 'said '.repeat(1000)).join('\n') + '\n',
  'one-word-line': () => 'said '.repeat(210_000) + '\n',
  'nested-lists': () => '- '.repeat(50_000) + 'x\n',
  'nested-blockquotes': () => '>'.repeat(100_000) + ' x\n',
  'indented-lists': () => Array.from({length: 1500}, (_, i) => '  '.repeat(i) + '- x').join('\n') + '\n',
  'arabic-no-spaces-1mb': () => 'مرحبابالعالم'.repeat(42_000) + '\n',
  'brackets-1mb': () => '['.repeat(1_000_000) + '\n',
  'open-links': () => '[a]('.repeat(100_000) + '\n',
  'asterisks': () => '*'.repeat(100_000) + 'x' + '*'.repeat(100_000) + '\n',
  'emphasis': () => '*a* '.repeat(50_000) + '\n',
  'angle-brackets': () => '<'.repeat(200_000) + '\n',
  'unclosed-quotes-in-prose': () => Array.from({length: 3000}, (_, i) => `«قال مصدر ${i} “He said "it ‘was`).join(' ') + '\n',
  // One paragraph of lazy lines (without the `>` or indentation of their container).
  'lazy-quote': () => '> a\n' + 'b\n'.repeat(40_000),
  'lazy-list-item': () => '- a\n' + 'b\n'.repeat(40_000),
  'lazy-nested': () => '> - a\n' + '> b\nc\n'.repeat(20_000),
  'lazy-footnote': () => '[^1]: a\n' + 'b\n'.repeat(40_000),
  'lazy-quote-cr': () => '> a\r' + 'b\r'.repeat(40_000),
  // remark-gfm's autolink literals walked back to a `[` that never closes at every word.
  'unclosed-bracket-then-words': () => '[' + Array.from({length: 200}, () => 'word '.repeat(1000)).join('\n') + '\n',
  // End-anchored regular expressions that were quadratic: /\s+$/ on the text before a promo at
  // the end of the file, and the photo-credit pattern on a `(` followed by a run of `/`.
  'space-run-before-a-final-promo': () => '# Talks\n\nThe talks failed.\n\nword' + ' '.repeat(900_000) + 'word\n\nFollow us on Twitter and Facebook',
  'slashes-in-a-parenthesis': () => '# Talks\n\nThe talks failed.\n\n(' + '/'.repeat(900_000) + ' word\n',
  'fuzz-case-gfm-autolink-quadratic': () => (JSON.parse(readFileSync(new URL('../../tests/fuzz/cases/gfm-autolink-quadratic.json', import.meta.url), 'utf8')) as {text: string}).text
}

interface Report {
  path: string
  messages: Array<{ruleId: string | null; reason: string; fatal?: boolean}>
}

function lintFiles(files: string[]) {
  const child = spawnSync(process.execPath, [BIN, '--report', 'json', '--jobs', '1', ...files], {cwd: temp, encoding: 'utf8', timeout: HANG_GUARD_MS, maxBuffer: 1 << 28})
  return {code: child.status, signal: child.signal, stdout: child.stdout, stderr: child.stderr}
}

for (const [name, make] of Object.entries(inputs)) {
  test(`adversarial input finishes or is refused in one clear message: ${name}`, () => {
    const file = path.join(temp, `${name}.md`)
    writeFileSync(file, make())
    const result = lintFiles([file])
    assert.equal(result.signal, null, `${name}: still running after ${HANG_GUARD_MS} ms (hang guard)`)
    assert.ok(result.code === 0 || result.code === 1 || result.code === 2, `${name}: exit ${result.code}: ${result.stderr}`)
    const [report] = JSON.parse(result.stdout) as Report[]
    assert.ok(!report.messages.some((message) => message.ruleId === 'internal-error'), `${name}: internal error: ${result.stdout.slice(0, 500)}`)
    const refused = report.messages.filter((message) => message.ruleId === 'bad-input')
    if (name.startsWith('lazy-')) assert.equal(refused.length, 1, `${name}: a paragraph of lazy lines is refused`)
    if (refused.length) {
      assert.equal(report.messages.length, 1, `${name}: a refused file has one message`)
      assert.equal(result.code, 2)
      assert.match(refused[0].reason, /not an article|characters long|one paragraph in a block quote/)
    } else {
      assert.notEqual(result.code, 2, `${name}: exit 2 without a bad-input message: ${result.stderr}`)
    }
  })
}

test('adversarial files in one run: each refused on its own, the article beside them still linted', () => {
  const article = path.join(temp, 'article.md')
  writeFileSync(article, '# Talks\n\nA senior official said the talks had failed.\n')
  const bad = ['nested-blockquotes', 'nested-lists', 'asterisks', 'brackets-1mb', 'lazy-quote'].map((name) => {
    const file = path.join(temp, `run-${name}.md`)
    writeFileSync(file, inputs[name]())
    return file
  })
  const result = lintFiles([...bad, article])
  assert.equal(result.signal, null, 'hang guard')
  assert.equal(result.code, 2)
  const reports = JSON.parse(result.stdout) as Report[]
  for (const file of bad) {
    const report = reports.find((entry) => path.resolve(temp, entry.path) === file)
    assert.deepEqual(report?.messages.map((message) => message.ruleId), ['bad-input'], file)
  }
  const linted = reports.find((entry) => path.resolve(temp, entry.path) === article)
  assert.deepEqual(linted?.messages.map((message) => message.ruleId), ['anonymous-source'])
})
