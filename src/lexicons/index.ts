/**
 * The lexicons: data files beside this module (one entry per concept, its forms per
 * language), merged with the entries a newsroom adds in its configuration, and compiled
 * into phrase matchers over normalised words (tries, not regular expressions, so matching
 * stays linear on any input).
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {normalize} from '../model/normalize.js'
import {arabicVerbForms, englishVerbInflections} from '../model/morphology.js'
import type {Token} from '../model/tokens.js'

/** One concept of a lexicon, with its forms in each language. */
export interface LexiconEntry {
  id: string
  note?: string
  kind?: string
  /** Forms per language code (`en`, `ar`, …). */
  [lang: string]: unknown
}

export interface LexiconFile {
  description?: string
  entries: LexiconEntry[]
  [key: string]: unknown
}

export interface OutletEntry {
  id: string
  name: string
  kind?: string
  group?: string
  aliases: Record<string, string[]>
  /** Bare names that are ordinary words too: accepted only after «وكالة», "the … newspaper", or in quotes. */
  ambiguous?: string[]
  domains: string[]
}

/** Lexicon additions from configuration: per language lists of forms, and outlets. */
export interface LexiconExtensions {
  speechVerbs?: Record<string, string[]>
  anonymousSources?: Record<string, string[]>
  vaguePhrases?: Record<string, string[]>
  promoCues?: Record<string, string[]>
  outlets?: Array<{name: string; aliases?: string[] | Record<string, string[]>; domains?: string[]; id?: string}>
}

export const EXTENSION_KEYS = ['speechVerbs', 'anonymousSources', 'vaguePhrases', 'promoCues', 'outlets'] as const

/** A phrase found in a run of tokens. */
export interface PhraseMatch<T> {
  value: T
  /** Index of the first and one past the last matched token. */
  from: number
  to: number
  /** The form as listed in the lexicon. */
  form: string
}

// A node's map and values are made only when it has some: most nodes end a phrase and lead nowhere, and
// thousands of empty maps made start-up slow (the lexicons are compiled on every run).
interface TrieNode<T> {next?: Map<string, TrieNode<T>>; values?: Array<{value: T; form: string}>}
const OPENER_SLOTS = 4096

/**
 * A set of phrases (sequences of words) matched over normalised tokens. The first word of
 * a phrase also matches behind Arabic proclitics (و ف ب ل ك, ال).
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> & {next: Map<string, TrieNode<T>>} = {next: new Map()}
  // Whether a word opens a phrase, kept per word (by `token.wordId`, in a table of fixed size):
  // most words open none, and matching asks every word of every block, several lexicons over.
  private readonly openers = {words: new Float64Array(OPENER_SLOTS).fill(-1), opens: new Uint8Array(OPENER_SLOTS)}
  size = 0

  add(form: string, value: T): void {
    const words = normalize(form).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)?/gu)
    if (!words?.length) return
    let node: TrieNode<T> = this.root
    for (const word of words) {
      const next = (node.next ??= new Map())
      let child = next.get(word)
      if (!child) next.set(word, (child = {}))
      node = child
    }
    ;(node.values ??= []).push({value, form})
    this.size++
  }

  /** The longest phrase starting at token `at` and ending by token `limit`, or undefined. */
  matchAt(tokens: readonly Token[], at: number, limit = tokens.length): PhraseMatch<T> | undefined {
    const first = tokens[at]
    if (!first || at >= limit || !this.opens(first)) return undefined
    // The longest phrase from the word as written, then from each of its stems (longest first).
    let bestNode: TrieNode<T> | undefined
    let bestTo = 0
    const stems = first.stems
    for (let h = -1; h < stems.length; h++) {
      let node = this.root.next.get(h < 0 ? first.norm : stems[h])
      let i = at + 1
      while (node) {
        if (node.values && (!bestNode || i > bestTo)) {
          bestNode = node
          bestTo = i
        }
        if (i >= limit) break
        node = node.next?.get(tokens[i].norm)
        i++
      }
    }
    return bestNode && {value: bestNode.values![0].value, form: bestNode.values![0].form, from: at, to: bestTo}
  }

  /** Whether the word of a token, or one of its stems, opens a phrase. */
  private opens(token: Token): boolean {
    const slot = token.wordId % OPENER_SLOTS
    const {words, opens} = this.openers
    if (words[slot] !== token.wordId) {
      words[slot] = token.wordId
      // A loop, not `some` with an arrow: a closure over `this` cost an allocation on every call.
      let found = this.root.next.has(token.norm)
      for (let h = 0; h < token.stems.length && !found; h++) found = this.root.next.has(token.stems[h])
      opens[slot] = found ? 1 : 0
    }
    return opens[slot] === 1
  }

  /** Every match inside tokens [from, to), leftmost-longest, not overlapping: the matches of that run read on its own. */
  findWithin(tokens: readonly Token[], from: number, to: number): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = []
    for (let i = from; i < to; i++) {
      const match = this.matchAt(tokens, i, to)
      if (match) {
        found.push(match)
        i = match.to - 1
      }
    }
    return found
  }

  /** Every match in a run of tokens, leftmost-longest, not overlapping. */
  findAll(tokens: readonly Token[], from = 0, to = tokens.length): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = []
    for (let i = from; i < to; i++) {
      const match = this.matchAt(tokens, i)
      if (match && match.to <= to) {
        found.push(match)
        i = match.to - 1
      }
    }
    return found
  }
}

