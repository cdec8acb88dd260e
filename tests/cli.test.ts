/**
 * The CLI end to end: `node dist/src/cli/bin.js` run as a user would, in temporary folders
 * holding the fixtures each test writes.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {classify, exitCode} from '../src/cli/run.js'
import type {JsonFile, JsonMessage} from '../src/report/json.js'
import {ruleIds} from '../src/config.js'
import {ConfigError} from '../src/rule.js'
import {lint} from '../src/index.js'
import {rules} from '../rules/index.js'

const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url))
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
const SEED_RAW = readFileSync(new URL('../../fixtures/seed/article.raw.md', import.meta.url), 'utf8')
const hasPromo = rules.some((rule) => rule.ruleId === 'promo-block')

/** A neutral article no rule should flag. */
const GOOD = '# Garden notes\n\nThe roses grow along the fence.\n'
/** Config that leaves only promo-block on, so tests do not depend on the other rules. */
const ONLY_PROMO = {rules: Object.fromEntries(ruleIds().filter((id) => id !== 'promo-block').map((id) => [id, 'off']))}
const MESSAGE_KEYS = ['actual', 'column', 'endColumn', 'endLine', 'line', 'reason', 'ruleId', 'severity', 'source', 'url']

const folders: string[] = []
after(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

/** A temporary folder with the given files (paths relative to it). */
function fixture(files: Record<string, string | Uint8Array> = {}): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-cli-'))
  folders.push(folder)
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), value)
  }
  return folder
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(cwd: string, args: string[], input?: string | Uint8Array, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd, input: input ?? '', encoding: 'utf8', env: {...process.env, NO_COLOR: '1', DEBUG: '', ...env}, maxBuffer: 1 << 28})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

type JsonReport = JsonFile[]

