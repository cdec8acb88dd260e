/**
 * The CLI: a thin front on unified-engine, as remark-cli is on unified-args. unified-engine
 * finds the files (folders, globs, extensions, `.attributionignore`), finds each file's
 * configuration (src/cli/config.ts) and runs the processor; this module reads stdin itself,
 * turns the engine's failures into clear messages, applies fixes, prints the report and
 * decides the exit code:
 *
 *   0  clean
 *   1  findings: an error-severity message, or a warning with --frail
 *   2  usage error, configuration error, bad input (a file that cannot be linted), or an
 *      internal error
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {PassThrough, type Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {applyFixes, MAX_FIX_PASSES} from '../fix.js'
import {BAD_INPUT, BAD_INPUT_URL, setRawBytes, unreadableReason} from '../input.js'
import {loadReporter, type Message} from '../report/index.js'
import {SOURCE} from '../rule.js'
import {type CliOptions, helpText, parseCli, USAGE, UsageError} from './args.js'
import type {ChangedFiles} from './changed.js'
import {configOrIgnoreAbove, findConfigError} from './config-files.js'
import {delegatedConfig, delegatingProcessor, lintFile, LintPool} from './jobs.js'

export const INTERNAL_ERROR = 'internal-error'
export const IGNORED_FILE = 'ignored-file'

export interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: Writable
  stderr: Writable
  cwd: string
  env: NodeJS.ProcessEnv
}

export function version(): string {
  const file = fileURLToPath(new URL('../../../package.json', import.meta.url))
  return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version
}

export function isDebug(env: NodeJS.ProcessEnv): boolean {
  return (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === '*' || name === 'attribution-lint' || name === 'attribution-lint:*')
}

function write(stream: Writable, text: string): Promise<void> {
  if (!text) return Promise.resolve()
  return new Promise((resolve) => {
    stream.write(text, () => resolve())
  })
}

function isGlob(value: string): boolean {
  return /[*?[\]{}]|^!|[@!+]\(/.test(value)
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/** Data the CLI keeps on a file. */
interface CliData {
  stdin?: boolean
}
function cliData(file: VFile): CliData {
  const data = file.data as Record<string, unknown>
  return ((data.attributionLintCli as CliData | undefined) ?? (data.attributionLintCli = {})) as CliData
}

function setReason(message: Message, reason: string): void {
  message.reason = reason
  message.message = reason
  // vfile-reporter prints a message's stack instead of its reason: the stack is for DEBUG (kept on `cause`).
  message.stack = ''
}

/** An fs error (with a code such as EACCES) in an error's chain of causes. */
function fsError(error: unknown): {code: string; message: string} | undefined {
  for (let cause = error, depth = 0; cause && depth < 8; cause = (cause as {cause?: unknown}).cause, depth++) {
    const code = (cause as {code?: unknown}).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && 'syscall' in (cause as object)) return {code, message: (cause as Error).message}
  }
  return undefined
}

function describe(error: unknown): string {
  const parts: string[] = []
  for (let cause = error; cause && parts.length < 5; cause = (cause as {cause?: unknown}).cause) {
    const text = cause instanceof Error ? cause.message : String(cause)
    if (!parts.includes(text)) parts.push(text)
  }
  return parts.join(': ')
}

function isVFileMessage(value: unknown): boolean {
  return value instanceof Error && 'reason' in value && 'ruleId' in value
}

/**
 * Turn what unified-engine and crashing rules leave on a file into our messages: unreadable
 * files become `bad-input`, a given but ignored file an `ignored-file` warning, anything else
 * unexpected an `internal-error` (its stack only with DEBUG=attribution-lint). Returns the
 * configuration errors met, which stop the run.
 */
