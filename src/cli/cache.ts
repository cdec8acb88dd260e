/**
 * `--cache` and `--cache-location`, as ESLint has them: an article linted before, whose bytes,
 * applicable configuration, lexicons and message catalogs and linter are the same, is not
 * parsed again; its messages come from the cache, exactly as they were, and are reported as a
 * fresh lint's would be (same positions, same order, same exit code).
 *
 * file-entry-cache (the package ESLint uses) tells whether a file changed, by its size and a
 * checksum of its bytes, not its modification time, so that a fresh CI checkout of an
 * unchanged archive hits. Each entry keeps, beside that, the key of the configuration the
 * file was linted with and the lint's result (the data the lint workers hand back,
 * src/cli/lint-task.ts). The file as a whole says which linter made it: the version, the
 * Node.js version, and a digest of the linter's code and data files, so that an upgrade, a
 * rebuilt linter or an edited lexicon never serves a result it would not give now.
 *
 * A cache that cannot be read (corrupt, truncated, not a cache), made by another linter, or
 * cannot be written is ignored with one line on stderr: every article is linted, never a
 * crash and never a stale result.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {FileEntryCache} from 'file-entry-cache'
import {FlatCache} from 'flat-cache'
import type {LintResult} from './lint-task.js'

/** The cache file when no --cache-location is given, in the working folder (ESLint: .eslintcache). */
export const DEFAULT_CACHE_FILE = '.attributionlintcache'
const FORMAT = 'attribution-lint-cache'

const root = fileURLToPath(new URL('../../../', import.meta.url))

function digest(...parts: Array<string | Buffer>): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** The files under `folder` whose names end with `extension`, sorted (none if it is missing). */
function filesUnder(folder: string, extension: string): string[] {
  let entries
  try {
    entries = readdirSync(folder, {withFileTypes: true, recursive: true})
  } catch {
    return []
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

let identity: string | undefined
/**
 * What made a cache: the package's version, Node.js's (its ICU segments text), and a digest of
 * the compiled linter and of its lexicons and message catalogs (about 1 MB, a few milliseconds).
 */
export function linterIdentity(): string {
  if (identity) return identity
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version
  const files = [
    ...filesUnder(path.join(root, 'dist', 'src'), '.js'),
    ...filesUnder(path.join(root, 'dist', 'rules'), '.js'),
    ...filesUnder(path.join(root, 'src', 'lexicons'), '.json'),
    ...filesUnder(path.join(root, 'src', 'messages'), '.json')
  ]
  identity = digest(version, process.version, ...files.flatMap((file) => [path.relative(root, file), readFileSync(file)]))
  return identity
}

/**
 * The cache file: `location` (relative to `cwd`) if it names a file; in a folder (a location
 * ending with a slash, or an existing folder), a file named for the working folder, as ESLint
 * names it, so that projects sharing the folder do not share a cache.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  const resolved = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE)
  let folder = location !== undefined && /[\\/]$/.test(location)
  if (!folder) {
    try {
      folder = statSync(resolved).isDirectory()
    } catch {
      // Not there yet: a file.
    }
  }
  return folder ? path.join(resolved, `.cache_${digest(cwd).slice(0, 12)}`) : resolved
}

/** What an entry keeps beside file-entry-cache's size and checksum. */
interface Entry {
  config: string
  result: LintResult
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | undefined
  return (
    typeof entry === 'object' && entry !== null && typeof entry.config === 'string' &&
    typeof entry.result === 'object' && entry.result !== null && Array.isArray(entry.result.messages) &&
    entry.result.messages.every((message) => typeof message === 'object' && message !== null && typeof message.reason === 'string') &&
    typeof entry.result.data === 'object' && entry.result.data !== null && entry.result.thrown === undefined
  )
}

/** A file's place in the cache, from `lookup`: its cached result if it is still good. */
export interface CacheSlot {
  path: string
  hit?: LintResult
  meta: {data?: unknown}
}

/** Whether a lint's result may be kept: not a crash, not bad input (those are linted again, and say so again). */
function keepable(result: LintResult): boolean {
  return result.thrown === undefined && result.messages.every((message) => message.cause === undefined && !(message.fatal === true && !message.ruleId))
}

export class LintCache {
  /** The one line the run prints about the cache, if it could not be used. */
  problem?: string
  private readonly entries: FileEntryCache
  private readonly flat: FlatCache
  private hits = 0
  private misses = 0

  constructor(
    readonly file: string,
    cwd: string
  ) {
    const linter = linterIdentity()
    this.flat = new FlatCache({
      cacheDir: path.dirname(file),
      cacheId: path.basename(file),
      useClone: false,
      serialize: (items) => JSON.stringify({format: FORMAT, linter, entries: items}),
      deserialize: (text) => {
        const data = JSON.parse(text) as {format?: unknown; linter?: unknown; entries?: unknown}
        if (data?.format !== FORMAT || !Array.isArray(data.entries)) throw new Error('not an attribution-lint cache')
        if (data.linter !== linter) {
          this.fail('was made by another version of attribution-lint or of its lexicons')
          return []
        }
        return data.entries as unknown[]
      }
    })
    this.flat.on('error', (error: Error) => this.fail(`cannot be written (${error.message})`))
    try {
      this.flat.loadFile(file)
    } catch (error) {
      this.fail(`cannot be read (${(error as Error).message})`)
    }
    this.entries = new FileEntryCache({cwd, useCheckSum: true, useModifiedTime: false})
    this.entries.cache = this.flat
  }

  private fail(problem: string): void {
    // One line, however the error reads (JSON.parse's quotes the text it met).
    problem = problem.replace(/\s+/g, ' ').replace(/^(.{160}).+\)$/, '$1…)')
    this.problem ??= `the cache ${this.file} ${problem}; ${problem.startsWith('cannot be written') ? 'the next run lints every article again' : 'every article is linted again'}`
  }

  /** The file's slot; `hit` if the file, read now, is what was cached with this configuration. */
  lookup(filePath: string, config: string): CacheSlot | undefined {
    const descriptor = this.entries.getFileDescriptor(filePath)
    if (descriptor.err) return undefined
    const meta = descriptor.meta as CacheSlot['meta']
    const data = meta.data
    // A changed file's slot starts empty: what it held was for other bytes.
    delete meta.data
    if (descriptor.changed || !isEntry(data) || data.config !== config) {
      this.misses++
      return {path: filePath, meta}
    }
    meta.data = data
    this.hits++
    // Not a copy: the run makes new messages of these fields and changes only those (the test of a warm run checks the cache stays byte for byte the same).
    return {path: filePath, hit: data.result, meta}
  }

  /** Keep a fresh lint's result in the file's slot (a crash or bad input is not kept). */
  store(slot: CacheSlot, config: string, result: LintResult): void {
    if (keepable(result)) slot.meta.data = {config, result: structuredClone(result)} satisfies Entry
    else this.forget(slot)
  }

  /** Keep nothing of the file (it could not be linted). */
  forget(slot: CacheSlot): void {
    this.entries.removeEntry(slot.path)
  }

  /** Write the cache, without the files that are gone; not if every file was a hit and every entry was looked up. */
  save(): void {
    if (!this.misses && !this.problem && this.hits === this.flat.keys().length) return
    try {
      this.entries.reconcile()
    } catch (error) {
      this.fail(`cannot be written (${(error as Error).message})`)
    }
  }
}
