/**
 * `attribution-lint serve`: the JSON API a CMS calls before its Publish button works, and the
 * editor page, in one warm process. Fastify routes and parses; the linting runs on a pool of
 * worker threads (./worker.ts) so a request over the time limit is stopped and answered 503
 * while the service goes on.
 *
 *   POST /api/lint   the article (text/markdown, or JSON {text, path?, locale?}) → the
 *                    `--report json` entry of the file, plus `summary` (per rule, `ready`)
 *   POST /api/fix    the same input → `fixed` (what --fix would write; nothing is written
 *                    here), `removed` (the ranges of the given text it takes out), and the
 *                    report of the fixed text
 *   GET  /api/rules  every rule: id, docs URL, severity, default options, what it flags
 *   GET  /healthz    {status: "ok"}
 *   GET  /           the editor page (src/page/, bundled by `npm run build`)
 *
 * Every error is JSON: {"error": {"status", "code", "message"}}. The client's input is only
 * ever text to lint: `path` is a label, no request reads or writes a file.
 */
import {createHash, timingSafeEqual} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import Fastify, {type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest} from 'fastify'
import {Piscina} from 'piscina'
import {type Config, DOCS_BASE, firstInvalidUtf8, ruleDoc, rules, ruleSettings} from '../index.js'
import type {JobResult, LintJob, Locale} from './worker.js'

export interface ServiceOptions {
  /** The configuration every request is linted with (loaded once, at start). */
  config: Config
  /** Require `Authorization: Bearer <token>` on every API call. */
  token?: string
  /** The largest request body, in bytes. */
  maxBody: number
  /** The longest a request may take to lint, in milliseconds (queueing included). */
  timeLimit: number
  /** Worker threads that lint. */
  threads: number
  /** Requests that may wait for a thread; more are answered 503 at once. */
  maxQueue: number
  /** The linter's version, for /healthz. */
  version: string
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  maxBody: 2 * 1024 * 1024,
  timeLimit: 5000,
  threads: Math.max(1, Math.min(availableParallelism(), 4)),
  maxQueue: 256
}

/** The environment variable that holds the token when --token is not given. */
export const TOKEN_ENV = 'ATTRIBUTION_LINT_TOKEN'

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message)
  }
}

function send(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send({error: {status: error.status, code: error.code, message: error.message, ...error.extra}})
}

const LOCALES = ['ar', 'en', 'auto']

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', {maximumFractionDigits: 2})} MB`

/** The request body as text: UTF-8 only, with the offset of the first bad byte otherwise. */
const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
function decode(bytes: Buffer, what: string): string {
  try {
    return decoder.decode(bytes)
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes))
    let line = 1
    for (let i = 0; i < at; i++) if (bytes[i] === 10) line++
    throw new HttpError(400, 'invalid-utf8', `Invalid UTF-8 at byte ${at} of ${what} (line ${line}): send the article as UTF-8`, {byteOffset: at, line})
  }
}

interface Input {
  text: string
  path?: string
  locale?: Locale
}

function checkPath(path: unknown, where: string): string | undefined {
  if (path === undefined || path === null) return undefined
  if (typeof path !== 'string' || !path.trim() || path.length > 1000 || /[\u0000-\u001f]/.test(path)) {
    throw new HttpError(400, 'invalid-field', `\`path\`${where} must be a file name such as "story.md" (a label for the report; nothing is read), not ${JSON.stringify(path).slice(0, 80)}`)
  }
  return path
}

function checkLocale(locale: unknown, where: string): Locale | undefined {
  if (locale === undefined || locale === null) return undefined
  if (typeof locale !== 'string' || !LOCALES.includes(locale)) {
    throw new HttpError(400, 'invalid-field', `\`locale\`${where} must be "ar", "en" or "auto", not ${JSON.stringify(locale).slice(0, 80)}`)
  }
  return locale as Locale
}

