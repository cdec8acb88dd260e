/**
 * `--cache`: an unchanged article is not linted again, and its report, exit code and order are
 * exactly a fresh lint's; anything that could make a cached result wrong (its bytes, its
 * configuration, the linter) makes it linted again; a cache that cannot be used is one line on
 * stderr and a full lint, never a crash or a stale result.
 */
import assert from 'node:assert/strict'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Writable} from 'node:stream'
import {after, test} from 'node:test'
import {main, runStats} from '../src/cli/run.js'
import {git, REPO} from './helpers-cli.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-cache-'))
after(() => rmSync(temp, {recursive: true, force: true}))

const SEED_RAW = readFileSync(path.join(REPO, 'fixtures/seed/article.raw.md'), 'utf8')

function sink() {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(String(chunk))
      done()
    }
  })
  return {stream, text: () => chunks.join('')}
}

interface Run {
  code: number
  stdout: string
  stderr: string
  linted: number
  workers: number
}

async function lint(cwd: string, args: string[]): Promise<Run> {
  const stdout = sink()
  const stderr = sink()
  runStats.linted = 0
  runStats.workers = 0
  const code = await main(['--jobs', '1', ...args], {stdin: Object.assign(new PassThrough(), {isTTY: true}), stdout: stdout.stream, stderr: stderr.stream, cwd, env: {NO_COLOR: '1'}})
  return {code, stdout: stdout.text(), stderr: stderr.text(), linted: runStats.linted, workers: runStats.workers}
}

/** A small archive: the seed, the samples, two rules' fixtures, a bad file and an ignored one. */
function archive(name: string): string {
  const root = path.join(temp, name)
  for (const folder of ['seed', 'samples', 'anonymous-source', 'promo-block']) cpSync(path.join(REPO, 'fixtures', folder), path.join(root, folder), {recursive: true})
  writeFileSync(path.join(root, 'binary.md'), Buffer.from([0, 159, 146, 150, 0]))
  writeFileSync(path.join(root, 'skipped.md'), SEED_RAW)
  writeFileSync(path.join(root, '.attributionignore'), 'skipped.md\n')
  return root
}

const count = (root: string) => (JSON.parse(readFileSync(path.join(root, '.attributionlintcache'), 'utf8')) as {entries: unknown[]}).entries.length

test('a second run takes unchanged articles from the cache: the same JSON and stylish reports and exit code; an edited article is linted again', async () => {
  const root = archive('rerun')
  const fresh = await lint(root, ['--report', 'json', '.', 'skipped.md'])
  const files = (JSON.parse(fresh.stdout) as unknown[]).length
  const cold = await lint(root, ['--cache', '--report', 'json', '.', 'skipped.md'])
  assert.equal(cold.linted, fresh.linted)
  assert.equal(cold.stdout, fresh.stdout)
  assert.ok(existsSync(path.join(root, '.attributionlintcache')))
  const cache = readFileSync(path.join(root, '.attributionlintcache'))
  const warm = await lint(root, ['--cache', '--report', 'json', '.', 'skipped.md'])
  assert.equal(warm.linted, 1, 'nothing linted again but the bad file')
  assert.deepEqual([warm.stdout, warm.stderr, warm.code], [fresh.stdout, fresh.stderr, fresh.code])
  assert.equal(fresh.code, 2, 'the bad file')
  assert.ok(readFileSync(path.join(root, '.attributionlintcache')).equals(cache), 'a run of hits leaves the cache as it was')
  const stylish = await lint(root, ['.'])
  const cachedStylish = await lint(root, ['--cache', '.'])
  assert.equal(cachedStylish.linted, 1)
  assert.equal(cachedStylish.stderr, stylish.stderr)
  // An article edited, one of the same size with a letter changed (its time may not tell), one removed.
  const story = path.join(root, 'seed', 'article.md')
  writeFileSync(story, readFileSync(story, 'utf8').replace('قال', 'كان'))
  writeFileSync(path.join(root, 'samples', 'new.md'), '# A new story\n\nExperts say the bridge will close.\n')
  rmSync(path.join(root, 'seed', 'article.fixed.md'))
  const edited = await lint(root, ['--cache', '--report', 'json', '.'])
  assert.equal(edited.linted, 3, 'the two articles and the bad file')
  assert.equal(edited.stdout, (await lint(root, ['--report', 'json', '.'])).stdout)
  assert.equal(count(root), files + 1 - 1 - 2, 'a removed article leaves the cache; bad input and ignored files are not kept')
})

