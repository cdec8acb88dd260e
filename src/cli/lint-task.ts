/**
 * Lint one file for the CLI, in this thread or in a worker (src/cli/jobs.ts): the file's text
 * and configuration in, its messages out as plain data (structured-clone safe), so that the
 * report is the same byte for byte whichever thread linted the file.
 *
 * The syntax tree and the article model live only for the length of the call: nothing of a
 * file but its messages outlives it, which keeps memory flat however many files a run has.
 */
import type {Node} from 'unist'
import {VFile} from 'vfile'
import type {Config} from '../config.js'
import {setRawBytes} from '../input.js'
import {createBaseProcessor, lintWith, type LintProcessor} from '../processor.js'
import attributionLint from '../preset.js'

export interface LintTask {
  path?: string
  cwd: string
  /** The text as the runner read it (UTF-8). */
  value: string
  /** The raw bytes, when the CLI read them itself (stdin, fixed text), for the UTF-8 check. */
  raw?: Uint8Array
  /** The preset's options from the file's configuration (undefined: defaults). */
  config?: Config
}

export interface SerializedError {
  name: string
  message: string
  stack?: string
  code?: unknown
}

/** A VFileMessage as data: its own fields, `ancestors` without their children, `cause` serialized. */
export type LeanMessage = Record<string, unknown> & {reason: string; cause?: SerializedError}

export interface LintResult {
  messages: LeanMessage[]
  /** What the preset left on `file.data` for reports (plain data only; not the raw bytes). */
  data: Record<string, unknown>
  /**
   * What linting threw: the index of a message of the file (bad input, as the parser throws
   * it), or another error (a crash), to be thrown again where the runner will see it.
   */
  thrown?: {message: number} | {error: SerializedError}
}

/** Where src/input.ts keeps the raw bytes on a file. */
const RAW = 'attributionLintRaw'

const processors = new Map<string, LintProcessor>()

function processorFor(config: Config | undefined): LintProcessor {
  const key = JSON.stringify(config ?? null)
  let processor = processors.get(key)
  if (!processor) {
    processor = createBaseProcessor({fromDisk: true}).use(attributionLint, config)
    processors.set(key, processor)
  }
  return processor
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as {code?: unknown}).code
    return {name: error.name, message: error.message, stack: error.stack, ...(code === undefined ? {} : {code})}
  }
  return {name: 'Error', message: String(error)}
}

/** Ancestors as reports show them (type, name, position), without their children: not the whole tree. */
function leanAncestors(ancestors: Node[]): Node[] {
  return ancestors.map((node) => {
    const {type, position, name, tagName} = node as Node & {name?: unknown; tagName?: unknown}
    return {type, ...(position ? {position} : {}), ...(name === undefined ? {} : {name}), ...(tagName === undefined ? {} : {tagName})} as Node
  })
}

/**
 * Fields of a message that no report reads: `file` and `name` repeat the path and place,
 * `messageId` and `messageData` are for the API's callers. Leaving them out of what a run
 * holds for every message keeps its memory down (and the posting from workers cheaper).
 */
const UNREPORTED = new Set(['file', 'name', 'messageId', 'messageData'])

function leanMessage(message: object): LeanMessage {
  const lean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(message)) {
    if (value === undefined || UNREPORTED.has(key)) continue
    // `message` is `reason` unless something changed one of them: one string to post and keep.
    if (key === 'message' && value === (message as {reason?: unknown}).reason) continue
    lean[key] = key === 'cause' ? serializeError(value) : key === 'ancestors' ? leanAncestors(value as Node[]) : value
  }
  // `stack` is an own property of an Error but not enumerable; a message's is empty unless it has a cause (and so is a revived one's).
  const stack = (message as Error).stack
  if (stack) lean.stack = stack
  return lean as LeanMessage
}

export async function lintTask(task: LintTask): Promise<LintResult> {
  const file = new VFile({path: task.path, cwd: task.cwd, value: task.value})
  if (task.raw) setRawBytes(file, task.raw)
  let thrown: LintResult['thrown']
  try {
    await lintWith(processorFor(task.config), file)
  } catch (error) {
    const index = file.messages.indexOf(error as never)
    thrown = index === -1 ? {error: serializeError(error)} : {message: index}
  }
  return {messages: file.messages.map(leanMessage), data: plainData(file.data as Record<string, unknown>), thrown}
}

/** The entries of `file.data` that are plain data (a worker can post them back). */
function plainData(data: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (key === RAW || typeof value === 'function') continue
    try {
      plain[key] = structuredClone(value)
    } catch {
      // Not data (say, a class with methods): it stays where it was made.
    }
  }
  return plain
}
