/**
 * `attribution-lint serve`: the JSON API as a CMS calls it, over real HTTP on loopback.
 * Every bad input of issue 15 gets its status and one clear JSON error, and the service goes
 * on; the token; the CLI start (loopback by default), its usage errors and SIGTERM.
 */
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readFileSync, statSync, writeFileSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {lint} from '../src/index.js'
import {jsonReport} from '../src/report/json.js'
import {createService, DEFAULTS, type Service, type ServiceOptions} from '../src/serve/app.js'
import {parseServe} from '../src/serve/main.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const bin = path.join(root, 'dist/src/cli/bin.js')
const seedPath = path.join(root, 'fixtures/seed/article.raw.md')
const raw = readFileSync(seedPath, 'utf8')
const fixedSeed = readFileSync(path.join(root, 'fixtures/seed/article.fixed.md'), 'utf8')

interface Running {
  service: Service
  url: string
}

async function start(options: Partial<ServiceOptions> = {}): Promise<Running> {
  const service = await createService({config: {}, maxBody: DEFAULTS.maxBody, timeLimit: DEFAULTS.timeLimit, threads: 1, maxQueue: DEFAULTS.maxQueue, version: 'test', ...options})
  const url = await service.app.listen({host: '127.0.0.1', port: 0})
  return {service, url}
}

async function call(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init)
  const text = await response.text()
  let body: any
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return {status: response.status, headers: response.headers, body}
}

const post = (url: string, body: string | Uint8Array, type = 'text/markdown', headers: Record<string, string> = {}) =>
  call(url, {method: 'POST', body, headers: {'Content-Type': type, ...headers}})

/** An error answer: the status, and one JSON error with that code and a message. */
function assertError(answer: {status: number; body: any}, status: number, code: string, pattern?: RegExp) {
  assert.equal(answer.status, status, JSON.stringify(answer.body))
  assert.equal(answer.body.error.status, status)
  assert.equal(answer.body.error.code, code)
  assert.equal(typeof answer.body.error.message, 'string')
  if (pattern) assert.match(answer.body.error.message, pattern)
}

