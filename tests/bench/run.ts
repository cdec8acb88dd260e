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
 * and, for issue 14's goals, in the same interleaved rounds:
 *
 *   (s)  the stylish report against --report json, both --jobs 1, on the same corpus
 *   (p)  a seed-like corpus (2,000 Arabic articles of the seed article's paragraphs):
 *        remark-parse alone against attribution-lint --report json --jobs 1
 *   (k)  --cache: a first run (empty cache), a second over the unchanged archive, and one
 *        after editing 1% of the articles (other ones each round)
 *   (h)  --shard: the shards 1/N … N/N run one after the other, their wall times summed,
 *        against the whole run; the shards' JSON reports put together must be the whole's
 *   (o)  one article: attribution-lint against remark-cli + lint-recommended
 *
 * Then peak RSS as the number of files grows (500, 1,000, 2,000) and time against article size
 * (one article of 1 MB, one of 10 MB). Every command is a separate process, timed from spawn to
 * exit (start-up included, as a user sees it); wall time and CPU time (user + system, all
 * threads) are both reported, since on a shared machine CPU time moves less with the load.
 *
 * Options: --rounds N (default 3), --files N (default 2000), --no-long (skip 1 MB / 10 MB),
 * --keep (leave the corpus folder), --json FILE (write the figures), --compare BIN (also time
 * another build's bin.js, say main's, on (c1), (s) and (d), side by side in the same rounds),
 * --only LIST (only the commands whose labels start with one of these comma-separated
 * prefixes, say `p,o,k`; `r` is the peak RSS by archive size, `l` the long articles; the
 * ratios of commands left out are not printed). Each command's figures are printed to stderr
 * as it ends, so that a run stopped early still says what it measured.
 * This is a benchmark, never a test: it asserts nothing.
 */
import {spawn, spawnSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {longArticle, prng, writeCorpus, writeSeedCorpus} from './corpus.js'

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
    json: {type: 'string'},
    compare: {type: 'string'},
    only: {type: 'string'}
  }
})
const only = values.only?.split(',').filter((prefix) => prefix.trim())
/** Whether a command (by its label) or a section (`r`, `l`) is to be run. */
const wanted = (label: string) => !only || only.some((prefix) => label.startsWith(prefix))
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
async function run(argsList: string[][], label: string, stdoutFile?: string): Promise<Sample> {
  const start = performance.now()
  const usages = await Promise.all(
    argsList.map(
      (args, k) =>
        new Promise<{maxRss: number; cpu: number}>((resolve, reject) => {
          const usageFile = path.join(os.tmpdir(), `bench-usage-${process.pid}-${k}.json`)
          rmSync(usageFile, {force: true})
          const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore'
          const child = spawn(process.execPath, ['-r', usageHook, ...args], {
            cwd: repo,
            env: {...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1'},
            stdio: ['ignore', out, 'pipe']
          })
          if (typeof out === 'number') closeSync(out)
          let stderr = ''
          child.stderr!.on('data', (chunk: Buffer) => {
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
  // Issue 14: stylish against json, the seed-like corpus, one article against remark-cli.
  const seedFiles = writeSeedCorpus(path.join(root, 'seed-like'), readFileSync(path.join(repo, 'fixtures/seed/article.md'), 'utf8'), fileCount)
  const seedRoot = path.dirname(seedFiles[0])
  const seedBytes = seedFiles.reduce((sum, file) => sum + readFileSync(file).length, 0)
  const compare = values.compare ? path.resolve(values.compare) : undefined
  Object.assign(commands, {
    's  stylish --jobs 1': [bin, '--jobs', '1', corpus.root],
    'sj json --jobs 1 (as c1)': [bin, '--report', 'json', '--jobs', '1', corpus.root],
    'pa remark-parse alone, seed-like': [parseOnly, seedRoot],
    'pc json --jobs 1, seed-like': [bin, '--report', 'json', '--jobs', '1', seedRoot],
    'ps stylish --jobs 1, seed-like': [bin, '--jobs', '1', seedRoot],
    'ob remark-cli + lint-recommended, one article': [remarkCli, '--no-config', '--no-ignore', '--no-stdout', '--quiet', '--use', 'remark-preset-lint-recommended', single],
    ...(compare
      ? {
          'vc compared build: json --jobs 1': [compare, '--report', 'json', '--jobs', '1', corpus.root],
          'vs compared build: stylish --jobs 1': [compare, '--jobs', '1', corpus.root],
          'vp compared build: json --jobs 1, seed-like': [compare, '--report', 'json', '--jobs', '1', seedRoot],
          'vd compared build: one article': [compare, '--report', 'json', single]
        }
      : {})
  })

  // Sequences: commands that depend on each other within a round.
  const cacheFile = path.join(root, 'bench.cache')
  const edit = prng(99)
  const shardCount = Math.max(2, cores)
  const sequences: Record<string, {labels: string[]; run: () => Promise<Sample[]>}> = {
    cache: {
      labels: ['k0 --cache, first run (empty cache)', 'k1 --cache, unchanged archive', 'k2 --cache, 1% of articles edited'],
      async run() {
        rmSync(cacheFile, {force: true})
        const args = [bin, '--report', 'json', '--cache', '--cache-location', cacheFile, corpus.root]
        const first = await run([args], 'cache: first')
        const second = await run([args], 'cache: unchanged')
        // 1% of the articles, other ones each round, get a sentence more.
        for (let k = 0; k < Math.max(1, Math.round(corpus.files.length / 100)); k++) {
          const file = corpus.files[Math.floor(edit() * corpus.files.length)]
          writeFileSync(file, readFileSync(file, 'utf8') + `\nAn editor's note, number ${Math.floor(edit() * 1e6)}.\n`)
        }
        const third = await run([args], 'cache: 1% edited')
        return [first, second, third]
      }
    },
    shards: {
      labels: [`h  --shard 1/${shardCount} … ${shardCount}/${shardCount} one after the other (sum)`, 'hw whole run (as c)'],
      async run() {
        const wholeFile = path.join(root, 'whole.json')
        const whole = await run([[bin, '--report', 'json', corpus.root]], 'whole', wholeFile)
        const parts: Sample[] = []
        const reports: unknown[] = []
        for (let k = 1; k <= shardCount; k++) {
          const partFile = path.join(root, `shard-${k}.json`)
          parts.push(await run([[bin, '--report', 'json', '--shard', `${k}/${shardCount}`, corpus.root]], `shard ${k}`, partFile))
          reports.push(...(JSON.parse(readFileSync(partFile, 'utf8')) as unknown[]))
        }
        shardsAgree &&= JSON.stringify(reports) === readFileSync(wholeFile, 'utf8').trim()
        return [{wall: parts.reduce((sum, p) => sum + p.wall, 0), cpu: parts.reduce((sum, p) => sum + p.cpu, 0), maxRss: Math.max(...parts.map((p) => p.maxRss))}, whole]
      }
    }
  }
  let shardsAgree = true

  for (const label of Object.keys(commands)) if (!wanted(label)) delete commands[label]
  for (const label of Object.keys(together)) if (!wanted(label)) delete together[label]
  for (const name of Object.keys(sequences)) if (!sequences[name].labels.some(wanted)) delete sequences[name]
  const labels = [...Object.keys(commands), ...Object.keys(together), ...Object.values(sequences).flatMap((sequence) => sequence.labels)]
  const steps = [...Object.keys(commands), ...Object.keys(together), ...Object.keys(sequences)]
  const said = (label: string, sample: Sample, round: number) =>
    process.stderr.write(`round ${round + 1}: ${label.padEnd(50)} ${fmt(sample.wall).padStart(10)} wall ${fmt(sample.cpu).padStart(10)} cpu ${mib(sample.maxRss).padStart(9)}  (load ${os.loadavg()[0].toFixed(1)})\n`)
  const samples: Record<string, Sample[]> = Object.fromEntries(labels.map((label) => [label, []]))
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round: no command always runs first (cold caches) or last.
    for (let k = 0; k < steps.length; k++) {
      const step = steps[(k + round) % steps.length]
      if (step in sequences) {
        const results = await sequences[step].run()
        sequences[step].labels.forEach((label, i) => {
          samples[label].push(results[i])
          said(label, results[i], round)
        })
      } else {
        samples[step].push(step in together ? await run(together[step], step) : await run([commands[step]], step))
        said(step, samples[step].at(-1)!, round)
      }
    }
    process.stderr.write(`round ${round + 1}/${rounds} done\n`)
  }
  const results = Object.fromEntries(labels.map((label) => [label, summary(samples[label])]))
  const byPrefix = (prefix: string) => {
    const label = labels.find((one) => one.startsWith(prefix))
    return label ? results[label] : undefined
  }
  const [a, b, c, c1, d] = [byPrefix('a  '), byPrefix('b  '), byPrefix('c  '), byPrefix('c1 '), byPrefix('d  ')]
  const [aTogether, cTogether] = [byPrefix('a× '), byPrefix('c× ')]

  // Peak RSS as the archive grows: 500, 1,000, 2,000 files (folders part1, part1+part2, all).
  const growth: Array<{files: number; rss: number; rss1?: number}> = []
  const sets = [corpus.parts.slice(0, 1), corpus.parts.slice(0, 2), corpus.parts]
  const rssRounds = rounds > 3 ? 3 : 1
  for (const [k, set] of wanted('r') ? sets.entries() : []) {
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
  if (!values['no-long'] && wanted('l')) {
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
  out.push(`attribution-lint benchmark: ${fileCount} articles (${(corpusBytes / 2 ** 20).toFixed(1)} MiB, half Arabic, half English) and ${fileCount} seed-like ones (${(seedBytes / 2 ** 20).toFixed(1)} MiB), ${rounds} rounds, medians`)
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
  if (c && a) out.push(`c/a  ${(c.wall / a.wall).toFixed(2)} wall, ${(c.cpu / a.cpu).toFixed(2)} cpu   (goal ≤ 1.5: ${goal(c.wall / a.wall <= 1.5)})`)
  if (c && b) out.push(`c/b  ${(c.wall / b.wall).toFixed(2)} wall, ${(c.cpu / b.cpu).toFixed(2)} cpu   (goal ≤ 0.5: ${goal(c.wall / b.wall <= 0.5)})`)
  if (c1 && c) out.push(`--jobs ${cores} speed-up over --jobs 1: ${(c1.wall / c.wall).toFixed(2)}×`)
  if (a && aTogether && cTogether && (c1 ?? c)) {
    out.push(
      `parallel capacity of this machine, ${cores} processes at once, each over 1/${cores} of the files, against one process: remark-parse ${(a.wall / aTogether.wall).toFixed(2)}×, attribution-lint --jobs 1 ${((c1 ?? c)!.wall / cTogether.wall).toFixed(2)}× (the most --jobs ${cores} can give)`
    )
  }
  if (d) out.push(`d    ${fmt(d.wall)} (goal ≤ 0.25 s: ${goal(d.wall <= 0.25)})`)
  out.push('')
  // Issue 14's goals: each a ratio of two commands of the same rounds, as the median of the
  // per-round ratios with their range, of wall time (the goal) and of CPU time (which moves
  // less with the machine's load).
  const ratio = (top: string, bottom: string, limit: number | undefined, what: string) => {
    if (!samples[top]?.length || !samples[bottom]?.length) return
    const per = (field: 'wall' | 'cpu') => samples[top].map((sample, k) => sample[field] / samples[bottom][k][field])
    const [wall, cpu] = [per('wall'), per('cpu')]
    const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`
    const verdict = limit === undefined ? '' : `; goal ≤ ${limit}: ${goal(median(wall) <= limit)}`
    out.push(`${what.padEnd(50)} ${median(wall).toFixed(2)} wall (${range(wall)}), ${median(cpu).toFixed(2)} cpu (${range(cpu)})${verdict}`)
  }
  ratio('s  stylish --jobs 1', 'sj json --jobs 1 (as c1)', 1.1, 'stylish / json (--jobs 1)')
  ratio('ps stylish --jobs 1, seed-like', 'pc json --jobs 1, seed-like', 1.1, 'stylish / json (--jobs 1), seed-like')
  ratio('sj json --jobs 1 (as c1)', 'a  remark-parse alone', 2.0, 'json --jobs 1 / remark-parse')
  ratio('pc json --jobs 1, seed-like', 'pa remark-parse alone, seed-like', 2.0, 'json --jobs 1 / remark-parse, seed-like')
  ratio('k1 --cache, unchanged archive', 'k0 --cache, first run (empty cache)', 0.1, '--cache: unchanged / first run')
  ratio('k2 --cache, 1% of articles edited', 'k0 --cache, first run (empty cache)', 0.15, '--cache: 1% edited / first run')
  if (sequences.shards) ratio(sequences.shards.labels[0], sequences.shards.labels[1], undefined, `--shard: ${shardCount} shards summed / whole run`)
  if (sequences.shards) out.push(`--shard: the shards' reports put together ${shardsAgree ? 'are' : 'are NOT'} the whole run's report`)
  ratio('d  attribution-lint, one article', 'ob remark-cli + lint-recommended, one article', 1.0, 'one article / remark-cli + lint-recommended')
  if (compare) {
    out.push('')
    out.push(`against the compared build (${compare}), same rounds:`)
    ratio('sj json --jobs 1 (as c1)', 'vc compared build: json --jobs 1', 1, 'json --jobs 1, this / compared')
    ratio('s  stylish --jobs 1', 'vs compared build: stylish --jobs 1', 1, 'stylish --jobs 1, this / compared')
    ratio('pc json --jobs 1, seed-like', 'vp compared build: json --jobs 1, seed-like', 1, 'json --jobs 1 seed-like, this / compared')
    ratio('d  attribution-lint, one article', 'vd compared build: one article', 1, 'one article, this / compared')
    ratio('vs compared build: stylish --jobs 1', 'vc compared build: json --jobs 1', 1.1, 'compared build: stylish / json')
    ratio('vp compared build: json --jobs 1, seed-like', 'pa remark-parse alone, seed-like', 2.0, 'compared build: json / remark-parse, seed-like')
  }
  out.push('')
  if (growth.length) out.push(`peak RSS by archive size: ${growth.map((g) => `${g.files} files ${mib(g.rss)}${g.rss1 !== undefined ? ` (--jobs 1: ${mib(g.rss1)})` : ''}`).join('; ')}`)
  if (scaling) {
    const {mb1, mb10} = scaling
    out.push(`article size: 1 MB ${fmt(mb1.wall)} (${mib(mb1.maxRss)}), 10 MB ${fmt(mb10.wall)} (${mib(mb10.maxRss)}); ratio ${(mb10.wall / mb1.wall).toFixed(1)} wall, ${d ? ((mb10.wall - d.wall) / (mb1.wall - d.wall)).toFixed(1) : '?'} without start-up (goal about 10)`)
  }
  process.stdout.write(out.join('\n') + '\n')
  if (values.json) writeFileSync(values.json, JSON.stringify({fileCount, corpusBytes, seedBytes, shardsAgree, rounds, cores, loadBefore, loadAfter, results, samples, growth, scaling}, null, 2))
} finally {
  if (!values.keep) rmSync(root, {recursive: true, force: true})
}
