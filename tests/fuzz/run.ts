/**
 * `npm run fuzz`: the full fuzzing run, 10,000 generated and mutated articles (bigger ones
 * than the slice in `npm test`: nesting to 2,000 levels, lines to 100,000 characters) through
 * `lint()` and the fix, with the properties of tests/fuzz/properties.ts, and no article over
 * 2 s of CPU time (user + system: wall-clock time on a loaded machine says more about the
 * machine than about the article). Options: --runs N, --seed N (default: a fixed seed, so a
 * failure can be replayed).
 */
import {parseArgs} from 'node:util'
import fc from 'fast-check'
import {anyArticle, checkArticle, seedArticles} from './properties.js'

const {values} = parseArgs({options: {runs: {type: 'string', default: '10000'}, seed: {type: 'string', default: '7'}}})
const runs = Number(values.runs)
const seed = Number(values.seed)
const LIMIT_MS = 2000

const seeds = seedArticles()
const stats = {runs: 0, badInput: 0, messages: 0, fixes: 0, slowest: 0, slowestLength: 0, slowestWall: 0}
const started = performance.now()
const result = await fc.check(
  fc.asyncProperty(anyArticle(seeds, {depth: 2_000, line: 100_000, blocks: 40}), async (text) => {
    const outcome = await checkArticle(text)
    stats.runs++
    if (outcome.badInput) stats.badInput++
    stats.messages += outcome.messages
    stats.fixes += outcome.fixes
    if (outcome.cpuMs > stats.slowest) {
      stats.slowest = outcome.cpuMs
      stats.slowestLength = text.length
    }
    stats.slowestWall = Math.max(stats.slowestWall, outcome.ms)
    if (outcome.cpuMs > LIMIT_MS) throw new Error(`lint took ${outcome.cpuMs.toFixed(0)} ms of CPU (limit ${LIMIT_MS} ms) on ${text.length} characters`)
    if (stats.runs % 1000 === 0) process.stderr.write(`${stats.runs} articles…\n`)
  }),
  {seed, numRuns: runs, endOnFailure: true}
)
const seconds = (performance.now() - started) / 1000
process.stdout.write(
  `fuzz: ${stats.runs} articles in ${seconds.toFixed(0)} s (seed ${seed}); ${stats.badInput} refused as bad input, ${stats.messages} messages, ${stats.fixes} fixes; slowest ${stats.slowest.toFixed(0)} ms of CPU (${stats.slowestLength} characters), slowest wall-clock ${stats.slowestWall.toFixed(0)} ms\n`
)
if (result.failed) {
  const error = result.errorInstance as Error | undefined
  process.stdout.write(`FAILED after ${result.numRuns} runs: ${error?.stack ?? String(error)}\ncounterexample (JSON): ${JSON.stringify(result.counterexample?.[0])}\n`)
  process.exitCode = 1
}
