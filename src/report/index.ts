/**
 * Reporters: how the CLI prints the files it linted. A reporter is a name, the stream it
 * writes to, and a function from files to text; `--report <name>` picks one.
 *
 * `stylish` (default, for people, on stderr as remark-cli does), `json` (for machines, on
 * stdout, the only thing there), `sarif` (SARIF 2.1.0, for code scanning), `github`
 * (GitHub Actions annotations) and `editor` (the pre-publish report for one article).
 */
import type {VFile} from 'vfile'
import {editor} from './editor.js'
import {github} from './github.js'
import {json} from './json.js'
import type {ReporterOptions} from './messages.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'

export {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'

export interface Reporter {
  name: string
  /** One line for `--help`. */
  description: string
  /** Where the report goes: machine formats own stdout, human ones stderr. */
  stream: 'stdout' | 'stderr'
  /** The report, ending in a newline, or '' for nothing. */
  format(files: readonly VFile[], options: ReporterOptions): string
}

const registry = new Map<string, Reporter>()

export function registerReporter(reporter: Reporter): void {
  registry.set(reporter.name, reporter)
}

export function getReporter(name: string): Reporter | undefined {
  return registry.get(name)
}

export function reporterNames(): string[] {
  return [...registry.keys()]
}

registerReporter(stylish)
registerReporter(json)
registerReporter(sarif)
registerReporter(github)
registerReporter(editor)