export interface Lexicons {
  cues: LexiconFile
  anonymous: LexiconFile
  vague: LexiconFile
  reasons: LexiconFile
  promo: LexiconFile
  /** Words of check-worthy claims (numbers in words, tolls, superlatives, records, findings). */
  claims: LexiconFile
  /** Words around dates and years: extra month and weekday spellings, approximators, year words, plan cues, event verbs. */
  dates: LexiconFile
  outlets: OutletEntry[]
  /** The languages each lexicon has forms in (configuration additions included). */
  languages: {cues: ReadonlySet<string>; claims: ReadonlySet<string>}
  /** Cue forms (normalised) that are cues only right beside a quotation: verbs that are nouns too ("notes", "read"). */
  cuesBesideQuote: ReadonlySet<string>
  /** Matchers per lexicon over the forms of every language. */
  match: {
    cues: PhraseMatcher<LexiconEntry>
    anonymous: PhraseMatcher<LexiconEntry>
    vague: PhraseMatcher<LexiconEntry>
    reasons: PhraseMatcher<LexiconEntry>
    promo: PhraseMatcher<LexiconEntry>
    claims: PhraseMatcher<LexiconEntry>
    dates: PhraseMatcher<LexiconEntry>
    outlets: PhraseMatcher<{outlet: OutletEntry; ambiguous: boolean}>
  }
}

const here = path.dirname(fileURLToPath(import.meta.url))
/** The data files live in src/lexicons/; the compiled module is in dist/src/lexicons/. */
const dataDir = [here, path.join(here, '..', '..', '..', 'src', 'lexicons')].find((dir) => {
  try {
    readFileSync(path.join(dir, 'cues.json'))
    return true
  } catch {
    return false
  }
}) ?? here

const files = new Map<string, LexiconFile>()
function readData(name: string): LexiconFile {
  let data = files.get(name)
  if (!data) {
    try {
      data = JSON.parse(readFileSync(path.join(dataDir, name + '.json'), 'utf8')) as LexiconFile
    } catch (error) {
      throw new Error(`Cannot read the ${name} lexicon (${path.join(dataDir, name + '.json')}): ${(error as Error).message}`)
    }
    files.set(name, data)
  }
  return data
}

/**
 * Forms of an entry in every language it lists (keys that hold arrays of strings), and the inflected forms of the
 * verbs it lists by their base form under `verbs` (`{"en": ["fume", "tell/told"], "ar": ["أضاف/يضيف"]}`, see
 * src/model/morphology.ts).
 */
export function formsOf(entry: LexiconEntry): Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean}> {
  // Kept per entry: compiling asks each entry four times (its languages, its listed and inflected forms, the cues beside a quote).
  let forms = entryForms.get(entry)
  if (!forms) entryForms.set(entry, (forms = readForms(entry)))
  return forms
}

const entryForms = new WeakMap<LexiconEntry, Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean}>>()

