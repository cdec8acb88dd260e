#!/usr/bin/env node
/**
 * Checks the lexicon data files in src/lexicons/ (plain node, no dependencies, no build):
 *
 * - each file parses and has a `description` and `entries`;
 * - every entry has a unique kebab-case `id`, a `note`, a `kind` the file allows, forms per
 *   language (arrays of non-empty strings that yield at least one word token), and no form
 *   listed twice (after normalisation) in the same file and language;
 * - every language with forms has an example, and the example contains one of the entry's
 *   forms in that language: consecutive word tokens after normalisation, the first one also
 *   behind Arabic proclitics (و ف ب ل ك and their combinations, ال);
 * - each file has at least the required number of entries per language;
 * - verbs listed by their base form (`verbs`, cues): specs of the shape src/model/morphology.ts reads; their
 *   inflected forms are made by the model, so tests/lexicons.test.ts checks their examples through it;
 * - file-specific fields: `outletCue` / `outletSide` (cues), `determiners` and `notes`
 *   (anonymous).
 *
 * Normalisation and tokenisation mirror src/model/normalize.ts and src/model/tokens.ts:
 * lower case, harakat/tatweel stripped, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء, Arabic digits → ASCII;
 * words are [\p{L}\p{M}\p{N}]+ with an optional apostrophe suffix (d'autres, don't).
 *
 * Usage: node tests/lexicon-data.check.mjs   (exits 1 and lists the problems when any)
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const dir = path.join(here, '..', 'src', 'lexicons')

const FILES = {
  cues: {langs: ['en', 'ar'], min: {en: 60, ar: 60}, kinds: ['speech', 'source', 'statement', 'continuation', 'belief', 'evidence', 'perception', 'intention']},
  anonymous: {langs: ['en', 'ar'], min: {en: 40, ar: 40}, kinds: ['head']},
  vague: {langs: ['en', 'ar'], min: {en: 40, ar: 40}, kinds: ['group', 'report', 'phrase']},
  reasons: {langs: ['en', 'ar'], min: {en: 12, ar: 12}, kinds: null},
  dates: {langs: ['en', 'ar'], min: {en: 8, ar: 9}, kinds: ['month', 'hijri-month', 'weekday', 'approximator', 'year-word', 'plan', 'event']},
  events: {langs: ['en', 'ar'], min: {en: 15, ar: 15}, kinds: ['founding', 'not-founding', 'entity', 'member', 'act', 'claim', 'responsibility', 'bound', 'break', 'approximator']},
  tolls: {langs: ['en', 'ar'], min: {en: 7, ar: 7}, kinds: ['dead', 'injured', 'sum', 'people', 'approximate', 'period', 'update']},
  promo: {
    langs: ['en', 'ar', 'de', 'fr', 'es'],
    min: {en: 25, ar: 25, de: 25, fr: 25, es: 25},
    kinds: ['readmore', 'related', 'social', 'follow', 'network', 'subscribe', 'app', 'ad', 'ticker', 'nav']
  }
}
const OUTLET_SIDES = new Set(['after', 'before', 'addressee'])

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/u
const FOLD = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'ء', 'ئ': 'ء',
  'ی': 'ي', 'ک': 'ك', '\u2019': "'", '\u2018': "'"
}
function normalize(text) {
  let out = ''
  for (const ch of text) {
    if (ARABIC_MARKS.test(ch)) continue
    const code = ch.charCodeAt(0)
    if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660)
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0)
    else out += FOLD[ch] ?? ch.toLowerCase()
  }
  return out
}
const words = (text) => normalize(text).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []

const ARABIC = /\p{Script=Arabic}/u
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'وب', 'ول', 'فب', 'فل', 'وك', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك']
/** A word and its stems without Arabic proclitics (as the matcher reads the first word of a form). */
function heads(word) {
  const out = [word]
  if (!ARABIC.test(word)) return out
  for (const clitic of PROCLITICS) {
    if (word.length - clitic.length >= 2 && word.startsWith(clitic)) {
      const stem = word.slice(clitic.length)
      if (clitic === 'لل') out.push('ال' + stem)
      out.push(stem)
    }
  }
  return out
}

/** Whether the example's words contain the form's words, consecutively. */
function contains(exampleWords, formWords) {
  for (let i = 0; i + formWords.length <= exampleWords.length; i++) {
    if (!heads(exampleWords[i]).includes(formWords[0])) continue
    let ok = true
    for (let k = 1; k < formWords.length && ok; k++) ok = exampleWords[i + k] === formWords[k]
    if (ok) return true
  }
  return false
}

const problems = []
const report = []
const problem = (file, message) => problems.push(`${file}.json: ${message}`)

