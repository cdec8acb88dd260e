/**
 * The pre-commit hook, installed and run by the real pre-commit (Debian's, which .ci/run
 * installs; skipped with a notice where it is missing) from a prebuilt revision of this
 * checkout (scripts/prebuilt-revision.mjs): `pre-commit try-repo` installs the hook and
 * reports the seed's findings; with the hook installed, a commit of an article with findings
 * fails, and one of an article listed in .attributionignore goes through. And the install
 * that pre-commit 4.6 and later run instead, `npm install -g git+file://…`, with the real npm.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'node:test'
import YAML from 'yaml'
import {git, REPO} from './helpers-cli.js'

const preCommit = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
const skip = preCommit.status === 0 ? false : 'pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)'

const SEED = readFileSync(path.join(REPO, 'fixtures/seed/article.raw.md'), 'utf8')
const GIT_ENV = {GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1'}
// npm may use what its cache holds (npm ci filled it) instead of asking the registry again.
const NPM_ENV = {npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'}

/** A repository holding a prebuilt revision of this checkout, tagged; its commit id. */
function hookRepository(temp: string): {repo: string; rev: string} {
  const repo = path.join(temp, 'attribution-lint')
  mkdirSync(repo)
  git(['init', '-q', '-b', 'main'], repo)
  const made = spawnSync(process.execPath, [path.join(REPO, 'scripts/prebuilt-revision.mjs'), '--git-dir', path.join(repo, '.git'), '--ref', 'refs/tags/v0.0.0-test', '--no-parent'], {encoding: 'utf8', env: {...process.env, ...GIT_ENV}})
  assert.equal(made.status, 0, made.stderr)
  return {repo, rev: made.stdout.trim()}
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, ...GIT_ENV, ...NPM_ENV, NO_COLOR: '1', ...env}})
  return {status: result.status, output: result.stdout + result.stderr}
}

test('pre-commit installs the hook from a prebuilt revision; it reports the seed\'s findings, and skips ignored files', {skip}, () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'attribution-lint-pre-commit-'))
  const {repo, rev} = hookRepository(temp)
  const manifest = YAML.parse(git(['show', `${rev}:.pre-commit-hooks.yaml`], repo))
  assert.equal(manifest[0].language, 'node')
  assert.ok(!JSON.parse(git(['show', `${rev}:package.json`], repo)).scripts, 'the prebuilt package.json has no scripts')
  const env = {PRE_COMMIT_HOME: path.join(temp, 'cache')}
  const project = path.join(temp, 'newsroom')
  mkdirSync(path.join(project, 'drafts'), {recursive: true})
  git(['init', '-q', '-b', 'main'], project)
  writeFileSync(path.join(project, 'seed.md'), SEED)
  git(['add', 'seed.md'], project)

  // try-repo: installs the hook (npm pack and npm install -g, under Debian's pre-commit) and runs it on the staged seed.
  const tried = run('pre-commit', ['try-repo', repo, 'attribution-lint', '--ref', rev], project, env)
  assert.equal(tried.status, 1, tried.output)
  assert.match(tried.output, /attribution-lint\.+Failed/)
  for (const finding of ['4:6-4:41', '4:155-4:174', '11:1-11:22', '12:180-12:191', '13:55-13:82', '14:1-16:48', '18:1-18:73']) assert.ok(tried.output.includes(finding), `${finding} in\n${tried.output}`)
  assert.match(tried.output, /⚠ 8 warnings/)
  assert.doesNotMatch(tried.output, /ENOENT|not found|npm error/)

  // Installed as a git hook: an ignored article commits, one with findings does not.
  writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: attribution-lint\n`)
  writeFileSync(path.join(project, '.attributionignore'), 'drafts/\n')
  git(['reset', '-q'], project)
  git(['add', '.pre-commit-config.yaml', '.attributionignore'], project)
  const installed = run('pre-commit', ['install'], project, env)
  assert.equal(installed.status, 0, installed.output)
  assert.equal(run('git', ['commit', '-q', '-m', 'config'], project, env).status, 0)
  writeFileSync(path.join(project, 'drafts', 'seed.md'), SEED)
  git(['add', 'drafts/seed.md'], project)
  const ignored = run('git', ['commit', '-m', 'a draft, ignored by .attributionignore'], project, env)
  assert.equal(ignored.status, 0, ignored.output)
  assert.match(ignored.output, /attribution-lint\.+Passed/)
  assert.doesNotMatch(ignored.output, /ignored-file|is ignored/)
  git(['add', 'seed.md'], project)
  const blocked = run('git', ['commit', '-m', 'the seed'], project, env)
  assert.equal(blocked.status, 1, blocked.output)
  assert.match(blocked.output, /seed\.md\n4:6-4:41 +warning/)
  assert.equal(git(['log', '--format=%s'], project).trim().split('\n')[0], 'a draft, ignored by .attributionignore')
  rmSync(temp, {recursive: true, force: true})
})

test('the prebuilt revision installs as pre-commit 4.6 and later install it: npm install -g git+file://… with no build', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'attribution-lint-git-install-'))
  const {repo, rev} = hookRepository(temp)
  // pre-commit clones the hook's repository at the revision into its store, then runs, in
  // its node environment (NPM_CONFIG_PREFIX), npm install -g git+file://<that clone>.
  const clone = path.join(temp, 'store', 'repo')
  git(['clone', '-q', '--branch', 'v0.0.0-test', repo, clone], temp)
  assert.equal(git(['rev-parse', 'HEAD'], clone).trim(), rev)
  const prefix = path.join(temp, 'node_env')
  const installed = run('npm', ['install', '--allow-git=root', '-g', `git+${pathToFileURL(clone).href}`], temp, {NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix})
  assert.equal(installed.status, 0, installed.output)
  assert.doesNotMatch(installed.output, /tsc|prepare/)
  const bin = path.join(prefix, 'bin', 'attribution-lint')
  // A real copy, not a link to npm's temporary clone of the repository (gone after the install).
  assert.ok(existsSync(bin) && existsSync(path.join(prefix, 'lib/node_modules/attribution-lint/dist/src/cli/bin.js')), installed.output)
  writeFileSync(path.join(temp, 'story.md'), '# Plant\n\nThe plant will close next year, a source familiar with the plans said.\n')
  const linted = run(bin, ['--frail', 'story.md'], temp, {})
  assert.equal(linted.status, 1, linted.output)
  assert.match(linted.output, /3:33-3:70 +warning +Unnamed source/)
  rmSync(temp, {recursive: true, force: true})
})