function json(result: Run): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport
  } catch {
    assert.fail(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`)
  }
}

function messagesOf(report: JsonReport, file: string): JsonMessage[] {
  const entry = report.find((item) => item.path === file)
  assert.ok(entry, `${file} in the report: ${report.map((item) => item.path).join(', ')}`)
  return entry.messages
}

function snapshot(file: string): {bytes: Buffer; mtime: number} {
  return {bytes: readFileSync(file), mtime: statSync(file).mtimeMs}
}

/** Set a file's mtime in the past, so that a rewrite would show. */
function age(file: string): void {
  const past = new Date(Date.now() - 3_600_000)
  utimesSync(file, past, past)
}

// ---------------------------------------------------------------- flags and usage

test('--help and --version', () => {
  const cwd = fixture()
  const help = run(cwd, ['--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^Usage: attribution-lint \[options\] \[path \| glob \.\.\.\]/)
  for (const flag of ['--rc-path', '--ignore-path', '--no-config', '--no-ignore', '--frail', '--quiet', '--silent', '--color', '--watch', '--report', '--fix', '--dry-run', '--stdin-filename']) {
    assert.ok(help.stdout.includes(flag), flag)
  }
  const version = run(cwd, ['--version'])
  assert.equal(version.code, 0)
  assert.equal(version.stdout, PACKAGE.version + '\n')
})

test('usage errors exit 2 with the problem and the usage line, nothing on stdout', () => {
  const cwd = fixture({'a.md': GOOD})
  const cases: Array<[string[], string]> = [
    [['--bogus', 'a.md'], "attribution-lint: Unknown option '--bogus'"],
    [['--report', 'xml', 'a.md'], 'attribution-lint: Unknown report `xml`; expected one of: stylish, json'],
    [['--report'], "attribution-lint: Option '--report <value>' argument missing"],
    [['--dry-run', 'a.md'], 'attribution-lint: --dry-run only goes with --fix'],
    [['--watch', '--fix', 'a.md'], 'attribution-lint: --watch cannot be combined with --fix'],
    [['--color', '--no-color', 'a.md'], 'attribution-lint: Give --color or --no-color, not both'],
    [['--rc-path', 'missing.json', 'a.md'], 'attribution-lint: --rc-path missing.json: no such file'],
    [['--stdin-filename', 'x.md', 'a.md'], 'attribution-lint: --stdin-filename names the article read from stdin, but files were given']
  ]
  for (const [args, first] of cases) {
    const result = run(cwd, args)
    assert.equal(result.code, 2, args.join(' '))
    assert.equal(result.stdout, '', args.join(' '))
    const lines = result.stderr.split('\n')
    assert.ok(lines[0].startsWith(first), `${args.join(' ')}: ${lines[0]}`)
    assert.equal(lines[1], 'Usage: attribution-lint [options] [path | glob ...]')
  }
})

// ---------------------------------------------------------------- exit codes and reports

test('a clean file: exit 0, stylish report on stderr, stdout empty', () => {
  const cwd = fixture({'good.md': GOOD})
  const result = run(cwd, ['good.md'])
  assert.equal(result.code, 0)
  assert.equal(result.stdout, '')
  assert.equal(result.stderr, 'good.md: no issues found\n')
})

test('--report json: the lean array, the only thing on stdout', () => {
  const cwd = fixture({'good.md': GOOD, 'sub/other.markdown': GOOD, 'sub/skip.txt': 'not markdown'})
  const result = run(cwd, ['--report', 'json', '.'])
  assert.equal(result.code, 0)
  assert.equal(result.stderr, '')
  assert.deepEqual(JSON.parse(result.stdout), [{path: 'good.md', messages: []}, {path: path.join('sub', 'other.markdown'), messages: []}])
})

test('findings: warnings exit 0, with --frail 1; "error" severity exits 1; "off" silences', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const cwd = fixture({'raw.md': SEED_RAW, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  const warn = run(cwd, ['--report', 'json', 'raw.md'])
  assert.equal(warn.code, 0)
  const messages = messagesOf(json(warn), 'raw.md')
  assert.deepEqual(messages.map((m) => [m.ruleId, m.line, m.endLine, m.severity]), [['promo-block', 14, 16, 'warning'], ['promo-block', 18, 18, 'warning']])
  for (const message of messages) {
    assert.deepEqual(Object.keys(message).sort(), MESSAGE_KEYS)
    assert.equal(message.source, 'attribution-lint')
    assert.equal(message.column, 1)
    assert.equal(message.url, 'https://github.com/attribution-lint/attribution-lint/blob/main/docs/rules/promo-block.md')
    assert.equal(typeof message.actual, 'string')
  }
  assert.equal(messages[1].actual, SEED_RAW.split('\n')[17])
  assert.deepEqual(Object.keys(json(warn)[0]).sort(), ['messages', 'path'])
  assert.ok(!warn.stdout.includes('"fix"') && !warn.stdout.includes('"ancestors"') && !warn.stdout.includes('"children"'))

  assert.equal(run(cwd, ['--frail', 'raw.md']).code, 1)

  writeFileSync(path.join(cwd, '.attributionrc.json'), JSON.stringify({rules: {...ONLY_PROMO.rules, 'promo-block': 'error'}}))
  const error = run(cwd, ['--report', 'json', 'raw.md'])
  assert.equal(error.code, 1)
  assert.deepEqual(messagesOf(json(error), 'raw.md').map((m) => m.severity), ['error', 'error'])
  const stylish = run(cwd, ['raw.md'])
  assert.equal(stylish.code, 1)
  assert.match(stylish.stderr, /^raw\.md\n14:1-16:48 +error /)

  writeFileSync(path.join(cwd, '.attributionrc.json'), JSON.stringify({rules: {...ONLY_PROMO.rules, 'promo-block': 'off'}}))
  const off = run(cwd, ['--report', 'json', '--frail', 'raw.md'])
  assert.equal(off.code, 0)
  assert.deepEqual(json(off), [{path: 'raw.md', messages: []}])
})

test('--max-warnings n: exit 1 when the run has more than n warnings, counted over all files, as ESLint does', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  // The seed gives two promo-block warnings under ONLY_PROMO; two copies give four.
  const cwd = fixture({'a.md': SEED_RAW, 'b.md': SEED_RAW, 'good.md': GOOD, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  const over = run(cwd, ['--max-warnings', '3', 'a.md', 'b.md', 'good.md'])
  assert.equal(over.code, 1)
  assert.match(over.stderr, /attribution-lint: 4 warnings, more than --max-warnings 3 allows\n$/)
  const at = run(cwd, ['--max-warnings', '4', 'a.md', 'b.md', 'good.md'])
  assert.equal(at.code, 0)
  assert.doesNotMatch(at.stderr, /max-warnings/)
  assert.equal(run(cwd, ['--max-warnings', '0', 'good.md']).code, 0)
  assert.equal(run(cwd, ['--max-warnings', '0', 'a.md']).code, 1)
  // -1 is ESLint's "no limit".
  assert.equal(run(cwd, ['--max-warnings=-1', 'a.md', 'b.md']).code, 0)
  // The JSON report on stdout is whole; the gate is named on stderr.
  const report = run(cwd, ['--report', 'json', '--max-warnings', '1', 'a.md'])
  assert.equal(report.code, 1)
  assert.equal(messagesOf(json(report), 'a.md').length, 2)
  for (const bad of ['x', '1.5', '=-2', '']) {
    const usage = run(cwd, bad.startsWith('=') ? ['--max-warnings' + bad, 'a.md'] : ['--max-warnings', bad, 'a.md'])
    assert.equal(usage.code, 2, bad)
    assert.match(usage.stderr, /--max-warnings needs a whole number of warnings/)
  }
  // Errors still exit 1 under the limit.
  writeFileSync(path.join(cwd, '.attributionrc.json'), JSON.stringify({rules: {...ONLY_PROMO.rules, 'promo-block': 'error'}}))
  assert.equal(run(cwd, ['--max-warnings', '10', 'a.md']).code, 1)
})

test('--quiet leaves out clean files; --silent keeps errors only', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const cwd = fixture({'good.md': GOOD, 'raw.md': SEED_RAW, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  const quiet = json(run(cwd, ['--report', 'json', '--quiet', 'good.md', 'raw.md']))
  assert.deepEqual(quiet.map((file) => [file.path, file.messages.length]), [['raw.md', 2]])
  const silent = run(cwd, ['--report', 'json', '--silent', 'good.md', 'raw.md'])
  assert.equal(silent.code, 0)
  assert.deepEqual(json(silent), [])
  const stylish = run(cwd, ['--quiet', 'good.md'])
  assert.equal(stylish.stderr, '')
})

test('no file matches: a note on stderr, exit 0, an empty JSON array', () => {
  const cwd = fixture()
  const result = run(cwd, ['--report', 'json', 'nothing/**/*.md'])
  assert.equal(result.code, 0)
  assert.equal(result.stdout, '[]\n')
  assert.equal(result.stderr, 'attribution-lint: no files to lint (nothing matched, or everything is ignored)\n')
})

// ---------------------------------------------------------------- stdin

test('stdin: read when no file is given; --stdin-filename names it', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const cwd = fixture({'.attributionrc.json': JSON.stringify(ONLY_PROMO), 'quiet/.attributionrc.json': JSON.stringify({rules: {...ONLY_PROMO.rules, 'promo-block': 'off'}})})
  const plain = run(cwd, ['--report', 'json'], SEED_RAW)
  assert.equal(plain.code, 0)
  const report = json(plain)
  assert.deepEqual(report.map((file) => file.path), ['<stdin>'])
  assert.deepEqual(report[0].messages.map((m) => [m.ruleId, m.line]), [['promo-block', 14], ['promo-block', 18]])
  // The name places the article: its folder's configuration applies.
  const named = run(cwd, ['--report', 'json', '--stdin-filename', 'quiet/story.md'], SEED_RAW)
  assert.deepEqual(json(named), [{path: path.join('quiet', 'story.md'), messages: []}])
  const stylish = run(cwd, [], GOOD)
  assert.equal(stylish.stderr, '<stdin>: no issues found\n')
  assert.equal(stylish.stdout, '')
})

// ---------------------------------------------------------------- configuration

test('config discovery: .attributionrc as JSON and as YAML, .attributionrc.yaml, package.json, --rc-path, --no-config', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const off = {rules: {...ONLY_PROMO.rules, 'promo-block': 'off'}}
  const yamlOff = 'rules:\n' + Object.keys(off.rules).map((id) => `  ${id}: off\n`).join('')
  const cwd = fixture({
    'plain/raw.md': SEED_RAW,
    'plain/.attributionrc.json': JSON.stringify(ONLY_PROMO),
    'rc-json/raw.md': SEED_RAW,
    'rc-json/.attributionrc': JSON.stringify(off),
    'rc-yaml/raw.md': SEED_RAW,
    'rc-yaml/.attributionrc': '# YAML in the file without extension\n' + yamlOff,
    'yaml/raw.md': SEED_RAW,
    'yaml/.attributionrc.yaml': yamlOff,
    'pkg/raw.md': SEED_RAW,
    'pkg/package.json': JSON.stringify({name: 'newsroom', private: true, 'attribution-lint': off}),
    'pkg/nested/raw.md': SEED_RAW,
    'pkg/nested/.attributionrc.json': JSON.stringify(ONLY_PROMO),
    'given/raw.md': SEED_RAW,
    'given/.attributionrc.json': '{"broken": ',
    'configs/promo-off.json': JSON.stringify(off)
  })
  const result = run(cwd, ['--report', 'json', 'plain', 'rc-json', 'rc-yaml', 'yaml', 'pkg'])
  assert.equal(result.code, 0, result.stderr)
  const count = (report: JsonReport) => Object.fromEntries(report.map((file) => [file.path.split(path.sep).join('/'), file.messages.length]))
  assert.deepEqual(count(json(result)), {'plain/raw.md': 2, 'rc-json/raw.md': 0, 'rc-yaml/raw.md': 0, 'yaml/raw.md': 0, 'pkg/raw.md': 0, 'pkg/nested/raw.md': 2})
  // --rc-path: that file only; the broken one beside the article is not read.
  const given = run(cwd, ['--report', 'json', '--rc-path', 'configs/promo-off.json', 'given/raw.md'])
  assert.equal(given.code, 0, given.stderr)
  assert.deepEqual(count(json(given)), {'given/raw.md': 0})
  // --no-config: defaults, the broken file is not read either.
  const none = run(cwd, ['--report', 'json', '--no-config', 'given/raw.md'])
  assert.equal(none.code, 0, none.stderr)
  assert.ok(messagesOf(json(none), path.join('given', 'raw.md')).some((m) => m.ruleId === 'promo-block'))
})

test('config options reach the preset: lang and lexicon extensions are accepted, defaults run without a config', () => {
  const cwd = fixture({
    'a/story.md': GOOD,
    'a/.attributionrc.yaml': 'lang: en\nspeechVerbs:\n  en: [quipped]\noutlets:\n  - name: Garden Gazette\n    domains: [gazette.example]\n',
    'b/story.md': GOOD
  })
  const result = run(cwd, ['--report', 'json', 'a', 'b'])
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(json(result), [{path: path.join('a', 'story.md'), messages: []}, {path: path.join('b', 'story.md'), messages: []}])
})

test('broken configs: one clear line naming the file and the problem, each article under it one config-error, exit 2', () => {
  const someRule = ruleIds()[0]
  const cases: Array<[string, string, string]> = [
    ['.attributionrc', '{"lang": "en",}', 'attribution-lint: .attributionrc: invalid JSON at line 1, column 15'],
    ['.attributionrc', 'lang: [en\n', 'attribution-lint: .attributionrc: invalid YAML: '],
    ['.attributionrc.json', '{"langs": "en"}', 'attribution-lint: .attributionrc.json: unknown key `langs`; expected one of: lang, locale, rules, '],
    ['.attributionrc.yml', 'rules:\n  no-such-rule: warn\n', 'attribution-lint: .attributionrc.yml: unknown rule `no-such-rule`; known rules: '],
    ['.attributionrc.json', '{"lang": "english!"}', 'attribution-lint: .attributionrc.json: `lang` must be a language code such as "ar" or "en", not "english!"'],
    ['package.json', '{"name": "x", "attribution-lint": {"rules": []}}', 'attribution-lint: package.json (field "attribution-lint"): `rules` must be an object of rule ids'],
    ['package.json', '{"name": "x",', 'attribution-lint: package.json: invalid JSON at line 1, column 14'],
    ['.attributionrc.mjs', 'export default {\n', 'attribution-lint: .attributionrc.mjs: cannot load it: '],
    ['.attributionrc.cjs', 'module.exports = {lang: 3}\n', 'attribution-lint: .attributionrc.cjs: `lang` must be a language code']
  ]
  if (someRule) {
    cases.push(['.attributionrc.json', JSON.stringify({rules: {[someRule]: 'loud'}}), `attribution-lint: .attributionrc.json: rule \`${someRule}\` must be "off", "warn", "error" or [severity, options], not "loud"`])
    cases.push(['.attributionrc.json', JSON.stringify({rules: {[someRule]: ['warn', {noSuchOption: true}]}}), `attribution-lint: .attributionrc.json: Unknown option \`noSuchOption\` for \`${someRule}\``])
  }
  for (const [name, text, expected] of cases) {
    const cwd = fixture({'one.md': GOOD, 'two.md': GOOD, [name]: text})
    const result = run(cwd, ['--report', 'json', 'one.md', 'two.md'])
    assert.equal(result.code, 2, `${name}: ${text}`)
    const lines = result.stderr.trimEnd().split('\n')
    assert.equal(lines.length, 1, `${name}: one line, once for both files: ${result.stderr}`)
    assert.ok(lines[0].startsWith(expected), `${name}: ${lines[0]}`)
    assert.ok(lines[0].endsWith('(the articles it applies to are not linted)'), `${name}: ${lines[0]}`)
    // Neither article is linted: each has one error that names the broken file and its problem.
    const problem = expected.slice('attribution-lint: '.length)
    for (const file of json(result)) {
      assert.equal(file.messages.length, 1, `${name}: ${file.path}`)
      const [message] = file.messages
      assert.equal(message.ruleId, 'config-error')
      assert.equal(message.severity, 'error')
      assert.ok(message.reason.startsWith(`Not linted: its configuration is broken (${problem}`), `${name}: ${message.reason}`)
    }
    assert.deepEqual(json(result).map((file) => file.path), ['one.md', 'two.md'])
  }
})

