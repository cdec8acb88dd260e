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
const FORMAT = 'attribution-lint-cache-2'
/** The format names of earlier versions: a cache of theirs was made by another linter, not something else. */
const EARLIER_FORMATS = new Set(['attribution-lint-cache'])

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

/**
 * The cache file's form: the items of flat-cache (`{key, value}`, the value file-entry-cache's
 * meta with our entry as `data`), with every string that repeats across messages and files (a
 * rule's id, URL and reason, a configuration) kept once in `strings`, and each message an
 * array: the index of its shape (its keys in order, each with how its value is kept), then
 * its values. Positions are six numbers, and `line`/`column` are not kept when they are the
 * start's. 2,000 articles took 21 MB as plain JSON; unpacking gives back the same objects,
 * keys in the same order.
 */
interface Packed {
  strings: string[]
  shapes: string[]
  entries: Array<{key: string; value: Record<string, unknown>}>
}

interface Item {
  key: string
  value: Record<string, unknown> & {data?: unknown}
}

// How a message field is kept: an index into `strings`, a place as six numbers, the start's line or column (nothing kept), or as it is.
type Codec = 's' | 'p' | 'l' | 'c' | 'j'

interface PointData {line: number; column: number; offset: number}

function isPoint(value: unknown): value is PointData {
  if (typeof value !== 'object' || value === null) return false
  const keys = Object.keys(value)
  const point = value as PointData
  return keys.length === 3 && keys[0] === 'line' && keys[1] === 'column' && keys[2] === 'offset' && Number.isFinite(point.line) && Number.isFinite(point.column) && Number.isFinite(point.offset)
}

function isPlace(value: unknown): value is {start: PointData; end: PointData} {
  if (typeof value !== 'object' || value === null) return false
  const keys = Object.keys(value)
  const place = value as {start: unknown; end: unknown}
  return keys.length === 2 && keys[0] === 'start' && keys[1] === 'end' && isPoint(place.start) && isPoint(place.end)
}

function pack(items: readonly Item[]): Packed {
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const intern = (text: string) => {
    let index = stringIndex.get(text)
    if (index === undefined) stringIndex.set(text, (index = strings.push(text) - 1))
    return index
  }
  const shapes: string[] = []
  const shapeIndex = new Map<string, number>()
  const packMessage = (message: Record<string, unknown>): unknown[] => {
    const keys = Object.keys(message)
    const place = message.place
    const codecs = keys.map((key): Codec => {
      const value = message[key]
      if (key === 'place' && isPlace(value)) return 'p'
      if (key === 'line' && isPlace(place) && value === place.start.line) return 'l'
      if (key === 'column' && isPlace(place) && value === place.start.column) return 'c'
      return typeof value === 'string' ? 's' : 'j'
    })
    const shape = keys.map((key, k) => `${codecs[k]}${key}`).join(' ')
    let index = shapeIndex.get(shape)
    if (index === undefined) shapeIndex.set(shape, (index = shapes.push(shape) - 1))
    const packed: unknown[] = [index]
    keys.forEach((key, k) => {
      const value = message[key]
      if (codecs[k] === 's') packed.push(intern(value as string))
      else if (codecs[k] === 'p') {
        const {start, end} = value as {start: PointData; end: PointData}
        packed.push(start.line, start.column, start.offset, end.line, end.column, end.offset)
      } else if (codecs[k] === 'j') packed.push(value)
    })
    return packed
  }
  const entries = items.map(({key, value}) => {
    if (!isEntry(value.data)) return {key, value}
    const {config, result} = value.data
    return {key, value: {...value, data: {config: intern(config), result: {...result, messages: result.messages.map(packMessage)}}}}
  })
  return {strings, shapes, entries}
}

function isPacked(data: unknown): data is Packed {
  const packed = data as Partial<Packed>
  return Array.isArray(packed.strings) && packed.strings.every((text) => typeof text === 'string') && Array.isArray(packed.shapes) && packed.shapes.every((shape) => typeof shape === 'string') && Array.isArray(packed.entries)
}

/** The items of a packed cache; anything that does not unpack is a cache that cannot be read. */
function unpack({strings, shapes, entries}: Packed): Item[] {
  const string = (index: unknown) => {
    const text = typeof index === 'number' ? strings[index] : undefined
    if (text === undefined) throw new Error('not an attribution-lint cache')
    return text
  }
  const fields = shapes.map((shape) => shape.split(' ').map((field) => ({codec: field[0] as Codec, key: field.slice(1)})))
  const unpackMessage = (packed: unknown): Record<string, unknown> => {
    const shape = Array.isArray(packed) ? fields[packed[0] as number] : undefined
    if (!shape) throw new Error('not an attribution-lint cache')
    const values = packed as unknown[]
    const message: Record<string, unknown> = {}
    let at = 1
    for (const {codec, key} of shape) {
      if (codec === 's') message[key] = string(values[at++])
      else if (codec === 'p') {
        const [sl, sc, so, el, ec, eo] = values.slice(at, (at += 6)) as number[]
        message[key] = {start: {line: sl, column: sc, offset: so}, end: {line: el, column: ec, offset: eo}}
      } else if (codec === 'j') message[key] = values[at++]
      else message[key] = undefined // filled from the place, below, keeping the key's order
    }
    const start = (message.place as {start?: PointData} | undefined)?.start
    for (const {codec, key} of shape) if (codec === 'l' || codec === 'c') message[key] = codec === 'l' ? start?.line : start?.column
    return message
  }
  return entries.map(({key, value}) => {
    const data = value?.data as {config?: unknown; result?: {messages?: unknown}} | undefined
    if (typeof data !== 'object' || data === null || typeof data.config !== 'number' || !Array.isArray(data.result?.messages)) return {key, value}
    return {key, value: {...value, data: {config: string(data.config), result: {...data.result, messages: data.result.messages.map(unpackMessage)}}}}
  })
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
      serialize: (items) => JSON.stringify({format: FORMAT, linter, ...pack(items as Item[])}),
      deserialize: (text) => {
        const data = JSON.parse(text) as {format?: unknown; linter?: unknown}
        const earlier = typeof data?.format === 'string' && EARLIER_FORMATS.has(data.format)
        if ((data?.format !== FORMAT || !isPacked(data)) && !earlier) throw new Error('not an attribution-lint cache')
        if (earlier || data.linter !== linter) {
          this.fail('was made by another version of attribution-lint or of its lexicons')
          return []
        }
        return unpack(data as Packed)
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

  /** Descriptors read by `willHit`, until `lookup` takes them. */
  private readonly read = new Map<string, ReturnType<FileEntryCache['getFileDescriptor']>>()

  /**
   * Whether `lookup` will find the file cached with this configuration (it reads and checksums
   * the file now, once: `lookup` takes what was read). The run sizes its worker pool by the
   * files that will not be found.
   */
  willHit(filePath: string, config: string): boolean {
    const descriptor = this.entries.getFileDescriptor(filePath)
    this.read.set(filePath, descriptor)
    const data = descriptor.meta.data
    return !descriptor.err && !descriptor.changed && isEntry(data) && data.config === config
  }

  /** The file's slot; `hit` if the file, read now, is what was cached with this configuration. */
  lookup(filePath: string, config: string): CacheSlot | undefined {
    const descriptor = this.read.get(filePath) ?? this.entries.getFileDescriptor(filePath)
    this.read.delete(filePath)
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
