/**
 * Configuration files: which one applies to a file, read and validated.
 *
 * From each linted file's folder upwards, the first folder with `.attributionrc`,
 * `.attributionrc.{json,cjs,mjs,js,yaml,yml}` (looked for in that order) or a `package.json`
 * with an `attribution-lint` field gives the file's configuration; `--rc-path` names the one
 * file to use instead, `--no-config` looks for none. These are unified-engine's names, order
 * and rules (the CLI was a front on it), with two additions:
 * - `.attributionrc` (or an `--rc-path` file) without extension may be JSON or YAML;
 * - every problem (invalid JSON or YAML, a JS file that fails to load, an unknown key, rule id
 *   or option) is one ConfigError whose message starts with the config file's path, so the
 *   CLI can print it once and exit 2.
 *
 * Lookups are cached per folder: a run of many files in few folders reads each config once.
 * Command-line flags such as `--locale` (`overrides`) win over every config file.
 */
import path from 'node:path'
import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {type Config, validateConfig} from '../config.js'
import {ConfigError} from '../rule.js'
import {PACKAGE_FIELD, RC_NAME} from './config-files.js'
import {describeError} from './errors.js'

/** The path of a config file as the user knows it: relative to the working folder. */
function display(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath)
  return relative && !relative.startsWith('..') ? relative : filePath
}

/** Line and column of an offset, for JSON syntax errors. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const at = /position (\d+)/.exec(message)
    const where = at ? ` at ${position(text, Number(at[1]))}` : ''
    throw new ConfigError(`invalid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/s, '')}`)
  }
}

/** YAML is imported only when a config file is YAML: most runs have none. */
async function parseYaml(text: string): Promise<unknown> {
  try {
    const YAML = (await import('yaml')).default
    return YAML.parse(text)
  } catch (error) {
    throw new ConfigError(`invalid YAML: ${String((error as Error).message).split('\n')[0].replace(/:$/, '')}`)
  }
}

/** The names looked for in each folder, in order (unified-engine's `rcName` with its loaders' extensions, then `package.json`). */
const NAMES = [RC_NAME, ...['.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((extension) => RC_NAME + extension), 'package.json']

/** What applies to a file: its configuration, or a config file that is broken, or a failure to read one. */
export type ConfigOutcome = {config: Config} | {configError: ConfigError} | {error: Error}

export interface ConfigOptions {
  cwd: string
  /** Look for config files (`--no-config` turns it off). */
  detect: boolean
  rcPath?: string
  overrides?: Config
}

/** A JS config file's default export (undefined: the defaults). */
async function importDefault(file: string): Promise<unknown> {
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  if (!('default' in module)) throw new Error('Expected a plugin or preset exported as the default export')
  return module.default
}

/** Data as JSON holds it (what the engine got when it re-read our parse as JSON). */
function asJson(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data ?? null)) as unknown
}

export class ConfigFinder {
  private readonly byFolder = new Map<string, Promise<ConfigOutcome | undefined>>()
  private given: Promise<ConfigOutcome> | undefined
  private readonly defaults: ConfigOutcome

  constructor(private readonly options: ConfigOptions) {
    this.defaults = {config: {...options.overrides}}
  }

  /** The configuration of the file at `filePath` (relative to the working folder; undefined: stdin). */
  forFile(filePath: string | undefined): Promise<ConfigOutcome> {
    const {cwd, rcPath, detect} = this.options
    if (rcPath !== undefined) return (this.given ??= this.loadGiven(path.resolve(cwd, rcPath)))
    if (!detect) return Promise.resolve(this.defaults)
    const folder = path.dirname(path.resolve(cwd, filePath || 'stdin.js'))
    return this.lookUp(folder).then((found) => found ?? this.defaults)
  }

  private async loadGiven(file: string): Promise<ConfigOutcome> {
    let bytes: Buffer
    try {
      bytes = readFileSync(file)
    } catch (cause) {
      return {error: Object.assign(new Error('Cannot read given file `' + path.relative(this.options.cwd, file) + '`', {cause}), {code: 'ENOENT', syscall: (cause as NodeJS.ErrnoException).syscall})}
    }
    return (await this.load(bytes, file)) ?? this.defaults
  }

  private lookUp(folder: string): Promise<ConfigOutcome | undefined> {
    let found = this.byFolder.get(folder)
    if (!found) {
      found = this.search(folder)
      this.byFolder.set(folder, found)
    }
    return found
  }

  private async search(folder: string): Promise<ConfigOutcome | undefined> {
    for (const name of NAMES) {
      const file = path.join(folder, name)
      let bytes: Buffer
      try {
        bytes = readFileSync(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        return {error: new Error('Cannot read file `' + path.relative(this.options.cwd, file) + '`', {cause: error})}
      }
      const outcome = await this.load(bytes, file)
      if (outcome) return outcome
    }
    const parent = path.dirname(folder)
    return parent === folder ? undefined : this.lookUp(parent)
  }

  /** A config file's configuration; undefined for a `package.json` without our field (look further up). */
  private async load(bytes: Uint8Array, filePath: string): Promise<ConfigOutcome | undefined> {
    const {cwd, overrides} = this.options
    const name = display(cwd, filePath)
    const base = path.basename(filePath)
    const extension = path.extname(filePath)
    try {
      const text = Buffer.from(bytes).toString('utf8')
      let data: unknown
      if (base === 'package.json') {
        data = (parseJson(text) as Record<string, unknown>)[PACKAGE_FIELD]
        if (data === undefined) return undefined
      } else if (base === RC_NAME || !extension) data = asJson(/^\s*[{[]/.test(text) || !text.trim() ? parseJson(text.trim() ? text : '{}') : await parseYaml(text))
      else if (extension === '.yaml' || extension === '.yml') data = asJson(await parseYaml(text))
      else if (extension === '.js' || extension === '.cjs' || extension === '.mjs') {
        try {
          data = await importDefault(filePath)
        } catch (cause) {
          throw new Error('Cannot import `' + path.relative(cwd, filePath) + '`', {cause})
        }
        if (data === undefined) return this.defaults
      } else data = asJson(parseJson(text))
      const where = base === 'package.json' ? `${name} (field "${PACKAGE_FIELD}")` : name
      return {config: {...validateConfig(data, where), ...overrides}}
    } catch (error) {
      if (error instanceof ConfigError && error.message.startsWith(name)) return {configError: error}
      const problem = error instanceof ConfigError ? error.message : `cannot load it: ${describeError((error as {cause?: unknown}).cause ?? error)}`
      return {configError: new ConfigError(`${name}: ${problem}`)}
    }
  }
}