test('a broken config harms only the articles it applies to: the others are linted and reported, nothing is written', () => {
  const broken = '{"rules": '
  const cwd = fixture({'desk/one.md': SEED_RAW, 'sport/two.md': GOOD, 'sport/three.md': SEED_RAW, 'sport/.attributionrc.json': broken, 'world/four.md': GOOD})
  const before = ['desk/one.md', 'sport/two.md', 'sport/three.md'].map((file) => snapshot(path.join(cwd, file)))
  for (const extra of [[], ['--fix'], ['--jobs', '2']]) {
    const result = run(cwd, ['--report', 'json', ...extra, '.'])
    assert.equal(result.code, 2, result.stderr)
    assert.deepEqual(result.stderr.trimEnd().split('\n'), [`attribution-lint: ${path.join('sport', '.attributionrc.json')}: invalid JSON: Unexpected end of JSON input (the articles it applies to are not linted)`])
    const report = json(result)
    assert.deepEqual(report.map((file) => file.path.split(path.sep).join('/')), ['desk/one.md', 'sport/three.md', 'sport/two.md', 'world/four.md'])
    for (const file of ['sport/three.md', 'sport/two.md']) {
      assert.deepEqual(messagesOf(report, path.join(...file.split('/'))).map((m) => [m.ruleId, m.severity]), [['config-error', 'error']], file)
    }
    // The seed article outside the broken folder is linted as ever (its findings are there).
    if (!extra.includes('--fix')) assert.ok(messagesOf(report, path.join('desk', 'one.md')).length > 3)
    assert.deepEqual(messagesOf(report, path.join('world', 'four.md')), [])
  }
  // --fix fixed the article it could lint and left the ones under the broken config alone.
  assert.notDeepEqual(snapshot(path.join(cwd, 'desk/one.md')).bytes, before[0].bytes)
  assert.deepEqual(snapshot(path.join(cwd, 'sport/two.md')), before[1])
  assert.deepEqual(snapshot(path.join(cwd, 'sport/three.md')), before[2])
})

