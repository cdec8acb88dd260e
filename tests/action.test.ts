/**
 * action.yml, run as the runner runs a composite action: each step's `run` written to a
 * script and run with `bash --noprofile --norc -eo pipefail`, `${{ inputs.* }}` in its env
 * filled in (with the input's default when not given), GITHUB_ACTION_PATH,
 * GITHUB_WORKSPACE and GITHUB_STEP_SUMMARY set, in the workspace. One case per input: paths
 * one per line (with spaces), an empty `files`, annotations still printed with `output`,
 * `fail-on`, and the job summary, parsed as Markdown, with every finding and the Arabic intact.
 * The install step is run on a prebuilt revision (scripts/prebuilt-revision.mjs), which it
 * installs without building.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import type {Root, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {toString} from 'mdast-util-to-string'
import YAML from 'yaml'
import {git, REPO} from './helpers-cli.js'

interface Step {
  name: string
  shell: string
  run: string
  env?: Record<string, string>
  'working-directory'?: string
}
const action = YAML.parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {inputs: Record<string, {default?: string}>; runs: {using: string; steps: Step[]}}
const [installStep, lintStep] = action.runs.steps
const SEED = readFileSync(path.join(REPO, 'fixtures/seed/article.raw.md'), 'utf8')
const ANONYMOUS = 'The plant will close next year, a source familiar with the plans said.\n'
const temp = mkdtempSync(path.join(tmpdir(), 'attribution-lint-action-'))
process.on('exit', () => rmSync(temp, {recursive: true, force: true}))

/** Run a step of the action as the runner would. */
function runStep(step: Step, inputs: Record<string, string>, workspace: string, actionPath = REPO, extraEnv: Record<string, string> = {}) {
  const value = (name: string) => {
    assert.ok(name in action.inputs, `input ${name} is declared`)
    return inputs[name] ?? action.inputs[name].default ?? ''
  }
  const env: Record<string, string> = {}
  for (const [key, expression] of Object.entries(step.env ?? {})) env[key] = expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name) => value(name))
  const script = path.join(temp, `step-${Math.random().toString(36).slice(2)}.sh`)
  writeFileSync(script, step.run)
  const summary = path.join(temp, `summary-${Math.random().toString(36).slice(2)}.md`)
  writeFileSync(summary, '')
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'newsroom/articles',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      ...env,
      ...extraEnv
    }
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8')}
}

/** A workspace: a git repository with the seed (Arabic), a story with an anonymous source in a folder with a space, and a clean one. */
function workspace(): string {
  const dir = mkdtempSync(path.join(temp, 'workspace-'))
  git(['init', '-q', '-b', 'main'], dir)
  mkdirSync(path.join(dir, 'news desk'))
  writeFileSync(path.join(dir, 'news desk', 'plant story.md'), `# Plant\n\n${ANONYMOUS}`)
  writeFileSync(path.join(dir, 'seed.md'), SEED)
  writeFileSync(path.join(dir, 'clean.md'), '# Plant\n\nThe plant will close next year, the company said on Monday.\n')
  git(['add', '.'], dir)
  git(['commit', '-q', '-m', 'articles'], dir)
  return dir
}

const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'))

