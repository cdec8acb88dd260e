/**
 * The default report, for people: vfile-reporter's stylish output, one file at a time.
 *
 * Each file's part is vfile-reporter's report of that file alone, printed as soon as the file
 * is linted: an editor sees the first articles' findings while an archive is still being
 * linted, and a run holds no report. So columns are aligned within each file (as ESLint's
 * stylish does) and files come in the order they were linted; the totals line at the end
 * counts the whole run, in vfile-reporter's words.
 */
import type {VFile} from 'vfile'
import {reporter as vfileReporter} from 'vfile-reporter'
import type {Reporter, ReporterOptions} from './index.js'

interface Totals {
  fatal: number
  warn: number
  total: number
}

/** The messages vfile-reporter shows of a file (with --silent, errors only), counted as it counts them. */
function countShown(file: VFile, silent: boolean, totals: Totals): Totals {
  const shown: Totals = {fatal: 0, warn: 0, total: 0}
  for (const message of file.messages) {
    if (silent && !message.fatal) continue
    for (const counts of [shown, totals]) {
      counts.total++
      if (message.fatal === true) counts.fatal++
      else if (message.fatal === false) counts.warn++
    }
  }
  return shown
}

/** vfile-reporter's totals line ("⚠ 7 warnings", "✖ 1 error, ⚠ 2 warnings", "3 messages (…)"). */
function totalsLine(totals: Totals, color: boolean): string {
  const [red, yellow, reset] = color ? ['\u001B[31m', '\u001B[33m', '\u001B[39m'] : ['', '', '']
  let line = ''
  if (totals.fatal) line = `${red}✖${reset} ${totals.fatal} error${totals.fatal === 1 ? '' : 's'}`
  if (totals.warn) line = `${line ? line + ', ' : ''}${yellow}⚠${reset} ${totals.warn} warning${totals.warn === 1 ? '' : 's'}`
  if (totals.total !== totals.fatal && totals.total !== totals.warn) line = `${totals.total} messages (${line})`
  return line
}

function openStylish(options: ReporterOptions) {
  const settings = {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose}
  const totals: Totals = {fatal: 0, warn: 0, total: 0}
  let started = false
  let lastHadMessages = false
  return {
    file(file: VFile): string {
      const shown = countShown(file, options.silent, totals)
      let text = vfileReporter([file], settings)
      // vfile-reporter ends a report with warnings or errors with a blank line and its totals: those come once, at the end.
      if (shown.fatal || shown.warn) text = text.slice(0, text.lastIndexOf('\n\n'))
      if (!text) return ''
      // As vfile-reporter does between files: a blank line after a file with messages.
      const before = !started ? '' : lastHadMessages ? '\n\n' : '\n'
      started = true
      lastHadMessages = shown.total > 0
      return before + text
    },
    /** What ends the report: the totals of the run, if any warning or error was shown. */
    closing(): string {
      if (totals.fatal || totals.warn) return `${started ? '\n\n' : ''}${totalsLine(totals, options.color)}\n`
      return started ? '\n' : ''
    },
    async end(write: (text: string) => Promise<void>): Promise<void> {
      await write(this.closing())
    }
  }
}

export const stylish: Reporter = {
  name: 'stylish',
  description: 'a report for people (vfile-reporter), file by file, on stderr',
  stream: 'stderr',
  format(files, options) {
    const report = openStylish(options)
    return files.map((file) => report.file(file)).join('') + report.closing()
  },
  open: openStylish
}