// ---------------------------------------------------------------- ignore

test('.attributionignore, --ignore-path, --ignore-pattern and --no-ignore', () => {
  const cwd = fixture({'keep.md': GOOD, 'drafts/skip.md': GOOD, 'old.md': GOOD, '.attributionignore': 'drafts/\n', 'custom-ignore': 'old.md\n'})
  const paths = (result: Run) => json(result).map((file) => file.path.split(path.sep).join('/'))
  assert.deepEqual(paths(run(cwd, ['--report', 'json', '.'])), ['keep.md', 'old.md'])
  assert.deepEqual(paths(run(cwd, ['--report', 'json', '--no-ignore', '.'])), ['drafts/skip.md', 'keep.md', 'old.md'])
  assert.deepEqual(paths(run(cwd, ['--report', 'json', '--ignore-path', 'custom-ignore', '.'])), ['drafts/skip.md', 'keep.md'])
  assert.deepEqual(paths(run(cwd, ['--report', 'json', '--ignore-pattern', 'old.md,keep.md', '.'])), [])
  // A file named on the command line but ignored: a warning, not a failure.
  const named = run(cwd, ['--report', 'json', 'drafts/skip.md', 'keep.md'])
  assert.equal(named.code, 0)
  assert.deepEqual(json(named).map((file) => [file.path.split(path.sep).join('/'), file.messages.map((m) => [m.ruleId, m.severity])]), [['drafts/skip.md', [['ignored-file', 'warning']]], ['keep.md', []]])
  assert.deepEqual(paths(run(cwd, ['--report', 'json', '--silently-ignore', 'drafts/skip.md', 'keep.md'])), ['keep.md'])
})

