#!/usr/bin/env node
// Recall and precision of the consistency family (issue 18) on injected errors, as FactCC and VitaminC build their
// test sets: copies of real articles (the dev sets and PolNeAR) each get ONE injected error of one kind, and the
// family is run on the copies and on the originals. Measurement only: no test reads these files.
//
//   npm run eval:consistency [-- --shared <dir>] [--only dev|polnear] [--checks date-weekday,future-as-past]
//                            [--natural <file>] [--limit N] [--write <dir>] [--variants N] [--held-out]
//
// The shared folder is found by scripts/measurement.mjs (--shared, $ATTRIBUTION_LINT_SHARED, ../shared, ../../shared).
//
// Articles: every eval/dev/*/*.md (undated: they get `date:` only for the future-as-past check, the 31 December of
// the latest year they name, so that nothing they tell is after it), and every PolNeAR text, dated by the
// corpus's metadata (publication_date), written as `---\ndate: …\n---\n\n# <first line>\n\n<rest>`.
//
// Injectors (INJECTORS below), one per check; each takes an article and a seeded random source and returns the
// changed text and the changed line, or nothing when the article offers no place for that error. They work on the
// writer's own lines only (not headings, block quotes, link text or inside quotation marks), by their own patterns
// (not the linter's model), over Intl's month and weekday names:
//   date-weekday          a weekday beside a full date shifted by 1–6 days; else a wrong weekday written beside a full date
//                         (before it, «يوم … الموافق» before it, or in parentheses after it)
//                         (one that fits no year from the article's year − 1 to + 1 when the date has no year; an
//                         undated dev article is then dated as for future-as-past)
//   impossible-date       a named date made impossible: day 31 of a 30-day month or 30 February (the month kept when
//                         it has 30 days or is February, else a 30-day month of the same naming family); else a
//                         numeric date made 31/4/<year>
//   future-as-past        a founding, emergence, birth or death verb's year moved 1–5 years past the article's year
//   founding-after-events a founding verb's year moved 1–3 years past the latest dated act of the founded (the same
//                         noun, definite, in a later sentence with an act verb and a year)
//   toll-mismatch         a number beside a word of the dead or injured in the title raised or lowered by 1–5
// A check whose rule is not in the preset yet, or whose injector finds no place, is reported as such.
//
// Reported per check: candidates (articles where the injector found a place), recall (injected copies on whose
// changed line the check's rule fires; for the two-sided conflicts, on either side's line, as the injector names them), and precision on the 50/50 mix of the injected copies and their originals
// (true: the rule on the changed line of an injected copy; false: any other message of the rule in either).
// Then the family over every original, undated dev articles as they are and PolNeAR dated: every flag is listed
// (file, line, message, line text) in --natural (default: consistency-natural.txt in the OS temp folder) for reading.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {option, root, sharedFolder} from './measurement.mjs'

const shared = sharedFolder('eval:consistency')
if (!fs.existsSync(path.join(root, 'dist', 'src', 'index.js'))) {
  console.error('eval:consistency: dist/ is missing; run `npm run build` first.')
  process.exit(1)
}
const {lint} = await import(path.join(root, 'dist', 'src', 'index.js'))
const {rules} = await import(path.join(root, 'dist', 'rules', 'index.js'))

export const FAMILY = ['date-weekday', 'impossible-date', 'future-as-past', 'founding-after-events', 'toll-mismatch']
const present = new Set(rules.map((rule) => rule.ruleId))
const family = FAMILY.filter((id) => present.has(id))
const config = {rules: Object.fromEntries(rules.map((rule) => [rule.ruleId, family.includes(rule.ruleId) ? 'warn' : 'off'])), locale: 'en'}

// ---------------------------------------------------------------------------------------------
// Names, from Intl (the injectors' own tables)

const ARABIC_FAMILIES = ['ar-EG', 'ar-SY', 'ar-TN', 'ar-MA']
const monthNames = new Map() // name as written → {month, family, style}
for (const locale of ARABIC_FAMILIES) {
  const format = new Intl.DateTimeFormat(locale + '-u-ca-gregory', {month: 'long', timeZone: 'UTC'})
  for (let month = 1; month <= 12; month++) monthNames.set(format.format(new Date(Date.UTC(2024, month - 1, 1))), {month, family: locale})
}
for (const width of ['long', 'short']) {
  const format = new Intl.DateTimeFormat('en', {month: width, timeZone: 'UTC'})
  for (let month = 1; month <= 12; month++) monthNames.set(format.format(new Date(Date.UTC(2024, month - 1, 1))), {month, family: 'en-' + width})
}
monthNames.set('Sept', {month: 9, family: 'en-short'})
monthNames.set('أبريل', {month: 4, family: 'ar-EG'})
monthNames.set('إبريل', {month: 4, family: 'ar-EG'})
monthNames.set('ابريل', {month: 4, family: 'ar-EG'})
monthNames.set('اغسطس', {month: 8, family: 'ar-EG'})
const nameOf = (family, month) => {
  if (family.startsWith('en-')) return new Intl.DateTimeFormat('en', {month: family.slice(3), timeZone: 'UTC'}).format(new Date(Date.UTC(2024, month - 1, 1)))
  return new Intl.DateTimeFormat(family + '-u-ca-gregory', {month: 'long', timeZone: 'UTC'}).format(new Date(Date.UTC(2024, month - 1, 1)))
}
const weekdayNames = {en: [], ar: []}
for (let day = 0; day < 7; day++) {
  const when = new Date(Date.UTC(2024, 0, 7 + day))
  weekdayNames.en.push(new Intl.DateTimeFormat('en', {weekday: 'long', timeZone: 'UTC'}).format(when))
  weekdayNames.ar.push(new Intl.DateTimeFormat('ar', {weekday: 'long', timeZone: 'UTC'}).format(when))
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
const MONTHS = [...monthNames.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')
const WEEKDAYS = [...weekdayNames.en, ...weekdayNames.en.map((name) => name.slice(0, 3)), 'Tues', 'Thurs', ...weekdayNames.ar, ...weekdayNames.ar.map((name) => name.slice(2))].map(escape).join('|')
// Day month [year] and month day[, year]; Arabic month names take no capital, English ones do (the names are as Intl writes them).
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}/.])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS})\\.?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`, 'gu')
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\p{N}])(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s+(\\d{4}))?(?![\\p{L}\\p{N}/])`, 'gu')
const WEEKDAY_BEFORE = new RegExp(`(?<![\\p{L}])(?:ال|وال|يوم\\s+ال)?(${WEEKDAYS})\\.?,?\\s*(?:،\\s*)?(?:الموافق\\s+)?(?:the\\s+)?$`, 'u')
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])/gu

const daysIn = (year, month) => new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate()
const weekdayOf = (year, month, day) => new Date(Date.UTC(year, month - 1, day)).getUTCDay()

// ---------------------------------------------------------------------------------------------
// Articles

/** A seeded random source (mulberry32) from a string. */
function randomFor(seed) {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353), (h = (h << 13) | (h >>> 19))
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = (random, list) => list[Math.floor(random() * list.length)]

