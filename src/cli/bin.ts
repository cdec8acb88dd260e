#!/usr/bin/env node
/**
 * The `attribution-lint` command. The exit code is set here, from what `main` resolves to:
 * 0 clean, 1 findings, 2 usage, configuration, input or internal error.
 */
import process from 'node:process'
import {isDebug, main} from './run.js'

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  if (isDebug(process.env) && error instanceof Error && error.stack) process.stderr.write(`attribution-lint: internal error: ${error.stack}\n`)
  else process.stderr.write(`attribution-lint: internal error: ${message} (run with DEBUG=attribution-lint for the stack)\n`)
  process.exitCode = 2
}

// A reader that went away (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  else fail(error)
})
process.on('uncaughtException', (error) => {
  fail(error)
  process.exit(2)
})

const argv = process.argv.slice(2)
const io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env}
// `attribution-lint serve`: the service and editor page, another face over the same engine.
const run = argv[0] === 'serve' ? import('../serve/main.js').then(({serve}) => serve(argv.slice(1), io)) : main(argv, io)
run.then(
  (code) => {
    process.exitCode = code
  },
  fail
)
