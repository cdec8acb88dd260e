/**
 * `--jobs`: linting on worker threads gives the report of `--jobs 1`, byte for byte, in every
 * format, with per-folder configuration, inline comments, bad input and --fix.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {parseCli, UsageError} from '../src/cli/args.js'

const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url))
const SEED_RAW = readFileSync(path.join(FIXTURES, 'seed/article.raw.md'), 'utf8')

const temp = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-jobs-'))
after(() => rmSync(temp, {recursive: true, force: true}))

function run(cwd: string, args: string[]) {
  const child = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: child.status, stdout: child.stdout, stderr: child.stderr}
}

/** A folder of articles where workers matter: many files, two configurations, bad input. */
function archive(): string {
  const root = path.join(temp, 'archive')
  cpSync(path.join(FIXTURES, 'seed'), path.join(root, 'seed'), {recursive: true})
  mkdirSync(path.join(root, 'quiet'), {recursive: true})
  // A folder with its own configuration: the workers must lint with it, not with the defaults.
  writeFileSync(path.join(root, 'quiet/.attributionrc'), JSON.stringify({rules: {'anonymous-source': 'off', 'unsourced-claim': 'error'}}))
  for (let i = 0; i < 6; i++) writeFileSync(path.join(root, `quiet/copy-${i}.md`), SEED_RAW)
  writeFileSync(path.join(root, 'inline.md'), '# Talks\n\n<!-- attribution-lint disable anonymous-source nope -->\n\nA senior official said the talks had failed.\n')
  writeFileSync(path.join(root, 'empty.md'), '')
  writeFileSync(path.join(root, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]))
  writeFileSync(path.join(root, 'latin1.md'), Buffer.from('caf\xe9 au lait\n', 'latin1'))
  return root
}

test('--jobs N reports what --jobs 1 reports, byte for byte, in every format and with --verbose', () => {
  const root = archive()
  for (const args of [[], ['--verbose'], ['--report', 'json'], ['--quiet', '--frail']]) {
    const one = run(root, ['--jobs', '1', ...args, '.'])
    assert.ok(one.stdout.length + one.stderr.length > 1000, 'the archive gives a real report')
    assert.equal(one.code, 2, 'bad input in the archive: exit 2')
    for (const jobs of ['2', '3']) {
      const many = run(root, ['--jobs', jobs, ...args, '.'])
      assert.equal(many.stdout, one.stdout, `stdout of --jobs ${jobs} ${args.join(' ')}`)
      assert.equal(many.stderr, one.stderr, `stderr of --jobs ${jobs} ${args.join(' ')}`)
      assert.equal(many.code, one.code)
    }
  }
  const json = JSON.parse(run(root, ['--jobs', '2', '--report', 'json', '.']).stdout) as Array<{path: string; messages: Array<{ruleId: string; severity: string}>}>
  const quiet = json.filter((file) => file.path.includes('quiet'))
  assert.equal(quiet.length, 6)
  for (const file of quiet) {
    assert.ok(!file.messages.some((message) => message.ruleId === 'anonymous-source'), 'the folder config turned anonymous-source off')
    assert.ok(file.messages.some((message) => message.ruleId === 'unsourced-claim' && message.severity === 'error'), 'and unsourced-claim to error')
  }
  const seed = json.find((file) => file.path.endsWith(path.join('seed', 'article.raw.md')))
  assert.ok(seed?.messages.some((message) => message.ruleId === 'anonymous-source'), 'outside that folder the defaults apply')
  const inline = json.find((file) => file.path.endsWith('inline.md'))
  assert.deepEqual(inline?.messages.map((message) => message.ruleId), ['unknown-rule'], 'inline comments work on workers')
  for (const name of ['empty.md', 'binary.md', 'latin1.md']) {
    assert.deepEqual(json.find((file) => file.path.endsWith(name))?.messages.map((message) => message.ruleId), ['bad-input'], name)
  }
})

test('--fix --dry-run with --jobs gives the diff of --jobs 1', () => {
  const root = archive()
  const one = run(root, ['--jobs', '1', '--fix', '--dry-run', 'seed', 'quiet'])
  const two = run(root, ['--jobs', '2', '--fix', '--dry-run', 'seed', 'quiet'])
  assert.match(one.stdout, /^@@ /m, 'the seed has fixes to show')
  assert.equal(two.stdout, one.stdout)
  assert.equal(two.stderr, one.stderr)
})

test('--jobs takes a whole number, 1 or more; the default is the number of cores', () => {
  assert.equal(parseCli(['a.md']).jobs, os.availableParallelism())
  assert.equal(parseCli(['--jobs', '3', 'a.md']).jobs, 3)
  assert.equal(parseCli(['-j', '1', 'a.md']).jobs, 1)
  for (const bad of ['0', '-1', '1.5', 'two', '']) assert.throws(() => parseCli(['--jobs', bad, 'a.md']), UsageError, bad)
  const usage = run(temp, ['--jobs', '0', 'a.md'])
  assert.equal(usage.code, 2)
  assert.match(usage.stderr, /--jobs needs a whole number/)
})
