/**
 * `--shard i/n`: every file in exactly one shard, shards of about equal bytes, and the shards'
 * reports one after the other are the whole run's report.
 */
import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {parseShard, selectShard} from '../src/cli/shard.js'
import {REPO, runCli} from './helpers-cli.js'

const temp = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-shard-'))
after(() => rmSync(temp, {recursive: true, force: true}))

test('parseShard: i/n with 1 ≤ i ≤ n', () => {
  assert.deepEqual(parseShard('2/4'), {index: 2, count: 4})
  assert.deepEqual(parseShard(' 1 / 1 '), {index: 1, count: 1})
  for (const bad of ['0/2', '3/2', '1/0', '2', '/2', 'a/b', '1.5/3', '-1/2', '']) assert.equal(parseShard(bad), undefined, bad)
})

test('selectShard: each item in exactly one shard, in order, shards within ±10% of 1/n of the bytes', () => {
  let seed = 7
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const items = Array.from({length: 600}, (_, k) => `articles/${String(k).padStart(4, '0')}.md`)
  const sizes = items.map(() => 2000 + Math.floor(random() * 12000))
  const total = sizes.reduce((sum, size) => sum + size, 0)
  for (const count of [1, 2, 3, 4, 7, 16]) {
    const shards = Array.from({length: count}, (_, k) => selectShard(items, sizes, {index: k + 1, count}))
    assert.deepEqual(shards.flat(), items, `${count} shards cover every item once, in order`)
    for (const shard of shards) {
      const bytes = shard.reduce((sum, item) => sum + sizes[items.indexOf(item)], 0)
      assert.ok(Math.abs(bytes - total / count) <= 0.1 * (total / count), `${count} shards: ${bytes} bytes against ${(total / count).toFixed(0)}`)
    }
  }
  // The same paths and sizes give the same shards; empty files are spread too.
  assert.deepEqual(selectShard(items, sizes, {index: 2, count: 3}), selectShard([...items], [...sizes], {index: 2, count: 3}))
  assert.equal(selectShard(['a', 'b', 'c', 'd'], [0, 0, 0, 0], {index: 2, count: 2}).length, 2)
  assert.deepEqual(selectShard([], [], {index: 1, count: 3}), [])
})

test('the shards\' JSON reports, one after the other, are the whole run\'s report; the worst exit code is the whole run\'s', () => {
  const root = path.join(temp, 'archive')
  for (const folder of ['seed', 'samples', 'anonymous-source', 'vague-attribution']) cpSync(path.join(REPO, 'fixtures', folder), path.join(root, folder), {recursive: true})
  // Bad input belongs to a shard like any file.
  writeFileSync(path.join(root, 'binary.md'), Buffer.from([0, 1, 2, 255, 254, 0]))
  writeFileSync(path.join(root, 'empty.md'), '')
  const whole = runCli(['--report', 'json', '.'], root)
  const files = JSON.parse(whole.stdout) as Array<{path: string}>
  assert.ok(files.length > 80, `${files.length} files`)
  assert.equal(whole.code, 2)
  for (const count of [2, 3]) {
    const parts = Array.from({length: count}, (_, k) => runCli(['--report', 'json', '--shard', `${k + 1}/${count}`, '.'], root))
    const reports = parts.map((part) => JSON.parse(part.stdout) as Array<{path: string}>)
    for (const report of reports) assert.ok(report.length > 0, `a shard of ${count} has files`)
    assert.deepEqual(reports.flat(), files, `${count} shards`)
    assert.equal(Math.max(...parts.map((part) => part.code)), whole.code)
  }
})

test('--shard: usage errors, stdin refused, a shard with no files says so', () => {
  for (const bad of ['0/2', '3/2', 'two']) {
    const result = runCli(['--shard', bad, 'x.md'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /--shard needs <i>\/<n>/)
  }
  assert.match(runCli(['--shard', '1/2']).stderr, /--shard splits the files/)
  const root = path.join(temp, 'one')
  cpSync(path.join(REPO, 'fixtures/seed/article.md'), path.join(root, 'a.md'))
  // One file, in the middle shard of three (its middle byte is in the middle third).
  assert.equal(JSON.parse(runCli(['--report', 'json', '--shard', '2/3', '.'], root).stdout).length, 1)
  const empty = runCli(['--report', 'json', '--shard', '3/3', '.'], root)
  assert.equal(empty.code, 0)
  assert.equal(empty.stdout, '[]\n')
  assert.match(empty.stderr, /shard 3\/3 has no files/)
})
