/**
 * `--report github`: GitHub Actions workflow commands, one per message, on stdout, which the
 * runner turns into annotations on the pull request's files:
 *
 *     ::warning file=news/story.md,line=3,endLine=3,col=33,endColumn=70,title=anonymous-source::Unnamed source: …
 *
 * Errors are `::error`, warnings `::warning`, infos `::notice`. Paths are relative to the
 * repository root (src/report/repo.ts), as the runner expects. Escaping follows the runner's
 * own toolkit (@actions/core): in the message, `%` → %25, CR → %0D, LF → %0A; in property
 * values also `:` → %3A and `,` → %2C. Columns are UTF-16 code units, 1-based, and are sent
 * only for a range on one line: the runner drops `col`/`endColumn` silently when `endLine`
 * differs from `line`, so a range over several lines is sent as its lines alone.
 */
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'
import {repositoryPath} from './repo.js'

/** Escape the message of a workflow command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value of a workflow command. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const

/** One workflow command for a message. */
export function githubCommand(message: Message, file: string | undefined): string {
  const properties: Array<[string, string | number]> = []
  if (file) properties.push(['file', file])
  const place = message.place
  const end = place && 'end' in place ? place.end : undefined
  if (message.line) {
    properties.push(['line', message.line])
    if (end?.line) properties.push(['endLine', end.line])
    const oneLine = !end?.line || end.line === message.line
    if (oneLine && message.column) properties.push(['col', message.column])
    if (oneLine && end?.column) properties.push(['endColumn', end.column])
  }
  properties.push(['title', message.ruleId ? `attribution-lint ${message.ruleId}` : 'attribution-lint'])
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${COMMAND[severity(message)]} ${list}::${escapeData(message.reason)}`
}

function fileCommands(file: Parameters<typeof visibleMessages>[0], options: ReporterOptions): string[] {
  const relative = repositoryPath(file.path, options.cwd)
  return visibleMessages(file, options).map((message) => githubCommand(message, relative))
}

export function githubReport(files: Parameters<Reporter['format']>[0], options: ReporterOptions): string {
  const lines: string[] = []
  for (const file of visibleFiles(files, options)) lines.push(...fileCommands(file, options))
  return lines.length ? lines.join('\n') + '\n' : ''
}

export const github: Reporter = {
  name: 'github',
  description: 'GitHub Actions annotations (::warning file=…,line=…::…) on stdout',
  stream: 'stdout',
  format: githubReport,
  open(options) {
    return {
      file: (file) => fileCommands(file, options).map((line) => line + '\n').join(''),
      end: async () => {}
    }
  }
}