function readForms(entry: LexiconEntry): Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean}> {
  const forms: Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean}> = []
  for (const [lang, value] of Object.entries(entry)) {
    if (/^[a-z]{2,3}$/.test(lang) && Array.isArray(value)) for (const form of value) if (typeof form === 'string') forms.push({lang, form})
  }
  const verbs = entry.verbs
  if (verbs && typeof verbs === 'object' && !Array.isArray(verbs)) {
    for (const [lang, specs] of Object.entries(verbs as Record<string, unknown>)) {
      if (!Array.isArray(specs)) continue
      const inflect = (spec: string) => lang === 'ar' ? arabicVerbForms(spec).map((form) => ({form, besideQuote: false}))
        : lang === 'en' ? englishVerbInflections(spec) : [{form: spec, besideQuote: false}]
      for (const spec of specs) if (typeof spec === 'string') for (const {form, besideQuote} of inflect(spec)) forms.push({lang, form, inflected: true, besideQuote})
    }
  }
  return forms
}

function withExtension(file: LexiconFile, id: string, kind: string, extra: Record<string, string[]> | undefined): LexiconFile {
  if (!extra) return file
  return {...file, entries: [...file.entries, {id, kind, note: 'Added by configuration.', ...extra}]}
}

function languagesOf(file: LexiconFile): Set<string> {
  return new Set(file.entries.flatMap((entry) => formsOf(entry).map((form) => form.lang)))
}

function compile(file: LexiconFile): PhraseMatcher<LexiconEntry> {
  const matcher = new PhraseMatcher<LexiconEntry>()
  // Forms listed as written come first, so where an inflected form meets a listed one ("adding", a continuation) the
  // listed entry is the one matched.
  for (const entry of file.entries) for (const {form, inflected} of formsOf(entry)) if (!inflected) matcher.add(form, entry)
  for (const entry of file.entries) for (const {form, inflected} of formsOf(entry)) if (inflected) matcher.add(form, entry)
  return matcher
}

/** Forms marked `besideQuote` that no entry lists as a cue anywhere (normalised). */
function besideQuoteForms(file: LexiconFile): Set<string> {
  const beside = new Set<string>()
  const anywhere = new Set<string>()
  for (const entry of file.entries) for (const {form, besideQuote} of formsOf(entry)) (besideQuote ? beside : anywhere).add(normalize(form))
  for (const form of anywhere) beside.delete(form)
  return beside
}

const compiled = new Map<string, Lexicons>()

/** The lexicons, with configuration additions merged in (compiled once per distinct configuration). */
export function loadLexicons(extensions: LexiconExtensions = {}): Lexicons {
  const key = JSON.stringify(extensions)
  const cached = compiled.get(key)
  if (cached) return cached
  const cues = withExtension(readData('cues'), 'config-speech-verbs', 'speech', extensions.speechVerbs)
  const anonymous = withExtension(readData('anonymous'), 'config-anonymous-sources', 'head', extensions.anonymousSources)
  const vague = withExtension(readData('vague'), 'config-vague-phrases', 'phrase', extensions.vaguePhrases)
  const promo = withExtension(readData('promo'), 'config-promo-cues', 'readmore', extensions.promoCues)
  const reasons = readData('reasons')
  const claims = readData('claims')
  const dates = readData('dates')
  const outlets = [...(readData('outlets').entries as unknown as OutletEntry[])]
  for (const [i, outlet] of (extensions.outlets ?? []).entries()) {
    const aliases = Array.isArray(outlet.aliases) ? {any: outlet.aliases} : outlet.aliases ?? {}
    outlets.push({id: outlet.id ?? `config-outlet-${i}`, name: outlet.name, aliases: {...aliases, name: [outlet.name]}, domains: outlet.domains ?? []})
  }
  const outletMatcher = new PhraseMatcher<{outlet: OutletEntry; ambiguous: boolean}>()
  for (const outlet of outlets) {
    for (const forms of Object.values(outlet.aliases)) for (const form of forms) outletMatcher.add(form, {outlet, ambiguous: false})
    for (const form of outlet.ambiguous ?? []) outletMatcher.add(form, {outlet, ambiguous: true})
  }
  const lexicons: Lexicons = {
    cues, anonymous, vague, reasons, promo, claims, dates, outlets,
    languages: {cues: languagesOf(cues), claims: languagesOf(claims)},
    cuesBesideQuote: besideQuoteForms(cues),
    match: {cues: compile(cues), anonymous: compile(anonymous), vague: compile(vague), reasons: compile(reasons), promo: compile(promo), claims: compile(claims), dates: compile(dates), outlets: outletMatcher}
  }
  if (compiled.size > 16) compiled.clear()
  compiled.set(key, lexicons)
  return lexicons
}
