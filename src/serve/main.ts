/**
 * `attribution-lint serve [options]`: start the service (./app.ts), print where it listens,
 * and stop gracefully on SIGTERM or SIGINT (requests in flight are answered first).
 * The configuration is read once, at start: from --rc-path, or found from the working folder
 * upwards as for an article read from stdin; a broken one stops the start with exit code 2.
 */
import {parseArgs} from 'node:util'
import {ConfigFinder} from '../cli/config.js'
import {describeError} from '../cli/errors.js'
import {type Io, version} from '../cli/run.js'
import {createService, DEFAULTS, TOKEN_ENV} from './app.js'

export const SERVE_USAGE = 'Usage: attribution-lint serve [--host 127.0.0.1] [--port 8787] [--rc-path <file>] [options]'

function helpText(): string {
  return `${SERVE_USAGE}

Serve the linter as a JSON API for a CMS, and the editor page at /, from one warm process.

  POST /api/lint   the article (Content-Type: text/markdown, or JSON {"text", "path"?, "locale"?})
                   → the --report json entry of the article, plus "summary" (per rule, "ready")
  POST /api/fix    the same → "fixed" (the text --fix would write; nothing is written),
                   "removed" (the ranges it takes out), and the report of the fixed text
  GET  /api/rules  every rule with its docs URL, severity and options
  GET  /healthz    {"status": "ok"}

Options:
  -h  --help                 output usage information
      --host <address>       address to listen on (default ${DEFAULTS.host}: this machine only;
                             put a reverse proxy in front to serve others)
  -p  --port <n>             port (default ${DEFAULTS.port}; 0: any free port)
  -r  --rc-path <file>       use this configuration file (default: found from the working folder up)
      --no-config            use no configuration file
      --token <secret>       require \`Authorization: Bearer <secret>\` on every /api/ call
                             (default: the ${TOKEN_ENV} environment variable, if set)
      --max-body <bytes>     largest request body (default ${DEFAULTS.maxBody}, 2 MB); also 512kb, 4mb
      --time-limit <ms>      longest time to lint one request, queueing included (default ${DEFAULTS.timeLimit})
      --threads <n>          worker threads that lint (default ${DEFAULTS.threads} here)
      --max-queue <n>        requests that may wait for a thread (default ${DEFAULTS.maxQueue}); more get 503
`
}

class UsageError extends Error {}

function whole(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) throw new UsageError(`${flag} needs a whole number, ${min} or more, not \`${value}\``)
  return Number(value)
}

const UNITS: Record<string, number> = {'': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024}

function bytes(value: string | undefined): number {
  if (value === undefined) return DEFAULTS.maxBody
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(value)
  const size = match ? Math.round(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]) : NaN
  if (!Number.isSafeInteger(size) || size < 1) throw new UsageError(`--max-body needs a size such as 2097152, 512kb or 2mb, not \`${value}\``)
  return size
}

export function parseServe(argv: readonly string[], env: NodeJS.ProcessEnv) {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: {type: 'boolean', short: 'h'},
        host: {type: 'string'},
        port: {type: 'string', short: 'p'},
        'rc-path': {type: 'string', short: 'r'},
        'no-config': {type: 'boolean'},
        token: {type: 'string'},
        'max-body': {type: 'string'},
        'time-limit': {type: 'string'},
        threads: {type: 'string'},
        'max-queue': {type: 'string'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const values = parsed.values
  const port = whole('--port', values.port, DEFAULTS.port, 0)
  if (port > 65535) throw new UsageError(`--port must be 0 to 65535, not ${port}`)
  const token = values.token ?? (env[TOKEN_ENV] || undefined)
  if (token !== undefined && (token.length < 8 || /\s/.test(token))) throw new UsageError(`the token (--token or ${TOKEN_ENV}) must be 8 characters or more, without spaces`)
  if (values['rc-path'] !== undefined && values['no-config']) throw new UsageError('Give --rc-path or --no-config, not both')
  return {
    help: values.help ?? false,
    host: values.host ?? DEFAULTS.host,
    port,
    rcPath: values['rc-path'],
    detectConfig: !values['no-config'],
    token,
    maxBody: bytes(values['max-body']),
    timeLimit: whole('--time-limit', values['time-limit'], DEFAULTS.timeLimit, 1),
    threads: whole('--threads', values.threads, DEFAULTS.threads, 1),
    maxQueue: whole('--max-queue', values['max-queue'], DEFAULTS.maxQueue, 0)
  }
}

/** Run the service until SIGTERM or SIGINT; resolves to the exit code. */
export async function serve(argv: readonly string[], io: Io, signals: NodeJS.EventEmitter = process): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`attribution-lint serve: ${message}\n`)
    return 2
  }
  let options: ReturnType<typeof parseServe>
  try {
    options = parseServe(argv, io.env)
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${SERVE_USAGE}\nRun \`attribution-lint serve --help\` for the options.`)
    throw error
  }
  if (options.help) {
    io.stdout.write(helpText())
    return 0
  }
  const outcome = await new ConfigFinder({cwd: io.cwd, detect: options.detectConfig, rcPath: options.rcPath}).forFile(undefined)
  if ('configError' in outcome) return fail(`${outcome.configError.message} (fix it; the service was not started)`)
  if ('error' in outcome) return fail(`${describeError(outcome.error)} (the service was not started)`)

  const service = await createService({config: outcome.config, token: options.token, maxBody: options.maxBody, timeLimit: options.timeLimit, threads: options.threads, maxQueue: options.maxQueue, version: version()})
  let address: string
  try {
    address = await service.app.listen({host: options.host, port: options.port})
  } catch (error) {
    await service.close()
    const code = (error as NodeJS.ErrnoException).code
    return fail(code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is in use: give another with --port` : describeError(error))
  }
  io.stderr.write(`attribution-lint serve: listening on ${address} (editor page at /, API at /api/lint${options.token ? ', token required' : ''}); stop with Ctrl-C or SIGTERM\n`)
  return new Promise((resolve) => {
    let stopping = false
    const stop = (signal: string) => {
      if (stopping) return
      stopping = true
      io.stderr.write(`attribution-lint serve: ${signal}: finishing the requests in flight, then stopping\n`)
      service.close().then(
        () => resolve(0),
        (error: unknown) => {
          io.stderr.write(`attribution-lint serve: while stopping: ${describeError(error)}\n`)
          resolve(1)
        }
      )
    }
    signals.once('SIGTERM', () => stop('SIGTERM'))
    signals.once('SIGINT', () => stop('SIGINT'))
  })
}
