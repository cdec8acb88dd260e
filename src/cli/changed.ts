/**
 * `--changed-since <git-ref>`: judge a pull request on what it changed.
 *
 * The changed lines are those of `git diff --unified=0 <merge-base>` where the merge base is
 * `git merge-base <ref> HEAD`: the three-dot diff `<ref>...HEAD` (what the branch changed
 * since it left `<ref>`, not what `<ref>` changed since) plus whatever is changed in the
 * working tree and not committed yet, staged or not, all in the line numbers of the files as
 * they are on disk, which are the numbers the linter reports. Untracked files (not ignored by
 * git) are new, so every line of them is changed. In CI the working tree is the pull
 * request's head, so this is exactly the pull request's diff; before a commit it includes
 * the edits not yet committed.
 *
 * - Only changed files (added, modified, renamed with changes, copied) are linted; others
 *   are not even read. Paths, folders and globs on the command line narrow the set (no
 *   path: every changed article under the working folder).
 * - A message is kept when its lines [line, endLine] overlap a changed line; messages about
 *   a whole file (bad input, no position) are always kept. Lines only deleted leave no line
 *   to report on, so nothing is reported for them.
 * - Not a git repository, an unknown ref or no merge base: a `ChangedError` with a clear
 *   message (the CLI exits 2). In a shallow clone that does not reach the merge base, the
 *   message says to fetch more history (`fetch-depth: 0`), not git's own failure.
 * - The diff is read the same whatever the user's git configuration says: explicit `a/` and
 *   `b/` prefixes (`diff.noprefix` and `diff.mnemonicPrefix` would change them, and the
 *   changed files would silently not be found), no external diff driver, no textconv, no
 *   colour, no context between hunks.
 */
import {execFileSync} from 'node:child_process'
import {realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {minimatch} from 'minimatch'
import type {VFile} from 'vfile'
import {BAD_INPUT} from '../input.js'

export class ChangedError extends Error {
  override name = 'ChangedError'
}

/** 1-based, inclusive line ranges of a changed file, or 'all' for a new (untracked) or binary file. */
export type LineRanges = Array<[from: number, to: number]> | 'all'

export interface ChangedFiles {
  /** The root of the work tree. */
  root: string
  /** The commit the working tree is compared with. */
  base: string
  /** Changed files by absolute (real) path. */
  files: Map<string, LineRanges>
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30})
}

function gitError(error: unknown): string {
  const stderr = String((error as {stderr?: unknown}).stderr ?? '').trim()
  return stderr.split('\n')[0] || (error as Error).message
}

/** Whether the repository is a shallow clone (some history cut off). */
function isShallow(cwd: string): boolean {
  try {
    return git(['rev-parse', '--is-shallow-repository'], cwd).trim() === 'true'
  } catch {
    return false
  }
}

/** Undo git's C-style quoting of a path ("a\tb" or "caf\303\251"). */
export function unquotePath(value: string): string {
  if (!value.startsWith('"') || !value.endsWith('"')) return value
  const bytes: number[] = []
  const inner = value.slice(1, -1)
  const simple: Record<string, number> = {a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92}
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'))
      continue
    }
    const next = inner[i + 1]
    if (/[0-7]/.test(next ?? '')) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Parse `git diff --unified=0` output: changed line ranges (new side) per path. */
export function parseUnifiedDiff(diff: string): Map<string, LineRanges> {
  const files = new Map<string, LineRanges>()
  let current: string | undefined
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '')
      current = target === '/dev/null' ? undefined : unquotePath(target).replace(/^b\//, '')
      if (current !== undefined && !files.has(current)) files.set(current, [])
    } else if (line.startsWith('Binary files ')) {
      const target = /^Binary files .* and (.+) differ$/.exec(line)?.[1]
      if (target && target !== '/dev/null') files.set(unquotePath(target).replace(/^b\//, ''), 'all')
    } else if (line.startsWith('@@') && current !== undefined) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!hunk) continue
      const start = Number(hunk[1])
      const count = hunk[2] === undefined ? 1 : Number(hunk[2])
      const ranges = files.get(current)
      if (count > 0 && Array.isArray(ranges)) ranges.push([start, start + count - 1])
    }
  }
  // A file with no changed line on the new side (only deletions, a mode change, a pure rename) is not changed.
  for (const [file, ranges] of files) if (Array.isArray(ranges) && !ranges.length) files.delete(file)
  return files
}

