/**
 * The CLI, which streams files: it finds the files (src/cli/find.ts: folders, globs,
 * extensions, `.attributionignore`, with unified-engine's semantics, as the CLI was a front on
 * it), resolves each one's configuration (src/cli/config.ts), then reads, lints (on worker
 * threads, src/cli/jobs.ts), fixes and prints them one after another in that order, a bounded
 * number at a time: each file's part of the report is printed as soon as it and every file
 * before it are done, and then the file is dropped, so memory does not grow with the number of
 * files. This module also reads stdin, turns failures into clear messages and decides the exit
 * code:
 *
 *   0  clean
 *   1  findings: an error-severity message, or a warning with --frail, or more warnings
 *      than --max-warnings allows
 *   2  usage error, configuration error, bad input (a file that cannot be linted), or an
 *      internal error
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {applyFixes, MAX_FIX_PASSES} from '../fix.js'
import {BAD_INPUT, BAD_INPUT_URL, setRawBytes, unreadableReason} from '../input.js'
import {loadReporter, type Message, openReport} from '../report/index.js'
import {SOURCE} from '../rule.js'
import {type CliOptions, helpText, parseCli, USAGE, UsageError} from './args.js'
import type {ChangedFiles} from './changed.js'
import {findConfigError} from './config-files.js'
import {ConfigFinder, type ConfigOutcome} from './config.js'
import {describeError} from './errors.js'
import {findFiles, type FoundFile, isGlob} from './find.js'
import type {LintCache} from './cache.js'
import {applyResult, lintFile, LintPool} from './jobs.js'

export const INTERNAL_ERROR = 'internal-error'
export const IGNORED_FILE = 'ignored-file'
/** The id of the message on a file not linted because its configuration is broken or unreadable. */
export const CONFIG_ERROR = 'config-error'
const CONFIG_ERROR_URL = 'https://github.com/attribution-lint/attribution-lint#configuration'

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

/**
 * Writes gathered into pieces of about 16 KB: a write per file would cost a system call per
 * file. Text for one stream keeps its order; a stream's text is written before another's starts.
 */
class Output {
  private stream: Writable | undefined
  private parts: string[] = []
  private length = 0

  async write(stream: Writable, text: string): Promise<void> {
    if (!text) return
    if (stream !== this.stream) await this.flush()
    this.stream = stream
    this.parts.push(text)
    this.length += text.length
    if (this.length >= 1 << 14) await this.flush()
  }

  async flush(): Promise<void> {
    if (!this.stream || !this.length) return
    const text = this.parts.join('')
    this.parts = []
    this.length = 0
    await write(this.stream, text)
  }
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

function isVFileMessage(value: unknown): boolean {
  return value instanceof Error && 'reason' in value && 'ruleId' in value
}

/**
 * Turn what reading and crashing rules leave on a file into our messages: unreadable
 * files become `bad-input`, a configuration error met while linting `config-error`, a given
 * but ignored file an `ignored-file` warning, anything else unexpected an `internal-error`
 * (its stack only with DEBUG=attribution-lint).
 */
export function classify(file: VFile, debug: boolean): void {
  file.messages = file.messages.filter((message) => {
    if ((message.ruleId === BAD_INPUT || message.ruleId === CONFIG_ERROR) && message.source === SOURCE) return true
    const configError = findConfigError(message.cause)
    if (configError) {
      setReason(message, notConfiguredReason(configError.message))
      Object.assign(message, {fatal: true, ruleId: CONFIG_ERROR, source: SOURCE, url: CONFIG_ERROR_URL, cause: undefined})
      return true
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
      const detail = message.reason === 'Cannot process file' ? describeError(message.cause) : message.reason
      setReason(message, `Internal error${where}: ${detail}${debug ? '' : ' (run with DEBUG=attribution-lint for the stack)'}`)
      Object.assign(message, {fatal: true, ruleId: INTERNAL_ERROR, source: SOURCE, url: null, cause: debug ? cause : undefined})
    }
    return true
  })
}

function notConfiguredReason(problem: string): string {
  return `Not linted: its configuration is broken (${problem}); fix that file and lint again`
}

/**
 * A file whose configuration is broken or cannot be read is not linted: it gets one fatal
 * `config-error` message, and the run goes on with the other files.
 */
function notConfigured(file: VFile, outcome: {configError: Error} | {error: Error}): void {
  const problem = configProblem(outcome)!
  const reason = 'configError' in outcome ? notConfiguredReason(problem) : `Not linted: its configuration cannot be read (${problem})`
  const message = file.message(reason, {ruleId: CONFIG_ERROR, source: SOURCE})
  message.fatal = true
  message.url = CONFIG_ERROR_URL
}

/** The problem of a configuration outcome, for the one line the run prints about it; undefined if it is usable. */
function configProblem(outcome: ConfigOutcome): string | undefined {
  if ('configError' in outcome) return outcome.configError.message
  if ('error' in outcome) return describeError(outcome.error)
  return undefined
}

/** 2 if a file could not be linted, else 1 for findings (warnings too with --frail), else 0. */
export function exitCode(files: readonly VFile[], frail: boolean): number {
  let code = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.ruleId === BAD_INPUT || message.ruleId === CONFIG_ERROR || message.ruleId === INTERNAL_ERROR || (message.fatal === true && !message.ruleId)) return 2
      if (message.fatal === true || (frail && message.fatal === false)) code = 1
    }
  }
  return code
}