// ---------------------------------------------------------------- bad input

test('bad input: one fatal message per bad file, the others still linted, exit 2, nothing written', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const cwd = fixture({
    '.attributionrc.json': JSON.stringify(ONLY_PROMO),
    'good.md': GOOD,
    'raw.md': SEED_RAW,
    'binary.md': Buffer.from([0x23, 0x20, 0x61, 0x00, 0x01, 0x02, 0x0a]),
    'latin1.md': Buffer.from('Caf\xe9 au lait\n', 'latin1'),
    'utf16.md': Buffer.from('\ufeffHello\n', 'utf16le'),
    'empty.md': '',
    'blank.md': ' \n\t\n\n',
    'huge.md': 'x'.repeat(5 * 1024 * 1024),
    'folder.md/inside.md': GOOD
  })
  symlinkSync('loop.md', path.join(cwd, 'loop.md'))
  const names = ['binary.md', 'blank.md', 'empty.md', 'folder.md', 'good.md', 'huge.md', 'latin1.md', 'loop.md', 'raw.md', 'utf16.md']
  const before = new Map(names.filter((name) => !['folder.md', 'loop.md'].includes(name)).map((name) => {
    age(path.join(cwd, name))
    return [name, snapshot(path.join(cwd, name))]
  }))
  for (const extra of [[], ['--fix']]) {
    const result = run(cwd, ['--report', 'json', ...extra, ...names])
    assert.equal(result.code, 2, extra.join(' '))
    const report = json(result)
    assert.deepEqual(report.map((file) => file.path), names)
    const bad = (name: string, reason: RegExp, line: number | null) => {
      const messages = messagesOf(report, name)
      assert.equal(messages.length, 1, `${name}: ${JSON.stringify(messages)}`)
      const [message] = messages
      assert.equal(message.ruleId, 'bad-input', name)
      assert.equal(message.source, 'attribution-lint', name)
      assert.equal(message.severity, 'error', name)
      assert.equal(message.line, line, name)
      assert.match(message.reason, reason, name)
      assert.deepEqual(Object.keys(message).sort(), MESSAGE_KEYS)
    }
    bad('binary.md', /^This looks like a binary file \(a NUL byte on line 1\), not a markdown article/, 1)
    bad('latin1.md', /^Invalid UTF-8 at byte 3 \(line 1\): attribution-lint reads UTF-8 only; save the file as UTF-8$/, 1)
    bad('utf16.md', /^This file is UTF-16 text; attribution-lint reads UTF-8 only/, 1)
    bad('empty.md', /^The file is empty: there is no article to lint/, 1)
    bad('blank.md', /^The file holds only whitespace/, 1)
    bad('huge.md', /^Line 1 is 5,242,880 characters long \(the limit is 1,000,000\)/, 1)
    bad('folder.md', /^Cannot read the file: it is a folder, not a file \(EISDIR\)$/, null)
    bad('loop.md', /^Cannot read the file: too many symbolic links .*\(ELOOP\)$/, null)
    assert.deepEqual(messagesOf(report, 'good.md'), [])
    assert.deepEqual(messagesOf(report, 'raw.md').map((m) => m.ruleId), extra.length ? [] : ['promo-block', 'promo-block'])
    for (const [name, snap] of before) {
      if (extra.length && name === 'raw.md') continue // --fix rewrites the good file with findings
      assert.deepEqual(snapshot(path.join(cwd, name)), snap, `${name} untouched (${extra.join(' ') || 'lint'})`)
    }
  }
})

