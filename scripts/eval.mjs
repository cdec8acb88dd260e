#!/usr/bin/env node
// Measures the linter on the labelled dev sets and on PolNeAR. Measurement only: no test reads these files.
//
//   npm run eval [-- --shared <dir>] [--only dev|polnear] [--sets attrib,attrib2] [--quote-flags] [--missed-cues]
//
// The shared folder (dev sets, scorer, corpora) is found by scripts/measurement.mjs: `--shared`, else $ATTRIBUTION_LINT_SHARED, else the first of
// ../shared and ../../shared (a git worktree sits one level deeper) that holds eval/score.mjs. When it is missing
// the script says so and exits 0, so a fresh clone without the data is not an error.
//
// 1. Dev sets: eval/score.mjs is run on every folder of eval/dev/ (seed, attrib, attrib2, promo, …) with the built
//    CLI (`node dist/src/cli/bin.js --report json`), and its per-rule and per-language lines are gathered into ONE
//    table: a row per rule and language, a column group (P R F1 tp/fp/fn) per set.
// 2. PolNeAR (English, corpora/polnear, brat-style .ann files read as eval/polnear.mjs reads them: T spans with
//    offsets into the text, E relations tying Source, Cue and Content). Every article is linted once, as
//    `# <text>` like polnear.mjs does. Four shares, each from the corpus's own annotations:
//    - cueCoverage: of all annotated Cue spans, the share whose words hold a form of the cue lexicon, of any kind
//      (src/lexicons/cues.json through the model's matcher over every entry, `match.allCues`, so listed forms and the
//      forms the model inflects from `verbs` count). Cues made only of punctuation (a colon) are counted and reported
//      apart: no lexicon form can match them.
//    - cueSpeechBelief: of the same annotated Cue spans, the share holding a form of an entry of kind speech,
//      continuation or belief (verbs of saying and of holding a view, the cues whose subject is the source).
//      Then, per kind, how many spans the first matched entry of that kind covers (frames are kinds source and
//      statement; perception and intention are recognised but attribute nothing, see src/lexicons/index.ts).
//    - quoteFalse: quotations of >= 4 words in “…” or "…" inside an annotated Content whose Source lies on the
//      same line (paragraph), on which unattributed-quote still fires (message columns overlap the quote).
//      These are false flags: lower is better.
//    - anonCaught: annotated Sources that are unnamed people or groups (the UNNAMED pattern below, as in
//      polnear.mjs: "sources", "a senior official", "aides" with no two-word name), whose line draws
//      anonymous-source or vague-attribution: higher is better.
//    - outletKnown: annotated Sources naming a well-known news outlet (the OUTLETS list below, kept apart from the
//      gazetteer so it can judge it), whose words the outlet gazetteer (src/lexicons/outlets.json) recognises.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {args, option, root, sharedFolder} from './measurement.mjs'

const shared = sharedFolder('eval')
const cli = path.join(root, 'dist', 'src', 'cli', 'bin.js')
if (!fs.existsSync(cli)) {
  console.error('eval: dist/ is missing; run `npm run build` first.')
  process.exit(1)
}
const only = option('--only')
const lint = ['node', cli, '--report', 'json']

if (only !== 'polnear') devSets()
if (only !== 'dev') await polnear()

function devSets() {
  const devDir = path.join(shared, 'eval', 'dev')
  const wanted = option('--sets')?.split(',')
  const sets = fs.readdirSync(devDir).filter((name) => fs.statSync(path.join(devDir, name)).isDirectory() && (!wanted || wanted.includes(name))).sort()
  // rows: `${rule}\t${lang}` → set → figures
  const rows = new Map()
  const macro = {}
  for (const set of sets) {
    const run = spawnSync('node', [path.join(shared, 'eval', 'score.mjs'), path.join(devDir, set), '--', ...lint], {encoding: 'utf8', maxBuffer: 1 << 28})
    if (run.status !== 0) {
      console.log(`${set}: score.mjs failed (${(run.stderr || '').trim().split('\n').pop()})`)
      continue
    }
    for (const line of run.stdout.split('\n')) {
      const m = /^\s+(?:([a-z]{2,3}|\?\?|other) \(\d+ files?\)\s+)?([a-z-]+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)\s+tp=(\d+) fp=(\d+) fn=(\d+)/u.exec(line)
      if (m) {
        const key = `${m[2]}\t${m[1] ?? 'all'}`
        if (!rows.has(key)) rows.set(key, new Map())
        rows.get(key).set(set, {p: m[3], r: m[4], f: m[5], tp: m[6], fp: m[7], fn: m[8]})
      }
      const total = /^macroF1=([\d.]+)/u.exec(line)
      if (total) macro[set] = total[1]
    }
  }
  const cell = (x) => x ? `${x.p.slice(0, 4)} ${x.r.slice(0, 4)} ${x.f.slice(0, 4)} ${`${x.tp}/${x.fp}/${x.fn}`.padEnd(9)}` : '-'.padEnd(25)
  const langOrder = (lang) => lang === 'all' ? 0 : lang === 'en' ? 1 : lang === 'ar' ? 2 : 3
  const keys = [...rows.keys()].sort((a, b) => {
    const [ra, la] = a.split('\t')
    const [rb, lb] = b.split('\t')
    return ra.localeCompare(rb) || langOrder(la) - langOrder(lb) || la.localeCompare(lb)
  })
  console.log(`Dev sets (${path.join(devDir)}), score.mjs per set; each cell: P R F1 tp/fp/fn (promo-block per line)\n`)
  console.log(`${'rule'.padEnd(20)} ${'lang'.padEnd(5)} ${sets.map((s) => s.padEnd(25)).join(' ')}`)
  for (const key of keys) {
    const [rule, lang] = key.split('\t')
    console.log(`${rule.padEnd(20)} ${lang.padEnd(5)} ${sets.map((s) => cell(rows.get(key).get(s))).join(' ')}`)
  }
  console.log(`${'macroF1'.padEnd(26)} ${sets.map((s) => (macro[s] ?? '-').padEnd(25)).join(' ')}\n`)
}