describe('serve: the API', () => {
  let running: Running
  before(async () => {
    running = await start()
  })
  after(() => running.service.close())

  test('POST /api/lint (text/markdown): the --report json entry of the seed, plus its summary', async () => {
    const answer = await post(`${running.url}/api/lint?path=seed.md`, raw)
    assert.equal(answer.status, 200)
    const expected = jsonReport([await lint(raw, {})], {quiet: false, silent: false})[0]
    assert.deepEqual(answer.body.messages, expected.messages)
    assert.equal(answer.body.path, 'seed.md')
    // RULES.md's table of the seed: these rules on these raw lines.
    assert.deepEqual(answer.body.messages.map((m: any) => `${m.line}-${m.endLine} ${m.ruleId}`), [
      '4-4 anonymous-source', '4-4 dangling-outlet', '11-11 vague-attribution', '11-11 founding-after-events', '12-12 dangling-outlet',
      '13-13 unsourced-claim', '14-16 promo-block', '18-18 promo-block'
    ])
    assert.deepEqual(answer.body.summary, {
      findings: 8, errors: 0, warnings: 8, infos: 0, ready: true,
      perRule: [{ruleId: 'anonymous-source', count: 1}, {ruleId: 'vague-attribution', count: 1}, {ruleId: 'unsourced-claim', count: 1}, {ruleId: 'dangling-outlet', count: 2}, {ruleId: 'promo-block', count: 2}, {ruleId: 'founding-after-events', count: 1}]
    })
  })

  test('POST /api/lint (JSON): text, path and locale; the messages in the language asked for', async () => {
    const answer = await post(`${running.url}/api/lint`, JSON.stringify({text: raw, path: 'news/moscow.md', locale: 'en'}), 'application/json')
    assert.equal(answer.status, 200)
    assert.equal(answer.body.path, 'news/moscow.md')
    assert.equal(answer.body.messages.length, 8)
    const anonymous = answer.body.messages.find((m: any) => m.ruleId === 'anonymous-source')
    assert.match(anonymous.reason, /^[\x20-\x7e]+$/, 'an English message')
    assert.equal(anonymous.actual, 'قال مصدر في الهيئات الأمنية المختصة')
  })

  test('POST /api/lint: the fixed seed has no finding and is ready', async () => {
    const answer = await post(`${running.url}/api/lint`, JSON.stringify({text: fixedSeed}), 'application/json')
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.body.messages, [])
    assert.equal(answer.body.path, '<request>')
    assert.equal(answer.body.summary.ready, true)
    assert.equal(answer.body.summary.findings, 0)
  })

  test('POST /api/fix: the text --fix would write, the promo lines as removed ranges, nothing written', async () => {
    const before = statSync(seedPath).mtimeMs
    const answer = await post(`${running.url}/api/fix`, JSON.stringify({text: raw, path: seedPath}), 'application/json')
    assert.equal(answer.status, 200)
    const expected = await lint(raw, {fix: true})
    assert.equal(answer.body.fixed, String(expected.value))
    assert.equal(answer.body.changed, true)
    const lines = raw.split('\n')
    // Exactly the three other stories' headlines (lines 14-16) and the follow-us footer (18).
    assert.deepEqual(answer.body.fixed.split('\n'), [...lines.slice(0, 13), lines[16]])
    assert.deepEqual(answer.body.removed.map((r: any) => [r.line, r.endLine]), [[14, 17], [17, 18]])
    for (const range of answer.body.removed) {
      assert.equal(range.text, raw.slice(range.start, range.end))
      assert.equal(range.replacement, '')
    }
    assert.equal(answer.body.removed[0].text, lines.slice(13, 16).join('\n') + '\n')
    assert.equal(answer.body.removed[1].text, '\n' + lines[17])
    // The report of the fixed text: no promo left (the emergence year still contradicts the attacks' years).
    assert.deepEqual(answer.body.summary.perRule.map((r: any) => r.ruleId), ['anonymous-source', 'vague-attribution', 'unsourced-claim', 'dangling-outlet', 'founding-after-events'])
    assert.equal(readFileSync(seedPath, 'utf8'), raw)
    assert.equal(statSync(seedPath).mtimeMs, before)
  })

  test('POST /api/fix with nothing to fix: the same text, nothing removed', async () => {
    const answer = await post(`${running.url}/api/fix`, fixedSeed)
    assert.equal(answer.status, 200)
    assert.equal(answer.body.fixed, fixedSeed)
    assert.equal(answer.body.changed, false)
    assert.deepEqual(answer.body.removed, [])
  })

  test('`path` is a label: the text sent is linted, not the file it names', async () => {
    const answer = await post(`${running.url}/api/lint`, JSON.stringify({text: 'A short note with nothing to flag.\n', path: seedPath}), 'application/json')
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.body.messages, [])
  })

  test('GET /api/rules: every rule, its docs URL, severity and options', async () => {
    const answer = await call(`${running.url}/api/rules`)
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.body.rules.map((r: any) => r.id), ['unattributed-quote', 'anonymous-source', 'vague-attribution', 'unsourced-claim', 'dangling-outlet', 'promo-block', 'date-weekday', 'impossible-date', 'founding-after-events', 'future-as-past', 'toll-mismatch'])
    for (const rule of answer.body.rules) {
      assert.equal(rule.url, `https://github.com/attribution-lint/attribution-lint/blob/main/docs/rules/${rule.id}.md`)
      assert.equal(rule.severity, 'warn')
      assert.equal(typeof rule.defaults, 'object')
      assert.ok(rule.summary.length > 20)
    }
  })

  test('GET /healthz', async () => {
    const answer = await call(`${running.url}/healthz`)
    assert.equal(answer.status, 200)
    assert.equal(answer.body.status, 'ok')
  })

  test('400 malformed JSON, and the service goes on', async () => {
    assertError(await post(`${running.url}/api/lint`, '{"text": "a', 'application/json'), 400, 'invalid-json', /not valid JSON/)
    assert.equal((await post(`${running.url}/api/lint`, fixedSeed)).status, 200)
  })

  test('400 missing text: no `text`, not a string, not an object, an empty body', async () => {
    assertError(await post(`${running.url}/api/lint`, '{"txt": "a story"}', 'application/json'), 400, 'missing-text', /no `text`/)
    assertError(await post(`${running.url}/api/lint`, '{"text": 42}', 'application/json'), 400, 'missing-text', /must be a string/)
    assertError(await post(`${running.url}/api/lint`, '["a story"]', 'application/json'), 400, 'missing-text')
    assertError(await post(`${running.url}/api/fix`, 'null', 'application/json'), 400, 'missing-text')
    assertError(await post(`${running.url}/api/lint`, ''), 400, 'missing-text', /no article/)
    assertError(await call(`${running.url}/api/lint`, {method: 'POST'}), 400, 'missing-text')
  })

  test('400 invalid UTF-8, naming the byte offset (text body and JSON body)', async () => {
    const article = Buffer.concat([Buffer.from('سطر أول\nو'), Buffer.from([0xd8]), Buffer.from(' بقية\n')])
    const offset = Buffer.byteLength('سطر أول\nو')
    const text = await post(`${running.url}/api/lint`, article)
    assertError(text, 400, 'invalid-utf8', new RegExp(`byte ${offset} of the article \\(line 2\\)`))
    assert.equal(text.body.error.byteOffset, offset)
    const json = Buffer.concat([Buffer.from('{"text": "ok '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
    const answer = await post(`${running.url}/api/fix`, json, 'application/json')
    assertError(answer, 400, 'invalid-utf8', /byte 13 of the request body/)
    assert.equal(answer.body.error.byteOffset, 13)
  })

  test('400 for text that is not an article (binary, whitespace only), with the CLI\'s reason', async () => {
    assertError(await post(`${running.url}/api/lint`, Buffer.from('PNG\0\0\0binary'), 'application/octet-stream'), 400, 'bad-input', /binary/)
    assertError(await post(`${running.url}/api/lint`, JSON.stringify({text: '  \n\t\n'}), 'application/json'), 400, 'bad-input', /only whitespace/)
  })

  test('400 for a bad locale or path', async () => {
    assertError(await post(`${running.url}/api/lint`, JSON.stringify({text: raw, locale: 'fr'}), 'application/json'), 400, 'invalid-field', /`locale`/)
    assertError(await post(`${running.url}/api/lint?locale=xx`, raw), 400, 'invalid-field', /`locale` \(query\)/)
    assertError(await post(`${running.url}/api/lint`, JSON.stringify({text: raw, path: 7}), 'application/json'), 400, 'invalid-field', /`path`/)
  })

  test('413 over the body limit (default 2 MB), with the limit named', async () => {
    const answer = await post(`${running.url}/api/lint`, Buffer.alloc(DEFAULTS.maxBody + 1, 'a'))
    assertError(answer, 413, 'body-too-large', /2 MB/)
    assert.equal(answer.body.error.limit, 2 * 1024 * 1024)
    assert.equal((await post(`${running.url}/api/lint`, fixedSeed)).status, 200)
  })

  test('415 for a form upload or a charset other than UTF-8', async () => {
    assertError(await post(`${running.url}/api/lint`, raw, 'multipart/form-data; boundary=x'), 415, 'unsupported-media-type')
    assertError(await post(`${running.url}/api/lint`, raw, 'text/markdown; charset=iso-8859-1'), 415, 'unsupported-media-type', /UTF-8/)
  })

  test('405 with Allow for a wrong method; 404 for an unknown path', async () => {
    const get = await call(`${running.url}/api/lint`)
    assertError(get, 405, 'method-not-allowed', /use POST/)
    assert.equal(get.headers.get('allow'), 'POST')
    const del = await call(`${running.url}/healthz`, {method: 'DELETE'})
    assertError(del, 405, 'method-not-allowed')
    assert.equal(del.headers.get('allow'), 'GET, HEAD')
    assertError(await call(`${running.url}/api/lint-all`, {method: 'POST'}), 404, 'not-found')
    assertError(await call(`${running.url}/../../etc/passwd`), 404, 'not-found')
  })
})

describe('serve: limits on time and load', () => {
  test('503 over the time limit, and the service goes on', async () => {
    // A 5 MB article takes seconds of linting on any machine (README: 10 MB, 21 s), well over
    // a 2 s limit; the seed takes milliseconds, well under it even on a busy machine.
    const {service, url} = await start({timeLimit: 2000, maxBody: 8 * 1024 * 1024})
    try {
      const big = Array(900).fill(raw).join('\n\n')
      const slow = await post(`${url}/api/lint`, big)
      assertError(slow, 503, 'time-limit', /2,000 ms/)
      assert.equal(slow.body.error.timeLimit, 2000)
      // The stopped thread is replaced (its start counts against the time limit of the
      // requests waiting for it): the seed is linted again, every answer meanwhile a clear 503.
      let next = await post(`${url}/api/lint`, raw)
      for (let tries = 0; next.status === 503 && tries < 30; tries++) {
        assertError(next, 503, 'time-limit')
        await new Promise((resolve) => setTimeout(resolve, 500))
        next = await post(`${url}/api/lint`, raw)
      }
      assert.equal(next.status, 200)
      assert.equal(next.body.messages.length, 8)
    } finally {
      await service.close()
    }
  })

  test('503 busy with Retry-After when more requests than threads and queue come at once', async () => {
    const {service, url} = await start({maxQueue: 0})
    try {
      const answers = await Promise.all(Array.from({length: 4}, () => post(`${url}/api/lint`, raw)))
      const statuses = answers.map((a) => a.status).sort()
      assert.ok(statuses.includes(200), statuses.join())
      const busy = answers.find((a) => a.status === 503)!
      assertError(busy, 503, 'busy')
      assert.equal(busy.headers.get('retry-after'), '1')
    } finally {
      await service.close()
    }
  })
})

describe('serve: token', () => {
  let running: Running
  before(async () => {
    running = await start({token: 'newsroom-secret-1'})
  })
  after(() => running.service.close())

  test('every API call needs Authorization: Bearer <token>', async () => {
    for (const [method, route] of [['POST', '/api/lint'], ['POST', '/api/fix'], ['GET', '/api/rules']]) {
      const none = await call(`${running.url}${route}`, {method, body: method === 'POST' ? raw : undefined})
      assertError(none, 401, 'unauthorized', /Authorization: Bearer/)
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="attribution-lint"')
      assertError(await call(`${running.url}${route}`, {method, body: method === 'POST' ? raw : undefined, headers: {Authorization: 'Bearer newsroom-secret-2'}}), 401, 'unauthorized', /not the one/)
      assertError(await call(`${running.url}${route}`, {method, body: method === 'POST' ? raw : undefined, headers: {Authorization: 'Basic bmV3c3Jvb20='}}), 401, 'unauthorized')
      const ok = await call(`${running.url}${route}`, {method, body: method === 'POST' ? raw : undefined, headers: {Authorization: 'Bearer newsroom-secret-1', 'Content-Type': 'text/markdown'}})
      assert.equal(ok.status, 200, `${method} ${route}`)
    }
  })

  test('the token is checked on the route, however its path is spelled', async () => {
    for (const spelling of ['/%61pi/lint', '/api/%6cint', '/api/lint?x=/healthz']) {
      assertError(await post(`${running.url}${spelling}`, raw), 401, 'unauthorized')
    }
  })

  test('the token is checked before the body: an oversized request without it is 401', async () => {
    assertError(await post(`${running.url}/api/lint`, Buffer.alloc(DEFAULTS.maxBody + 1, 'a')), 401, 'unauthorized')
  })

  test('/healthz and the page need no token', async () => {
    assert.equal((await call(`${running.url}/healthz`)).status, 200)
    assert.notEqual((await call(`${running.url}/`)).status, 401)
  })
})

describe('serve: the config it was started with', () => {
  test('a rule set to error: its severity in /api/rules, and the story is not ready', async () => {
    const {service, url} = await start({config: {rules: {'promo-block': 'error'}}})
    try {
      const rules = await call(`${url}/api/rules`)
      assert.equal(rules.body.rules.find((r: any) => r.id === 'promo-block').severity, 'error')
      const answer = await post(`${url}/api/lint`, raw)
      assert.equal(answer.body.summary.errors, 2)
      assert.equal(answer.body.summary.ready, false)
    } finally {
      await service.close()
    }
  })
})

/** Start `attribution-lint serve …` and wait for the line that says where it listens. */
function spawnServe(args: string[], env: Record<string, string> = {}, cwd = root) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const listening = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1]
      if (url) resolve(url)
    })
    exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return {child, listening, exited, stderr: () => stderr}
}