/** The article and its options, from a JSON body or from a text body and the query string. */
function readInput(request: FastifyRequest): Input {
  const body = request.body as {json: unknown} | {text: string} | undefined
  if (body && 'json' in body) {
    const value = body.json
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new HttpError(400, 'missing-text', 'Expected a JSON object {"text": "<the article in markdown>", "path"?, "locale"?}')
    }
    const {text, path, locale} = value as Record<string, unknown>
    if (typeof text !== 'string') {
      throw new HttpError(400, 'missing-text', text === undefined ? 'The JSON body has no `text`: send {"text": "<the article in markdown>"}' : `\`text\` must be a string (the article in markdown), not ${Array.isArray(text) ? 'an array' : typeof text}`)
    }
    return {text, path: checkPath(path, ''), locale: checkLocale(locale, '')}
  }
  const query = (request.query ?? {}) as Record<string, unknown>
  const text = body?.text ?? ''
  if (!text) throw new HttpError(400, 'missing-text', 'The request has no article: send it as the body (Content-Type: text/markdown) or as JSON {"text": "…"}')
  return {text, path: checkPath(query.path, ' (query)'), locale: checkLocale(query.locale, ' (query)')}
}

/** The same digest length for any token, so comparing takes the same time whatever was sent. */
const digest = (text: string) => createHash('sha256').update(text).digest()

/** Routes and the methods they answer: another method on one of them is 405, not 404. */
const ROUTES: Record<string, string[]> = {
  '/api/lint': ['POST'],
  '/api/fix': ['POST'],
  '/api/rules': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
  '/': ['GET', 'HEAD'],
  '/page.js': ['GET', 'HEAD'],
  '/page.css': ['GET', 'HEAD']
}

/** The bundled editor page (dist/page/), read once; undefined when it was not built. */
function pageAssets(): Record<string, {type: string; body: Buffer}> | undefined {
  const folder = new URL('../../page/', import.meta.url)
  try {
    return {
      '/': {type: 'text/html; charset=utf-8', body: readFileSync(new URL('index.html', folder))},
      '/page.js': {type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('page.js', folder))},
      '/page.css': {type: 'text/css; charset=utf-8', body: readFileSync(new URL('page.css', folder))}
    }
  } catch {
    return undefined
  }
}

export interface Service {
  app: FastifyInstance
  /** Stop taking requests, finish those in flight, stop the threads. */
  close(): Promise<void>
}

