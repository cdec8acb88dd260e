/**
 * The CLI streams files: each file's part of the report is printed before later files are
 * even read, the run holds a bounded number of files, the order of files is unified-engine's
 * (the CLI was a front on it), and each reporter's streaming form prints what its `format`
 * prints, byte for byte (for SARIF: what node-sarif-builder prints), and stylish is vfile-reporter's
 * report file by file.
 */
import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Writable} from 'node:stream'
import {after, test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {main, runStats} from '../src/cli/run.js'
import {lint} from '../src/index.js'
import {loadReporter, openReport, reporterNames, type ReporterOptions} from '../src/report/index.js'
import {runCli} from './helpers-cli.js'

const SEED_RAW = readFileSync(fileURLToPath(new URL('../../fixtures/seed/article.raw.md', import.meta.url)), 'utf8')
const GOOD = '# Garden notes\n\nThe roses grow along the fence.\n'

const temp = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-stream-'))
after(() => rmSync(temp, {recursive: true, force: true}))

function fixture(name: string, files: Record<string, string>): string {
  const root = path.join(temp, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), {recursive: true})
    writeFileSync(path.join(root, file), text)
  }
  return root
}

/** A stdout that calls `onWrite` with everything written so far, after each write. */
function recorder(onWrite: (text: string) => void = () => {}) {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(String(chunk))
      onWrite(chunks.join(''))
      done()
    }
  })
  return {stream, text: () => chunks.join('')}
}

function io(cwd: string, stdout: Writable, stderr: Writable = recorder().stream) {
  return {stdin: Object.assign(new PassThrough(), {isTTY: true}), stdout, stderr, cwd, env: {NO_COLOR: '1'}}
}

const names = (count: number) => Array.from({length: count}, (_, i) => `story-${String(i).padStart(3, '0')}.md`)

test('each file is printed before later files are read: the last file, changed once the first is printed, is linted as changed', async () => {
  // More files than a run holds, and more report than it gathers before writing (16 KB).
  const files = names(80)
  const root = fixture('streams', Object.fromEntries(files.map((name) => [name, SEED_RAW])))
  const last = path.join(root, files.at(-1)!)
  for (const report of ['json', 'github', 'editor']) {
    writeFileSync(last, SEED_RAW)
    let changed = false
    const out = recorder((text) => {
      // The first file's part is out: empty the last file, which a run that read every file first would have read already.
      if (!changed && text.includes(files[0])) {
        writeFileSync(last, '')
        changed = true
      }
    })
    const code = await main(['--jobs', '1', '--report', report, '.'], io(root, out.stream))
    assert.ok(changed, `${report}: the first file was printed`)
    assert.equal(code, 2, `${report}: the emptied last file is bad input`)
    if (report === 'json') {
      const result = JSON.parse(out.text()) as Array<{path: string; messages: Array<{ruleId: string}>}>
      assert.deepEqual(result.map((file) => file.path), files)
      assert.deepEqual(result.at(-1)!.messages.map((message) => message.ruleId), ['bad-input'])
      assert.ok(result.slice(0, -1).every((file) => file.messages.length && !file.messages.some((message) => message.ruleId === 'bad-input')))
    } else {
      assert.match(out.text(), /empty/, report)
      assert.ok(out.text().indexOf(files[0]) < out.text().indexOf(files.at(-1)!), report)
    }
  }
})

test('a run holds a bounded number of files, however many it lints', async () => {
  const files = names(120)
  const root = fixture('bounded', Object.fromEntries(files.map((name, i) => [name, i % 10 ? GOOD : SEED_RAW])))
  for (const jobs of ['1', '2']) {
    runStats.maxHeld = 0
    const out = recorder()
    await main(['--jobs', jobs, '--report', 'json', '.'], io(root, out.stream))
    assert.equal((JSON.parse(out.text()) as unknown[]).length, 120)
    assert.ok(runStats.maxHeld > 0, 'the count is kept')
    assert.ok(runStats.maxHeld <= Math.max(8, Number(jobs) * 4) + 1, `--jobs ${jobs}: held at most ${runStats.maxHeld} files`)
  }
})

test('file order is unified-engine\'s: sorted by path code unit by code unit, over folders, globs and ignore files', () => {
  const root = fixture('order', {
    '10.md': GOOD,
    '9.md': GOOD,
    'B.md': GOOD,
    'Z/é.md': GOOD,
    'a b.md': GOOD,
    'a-b.md': GOOD,
    'a.md': GOOD,
    'a/b.md': GOOD,
    'a/x/y.markdown': GOOD,
    'a/x/z.txt': GOOD,
    'a_c.md': GOOD,
    'c/node_modules/n.md': GOOD,
    'node_modules/top.md': GOOD,
    'drafts/d.md': GOOD,
    '.attributionignore': 'drafts/\n',
    'sub/.attributionignore': 's2.md\ninner\n',
    'sub/s1.md': GOOD,
    'sub/s2.md': GOOD,
    'sub/inner/i.md': GOOD,
    'z/ä.md': GOOD
  })
  const paths = (args: string[]) => {
    const result = runCli(['--jobs', '1', '--report', 'json', ...args], root)
    return (JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>).map((file) => [file.path.split(path.sep).join('/'), ...file.messages.map((message) => message.ruleId)].join(' '))
  }
  // Folders: node_modules below a given folder, other extensions and ignored paths are left out.
  assert.deepEqual(paths(['.']), ['10.md', '9.md', 'B.md', 'Z/é.md', 'a b.md', 'a-b.md', 'a.md', 'a/b.md', 'a/x/y.markdown', 'a_c.md', 'sub/s1.md', 'z/ä.md'])
  // Globs name their files: node_modules is not skipped, ignored files are reported as ignored.
  assert.deepEqual(paths(['**/*.md', 'a/x/y.markdown']), [
    '10.md', '9.md', 'B.md', 'Z/é.md', 'a b.md', 'a-b.md', 'a.md', 'a/b.md', 'a/x/y.markdown', 'a_c.md', 'c/node_modules/n.md',
    'drafts/d.md ignored-file', 'node_modules/top.md', 'sub/inner/i.md ignored-file', 'sub/s1.md', 'sub/s2.md ignored-file', 'z/ä.md'
  ])
  // Given in any order, printed in one.
  assert.deepEqual(paths(['z', 'sub', 'a.md', 'a']), ['a.md', 'a/b.md', 'a/x/y.markdown', 'sub/s1.md', 'z/ä.md'])
  assert.deepEqual(paths(['--no-ignore', 'sub', 'drafts']), ['drafts/d.md', 'sub/inner/i.md', 'sub/s1.md', 'sub/s2.md'])
})

