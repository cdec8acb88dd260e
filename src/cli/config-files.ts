/**
 * The names of configuration and ignore files, and whether a file has any of them above it:
 * what the CLI needs to know before deciding to load unified-engine at all (src/cli/direct.ts).
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {ConfigError} from '../rule.js'

export const RC_NAME = '.attributionrc'
export const PACKAGE_FIELD = 'attribution-lint'
export const IGNORE_NAME = '.attributionignore'

/** The names unified-engine looks for in each folder: the rc file with each extension it loads, and ignore files. */
const NAMES = [RC_NAME, ...['.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((extension) => RC_NAME + extension), IGNORE_NAME]

/**
 * Whether a configuration or ignore file could apply to a file in `folder`: one of the names
 * above in it or a folder above it, or a `package.json` with our field, or one we cannot read
 * as JSON (the engine would report it). Errs on the side of yes.
 */
export function configOrIgnoreAbove(folder: string): boolean {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (NAMES.some((name) => existsSync(path.join(current, name)))) return true
    const manifest = path.join(current, 'package.json')
    if (existsSync(manifest)) {
      try {
        const data = JSON.parse(readFileSync(manifest, 'utf8')) as unknown
        if (!data || typeof data !== 'object' || PACKAGE_FIELD in data) return true
      } catch {
        return true
      }
    }
    if (path.dirname(current) === current) return false
  }
}

/** The ConfigError behind an engine failure, if a config file is what failed. */
export function findConfigError(error: unknown): ConfigError | undefined {
  for (let cause = error, depth = 0; cause && depth < 8; cause = (cause as {cause?: unknown}).cause, depth++) {
    if (cause instanceof ConfigError) return cause
  }
  return undefined
}