describe('serve: the command', () => {
  test('binds to 127.0.0.1 by default; the token from the environment; SIGTERM answers the request in flight, then stops', async () => {
    const server = spawnServe(['--port', '0', '--threads', '1'], {ATTRIBUTION_LINT_TOKEN: 'from-the-environment'})
    const url = await server.listening
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
    const auth = {Authorization: 'Bearer from-the-environment'}
    assert.equal((await post(`${url}/api/lint`, raw)).status, 401)
    const big = Array(40).fill(raw).join('\n\n') // about a second of linting
    const inFlight = post(`${url}/api/lint`, big, 'text/markdown', auth)
    // SIGTERM once the service is linting it.
    while ((await call(`${url}/healthz`)).body.inFlight < 1) await new Promise((resolve) => setTimeout(resolve, 20))
    server.child.kill('SIGTERM')
    const answer = await inFlight
    assert.equal(answer.status, 200)
    assert.ok(answer.body.messages.length > 40)
    assert.equal(answer.body.summary.findings, answer.body.messages.length)
    assert.equal(await server.exited, 0)
    assert.match(server.stderr(), /SIGTERM: finishing the requests in flight/)
    await assert.rejects(fetch(`${url}/healthz`))
  })

  test('usage errors: one clear line each', () => {
    for (const [args, pattern] of [
      [['--port', 'eighty'], /--port needs a whole number/],
      [['--port', '70000'], /--port must be 0 to 65535/],
      [['--token', 'short'], /8 characters or more/],
      [['--max-body', 'lots'], /--max-body needs a size/],
      [['--threads', '0'], /--threads needs a whole number, 1 or more/],
      [['--bogus'], /Unknown option '--bogus'/]
    ] as const) {
      assert.throws(() => parseServe(args, {}), pattern)
    }
    assert.equal(parseServe(['--max-body', '512kb'], {}).maxBody, 512 * 1024)
    assert.equal(parseServe([], {}).host, '127.0.0.1')
    assert.equal(parseServe([], {ATTRIBUTION_LINT_TOKEN: 'from-the-env'}).token, 'from-the-env')
    assert.equal(parseServe(['--token', 'from-the-flag'], {ATTRIBUTION_LINT_TOKEN: 'from-the-env'}).token, 'from-the-flag')
  })

  test('a usage error or a broken config stops the start with exit code 2 and one clear line', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'serve-config-'))
    writeFileSync(path.join(folder, '.attributionrc'), '{"rules": {"no-such-rule": "error"}}')
    for (const [args, pattern] of [
      [['--port', 'eighty'], /--port needs a whole number/],
      [['--port', '0'], /unknown rule `no-such-rule`.*the service was not started/]
    ] as const) {
      const server = spawnServe([...args], {}, folder)
      await assert.rejects(server.listening)
      assert.equal(await server.exited, 2, server.stderr())
      assert.match(server.stderr(), pattern)
    }
  })
})