async function polnear() {
  const corpus = path.join(shared, 'corpora', 'polnear')
  if (!fs.existsSync(corpus)) {
    console.log(`PolNeAR: skipped, no corpus at ${corpus}.`)
    return
  }
  const {loadLexicons} = await import(path.join(root, 'dist', 'src', 'lexicons', 'index.js'))
  const {tokenize} = await import(path.join(root, 'dist', 'src', 'model', 'tokens.js'))
  const lexicons = loadLexicons()
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-polnear-'))
  const docs = []
  for (const split of ['train', 'dev', 'test']) {
    const dir = path.join(corpus, split)
    if (!fs.existsSync(dir)) continue
    const anns = fs.readdirSync(path.join(dir, 'attributions')).sort()
    for (const t of fs.readdirSync(path.join(dir, 'text')).sort()) {
      const name = t.slice(0, -4)
      const ann = anns.find((a) => a.startsWith(name + '_'))
      if (!ann) continue
      const text = fs.readFileSync(path.join(dir, 'text', t), 'utf8')
      // The heading mark shifts every offset by two; the text stays as the annotators saw it.
      const md = '# ' + text + (text.endsWith('\n') ? '' : '\n')
      const file = path.join(out, name + '.md')
      fs.writeFileSync(file, md)
      const spans = new Map()
      const rels = []
      for (const line of fs.readFileSync(path.join(dir, 'attributions', ann), 'utf8').split('\n')) {
        const c = line.split('\t')
        if (/^T\d+$/u.test(c[0])) {
          const [type, s, e] = c[1].split(' ')
          spans.set(c[0], {type, s: +s + 2, e: +e + 2, text: c[2] || ''})
        } else if (/^E\d+$/u.test(c[0])) {
          const rel = {}
          for (const kv of c[1].split(' ')) {
            const [k, v] = kv.split(':')
            rel[k.replace(/\d+$/u, '')] = spans.get(v)
          }
          rels.push(rel)
        }
      }
      const starts = [0]
      for (let i = 0; i < md.length; i++) if (md[i] === '\n') starts.push(i + 1)
      const pos = (o) => {
        let lo = 0
        let hi = starts.length - 1
        while (lo < hi) {
          const m = (lo + hi + 1) >> 1
          if (starts[m] <= o) lo = m
          else hi = m - 1
        }
        return {line: lo + 1, column: o - starts[lo] + 1}
      }
      docs.push({name, md, rels, pos, spans, file})
    }
  }
  // Cue coverage needs no linting: the annotated spans and the lexicon.
  const cue = {n: 0, hit: 0, punct: 0, speechBelief: 0}
  const byKind = new Map()
  const SPEECH_BELIEF = new Set(['speech', 'continuation', 'belief'])
  const missed = new Map()
  for (const d of docs) {
    for (const span of d.spans.values()) {
      if (span.type !== 'Cue') continue
      cue.n++
      const tokens = tokenize(span.text)
      if (!tokens.length) {
        cue.punct++
        continue
      }
      const found = lexicons.match.allCues.findAll(tokens)
      if (!found.length) {
        missed.set(span.text.toLowerCase(), (missed.get(span.text.toLowerCase()) ?? 0) + 1)
        continue
      }
      cue.hit++
      const kinds = found.map((m) => m.value.kind ?? 'speech')
      if (kinds.some((kind) => SPEECH_BELIEF.has(kind))) cue.speechBelief++
      // A span counts once, for its attributing kind when it has one ("declined to say": speech).
      const kind = kinds.find((k) => SPEECH_BELIEF.has(k)) ?? kinds[0]
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1)
    }
  }
  // One run of the CLI over every article (files in batches, so the command line stays short).
  const byName = new Map()
  for (let i = 0; i < docs.length; i += 200) {
    const run = spawnSync(lint[0], [...lint.slice(1), ...docs.slice(i, i + 200).map((d) => d.file)], {encoding: 'utf8', maxBuffer: 1 << 30})
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('['), run.stdout.lastIndexOf(']') + 1))
    for (const file of report) byName.set(path.basename(file.path, '.md'), file.messages)
  }
  fs.rmSync(out, {recursive: true, force: true})
  const UNNAMED = /^(?:(?:a|an|one|two|three|four|several|some|many|other|multiple|the|his|her|their|two other)\s+)?(?:(?:senior|top|high-ranking|former|current|unnamed|anonymous|administration|campaign|government|congressional|republican|democratic|gop|white house|federal|state|law enforcement|intelligence|military|party|close|longtime|knowledgeable)\s+)*(?:sources?|officials?|aides?|advisers?|advisors?|people|persons?|staffers?|insiders?|operatives?|strategists?|allies|ally|confidants?|associates?|individuals?|someone)\b(?!.*\b[A-Z][a-z]+ [A-Z][a-z]+)/iu
  const OUTLETS = ['CNN', 'Fox News', 'New York Times', 'Washington Post', 'Associated Press', 'Reuters', 'Politico', 'NBC News', 'ABC News', 'CBS News', 'MSNBC', 'Breitbart', 'The Hill', 'Wall Street Journal', 'USA Today', 'Bloomberg', 'BuzzFeed', 'Daily Caller', 'New York Post', 'NPR', 'Huffington Post', 'The Guardian', 'Los Angeles Times', 'Boston Globe', 'Chicago Tribune', 'Des Moines Register', 'The Atlantic', 'Newsweek', 'Time magazine', 'Daily Mail', 'The Daily Beast', 'Vox', 'Slate', 'National Review', 'Mother Jones', 'Washington Examiner', 'Washington Times', 'The Intercept', 'ProPublica', 'AFP', 'Agence France-Presse', 'The Times', 'BBC']
  const outletPatterns = OUTLETS.map((name) => new RegExp(`\\b${name.replace(/ /gu, '\\s+')}\\b`, 'u'))
  const quotes = {n: 0, flagged: 0}
  const falseFlags = []
  const anon = {n: 0, hit: 0}
  const outlets = {n: 0, hit: 0}
  const covers = (m, line) => m.line <= line && (m.endLine || m.line) >= line
  for (const d of docs) {
    const messages = byName.get(d.name) ?? []
    for (const rel of d.rels) {
      const {Source: source, Content: content} = rel
      if (source && content) {
        const line = d.pos(source.s).line
        const re = /[“"]([^”"]{3,}?)[”"]/gu
        for (let m = re.exec(content.text); m; m = re.exec(content.text)) {
          if (m[1].trim().split(/\s+/u).length < 4) continue
          const qs = d.pos(content.s + m.index)
          const qe = d.pos(content.s + m.index + m[0].length)
          if (qs.line !== line || qe.line !== line) continue
          quotes.n++
          if (messages.some((x) => x.ruleId === 'unattributed-quote' && covers(x, qs.line) &&
            !((x.endLine || x.line) === qs.line && (x.endColumn || 1e9) <= qs.column) && !(x.line === qs.line && x.column >= qe.column))) {
            quotes.flagged++
            falseFlags.push(`${d.name}:${qs.line}: source «${source.text}» cue «${rel.Cue?.text ?? ''}»\n    ${d.md.split('\n')[qs.line - 1].slice(Math.max(0, qs.column - 200), qs.column + 200)}`)
          }
        }
      }
      if (source && UNNAMED.test(source.text.trim())) {
        const line = d.pos(source.s).line
        anon.n++
        if (messages.some((x) => (x.ruleId === 'anonymous-source' || x.ruleId === 'vague-attribution') && covers(x, line))) anon.hit++
      }
      if (source && outletPatterns.some((re) => re.test(source.text))) {
        outlets.n++
        if (lexicons.match.outlets.findAll(tokenize(source.text)).length) outlets.hit++
      }
    }
  }
  const share = (x, n) => n ? `${(100 * x / n).toFixed(1)}% (${x}/${n})` : 'n/a'
  console.log(`PolNeAR (${corpus}): ${docs.length} articles\n`)
  console.log(`cueCoverage  ${share(cue.hit, cue.n)}  annotated Cue spans holding a cue-lexicon form of any kind (${cue.punct} punctuation-only cues, such as a colon, count as not recognised)`)
  console.log(`cueSpeechBelief ${share(cue.speechBelief, cue.n)}  annotated Cue spans holding a form of kind speech, continuation or belief`)
  console.log(`             by kind: ${[...byKind].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(', ')}`)
  console.log(`quoteFalse   ${share(quotes.flagged, quotes.n)}  quotations >= 4 words whose annotated Source is on the same line, still flagged unattributed-quote (lower is better)`)
  console.log(`anonCaught   ${share(anon.hit, anon.n)}  annotated unnamed-person/group Sources whose line draws anonymous-source or vague-attribution`)
  console.log(`outletKnown  ${share(outlets.hit, outlets.n)}  annotated Sources naming a well-known outlet that the outlet gazetteer recognises`)
  if (args.includes('--quote-flags')) console.log(`\nunattributed-quote on attributed quotations:\n${falseFlags.join('\n')}`)
  if (args.includes('--missed-cues')) {
    console.log('\nmost frequent unrecognised cues:')
    for (const [text, count] of [...missed].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${String(count).padStart(5)}  ${text}`)
  }
}
