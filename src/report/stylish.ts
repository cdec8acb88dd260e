/**
 * The default report, for people: vfile-reporter's stylish output, as remark-cli prints it.
 *
 * `format` is vfile-reporter itself. `open`, the CLI's streaming form, prints the same bytes
 * without holding the files: vfile-reporter pads each column to its widest cell over the whole
 * run and sorts files by `localeCompare` of their paths, so each file's rows go to a spool
 * (src/report/spool.ts) as it is linted, with the widths so far, and are padded and printed
 * in vfile-reporter's order at the end. The rows are vfile-reporter 8's, ported below.
 */
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import {reporter as vfileReporter} from 'vfile-reporter'
import type {Reporter, ReporterOptions} from './index.js'
import {type Message} from './messages.js'
import {Chunker, Spool} from './spool.js'

type StringWidth = (text: string) => number

/**
 * The `string-width` that vfile-reporter measures with (another major version measures some
 * characters, such as curly quotes, differently), loaded from beside vfile-reporter.
 */
let stringWidth: StringWidth | undefined
async function loadStringWidth(): Promise<StringWidth> {
  if (!stringWidth) {
    const fromReporter = createRequire(createRequire(import.meta.url).resolve('vfile-reporter'))
    const module = (await import(pathToFileURL(fromReporter.resolve('string-width')).href)) as {default: StringWidth}
    stringWidth = module.default
  }
  return stringWidth
}

interface State {
  quiet: boolean
  silent: boolean
  verbose: boolean
  traceLimit: number
  bold: string
  underline: string
  normalIntensity: string
  noUnderline: string
  red: string
  cyan: string
  green: string
  yellow: string
  defaultColor: string
}

type Row = string | string[]

const eol = /\r?\n|\r/

function state(options: ReporterOptions): State {
  const color = options.color
  return {
    quiet: options.quiet,
    silent: options.silent,
    verbose: options.verbose,
    traceLimit: 10,
    bold: color ? '\u001B[1m' : '',
    underline: color ? '\u001B[4m' : '',
    normalIntensity: color ? '\u001B[22m' : '',
    noUnderline: color ? '\u001B[24m' : '',
    red: color ? '\u001B[31m' : '',
    cyan: color ? '\u001B[36m' : '',
    green: color ? '\u001B[32m' : '',
    yellow: color ? '\u001B[33m' : '',
    defaultColor: color ? '\u001B[39m' : ''
  }
}

interface Stats {
  fatal: number
  warn: number
  total: number
}

function count(stats: Stats, message: {fatal?: boolean | null}): void {
  if (message.fatal) stats.fatal++
  else if (message.fatal === false) stats.warn++
  stats.total++
}

function statistics(messages: readonly Message[]): Stats {
  const stats = {fatal: 0, warn: 0, total: 0}
  for (const message of messages) count(stats, message)
  return stats
}

function compareNumber(a: Message, b: Message, field: 'line' | 'column'): number {
  return (a[field] || 0) - (b[field] || 0)
}
function compareString(a: Record<string, unknown>, b: Record<string, unknown>, field: string): number {
  return String(a[field] || '').localeCompare(String(b[field] || ''))
}
function scoreNullableBoolean(value: unknown): number {
  return value ? 0 : value === false ? 1 : 2
}

/** vfile-sort's `compareMessage`. */
function compareMessage(a: Message, b: Message): number {
  const left = a as unknown as Record<string, unknown>
  const right = b as unknown as Record<string, unknown>
  return (
    compareNumber(a, b, 'line') ||
    compareNumber(a, b, 'column') ||
    scoreNullableBoolean(a.fatal) - scoreNullableBoolean(b.fatal) ||
    compareString(left, right, 'source') ||
    compareString(left, right, 'ruleId') ||
    compareString(left, right, 'reason')
  )
}

/** unist-util-stringify-position. */
type Point = {line?: number; column?: number} | undefined
function index(value: unknown): number {
  return value && typeof value === 'number' ? value : 1
}
function point(value: Point): string {
  return index(value && value.line) + ':' + index(value && value.column)
}
function position(value: {start?: Point; end?: Point} | undefined): string {
  return point(value && value.start) + '-' + point(value && value.end)
}
function stringifyPosition(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  if ('position' in value || 'type' in value) return position((value as {position?: {start?: Point; end?: Point}}).position)
  if ('start' in value || 'end' in value) return position(value as {start?: Point; end?: Point})
  if ('line' in value || 'column' in value) return point(value as Point)
  return ''
}