export async function createService(options: ServiceOptions): Promise<Service> {
  const pool = new Piscina<LintJob, JobResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: {config: options.config}
  })
  const app = Fastify({
    logger: false,
    bodyLimit: options.maxBody,
    // A client that sends its request slowly is cut off; linting has its own limit.
    requestTimeout: Math.max(30_000, 2 * options.timeLimit),
    return503OnClosing: true
  })
  let closing = false
  // While stopping, every answer closes its connection, so a client's keep-alive connection
  // does not hold the stop up (it would until its timeout).
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close')
  })
  const tokenDigest = options.token ? digest(options.token) : undefined
  const assets = pageAssets()

  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', {parseAs: 'buffer'}, (_request, body: Buffer, done) => {
    const text = decode(body, 'the request body')
    try {
      done(null, {json: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)})
    } catch (error) {
      done(new HttpError(400, 'invalid-json', `The body is not valid JSON (${(error as Error).message}): send {"text": "<the article in markdown>"}`), undefined)
    }
  })
  app.addContentTypeParser('*', {parseAs: 'buffer'}, (request, body: Buffer, done) => {
    const type = String(request.headers['content-type'] ?? '')
    if (/^multipart\//i.test(type)) {
      done(new HttpError(415, 'unsupported-media-type', 'Send the article as the body (Content-Type: text/markdown) or as JSON {"text": "…"}, not as a form upload'), undefined)
      return
    }
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(type)?.[1]
    if (charset && !/^utf-?8$/i.test(charset)) {
      done(new HttpError(415, 'unsupported-media-type', `The article must be UTF-8, not ${charset}`), undefined)
      return
    }
    done(null, {text: decode(body, 'the article')})
  })

  app.addHook('onRequest', async (request, reply) => {
    // By the route matched, not the raw URL: `/%61pi/lint` is routed to /api/lint too.
    if (!tokenDigest || !(request.routeOptions.url ?? request.url).startsWith('/api/')) return
    const header = request.headers.authorization ?? ''
    const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1]
    if (!given || !timingSafeEqual(digest(given), tokenDigest)) {
      reply.header('WWW-Authenticate', 'Bearer realm="attribution-lint"')
      return send(reply, new HttpError(401, 'unauthorized', given ? 'The token is not the one this service was started with' : 'This service needs a token: send the header `Authorization: Bearer <token>`'))
    }
  })

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.code === 'busy') reply.header('Retry-After', '1')
      return send(reply, error)
    }
    const code = (error as FastifyError).code
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, new HttpError(413, 'body-too-large', `The request body is over the limit of ${megabytes(options.maxBody)} (${options.maxBody.toLocaleString('en')} bytes); an article is far smaller: send one article at a time`, {limit: options.maxBody}))
    }
    const status = (error as FastifyError).statusCode
    if (status && status >= 400 && status < 500) return send(reply, new HttpError(status, 'bad-request', error.message))
    process.stderr.write(`attribution-lint serve: internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}\n`)
    return send(reply, new HttpError(500, 'internal-error', 'Internal error while linting; the service goes on (see its log)'))
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const allowed = ROUTES[path]
    if (allowed) {
      reply.header('Allow', allowed.join(', '))
      return send(reply, new HttpError(405, 'method-not-allowed', `${request.method} is not allowed on ${path}; use ${allowed.filter((m) => m !== 'HEAD').join(' or ')}`))
    }
    return send(reply, new HttpError(404, 'not-found', `No such path: ${path.slice(0, 200)}; the API is POST /api/lint, POST /api/fix, GET /api/rules, GET /healthz`))
  })

  let inFlight = 0
  async function runJob(job: LintJob) {
    if (inFlight >= options.threads + options.maxQueue) {
      throw new HttpError(503, 'busy', `Too many articles at once (${inFlight} being linted or waiting); try again in a moment`, {retryAfter: 1})
    }
    let result: JobResult
    inFlight++
    try {
      result = await pool.run(job, {signal: AbortSignal.timeout(options.timeLimit)})
    } catch (error) {
      if ((error as Error).name === 'AbortError') {
        throw new HttpError(503, 'time-limit', `Linting took longer than the time limit of ${options.timeLimit.toLocaleString('en')} ms and was stopped; the article was not linted (is it one article? send a shorter text)`, {timeLimit: options.timeLimit})
      }
      throw error
    } finally {
      inFlight--
    }
    if ('badInput' in result) throw new HttpError(400, 'bad-input', result.badInput.reason, {line: result.badInput.line, column: result.badInput.column})
    return result.answer
  }

  const lintRoute = (kind: LintJob['kind']) => async (request: FastifyRequest, reply: FastifyReply) => {
    const input = readInput(request)
    const answer = await runJob({kind, ...input})
    if (!input.path) answer.path = '<request>'
    reply.header('Cache-Control', 'no-store')
    return answer
  }
  app.post('/api/lint', lintRoute('lint'))
  app.post('/api/fix', lintRoute('fix'))

  const ruleList = ruleSettings(options.config).map(([rule, setting]) => {
    const [severity] = setting as [string, unknown?]
    return {id: rule.ruleId, url: `${DOCS_BASE}${rule.ruleId}.md`, severity, options: (setting as unknown[])[1] ?? null, defaults: rule.defaults, summary: ruleDoc(rule.ruleId).summary.replace(/\s+/g, ' ')}
  })
  app.get('/api/rules', async () => ({rules: ruleList}))
  app.get('/healthz', async () => ({status: 'ok', version: options.version, rules: rules.length, threads: pool.threads.length, inFlight, queued: pool.queueSize}))

  for (const [path, asset] of Object.entries(assets ?? {})) {
    app.get(path, async (_request, reply) => reply.type(asset.type).header('Cache-Control', 'no-cache').send(asset.body))
  }
  if (!assets) {
    app.get('/', async (_request, reply) => send(reply, new HttpError(503, 'page-not-built', 'The editor page was not built: run `npm run build`; the API works without it')))
  }

  // Linting every request is what the service is for: the threads start before it listens.
  await Promise.all(Array.from({length: options.threads}, () => pool.run({kind: 'lint', text: 'Warm-up.'})))
  return {
    app,
    async close() {
      closing = true
      await app.close()
      await pool.destroy()
    }
  }
}
