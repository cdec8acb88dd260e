/**
 * The service's linting, on a worker thread (a piscina pool, see ./pool.ts): an article in,
 * the JSON answer out. On a thread so that an article that takes longer than the time limit
 * can be stopped (the pool ends the thread and starts a new one) while the service goes on.
 *
 * Each thread loads the lexicons and builds its processors once, when it starts (a warm-up
 * lint per message language), so a request pays only for its own article.
 */
import {workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {BAD_INPUT, createProcessor, lintFile, type Config} from '../index.js'
import {type JsonFile, jsonReport} from '../report/json.js'
import {summarize} from '../report/summary.js'

export type Locale = 'ar' | 'en' | 'auto'

export interface LintJob {
  kind: 'lint' | 'fix'
  text: string
  /** Only a label for the report: never read, never written. */
  path?: string
  locale?: Locale
}

/** The summary per rule, and whether the story may be published. */
export interface ServeSummary {
  findings: number
  errors: number
  warnings: number
  infos: number
  perRule: Array<{ruleId: string; count: number}>
  /** No error-level finding under the configured severities. */
  ready: boolean
}

/** What `/api/lint` answers: the `--report json` entry of the file, and its summary. */
export type LintAnswer = JsonFile & {summary: ServeSummary}

/** A range of the given text that the fix removes (or replaces), with its place. */
export interface RemovedRange {
  /** Offsets in the text as sent, in UTF-16 code units (JavaScript string offsets). */
  start: number
  end: number
  line: number
  column: number
  endLine: number
  endColumn: number
  /** The text removed. */
  text: string
  /** What takes its place ('' for a removal). */
  replacement: string
}

/** What `/api/fix` answers: the fixed text, what was removed, and the report of the fixed text. */
export type FixAnswer = LintAnswer & {fixed: string; changed: boolean; fixesApplied: number; removed: RemovedRange[]}

export type JobResult = {answer: LintAnswer | FixAnswer} | {badInput: {reason: string; line: number | null; column: number | null}}

const config = ((workerData as {config?: Config} | undefined)?.config ?? {}) as Config
const processors = new Map<string, ReturnType<typeof createProcessor>>()

function processorFor(locale: Locale | undefined) {
  const key = locale ?? ''
  let processor = processors.get(key)
  if (!processor) {
    processor = createProcessor(locale ? {...config, locale} : config)
    processors.set(key, processor)
  }
  return processor
}

function summaryOf(file: VFile): ServeSummary {
  const summary = summarize([file], {silent: false})
  return {
    findings: summary.errors + summary.warnings + summary.infos,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    perRule: summary.perRule.map(([ruleId, count]) => ({ruleId, count})),
    ready: summary.errors === 0
  }
}

function answerOf(file: VFile): LintAnswer {
  return {...jsonReport([file], {quiet: false, silent: false})[0], summary: summaryOf(file)}
}

export default async function run(job: LintJob): Promise<JobResult> {
  const file = new VFile({path: job.path, value: job.text})
  let linted: VFile
  try {
    linted = await lintFile(processorFor(job.locale), file, job.kind === 'fix')
  } catch (error) {
    const message = error as {ruleId?: string; reason?: string; line?: number; column?: number}
    if (message.ruleId !== BAD_INPUT) throw error
    return {badInput: {reason: message.reason ?? String(error), line: message.line ?? null, column: message.column ?? null}}
  }
  if (job.kind === 'lint') return {answer: answerOf(linted)}
  const where = location(job.text)
  const removed = (linted.data.fixEdits ?? []).map((edit): RemovedRange => {
    const start = where.toPoint(edit.start)!
    const end = where.toPoint(edit.end) ?? where.toPoint(job.text.length)!
    return {start: edit.start, end: edit.end, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: job.text.slice(edit.start, edit.end), replacement: edit.text}
  })
  const fixed = String(linted.value)
  return {answer: {...answerOf(linted), fixed, changed: fixed !== job.text, fixesApplied: linted.data.fixesApplied ?? 0, removed}}
}

// Warm-up: lexicons, processors and the hot paths, before the thread takes its first request.
for (const locale of [undefined, 'ar', 'en'] as const) {
  await lintFile(processorFor(locale), new VFile({value: 'قال مصدر إن 62 شخصا قتلوا.\n\nExperts say 62 people died, "it was bad".\n'}), true)
}