function fatalToLabel(value: boolean | null | undefined): string {
  return value ? 'error' : value === false ? 'warning' : 'info'
}

function formatReason(state: State, reason: string): string {
  const result: string[] = []
  const splits: Array<{index: number; size: number}> = []
  let at = reason.indexOf('`')
  while (at !== -1) {
    const split = {index: at, size: 1}
    splits.push(split)
    while (reason.codePointAt(at + 1) === 96) {
      split.size++
      at++
    }
    at = reason.indexOf('`', at + 1)
  }
  let textStart = 0
  for (let i = 0; i < splits.length; i++) {
    let close: {index: number; size: number} | undefined
    let closeIndex = i
    while (++closeIndex < splits.length) {
      if (splits[i].size === splits[closeIndex].size) {
        close = splits[closeIndex]
        break
      }
    }
    if (close) {
      const codeStart = splits[i].index
      const codeEnd = close.index + close.size
      result.push(reason.slice(textStart, codeStart) + state.cyan + reason.slice(codeStart, codeEnd) + state.defaultColor)
      textStart = codeEnd
      i = closeIndex
    }
  }
  result.push(reason.slice(textStart))
  return state.bold + result.join('') + state.normalIntensity
}

function createAncestorsLines(state: State, ancestors: Array<{type: string; position?: unknown; tagName?: unknown; name?: unknown}>): Row[] {
  const min = ancestors.length > state.traceLimit ? ancestors.length - state.traceLimit : 0
  let at = ancestors.length
  const lines: Row[] = []
  if (at > min) lines.unshift('  ' + state.bold + '[trace]' + state.normalIntensity + ':')
  while (at-- > min) {
    const node = ancestors[at]
    const name = typeof node.tagName === 'string' ? node.tagName : typeof node.name === 'string' ? node.name : undefined
    const place = stringifyPosition(node.position)
    lines.push('    at ' + state.yellow + node.type + (name ? '<' + name + '>' : '') + state.defaultColor + (place ? ' (' + place + ')' : ''))
  }
  return lines
}

function createCauseLines(state: State, cause: unknown): Row[] {
  const lines: Row[] = ['  ' + state.bold + '[cause]' + state.normalIntensity + ':']
  let foundReasonableCause = false
  if (cause !== null && typeof cause === 'object') {
    const stackValue = ('stack' in cause ? String(cause.stack) : undefined) || ('message' in cause ? String(cause.message) : undefined)
    if (typeof stackValue === 'string') {
      foundReasonableCause = true
      let causeLines: Row[]
      if ('file' in cause && 'fatal' in cause) {
        causeLines = createMessageLine(state, cause as Message)
      } else {
        causeLines = stackValue.split(eol)
        if ('cause' in cause && cause.cause) causeLines.push(...createCauseLines(state, cause.cause))
      }
      const head = causeLines[0]
      if (typeof head === 'string') causeLines[0] = '    ' + head
      else head[0] = '    ' + head[0]
      lines.push(...causeLines)
    }
  }
  if (!foundReasonableCause) lines.push('    ' + String(cause))
  return lines
}

function createMessageLine(state: State, message: Message): Row[] {
  const label = fatalToLabel(message.fatal)
  let reason = message.stack || message.message
  const match = eol.exec(reason)
  let rest: Row[] = []
  if (match) {
    rest = reason.slice(match.index + 1).split(eol)
    reason = reason.slice(0, match.index)
  }
  const place = message.place || (message as {position?: unknown}).position
  const row = [
    stringifyPosition(place),
    (label === 'error' ? state.red : state.yellow) + label + state.defaultColor,
    formatReason(state, reason),
    message.ruleId || '',
    message.source || ''
  ]
  if (message.cause) rest.push(...createCauseLines(state, message.cause))
  if (state.verbose && message.url) rest.push('  ' + state.bold + '[url]' + state.normalIntensity + ':', '    ' + message.url)
  if (state.verbose && message.note) rest.push('  ' + state.bold + '[note]' + state.normalIntensity + ':', ...message.note.split(eol).map((line) => '    ' + line))
  if (state.verbose && message.ancestors) rest.push(...createAncestorsLines(state, message.ancestors as never))
  return [row, ...rest]
}

function createFileLine(state: State, file: VFile): string {
  const stats = statistics(file.messages)
  const fromPath = file.history[0]
  const toPath = file.path
  const name = fromPath || '<stdin>'
  const left = state.underline + (stats.fatal ? state.red : stats.total ? state.yellow : state.green) + name + state.defaultColor + state.noUnderline + (file.stored && name !== toPath ? ' > ' + toPath : '')
  const right = file.stored ? state.yellow + 'written' + state.defaultColor : !stats.total ? 'no issues found' : ''
  return left && right ? left + ': ' + right : left + right
}

