/**
 * How configuration files reach the preset, through unified-engine.
 *
 * unified-engine looks, from each linted file's folder upwards, for `.attributionrc`,
 * `.attributionrc.{json,cjs,mjs,js,yaml,yml}` and the `attribution-lint` field of
 * `package.json` (`rcName`, `packageField`), or loads the one file `--rc-path` names. Our
 * config format is not unified's (`{plugins, settings}`), so `configTransform` validates the
 * object (src/config.ts) and turns it into one plugin entry: `[attributionLint, config]`.
 * With no config file, `defaultConfig` is the same entry with no options, so the preset runs
 * with its defaults. No other plugin is ever given, so the preset appears exactly once
 * per file and unified-engine never has to merge two sets of its options.
 *
 * Two things unified-engine does not do are added by wrapping `Configuration#create`, the
 * one place that sees a config file's bytes and path:
 * - `.attributionrc` (or an `--rc-path` file) without extension may be JSON or YAML
 *   (unified-engine reads it as JSON);
 * - every problem (invalid JSON or YAML, a JS file that fails to load, an unknown key, rule id
 *   or option) becomes one ConfigError whose message starts with the config file's path, so
 *   the CLI can print it once and exit 2.
 */
import path from 'node:path'
import type {Plugin} from 'unified'
import {Configuration, type Options as EngineOptions, type Preset} from 'unified-engine'
import {type Config, validateConfig} from '../config.js'
import attributionLint from '../preset.js'
import {ConfigError} from '../rule.js'
import {IGNORE_NAME, PACKAGE_FIELD, RC_NAME} from './config-files.js'

export {IGNORE_NAME, PACKAGE_FIELD, RC_NAME, findConfigError} from './config-files.js'

type Create = (this: Configuration, buf: Uint8Array | undefined, filePath: string | undefined) => Promise<unknown>

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

/** Messages of an error and its causes, joined: the reason without the stack. */
function describe(error: unknown): string {
  const parts: string[] = []
  for (let cause = error; cause && parts.length < 5; cause = (cause as {cause?: unknown}).cause) {
    parts.push(cause instanceof Error ? cause.message : String(cause))
  }
  return parts.join(': ')
}

let installed = false

/** Wrap `Configuration#create` (see the module comment); once per process, only for our engine. */
export function installConfigLoader(): void {
  if (installed) return
  installed = true
  const prototype = Configuration.prototype as unknown as {create: Create}
  const original = prototype.create
  prototype.create = async function (this: Configuration, buf, filePath) {
    if (!buf || !filePath || this.packageField !== PACKAGE_FIELD) return original.call(this, buf, filePath)
    const name = display(this.cwd, filePath)
    const base = path.basename(filePath)
    const extension = path.extname(filePath)
    try {
      const text = Buffer.from(buf).toString('utf8')
      if (base === 'package.json') {
        parseJson(text)
        return await original.call(this, buf, filePath)
      }
      let data: unknown
      if (base === RC_NAME || !extension) data = /^\s*[{[]/.test(text) || !text.trim() ? parseJson(text.trim() ? text : '{}') : await parseYaml(text)
      else if (extension === '.json') data = parseJson(text)
      else if (extension === '.yaml' || extension === '.yml') data = await parseYaml(text)
      else return await original.call(this, buf, filePath) // .js, .cjs, .mjs: imported by unified-engine
      return await original.call(this, Buffer.from(JSON.stringify(data ?? null)), filePath)
    } catch (error) {
      if (error instanceof ConfigError && error.message.startsWith(name)) throw error
      const problem = error instanceof ConfigError ? error.message : `cannot load it: ${describe((error as {cause?: unknown}).cause ?? error)}`
      throw new ConfigError(`${name}: ${problem}`)
    }
  }
}

/** The unified-engine preset for one configuration: the preset plugin with it as options. */
function presetOf(config: Config): Preset {
  return {plugins: [[attributionLint as Plugin<[Config?]>, config]]} as Preset
}

/**
 * unified-engine options that make config files reach the preset. `overrides` (command-line
 * flags such as `--locale`) win over every config file.
 */
export function engineConfig(cwd: string, overrides: Config = {}): Pick<EngineOptions, 'rcName' | 'packageField' | 'ignoreName' | 'configTransform' | 'defaultConfig'> {
  installConfigLoader()
  return {
    rcName: RC_NAME,
    packageField: PACKAGE_FIELD,
    ignoreName: IGNORE_NAME,
    configTransform(raw: unknown, filePath: string) {
      const name = display(cwd, filePath)
      const where = path.basename(filePath) === 'package.json' ? `${name} (field "${PACKAGE_FIELD}")` : name
      return presetOf({...validateConfig(raw, where), ...overrides})
    },
    defaultConfig: presetOf({...overrides})
  }
}
