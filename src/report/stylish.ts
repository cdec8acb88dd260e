/**
 * The default report, for people: vfile-reporter's stylish output, one file at a time.
 *
 * Each file's part is vfile-reporter's report of that file alone, printed as soon as the file
 * is linted: an editor sees the first articles' findings while an archive is still being
 * linted, and a run holds no report. So columns are aligned within each file (as ESLint's
 * stylish does) and files come in the order they were linted; the totals line at the end
 * counts the whole run, in vfile-reporter's words.
 *
 * vfile-reporter measures every cell with string-width, which segments the text into
 * graphemes and looks each one up in the East Asian Width and emoji tables: on an archive
 * that was a third of the whole run's CPU. Most files need none of that: when every cell of a
 * file is made of characters whose width is known (ASCII, Latin-1 letters, Arabic letters,
 * digits and punctuation: one column each; Arabic combining marks: none after a letter) and
 * the messages are one-liners with no cause or note to show, the rows are laid out here, as
 * vfile-reporter lays them out; any other file goes to vfile-reporter itself. Both give the
 * same bytes (tests/stylish.test.ts checks every character of the table against it).
 */
import {stringifyPosition} from 'unist-util-stringify-position'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter as vfileReporter} from 'vfile-reporter'
import {compareMessage} from 'vfile-sort'
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

/** What a code unit is to the fast path: not known (ask string-width), one column, or a mark (none after another character). */
const Kind = {Unknown: 0, Narrow: 1, Mark: 2} as const

/**
 * The characters whose width string-width gives without its tables: ASCII, Latin-1 letters and
 * guillemets, Arabic letters, digits, punctuation and combining marks (not the Arabic number
 * signs, which join the character after them), and the dashes, quotes and ellipsis of
 * General Punctuation. Everything else (controls, emoji, East Asian scripts, joiners) is unknown.
 */
const KINDS = (() => {
  const kinds = new Uint8Array(0x2030)
  for (let c = 0x20; c <= 0x7e; c++) kinds[c] = Kind.Narrow
  for (const c of [0xab, 0xbb]) kinds[c] = Kind.Narrow
  for (let c = 0xc0; c <= 0xff; c++) kinds[c] = Kind.Narrow
  for (let c = 0x606; c <= 0x6ff; c++) {
    const char = String.fromCharCode(c)
    if (c === 0x6dd) continue
    if (/\p{Mn}/u.test(char)) kinds[c] = Kind.Mark
    else if (/[\p{L}\p{Nd}\p{Po}]/u.test(char)) kinds[c] = Kind.Narrow
  }
  for (let c = 0x2010; c <= 0x2027; c++) if (/\p{P}/u.test(String.fromCharCode(c))) kinds[c] = Kind.Narrow
  return kinds
})()

/** The columns `text` takes as string-width counts them, or -1 if a character is not in the table. */
export function knownWidth(text: string): number {
  let width = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const kind = code < KINDS.length ? KINDS[code] : Kind.Unknown
    if (kind === Kind.Narrow) width++
    // A mark joins the character before it (one grapheme); with none before, it is a grapheme of its own.
    else if (kind === Kind.Mark) width += index === 0 ? 1 : 0
    else return -1
  }
  return width
}

interface Style {
  bold: string
  normalIntensity: string
  underline: string
  noUnderline: string
  red: string
  yellow: string
  green: string
  defaultColor: string
}

function style(color: boolean): Style {
  return color
    ? {bold: '\u001B[1m', normalIntensity: '\u001B[22m', underline: '\u001B[4m', noUnderline: '\u001B[24m', red: '\u001B[31m', yellow: '\u001B[33m', green: '\u001B[32m', defaultColor: '\u001B[39m'}
    : {bold: '', normalIntensity: '', underline: '', noUnderline: '', red: '', yellow: '', green: '', defaultColor: ''}
}

const EOL = /\r?\n|\r/

/**
 * vfile-reporter's report of one file (without its totals), laid out here; undefined when the
 * file needs what only vfile-reporter does (a cell of unknown width, a message of several
 * lines, a cause, verbose notes, code spans to colour, a written file).
 */
export function fastReport(file: VFile, options: ReporterOptions, look: Style): string | undefined {
  if (file.stored) return undefined
  const messages = [...file.messages].sort(compareMessage)
  // Cells: position, label, reason, rule, source, and their widths.
  const cells: string[] = []
  const widths: number[] = []
  const sizes = [0, 0, 0, 0, 0]
  let fatal = false
  for (const message of messages) {
    if (message.fatal) fatal = true
    if (options.silent && !message.fatal) continue
    const reason = message.stack || message.message
    if (EOL.test(reason) || message.cause || (options.verbose && (message.url || message.note || message.ancestors))) return undefined
    if (options.color && reason.includes('`')) return undefined
    const place = message.place ?? (message as VFileMessage & {position?: VFileMessage['place']}).position
    const label = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
    const row = [stringifyPosition(place), label, reason, message.ruleId || '', message.source || '']
    for (let k = 0; k < 5; k++) {
      const width = k === 1 ? label.length : knownWidth(row[k])
      if (width < 0) return undefined
      if (width > sizes[k]) sizes[k] = width
      cells.push(k === 1 ? (message.fatal ? look.red : look.yellow) + label + look.defaultColor : k === 2 ? look.bold + reason + look.normalIntensity : row[k])
      widths.push(width)
    }
  }
  if ((options.quiet || options.silent) && !cells.length) return ''
  const name = file.history[0] || '<stdin>'
  const header = look.underline + (fatal ? look.red : file.messages.length ? look.yellow : look.green) + name + look.defaultColor + look.noUnderline
  let text = file.messages.length ? header : header + ': no issues found'
  for (let k = 0; k < cells.length; k += 5) {
    let line = ''
    for (let cell = 0; cell < 5; cell++) line += cells[k + cell] + ' '.repeat(sizes[cell] + 1 - widths[k + cell])
    text += '\n' + line.trimEnd()
  }
  return text
}

function openStylish(options: ReporterOptions) {
  const settings = {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose}
  const look = style(options.color)
  const totals: Totals = {fatal: 0, warn: 0, total: 0}
  let started = false
  let lastHadMessages = false
  return {
    file(file: VFile): string {
      const shown = countShown(file, options.silent, totals)
      let text = fastReport(file, options, look)
      if (text === undefined) {
        text = vfileReporter([file], settings)
        // vfile-reporter ends a report with warnings or errors with a blank line and its totals: those come once, at the end.
        if (shown.fatal || shown.warn) text = text.slice(0, text.lastIndexOf('\n\n'))
      }
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