test('the worker pool is sized by the articles the cache does not answer for; the cache keeps each repeated string once', async () => {
  const root = archive('pool')
  const cold = await lint(root, ['--cache', '--jobs', '2', '--report', 'json', '.'])
  assert.ok(cold.linted >= 8, 'enough files for workers')
  assert.equal(cold.workers, 2, 'a cold run starts the workers')
  const story = path.join(root, 'seed', 'article.md')
  writeFileSync(story, readFileSync(story, 'utf8').replace('قال', 'كان'))
  const edited = await lint(root, ['--cache', '--jobs', '2', '--report', 'json', '.'])
  assert.equal(edited.linted, 2, 'the edited article and the bad file')
  assert.equal(edited.workers, 0, 'two files to lint: no worker started for them')
  assert.equal(edited.stdout, (await lint(root, ['--report', 'json', '.'])).stdout)
  const text = readFileSync(path.join(root, '.attributionlintcache'), 'utf8')
  const urls = (JSON.parse(cold.stdout) as Array<{messages: Array<{url?: string}>}>).flatMap((file) => file.messages.map((message) => message.url ?? ''))
  const url = urls.find((one, k) => one && urls.indexOf(one) !== k)
  assert.ok(url, 'a rule\'s URL is in several messages')
  assert.equal(text.split(url!).length - 1, 1, 'a rule\'s URL is kept once')
})

test('a change of configuration lints its articles again; other articles stay cached', async () => {
  const root = archive('config')
  await lint(root, ['--cache', '--report', 'json', '.'])
  writeFileSync(path.join(root, 'seed', '.attributionrc'), JSON.stringify({rules: {'anonymous-source': 'off'}}))
  const changed = await lint(root, ['--cache', '--report', 'json', '.'])
  assert.equal(changed.linted, readdirSync(path.join(root, 'seed')).filter((name) => name.endsWith('.md')).length + 1, 'the seed folder and the bad file')
  assert.equal(changed.stdout, (await lint(root, ['--report', 'json', '.'])).stdout)
  assert.doesNotMatch(JSON.stringify(JSON.parse(changed.stdout).filter((file: {path: string}) => file.path.startsWith('seed/'))), /anonymous-source/)
  const locale = await lint(root, ['--cache', '--locale', 'en', '--report', 'json', 'seed'])
  assert.equal(locale.linted, 3, '--locale is part of the configuration')
})

