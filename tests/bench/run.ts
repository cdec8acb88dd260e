/**
 * `npm run bench`: how fast attribution-lint is on a content archive, against remark.
 *
 * Generates a deterministic corpus (tests/bench/corpus.ts) in a temporary folder, then times,
 * interleaved round by round so that a change in the machine's load hits every command alike,
 * and reports medians:
 *
 *   (a) remark-parse alone over the corpus (tests/bench/parse-only.ts)
 *   (b) remark-cli with remark-preset-lint-recommended over the corpus
 *   (c) attribution-lint, every rule, over the corpus (default --jobs, and --jobs 1)
 *   (d) attribution-lint on one article
 *
 * and, as a control of what the machine gives to parallel work, (a) and (c) with --jobs 1 run
 * as N processes at once (N = the cores), each over every N-th file: if those are no faster
 * than one process, neither can --jobs N be, since its workers share the same cores, caches
 * and memory.
 *
 * Then peak RSS as the number of files grows (500, 1,000, 2,000) and time against article size
 * (one article of 1 MB, one of 10 MB). Every command is a separate process, timed from spawn to
 * exit (start-up included, as a user sees it); wall time and CPU time (user + system, all
 * threads) are both reported, since on a shared machine CPU time moves less with the load.
 *
 * Options: --rounds N (default 3), --files N (default 2000), --no-long (skip 1 MB / 10 MB),
 * --keep (leave the corpus folder), --json FILE (write the figures).
 * This is a benchmark, never a test: it asserts nothing.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {longArticle, writeCorpus} from './corpus.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const bin = path.join(repo, 'dist/src/cli/bin.js')
const parseOnly = path.join(here, 'parse-only.js')
const usageHook = path.join(repo, 'tests/bench/rss.cjs')
const remarkCli = path.join(repo, 'node_modules/remark-cli/cli.js')

const {values} = parseArgs({
  options: {
    rounds: {type: 'string', default: '3'},
    files: {type: 'string', default: '2000'},
    'no-long': {type: 'boolean', default: false},
    keep: {type: 'boolean', default: false},
    json: {type: 'string'}
  }
})
const rounds = Number(values.rounds)
const fileCount = Number(values.files)

interface Sample {
  wall: number
  cpu: number
  maxRss: number
}

/**
 * Run commands at once (usually one), timed from the first spawn to the last exit; CPU and
 * peak RSS summed over them. Each reports its own usage through tests/bench/rss.cjs.
 */
async function run(argsList: string[][], label: string): Promise<Sample> {
  const start = performance.now()
  const usages = await Promise.all(
    argsList.map(
      (args, k) =>
        new Promise<{maxRss: number; cpu: number}>((resolve, reject) => {
          const usageFile = path.join(os.tmpdir(), `bench-usage-${process.pid}-${k}.json`)
          rmSync(usageFile, {force: true})
          const child = spawn(process.execPath, ['-r', usageHook, ...args], {
            cwd: repo,
            env: {...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1'},
            stdio: ['ignore', 'ignore', 'pipe']
          })
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => {
            if (stderr.length < 2000) stderr += String(chunk)
          })
          child.on('error', reject)
          child.on('close', (status, signal) => {
            if (status === null || status > 1) reject(new Error(`${label}: exit ${status ?? signal}\n${stderr}`))
            else resolve(JSON.parse(readFileSync(usageFile, 'utf8')) as {maxRss: number; cpu: number})
          })
        })
    )
  )
  const wall = (performance.now() - start) / 1000
  return {wall, cpu: usages.reduce((sum, u) => sum + u.cpu, 0) / 1e6, maxRss: usages.reduce((sum, u) => sum + u.maxRss, 0) / 1024}
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((x, y) => x - y)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function summary(samples: Sample[]): Sample {
  return {wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), maxRss: median(samples.map((s) => s.maxRss))}
}

function supportsJobs(): boolean {
  const help = spawnSync(process.execPath, [bin, '--help'], {encoding: 'utf8'})
  return help.stdout.includes('--jobs')
}

