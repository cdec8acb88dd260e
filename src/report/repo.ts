/**
 * Paths as a repository knows them: relative to the root of the git work tree that holds the
 * working folder (`git rev-parse --show-toplevel`), else to the working folder itself, with
 * forward slashes. GitHub annotations and SARIF results need these to land on the right file.
 */
import {execFileSync} from 'node:child_process'
import {realpathSync} from 'node:fs'
import path from 'node:path'

const roots = new Map<string, string>()

/** The root of the git work tree that holds `cwd`, or `cwd` when it is in none (or git is missing). */
export function repositoryRoot(cwd: string): string {
  let root = roots.get(cwd)
  if (root === undefined) {
    try {
      root = execFileSync('git', ['rev-parse', '--show-toplevel'], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim() || cwd
    } catch {
      root = cwd
    }
    roots.set(cwd, root)
  }
  return root
}

/** A file's path relative to the repository root, with `/`; undefined for stdin or a file outside it. */
export function repositoryPath(filePath: string | undefined, cwd: string): string | undefined {
  if (!filePath || filePath === '<stdin>') return undefined
  const root = repositoryRoot(cwd)
  // git prints the real path; resolve symlinks in cwd (say /tmp on macOS) the same way.
  const relative = path.relative(realpath(root), realpath(path.resolve(cwd, filePath)))
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.resolve(cwd, filePath).split(path.sep).join('/')
  return relative.split(path.sep).join('/')
}

/** The real path of a file, or of its folder when the file does not exist (a --stdin-filename). */
function realpath(file: string): string {
  try {
    return realpathSync.native(file)
  } catch {
    try {
      return path.join(realpathSync.native(path.dirname(file)), path.basename(file))
    } catch {
      return file
    }
  }
}
