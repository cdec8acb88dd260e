/**
 * What GitHub code scanning needs of the SARIF report, through the built CLI: help and
 * properties on every rule descriptor (the ids that are not rules too), a region and a
 * fingerprint on every result (line 1 for a message about a whole file), the line hashes
 * GitHub's upload action computes (its own test vectors), where %SRCROOT% is, and the cap of
 * 25,000 results per run. And --changed-since whatever the user's git configuration says.
 */
import assert from 'node:assert/strict'
import {createRequire} from 'node:module'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {lineHashes} from '../src/report/fingerprint.js'
import {MAX_RESULTS, sarif} from '../src/report/sarif.js'
import {openReport, type ReporterOptions} from '../src/report/index.js'
import {git, REPO, runCli} from './helpers-cli.js'

const require = createRequire(import.meta.url)
const SEED = readFileSync(path.join(REPO, 'fixtures/seed/article.raw.md'), 'utf8')

function tempRepo(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  git(['init', '-q', '-b', 'main'], dir)
  return dir
}

/** The final OASIS SARIF 2.1.0 schema (tests/schemas/README.md). */
function validator() {
  const Ajv = require('ajv-draft-04')
  const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
  // The schema's formats, checked (ajv alone would skip them): an absolute URI, a URI reference
  // (relative, percent-encoded: no spaces), a date-time.
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value) && URL.canParse(value))
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'))
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)))
  const schema = JSON.parse(readFileSync(path.join(REPO, 'tests/schemas/sarif-schema-2.1.0.json'), 'utf8'))
  assert.equal(schema.id, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json')
  return ajv.compile(schema)
}

test('SARIF for code scanning: help and properties on every descriptor, a region and a fingerprint on every result', () => {
  const dir = tempRepo('attribution-lint-sarif-')
  mkdirSync(path.join(dir, 'news'))
  mkdirSync(path.join(dir, 'broken'))
  writeFileSync(path.join(dir, 'news', 'seed story.md'), SEED)
  writeFileSync(path.join(dir, 'news', 'typo.md'), '<!-- attribution-lint disable no-such-rule -->\n\n# Plant\n\nThe plant will close, the company said.\n')
  writeFileSync(path.join(dir, 'news', 'binary.md'), Buffer.from([0, 1, 2, 3]))
  writeFileSync(path.join(dir, 'news', 'skipped.md'), 'A source familiar with the plans said so.\n')
  writeFileSync(path.join(dir, '.attributionignore'), 'news/skipped.md\n')
  writeFileSync(path.join(dir, 'broken', '.attributionrc.json'), '{broken')
  writeFileSync(path.join(dir, 'broken', 'a.md'), 'A source familiar with the plans said so.\n')
  const {code, stdout} = runCli(['--report', 'sarif', 'news/seed story.md', 'news/typo.md', 'news/binary.md', 'news/skipped.md', 'broken/a.md'], dir)
  assert.equal(code, 2) // bad input and a broken configuration
  const log = JSON.parse(stdout)
  const validate = validator()
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1))
  const run = log.runs[0]
  // The schema can fail: a level SARIF does not have, a region on line 0.
  assert.equal(validate({...log, runs: [{...run, results: [{...run.results[0], level: 'fatal'}]}]}), false)
  const [first] = run.results
  const lineZero = {...first, locations: [{physicalLocation: {...first.locations[0].physicalLocation, region: {startLine: 0}}}]}
  assert.equal(validate({...log, runs: [{...run, results: [lineZero]}]}), false)
  const spaced = {...first, locations: [{physicalLocation: {...first.locations[0].physicalLocation, artifactLocation: {uri: 'news/seed story.md'}}}]}
  assert.equal(validate({...log, runs: [{...run, results: [spaced]}]}), false)
  // %SRCROOT% is the repository root, as a file URI ending in a slash.
  assert.deepEqual(run.originalUriBaseIds, {'%SRCROOT%': {uri: pathToFileURL(dir).href + '/'}})
  const ids = run.tool.driver.rules.map((rule: {id: string}) => rule.id)
  for (const other of ['bad-input', 'config-error', 'ignored-file', 'unknown-rule']) assert.ok(ids.includes(other), other)
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.help.text.length > 20, rule.id)
    assert.ok(rule.help.markdown.length > 20, rule.id)
    assert.match(rule.helpUri, /^https:\/\/github\.com\/attribution-lint\/attribution-lint[/#]/, rule.id)
    assert.ok(['very-high', 'high', 'medium', 'low'].includes(rule.properties.precision), rule.id)
    assert.ok(['error', 'warning', 'recommendation'].includes(rule.properties['problem.severity']), rule.id)
    assert.ok(Array.isArray(rule.properties.tags) && rule.properties.tags.length, rule.id)
  }
  const byRule = new Map<string, any>(run.results.map((result: any) => [result.ruleId, result]))
  for (const result of run.results) {
    const physical = result.locations[0].physicalLocation
    assert.ok(physical.region.startLine >= 1, result.ruleId)
    assert.equal(physical.artifactLocation.uriBaseId, '%SRCROOT%')
    assert.match(result.partialFingerprints.primaryLocationLineHash, /^[0-9a-f]{1,16}:\d+$/, result.ruleId)
  }
  // Messages about a whole file are on line 1, hashed as line 1 of the file on disk.
  for (const id of ['config-error', 'ignored-file', 'bad-input']) {
    const result = byRule.get(id)
    assert.ok(result, id)
    assert.equal(result.locations[0].physicalLocation.region.startLine, 1, id)
  }
  const skipped = byRule.get('ignored-file')
  assert.equal(skipped.locations[0].physicalLocation.artifactLocation.uri, 'news/skipped.md')
  assert.equal(skipped.partialFingerprints.primaryLocationLineHash, lineHashes('A source familiar with the plans said so.\n', [1]).get(1))
  // A path with a space is percent-encoded; its results are hashed on their own lines.
  const seedResults = run.results.filter((result: any) => result.locations[0].physicalLocation.artifactLocation.uri === 'news/seed%20story.md')
  assert.ok(seedResults.length > 5)
  for (const result of seedResults) {
    const line = result.locations[0].physicalLocation.region.startLine
    assert.equal(result.partialFingerprints.primaryLocationLineHash, lineHashes(SEED, [line]).get(line))
  }
  rmSync(dir, {recursive: true, force: true})
})