function real(file: string): string {
  try {
    return realpathSync.native(file)
  } catch {
    return file
  }
}

/** The files and lines changed since `ref` (see the module comment). Throws ChangedError. */
export function changedSince(ref: string, cwd: string): ChangedFiles {
  let root: string
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).trim()
  } catch (error) {
    throw new ChangedError(`--changed-since needs a git repository, and ${cwd} is not in one (${gitError(error)})`)
  }
  try {
    git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd)
  } catch {
    throw new ChangedError(`--changed-since ${ref}: no such commit, branch or tag in this repository (in CI, fetch it first: actions/checkout with fetch-depth: 0)`)
  }
  let base: string
  try {
    base = git(['merge-base', '--end-of-options', ref, 'HEAD'], cwd).trim()
  } catch (error) {
    // `git merge-base` exits 1 with nothing on stderr when it finds no common ancestor.
    const stderr = String((error as {stderr?: unknown}).stderr ?? '').trim()
    if (isShallow(cwd)) {
      throw new ChangedError(`--changed-since ${ref}: this is a shallow clone, and the commit where HEAD left ${ref} is not in it; fetch the history (in GitHub Actions: actions/checkout with fetch-depth: 0; elsewhere: git fetch --unshallow)`)
    }
    throw new ChangedError(`--changed-since ${ref}: no common ancestor with HEAD (${stderr ? stderr.split('\n')[0] : 'unrelated histories'})`)
  }
  let diff: string
  let untracked: string
  try {
    diff = git(['diff', '--unified=0', '--inter-hunk-context=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--find-renames', '--diff-filter=ACMRT', base, '--'], root)
    untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root)
  } catch (error) {
    throw new ChangedError(`--changed-since ${ref}: git diff failed: ${gitError(error)}`)
  }
  const files = new Map<string, LineRanges>()
  for (const [file, ranges] of parseUnifiedDiff(diff)) files.set(path.join(root, file), ranges)
  for (const file of untracked.split('\0').filter(Boolean)) files.set(path.join(root, file), 'all')
  return {root, base, files}
}

/**
 * The changed files to lint, as paths relative to `cwd`: those the arguments name (a file),
 * hold (a folder, with one of `extensions`) or match (a glob, relative to `cwd`); with no
 * arguments, the changed articles under `cwd`. Files that no longer exist are left out.
 */
export function selectChanged(changed: ChangedFiles, args: readonly string[], cwd: string, extensions: readonly string[]): string[] {
  const realCwd = real(cwd)
  type Selector = {glob: string} | {folder: string} | {file: string}
  const selectors = (args.length ? args : ['.']).map((arg): Selector => {
    if (/[*?[\]{}]|^!|[@!+]\(/.test(arg)) return {glob: arg.replace(/^\.\//, '')}
    const resolved = real(path.resolve(cwd, arg))
    let folder = false
    try {
      folder = statSync(resolved).isDirectory()
    } catch {
      // A path that does not exist matches nothing.
    }
    return folder ? {folder: resolved} : {file: resolved}
  })
  const article = (file: string) => extensions.includes(path.extname(file).slice(1))
  const selected: string[] = []
  for (const file of [...changed.files.keys()].sort()) {
    try {
      if (!statSync(file).isFile()) continue
    } catch {
      continue
    }
    const relative = path.relative(realCwd, file)
    const chosen = selectors.some((selector) =>
      'file' in selector ? selector.file === file
        : 'folder' in selector ? article(file) && !path.relative(selector.folder, file).startsWith('..')
          : !relative.startsWith('..') && minimatch(relative.split(path.sep).join('/'), selector.glob))
    if (chosen) selected.push(relative || file)
  }
  return selected
}

/** Whether a message touches a changed line. */
function touches(message: VFile['messages'][number], ranges: LineRanges): boolean {
  if (ranges === 'all' || !message.line || message.ruleId === BAD_INPUT) return true
  const place = message.place
  const last = place && 'end' in place && place.end.line ? place.end.line : message.line
  return ranges.some(([from, to]) => message.line! <= to && last >= from)
}

/** Keep only the messages on changed lines. */
export function keepChanged(files: readonly VFile[], changed: ChangedFiles, cwd: string): void {
  for (const file of files) {
    if (!file.path) continue
    const ranges = changed.files.get(real(path.resolve(cwd, file.path)))
    if (ranges === undefined) continue
    file.messages = file.messages.filter((message) => touches(message, ranges))
  }
}