test('action.yml: a composite action whose scripts use $GITHUB_ACTION_PATH (container jobs), with every input declared', () => {
  assert.equal(action.runs.using, 'composite')
  for (const input of ['files', 'changed-since', 'fail-on', 'frail', 'report', 'output', 'summary', 'shard']) assert.ok(action.inputs[input], input)
  for (const step of action.runs.steps) {
    // In a container job ${{ github.action_path }} is the host's path: scripts must not use it,
    // nor expressions at all (inputs come in through env, so no input is run as shell code).
    assert.doesNotMatch(step.run, /\$\{\{/, step.name)
    assert.equal(step['working-directory'], undefined, step.name)
    assert.equal(step.shell, 'bash', step.name)
  }
  assert.match(installStep.run, /\$GITHUB_ACTION_PATH/)
  assert.match(lintStep.run, /\$GITHUB_ACTION_PATH\/dist\/src\/cli\/bin\.js/)
})

test('action: default inputs annotate every finding, write the job summary, and pass on warnings', () => {
  const dir = workspace()
  const run = runStep(lintStep, {}, dir)
  assert.equal(run.status, 0, run.stderr)
  const lines = annotations(run.stdout)
  assert.ok(lines.includes('::warning file=news desk/plant story.md,line=3,endLine=3,col=33,endColumn=70,title=attribution-lint anonymous-source::Unnamed source: name the source, or say why anonymity was granted'), run.stdout)
  assert.equal(lines.filter((line) => line.startsWith('::warning file=seed.md,')).length, 8)
  // The summary: Markdown with a table per rule and one per file, every finding linked to its line.
  const tree = unified().use(remarkParse).use(remarkGfm).parse(run.summary) as Root
  const tables: Table[] = []
  visit(tree, 'table', (node: Table) => {
    tables.push(node)
  })
  assert.equal(tables.length, 3, run.summary) // per rule, then seed.md and news desk/plant story.md
  const rows = (table: Table) => table.children.slice(1).map((row) => row.children.map((cell) => toString(cell)))
  assert.deepEqual(rows(tables[0]).map(([rule, count]) => `${rule} ${count}`).sort(), ['anonymous-source 2', 'dangling-outlet 2', 'founding-after-events 1', 'promo-block 2', 'unsourced-claim 1', 'vague-attribution 1'])
  const findings = [...rows(tables[1]), ...rows(tables[2])]
  assert.equal(findings.length, 9)
  // The Arabic message and excerpt exactly as the linter says them.
  assert.ok(findings.some(([line, , rule, text]) => line === '4:6' && rule === 'anonymous-source' && text === 'مصدر غير مسمّى: اذكر اسم المصدر، أو وضّح سبب عدم الكشف عن هويته «قال مصدر في الهيئات الأمنية المختصة»'), JSON.stringify(findings))
  assert.match(run.summary, /\[3:33\]\(https:\/\/github\.com\/newsroom\/articles\/blob\/0123456789abcdef0123456789abcdef01234567\/news%20desk\/plant%20story\.md#L3\)/)
  assert.match(run.summary, /\[14:1–16\]\(https:\/\/github\.com\/newsroom\/articles\/blob\/[0-9a-f]+\/seed\.md#L14-L16\)/)
  // summary: false writes none.
  assert.equal(runStep(lintStep, {summary: 'false'}, dir).summary, '')
})

test('action: files one per line, spaces kept, blank lines and surrounding spaces ignored; empty files lint the repository root', () => {
  const dir = workspace()
  const listed = runStep(lintStep, {files: '  news desk/plant story.md  \r\n\n clean.md\n', summary: 'false'}, dir)
  assert.equal(listed.status, 0, listed.stderr)
  assert.deepEqual(annotations(listed.stdout).map((line) => /file=([^,]+)/.exec(line)![1]), ['news desk/plant story.md'])
  // Empty: the repository root, not stdin (which would wait, then fail with 2).
  const empty = runStep(lintStep, {files: '', summary: 'false'}, dir)
  assert.equal(empty.status, 0, empty.stderr)
  assert.deepEqual([...new Set(annotations(empty.stdout).map((line) => /file=([^,]+)/.exec(line)![1]))].sort(), ['news desk/plant story.md', 'seed.md'])
  const blank = runStep(lintStep, {files: ' \n \n', summary: 'false'}, dir)
  assert.equal(blank.stdout, empty.stdout)
  // A glob, expanded by attribution-lint (the folder with a space included).
  const glob = runStep(lintStep, {files: '**/*story.md', summary: 'false'}, dir)
  assert.deepEqual(annotations(glob.stdout).map((line) => /file=([^,]+)/.exec(line)![1]), ['news desk/plant story.md'])
})

test('action: report github with output still prints the annotations; sarif goes to the file only', () => {
  const dir = workspace()
  const run = runStep(lintStep, {report: 'github', output: 'annotations.txt'}, dir)
  assert.equal(run.status, 0, run.stderr)
  const written = readFileSync(path.join(dir, 'annotations.txt'), 'utf8')
  assert.equal(annotations(written).length, 9)
  assert.deepEqual(annotations(run.stdout), annotations(written))
  const sarif = runStep(lintStep, {report: 'sarif', output: 'out.sarif'}, dir)
  assert.equal(sarif.status, 0, sarif.stderr)
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0].results.length, 9)
  assert.equal(annotations(sarif.stdout).length, 0)
  assert.ok(sarif.summary.includes('## attribution-lint: 9 findings'))
})

test('action: fail-on error, warning or none; files that cannot be linted fail the step whatever fail-on says', () => {
  const dir = workspace()
  const step = (inputs: Record<string, string>) => runStep(lintStep, {summary: 'false', ...inputs}, dir)
  assert.equal(step({'fail-on': 'error'}).status, 0)
  const warning = step({'fail-on': 'warning'})
  assert.equal(warning.status, 1)
  assert.equal(annotations(warning.stdout).length, 9)
  assert.equal(step({frail: 'true'}).status, 1) // the deprecated input still works
  writeFileSync(path.join(dir, '.attributionrc.json'), JSON.stringify({rules: {'anonymous-source': 'error'}}))
  const error = step({})
  assert.equal(error.status, 1)
  assert.ok(annotations(error.stdout).some((line) => line.startsWith('::error file=news desk/plant story.md,line=3')))
  const none = step({'fail-on': 'none'})
  assert.equal(none.status, 0)
  assert.equal(annotations(none.stdout).length, 9)
  assert.match(none.stdout, /not failing the step \(fail-on: none\)/)
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2]))
  const bad = step({'fail-on': 'none'})
  assert.equal(bad.status, 2)
  assert.ok(annotations(bad.stdout).some((line) => line.startsWith('::error file=binary.md,')))
  const wrong = step({'fail-on': 'warnings'})
  assert.equal(wrong.status, 2)
  assert.match(wrong.stdout, /^::error title=attribution-lint::fail-on must be error, warning or none, not 'warnings'$/m)
})

test('action: the shard input: the two halves of a matrix together lint every article once', () => {
  const dir = workspace()
  const halves = ['1/2', '2/2'].map((shard) => runStep(lintStep, {report: 'json', shard, summary: 'false'}, dir))
  assert.deepEqual(halves.map((half) => half.status), [0, 0])
  const paths = halves.flatMap((half) => JSON.parse(half.stdout) as Array<{path: string}>).map((file) => file.path)
  assert.deepEqual([...paths].sort(), ['clean.md', 'news desk/plant story.md', 'seed.md'])
})

test('action: changed-since reports only the lines a branch changed', () => {
  const dir = workspace()
  git(['checkout', '-q', '-b', 'feature'], dir)
  writeFileSync(path.join(dir, 'clean.md'), readFileSync(path.join(dir, 'clean.md'), 'utf8') + `\n${ANONYMOUS}`)
  git(['commit', '-q', '-am', 'edit'], dir)
  const run = runStep(lintStep, {'changed-since': 'main', 'fail-on': 'warning'}, dir)
  assert.equal(run.status, 1)
  assert.deepEqual(annotations(run.stdout), ['::warning file=clean.md,line=5,endLine=5,col=33,endColumn=70,title=attribution-lint anonymous-source::Unnamed source: name the source, or say why anonymity was granted'])
  assert.match(run.summary, /1 finding \(0 errors, 1 warning\) in 1 of 1 file/)
})

test('action: at a prebuilt revision, the install step installs without building, and the action lints', () => {
  // The revision a release tag points at, checked out where the runner puts an action.
  const origin = mkdtempSync(path.join(temp, 'origin-'))
  git(['init', '-q', '-b', 'main'], origin)
  const made = spawnSync(process.execPath, [path.join(REPO, 'scripts/prebuilt-revision.mjs'), '--git-dir', path.join(origin, '.git'), '--ref', 'refs/tags/v0.0.0-test', '--no-parent'], {encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}})
  assert.equal(made.status, 0, made.stderr)
  const actionPath = path.join(temp, 'actions', 'attribution-lint')
  git(['clone', '-q', '--branch', 'v0.0.0-test', origin, actionPath], temp)
  assert.ok(existsSync(path.join(actionPath, 'dist/src/cli/bin.js')))
  assert.ok(!existsSync(path.join(actionPath, 'tsconfig.json')))
  const install = runStep(installStep, {}, temp, actionPath, {npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false'})
  assert.equal(install.status, 0, install.stderr)
  assert.doesNotMatch(install.stdout + install.stderr, /tsc|npm run build/)
  assert.ok(existsSync(path.join(actionPath, 'node_modules/unified')))
  assert.ok(!existsSync(path.join(actionPath, 'node_modules/typescript')), 'no devDependencies')
  const dir = workspace()
  const run = runStep(lintStep, {files: 'news desk'}, dir, actionPath)
  assert.equal(run.status, 0, run.stderr)
  assert.equal(annotations(run.stdout).length, 1)
})

test('the Markdown summary: cells stay cells, and a summary stays under GitHub\'s 1 MiB', async () => {
  const {cell, markdown} = await import('../src/report/markdown.js')
  assert.equal(cell('a|b <script> & c\r\n  d'), 'a\\|b &lt;script&gt; &amp; c d')
  assert.equal(cell('مصدر غير مسمّى: «قال مصدر»'), 'مصدر غير مسمّى: «قال مصدر»')
  const {VFile} = await import('vfile')
  const files = Array.from({length: 400}, (_, n) => {
    const file = new VFile({path: path.join(REPO, `story-${n}.md`), value: ''})
    for (let i = 1; i <= 20; i++) file.message(`Unnamed source number ${i}, with a reason long enough to fill the table row quickly`, {place: {line: i, column: 1}, ruleId: 'anonymous-source', source: 'attribution-lint'}).fatal = false
    return file
  })
  const text = markdown.format(files, {color: false, quiet: false, silent: false, verbose: false, cwd: REPO})
  assert.ok(Buffer.byteLength(text) < 1024 * 1024, String(Buffer.byteLength(text)))
  assert.match(text, /^## attribution-lint: 8000 findings \(0 errors, 8000 warnings\) in 400 of 400 files/)
  const listed = (text.match(/^\| \[?\d+:1/gm) ?? []).length
  assert.ok(listed > 1000 && listed < 8000, String(listed))
  assert.ok(text.endsWith(`… and ${8000 - listed} more findings in further files, not listed: a job summary holds at most 1 MiB.\n`))
})