/** Files with what reports show: findings, bad input, a crash with a cause, notes, stdin. */
async function sampleFiles(): Promise<VFile[]> {
  const files = [
    await lint(new VFile({path: 'b/seed.md', value: SEED_RAW})),
    await lint(new VFile({path: 'a/good.md', value: GOOD})),
    await lint(new VFile({path: 'B.md', value: SEED_RAW.replace(/\n/g, '\n\n')}))
  ]
  const odd = new VFile({path: 'odd `name`.md', value: ''})
  const bad = odd.message('The file is empty: there is no article to lint', {place: {line: 1, column: 1}, ruleId: 'bad-input', source: 'attribution-lint'})
  bad.fatal = true
  const crash = odd.message('Internal error in rule `x`: boom', {ruleId: 'internal-error', source: 'attribution-lint', cause: new Error('boom', {cause: new Error('deeper')})})
  crash.fatal = true
  const info = odd.message('A note with ``code`` and `more`', {place: {start: {line: 2, column: 3}, end: {line: 4, column: 1}}, ruleId: 'unknown-rule', source: 'attribution-lint'})
  info.note = 'first line\nsecond line'
  info.url = 'https://example.com/unknown-rule'
  files.push(odd)
  const stdin = new VFile({value: GOOD})
  stdin.message('Unnamed source “quoted”', {place: {line: 1, column: 1}, ruleId: 'anonymous-source', source: 'attribution-lint'}).fatal = false
  files.push(stdin)
  return files
}

test('every reporter\'s streaming form prints what its format prints, byte for byte (SARIF: node-sarif-builder)', async () => {
  const files = await sampleFiles()
  const cwd = fileURLToPath(new URL('../../', import.meta.url))
  const variants: Array<Partial<ReporterOptions>> = [{}, {quiet: true}, {silent: true}, {verbose: true, color: true}]
  for (const name of reporterNames()) {
    const reporter = (await loadReporter(name))!
    assert.ok(reporter.open, `${name} streams`)
    for (const variant of variants) {
      const options: ReporterOptions = {color: false, quiet: false, silent: false, verbose: false, cwd, ...variant}
      for (const set of [files, files.slice(0, 1), files.slice(3), []]) {
        const writer = openReport(reporter, options)
        await writer.ready
        let text = ''
        for (const file of set) text += writer.file(file)
        await writer.end(async (piece) => {
          text += piece
        })
        assert.equal(text, reporter.format(set, options), `${name} ${JSON.stringify(variant)} over ${set.length} files`)
      }
    }
  }
})

test('stylish is vfile-reporter\'s report file by file: the same rows and totals, columns aligned within each file', async () => {
  const files = await sampleFiles()
  const stylish = (await loadReporter('stylish'))!
  const {reporter: vfileReporter} = await import('vfile-reporter')
  const withNewline = (text: string) => (text && !text.endsWith('\n') ? text + '\n' : text)
  const squeeze = (text: string) => text.replace(/ +/g, ' ')
  // vfile-reporter orders files by path; stylish prints them in the order they were linted.
  const sorted = [...files].sort((a, b) => String(a.path || '').localeCompare(String(b.path || '')))
  for (const variant of [{}, {quiet: true}, {silent: true}, {verbose: true, color: true}]) {
    const options: ReporterOptions = {color: false, quiet: false, silent: false, verbose: false, cwd: process.cwd(), ...variant}
    const settings = {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose}
    for (const file of files) assert.equal(stylish.format([file], options), withNewline(vfileReporter([file], settings)), `${file.path} ${JSON.stringify(variant)}`)
    assert.equal(squeeze(stylish.format(sorted, options)), squeeze(withNewline(vfileReporter(sorted, settings))), JSON.stringify(variant))
  }
})

test('stylish and SARIF print the same report when no temporary file can be made (their parts are then held in memory)', () => {
  const cwd = fixture('no-temp', {'a.md': SEED_RAW, 'b.md': GOOD, 'c.md': SEED_RAW})
  const noTemp = {TMPDIR: path.join(temp, 'no-such-folder', 'tmp')}
  for (const report of ['stylish', 'sarif']) {
    const usual = runCli(['--report', report, '--jobs', '1', '.'], cwd)
    const held = runCli(['--report', report, '--jobs', '1', '.'], cwd, noTemp)
    assert.equal(held.code, usual.code, report)
    assert.equal(held.stdout, usual.stdout, report)
    assert.equal(held.stderr, usual.stderr, report)
    assert.ok((report === 'stylish' ? usual.stderr : usual.stdout).includes('anonymous-source'), `${report}: the report has the seed's findings`)
  }
})