function loadArticles() {
  const articles = []
  const only = option('--only')
  if (only !== 'polnear') {
    const devDir = path.join(shared, 'eval', 'dev')
    for (const set of fs.readdirSync(devDir).sort()) {
      const dir = path.join(devDir, set)
      if (!fs.statSync(dir).isDirectory()) continue
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
        articles.push({id: `dev/${set}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8'), date: undefined})
      }
    }
  }
  const corpus = path.join(shared, 'corpora', 'polnear')
  if (only !== 'dev' && fs.existsSync(corpus)) {
    const dates = new Map()
    const lines = fs.readFileSync(path.join(corpus, 'metadata.tsv'), 'utf8').split('\n')
    const head = lines[0].split('\t')
    for (const line of lines.slice(1)) {
      const cells = line.split('\t')
      dates.set(cells[head.indexOf('filename')], cells[head.indexOf('publication_date')])
    }
    for (const split of ['train', 'dev', 'test']) {
      const dir = path.join(corpus, split, 'text')
      if (!fs.existsSync(dir)) continue
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
        const date = dates.get(name.slice(0, -4))
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(date ?? '')) continue
        const raw = fs.readFileSync(path.join(dir, name), 'utf8')
        const [title, ...rest] = raw.split('\n')
        articles.push({id: `polnear/${split}/${name}`, text: `# ${title.trim()}\n\n${rest.join('\n').replace(/^\n+/u, '')}`, date})
      }
    }
  }
  const limit = Number(option('--limit') ?? 0)
  return limit ? articles.slice(0, limit) : articles
}

/** The text with its frontmatter date (when it has one), and how many lines the frontmatter adds. */
function withDate(text, date) {
  return date ? {text: `---\ndate: ${date}\n---\n\n${text}`, shift: 4} : {text, shift: 0}
}

/** An undated article's date for future-as-past: the 31 December of the latest year it names (at most 2030). */
function latestYearDate(text) {
  const years = [...text.matchAll(/(?<!\d)(19\d\d|20[0-3]\d)(?!\d)/gu)].map((m) => Number(m[1])).filter((year) => year <= 2030)
  return years.length ? `${Math.max(...years)}-12-31` : undefined
}

/**
 * The writer's own lines, with the places where an injection may go: not the frontmatter, headings (but the
 * title), block quotes, link text, code or text inside quotation marks. Returns, per line, a function telling
 * whether a [from, to) range of that line is free.
 */
function ownLines(text) {
  const lines = text.split('\n')
  const result = []
  let offset = 0
  let title = true
  for (const [index, line] of lines.entries()) {
    const start = offset
    offset += line.length + 1
    if (/^\s*(?:>|```|~~~|\||<)/u.test(line)) continue
    if (/^#{2,6}\s/u.test(line)) continue
    if (/^#\s/u.test(line)) {
      if (!title) continue
      title = false
    }
    const blocked = []
    for (const m of line.matchAll(/\[[^\]]*\]\([^)]*\)|“[^”]*”|«[^»]*»|"[^"]*"|`[^`]*`|https?:\/\/\S+/gu)) blocked.push([m.index, m.index + m[0].length])
    result.push({index, line, start, free: (from, to) => !blocked.some(([a, b]) => from < b && to > a)})
  }
  return result
}

/** Every full or partial named date of the article's own lines: {line, index, from, to, day, month, year, name, family}. */
function namedDates(text) {
  const found = []
  for (const own of ownLines(text)) {
    for (const [pattern, order] of [[DAY_MONTH, 'dm'], [MONTH_DAY, 'md']]) {
      pattern.lastIndex = 0
      for (const m of own.line.matchAll(pattern)) {
        const [name, day, year] = order === 'dm' ? [m[2], Number(m[1]), m[3]] : [m[1], Number(m[2]), m[3]]
        const known = monthNames.get(name)
        if (!known || day < 1 || day > 31) continue
        if (known.family.startsWith('en') && !/^\p{Lu}/u.test(name)) continue
        if (!own.free(m.index, m.index + m[0].length)) continue
        found.push({own, from: m.index, to: m.index + m[0].length, match: m[0], order, day, month: known.month, year: year ? Number(year) : undefined, name, family: known.family})
      }
    }
  }
  return found.sort((a, b) => a.own.index - b.own.index || a.from - b.from)
}

const replaceLine = (text, own, line) => {
  const lines = text.split('\n')
  lines[own.index] = line
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Injectors: (article, random) => {text, line (1-based in the text given), note} | undefined

export const INJECTORS = {
  'date-weekday'(article, random) {
    const dates = namedDates(article.text).filter((d) => d.day <= daysIn(d.year, d.month))
    const arabic = (d) => d.family.startsWith('ar')
    // A weekday already beside a full date: shift it.
    const paired = dates.filter((d) => d.year !== undefined && WEEKDAY_BEFORE.test(d.own.line.slice(Math.max(0, d.from - 24), d.from)))
    if (paired.length) {
      const d = pick(random, paired)
      const before = d.own.line.slice(0, d.from)
      const m = WEEKDAY_BEFORE.exec(before.slice(Math.max(0, d.from - 24)))
      const at = before.length - (before.slice(Math.max(0, d.from - 24)).length - m.index)
      const word = m[1]
      const list = arabic(d) ? weekdayNames.ar : weekdayNames.en
      const wrong = list[(weekdayOf(d.year, d.month, d.day) + 1 + Math.floor(random() * 6)) % 7]
      const written = arabic(d) ? wrong.replace(/^ال/u, '') : word.length <= 5 && !/day$/u.test(word) ? wrong.slice(0, word.length) : wrong
      const wordAt = before.indexOf(word, at)
      const line = before.slice(0, wordAt) + written + before.slice(wordAt + word.length) + d.own.line.slice(d.from)
      return {text: replaceLine(article.text, d.own, line), line: d.own.index + 1, note: `${word} → ${written} (${d.match})`}
    }
    // Else write a wrong weekday before a full date, or before a date with no year when the article is dated (an
    // undated dev article is dated as for future-as-past: the 31 December of the latest year it names).
    const date = article.date ?? latestYearDate(article.text)
    const year = date ? Number(date.slice(0, 4)) : undefined
    const open = dates.filter((d) => !WEEKDAY_BEFORE.test(d.own.line.slice(Math.max(0, d.from - 24), d.from)) && (d.year !== undefined || year !== undefined))
    if (!open.length) return undefined
    const d = pick(random, open)
    const fits = d.year !== undefined ? [weekdayOf(d.year, d.month, d.day)] : [year - 1, year, year + 1].filter((y) => d.day <= daysIn(y, d.month)).map((y) => weekdayOf(y, d.month, d.day))
    const wrongs = [0, 1, 2, 3, 4, 5, 6].filter((w) => !fits.includes(w))
    if (!wrongs.length) return undefined
    const wrong = pick(random, wrongs)
    // As newsrooms write the pair: before the date («الجمعة 22 مارس», «يوم الجمعة الموافق 22 مارس», "Friday, March 22")
    // or after it («22 مارس (الجمعة)», "March 22 (Friday)").
    const name = arabic(d) ? weekdayNames.ar[wrong] : weekdayNames.en[wrong]
    const style = Math.floor(random() * (arabic(d) ? 3 : 2))
    const [before, after] = arabic(d) ? [[`${name} `, `يوم ${name} الموافق `, ''][style], style === 2 ? ` (${name})` : ''] : [style === 0 ? `${name}, ` : '', style === 1 ? ` (${name})` : '']
    const line = d.own.line.slice(0, d.from) + before + d.match + after + d.own.line.slice(d.to)
    return {text: replaceLine(article.text, d.own, line), line: d.own.index + 1, note: `+${(before + '…' + after).trim()} (${d.match})`, ...(d.year === undefined ? {date} : {})}
  },

  'impossible-date'(article, random) {
    const dates = namedDates(article.text).filter((d) => d.day <= daysIn(d.year, d.month))
    if (dates.length) {
      const d = pick(random, dates)
      const thirty = [4, 6, 9, 11]
      let month = d.month
      let day
      if (month === 2) day = 30
      else if (thirty.includes(month)) day = 31
      else {
        month = thirty.reduce((best, m) => (Math.abs(m - d.month) < Math.abs(best - d.month) ? m : best), 4)
        day = 31
      }
      const name = month === d.month ? d.name : nameOf(d.family, month)
      const changed = d.order === 'dm'
        ? d.match.replace(/^\d{1,2}/u, String(day)).replace(d.name, name)
        : d.match.replace(d.name, name).replace(/(\s)\d{1,2}/u, `$1${day}`)
      const line = d.own.line.slice(0, d.from) + changed + d.own.line.slice(d.to)
      return {text: replaceLine(article.text, d.own, line), line: d.own.index + 1, note: `${d.match} → ${changed}`}
    }
    const numeric = []
    for (const own of ownLines(article.text)) for (const m of own.line.matchAll(NUMERIC)) if (own.free(m.index, m.index + m[0].length)) numeric.push({own, m})
    if (!numeric.length) return undefined
    const {own, m} = pick(random, numeric)
    const changed = `31${m[2]}4${m[2]}${m[4]}`
    return {text: replaceLine(article.text, own, own.line.slice(0, m.index) + changed + own.line.slice(m.index + m[0].length)), line: own.index + 1, note: `${m[0]} → ${changed}`}
  },

  'future-as-past'(article, random) {
    const date = article.date ?? latestYearDate(article.text)
    if (!date) return undefined
    const year = Number(date.slice(0, 4))
    const VERB = /(?<![\p{L}])(?:co-founded|founded|established|formed|emerged|born|died|passed away|(?:[وف])?(?:تأسست|تأسس|أسست|أسس|تشكلت|تشكل|ظهرت|ظهر|نشأت|نشأ|ولدت|ولد|توفيت|توفي|أنشئت|أنشئ))(?![\p{L}])/gu
    const places = []
    for (const own of ownLines(article.text)) {
      for (const verb of own.line.matchAll(VERB)) {
        // The first year within ten words after the verb, in the same sentence.
        const after = own.line.slice(verb.index + verb[0].length)
        const sentence = after.split(/(?<=[.!?؟])\s/u)[0]
        const words = sentence.split(/\s+/u).slice(0, 11).join(' ')
        // The event's time: a year after "in", "since", "of", a month or an approximator («عام 2015», "in early 2015",
        // "on March 3, 2015"), not a year that names something else ("her 2019 primary", "a 2019 graduate").
        const y = new RegExp(`(?<=(?:\\b(?:in|since|of|on|early|late|mid|the end of)|عام|العام|سنة|في|منذ|أوائل|أواخر|مطلع|منتصف|${MONTHS})[\\s,.-]+(?:\\d{1,2},?\\s+)?)(1[89]\\d\\d|20\\d\\d)(?![\\ds]|[,.٫٬]\\d)`, 'u').exec(words)
        if (!y || Number(y[1]) > year) continue
        const at = verb.index + verb[0].length + sentence.indexOf(y[0])
        if (!own.free(verb.index, at + 4)) continue
        places.push({own, at, from: y[1], verb: verb[0]})
      }
    }
    if (!places.length) return undefined
    const p = pick(random, places)
    const to = String(year + 1 + Math.floor(random() * 5))
    const line = p.own.line.slice(0, p.at) + to + p.own.line.slice(p.at + 4)
    return {text: replaceLine(article.text, p.own, line), line: p.own.index + 1, note: `${p.verb} … ${p.from} → ${to}`, date}
  },

  // A founding year moved past a dated act of the founded. In place when the article has both sides (a founding verb's
  // year and, in a later sentence, the same noun, definite, as the agent of a dated act): the founding year becomes 1–3
  // years after the latest act. Else written in: the article's first mention of an entity noun (group, party, company,
  // «الحركة», «الحزب» …) gets a founding sentence appended to its paragraph, and one of the next paragraphs (before any
  // heading, with no other named mention of the noun between) an act of the founded with a later year, in the article's
  // language; then one side is moved so that the act comes before the founding (1–3 years). The copy before that move is
  // the control: the rule must leave it alone. The conflict has two sides: the rule may flag either line.
  'founding-after-events'(article, random) {
    const FOUNDING = /(?<![\p{L}])(?:(?:was|were)\s+(?:founded|established|formed|set up)|founded|emerged|(?:[وف])?(?:تأسست|تأسس|أسست|أسس|تشكلت|تشكل|ظهرت|ظهر|نشأت|نشأ|أنشئت|أنشئ))(?![\p{L}])/gu
    const NOUN = /(?<![\p{L}])(?:(?:the|a|an)\s+)?(group|company|party|movement|organi[sz]ation|militia|faction|network|(?:ال)?(?:تنظيم|جماعة|حركة|حزب|شركة|منظمة|فصيل|جبهة|خلية))(?![\p{L}])/u
    const ACT = /(?<![\p{L}])(?:claimed responsibility|claimed credit|carried out|launched|staged|attacked|bombed|kidnapped|assassinated|(?:[وف])?(?:تبنى|تبنت|نفذ|نفذت|شن|شنت|هاجم|هاجمت|أعلن|أعلنت|اغتال|اغتالت|خطف|خطفت))(?![\p{L}])/gu
    const YEAR = /(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d]|[,.٫٬]\d)/gu
    const own = ownLines(article.text)
    const sentencesOf = (o) => {
      const out = []
      let at = 0
      for (const part of o.line.split(/(?<=[.!?؟])\s+/u)) {
        const from = o.line.indexOf(part, at)
        out.push({o, from, text: part})
        at = from + part.length
      }
      return out
    }
    const sentences = own.flatMap(sentencesOf)
    const places = []
    for (const [k, s] of sentences.entries()) {
      for (const verb of s.text.matchAll(FOUNDING)) {
        const around = s.text.slice(Math.max(0, verb.index - 40), verb.index + verb[0].length + 40)
        const noun = NOUN.exec(around)
        if (!noun) continue
        const after = s.text.slice(verb.index + verb[0].length).split(/\s+/u).slice(0, 13).join(' ')
        const y = new RegExp(YEAR.source, 'u').exec(after)
        if (!y) continue
        const at = s.from + verb.index + verb[0].length + s.text.slice(verb.index + verb[0].length).indexOf(y[0])
        if (!s.o.free(s.from + verb.index, at + 4)) continue
        // The same noun, definite, as the agent of a dated act in a later sentence.
        const bare = noun[1].replace(/^ال/u, '')
        const definite = /^[\u0600-\u06ff]/u.test(bare) ? new RegExp(`(?<![\\p{L}])[وف]?ال${bare}(?![\\p{L}])`, 'u') : new RegExp(`\\bthe ${bare}\\b`, 'iu')
        const acts = []
        for (const later of sentences.slice(k + 1)) {
          if (!definite.test(later.text) || !new RegExp(ACT.source, 'u').test(later.text)) continue
          for (const year of later.text.matchAll(YEAR)) if (Number(year[1]) < 2100) acts.push({line: later.o.index, year: Number(year[1])})
        }
        if (!acts.length) continue
        places.push({o: s.o, at, from: y[1], acts})
      }
    }
    if (places.length) {
      const p = pick(random, places)
      const latest = Math.max(...p.acts.map((act) => act.year))
      const to = String(latest + 1 + Math.floor(random() * 3))
      if (Number(to) > Number(p.from)) {
        const line = p.o.line.slice(0, p.at) + to + p.o.line.slice(p.at + 4)
        return {text: replaceLine(article.text, p.o, line), line: p.o.index + 1, lines: [p.o.index + 1, ...p.acts.map((act) => act.line + 1)], note: `founding ${p.from} → ${to} (acts ${p.acts.map((act) => act.year).join(', ')})`}
      }
    }
    return writeFoundingAndAct(article, random)
  },

  // A headline toll against the lede's. In place when the title has a number beside a word of the dead or the injured:
  // it is raised or lowered by 1–5 (never to 0), the lede keeps the old figure. Else written in: when the lede (the
  // first paragraph of twelve words or more after the title) has exactly one exact toll of a kind, with no period or
  // update word in its sentence, the title gets that toll in a headline form of the article's language («…: مقتل 12
  // شخصا», "…: 12 killed"); when the lede and title have no toll at all, the lede gets a toll sentence at its start and
  // the title a headline form of it. Then one side (the title's number or the lede's) is moved by 1–5. The copy before
  // that move is the control: the rule must leave it alone. The rule may flag the title's line or the lede's.
  'toll-mismatch'(article, random) {
    const TOLL = /(?<![\p{L}])(?:killed|kills|kill|dead|deaths|died|injured|injures|wounded|wounds|hurt|casualties|(?:[وف])?(?:قتيلا|قتيل|قتلى|مقتل|مصرع|وفاة|قتل|جريحا|جريح|جرحى|مصابا|مصابين|إصابة|استشهاد|شهيدا|شهداء))(?![\p{L}])/u
    const lines = ownLines(article.text)
    const title = lines.find((o) => /^#\s/u.test(o.line))
    if (!title) return undefined
    const places = []
    for (const m of title.line.matchAll(/(?<![\p{L}\d,.\-/])(\d{1,5})(?![\d%٪]|[,.٫٬:/]\d)/gu)) {
      const value = Number(m[1])
      if (value < 1 || (value >= 1800 && value <= 2100)) continue
      const near = title.line.slice(Math.max(0, m.index - 16), m.index + m[0].length + 24)
      if (!TOLL.test(near) || !title.free(m.index, m.index + m[0].length)) continue
      places.push(m)
    }
    if (!places.length) return writeHeadlineToll(article, random, lines, title)
    const m = pick(random, places)
    const value = Number(m[1])
    let changed = value + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 5))
    if (changed < 1) changed = value + 1 + Math.floor(random() * 5)
    const line = title.line.slice(0, m.index) + changed + title.line.slice(m.index + m[0].length)
    const lede = lines.find((o) => o.index > title.index && o.line.trim() && !/^#/u.test(o.line) && o.line.split(/\s+/u).length >= 12)
    return {text: replaceLine(article.text, title, line), line: title.index + 1, lines: [title.index + 1, ...(lede ? [lede.index + 1] : [])], note: `${value} → ${changed}`}
  }
}

// ---------------------------------------------------------------------------------------------
// Written-in injections: a toll or a founding and an act of the founded written into a copy of an article, in its
// language (Arabic or English, by its letters) and its digits, in the forms newsrooms write them; then one side moved.

/** 'ar' or 'en' by the article's letters; other languages get no written-in injection (the lexicons are Arabic and English). */
function languageOf(text) {
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
  if (arabic > latin) return 'ar'
  if (!latin) return undefined
  // English by its commonest words, not any Latin-script language.
  const english = text.match(/\b(?:the|and|of|to|in|is|was|that|said)\b/gu)?.length ?? 0
  const words = text.split(/\s+/u).length || 1
  return english / words > 0.08 && (text.match(/\bthe\b/giu)?.length ?? 0) / words > 0.03 ? 'en' : undefined
}

/** Digits as the article writes them: Arabic-Indic when it writes more of those than ASCII digits. */
function digitsOf(text) {
  const indic = text.match(/[٠-٩]/gu)?.length ?? 0
  const ascii = text.match(/[0-9]/gu)?.length ?? 0
  return indic > ascii ? (n) => String(n).replace(/\d/gu, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]) : (n) => String(n)
}

// Arabic counted nouns agree with the number: 3–10 take the plural, 11–99 the accusative singular, 100 and up the genitive.
const AR_COUNTED = {
  people: ['أشخاص', 'شخصا', 'شخص'],
  dead: ['قتلى', 'قتيلا', 'قتيل'],
  injured: ['جرحى', 'جريحا', 'جريح'],
  // «وإصابة 20 آخرين»: newsrooms keep the plural.
  others: ['آخرين', 'آخرين', 'آخرين'],
  soldiers: ['جنود', 'جنديا', 'جندي']
}
const arCount = (noun, n) => AR_COUNTED[noun][n <= 10 ? 0 : n <= 99 ? 1 : 2]
// Words of a period or an update (the issue's exclusions): a toll beside them counts something else.
const SCOPED = /(?<![\p{L}])(?:over|since|so far|this year|last year|in total|total|overall|during|throughout|past|rises|rose|risen|climbs|climbed|reached|now|updated|new|[وف]?(?:خلال|منذ|حتى الآن|إجمالي|مجموع|طوال|على مدى|الماضية|الأخيرة|ارتفع|ارتفعت|ارتفاع|بلغ|بلغت|وصل|وصلت|تجاوز|جديدة|جديد))(?![\p{L}])/iu
const APPROXIMATE = /(?:at least|more than|nearly|almost|about|around|some|up to|as many as|over|roughly|approximately|an estimated|estimated|fewer than|less than|close to|ما لا يقل عن|لا يقل عن|أكثر من|نحو|حوالي|قرابة|زهاء|ما يزيد عن|ما يزيد على|ما يقارب|ما يقرب من|أزيد من)\s*$/iu
const EN_NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

/**
 * The lede's tolls by the injector's own patterns: {kind, value, from, to (the number's place in the line), noun
 * (an English counted noun such as "soldiers", '' for people/none), exact}. Digits, and English number words to twelve.
 */
function ledeTolls(line, lang) {
  const tolls = []
  const number = lang === 'ar' ? '([0-9٠-٩]{1,5})' : `(\\d{1,3}(?:,\\d{3})*|${EN_NUMBER_WORDS.join('|')})`
  const patterns = lang === 'ar'
    ? [
      // «مقتل 12 شخصا», «إصابة 5 آخرين», «استشهاد 3»
      [new RegExp(`(?<![\\p{L}])[وفب]?(مقتل|مصرع|قتل|استشهاد|إصابة|جرح)\\s+${number}(?![\\d٠-٩])`, 'gu'), (m) => (/إصابة|جرح/u.test(m[1]) ? 'injured' : 'dead'), 2],
      // «12 قتيلا», «5 جرحى», «12 شخصا لقوا حتفهم», «أصيب 5 أشخاص» is caught by its head after
      [new RegExp(`(?<![\\d٠-٩])${number}\\s+(?:(?:أشخاص|شخصا|شخص|آخرين|آخر)\\s+)?(قتيلا|قتيل|قتلى|شهيدا|شهداء|جريحا|جريح|جرحى|مصابا|مصابين|حتفهم|مصرعهم)(?![\\p{L}])`, 'gu'), (m) => (/جر|مصاب/u.test(m[2]) ? 'injured' : 'dead'), 1]
    ]
    : [
      [new RegExp(`\\b${number}\\s+(?:(people|[a-z]+s)\\s+)?(?:(?:were|have been|had been|are|was)\\s+)?(killed|dead|died|injured|wounded|hurt)\\b`, 'giu'), (m) => (/killed|dead|died/u.test(m[3]) ? 'dead' : 'injured'), 1, 2],
      [new RegExp(`\\b(killing|killed|kills|kill|wounding|injuring|wounded|injured)\\s+(?:(?:at least|more than|about|nearly|some|up to|as many as)\\s+)?${number}(?:\\s+(people|[a-z]+s))?\\b`, 'giu'), (m) => (/kill/u.test(m[1]) ? 'dead' : 'injured'), 2, 3]
    ]
  for (const [pattern, kindOf, group, nounGroup] of patterns) {
    for (const m of line.matchAll(new RegExp(pattern.source, pattern.flags + 'd'))) {
      const [numberAt, end] = m.indices[group]
      const raw = m[group]
      const value = /^[\d٠-٩]/u.test(raw) ? Number(raw.replace(/[٠-٩]/gu, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/,/gu, '')) : EN_NUMBER_WORDS.indexOf(raw.toLowerCase())
      const noun = nounGroup && m[nounGroup] && !/^(?:people|others|persons)$/iu.test(m[nounGroup]) ? m[nounGroup].toLowerCase() : ''
      const exact = !APPROXIMATE.test(line.slice(Math.max(0, numberAt - 24), numberAt)) && !/^\s*(?:\+|or more|على الأقل)/u.test(line.slice(end))
      tolls.push({kind: kindOf(m), value, from: numberAt, to: end, raw, noun, exact})
    }
  }
  // One number read by two patterns is one toll.
  return tolls.filter((toll, i) => !tolls.some((other, j) => j < i && other.from === toll.from))
}

/** The lede as the injector sees it: the first line after the title of twelve words or more, if no list, table or quote comes first. */
function ledeLine(lines, title) {
  for (const o of lines) {
    if (o.index <= title.index || !o.line.trim()) continue
    if (/^\s*(?:[-*+]\s|\d+[.)]\s|!\[)/u.test(o.line)) return undefined
    if (o.line.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length >= 12) return o
  }
  return undefined
}

/** A number moved by 1–5, kept ≥ 3 (Arabic counted nouns then keep one form) and, in Arabic, in its agreement class. */
function moved(value, random, lang) {
  for (let tries = 0; tries < 20; tries++) {
    const changed = value + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 5))
    if (changed < 3 || changed === value) continue
    if (lang === 'ar' && (changed <= 10) !== (value <= 10)) continue
    if (lang === 'ar' && (changed <= 99) !== (value <= 99)) continue
    return changed
  }
  return value + 1
}

