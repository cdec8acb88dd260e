/** What every reporter shares: options, severities, and which messages and files to show. */
import type {VFile} from 'vfile'

export type Message = VFile['messages'][number]

export interface ReporterOptions {
  /** Use ANSI colours. */
  color: boolean
  /** Leave out files without messages. */
  quiet: boolean
  /** Errors only (and leave out files without them). */
  silent: boolean
  /** Show notes and URLs where the format has room for them. */
  verbose: boolean
  /** Folder that paths are relative to. */
  cwd: string
}

export function severity(message: Message): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The messages a report shows, in source order: `silent` keeps errors only. */
export function visibleMessages(file: VFile, options: Pick<ReporterOptions, 'silent'>): Message[] {
  const shown = options.silent ? file.messages.filter((message) => message.fatal === true) : [...file.messages]
  return shown.sort((a, b) =>
    (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId ?? '').localeCompare(String(b.ruleId ?? '')) || a.reason.localeCompare(b.reason))
}

/** The files a report shows: `quiet` and `silent` leave out files with nothing to show. */
export function visibleFiles(files: readonly VFile[], options: Pick<ReporterOptions, 'quiet' | 'silent'>): VFile[] {
  return options.quiet || options.silent ? files.filter((file) => visibleMessages(file, options).length > 0) : [...files]
}

