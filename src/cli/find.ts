/**
 * Which files a run lints: the files, folders and globs given, expanded as unified-engine's
 * finder expands them (the CLI was a front on it, and its semantics are the CLI's contract):
 *
 * - a glob is expanded with `glob` from the working folder; a folder is walked (never into
 *   `node_modules` below it), keeping files with one of the extensions; a file named on the
 *   command line is kept whatever its extension;
 * - a path is ignored by the nearest `.attributionignore` above it (or the one file
 *   `--ignore-path` names; its patterns are relative to its folder, or with
 *   `--ignore-path-resolve-from cwd` to the working folder), or by `--ignore-pattern`
 *   (relative to the working folder), both read with the `ignore` package; an ignored folder
 *   is not walked, and an ignored file named on the command line is reported as ignored
 *   unless `--silently-ignore`;
 * - the result is sorted by path (as the engine sorts it, by code unit), so the report is in
 *   the same order every time.
 *
 * Only paths are kept, not files: a run of 100,000 files holds 100,000 short strings here.
 * Ignore files are read once per folder (synchronously: a lookup is a few stat calls).
 */
import {readdirSync, readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import ignoreModule, {type Ignore} from 'ignore'
import type {VFile} from 'vfile'
import {IGNORE_NAME} from './config-files.js'

/** A file a run will lint, or report on. */
export interface FoundFile {
  /** The path as the report shows it: relative to the working folder. */
  path: string
  /** A file given with its text (stdin, or a fixed article): linted as it is, not read. */
  given?: VFile
  /** Named on the command line but ignored. */
  ignored?: boolean
  /** Why the file cannot be looked at (`stat` or the ignore file failed). */
  error?: NodeJS.ErrnoException
}

export interface FindOptions {
  cwd: string
  /** Extensions with or without the dot, as `--ext` gives them. */
  extensions: readonly string[]
  /** Look for `.attributionignore` files (`--no-ignore` turns it off). */
  detectIgnore: boolean
  ignorePath?: string
  ignorePathResolveFrom: 'dir' | 'cwd'
  ignorePatterns: readonly string[]
  silentlyIgnore: boolean
}

// The types of `ignore` say its default export is the module, not the function it is (as unified-engine notes).
const ignoreFactory = ignoreModule as unknown as (typeof import('ignore'))['default']

const MAGIC = /[*?[\]{}]|^!|[@!+]\(/

/** Whether a path given on the command line (or a segment of one) is a glob pattern. */
export function isGlob(value: string): boolean {
  return MAGIC.test(value)
}

/** An ignore file's patterns, with the folder they are relative to. */
interface IgnoreSet {
  ignore: Ignore
  folder: string
}

function outside(normal: string): boolean {
  return normal === '' || normal === '..' || normal.charAt(0) === path.sep || normal.slice(0, 3) === '..' + path.sep
}

/** The ignore files of a run: the given one, or the nearest `.attributionignore` above each path (cached per folder). */
class IgnoreFiles {
  private readonly byFolder = new Map<string, IgnoreSet | Error | undefined>()
  private given: IgnoreSet | Error | undefined

  constructor(private readonly options: FindOptions) {}

  /** Whether `filePath` (absolute) is ignored; throws what reading the ignore file threw. */
  ignores(filePath: string): boolean {
    const set = this.setFor(filePath)
    if (set instanceof Error) throw set
    if (!set) return false
    const {cwd, ignorePathResolveFrom} = this.options
    const normal = path.relative(path.resolve(cwd, ignorePathResolveFrom === 'cwd' ? '.' : set.folder), filePath)
    return outside(normal) ? false : set.ignore.ignores(normal)
  }

  private setFor(filePath: string): IgnoreSet | Error | undefined {
    const {cwd, ignorePath, detectIgnore} = this.options
    if (ignorePath !== undefined) {
      if (!this.given) {
        const file = path.resolve(cwd, ignorePath)
        try {
          this.given = create(readFileSync(file), file)
        } catch (cause) {
          const error: NodeJS.ErrnoException = new Error('Cannot read given file `' + path.relative(cwd, file) + '`', {cause})
          error.code = 'ENOENT'
          error.syscall = (cause as NodeJS.ErrnoException).syscall
          this.given = error
        }
      }
      return this.given
    }
    if (!detectIgnore) return undefined
    return this.lookUp(path.dirname(filePath))
  }

  private lookUp(folder: string): IgnoreSet | Error | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder)
    let found: IgnoreSet | Error | undefined
    const file = path.join(folder, IGNORE_NAME)
    try {
      found = create(readFileSync(file), file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') found = new Error('Cannot read file `' + path.relative(this.options.cwd, file) + '`', {cause: error})
      else {
        const parent = path.dirname(folder)
        found = parent === folder ? undefined : this.lookUp(parent)
      }
    }
    this.byFolder.set(folder, found)
    return found
  }
}

function create(bytes: Buffer, file: string): IgnoreSet {
  return {ignore: ignoreFactory().add(String(bytes)), folder: path.dirname(file)}
}

interface Walk {
  options: FindOptions
  extensions: string[]
  ignoreFiles: IgnoreFiles
  extraIgnore: Ignore
  found: FoundFile[]
}

interface Checked {
  error?: NodeJS.ErrnoException
  ignored?: boolean
  stats?: Stats
}

/** Stat a path (unless its text is given) and check it against the ignore files and patterns. */
function check(walk: Walk, relative: string, given: VFile | undefined, dirent?: {isDirectory(): boolean; isFile(): boolean}): Checked {
  const {cwd} = walk.options
  const absolute = path.resolve(cwd, relative)
  const normal = path.relative(cwd, absolute)
  let stats: Stats | undefined
  if (!given) {
    if (dirent && (dirent.isDirectory() || dirent.isFile())) {
      // What readdir said already: no stat per file (a symbolic link is still stat'ed).
      stats = {isDirectory: () => dirent.isDirectory()} as Stats
    } else {
      try {
        stats = statSync(absolute)
      } catch (error) {
        return {error: error as NodeJS.ErrnoException}
      }
    }
  }
  let ignored: boolean
  try {
    ignored = walk.ignoreFiles.ignores(absolute)
  } catch (error) {
    return {error: error as NodeJS.ErrnoException}
  }
  return {ignored: ignored || (outside(normal) ? false : walk.extraIgnore.ignores(normal)), stats}
}

function search(walk: Walk, inputs: ReadonlyArray<string | VFile>, nested: boolean): void {
  for (const input of inputs) {
    const given = typeof input === 'string' ? undefined : input
    const relative = typeof input === 'string' ? input.split('/').join(path.sep) : input.path
    const extension = path.extname(relative)
    if (nested && path.basename(relative) === 'node_modules') continue
    searchOne(walk, relative, given, extension, nested, check(walk, relative, given))
  }
}

function searchOne(walk: Walk, relative: string, given: VFile | undefined, extension: string, nested: boolean, {error, ignored, stats}: Checked): void {
  const folder = Boolean(stats?.isDirectory())
  if (ignored && (nested || walk.options.silentlyIgnore)) return
  if (!ignored && folder) {
    walkFolder(walk, relative)
    return
  }
  if (!folder && nested && (!extension || !walk.extensions.includes(extension))) return
  const found: FoundFile = {path: relative}
  if (given) found.given = given
  if (ignored) found.ignored = true
  if (error) found.error = error
  walk.found.push(found)
}

function walkFolder(walk: Walk, folder: string): void {
  let entries
  try {
    entries = readdirSync(path.resolve(walk.options.cwd, folder), {withFileTypes: true})
  } catch (error) {
    walk.found.push({path: folder, error: Object.assign(new Error('Cannot read folder', {cause: error}), {code: 'EREADDIR'})})
    return
  }
  for (const entry of entries) {
    const relative = path.join(folder, entry.name)
    if (entry.name === 'node_modules') continue
    const extension = path.extname(relative)
    // A file without one of the extensions is dropped below whatever check says: skip the check.
    if (entry.isFile() && (!extension || !walk.extensions.includes(extension))) continue
    searchOne(walk, relative, undefined, extension, true, check(walk, relative, undefined, entry))
  }
}

/** As the engine sorts its files: by path, code unit by code unit. */
function byPath(left: FoundFile, right: FoundFile): number {
  return left.path < right.path ? -1 : 1
}

/**
 * The files of a run, sorted: `inputs` are paths and globs (relative to the working folder
 * or absolute), or files that carry their text (stdin).
 */
export async function findFiles(inputs: ReadonlyArray<string | VFile>, options: FindOptions): Promise<FoundFile[]> {
  const {cwd} = options
  const paths: Array<string | VFile> = []
  const globs: string[] = []
  for (const input of inputs) {
    if (typeof input !== 'string') {
      const relative = input.path ? path.relative(cwd, input.path) : cwd
      input.cwd = cwd
      input.path = relative
      input.history = [relative]
      paths.push(input)
    } else if (isGlob(input)) {
      globs.push(input)
    } else {
      // Relative, to make the paths canonical.
      paths.push(path.relative(cwd, path.resolve(cwd, input)) || '.')
    }
  }
  if (globs.length) {
    const {glob, hasMagic} = await import('glob')
    for (const pattern of globs) {
      if (hasMagic(pattern)) paths.push(...(await glob(pattern, {cwd})))
      else paths.push(path.relative(cwd, path.resolve(cwd, pattern)) || '.')
    }
  }
  const walk: Walk = {
    options,
    extensions: options.extensions.map((extension) => (extension.charAt(0) === '.' ? extension : '.' + extension)),
    ignoreFiles: new IgnoreFiles(options),
    extraIgnore: ignoreFactory().add([...options.ignorePatterns]),
    found: []
  }
  search(walk, paths, false)
  return walk.found.sort(byPath)
}