export function classify(file: VFile, debug: boolean): string[] {
  const configErrors: string[] = []
  file.messages = file.messages.filter((message) => {
    if (message.ruleId === BAD_INPUT && message.source === SOURCE) return true
    const configError = findConfigError(message.cause)
    if (configError) {
      configErrors.push(configError.message)
      return false
    }
    if (message.reason.startsWith('Cannot process specified file: it’s ignored')) {
      setReason(message, 'This file is ignored (by .attributionignore or --ignore-pattern), so it was not linted; use --silently-ignore to say nothing')
      Object.assign(message, {fatal: false, ruleId: IGNORED_FILE, source: SOURCE})
      return true
    }
    const unreadable = message.reason === 'No such file or folder' || message.reason === 'Cannot find file' ? {code: 'ENOENT', message: ''} : message.fatal === true && !message.ruleId ? fsError(message.cause) : undefined
    if (unreadable) {
      setReason(message, unreadableReason(unreadable))
      Object.assign(message, {fatal: true, ruleId: BAD_INPUT, source: SOURCE, url: BAD_INPUT_URL, cause: undefined})
      return true
    }
    const crashed = (message.fatal === true && !message.ruleId) || (message.cause instanceof Error && !isVFileMessage(message.cause) && !message.place)
    if (crashed) {
      const where = message.ruleId ? ` in rule \`${message.ruleId}\`` : ''
      const cause = message.cause ?? message
      const detail = message.reason === 'Cannot process file' ? describe(message.cause) : message.reason
      setReason(message, `Internal error${where}: ${detail}${debug ? '' : ' (run with DEBUG=attribution-lint for the stack)'}`)
      Object.assign(message, {fatal: true, ruleId: INTERNAL_ERROR, source: SOURCE, url: null, cause: debug ? cause : undefined})
    }
    return true
  })
  return configErrors
}

/** 2 if a file could not be linted, else 1 for findings (warnings too with --frail), else 0. */
export function exitCode(files: readonly VFile[], frail: boolean): number {
  let code = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.ruleId === BAD_INPUT || message.ruleId === INTERNAL_ERROR || (message.fatal === true && !message.ruleId)) return 2
      if (message.fatal === true || (frail && message.fatal === false)) code = 1
    }
  }
  return code
}

function cannotLint(file: VFile): boolean {
  return file.messages.some((message) => message.ruleId === BAD_INPUT || message.ruleId === INTERNAL_ERROR || message.ruleId === IGNORED_FILE)
}

interface RunSettings {
  options: CliOptions
  io: Io
  debug: boolean
  /** With --changed-since: the changed files and lines (src/cli/changed.ts). */
  changed?: ChangedFiles
}

/**
 * The one file of a run that needs nothing of unified-engine, made as the engine makes it:
 * one article, named or piped, with the default flags and no configuration or ignore file
 * above it (src/cli/config-files.ts). Else undefined, and the engine runs. Loading the engine
 * and its dependencies is about a third of the start-up of a one-article run.
 */
async function directFile(inputs: Array<string | VFile>, {options, io}: RunSettings): Promise<VFile | undefined> {
  const defaults = options.config && options.ignore && options.rcPath === undefined && options.ignorePath === undefined && !options.ignorePatterns.length
  if (inputs.length !== 1 || !defaults || options.fix || options.watch) return undefined
  const [input] = inputs
  const given = typeof input === 'string' ? (isGlob(input) ? undefined : path.resolve(io.cwd, input)) : input.messages.length ? undefined : input.path
  if (!given || configOrIgnoreAbove(path.dirname(given))) return undefined
  const relative = path.relative(io.cwd, given) || '.'
  let file: VFile
  if (typeof input === 'string') {
    try {
      if (!statSync(given).isFile()) return undefined
      file = new VFile({path: relative, value: await readFile(given, 'utf8')})
    } catch {
      return undefined
    }
  } else {
    file = input
    file.path = relative
    file.history = [relative]
  }
  file.cwd = io.cwd
  file.data.unifiedEngineGiven = true
  return file
}