// Headline forms of a toll, as newsrooms write them, per language and kind: (heading, n as written, value, noun) → title.
// `noun` is a counted noun kept from the lede ("soldiers", «جنود»), '' for people.
const HEADLINE_FORMS = {
  en: {
    dead: [
      (h, n, v, noun) => `${h}: ${n}${noun ? ' ' + noun : ''} killed`,
      (h, n, v, noun) => `${n}${noun ? ' ' + noun : ''} dead — ${h}`,
      (h, n, v, noun) => `${h}; ${n}${noun ? ' ' + noun : ''} killed`,
      (h, n, v, noun) => `Attack kills ${n}${noun ? ' ' + noun : ''}: ${h}`,
      (h, n, v, noun) => `${h}: ${n}${noun ? ' ' + noun : ''} die in blast`
    ],
    injured: [
      (h, n, v, noun) => `${h}: ${n}${noun ? ' ' + noun : ''} injured`,
      (h, n, v, noun) => `${n}${noun ? ' ' + noun : ''} wounded — ${h}`,
      (h, n, v, noun) => `${h}; ${n}${noun ? ' ' + noun : ''} hurt`,
      (h, n, v, noun) => `Blast injures ${n}${noun ? ' ' + noun : ''}: ${h}`
    ]
  },
  ar: {
    dead: [
      (h, n, v, noun) => `${h}.. مقتل ${n} ${noun ? arCount(noun, v) : arCount('people', v)}`,
      (h, n, v, noun) => (noun ? `${h}: مقتل ${n} ${arCount(noun, v)}` : `${h}: ${n} ${arCount('dead', v)}`),
      (h, n, v, noun) => `مقتل ${n} ${noun ? arCount(noun, v) : arCount('people', v)} - ${h}`,
      (h, n, v, noun) => `${h}.. مصرع ${n} ${noun ? arCount(noun, v) : arCount('people', v)}`,
      (h, n, v, noun) => (noun ? `${h}: مقتل ${n} ${arCount(noun, v)}` : `${h}: سقوط ${n} ${arCount('dead', v)}`)
    ],
    injured: [
      (h, n, v, noun) => `${h}.. إصابة ${n} ${noun ? arCount(noun, v) : arCount('people', v)}`,
      (h, n, v, noun) => (noun ? `${h}: إصابة ${n} ${arCount(noun, v)}` : `${h}: ${n} ${arCount('injured', v)}`),
      (h, n, v, noun) => `إصابة ${n} ${noun ? arCount(noun, v) : arCount('people', v)} - ${h}`
    ]
  }
}