test('a cache that is corrupt, truncated, not a cache, from another linter, a folder or unwritable: one line on stderr, the fresh report, no crash', async () => {
  const root = archive('broken')
  const fresh = await lint(root, ['--report', 'json', '.'])
  const cacheFile = path.join(root, '.attributionlintcache')
  const cases: Array<[string, () => string[], RegExp]> = [
    ['corrupt', () => (writeFileSync(cacheFile, '{"format": "attribution-lint-cache", "entries": [{'), []), /cannot be read/],
    ['truncated', () => (truncateSync(cacheFile, Math.floor(readFileSync(cacheFile).length / 2)), []), /cannot be read/],
    ['not a cache', () => (writeFileSync(cacheFile, '{"seed/article.md": {"size": 1}}'), []), /cannot be read \(not an attribution-lint cache\)/],
    ['other linter', () => (writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace(/"linter":"\w+"/, '"linter":"0.0.0"')), []), /made by another version/],
    ['unwritable', () => ['--cache-location', 'binary.md/cache'], /cannot be (read|written)/]
  ]
  for (const [name, breakIt, problem] of cases) {
    await lint(root, ['--cache', '--report', 'json', '.'])
    const extra = breakIt()
    const run = await lint(root, ['--cache', ...extra, '--report', 'json', '.'])
    assert.equal(run.stdout, fresh.stdout, name)
    assert.equal(run.code, fresh.code, name)
    assert.equal(run.linted, fresh.linted, `${name}: every article linted`)
    const lines = run.stderr.split('\n').filter(Boolean)
    assert.equal(lines.length, 1, `${name}: ${run.stderr}`)
    assert.match(lines[0], problem, name)
    assert.match(lines[0], /^attribution-lint: the cache /, name)
    // And the next run has a good cache again (but for the unwritable one).
    if (name !== 'unwritable') assert.equal((await lint(root, ['--cache', '--report', 'json', '.'])).linted, 1, `${name}: the cache is good again (the bad file is always linted)`)
  }
  mkdirSync(path.join(root, 'folder-cache'))
  await lint(root, ['--cache', '--cache-location', 'folder-cache', '--report', 'json', '.'])
  const inFolder = readdirSync(path.join(root, 'folder-cache'))
  assert.equal(inFolder.length, 1)
  assert.match(inFolder[0], /^\.cache_\w+$/)
  assert.equal((await lint(root, ['--cache', '--cache-location', 'folder-cache/', '--report', 'json', '.'])).linted, 1)
  assert.equal((await lint(root, ['--cache-location', 'x', '.'])).code, 2, '--cache-location without --cache is a usage error')
})

test('--fix with --cache fixes as without it, and the next run reports the fixed article', async () => {
  const plain = archive('fix-plain')
  const cached = archive('fix-cached')
  await lint(cached, ['--cache', '--report', 'json', '.'])
  const fixedPlain = await lint(plain, ['--fix', '--report', 'json', '.'])
  const fixedCached = await lint(cached, ['--cache', '--fix', '--report', 'json', '.'])
  assert.equal(fixedCached.stdout, fixedPlain.stdout)
  assert.equal(fixedCached.code, fixedPlain.code)
  const articles = readdirSync(plain, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.md'))
  assert.ok(articles.length > 50)
  for (const name of articles) assert.equal(readFileSync(path.join(cached, name), 'utf8'), readFileSync(path.join(plain, name), 'utf8'), name)
  assert.notEqual(fixedPlain.stdout, (await lint(archive('fix-unfixed'), ['--report', 'json', '.'])).stdout, 'something was fixed')
  const after = await lint(cached, ['--cache', '--report', 'json', '.'])
  assert.equal(after.stdout, (await lint(plain, ['--report', 'json', '.'])).stdout)
})

test('--changed-since with --cache keeps only the changed lines of cached findings', async () => {
  const root = path.join(temp, 'git')
  mkdirSync(root)
  git(['init', '-q'], root)
  writeFileSync(path.join(root, 'a.md'), SEED_RAW)
  writeFileSync(path.join(root, 'b.md'), SEED_RAW)
  git(['add', '.'], root)
  git(['commit', '-q', '-m', 'base'], root)
  await lint(root, ['--cache', '--report', 'json', '.'])
  writeFileSync(path.join(root, 'a.md'), SEED_RAW.replace(/\n/, '\nقال مصدر مطلع إن الهجوم كان متوقعا.\n'))
  const plain = await lint(root, ['--changed-since', 'HEAD', '--report', 'json'])
  const cached = await lint(root, ['--cache', '--changed-since', 'HEAD', '--report', 'json'])
  assert.equal(cached.stdout, plain.stdout)
  assert.equal(cached.linted, 1)
  const again = await lint(root, ['--cache', '--changed-since', 'HEAD', '--report', 'json'])
  assert.equal(again.linted, 0)
  assert.equal(again.stdout, plain.stdout)
})