for (const [name, spec] of Object.entries(FILES)) {
  let data
  try {
    data = JSON.parse(readFileSync(path.join(dir, name + '.json'), 'utf8'))
  } catch (error) {
    problem(name, `cannot read or parse: ${error.message}`)
    continue
  }
  if (typeof data.description !== 'string' || !data.description.trim()) problem(name, 'missing description')
  if (!Array.isArray(data.entries)) {
    problem(name, 'entries is not an array')
    continue
  }
  const ids = new Set()
  const seen = Object.fromEntries(spec.langs.map((lang) => [lang, new Map()]))
  const counts = Object.fromEntries(spec.langs.map((lang) => [lang, 0]))
  for (const [index, entry] of data.entries.entries()) {
    const where = `entry ${index} (${entry?.id ?? 'no id'})`
    if (!entry || typeof entry !== 'object') {
      problem(name, `${where}: not an object`)
      continue
    }
    if (typeof entry.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id)) problem(name, `${where}: id is not kebab-case`)
    else if (ids.has(entry.id)) problem(name, `${where}: duplicate id`)
    ids.add(entry.id)
    if (typeof entry.note !== 'string' || !entry.note.trim()) problem(name, `${where}: missing note`)
    if (spec.kinds && !spec.kinds.includes(entry.kind)) problem(name, `${where}: kind ${JSON.stringify(entry.kind)} is not one of ${spec.kinds.join(', ')}`)
    const langKeys = Object.keys(entry).filter((key) => /^[a-z]{2,3}$/.test(key) && Array.isArray(entry[key]))
    for (const lang of langKeys) if (!spec.langs.includes(lang)) problem(name, `${where}: unexpected language ${lang}`)
    const verbLangs = entry.verbs && typeof entry.verbs === 'object' ? Object.keys(entry.verbs) : []
    for (const lang of verbLangs) {
      const specs = entry.verbs[lang]
      if (!spec.langs.includes(lang)) problem(name, `${where}: unexpected verbs language ${lang}`)
      if (!Array.isArray(specs) || specs.some((verb) => typeof verb !== 'string' || !/^~?[^\s/~]+(?:\/[^\s/]+){0,2}(?:\s+\S+)*$/u.test(verb.trim()))) {
        problem(name, `${where}: verbs.${lang} must list 'base[/past[/participle]] [particle…]' strings`)
      } else counts[lang] = (counts[lang] ?? 0) + (langKeys.includes(lang) ? 0 : 1)
    }
    if (!langKeys.length && !verbLangs.length) problem(name, `${where}: no forms`)
    const examples = entry.examples
    if (!examples || typeof examples !== 'object') problem(name, `${where}: missing examples`)
    for (const lang of langKeys) {
      const forms = entry[lang]
      if (!forms.length) {
        problem(name, `${where}: empty ${lang} forms`)
        continue
      }
      counts[lang] = (counts[lang] ?? 0) + 1
      const tokenised = []
      for (const form of forms) {
        if (typeof form !== 'string' || !form.trim()) {
          problem(name, `${where}: empty ${lang} form`)
          continue
        }
        const formWords = words(form)
        if (!formWords.length) {
          problem(name, `${where}: ${lang} form ${JSON.stringify(form)} has no word token`)
          continue
        }
        const key = formWords.join(' ')
        const earlier = seen[lang]?.get(key)
        if (earlier) problem(name, `${where}: ${lang} form ${JSON.stringify(form)} duplicates ${earlier}`)
        else seen[lang]?.set(key, `${JSON.stringify(form)} of ${entry.id}`)
        tokenised.push(formWords)
      }
      const example = examples?.[lang]
      if (typeof example !== 'string' || !example.trim()) {
        problem(name, `${where}: missing ${lang} example`)
        continue
      }
      const exampleWords = words(example)
      if (!tokenised.some((formWords) => contains(exampleWords, formWords))) {
        problem(name, `${where}: ${lang} example contains none of its forms: ${JSON.stringify(example)}`)
      }
    }
    for (const lang of Object.keys(examples ?? {})) if (!langKeys.includes(lang) && !verbLangs.includes(lang)) problem(name, `${where}: example in ${lang} without forms`)
    if (name === 'cues') {
      if ('outletCue' in entry && typeof entry.outletCue !== 'boolean') problem(name, `${where}: outletCue is not a boolean`)
      if ('outletSide' in entry) {
        if (!entry.outletCue) problem(name, `${where}: outletSide without outletCue`)
        for (const [lang, sides] of Object.entries(entry.outletSide ?? {})) {
          if (!spec.langs.includes(lang) || !Array.isArray(sides) || sides.some((side) => !OUTLET_SIDES.has(side))) {
            problem(name, `${where}: outletSide.${lang} must list after, before or addressee`)
          }
        }
        // A missing language falls back to ['after'] in the code: say so explicitly for every language with forms.
        for (const lang of langKeys) if (!Array.isArray(entry.outletSide?.[lang])) problem(name, `${where}: outletSide has no ${lang} list`)
      }
    }
  }
  for (const lang of spec.langs) {
    if ((counts[lang] ?? 0) < spec.min[lang]) problem(name, `${counts[lang] ?? 0} entries with ${lang} forms, fewer than ${spec.min[lang]}`)
  }
  if (name === 'anonymous') {
    const determiners = data.determiners
    if (!determiners || !Array.isArray(determiners.en) || !Array.isArray(determiners.ar)) problem(name, 'determiners.en and determiners.ar must be arrays')
    else if (determiners.en.map(normalize).includes('the')) problem(name, "determiners.en must not contain 'the' (a definite head is a back-reference)")
    if (typeof data.notes !== 'string' || !data.notes.trim()) problem(name, 'missing notes')
  }
  const forms = Object.fromEntries(spec.langs.map((lang) => [lang, seen[lang].size]))
  report.push(`${name}: ${data.entries.length} entries; per language ${spec.langs.map((lang) => `${lang} ${counts[lang]} (${forms[lang]} forms)`).join(', ')}`)
}

for (const line of report) console.log(line)
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`)
  for (const line of problems) console.error('  ' + line)
  process.exit(1)
}
console.log('\nlexicon data: ok')