// Lede sentences of a toll, as wires open an attack or accident story: (d dead, i injured, cause, digits) →
// {text, kinds (the tolls it states), noun (a counted noun, or '')}. English numbers that open a sentence are words.
const LEDE_FORMS = {
  en: [
    (d, i, c) => ({text: `The ${c} killed ${d} people and injured ${i} others, police said.`, kinds: ['dead', 'injured']}),
    (d, i, c) => ({text: d <= 12 ? `${capital(EN_NUMBER_WORDS[d])} people were killed in the ${c}, officials said.` : `Police said ${d} people were killed in the ${c}.`, kinds: ['dead']}),
    (d, i, c) => ({text: `Officials said ${d} people died in the ${c}.`, kinds: ['dead']}),
    (d, i, c) => ({text: `The ${c} left ${d} dead and ${i} wounded.`, kinds: ['dead', 'injured']}),
    (d, i, c) => ({text: `The ${c} claimed ${d} lives, the authorities said.`, kinds: ['dead']}),
    (d, i, c) => ({text: `The ${c} killed ${d} soldiers, the army said.`, kinds: ['dead'], noun: 'soldiers'}),
    (d, i, c) => ({text: `At least one witness said the ${c} wounded ${i} people.`, kinds: ['injured']})
  ],
  ar: [
    (d, i, c, n) => ({text: `أسفر ${c} عن مقتل ${n(d)} ${arCount('people', d)} وإصابة ${n(i)} ${arCount('others', i)}، وفق مصادر رسمية.`, kinds: ['dead', 'injured']}),
    (d, i, c, n) => ({text: `قتل ${n(d)} ${arCount('people', d)} في ${c}، بحسب الشرطة.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `لقي ${n(d)} ${arCount('people', d)} حتفهم في ${c}.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `أدى ${c} إلى سقوط ${n(d)} ${arCount('dead', d)} و${n(i)} ${arCount('injured', i)}.`, kinds: ['dead', 'injured']}),
    (d, i, c, n) => ({text: `قالت السلطات إن ${n(d)} ${arCount('people', d)} لقوا مصرعهم في ${c}.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `أودى ${c} بحياة ${n(d)} ${arCount('people', d)}.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `وأسفر ${c} عن مقتل ${n(d)} ${arCount('soldiers', d)}، بحسب بيان للجيش.`, kinds: ['dead'], noun: 'soldiers'}),
    (d, i, c, n) => ({text: `وأصيب ${n(i)} ${arCount('people', i)} بجروح في ${c}.`, kinds: ['injured']})
  ]
}
const CAUSES = {en: ['explosion', 'attack', 'crash', 'fire', 'shooting', 'storm'], ar: ['الانفجار', 'الهجوم', 'الحادث', 'الحريق', 'القصف', 'السيل']}
const capital = (word) => word[0].toUpperCase() + word.slice(1)