/** Lint the file `directFile` gave; what it throws ends on it as unified-engine puts it there. */
async function lintDirect(file: VFile, {options}: RunSettings, pool: LintPool): Promise<VFile[]> {
  try {
    await lintFile(pool, file, options.locale ? {locale: options.locale} : {}, 1)
  } catch (error) {
    const index = file.messages.indexOf(error as never)
    if (index === -1) file.message('Cannot process file', {cause: error as Error}).fatal = true
    else file.messages[index].fatal = true
  }
  pool.attach([file])
  return [file]
}

/** Run unified-engine over files (paths, globs, or VFiles that carry their text). */
async function runEngine(inputs: Array<string | VFile>, settings: RunSettings, silentlyIgnore = settings.options.silentlyIgnore): Promise<VFile[]> {
  const {options, io} = settings
  // Files are linted by a pool (src/cli/jobs.ts): on worker threads with --jobs, never holding a syntax tree.
  const pool = new LintPool(options.jobs, {keepText: options.fix})
  try {
    const direct = await directFile(inputs, settings)
    if (direct) return await lintDirect(direct, settings, pool)
    const [{engine}, {engineConfig}] = await Promise.all([import('unified-engine'), import('./config.js')])
    return await runEngineWith(engine, engineConfig, inputs, settings, pool, silentlyIgnore)
  } finally {
    await pool.close()
  }
}

function runEngineWith(
  engine: typeof import('unified-engine').engine,
  engineConfig: typeof import('./config.js').engineConfig,
  inputs: Array<string | VFile>,
  {options, io}: RunSettings,
  pool: LintPool,
  silentlyIgnore: boolean
): Promise<VFile[]> {
  const sink = new PassThrough()
  sink.resume()
  return new Promise<VFile[]>((resolve, reject) => {
    engine(
      {
        processor: delegatingProcessor(),
        cwd: io.cwd,
        files: inputs,
        extensions: options.extensions,
        ...delegatedConfig(engineConfig(io.cwd, options.locale ? {locale: options.locale} : {}), pool),
        detectConfig: options.config,
        rcPath: options.rcPath,
        detectIgnore: options.ignore,
        ignorePath: options.ignorePath,
        ignorePathResolveFrom: options.ignorePathResolveFrom,
        ignorePatterns: options.ignorePatterns,
        silentlyIgnore,
        out: false,
        output: false,
        streamIn: new PassThrough(),
        streamOut: sink,
        streamError: sink,
        // We print the report ourselves, after fixes, on the stream the format owns.
        reporter: () => '',
        color: false
      },
      (error, _code, context) => {
        pool.attach(context?.files ?? [])
        if (error) reject(error)
        else resolve((context?.files ?? []).filter((file) => file.data.unifiedEngineGiven && !file.data.unifiedEngineIgnored))
      }
    )
  })
}

/** A path given by name that is a folder named like an article: refuse it, do not walk into it. */
function namedFolder(arg: string, {options, io}: RunSettings): VFile | undefined {
  if (isGlob(arg) || /[\\/]$/.test(arg) || !options.extensions.includes(path.extname(arg).slice(1))) return undefined
  try {
    if (!statSync(path.resolve(io.cwd, arg)).isDirectory()) return undefined
  } catch {
    return undefined
  }
  const file = new VFile({path: path.resolve(io.cwd, arg), value: ''})
  const message = file.message(unreadableReason({code: 'EISDIR'}), {ruleId: BAD_INPUT, source: SOURCE})
  message.fatal = true
  message.url = BAD_INPUT_URL
  return file
}

function stdinFile(bytes: Buffer, {options, io}: RunSettings): VFile {
  const file = new VFile({path: path.resolve(io.cwd, options.stdinFilename ?? '<stdin>'), value: bytes.toString('utf8')})
  setRawBytes(file, bytes)
  cliData(file).stdin = true
  return file
}

function label(file: VFile): string {
  return file.path ?? '<stdin>'
}

interface FixOutcome {
  /** Text for stdout: diffs (--dry-run), or the fixed article read from stdin. */
  output: string
}