test('line hashes are those of GitHub\'s upload action (codeql-action\'s own test vectors)', () => {
  const check = (text: string, expected: string[]) => {
    const hashes = lineHashes(text, expected.map((_, i) => i + 1))
    assert.deepEqual(expected.map((_, i) => hashes.get(i + 1)), expected, JSON.stringify(text))
  }
  check('', ['c129715d7a2bc9a3:1'])
  check(' a\nb\n  \t\tc\n d', ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1'])
  check(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End', ['8b7cf3e952e7aeb2:1', 'b1ae1287ec4718d9:1', 'bff680108adb0fcc:1', 'c6805c5e1288b612:1', 'b86d3392aea1be30:1', 'e6ceba753e1a442:1'])
  const endings = ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1']
  check(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n', endings)
  check(' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r', endings)
  check(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n', endings)
  check(' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n', endings)
  check('Lorem ipsum dolor sit amet.\n'.repeat(10), [
    'a7f2ff13bc495cf2:1', 'a7f2ff13bc495cf2:2', 'a7f2ff13bc495cf2:3', 'a7f2ff13bc495cf2:4', 'a7f2ff13bc495cf2:5',
    'a7f2ff13bc495cf2:6', 'a7f2ff1481e87703:1', 'a9cf91f7bbf1862b:1', '55ec222b86bcae53:1', 'cc97dc7b1d7d8f7b:1', 'c129715d7a2bc9a3:1'
  ])
  // Only the lines asked for; a line past the end has none.
  assert.deepEqual([...lineHashes('a\nb\nc\n', [2, 9]).keys()], [2])
})

test('a run holds at most 25,000 results; the rest are left out with a notification saying how many', async () => {
  const file = new VFile({path: path.join(REPO, 'many.md'), value: 'A source said so.\n'.repeat(10)})
  for (let i = 0; i < MAX_RESULTS + 3; i++) {
    const message = file.message('Unnamed source', {place: {line: (i % 10) + 1, column: 1}, ruleId: 'anonymous-source', source: 'attribution-lint'})
    message.fatal = false
  }
  const options: ReporterOptions = {color: false, quiet: false, silent: false, verbose: false, cwd: REPO}
  const text = sarif.format([file], options)
  const run = JSON.parse(text).runs[0]
  assert.equal(run.results.length, MAX_RESULTS)
  const [invocation] = run.invocations
  assert.equal(invocation.executionSuccessful, true)
  assert.match(invocation.toolExecutionNotifications[0].message.text, /^3 of 25003 results were left out/)
  const writer = openReport(sarif, options)
  let streamed = writer.file(file)
  await writer.end(async (piece) => {
    streamed += piece
  })
  assert.equal(streamed, text)
  // At the cap exactly, nothing is said.
  file.messages.length = MAX_RESULTS
  assert.equal(JSON.parse(sarif.format([file], options)).runs[0].invocations, undefined)
})

const STORY = '# Plant to close\n\nThe plant will close next year, the company said on Monday.\n\nThe mayor said the town would look for a new employer.\n'

/** A repository with one commit on main and a change on a branch: line 3 of a.md gets an anonymous source. */
function changedRepo(): string {
  const dir = tempRepo('attribution-lint-changed-')
  mkdirSync(path.join(dir, 'news desk'))
  writeFileSync(path.join(dir, 'news desk', 'a.md'), STORY)
  git(['add', '.'], dir)
  git(['commit', '-q', '-m', 'base'], dir)
  git(['checkout', '-q', '-b', 'feature'], dir)
  writeFileSync(path.join(dir, 'news desk', 'a.md'), STORY.replace('the company said on Monday', 'a source familiar with the plans said'))
  git(['commit', '-q', '-am', 'edit'], dir)
  return dir
}

test('--changed-since finds the changed lines whatever diff settings the user\'s git configuration has', () => {
  const configs: Array<[string, string]> = [
    ['diff.mnemonicPrefix', 'true'],
    ['diff.noprefix', 'true'],
    ['diff.srcPrefix', 'old/'],
    ['diff.dstPrefix', 'new/'],
    ['color.diff', 'always'],
    ['color.ui', 'always'],
    ['diff.external', 'false'],
    ['diff.relative', 'true']
  ]
  for (const [key, value] of configs) {
    const dir = changedRepo()
    git(['config', key, value], dir)
    const {code, stdout, stderr} = runCli(['--changed-since', 'main', '--report', 'json'], dir)
    assert.equal(code, 0, `${key}=${value}: ${stderr}`)
    const report = JSON.parse(stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number}>}>
    assert.deepEqual(report.map((file) => file.path), ['news desk/a.md'], `${key}=${value}`)
    assert.deepEqual(report[0].messages.map((m) => `${m.ruleId}:${m.line}`), ['anonymous-source:3'], `${key}=${value}`)
    rmSync(dir, {recursive: true, force: true})
  }
})

test('--changed-since in a shallow clone that lacks the merge base says to fetch more history', () => {
  const origin = changedRepo()
  // main moves on too, so that neither branch tip is the merge base.
  git(['checkout', '-q', 'main'], origin)
  writeFileSync(path.join(origin, 'b.md'), STORY)
  git(['add', '.'], origin)
  git(['commit', '-q', '-m', 'main moves'], origin)
  const clone = mkdtempSync(path.join(tmpdir(), 'attribution-lint-shallow-'))
  git(['clone', '-q', '--depth', '1', '--branch', 'feature', pathToFileURL(origin).href, clone], tmpdir())
  git(['fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main'], clone)
  const {code, stderr} = runCli(['--changed-since', 'origin/main'], clone)
  assert.equal(code, 2)
  assert.match(stderr, /--changed-since origin\/main: this is a shallow clone, .*fetch-depth: 0/)
  assert.doesNotMatch(stderr, /Command failed|fatal:/)
  // Unrelated histories in a full clone: no common ancestor, no talk of fetch depth.
  const other = tempRepo('attribution-lint-unrelated-')
  writeFileSync(path.join(other, 'a.md'), STORY)
  git(['add', '.'], other)
  git(['commit', '-q', '-m', 'other'], other)
  git(['fetch', '-q', origin, 'main:refs/heads/stranger'], other)
  const unrelated = runCli(['--changed-since', 'stranger'], other)
  assert.equal(unrelated.code, 2)
  assert.match(unrelated.stderr, /--changed-since stranger: no common ancestor with HEAD \(unrelated histories\)/)
  for (const dir of [origin, clone, other]) rmSync(dir, {recursive: true, force: true})
})