test('bad input: a file without read permission', {skip: process.getuid?.() === 0 && 'root reads every file'}, () => {
  const cwd = fixture({'good.md': GOOD, 'secret.md': GOOD})
  chmodSync(path.join(cwd, 'secret.md'), 0o000)
  const result = run(cwd, ['--report', 'json', 'good.md', 'secret.md'])
  assert.equal(result.code, 2)
  assert.deepEqual(json(result), [
    {path: 'good.md', messages: []},
    {path: 'secret.md', messages: [{ruleId: 'bad-input', source: 'attribution-lint', reason: 'Cannot read the file: permission denied; check the file\'s permissions (EACCES)', line: null, column: null, endLine: null, endColumn: null, severity: 'error', actual: null, url: 'https://github.com/attribution-lint/attribution-lint#bad-input'}]}
  ])
})

test('bad input: a missing file and a bad file on stdin', () => {
  const cwd = fixture({'good.md': GOOD})
  const missing = run(cwd, ['--report', 'json', 'good.md', 'gone.md'])
  assert.equal(missing.code, 2)
  assert.deepEqual(messagesOf(json(missing), 'gone.md').map((m) => [m.ruleId, m.reason]), [['bad-input', 'Cannot read the file: no such file; check the path (ENOENT)']])
  const stdin = run(cwd, ['--report', 'json'], Buffer.from([0x61, 0xff, 0x0a]))
  assert.equal(stdin.code, 2)
  assert.deepEqual(messagesOf(json(stdin), '<stdin>').map((m) => [m.ruleId, m.line, m.column]), [['bad-input', 1, 2]])
  const empty = run(cwd, [])
  assert.equal(empty.code, 2)
  assert.match(empty.stderr, /^<stdin>\n1:1 +error +The file is empty/)
})

// ---------------------------------------------------------------- fixes

