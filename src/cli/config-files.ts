/** The names of configuration and ignore files, and the config error behind a failure. */
import {ConfigError} from '../rule.js'

export const RC_NAME = '.attributionrc'
export const PACKAGE_FIELD = 'attribution-lint'
export const IGNORE_NAME = '.attributionignore'

/** The ConfigError behind a failure, if a config file is what failed. */
export function findConfigError(error: unknown): ConfigError | undefined {
  for (let cause = error, depth = 0; cause && depth < 8; cause = (cause as {cause?: unknown}).cause, depth++) {
    if (cause instanceof ConfigError) return cause
  }
  return undefined
}
