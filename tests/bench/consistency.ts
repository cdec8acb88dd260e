/**
 * `npm run bench:consistency`: what the consistency family (date-weekday, impossible-date, future-as-past, and
 * founding-after-events, toll-mismatch when present) costs per article, on top of the rest of the linter.
 *
 * Each article is parsed and linted once with every other rule (which builds the article model and the promo
 * analysis the family reads, as an editor's run does); then the family alone is run on the same tree, and so is
 * a processor with no rule at all (the plumbing: unified's run, message control), each timed per article. The
 * family's time includes its own analysis (src/model/dates.ts) from scratch: that is cached per file, and only
 * the family asks for it. Reported per corpus: p50, p95 and max over the articles of the family's own cost (the
 * family's run less the no-rule run of the same article), and of the family's run as a whole; each is the best of
 * --rounds runs of the article, so that a moment of load on the shared machine does not count as the family's.
 * The first article of a process also pays for reading Intl's month and weekday names once (a few ms).
 *
 * Corpora: the generated articles of tests/bench/corpus.ts (1,000, Arabic and English), the seed article, and,
 * when the shared data folder is there (../shared or $ATTRIBUTION_LINT_SHARED), every dev-set article and every
 * PolNeAR text dated by its metadata. A benchmark, never a test: it asserts nothing.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {createProcessor} from '../../src/index.js'
import {article, prng} from './corpus.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const {values} = parseArgs({options: {rounds: {type: 'string', default: '3'}, files: {type: 'string', default: '1000'}}})
const rounds = Number(values.rounds)

const FAMILY = ['date-weekday', 'impossible-date', 'future-as-past', 'founding-after-events', 'toll-mismatch']
const family = rules.map((rule) => rule.ruleId).filter((id) => FAMILY.includes(id))
const only = (on: (id: string) => boolean) => ({rules: Object.fromEntries(rules.map((rule) => [rule.ruleId, on(rule.ruleId) ? 'warn' : 'off'])) as never})
const others = createProcessor(only((id) => !family.includes(id)))
const familyOnly = createProcessor(only((id) => family.includes(id)))
const none = createProcessor(only(() => false))

function corpora(): Array<{name: string; texts: string[]}> {
  const random = prng(7)
  const generated = Array.from({length: Number(values.files)}, (_, i) => article(random, i % 2 ? 'en' : 'ar'))
  const seed = readFileSync(path.join(repo, 'fixtures/seed/article.raw.md'), 'utf8')
  const list = [{name: 'generated', texts: generated}, {name: 'seed (dated)', texts: ['---\ndate: 2024-03-22\n---\n' + seed]}]
  const shared = [process.env.ATTRIBUTION_LINT_SHARED, path.join(repo, '..', 'shared'), path.join(repo, '..', '..', 'shared'), '/work/shared']
    .find((dir) => dir && existsSync(path.join(dir, 'eval', 'dev')))
  if (shared) {
    const dev: string[] = []
    const devDir = path.join(shared, 'eval', 'dev')
    for (const set of readdirSync(devDir)) {
      const dir = path.join(devDir, set)
      if (statSync(dir).isDirectory()) for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) dev.push(readFileSync(path.join(dir, name), 'utf8'))
    }
    list.push({name: 'dev sets', texts: dev})
    const corpus = path.join(shared, 'corpora', 'polnear')
    if (existsSync(corpus)) {
      const lines = readFileSync(path.join(corpus, 'metadata.tsv'), 'utf8').split('\n').map((line) => line.split('\t'))
      const dates = new Map(lines.map((cells) => [cells[1], cells[5]]))
      const texts: string[] = []
      for (const split of ['train', 'dev', 'test']) {
        const dir = path.join(corpus, split, 'text')
        if (!existsSync(dir)) continue
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
          const [title, ...rest] = readFileSync(path.join(dir, name), 'utf8').split('\n')
          texts.push(`---\ndate: ${dates.get(name.slice(0, -4))}\n---\n\n# ${title}\n\n${rest.join('\n')}`)
        }
      }
      list.push({name: 'PolNeAR (dated)', texts})
    }
  }
  return list
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const ms = (x: number) => x.toFixed(3)

console.log(`consistency family: ${family.join(', ')}; best of ${rounds} rounds per article`)
console.log('corpus              articles   own cost of the family p50 / p95 / max (ms)   family run p50 / p95 (ms)   no-rule run p50 / p95 (ms)')
for (const {name, texts} of corpora()) {
  const familyTimes: number[] = []
  const plumbing: number[] = []
  const own: number[] = []
  for (const text of texts) {
    let bestFamily = Infinity
    let bestNone = Infinity
    for (let round = 0; round < rounds; round++) {
      // A fresh tree each round: the date analysis is cached on the tree's model, and each round must pay for it.
      const file = new VFile({value: text})
      const tree = others.parse(file)
      await others.run(tree, file)
      let start = performance.now()
      await none.run(tree, file)
      bestNone = Math.min(bestNone, performance.now() - start)
      start = performance.now()
      await familyOnly.run(tree, file)
      bestFamily = Math.min(bestFamily, performance.now() - start)
    }
    familyTimes.push(bestFamily)
    plumbing.push(bestNone)
    own.push(Math.max(0, bestFamily - bestNone))
  }
  own.sort((a, b) => a - b)
  familyTimes.sort((a, b) => a - b)
  plumbing.sort((a, b) => a - b)
  console.log(`${name.padEnd(20)}${String(texts.length).padStart(8)}   ${ms(quantile(own, 0.5))} / ${ms(quantile(own, 0.95))} / ${ms(own.at(-1)!)}                   ${ms(quantile(familyTimes, 0.5))} / ${ms(quantile(familyTimes, 0.95))}           ${ms(quantile(plumbing, 0.5))} / ${ms(quantile(plumbing, 0.95))}`)
}
