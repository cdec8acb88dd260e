/**
 * Reporters: how the CLI prints the files it linted. A reporter is a name, the stream it
 * writes to, and a function from files to text; `--report <name>` picks one. The built-in
 * ones also have a streaming form (`open`): the CLI gives them one file at a time, in order,
 * and drops the file once its part is printed, so a run holds no report of all its files.
 *
 * `stylish` (default, for people, on stderr as remark-cli does), `json` (for machines, on
 * stdout, the only thing there), `sarif` (SARIF 2.1.0, for code scanning), `github`
 * (GitHub Actions annotations), `editor` (the pre-publish report for one article) and
 * `markdown` (every finding in tables, for a GitHub job summary).
 */
import type {VFile} from 'vfile'
import type {ReporterOptions} from './messages.js'

export {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'

export interface Reporter {
  name: string
  /** One line for `--help`. */
  description: string
  /** Where the report goes: machine formats own stdout, human ones stderr. */
  stream: 'stdout' | 'stderr'
  /** The report, ending in a newline, or '' for nothing. */
  format(files: readonly VFile[], options: ReporterOptions): string
  /** The same report, one file at a time; without it the CLI keeps every file for `format`. */
  open?(options: ReporterOptions): ReportWriter
}

/** A report being written: what `format` gives for the files passed, in the same bytes. */
export interface ReportWriter {
  /** Resolves when the writer can take files without holding them (it loads what it needs). */
  ready?: Promise<void>
  /** The report's text for one more file, in run order ('' for nothing yet). */
  file(file: VFile): string
  /** The rest of the report, printed piece by piece with `write`. */
  end(write: (text: string) => Promise<void>): Promise<void>
}

/** A reporter's streaming form, or, for one without, a writer that keeps the files for `format`. */
export function openReport(reporter: Reporter, options: ReporterOptions): ReportWriter {
  if (reporter.open) return reporter.open(options)
  const files: VFile[] = []
  return {
    file(file) {
      files.push(file)
      return ''
    },
    async end(write) {
      await write(reporter.format(files, options))
    }
  }
}

const registry = new Map<string, Reporter>()

/**
 * The built-in reporters, each imported only when chosen: a run loads one, not the SARIF
 * builder and vfile-reporter and the rest (start-up time of a one-article run).
 */
const builtins = new Map<string, () => Promise<Reporter>>([
  ['stylish', async () => (await import('./stylish.js')).stylish],
  ['json', async () => (await import('./json.js')).json],
  ['sarif', async () => (await import('./sarif.js')).sarif],
  ['github', async () => (await import('./github.js')).github],
  ['editor', async () => (await import('./editor.js')).editor],
  ['markdown', async () => (await import('./markdown.js')).markdown]
])

export function registerReporter(reporter: Reporter): void {
  registry.set(reporter.name, reporter)
}

/** The reporter named `name`, loading it if it is a built-in one. */
export async function loadReporter(name: string): Promise<Reporter | undefined> {
  const registered = registry.get(name)
  if (registered) return registered
  const load = builtins.get(name)
  if (!load) return undefined
  const reporter = await load()
  registerReporter(reporter)
  return reporter
}

export function reporterNames(): string[] {
  return [...new Set([...builtins.keys(), ...registry.keys()])]
}
