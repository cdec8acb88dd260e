/**
 * Editorial CI integrations, through the built CLI: the SARIF report validates against the
 * SARIF 2.1.0 schema, GitHub annotations are escaped and relative to the repository root,
 * --changed-since judges only changed lines (in a temporary git repository), --explain and
 * docs/rules/ come from the rule doc comments, and .pre-commit-hooks.yaml runs the command line
 * it declares (tests/action.test.ts runs action.yml, tests/pre-commit.test.ts the real pre-commit).
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {createRequire} from 'node:module'
import YAML from 'yaml'
import {escapeData, escapeProperty, githubCommand} from '../src/report/github.js'
import {excerpt} from '../src/report/editor.js'
import {generatedNotice, parseRuleDoc, ruleDocMarkdown} from '../src/docs.js'
import {parseUnifiedDiff, unquotePath} from '../src/cli/changed.js'
import {DOCS_BASE} from '../src/rule.js'
import {rules} from '../rules/index.js'
import {git, REPO, runCli} from './helpers-cli.js'

const require = createRequire(import.meta.url)

function tempRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'attribution-lint-'))
  git(['init', '-q', '-b', 'main'], dir)
  return dir
}

const STORY = `# Plant to close

The plant will close next year, the company said on Monday.

The mayor said the town would look for a new employer.
`

test('sarif: valid SARIF 2.1.0, rule metadata with help URIs, UTF-16 columns, paths from the repository root', () => {
  const {code, stdout} = runCli(['--report', 'sarif', 'fixtures/samples/flood-en.md', 'fixtures/seed/article.raw.md'])
  assert.equal(code, 0)
  const log = JSON.parse(stdout)
  const Ajv = require('ajv-draft-04')
  const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
  const schema = JSON.parse(readFileSync(path.join(REPO, 'tests/schemas/sarif-schema-2.1.0.json'), 'utf8'))
  const validate = ajv.compile(schema)
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1))
  const run = log.runs[0]
  assert.equal(run.columnKind, 'utf16CodeUnits')
  assert.deepEqual(run.tool.driver.rules.map((rule: {id: string}) => rule.id), rules.map((rule) => rule.ruleId))
  for (const rule of run.tool.driver.rules) {
    assert.equal(rule.helpUri, `${DOCS_BASE}${rule.id}.md`)
    assert.ok(rule.shortDescription.text.length > 10)
  }
  const uris = new Set(run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri))
  assert.deepEqual([...uris].sort(), ['fixtures/samples/flood-en.md', 'fixtures/seed/article.raw.md'])
  // An invalid log must fail the schema: the test can fail.
  assert.equal(validate({...log, version: '2.0.0'}), false)
})

test('sarif columns are UTF-16 code units: an emoji before the finding counts two', () => {
  const dir = tempRepo()
  writeFileSync(path.join(dir, 'a.md'), '# Plant\n\n😀 The plant will close next year, a source familiar with the plans said.\n')
  const log = JSON.parse(runCli(['--report', 'sarif', 'a.md'], dir).stdout)
  const region = log.runs[0].results[0].locations[0].physicalLocation.region
  const line = '😀 The plant will close next year, a source familiar with the plans said.'
  assert.equal(region.startColumn, line.indexOf('a source') + 1)
  assert.equal(region.snippet.text, line.slice(region.startColumn - 1, region.endColumn - 1))
  rmSync(dir, {recursive: true, force: true})
})

test('github: workflow commands, escaped, with paths from the repository root', () => {
  assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext')
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A')
  const message = {ruleId: 'x', reason: 'Line one\nline: two, 5%', line: 3, column: 2, place: {start: {line: 3, column: 2}, end: {line: 4, column: 7}}, fatal: true} as never
  // A range over two lines: the runner would drop col/endColumn silently, so they are not sent.
  assert.equal(githubCommand(message, 'dir/a,b:c.md'), '::error file=dir/a%2Cb%3Ac.md,line=3,endLine=4,title=attribution-lint x::Line one%0Aline: two, 5%25')
  const oneLine = {ruleId: 'x', reason: 'r', line: 3, column: 2, place: {start: {line: 3, column: 2}, end: {line: 3, column: 7}}, fatal: false} as never
  assert.equal(githubCommand(oneLine, 'a.md'), '::warning file=a.md,line=3,endLine=3,col=2,endColumn=7,title=attribution-lint x::r')
  const point = {ruleId: 'x', reason: 'r', line: 3, column: 2, place: {line: 3, column: 2}, fatal: false} as never
  assert.equal(githubCommand(point, 'a.md'), '::warning file=a.md,line=3,col=2,title=attribution-lint x::r')
  const dir = tempRepo()
  mkdirSync(path.join(dir, 'news'))
  writeFileSync(path.join(dir, 'news', 'a.md'), '# Plant\n\nThe plant will close next year, a source familiar with the plans said.\n')
  const {stdout, code} = runCli(['--report', 'github', '--frail', 'a.md'], path.join(dir, 'news'))
  assert.equal(code, 1)
  assert.equal(stdout, '::warning file=news/a.md,line=3,endLine=3,col=33,endColumn=70,title=attribution-lint anonymous-source::Unnamed source: name the source, or say why anonymity was granted\n')
  rmSync(dir, {recursive: true, force: true})
})

test('editor excerpts: short ones whole, long ones cut at words with an ellipsis, lines joined', () => {
  assert.equal(excerpt('a source said'), 'a source said')
  assert.equal(excerpt('one\ntwo'), 'one / two')
  const long = Array.from({length: 40}, (_, i) => `word${i}`).join(' ')
  const short = excerpt(long)
  assert.match(short, /^word0 word1 .* … .* word39$/)
  assert.ok(short.length <= 100, short)
  assert.ok(!/ word\d*[a-z]* … /.test(short.replace(/word\d+ … /, '')))
})

test('--changed-since: only lines changed since the merge base, committed or not; unchanged files are not read', () => {
  const dir = tempRepo()
  writeFileSync(path.join(dir, 'old.md'), STORY)
  writeFileSync(path.join(dir, 'touched.md'), STORY)
  git(['add', '.'], dir)
  git(['commit', '-q', '-m', 'base'], dir)
  git(['checkout', '-q', '-b', 'feature'], dir)
  // main moves on after the branch: its changes are not the pull request's (three-dot diff).
  git(['checkout', '-q', 'main'], dir)
  writeFileSync(path.join(dir, 'main-only.md'), '# M\n\nA source familiar with the plans said so.\n')
  git(['add', '.'], dir)
  git(['commit', '-q', '-m', 'main moves'], dir)
  git(['checkout', '-q', 'feature'], dir)
  // Committed on the branch: line 3 of touched.md gets an anonymous source.
  writeFileSync(path.join(dir, 'touched.md'), STORY.replace('the company said on Monday', 'a source familiar with the plans said'))
  git(['commit', '-q', '-am', 'edit'], dir)
  // Not committed: line 5 of touched.md, and a new file.
  writeFileSync(path.join(dir, 'touched.md'), readFileSync(path.join(dir, 'touched.md'), 'utf8').replace('The mayor said', 'Officials said'))
  writeFileSync(path.join(dir, 'new.md'), '# New\n\nExperts say the plant will close.\n')
  // An unchanged file that cannot be read: it must be skipped, not read.
  writeFileSync(path.join(dir, 'old.md'), STORY) // same content: unchanged
  const {code, stdout, stderr} = runCli(['--changed-since', 'main', '--report', 'json'], dir)
  assert.equal(code, 0, stderr)
  const report = JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number}>}>
  assert.deepEqual(report.map((file) => file.path), ['new.md', 'touched.md'])
  assert.deepEqual(report[0].messages.map((m) => `${m.ruleId}:${m.line}`), ['vague-attribution:3'])
  assert.deepEqual(report[1].messages.map((m) => `${m.ruleId}:${m.line}`), ['anonymous-source:3', 'anonymous-source:5'])
  // Unchanged files are not read: a broken unchanged file gives no bad-input.
  git(['add', 'new.md'], dir)
  git(['commit', '-q', '-am', 'more'], dir)
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2]))
  git(['add', 'binary.md'], dir)
  git(['commit', '-q', '-m', 'binary'], dir)
  const since = runCli(['--changed-since', 'HEAD', '--report', 'json'], dir)
  assert.equal(since.code, 0, since.stderr)
  assert.equal(since.stdout, '[]\n')
  assert.match(since.stderr, /no changed articles since HEAD/)
  // Paths narrow the set; a changed file outside them is skipped.
  const narrowed = runCli(['--changed-since', 'main', '--report', 'json', 'new.md'], dir)
  assert.deepEqual(JSON.parse(narrowed.stdout).map((file: {path: string}) => file.path), ['new.md'])
  // A bad ref, and a folder that is no repository: exit 2 with a clear message.
  const bad = runCli(['--changed-since', 'no-such-branch'], dir)
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /--changed-since no-such-branch: no such commit, branch or tag/)
  const plain = mkdtempSync(path.join(tmpdir(), 'attribution-lint-plain-'))
  writeFileSync(path.join(plain, 'a.md'), STORY)
  const outside = runCli(['--changed-since', 'main', 'a.md'], plain)
  assert.equal(outside.code, 2)
  assert.match(outside.stderr, /needs a git repository/)
  rmSync(dir, {recursive: true, force: true})
  rmSync(plain, {recursive: true, force: true})
})

test('diff parsing: hunks, pure deletions, quoted paths', () => {
  const diff = [
    'diff --git a/a.md b/a.md', '--- a/a.md', '+++ b/a.md', '@@ -3 +3 @@', '-x', '+y', '@@ -10,2 +9,0 @@', '-gone', '-gone', '@@ -20,0 +21,3 @@', '+a', '+b', '+c',
    'diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"', '--- "a/caf\\303\\251.md"', '+++ "b/caf\\303\\251.md"', '@@ -1 +1,2 @@', '+z',
    'diff --git a/only-deleted.md b/only-deleted.md', '--- a/only-deleted.md', '+++ b/only-deleted.md', '@@ -4 +3,0 @@', '-gone'
  ].join('\n')
  const files = parseUnifiedDiff(diff)
  assert.deepEqual(files.get('a.md'), [[3, 3], [21, 23]])
  assert.deepEqual(files.get('café.md'), [[1, 2]])
  assert.equal(files.has('only-deleted.md'), false)
  assert.equal(unquotePath('"tab\\there"'), 'tab\there')
})

test('--explain prints the rule doc; docs/rules/ are up to date with the doc comments', () => {
  for (const {ruleId} of rules) {
    const doc = parseRuleDoc(ruleId, readFileSync(path.join(REPO, 'rules', `${ruleId}.ts`), 'utf8'))
    const markdown = ruleDocMarkdown(doc)
    const onDisk = readFileSync(path.join(REPO, 'docs', 'rules', `${ruleId}.md`), 'utf8')
    assert.equal(onDisk, generatedNotice(ruleId) + markdown, `docs/rules/${ruleId}.md is stale: run npm run docs`)
    const {code, stdout} = runCli(['--explain', ruleId])
    assert.equal(code, 0)
    assert.equal(stdout, markdown)
    for (const section of ['## Why', '## Options', '## Examples']) assert.ok(markdown.includes(section), `${ruleId}: ${section}`)
  }
  const unknown = runCli(['--explain', 'no-such-rule'])
  assert.equal(unknown.code, 2)
  assert.equal(unknown.stderr, `attribution-lint: unknown rule \`no-such-rule\` for --explain; known rules: ${rules.map((rule) => rule.ruleId).join(', ')}\n`)
})

test('.pre-commit-hooks.yaml: the hook runs the package bin on the staged markdown files, quiet about ignored ones', () => {
  const [hook] = YAML.parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8'))
  assert.equal(hook.language, 'node')
  assert.deepEqual(hook.types, ['markdown'])
  assert.equal(hook.minimum_pre_commit_version, '3.0.0')
  const [command, ...entryArgs] = hook.entry.split(' ')
  assert.deepEqual(entryArgs, ['--silently-ignore'])
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'))
  const bin = pkg.bin[command]
  assert.equal(bin, 'dist/src/cli/bin.js')
  const dir = tempRepo()
  writeFileSync(path.join(dir, 'good.md'), STORY)
  writeFileSync(path.join(dir, 'bad.md'), STORY.replace('the company said on Monday', 'a source familiar with the plans said'))
  mkdirSync(path.join(dir, 'drafts'))
  writeFileSync(path.join(dir, 'drafts', 'bad.md'), STORY.replace('the company said on Monday', 'a source familiar with the plans said'))
  writeFileSync(path.join(dir, '.attributionignore'), 'drafts/\n')
  // pre-commit appends the file names to entry + args.
  const hookRun = (...files: string[]) => spawnSync(process.execPath, [path.join(REPO, bin), ...entryArgs, ...hook.args, ...files], {cwd: dir, encoding: 'utf8'})
  const pass = hookRun('good.md', 'drafts/bad.md')
  assert.equal(pass.status, 0, pass.stderr)
  assert.equal(pass.stderr, 'good.md: no issues found\n') // nothing about drafts/bad.md
  const fail = hookRun('good.md', 'bad.md')
  assert.equal(fail.status, 1)
  assert.match(fail.stderr, /bad\.md\n3:33-3:70 warning Unnamed source/)
  rmSync(dir, {recursive: true, force: true})
})
