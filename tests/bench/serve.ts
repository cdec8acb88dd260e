/**
 * `npm run bench:serve`: the service as a CMS sees it, on loopback.
 *
 * Starts `attribution-lint serve --port 0` as its own process (default threads), then
 *   (1) warm latency: after a warm-up, N requests one after another, each the seed article
 *       (fixtures/seed/article.raw.md) to POST /api/lint; the median, p90 and p99 round trip,
 *       beside the engine alone (`lint()` in this process) on the same article;
 *   (2) load: M requests at concurrency C (default 200 at 20), each answer checked: status
 *       200 and exactly the findings of the first answer; wall time, requests per second and
 *       the latency spread under load.
 * Bounded in count and time (every request has a 30 s timeout) and only to 127.0.0.1.
 * Options: --sequential N (default 200), --requests M (200), --concurrency C (20),
 * --threads T (the service's default), --json FILE. A benchmark, never a test: it asserts nothing,
 * but it prints how many answers were wrong, and exits 1 if any was.
 */
import {spawn} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {lint} from '../../src/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const bin = path.join(repo, 'dist/src/cli/bin.js')
const seed = readFileSync(path.join(repo, 'fixtures/seed/article.raw.md'), 'utf8')

const {values} = parseArgs({
  options: {
    sequential: {type: 'string', default: '200'},
    requests: {type: 'string', default: '200'},
    concurrency: {type: 'string', default: '20'},
    threads: {type: 'string'},
    json: {type: 'string'}
  }
})
const sequential = Number(values.sequential)
const requests = Number(values.requests)
const concurrency = Number(values.concurrency)

const quantile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
const ms = (value: number) => `${value.toFixed(1)} ms`

/** CPU time (user + system, all threads) of a process so far, in ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in clock ticks (100 a second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return undefined
  }
}

function startService(): Promise<{url: string; pid: number | undefined; stop: () => Promise<void>}> {
  const args = [bin, 'serve', '--port', '0', ...(values.threads ? ['--threads', values.threads] : [])]
  const child = spawn(process.execPath, args, {cwd: repo, stdio: ['ignore', 'inherit', 'pipe']})
  let stderr = ''
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1]
      if (url) {
        resolve({
          url,
          pid: child.pid,
          stop: () => new Promise((done) => {
            child.removeAllListeners('exit')
            child.on('exit', () => done())
            child.kill('SIGTERM')
          })
        })
      }
    })
  })
}

async function lintOnce(url: string): Promise<{ms: number; status: number; findings: string}> {
  const start = performance.now()
  const response = await fetch(`${url}/api/lint`, {method: 'POST', body: seed, headers: {'Content-Type': 'text/markdown'}, signal: AbortSignal.timeout(30_000)})
  const body = (await response.json()) as {messages?: unknown}
  return {ms: performance.now() - start, status: response.status, findings: JSON.stringify(body.messages ?? body)}
}

const service = await startService()
try {
  // The engine alone, warm, in this process: what the HTTP round trip adds to.
  for (let i = 0; i < 20; i++) await lint(seed)
  const engine: number[] = []
  for (let i = 0; i < sequential; i++) {
    const start = performance.now()
    await lint(seed)
    engine.push(performance.now() - start)
  }

  const first = await lintOnce(service.url)
  for (let i = 0; i < 30; i++) await lintOnce(service.url)
  const warm: number[] = []
  let wrongWarm = 0
  const cpuBefore = cpuMs(service.pid)
  for (let i = 0; i < sequential; i++) {
    const answer = await lintOnce(service.url)
    warm.push(answer.ms)
    if (answer.status !== 200 || answer.findings !== first.findings) wrongWarm++
  }
  const cpuAfter = cpuMs(service.pid)
  // The service's CPU per request moves less with the machine's load than the wall time does.
  const cpuPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / sequential

  const load: number[] = []
  let wrongLoad = 0
  let next = 0
  const loadStart = performance.now()
  await Promise.all(Array.from({length: concurrency}, async () => {
    while (next < requests) {
      next++
      try {
        const answer = await lintOnce(service.url)
        load.push(answer.ms)
        if (answer.status !== 200 || answer.findings !== first.findings) wrongLoad++
      } catch {
        wrongLoad++
      }
    }
  }))
  const loadWall = performance.now() - loadStart

  const findings = (JSON.parse(first.findings) as unknown[]).length
  const figures = {
    article: {bytes: Buffer.byteLength(seed), findings},
    engine: {median: quantile(engine, 0.5), p90: quantile(engine, 0.9)},
    warm: {requests: sequential, median: quantile(warm, 0.5), p90: quantile(warm, 0.9), p99: quantile(warm, 0.99), wrong: wrongWarm, serviceCpuPerRequest: cpuPerRequest},
    load: {requests, concurrency, correct: load.length - wrongLoad, wrong: wrongLoad, wallMs: loadWall, perSecond: (requests / loadWall) * 1000, median: quantile(load, 0.5), p99: quantile(load, 0.99), max: Math.max(...load)}
  }
  const row = (label: string, text: string) => `  ${label.padEnd(34)} ${text}\n`
  process.stdout.write(
    `attribution-lint serve on loopback, the seed article (${figures.article.bytes.toLocaleString('en')} bytes, ${findings} findings)\n` +
    row('engine alone (lint() in process)', `median ${ms(figures.engine.median)}, p90 ${ms(figures.engine.p90)}`) +
    row(`warm, one at a time (${sequential})`, `median ${ms(figures.warm.median)}, p90 ${ms(figures.warm.p90)}, p99 ${ms(figures.warm.p99)}; wrong answers: ${wrongWarm}`) +
    (cpuPerRequest === undefined ? '' : row('service CPU per request (warm)', ms(cpuPerRequest))) +
    row(`${requests} at concurrency ${concurrency}`, `${figures.load.correct} of ${requests} correct in ${(loadWall / 1000).toFixed(2)} s (${figures.load.perSecond.toFixed(0)}/s); latency median ${ms(figures.load.median)}, p99 ${ms(figures.load.p99)}, max ${ms(figures.load.max)}`)
  )
  if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n')
  process.exitCode = wrongWarm || wrongLoad ? 1 : 0
} finally {
  await service.stop()
}