const fmt = (seconds: number) => `${seconds.toFixed(3)} s`
const mib = (value: number) => `${value.toFixed(0)} MiB`

const root = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-bench-'))
try {
  const loadBefore = os.loadavg()
  process.stderr.write(`corpus: ${fileCount} articles in ${root}\n`)
  const corpus = writeCorpus(path.join(root, 'corpus'), fileCount)
  const corpusBytes = corpus.files.reduce((sum, file) => sum + readFileSync(file).length, 0)
  const single = corpus.files[1]
  const jobs = supportsJobs()
  const cores = os.availableParallelism()

  const commands: Record<string, string[]> = {
    'a  remark-parse alone': [parseOnly, ...corpus.parts],
    'b  remark-cli + lint-recommended': [remarkCli, '--no-config', '--no-ignore', '--no-stdout', '--quiet', '--use', 'remark-preset-lint-recommended', corpus.root],
    [`c  attribution-lint${jobs ? ` (--jobs ${cores})` : ''}`]: [bin, '--report', 'json', corpus.root],
    ...(jobs ? {'c1 attribution-lint --jobs 1': [bin, '--report', 'json', '--jobs', '1', corpus.root]} : {}),
    'd  attribution-lint, one article': [bin, '--report', 'json', single]
  }
  // The control of parallel capacity: every N-th file to each of N processes.
  const shards = Array.from({length: cores}, (_, k) => corpus.files.filter((_, i) => i % cores === k))
  const together: Record<string, string[][]> =
    cores > 1
      ? {
          [`a× remark-parse alone, ${cores} processes`]: shards.map((files) => [parseOnly, ...files]),
          [`c× attribution-lint --jobs 1, ${cores} processes`]: shards.map((files) => [bin, '--report', 'json', ...(jobs ? ['--jobs', '1'] : []), ...files])
        }
      : {}
  const labels = [...Object.keys(commands), ...Object.keys(together)]
  const samples: Record<string, Sample[]> = Object.fromEntries(labels.map((label) => [label, []]))
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round: no command always runs first (cold caches) or last.
    for (let k = 0; k < labels.length; k++) {
      const label = labels[(k + round) % labels.length]
      samples[label].push(label in together ? await run(together[label], label) : await run([commands[label]], label))
    }
    process.stderr.write(`round ${round + 1}/${rounds} done\n`)
  }
  const results = Object.fromEntries(labels.map((label) => [label, summary(samples[label])]))
  const [a, b, c, c1, d] = [labels[0], labels[1], labels[2], jobs ? labels[3] : undefined, labels[Object.keys(commands).length - 1]].map((label) => (label ? results[label] : undefined))
  const [aTogether, cTogether] = Object.keys(together).map((label) => results[label])

  // Peak RSS as the archive grows: 500, 1,000, 2,000 files (folders part1, part1+part2, all).
  const growth: Array<{files: number; rss: number; rss1?: number}> = []
  const sets = [corpus.parts.slice(0, 1), corpus.parts.slice(0, 2), corpus.parts]
  const rssRounds = rounds > 3 ? 3 : 1
  for (const [k, set] of sets.entries()) {
    const files = [Math.round(fileCount / 4), Math.round(fileCount / 2), fileCount][k]
    const rss: number[] = []
    const rss1: number[] = []
    for (let round = 0; round < rssRounds; round++) {
      rss.push((await run([[bin, '--report', 'json', ...set]], 'rss')).maxRss)
      if (jobs) rss1.push((await run([[bin, '--report', 'json', '--jobs', '1', ...set]], 'rss')).maxRss)
    }
    growth.push({files, rss: median(rss), rss1: jobs ? median(rss1) : undefined})
  }

  // Time against article size.
  let scaling: {mb1: Sample; mb10: Sample} | undefined
  if (!values['no-long']) {
    const one = path.join(root, 'long-1mb.md')
    const ten = path.join(root, 'long-10mb.md')
    writeFileSync(one, longArticle(1 << 20))
    writeFileSync(ten, longArticle(10 << 20))
    const s1: Sample[] = []
    const s10: Sample[] = []
    for (let round = 0; round < Math.max(1, Math.min(3, rounds)); round++) {
      s1.push(await run([[bin, '--report', 'json', one]], '1 MB'))
      s10.push(await run([[bin, '--report', 'json', ten]], '10 MB'))
    }
    scaling = {mb1: summary(s1), mb10: summary(s10)}
  }
  const loadAfter = os.loadavg()

  const out: string[] = []
  out.push(`attribution-lint benchmark: ${fileCount} articles (${(corpusBytes / 2 ** 20).toFixed(1)} MiB, half Arabic, half English), ${rounds} rounds, medians`)
  out.push(`machine: ${cores} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after`)
  out.push('')
  // The spread of the rounds' wall times: on a shared machine it says how far to trust a ratio.
  const spread = (label: string) => {
    const walls = samples[label].map((s) => s.wall)
    return `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} s`
  }
  out.push(`${'command'.padEnd(44)}${'wall'.padStart(10)}${'cpu'.padStart(10)}${'peak RSS'.padStart(11)}   wall range`)
  for (const label of labels) {
    const r = results[label]
    out.push(`${label.padEnd(44)}${fmt(r.wall).padStart(10)}${fmt(r.cpu).padStart(10)}${mib(r.maxRss).padStart(11)}   ${spread(label)}`)
  }
  out.push('')
  const goal = (ok: boolean) => (ok ? 'met' : 'MISSED')
  out.push(`c/a  ${(c!.wall / a!.wall).toFixed(2)} wall, ${(c!.cpu / a!.cpu).toFixed(2)} cpu   (goal ≤ 1.5: ${goal(c!.wall / a!.wall <= 1.5)})`)
  out.push(`c/b  ${(c!.wall / b!.wall).toFixed(2)} wall, ${(c!.cpu / b!.cpu).toFixed(2)} cpu   (goal ≤ 0.5: ${goal(c!.wall / b!.wall <= 0.5)})`)
  if (c1) out.push(`--jobs ${cores} speed-up over --jobs 1: ${(c1.wall / c!.wall).toFixed(2)}×`)
  if (aTogether && cTogether) {
    out.push(
      `parallel capacity of this machine, ${cores} processes at once, each over 1/${cores} of the files, against one process: remark-parse ${(a!.wall / aTogether.wall).toFixed(2)}×, attribution-lint --jobs 1 ${((c1 ?? c)!.wall / cTogether.wall).toFixed(2)}× (the most --jobs ${cores} can give)`
    )
  }
  out.push(`d    ${fmt(d!.wall)} (goal ≤ 0.25 s: ${goal(d!.wall <= 0.25)})`)
  out.push('')
  out.push(`peak RSS by archive size: ${growth.map((g) => `${g.files} files ${mib(g.rss)}${g.rss1 !== undefined ? ` (--jobs 1: ${mib(g.rss1)})` : ''}`).join('; ')}`)
  if (scaling) {
    const {mb1, mb10} = scaling
    out.push(`article size: 1 MB ${fmt(mb1.wall)} (${mib(mb1.maxRss)}), 10 MB ${fmt(mb10.wall)} (${mib(mb10.maxRss)}); ratio ${(mb10.wall / mb1.wall).toFixed(1)} wall, ${((mb10.wall - d!.wall) / (mb1.wall - d!.wall)).toFixed(1)} without start-up (goal about 10)`)
  }
  process.stdout.write(out.join('\n') + '\n')
  if (values.json) writeFileSync(values.json, JSON.stringify({fileCount, corpusBytes, rounds, cores, loadBefore, loadAfter, results, samples, growth, scaling}, null, 2))
} finally {
  if (!values.keep) rmSync(root, {recursive: true, force: true})
}