/**
 * Apply a file's fixes, lint the result in memory and apply again until nothing is left to
 * fix (removing one run can change how the lines around it read), so that a second --fix
 * finds nothing to do. `applied` holds the first pass's fixed messages.
 */
async function fixUntilStable(file: VFile, settings: RunSettings): Promise<{output: string; applied: unknown[]}> {
  const first = applyFixes(String(file.value), file.messages)
  let output = first.output
  for (let pass = 1; pass < MAX_FIX_PASSES && output !== String(file.value); pass++) {
    const again = new VFile({path: path.resolve(settings.io.cwd, label(file)), value: output})
    setRawBytes(again, Buffer.from(output, 'utf8'))
    cliData(again).stdin = cliData(file).stdin
    const [linted] = await runEngine([again], settings, true)
    if (!linted || classify(linted, settings.debug).length || cannotLint(linted)) break
    const next = applyFixes(output, linted.messages)
    if (next.output === output) break
    output = next.output
  }
  return {output, applied: first.applied}
}

/** --fix: apply fixes, write changed files (or diff them with --dry-run), and lint the fixed text. */
async function fixFiles(files: VFile[], settings: RunSettings): Promise<FixOutcome> {
  const {options, io} = settings
  let output = ''
  const pending: Array<{index: number; text: string}> = []
  for (const [index, file] of files.entries()) {
    if (cannotLint(file)) continue
    const source = String(file.value)
    const {output: text, applied} = await fixUntilStable(file, settings)
    const stdin = cliData(file).stdin === true
    if (text === source) {
      if (stdin && !options.dryRun) output += source
      continue
    }
    if (options.dryRun) {
      const {createTwoFilesPatch} = await import('diff')
      output += createTwoFilesPatch('a/' + label(file), 'b/' + label(file), source, text)
      file.messages = file.messages.filter((message) => !applied.includes(message))
    } else {
      pending.push({index, text})
    }
  }
  if (!pending.length) return {output}
  const fixedInputs = pending.map(({index, text}) => {
    const original = files[index]
    const fixed = new VFile({path: path.resolve(io.cwd, label(original)), value: text})
    setRawBytes(fixed, Buffer.from(text, 'utf8'))
    cliData(fixed).stdin = cliData(original).stdin
    return fixed
  })
  const relinted = await runEngine(fixedInputs, settings, true)
  for (const [k, {index, text}] of pending.entries()) {
    const original = files[index]
    const fixed = relinted.find((file) => file.path === original.path) ?? relinted[k]
    const configErrors = fixed ? classify(fixed, settings.debug) : []
    // Never write text the linter would refuse (say, a fix that left the file empty).
    if (!fixed || configErrors.length || cannotLint(fixed)) continue
    if (cliData(original).stdin) output += text
    else writeFileSync(path.resolve(io.cwd, original.path), text)
    files[index] = fixed
  }
  return {output}
}

