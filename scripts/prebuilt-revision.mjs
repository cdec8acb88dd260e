#!/usr/bin/env node
/**
 * Make a prebuilt revision: a git commit that holds the package as npm would publish it, with
 * dist/ built and no build step (`npm run prebuilt-revision -- --ref refs/tags/v0.1.0`).
 *
 * Why: the installs that take this repository from git cannot build it. pre-commit's
 * `language: node` hooks install the repository itself: pre-commit below 4.6 runs `npm pack`
 * in it and reads the tarball's name from stdout, where a `prepare` script's banner lands
 * first (the install then fails with ENOENT); 4.6 and later run `npm install -g git+file://…`,
 * and npm prepares a git package that has any of the scripts prepare, prepack, build,
 * preinstall, install or postinstall by running them without our devDependencies
 * (`tsc: not found`). A commit whose package.json has no scripts and whose dist/ is committed
 * installs under both without building. The Action, at such a revision, skips its build too.
 *
 * The commit's tree: the files `npm pack` puts in the package (without the compiled tests),
 * package-lock.json (for the Action's `npm ci`), action.yml and .pre-commit-hooks.yaml, all
 * as they are in the working tree, and package.json without `scripts` and `devDependencies`. It is written with a
 * temporary index, so the working tree, the index and the branch are left alone. Its parent
 * is HEAD (the source it was built from), unless --no-parent.
 *
 * Options:
 *   --ref <ref>          point this ref at the commit (a tag such as refs/tags/v0.1.0, or a branch)
 *   --git-dir <dir>      write into this repository instead of the checkout's own (tests)
 *   --no-parent          a root commit (when the repository written into lacks HEAD's commit)
 * Prints the commit's id. Run `npm run build` first (the npm script does).
 *
 * Releasing: make the revision with a tag, push the tag, and merge it into main with
 * `git merge -s ours <tag>` (main's files stay as they are) so that `pre-commit autoupdate`,
 * which looks for the newest tag on the default branch, finds it.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const {values} = parseArgs({options: {ref: {type: 'string'}, 'git-dir': {type: 'string'}, 'no-parent': {type: 'boolean'}}})

if (!existsSync(path.join(root, 'dist/src/cli/bin.js'))) {
  console.error('prebuilt-revision: dist/ is not built; run `npm run build` first')
  process.exit(2)
}

const gitDir = values['git-dir'] ? path.resolve(values['git-dir']) : execFileSync('git', ['rev-parse', '--absolute-git-dir'], {cwd: root, encoding: 'utf8'}).trim()
const temp = mkdtempSync(path.join(tmpdir(), 'attribution-lint-prebuilt-'))
const env = {...process.env, GIT_DIR: gitDir, GIT_INDEX_FILE: path.join(temp, 'index')}
const git = (args, input) => execFileSync('git', args, {cwd: root, env, encoding: 'utf8', input, maxBuffer: 1 << 28}).trim()

try {
  // What `npm pack` would put in the package (no scripts run: nothing is built here).
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}))
  const files = new Set(pack.files.map((file) => file.path).filter((file) => !file.startsWith('dist/tests/') && file !== 'package.json'))
  for (const extra of ['package-lock.json', 'action.yml', '.pre-commit-hooks.yaml']) if (existsSync(path.join(root, extra))) files.add(extra)
  const paths = [...files].sort()
  const ids = git(['hash-object', '-w', '--stdin-paths'], paths.join('\n') + '\n').split('\n')
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  // No scripts (npm would build a git package that has one), and no devDependencies (pre-commit
  // below 4.6 installs them before packing; the Action's `npm ci --omit=dev` leaves them out).
  delete manifest.scripts
  delete manifest.devDependencies
  const manifestId = git(['hash-object', '-w', '--stdin'], JSON.stringify(manifest, null, 2) + '\n')
  const entries = paths.map((file, i) => `${statSync(path.join(root, file)).mode & 0o111 ? '100755' : '100644'} ${ids[i]}\t${file}`)
  entries.push(`100644 ${manifestId}\tpackage.json`)
  git(['update-index', '--add', '--index-info'], entries.join('\n') + '\n')
  const tree = git(['write-tree'])
  const source = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim()
  const parent = values['no-parent'] ? [] : ['-p', source]
  const commit = git(['commit-tree', tree, ...parent, '-m', `Prebuilt attribution-lint ${manifest.version} from ${source}\n\nThe package as npm publishes it, dist/ built, package.json without scripts:\ninstalls with pre-commit and as a GitHub Action without building.`])
  if (values.ref) git(['update-ref', values.ref, commit])
  console.log(commit)
} finally {
  rmSync(temp, {recursive: true, force: true})
}