/** The warnings of a file, as --max-warnings counts them (ESLint's: warning-severity findings, not errors or notes). */
export function countWarnings(file: VFile): number {
  let count = 0
  for (const message of file.messages) if (message.fatal === false) count++
  return count
}

function cannotLint(file: VFile): boolean {
  return file.messages.some((message) => message.ruleId === BAD_INPUT || message.ruleId === CONFIG_ERROR || message.ruleId === INTERNAL_ERROR || message.ruleId === IGNORED_FILE)
}

interface RunSettings {
  options: CliOptions
  io: Io
  debug: boolean
  /** With --changed-since: the changed files and lines (src/cli/changed.ts). */
  changed?: ChangedFiles
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

/** The most files a run holds at once: read ahead, being linted, or waiting for the files before them to be printed. */
function heldLimit(jobs: number): number {
  return Math.max(8, jobs * 4)
}

/** What a run saw, for tests: the most files it held at once, how many files it linted (not taken from the cache), how many workers it started. */
export const runStats = {maxHeld: 0, linted: 0, workers: 0}

function fail(file: VFile, error: unknown): void {
  const index = file.messages.indexOf(error as never)
  if (index === -1) file.message('Cannot process file', {cause: error as Error}).fatal = true
  else file.messages[index].fatal = true
}

function fatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/** The file for a found path, with what finding it said (ignored, missing), as unified-engine made it. */
function fileOf(found: FoundFile, cwd: string): VFile {
  const file = found.given ?? new VFile({path: found.path})
  file.cwd = cwd
  if (found.ignored) file.message('Cannot process specified file: it’s ignored').fatal = true
  const error = found.error
  if (error?.code === 'ENOENT') file.message(error.syscall === 'stat' ? 'No such file or folder' : 'Cannot find file', {cause: error}).fatal = true
  else if (error?.code === 'EREADDIR') file.message('Cannot read folder').fatal = true
  return file
}

/** A found file's bytes, for --shard: its text if given, else its size on disk (0 if it has none). */
function foundSize(found: FoundFile, cwd: string): number {
  if (found.given) return Buffer.byteLength(String(found.given.value ?? ''))
  try {
    return statSync(path.resolve(cwd, found.path)).size
  } catch {
    return 0
  }
}

interface Run {
  settings: RunSettings
  pool: LintPool
  configs: ConfigFinder
  /** How many files the run has (the pool starts workers only for enough of them). */
  count: number
  /** With --cache. */
  cache?: LintCache
}

/** Lint a file whose configuration is known: its text read from disk unless given. Failures end on the file as messages. */
async function lintWithConfig(file: VFile, outcome: ConfigOutcome, run: Run, cached = true): Promise<void> {
  if ('error' in outcome || 'configError' in outcome) return notConfigured(file, outcome)
  const fromDisk = file.value === undefined || file.value === null
  // With --cache, a file read from disk whose bytes and configuration are as cached is not linted again.
  const configKey = run.cache && fromDisk && cached ? JSON.stringify(outcome.config ?? null) : undefined
  const slot = configKey === undefined ? undefined : run.cache!.lookup(file.path, configKey)
  if (fromDisk) {
    try {
      // Read synchronously: an article takes microseconds, and fs/promises' readFile costs several times the CPU.
      // A cached file is read only for --fix, which needs its text.
      if (!slot?.hit || run.pool.settings.keepText) file.value = readFileSync(path.resolve(run.settings.io.cwd, file.path), 'utf8')
    } catch (error) {
      file.value = ''
      return fail(file, error)
    }
  }
  try {
    if (slot?.hit) return applyResult(file, slot.hit)
    runStats.linted++
    const result = await lintFile(run.pool, file, outcome.config, run.count)
    if (slot) run.cache!.store(slot, configKey!, result)
  } catch (error) {
    if (slot) run.cache!.forget(slot)
    fail(file, error)
  }
}

/** Read, configure and lint one found file; classified (src/cli/run.ts `classify`). */
async function lintFound(found: FoundFile, run: Run): Promise<{file: VFile; config?: ConfigOutcome}> {
  const file = fileOf(found, run.settings.io.cwd)
  let config: ConfigOutcome | undefined
  if (!fatal(file)) {
    config = await run.configs.forFile(file.path)
    await lintWithConfig(file, config, run)
  }
  classify(file, run.settings.debug)
  return {file, config}
}

/**
 * Lint `files` in order, a bounded number at a time, and hand each to `each` as soon as it and
 * every file before it are done; the run then lets go of it.
 */
async function lintInOrder(files: readonly FoundFile[], run: Run, each: (file: VFile, config: ConfigOutcome | undefined) => Promise<void>): Promise<void> {
  const limit = heldLimit(run.settings.options.jobs)
  const inFlight: Array<Promise<{file: VFile; config?: ConfigOutcome}>> = []
  let next = 0
  const fill = () => {
    while (inFlight.length < limit && next < files.length) {
      const done = lintFound(files[next++], run)
      // Awaited in order below; a failure here must not go unhandled meanwhile.
      done.catch(() => {})
      inFlight.push(done)
    }
    runStats.maxHeld = Math.max(runStats.maxHeld, inFlight.length)
  }
  fill()
  while (inFlight.length) {
    const {file, config} = await inFlight.shift()!
    // This file is still held while it is printed; one fewer may be read ahead meanwhile.
    fill()
    runStats.maxHeld = Math.max(runStats.maxHeld, inFlight.length + 1)
    await each(file, config)
  }
}

function label(file: VFile): string {
  return file.path ?? '<stdin>'
}

/**
 * Apply a file's fixes, lint the result in memory and apply again until nothing is left to
 * fix (removing one run can change how the lines around it read), so that a second --fix
 * finds nothing to do. `applied` holds the first pass's fixed messages.
 */
async function fixUntilStable(file: VFile, config: ConfigOutcome, run: Run): Promise<{output: string; applied: unknown[]}> {
  const first = applyFixes(String(file.value), file.messages)
  let output = first.output
  for (let pass = 1; pass < MAX_FIX_PASSES && output !== String(file.value); pass++) {
    const linted = await lintText(file, output, config, run)
    if (cannotLint(linted)) break
    const next = applyFixes(output, linted.messages)
    if (next.output === output) break
    output = next.output
  }
  return {output, applied: first.applied}
}

/** Lint `text` as the content of `file` (same path, same configuration). */
async function lintText(file: VFile, text: string, config: ConfigOutcome, run: Run): Promise<VFile> {
  const again = new VFile({path: label(file), value: text})
  again.cwd = run.settings.io.cwd
  setRawBytes(again, Buffer.from(text, 'utf8'))
  cliData(again).stdin = cliData(file).stdin
  await lintWithConfig(again, config, run, false)
  classify(again, run.settings.debug)
  return again
}

/**
 * --fix on one file: apply its fixes, write it (or diff it with --dry-run), and lint the fixed
 * text, which is what the report shows. Returns the file to report and the text for stdout.
 */
async function fixFile(file: VFile, config: ConfigOutcome | undefined, run: Run): Promise<{file: VFile; output: string}> {
  const {options, io} = run.settings
  if (!config || cannotLint(file)) return {file, output: ''}
  const source = String(file.value)
  const {output: text, applied} = await fixUntilStable(file, config, run)
  const stdin = cliData(file).stdin === true
  if (text === source) return {file, output: stdin && !options.dryRun ? source : ''}
  if (options.dryRun) {
    const {createTwoFilesPatch} = await import('diff')
    file.messages = file.messages.filter((message) => !applied.includes(message))
    return {file, output: createTwoFilesPatch('a/' + label(file), 'b/' + label(file), source, text)}
  }
  const fixed = await lintText(file, text, config, run)
  // Never write text the linter would refuse (say, a fix that left the file empty).
  if (cannotLint(fixed)) return {file, output: ''}
  if (stdin) return {file: fixed, output: text}
  writeFileSync(path.resolve(io.cwd, file.path), text)
  return {file: fixed, output: ''}
}

/** How many of the files the cache will not answer for (each is read and checksummed now, once). */
async function countMisses(files: readonly FoundFile[], run: Run): Promise<number> {
  let misses = 0
  for (const found of files) {
    if (found.given || found.ignored || found.error) continue
    const outcome = await run.configs.forFile(found.path)
    if ('error' in outcome || 'configError' in outcome) continue
    if (!run.cache!.willHit(found.path, JSON.stringify(outcome.config ?? null))) misses++
  }
  return misses
}

/** The run's cache (--cache), loaded only when asked for. */
async function openCache({options, io}: RunSettings): Promise<LintCache> {
  const {cacheFilePath, LintCache} = await import('./cache.js')
  return new LintCache(cacheFilePath(options.cacheLocation, io.cwd), io.cwd)
}

/** Lint once: find, configure, lint, fix and report file by file. Resolves to the exit code. */
export async function runOnce(inputs: Array<string | VFile>, settings: RunSettings, silentlyIgnore = settings.options.silentlyIgnore): Promise<number> {
  const {options, io} = settings
  let files: FoundFile[]
  const configs = new ConfigFinder({cwd: io.cwd, detect: options.config, rcPath: options.rcPath, overrides: options.locale ? {locale: options.locale} : {}})
  const configProblems = new Set<string>()
  try {
    // --changed-since with nothing changed: nothing to find, an empty report (CI still gets its JSON or SARIF).
    files = settings.changed && !inputs.length ? [] : await findFiles(inputs, {
      cwd: io.cwd,
      extensions: options.extensions,
      detectIgnore: options.ignore,
      ignorePath: options.ignorePath,
      ignorePathResolveFrom: options.ignorePathResolveFrom,
      ignorePatterns: options.ignorePatterns,
      silentlyIgnore
    })
    if (options.shard) {
      const {selectShard} = await import('./shard.js')
      files = selectShard(files, files.map((found) => foundSize(found, io.cwd)), options.shard)
    }
    // Every file's configuration before any file is linted, so that each broken config is
    // named once, before the report. The files it applies to are not linted (each gets a
    // `config-error` message), the others are, and the run ends with 2. One lookup per
    // folder, cached for the run.
    for (const found of files) {
      if (found.ignored || found.error?.code === 'ENOENT' || found.error?.code === 'EREADDIR' || (found.given && fatal(found.given))) continue
      const problem = configProblem(await configs.forFile(found.path))
      if (problem) configProblems.add(problem)
    }
  } catch (error) {
    const configError = findConfigError(error)
    await write(io.stderr, `attribution-lint: ${configError ? configError.message : describeError(error)}\n`)
    return 2
  }
  if (configProblems.size) {
    await write(io.stderr, [...configProblems].sort().map((problem) => `attribution-lint: ${problem} (the articles it applies to are not linted)\n`).join(''))
  }
  if (settings.changed) {
    if (!files.length) await write(io.stderr, `attribution-lint: no changed articles since ${options.changedSince} (merge base ${settings.changed.base.slice(0, 12)})\n`)
  } else if (!files.length && options.shard) {
    await write(io.stderr, `attribution-lint: shard ${options.shard.index}/${options.shard.count} has no files (the others have them all)\n`)
  } else if (!files.length && !silentlyIgnore) await write(io.stderr, 'attribution-lint: no files to lint (nothing matched, or everything is ignored)\n')
  const reporter = (await loadReporter(options.report))!
  const stdinFix = options.fix && files.some((found) => found.given && cliData(found.given).stdin)
  // With --fix on stdin or --dry-run, stdout holds the article or the diff; the report goes to stderr.
  const stream = reporter.stream === 'stdout' && (options.dryRun || stdinFix) ? io.stderr : io[reporter.stream]
  const color = options.color ?? (stream === io.stderr && Boolean((io.stderr as {isTTY?: boolean}).isTTY) && !('NO_COLOR' in io.env))
  const writer = openReport(reporter, {color, quiet: options.quiet, silent: options.silent, verbose: options.verbose, cwd: io.cwd})
  const summary = options.summary ? new (await import('../report/summary.js')).SummaryCounts(options) : undefined
  const keepChanged = settings.changed ? (await import('./changed.js')).keepChanged : undefined
  await writer.ready
  // Files are linted by a pool (src/cli/jobs.ts): on worker threads with --jobs, never holding a syntax tree.
  const pool = new LintPool(options.jobs, {keepText: options.fix})
  const run: Run = {settings, pool, configs, count: files.length, cache: options.cache ? await openCache(settings) : undefined}
  // A cache that cannot be used is said before the report; one that cannot be written, after it.
  const cacheProblem = run.cache?.problem
  // With --cache, the pool is sized by the files that will be linted, not by all: a rerun after
  // editing a few articles lints them in this thread rather than starting workers for them.
  if (run.cache) run.count = await countMisses(files, run)
  if (cacheProblem) await write(io.stderr, `attribution-lint: ${cacheProblem}\n`)
  const out = new Output()
  let code = 0
  let warnings = 0
  try {
    await lintInOrder(files, run, async (linted, config) => {
      let file = linted
      if (keepChanged) keepChanged([file], settings.changed!, io.cwd)
      if (options.fix) {
        const fixed = await fixFile(file, config, run)
        file = fixed.file
        await out.write(io.stdout, fixed.output)
      }
      await out.write(stream, writer.file(file))
      summary?.add(file)
      warnings += countWarnings(file)
      code = Math.max(code, exitCode([file], options.frail))
    })
  } finally {
    await pool.close()
    runStats.workers += pool.started
  }
  run.cache?.save()
  await writer.end((text) => out.write(stream, text))
  await out.flush()
  if (run.cache?.problem && !cacheProblem) await write(io.stderr, `attribution-lint: ${run.cache.problem}\n`)
  if (summary) await write(io.stderr, summary.text())
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    // As ESLint says it: the report is complete, the gate is what fails.
    await write(io.stderr, `attribution-lint: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings} allows\n`)
    code = Math.max(code, 1)
  }
  return code
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
    if (options.shard) return usage(io, '--shard splits the files, folders or globs given, not an article on stdin')
    if (io.stdin.isTTY) return usage(io, 'no input: give files, folders or globs, or pipe an article to stdin')
    inputs = [stdinFile(await readAll(io.stdin), settings)]
  }
  const code = await runOnce(inputs, settings)
  if (!options.watch) return code
  const {watch} = await import('./watch.js')
  return watch(options.files, settings, (changed) => runOnce(changed, settings, true))
}