test('--fix writes the fixed file, reports what remains, and is idempotent', {skip: !hasPromo && 'no promo-block rule yet'}, async () => {
  const cwd = fixture({'raw.md': SEED_RAW, 'good.md': GOOD, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  age(path.join(cwd, 'good.md'))
  const good = snapshot(path.join(cwd, 'good.md'))
  const result = run(cwd, ['--report', 'json', '--fix', 'good.md', 'raw.md'])
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(json(result), [{path: 'good.md', messages: []}, {path: 'raw.md', messages: []}])
  const fixed = readFileSync(path.join(cwd, 'raw.md'), 'utf8')
  // Exactly what the API gives, and the raw file without its promo lines (14-16, 18).
  const api = await lint(SEED_RAW, {...ONLY_PROMO, fix: true} as Parameters<typeof lint>[1])
  assert.equal(fixed, String(api.value))
  const rawLines = SEED_RAW.split('\n')
  const kept = rawLines.filter((_, i) => ![13, 14, 15, 17].includes(i))
  assert.deepEqual(fixed.split('\n').filter(Boolean), kept.filter(Boolean))
  assert.deepEqual(snapshot(path.join(cwd, 'good.md')), good, 'a file with nothing to fix is not written')
  // Again: nothing left to fix, nothing written.
  age(path.join(cwd, 'raw.md'))
  const once = snapshot(path.join(cwd, 'raw.md'))
  const again = run(cwd, ['--fix', 'raw.md'])
  assert.equal(again.code, 0)
  assert.deepEqual(snapshot(path.join(cwd, 'raw.md')), once)
})

test('--fix --dry-run prints a unified diff and writes nothing', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const cwd = fixture({'raw.md': SEED_RAW, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  age(path.join(cwd, 'raw.md'))
  const before = snapshot(path.join(cwd, 'raw.md'))
  const result = run(cwd, ['--fix', '--dry-run', '--report', 'json', 'raw.md'])
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(snapshot(path.join(cwd, 'raw.md')), before)
  const lines = result.stdout.split('\n')
  assert.ok(lines.includes('--- a/raw.md') && lines.includes('+++ b/raw.md'), result.stdout)
  const rawLines = SEED_RAW.split('\n')
  for (const index of [13, 14, 15, 17]) assert.ok(lines.includes('-' + rawLines[index]), `removes raw line ${index + 1}`)
  assert.ok(lines.some((line) => line.startsWith('@@ ')))
  // The report (on stderr, stdout holds the diff) lists what would remain.
  assert.deepEqual(JSON.parse(result.stderr), [{path: 'raw.md', messages: []}])
})

test('--fix respects disable comments: a disabled finding is not fixed', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const text = '<!-- attribution-lint disable promo-block -->\n\n' + SEED_RAW
  const cwd = fixture({'raw.md': text, '.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  age(path.join(cwd, 'raw.md'))
  const before = snapshot(path.join(cwd, 'raw.md'))
  const result = run(cwd, ['--fix', '--report', 'json', 'raw.md'])
  assert.equal(result.code, 0)
  assert.deepEqual(json(result), [{path: 'raw.md', messages: []}])
  assert.deepEqual(snapshot(path.join(cwd, 'raw.md')), before)
})

test('--fix on stdin prints the fixed article on stdout, the report on stderr', {skip: !hasPromo && 'no promo-block rule yet'}, async () => {
  const cwd = fixture({'.attributionrc.json': JSON.stringify(ONLY_PROMO)})
  const result = run(cwd, ['--fix', '--report', 'json'], SEED_RAW)
  assert.equal(result.code, 0)
  const api = await lint(SEED_RAW, {...ONLY_PROMO, fix: true} as Parameters<typeof lint>[1])
  assert.equal(result.stdout, String(api.value))
  assert.deepEqual(JSON.parse(result.stderr), [{path: '<stdin>', messages: []}])
})

// ---------------------------------------------------------------- inline control

test('inline control: disable, enable, ignore, disable all; unknown rule ids warn', {skip: !hasPromo && 'no promo-block rule yet'}, () => {
  const lines = SEED_RAW.split('\n')
  const head = lines.slice(0, 13).join('\n')
  const teasers = lines.slice(13, 16).join('\n')
  const rest = lines.slice(16).join('\n')
  const cwd = fixture({
    '.attributionrc.json': JSON.stringify(ONLY_PROMO),
    'disable.md': `${head}\n\n<!-- attribution-lint disable promo-block -->\n\n${teasers}\n${rest}`,
    'enable.md': `<!-- attribution-lint disable promo-block -->\n\n${head}\n\n${teasers}\n\n<!-- attribution-lint enable promo-block -->\n\n${rest}`,
    'ignore.md': `${head}\n\n<!-- attribution-lint ignore promo-block -->\n\n${teasers}\n\n${rest}`,
    'all.md': `<!-- attribution-lint disable -->\n\n${SEED_RAW}`,
    'unknown.md': `${GOOD}\n<!-- attribution-lint disable no-such-rule -->\n`
  })
  const result = run(cwd, ['--report', 'json', '.'])
  const report = json(result)
  assert.deepEqual(messagesOf(report, 'disable.md'), [])
  assert.deepEqual(messagesOf(report, 'all.md'), [])
  // enable: the footer after the comment is flagged again, the teasers before it are not.
  assert.deepEqual(messagesOf(report, 'enable.md').map((m) => [m.ruleId, m.actual]), [['promo-block', lines[17]]])
  // ignore: only the next node (the teasers' paragraph) is ignored; the footer is flagged.
  assert.deepEqual(messagesOf(report, 'ignore.md').map((m) => [m.ruleId, m.actual]), [['promo-block', lines[17]]])
  const unknown = messagesOf(report, 'unknown.md')
  assert.deepEqual(unknown.map((m) => [m.ruleId, m.source, m.severity, m.line]), [['unknown-rule', 'attribution-lint', 'warning', 5]])
  assert.equal(unknown[0].reason, `Unknown rule \`no-such-rule\` in an \`attribution-lint disable\` comment; known rules: ${ruleIds().join(', ')}`)
  assert.equal(result.code, 0)
  assert.equal(run(cwd, ['--frail', 'unknown.md']).code, 1)
})

// ---------------------------------------------------------------- failures and exit codes, in process

test('classify: crashes become one-line internal errors (stack only with DEBUG), config errors are collected', () => {
  const crash = () => {
    const file = new VFile({path: 'a.md', value: 'x'})
    // What unified-lint-rule does with an exception thrown by a rule.
    try {
      file.fail(new TypeError('boom'))
    } catch {}
    Object.assign(file.messages[0], {ruleId: 'promo-block', source: 'attribution-lint', fatal: false})
    const fromEngine = file.message('Cannot process file', {cause: new Error('parser exploded')})
    fromEngine.fatal = true
    const finding = file.message('A finding')
    Object.assign(finding, {ruleId: 'promo-block', source: 'attribution-lint', fatal: false, place: {line: 1, column: 1}})
    return file
  }
  const file = crash()
  classify(file, false)
  assert.deepEqual(file.messages.map((m) => [m.ruleId, m.fatal, m.reason, m.cause === undefined, m.stack]), [
    ['internal-error', true, 'Internal error in rule `promo-block`: boom (run with DEBUG=attribution-lint for the stack)', true, ''],
    ['internal-error', true, 'Internal error: parser exploded (run with DEBUG=attribution-lint for the stack)', true, ''],
    ['promo-block', false, 'A finding', true, '']
  ])
  assert.equal(exitCode([file], false), 2)
  const debug = crash()
  classify(debug, true)
  assert.deepEqual(debug.messages.map((m) => [m.reason, m.cause instanceof Error]).slice(0, 2), [
    ['Internal error in rule `promo-block`: boom', true],
    ['Internal error: parser exploded', true]
  ])

  const configured = new VFile({path: 'b.md', value: 'x'})
  configured.message('Cannot process file', {cause: new Error('Cannot parse file `.attributionrc`', {cause: new ConfigError('.attributionrc: unknown key `x`')})}).fatal = true
  classify(configured, false)
  // A configuration error met while linting: the file's one error says so; the run goes on and ends with 2.
  assert.deepEqual(configured.messages.map((m) => [m.ruleId, m.fatal, m.reason, m.cause]), [
    ['config-error', true, 'Not linted: its configuration is broken (.attributionrc: unknown key `x`); fix that file and lint again', undefined]
  ])
  assert.equal(exitCode([configured], false), 2)
})

test('exitCode: 0 clean or info, 1 errors (or warnings with frail), 2 bad input', () => {
  const withMessage = (fields: Record<string, unknown>) => {
    const file = new VFile({path: 'a.md'})
    Object.assign(file.message('m'), {source: 'attribution-lint', ...fields})
    return file
  }
  assert.equal(exitCode([new VFile()], true), 0)
  assert.equal(exitCode([withMessage({ruleId: 'promo-block', fatal: undefined})], true), 0)
  assert.equal(exitCode([withMessage({ruleId: 'promo-block', fatal: false})], false), 0)
  assert.equal(exitCode([withMessage({ruleId: 'promo-block', fatal: false})], true), 1)
  assert.equal(exitCode([withMessage({ruleId: 'promo-block', fatal: true})], false), 1)
  assert.equal(exitCode([withMessage({ruleId: 'promo-block', fatal: true}), withMessage({ruleId: 'bad-input', fatal: true})], false), 2)
})

test('--color and --no-color', () => {
  const cwd = fixture({'gone.md': GOOD})
  const colored = run(cwd, ['--color', 'missing.md'])
  assert.ok(colored.stderr.includes('\u001b['), colored.stderr)
  const plain = run(cwd, ['--no-color', 'missing.md'], undefined, {FORCE_COLOR: '1'})
  assert.ok(!plain.stderr.includes('\u001b['), plain.stderr)
  assert.equal(plain.code, 2)
})

// ---------------------------------------------------------------- watch

test('--watch lints again when a file changes, and Ctrl-C exits cleanly', async () => {
  const cwd = fixture({'story.md': GOOD, 'other.md': GOOD})
  const child = spawn(process.execPath, [BIN, '--watch', '--report', 'json', '.'], {cwd, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const until = async (check: () => boolean, what: string) => {
    for (let waited = 0; !check(); waited += 25) {
      if (waited > 15_000) {
        child.kill('SIGKILL')
        assert.fail(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  try {
    await until(() => stderr.includes('Watching'), 'the watcher')
    assert.deepEqual(JSON.parse(stdout.split('\n')[0]), [{path: 'other.md', messages: []}, {path: 'story.md', messages: []}])
    writeFileSync(path.join(cwd, 'story.md'), '')
    await until(() => stdout.split('\n').length > 2, 'the second report')
    const second = JSON.parse(stdout.split('\n')[1]) as JsonReport
    assert.deepEqual(second.map((file) => [file.path, file.messages.map((m) => m.ruleId)]), [['story.md', ['bad-input']]])
  } finally {
    child.kill('SIGINT')
  }
  assert.equal(await exited, 0)
})
