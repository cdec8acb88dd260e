/**
 * A worker thread of `--jobs`: lints the files the main thread sends, one at a time, and
 * posts back their messages as data (src/cli/lint-task.ts).
 */
import {parentPort} from 'node:worker_threads'
import {lintTask, serializeError, type LintTask} from './lint-task.js'

if (!parentPort) throw new Error('lint-worker.js runs as a worker thread of the CLI')
const port = parentPort
port.on('message', async ({id, task}: {id: number; task: LintTask}) => {
  try {
    port.postMessage({id, result: await lintTask(task)})
  } catch (error) {
    // Linting reports its own failures in the result; this is a failure to post it.
    port.postMessage({id, result: {messages: [], data: {}, thrown: {error: serializeError(error)}}})
  }
})
