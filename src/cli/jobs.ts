/**
 * `--jobs N`: lint the files of a run on N worker threads.
 *
 * The runner (src/cli/run.ts) finds the files, reads them and resolves each one's
 * configuration, in this thread, and hands the text and the configuration to a `LintPool`,
 * which gives back the messages. The runner prints files in the order it found them, so the
 * report is the same whichever worker finished first: `--jobs 4` prints what `--jobs 1`
 * prints, byte for byte.
 *
 * When workers run, this thread lints nothing: it only feeds them. A file linted here keeps
 * the event loop busy from start to end, and, its chain of promises never yielding, let this
 * thread take the next file before it saw a worker's answer, so that one worker linted two
 * files of 200 (measured); reading and printing then also waited on linting.
 *
 * With `--jobs 1`, or a handful of files, no worker starts: this thread lints every file, on
 * the same path, so there is one way to lint a file in the CLI. Either way the syntax tree and
 * the article model of a file are dropped as soon as its messages are out (src/cli/lint-task.ts).
 */
import os from 'node:os'
import {Worker} from 'node:worker_threads'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Config} from '../config.js'
import type {LeanMessage, LintResult, LintTask, SerializedError} from './lint-task.js'

/** The default of `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return os.availableParallelism()
}

/** Files each worker is given ahead, so that it never waits for the main thread. */
const AHEAD = 2
/** Below this many files, this thread lints them all: a worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8

interface Pending {
  id: number
  task: LintTask
  resolve: (result: LintResult) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  running: Map<number, Pending>
}

export class LintPool {
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private nextId = 0
  private closed = false
  private threadBusy = false
  /** How many workers this pool started (for tests). */
  started = 0

  /**
   * `keepText`: keep each file's text once it is linted (--fix needs it); without it the text is
   * dropped, as no report reads it, so a run holds only messages.
   */
  constructor(
    private readonly jobs: number,
    readonly settings: {keepText?: boolean} = {}
  ) {}

  /**
   * Lint a file. `files` is how many files the run has. `--jobs N` starts N workers, and none
   * for `--jobs 1` or a run too small to repay a worker's start-up (which loads the parser,
   * the model and lexicons again): this thread lints those.
   */
  lint(task: LintTask, files: number): Promise<LintResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({id: this.nextId++, task, resolve, reject})
      const workers = this.jobs > 1 && files >= MIN_FILES_FOR_WORKERS ? Math.min(this.jobs, files) : 0
      while (!this.closed && this.slots.length < workers) this.spawn()
      this.dispatch()
    })
  }

  /** Stop the workers (they would keep the process alive). */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
  }

  private running(): number {
    return this.slots.reduce((sum, slot) => sum + slot.running.size, 0)
  }

  private spawn(): void {
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url))
    this.started++
    const slot: Slot = {worker, running: new Map()}
    worker.on('message', ({id, result}: {id: number; result: LintResult}) => {
      const pending = slot.running.get(id)
      if (!pending) return
      slot.running.delete(id)
      pending.resolve(result)
      this.dispatch()
    })
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot)
      if (index !== -1) this.slots.splice(index, 1)
      for (const pending of slot.running.values()) pending.reject(new Error('A lint worker stopped', {cause: error}))
      slot.running.clear()
      if (!this.closed && this.queue.length) {
        this.spawn()
        this.dispatch()
      }
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`exit code ${code}`))
    })
    this.slots.push(slot)
  }

  private dispatch(): void {
    for (;;) {
      const pending = this.queue[0]
      if (!pending) return
      let best: Slot | undefined
      for (const slot of this.slots) if (slot.running.size < AHEAD && (!best || slot.running.size < best.running.size)) best = slot
      if (best) {
        this.queue.shift()
        best.running.set(pending.id, pending)
        best.worker.postMessage({id: pending.id, task: pending.task})
      } else if (!this.slots.length && !this.threadBusy) {
        this.queue.shift()
        this.runInThread(pending)
      } else {
        return
      }
    }
  }

  /** Lint in this thread, one file at a time: started together, every file would be parsed before the first is linted. */
  private runInThread(pending: Pending): void {
    this.threadBusy = true
    import('./lint-task.js')
      .then(({lintTask}) => lintTask(pending.task))
      .then(pending.resolve, pending.reject)
      .finally(() => {
        this.threadBusy = false
        this.dispatch()
      })
  }
}

function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message)
  error.name = serialized.name
  error.stack = serialized.stack
  if (serialized.code !== undefined) (error as {code?: unknown}).code = serialized.code
  return error
}

function reviveMessage(lean: LeanMessage): VFileMessage {
  const message = new VFileMessage(lean.reason)
  const {cause, ...fields} = lean as Record<string, unknown> & {cause?: SerializedError}
  Object.assign(message, fields)
  if (cause) message.cause = reviveError(cause)
  return message
}

/** Where the CLI keeps raw bytes on a file (see src/input.ts `setRawBytes`). */
const RAW = 'attributionLintRaw'

/**
 * Lint `file` (its text in `file.value`) with `pool`, and put its messages on it. `files` is
 * how many files the run has. What linting threw is thrown, with its messages on the file.
 * Resolves to the lint's result as data (for the cache).
 */
export async function lintFile(pool: LintPool, file: VFile, config: Config | undefined, files: number): Promise<LintResult> {
  const raw = (file.data as Record<string, unknown>)[RAW]
  const task: LintTask = {path: file.path, cwd: file.cwd, value: String(file.value ?? ''), raw: raw instanceof Uint8Array ? raw : undefined, config}
  const result = await pool.lint(task, files)
  if (!pool.settings.keepText) file.value = ''
  applyResult(file, result)
  return result
}

/** Put a lint's result (fresh, or from the cache) on `file`; what linting threw is thrown. */
export function applyResult(file: VFile, result: LintResult): void {
  Object.assign(file.data, result.data)
  // A revived message's stack is a field of its own (empty, or its cause's), so the stack
  // trace that constructing an Error captures is thrown away: not capturing it halves the cost
  // of reviving (a cached run's messages are most of its work).
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let messages: VFileMessage[]
  try {
    messages = result.messages.map(reviveMessage)
  } finally {
    Error.stackTraceLimit = limit
  }
  file.messages.push(...messages)
  if (result.thrown) throw 'message' in result.thrown ? messages[result.thrown.message] : reviveError(result.thrown.error)
}