function byline(state: State, stats: Stats): string {
  let result = ''
  if (stats.fatal) result = state.red + '✖' + state.defaultColor + ' ' + stats.fatal + ' ' + (fatalToLabel(true) + (stats.fatal === 1 ? '' : 's'))
  if (stats.warn) result = (result ? result + ', ' : '') + (state.yellow + '⚠' + state.defaultColor) + ' ' + stats.warn + ' ' + (fatalToLabel(false) + (stats.warn === 1 ? '' : 's'))
  if (stats.total !== stats.fatal && stats.total !== stats.warn) result = stats.total + ' messages (' + result + ')'
  return result
}

/** Where a file's rows are in the spool. */
interface Block {
  path: string
  start: number
  end: number
  hasMessages: boolean
}

/** vfile-sort's `compareFile`. */
function compareFile(a: Block, b: Block): number {
  return a.path.localeCompare(b.path)
}

function openStylish(options: ReporterOptions) {
  const settings = state(options)
  const widthReady = loadStringWidth()
  const spool = new Spool()
  const blocks: Block[] = []
  const sizes: number[] = []
  const shown: Stats = {fatal: 0, warn: 0, total: 0}
  let files = 0
  let width: StringWidth | undefined
  const pending: VFile[] = []

  /** Put a file's rows in the spool, and widen the columns for them. */
  function store(file: VFile): void {
    const rows: Row[] = []
    for (const message of [...file.messages].sort(compareMessage)) {
      if (!settings.silent || message.fatal) {
        count(shown, message)
        rows.push(...createMessageLine(settings, message))
      }
    }
    if ((settings.quiet || settings.silent) && rows.length === 0) return
    for (const row of rows) {
      if (typeof row === 'string') continue
      for (let cell = 0; cell < row.length; cell++) {
        const size = width!(row[cell])
        if (size > (sizes[cell] || 0)) sizes[cell] = size
      }
    }
    const text = [createFileLine(settings, file), ...rows].map((row) => JSON.stringify(row) + '\n').join('')
    const {start, end} = spool.append(text)
    blocks.push({path: String(file.path || ''), start, end, hasMessages: rows.length > 0})
  }

  return {
    ready: widthReady.then((loaded) => {
      width = loaded
    }),
    file(file: VFile): string {
      files++
      pending.push(file)
      // Before string-width is loaded (`ready`), files wait here in order.
      if (width) for (const waiting of pending.splice(0)) store(waiting)
      return ''
    },
    async end(write: (text: string) => Promise<void>): Promise<void> {
      try {
        width = await widthReady
        for (const file of pending.splice(0)) store(file)
        if (!files) return
        const out = new Chunker(write)
        const serialize = (row: Row): string => {
          if (typeof row === 'string') return row.trimEnd()
          let line = ''
          for (let cell = 0; cell < row.length; cell++) {
            const value = row[cell] || ''
            line += value + ' '.repeat((sizes[cell] || 0) + 1 - width!(value))
          }
          return line.trimEnd()
        }
        let first = true
        const emit = async (row: Row) => {
          await out.push((first ? '' : '\n') + serialize(row))
          first = false
        }
        let lastWasMessage = false
        // A stable sort, as vfile-reporter's: files with equal paths keep their order.
        for (const block of [...blocks].sort(compareFile)) {
          const rows = spool.read(block.start, block.end).split('\n')
          rows.pop()
          const [line, ...messageRows] = rows.map((text) => JSON.parse(text) as Row)
          if (lastWasMessage && line) await emit('')
          if (line) await emit(line)
          for (const row of messageRows) await emit(row)
          lastWasMessage = block.hasMessages
        }
        if (shown.fatal || shown.warn) {
          await emit('')
          await emit(byline(settings, shown))
        }
        if (!first) await out.push('\n')
        await out.flush()
      } finally {
        spool.close()
      }
    }
  }
}

export const stylish: Reporter = {
  name: 'stylish',
  description: 'a report for people (vfile-reporter), on stderr',
  stream: 'stderr',
  format(files, options) {
    if (!files.length) return ''
    const text = vfileReporter([...files], {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose})
    return text ? (text.endsWith('\n') ? text : text + '\n') : ''
  },
  open: openStylish
}