/** Lint once: engine, classification, fixes, report. Resolves to the exit code. */
export async function runOnce(inputs: Array<string | VFile>, settings: RunSettings, silentlyIgnore?: boolean): Promise<number> {
  const {options, io} = settings
  let files: VFile[]
  try {
    // --changed-since with nothing changed: no engine run, an empty report (CI still gets its JSON or SARIF).
    files = settings.changed && !inputs.length ? [] : await runEngine(inputs, settings, silentlyIgnore)
  } catch (error) {
    const configError = findConfigError(error)
    await write(io.stderr, `attribution-lint: ${configError ? configError.message : describe(error)}\n`)
    return 2
  }
  const configErrors = [...new Set(files.flatMap((file) => classify(file, settings.debug)))].sort()
  if (configErrors.length) {
    await write(io.stderr, configErrors.map((message) => `attribution-lint: ${message}\n`).join(''))
    return 2
  }
  if (settings.changed) {
    const {keepChanged} = await import('./changed.js')
    keepChanged(files, settings.changed, io.cwd)
    if (!files.length) await write(io.stderr, `attribution-lint: no changed articles since ${options.changedSince} (merge base ${settings.changed.base.slice(0, 12)})\n`)
  } else if (!files.length && !silentlyIgnore) await write(io.stderr, 'attribution-lint: no files to lint (nothing matched, or everything is ignored)\n')
  const fixed = options.fix ? await fixFiles(files, settings) : {output: ''}
  const reporter = (await loadReporter(options.report))!
  const stdinFix = options.fix && files.some((file) => cliData(file).stdin)
  // With --fix on stdin or --dry-run, stdout holds the article or the diff; the report goes to stderr.
  const stream = reporter.stream === 'stdout' && (options.dryRun || stdinFix) ? io.stderr : io[reporter.stream]
  const color = options.color ?? (stream === io.stderr && Boolean((io.stderr as {isTTY?: boolean}).isTTY) && !('NO_COLOR' in io.env))
  await write(io.stdout, fixed.output)
  await write(stream, reporter.format(files, {color, quiet: options.quiet, silent: options.silent, verbose: options.verbose, cwd: io.cwd}))
  if (options.summary) await write(io.stderr, (await import('../report/summary.js')).summaryText(files, options))
  return exitCode(files, options.frail)
}

async function usage(io: Io, message: string): Promise<number> {
  await write(io.stderr, `attribution-lint: ${message}\n${USAGE}\nRun \`attribution-lint --help\` for the options.\n`)
  return 2
}

/** The CLI: parse argv, lint, report. Resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions
  try {
    options = parseCli(argv)
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    throw error
  }
  if (options.help) {
    await write(io.stdout, helpText(version()))
    return 0
  }
  if (options.version) {
    await write(io.stdout, version() + '\n')
    return 0
  }
  if (options.explain !== undefined) {
    const {explain} = await import('./explain.js')
    const explained = explain(options.explain)
    await write(io.stdout, explained.stdout)
    await write(io.stderr, explained.stderr)
    return explained.code
  }
  for (const [flag, given] of [['--rc-path', options.rcPath], ['--ignore-path', options.ignorePath]] as const) {
    if (given === undefined) continue
    const resolved = path.resolve(io.cwd, given)
    if (!existsSync(resolved)) return usage(io, `${flag} ${given}: no such file`)
    if (statSync(resolved).isDirectory()) return usage(io, `${flag} ${given}: is a folder, not a file`)
  }
  const settings: RunSettings = {options, io, debug: isDebug(io.env)}
  let inputs: Array<string | VFile>
  if (options.changedSince !== undefined) {
    // Only the changed files, read from disk (never stdin); with no path, those under the working folder.
    if (options.stdinFilename !== undefined) return usage(io, '--changed-since lints the files git says changed, not stdin')
    const {changedSince, ChangedError, selectChanged} = await import('./changed.js')
    try {
      settings.changed = changedSince(options.changedSince, io.cwd)
    } catch (error) {
      if (!(error instanceof ChangedError)) throw error
      await write(io.stderr, `attribution-lint: ${error.message}\n`)
      return 2
    }
    return runOnce(selectChanged(settings.changed, options.files, io.cwd, options.extensions), settings, true)
  }
  if (options.files.length) {
    if (options.stdinFilename !== undefined) return usage(io, '--stdin-filename names the article read from stdin, but files were given')
    inputs = options.files.map((arg) => namedFolder(arg, settings) ?? arg)
  } else {
    if (options.watch) return usage(io, '--watch needs files, folders or globs to watch, not stdin')
    if (io.stdin.isTTY) return usage(io, 'no input: give files, folders or globs, or pipe an article to stdin')
    inputs = [stdinFile(await readAll(io.stdin), settings)]
  }
  const code = await runOnce(inputs, settings)
  if (!options.watch) return code
  const {watch} = await import('./watch.js')
  return watch(options.files, settings, (changed) => runOnce(changed, settings, true))
}