function writeHeadlineToll(article, random, lines, title) {
  const lang = languageOf(article.text)
  if (!lang) return undefined
  const digits = digitsOf(article.text)
  // The title without its closing stop: the toll is written as a part of it, as headlines join parts.
  const heading = title.line.replace(/^#\s+/u, '').trim().replace(/[.;:,]+$/u, '')
  // A title with a period or an update word, or a toll word of its own, would make the pair another count.
  if (SCOPED.test(heading) || /(?<![\p{L}])(?:killed|kills|dead|deaths|died|injured|wounded|hurt|casualties|toll|[وف]?(?:قتيل|قتلى|مقتل|مصرع|قتل|جرحى|إصابة|مصابين|حصيلة|ضحايا))(?![\p{L}])/iu.test(heading)) return undefined
  const lede = ledeLine(lines, title)
  if (!lede) return undefined
  const tolls = ledeTolls(lede.line, lang)
  const forms = (HELD_OUT ? HELD_OUT_HEADLINES : HEADLINE_FORMS)[lang]
  const headline = (kind, value, noun, style) => `# ${forms[kind][style % forms[kind].length](heading, digits(value), value, noun)}`
  const style = Math.floor(random() * 5)
  const sides = [title.index + 1, lede.index + 1]
  if (tolls.length) {
    // The lede's own toll: exactly one of its kind, exact, in a sentence with no period or update word.
    const sentenceOf = (toll) => {
      const starts = [0, ...[...lede.line.matchAll(/[.!?؟]\s+/gu)].map((m) => m.index + m[0].length)].filter((at) => at <= toll.from)
      const from = starts[starts.length - 1]
      const end = lede.line.slice(toll.to).search(/[.!?؟](?:\s|$)/u)
      return lede.line.slice(from, end < 0 ? lede.line.length : toll.to + end)
    }
    // Arabic counted nouns other than people are not rewritten (their agreement forms are not the injector's).
    const usable = tolls.filter((toll) => toll.exact && toll.value >= 3 && (lang === 'en' || !toll.noun) && tolls.filter((other) => other.kind === toll.kind).length === 1 && !SCOPED.test(sentenceOf(toll)) && lede.free(toll.from, toll.to))
    if (!usable.length) return undefined
    const toll = pick(random, usable)
    const control = replaceLine(article.text, title, headline(toll.kind, toll.value, toll.noun, style))
    const changed = moved(toll.value, random, lang)
    if (random() < 0.5) return {text: replaceLine(article.text, title, headline(toll.kind, changed, toll.noun, style)), control, line: title.index + 1, lines: sides, note: `+headline ${toll.kind} ${changed} (lede ${toll.raw})`}
    const raw = /^[a-z]/iu.test(toll.raw) ? String(changed) : digits(changed)
    return {text: replaceLine(control, lede, lede.line.slice(0, toll.from) + raw + lede.line.slice(toll.to)), control, line: lede.index + 1, lines: sides, note: `+headline ${toll.kind} ${toll.value}, lede ${toll.raw} to ${raw}`}
  }
  // No toll in the lede: a toll sentence at its start, and the headline of it.
  if (TOLL.test(lede.line.replace(/[\u064b-\u0652]/gu, ''))) return undefined
  const dead = 3 + Math.floor(random() * 40)
  const injured = 3 + Math.floor(random() * 60)
  const ledeForms = (HELD_OUT ? HELD_OUT_LEDES : LEDE_FORMS)[lang]
  const form = Math.floor(random() * ledeForms.length)
  const cause = pick(random, CAUSES[lang])
  const sentence = ledeForms[form](dead, injured, cause, digits)
  const kind = pick(random, sentence.kinds)
  const value = kind === 'dead' ? dead : injured
  const noun = sentence.noun ?? ''
  const control = replaceLine(replaceLine(article.text, title, headline(kind, value, noun, style)), lede, `${sentence.text} ${lede.line}`)
  const changed = moved(value, random, lang)
  if (random() < 0.5) return {text: replaceLine(control, title, headline(kind, changed, noun, style)), control, line: title.index + 1, lines: sides, note: `+headline and lede ${kind} (${lang} lede ${form}, headline ${style}), headline ${value} to ${changed}`}
  const changedSentence = ledeForms[form](kind === 'dead' ? changed : dead, kind === 'injured' ? changed : injured, cause, digits).text
  return {text: replaceLine(control, lede, `${changedSentence} ${lede.line}`), control, line: lede.index + 1, lines: sides, note: `+headline and lede ${kind} (${lang} lede ${form}, headline ${style}), lede ${value} to ${changed}`}
}
const TOLL = /(?<![\p{L}])(?:killed|kills|kill|dead|deaths|died|injured|injures|wounded|wounds|hurt|casualties|(?:[وف])?(?:قتيلا|قتيل|قتلى|مقتل|مصرع|وفاة|قتل|جريحا|جريح|جرحى|مصابا|مصابين|إصابة|استشهاد|شهيدا|شهداء))(?![\p{L}])/iu

// Entity nouns the injector writes a founding and an act for, with their Arabic gender (the verb agrees with it).
const EN_ENTITY = /(?<![\p{L}])((?:[A-Z][\p{L}’'-]*\s+){0,3})(group|company|party|movement|organization|organisation|militia|faction|network|firm)(?![\p{L}])/gu
const AR_ENTITY = /(?<![\p{L}])([وفبل]?(?:ال)?)(تنظيم|جماعة|مجموعة|حركة|حزب|شركة|منظمة|فصيل|جبهة|خلية)(?![\p{L}])/gu
const AR_MASCULINE = new Set(['تنظيم', 'حزب', 'فصيل'])
const CIVIL = new Set(['company', 'party', 'firm', 'شركة', 'حزب'])

function writeFoundingAndAct(article, random) {
  const lang = languageOf(article.text)
  if (!lang) return undefined
  const digits = digitsOf(article.text)
  // Not the first line: with no heading it is the title («ماذا نعرف عن تنظيم …؟»), which the rule does not read.
  const lines = ownLines(article.text).filter((o) => o.line.trim() && !/^#/u.test(o.line) && !/^\s*(?:[-*+]\s|\d+[.)]\s|!\[)/u.test(o.line)).filter((o) => o.index > article.text.search(/\S/u) && o.index !== article.text.slice(0, article.text.search(/\S/u)).split('\n').length - 1)
  // The first mention of an entity noun outside quotations and links, in a paragraph of the story.
  let first
  // A line with a quotation left open would put the written sentence inside it.
  const open = (line) => (line.match(/["“”]/gu)?.length ?? 0) % 2 === 1 || (line.match(/«/gu)?.length ?? 0) !== (line.match(/»/gu)?.length ?? 0) || /''/u.test(line)
  for (const o of lines) {
    if (open(o.line)) continue
    for (const m of o.line.matchAll(lang === 'ar' ? AR_ENTITY : EN_ENTITY)) {
      if (!o.free(m.index, m.index + m[0].length)) continue
      first = {o, m}
      break
    }
    if (first) break
  }
  if (!first) return undefined
  const noun = first.m[2].toLowerCase()
  const name = lang === 'en' ? first.m[1].trim().split(/\s+/u).filter((w) => w && !/^(?:The|A|An)$/u.test(w)).join(' ') : ''
  // The paragraphs after it, to the next heading, with no other named mention of the noun between.
  const all = ownLines(article.text)
  const later = []
  for (const o of all) {
    if (o.index <= first.o.index || !o.line.trim()) continue
    if (/^#/u.test(o.line)) break
    if (/^\s*(?:[-*+]\s|\d+[.)]\s|!\[)/u.test(o.line) || open(o.line)) continue
    later.push(o)
    const other = lang === 'ar'
      ? new RegExp(`(?<![\\p{L}])[وفبل]?${noun}\\s+\\p{L}`, 'u').test(o.line)
      : new RegExp(`[A-Z][\\p{L}’'-]*\\s+(?:${noun}|${capital(noun)})\\b`, 'u').test(o.line) && !(name && o.line.toLowerCase().includes(`${name} ${noun}`.toLowerCase()))
    if (later.length >= 3 || other) break
  }
  if (!later.length) return undefined
  const actLine = pick(random, later)
  const founded = 1960 + Math.floor(random() * 40)
  const actYear = founded + 1 + Math.floor(random() * 8)
  const civil = CIVIL.has(noun)
  const foundingStyle = Math.floor(random() * 6)
  const actStyle = Math.floor(random() * 5)
  const foundingFor = (year) => {
    const y = digits(year)
    if (HELD_OUT) return heldOutFounding(lang, noun, y, foundingStyle)
    if (lang === 'ar') {
      const t = AR_MASCULINE.has(noun) ? '' : 'ت'
      return [`وتأسس${t} ال${noun} عام ${y}.`, `ونشأ${t} ال${noun} في ${y}.`, `وظهر${t} ال${noun} أوائل عام ${y}.`, `وكان${t} ال${noun} قد تأسس${t} عام ${y}.`, `وقد تشكل${t} ال${noun} في عام ${y}.`,
        `ويعد ال${noun} ${t ? 'التي' : 'الذي'} تأسس${t} عام ${y} من أبرز الأطراف في البلاد.`][foundingStyle]
    }
    const the = name ? `The ${name} ${noun}` : `The ${noun}`
    return [`${the} was founded in ${y}.`, `The ${noun} was established in ${y}.`, `The ${noun} emerged in ${y}.`, `Founded in ${y}, the ${noun} has grown since.`, `The ${noun}, formed in ${y}, has offices in several cities.`,
      `The ${noun}, which was set up in ${y}, is based in the capital.`][foundingStyle]
  }
  const actFor = (year) => {
    const y = digits(year)
    if (HELD_OUT) return heldOutAct(lang, noun, civil, y, actStyle)
    if (lang === 'ar') {
      const masculine = AR_MASCULINE.has(noun)
      const t = masculine ? '' : 'ت'
      const its = masculine ? 'ه' : 'ها'
      return civil
        ? [`وشن${t} ال${noun} حملة واسعة عام ${y}.`, `وفي عام ${y}، شن${t} ال${noun} حملة في أنحاء البلاد.`, `ونفذ${t} ال${noun} أول مشاريع${its} الكبرى عام ${y}.`, `وشن${t} ال${noun} في ${y} حملة ضد منافسي${its}.`,
          `وقاد أعضاء ال${noun} حملة واسعة، ثم شن${t} ال${noun} في ${y} حملة ثانية.`][actStyle]
        : [`وتبن${masculine ? 'ى' : 'ت'} ال${noun} هجوما في ${y}.`, `وأعلن${t} ال${noun} مسؤوليت${its} عن هجوم عام ${y}.`, `ونفذ${t} ال${noun} عام ${y} أول عمليات${its}.`, `وفي عام ${y}، شن${t} ال${noun} هجمات على مواقع للجيش.`,
          `وخطف مسلحو ال${noun} صحفيين أجنبيين في ${y}.`][actStyle]
    }
    return civil
      ? [`In ${y}, the ${noun} launched a national campaign.`, `The ${noun} launched its first campaign in ${y}.`, `The ${noun} staged a large rally in ${y}.`, `The ${noun} mounted a campaign against its rivals in ${y}.`,
        `The ${noun} also launched a campaign abroad in ${y}.`][actStyle]
      : [`In ${y}, the ${noun} claimed responsibility for an attack.`, `The ${noun} carried out its first attack in ${y}.`, `The ${noun}'s fighters attacked an army post in ${y}.`, `The ${noun} launched a wave of attacks in ${y}.`,
        `Members of the ${noun} kidnapped two aid workers in ${y}.`][actStyle]
  }
  const write = (foundingYear, year) => {
    let text = replaceLine(article.text, first.o, `${first.o.line} ${foundingFor(foundingYear)}`)
    // The act opens one of the next paragraphs, so nothing of that paragraph stands between it and its antecedent.
    const lines2 = text.split('\n')
    lines2[actLine.index] = `${actFor(year)} ${lines2[actLine.index]}`
    return lines2.join('\n')
  }
  const control = write(founded, actYear)
  const gap = 1 + Math.floor(random() * 3)
  const moveFounding = random() < 0.5
  const [f, a] = moveFounding ? [actYear + gap, actYear] : [founded, founded - gap]
  return {text: write(f, a), control, line: (moveFounding ? first.o : actLine).index + 1, lines: [first.o.index + 1, actLine.index + 1],
    note: `+founding (${lang} ${foundingStyle}) and act (${actStyle}) of the ${noun}: ${moveFounding ? `founding ${founded} → ${f}` : `act ${actYear} → ${a}`}`}
}

// --held-out: other written-in forms, written after the rules were last changed and never tuned on, so that the recall
// they give is a figure on constructions the rules have not seen (each a construction newsrooms use).
const HELD_OUT = process.argv.includes('--held-out')
const HELD_OUT_HEADLINES = {
  en: {
    dead: [
      (h, n, v, noun) => `${h}: ${n}${noun ? ' ' + noun : ''} killed as storm hits coast`,
      (h, n, v, noun) => `Blast leaves ${n}${noun ? ' ' + noun : ''} dead; ${h}`,
      (h, n, v, noun) => `${h} — ${n}${noun ? ' ' + noun : ''} people dead after blast`,
      (h, n, v, noun) => `${h}: blast kills ${n}${noun ? ' ' + noun : ''} in capital`
    ],
    injured: [
      (h, n, v, noun) => `${h}: ${n}${noun ? ' ' + noun : ''} hurt as bus overturns`,
      (h, n, v, noun) => `Blast leaves ${n}${noun ? ' ' + noun : ''} injured; ${h}`
    ]
  },
  ar: {
    dead: [
      (h, n, v, noun) => `${h}.. ${n} ${noun ? arCount(noun, v) : arCount('dead', v)} في انفجار بالعاصمة`,
      (h, n, v, noun) => `${h}: مصرع ${n} ${noun ? arCount(noun, v) : arCount('people', v)} إثر انفجار`,
      (h, n, v, noun) => `${h}.. انفجار يودي بحياة ${n} ${noun ? arCount(noun, v) : arCount('people', v)}`
    ],
    injured: [
      (h, n, v, noun) => `${h}.. ${n} ${noun ? arCount(noun, v) : arCount('injured', v)} في انفجار بالعاصمة`,
      (h, n, v, noun) => `${h}: إصابة ${n} ${noun ? arCount(noun, v) : arCount('people', v)} بجروح`
    ]
  }
}
const HELD_OUT_LEDES = {
  en: [
    (d, i, c) => ({text: `Authorities said the ${c} had killed ${d} people and wounded ${i} by Monday evening.`, kinds: ['dead', 'injured']}),
    (d, i, c) => ({text: `The ${c} killed ${d} and injured ${i}, according to local media.`, kinds: ['dead', 'injured']}),
    (d, i, c) => ({text: `A ${c} in the city center killed ${d} civilians on Sunday.`, kinds: ['dead'], noun: 'civilians'}),
    (d, i, c) => ({text: `Police said ${d} people lost their lives in the ${c}.`, kinds: ['dead']}),
    (d, i, c) => ({text: `${i <= 12 ? capital(EN_NUMBER_WORDS[i]) : 'Altogether ' + i} people were hurt in the ${c}, the fire service said.`, kinds: ['injured']})
  ],
  ar: [
    (d, i, c, n) => ({text: `لقي ${n(d)} ${arCount('people', d)} مصرعهم وأصيب ${n(i)} ${arCount('others', i)} بجروح في ${c}.`, kinds: ['dead', 'injured']}),
    (d, i, c, n) => ({text: `سقط ${n(d)} ${arCount('dead', d)} في ${c} الذي وقع صباح الأحد.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `وأعلنت وزارة الصحة مقتل ${n(d)} ${arCount('people', d)} جراء ${c}.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `قضى ${n(d)} ${arCount('people', d)} في ${c}، بحسب الدفاع المدني.`, kinds: ['dead']}),
    (d, i, c, n) => ({text: `وخلف ${c} ${n(d)} ${arCount('dead', d)} و${n(i)} ${arCount('injured', i)}.`, kinds: ['dead', 'injured']})
  ]
}
function heldOutFounding(lang, noun, y, style) {
  if (lang === 'ar') {
    const t = AR_MASCULINE.has(noun) ? '' : 'ت'
    const its = t ? 'ها' : 'ه'
    return [`وتأسس${t} ال${noun} على يد مجموعة من الناشطين عام ${y}.`, `ومنذ تأسيس${its} عام ${y}، توسع${t} ال${noun}.`, `ويعود تأسيس ال${noun} إلى عام ${y}.`, `وبرز${t} ال${noun} في ${y}.`, `وأنشئ${t} ال${noun} عام ${y}.`][style % 5]
  }
  return [`Since its founding in ${y}, the ${noun} has grown.`, `The ${noun} was created in ${y}.`, `The ${noun} came into being in ${y}.`, `The ${noun}, established in ${y} by former officers, is based abroad.`, `It was in ${y} that the ${noun} was formed.`][style % 5]
}
function heldOutAct(lang, noun, civil, y, style) {
  if (lang === 'ar') {
    const masculine = AR_MASCULINE.has(noun)
    const t = masculine ? '' : 'ت'
    const its = masculine ? 'ه' : 'ها'
    return civil
      ? [`وافتتح${t} ال${noun} أول مكتب ل${its} عام ${y}.`, `ونظم${t} ال${noun} احتجاجات واسعة في ${y}.`, `وشن${t} ال${noun} عام ${y} حملة إعلانية.`][style % 3]
      : [`واستهدف${t} ال${noun} عام ${y} ثكنة للجيش.`, `وسيطر${t} ال${noun} على مدينتين في ${y}.`, `وهاجم${t} ال${noun} قافلة عسكرية في ${y}.`, `وتبن${masculine ? 'ى' : 'ت'} ال${noun} في بيان عام ${y} تفجيرا في العاصمة.`][style % 4]
  }
  return civil
    ? [`The ${noun} opened its first office in ${y}.`, `The ${noun} organized a protest in ${y}.`, `The ${noun} launched a bid for a rival in ${y}.`][style % 3]
    : [`The ${noun} took responsibility for a bombing in ${y}.`, `In ${y} the ${noun} seized two towns in the north.`, `The ${noun} was behind an attack on a hotel in ${y}.`, `The ${noun} bombed a police station in ${y}.`][style % 4]
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function messagesOf(text) {
  const file = await lint(text, config)
  return file.messages.filter((m) => family.includes(m.ruleId))
}

const checks = option('--checks')?.split(',') ?? FAMILY
const articles = loadArticles()
console.log(`eval:consistency: ${articles.length} articles (${articles.filter((a) => a.id.startsWith('dev/')).length} dev, ${articles.filter((a) => a.id.startsWith('polnear/')).length} PolNeAR); family in the preset: ${family.join(', ') || 'none'}`)

// The originals, as they are (PolNeAR dated), once: natural-text flags.
const originals = new Map()
const natural = []
for (const article of articles) {
  const {text, shift} = withDate(article.text, article.date)
  const messages = await messagesOf(text)
  originals.set(article.id, messages)
  const lines = text.split('\n')
  for (const m of messages) natural.push(`${article.id}:${m.line - shift} ${m.ruleId}: ${m.reason}\n    | ${lines[m.line - 1]?.slice(0, 400)}`)
}

const rows = []
const misses = []
// --variants N: N injections per article (other random draws: other forms, sides and numbers), for more Arabic candidates.
const variants = Math.max(1, Number(option('--variants') ?? 1))
// --write DIR: every injected copy (and its control) as a file, <DIR>/<check>/<article id>.md, for reading and linting.
const written = option('--write')
const controlFlags = []
for (const check of checks) {
  const injector = INJECTORS[check]
  if (!injector) continue
  if (!family.includes(check)) {
    rows.push({check, note: 'rule not in the preset'})
    continue
  }
  let candidates = 0
  let caught = 0
  let falseFlags = 0
  const byLang = {}
  let shifted = 0
  for (const [article, variant] of articles.flatMap((a) => Array.from({length: variants}, (_, k) => [a, k]))) {
    const random = randomFor(variant ? `${check}:${article.id}:${variant}` : `${check}:${article.id}`)
    const injected = injector(article, random)
    if (!injected) continue
    candidates++
    const lang = (article.text.match(/\p{Script=Arabic}/gu)?.length ?? 0) > (article.text.match(/\p{Script=Latin}/gu)?.length ?? 0) ? 'ar' : 'other'
    byLang[lang] ??= {candidates: 0, caught: 0}
    byLang[lang].candidates++
    if (injected.note.includes('→') && !injected.note.startsWith('+')) shifted++
    const date = injected.date ?? article.date
    const original = withDate(article.text, date)
    const copy = withDate(injected.text, date)
    if (written) {
      const base = path.join(written, check, article.id.replace(/\.(?:md|txt)$/u, '') + (variant ? `.${variant}` : ''))
      fs.mkdirSync(path.dirname(base), {recursive: true})
      fs.writeFileSync(`${base}.md`, copy.text)
      if (injected.control !== undefined) fs.writeFileSync(`${base}.control.md`, withDate(injected.control, date).text)
    }
    const before = date === article.date ? originals.get(article.id) : await messagesOf(original.text)
    const after = await messagesOf(copy.text)
    // A conflict between two statements may be flagged on either: an injector names their lines in `lines`.
    const lines = (injected.lines ?? [injected.line]).map((n) => n + copy.shift)
    const on = (m) => lines.some((line) => m.line <= line && (m.place?.end?.line ?? m.line) >= line)
    const hit = after.some((m) => m.ruleId === check && on(m))
    if (hit) {
      caught++
      byLang[lang].caught++
    }
    else misses.push(`${check} ${article.id}:${injected.line} ${injected.note}\n${(injected.lines ?? [injected.line]).map((n) => `    ${n}| ${injected.text.split('\n')[n - 1]?.slice(0, 300)}`).join('\n')}`)
    // The original's own flags count once per article (they are listed and read with the natural text: the seed's
    // real error is one); the same flag again in its copy or control is not counted twice.
    const own = new Set(before.filter((m) => m.ruleId === check).map((m) => `${m.line}:${m.reason}`))
    if (!variant) falseFlags += own.size
    falseFlags += after.filter((m) => m.ruleId === check && !on(m) && !own.has(`${m.line}:${m.reason}`)).length
    // A written-in injection's control (both sides written, in agreement) is the original of its pair in the mix.
    if (injected.control !== undefined) {
      const control = await messagesOf(withDate(injected.control, date).text)
      const flagged = control.filter((m) => m.ruleId === check && !own.has(`${m.line}:${m.reason}`))
      falseFlags += flagged.length
      for (const m of flagged) controlFlags.push(`${check} ${article.id}:${m.line - copy.shift} ${m.reason}\n    | ${injected.control.split('\n')[m.line - copy.shift - 1]?.slice(0, 300)}`)
    }
  }
  rows.push({check, candidates, caught, recall: candidates ? caught / candidates : undefined, precision: caught + falseFlags ? caught / (caught + falseFlags) : undefined, falseFlags, byLang, shifted})
}

const fixed = (x) => (x === undefined ? '  -  ' : x.toFixed(3))
console.log('\ncheck                   candidates  caught  recall  mix-precision (false flags)')
for (const row of rows) {
  if (row.note) console.log(`${row.check.padEnd(24)}${row.note}`)
  else {
    const langs = Object.entries(row.byLang).map(([lang, n]) => `${lang} ${n.caught}/${n.candidates}`).join(', ')
    console.log(`${row.check.padEnd(24)}${String(row.candidates).padStart(10)}  ${String(row.caught).padStart(6)}  ${fixed(row.recall)}  ${fixed(row.precision)} (${row.falseFlags})   [${langs}; ${row.shifted} changed in place, ${row.candidates - row.shifted} written in]`)
  }
}
const measured = rows.filter((row) => !row.note)
const allCaught = measured.reduce((sum, row) => sum + row.caught, 0)
const allFalse = measured.reduce((sum, row) => sum + row.falseFlags, 0)
if (measured.length) console.log(`${'all checks'.padEnd(24)}${String(measured.reduce((sum, row) => sum + row.candidates, 0)).padStart(10)}  ${String(allCaught).padStart(6)}          ${fixed(allCaught + allFalse ? allCaught / (allCaught + allFalse) : undefined)} (${allFalse})`)
const naturalFile = option('--natural') ?? path.join(os.tmpdir(), 'consistency-natural.txt')
fs.writeFileSync(naturalFile, `${natural.length} flags of the family on ${articles.length} original articles\n\n${natural.join('\n')}\n\nMissed injections:\n${misses.join('\n')}\n\nFlags on the controls of written-in injections:\n${controlFlags.join('\n')}\n`)
const perRule = Object.fromEntries(family.map((id) => [id, natural.filter((line) => line.includes(` ${id}: `)).length]))
console.log(`\nnatural text: ${natural.length} flags on ${articles.length} originals (${Object.entries(perRule).map(([id, n]) => `${id} ${n}`).join(', ')}); each listed with its line in ${naturalFile}, with the missed injections`)
