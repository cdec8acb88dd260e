// What the measurement scripts (eval.mjs, inject-errors.mjs) share: the repository root, their options, and the
// shared data folder (dev sets, scorer, corpora): `--shared`, else $ATTRIBUTION_LINT_SHARED, else the first of
// ../shared and ../../shared (a git worktree sits one level deeper) that holds eval/score.mjs. When it is missing
// the script says so and exits 0, so a fresh clone without the data is not an error.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const args = process.argv.slice(2)

/** The value after `--name` on the command line, if given. */
export const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The shared data folder, or exit 0 with one line saying why `script` is skipped. */
export function sharedFolder(script) {
  const candidates = [option('--shared'), process.env.ATTRIBUTION_LINT_SHARED, path.join(root, '..', 'shared'), path.join(root, '..', '..', 'shared')]
  const shared = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'eval', 'score.mjs')))
  if (!shared) {
    console.log(`${script}: skipped, no shared data folder (eval/score.mjs) at --shared, $ATTRIBUTION_LINT_SHARED, ../shared or ../../shared.`)
    process.exit(0)
  }
  return shared
}
