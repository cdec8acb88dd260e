/**
 * The lexicons: data files beside this module (one entry per concept, its forms per
 * language), merged with the entries a newsroom adds in its configuration, and compiled
 * into phrase matchers over normalised words (tries, not regular expressions, so matching
 * stays linear on any input).
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {normalize} from '../model/normalize.js'
import {arabicVerbInflections, englishVerbInflections} from '../model/morphology.js'
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
  /** Phrases by first word from the compiled lexicon file, put in the trie when their first word is first met. */
  private pending?: Record<string, CompiledPhrase[]>
  private valueOf?: (ref: number) => T
  /** When set, every phrase added is kept here too (to write the compiled lexicon file). */
  recorded?: Array<{words: string[]; value: T; form: string}>

  /** A matcher of the phrases of a compiled lexicon file; `valueOf` makes a phrase's value from its reference there. */
  static compiled<T>(phrases: Record<string, CompiledPhrase[]>, size: number, valueOf: (ref: number) => T): PhraseMatcher<T> {
    const matcher = new PhraseMatcher<T>()
    matcher.pending = phrases
    matcher.valueOf = valueOf
    matcher.size = size
    return matcher
  }

  add(form: string, value: T): void {
    const words = normalize(form).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)?/gu)
    if (!words?.length) return
    this.recorded?.push({words, value, form})
    this.insert(words, value, form)
    this.size++
  }

  private insert(words: readonly string[], value: T, form: string): void {
    let node: TrieNode<T> = this.root
    for (const word of words) {
      const next = (node.next ??= new Map())
      let child = next.get(word)
      if (!child) next.set(word, (child = {}))
      node = child
    }
    ;(node.values ??= []).push({value, form})
  }

  /** The trie node of a phrase's first word; a compiled lexicon's phrases of that word are put in the trie now. */
  private first(word: string): TrieNode<T> | undefined {
    const node = this.root.next.get(word)
    if (node || !this.pending || !Object.hasOwn(this.pending, word)) return node
    // In the order they were added, as the lexicon was compiled: where several end on one node, the first one is matched.
    for (const [rest, ref, form] of this.pending[word]) this.insert([word, ...rest], this.valueOf!(ref), form)
    return this.root.next.get(word)
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
      let node = this.first(h < 0 ? first.norm : stems[h])
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
      let found = this.startsPhrase(token.norm)
      for (let h = 0; h < token.stems.length && !found; h++) found = this.startsPhrase(token.stems[h])
      opens[slot] = found ? 1 : 0
    }
    return opens[slot] === 1
  }

  private startsPhrase(word: string): boolean {
    return this.root.next.has(word) || (this.pending !== undefined && Object.hasOwn(this.pending, word))
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
  /** Words of founding-after-events: founding verbs, entity nouns, members, acts that need the entity to exist. */
  events: LexiconFile
  /** Words of toll-mismatch: heads of the dead and the injured, approximators, periods, updates. */
  tolls: LexiconFile
  outlets: OutletEntry[]
  /** The languages each lexicon has forms in (configuration additions included). */
  languages: {cues: ReadonlySet<string>; claims: ReadonlySet<string>}
  /** Cue forms (normalised) that are cues only right beside a quotation: verbs that are nouns too ("notes", "read"). */
  cuesBesideQuote: ReadonlySet<string>
  /** Cue forms (normalised) of a verb with an object pronoun («وصفه»، «نسبته إلى»): cues only with a speaker named after them. */
  cuesWithObjectPronoun: ReadonlySet<string>
  /** Matchers per lexicon over the forms of every language. */
  match: {
    /** Cues that attribute: speech, belief, evidence, continuation, and the frames (source, statement). */
    cues: PhraseMatcher<LexiconEntry>
    /** Every cue the lexicon lists, perception and intention too ("seemed", "plans to", "declined"): recognised, attributing nothing. */
    allCues: PhraseMatcher<LexiconEntry>
    anonymous: PhraseMatcher<LexiconEntry>
    vague: PhraseMatcher<LexiconEntry>
    reasons: PhraseMatcher<LexiconEntry>
    promo: PhraseMatcher<LexiconEntry>
    claims: PhraseMatcher<LexiconEntry>
    dates: PhraseMatcher<LexiconEntry>
    events: PhraseMatcher<LexiconEntry>
    tolls: PhraseMatcher<LexiconEntry>
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
/** The text of each data file read, for the digest that says whether the compiled lexicon file is theirs. */
const texts = new Map<string, string>()
function readData(name: string): LexiconFile {
  let data = files.get(name)
  if (!data) {
    try {
      const text = readFileSync(path.join(dataDir, name + '.json'), 'utf8')
      data = JSON.parse(text) as LexiconFile
      texts.set(name, text)
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
export function formsOf(entry: LexiconEntry): Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean; objectPronoun?: boolean}> {
  // Kept per entry: compiling asks each entry four times (its languages, its listed and inflected forms, the cues beside a quote).
  let forms = entryForms.get(entry)
  if (!forms) entryForms.set(entry, (forms = readForms(entry)))
  return forms
}

const entryForms = new WeakMap<LexiconEntry, Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean; objectPronoun?: boolean}>>()

function readForms(entry: LexiconEntry): Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean; objectPronoun?: boolean}> {
  const forms: Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean; objectPronoun?: boolean}> = []
  for (const [lang, value] of Object.entries(entry)) {
    if (/^[a-z]{2,3}$/.test(lang) && Array.isArray(value)) for (const form of value) if (typeof form === 'string') forms.push({lang, form})
  }
  const verbs = entry.verbs
  if (verbs && typeof verbs === 'object' && !Array.isArray(verbs)) {
    for (const [lang, specs] of Object.entries(verbs as Record<string, unknown>)) {
      if (!Array.isArray(specs)) continue
      const inflect = (spec: string): Array<{form: string; besideQuote: boolean; objectPronoun?: boolean}> => lang === 'ar' ? arabicVerbInflections(spec).map(({form, objectPronoun}) => ({form, besideQuote: false, objectPronoun}))
        : lang === 'en' ? englishVerbInflections(spec) : [{form: spec, besideQuote: false}]
      for (const spec of specs) {
        if (typeof spec !== 'string') continue
        for (const {form, besideQuote, objectPronoun} of inflect(spec)) forms.push({lang, form, inflected: true, besideQuote, ...(objectPronoun ? {objectPronoun} : {})})
      }
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

function compile(file: LexiconFile, record = false): PhraseMatcher<LexiconEntry> {
  const matcher = new PhraseMatcher<LexiconEntry>()
  if (record) matcher.recorded = []
  // Forms listed as written come first, so where an inflected form meets a listed one ("adding", a continuation) the
  // listed entry is the one matched.
  for (const entry of file.entries) for (const {form, inflected} of formsOf(entry)) if (!inflected) matcher.add(form, entry)
  for (const entry of file.entries) for (const {form, inflected} of formsOf(entry)) if (inflected) matcher.add(form, entry)
  return matcher
}

/**
 * Forms marked `besideQuote` (cues only right beside a quotation) or `objectPronoun` (verbs only with a speaker after
 * them) that no entry lists otherwise (normalised).
 */
function formsMarkedOnly(file: LexiconFile, mark: 'besideQuote' | 'objectPronoun'): Set<string> {
  const marked = new Set<string>()
  const other = new Set<string>()
  for (const entry of file.entries) for (const form of formsOf(entry)) (form[mark] ? marked : other).add(normalize(form.form))
  for (const form of other) marked.delete(form)
  return marked
}

/**
 * Cue kinds that are recognised but attribute nothing: what a subject perceives ("seemed", "saw", "knew") or means to
 * do ("plans to", "agreed to", "declined to"). Pinning the words after them on their subject would turn the writer's
 * own claims into sourced ones ("The club has agreed to pay $1.2bn" stays an unsourced claim).
 */
export const NON_ATTRIBUTING_CUE_KINDS: ReadonlySet<string> = new Set(['perception', 'intention'])

/** The entries of the cue lexicon that attribute (see NON_ATTRIBUTING_CUE_KINDS). */
function attributingCues(file: LexiconFile): LexiconFile {
  return {...file, entries: file.entries.filter((entry) => !NON_ATTRIBUTING_CUE_KINDS.has(String(entry.kind ?? 'speech')))}
}

const compiled = new Map<string, Lexicons>()

/** The lexicons, with configuration additions merged in (compiled once per distinct configuration). */
export function loadLexicons(extensions: LexiconExtensions = {}): Lexicons {
  const key = JSON.stringify(extensions)
  const cached = compiled.get(key)
  if (cached) return cached
  // Without additions, from the file `npm run build` compiled, if it was compiled from these data files and this code.
  const lexicons = (EXTENSION_KEYS.every((name) => extensions[name] === undefined) && fromCompiledFile()) || compileLexicons(extensions)
  if (compiled.size > 16) compiled.clear()
  compiled.set(key, lexicons)
  return lexicons
}

const LEXICON_FILES = ['cues', 'anonymous', 'vague', 'reasons', 'promo', 'claims', 'dates', 'events', 'tolls'] as const
type LexiconName = (typeof LEXICON_FILES)[number]

/** A phrase of the compiled file: the words after its first, the reference of its value, the form as listed. */
type CompiledPhrase = [rest: string[], ref: number, form: string]

/**
 * The lexicons as `npm run build` compiles them (scripts/compile-lexicons.mjs) into
 * dist/lexicons.compiled.json: every phrase of every matcher as normalised words, by first
 * word, and the inflected forms of the entries that list verbs. Compiling them took a fifth of
 * a one-article run (normalising and inflecting 9,000 forms into tries); read from this file,
 * only the phrases of the words an article has are put in the tries, when first met.
 */
export interface CompiledLexicons {
  /** Of the data files and of the code that compiles them: a file of other data or code is not used. */
  digest: string
  /** `allCues` is the cue lexicon with every kind (`cues` holds the attributing kinds only); its references are into cues.json. */
  matchers: Record<LexiconName | 'outlets' | 'allCues', {size: number; phrases: Record<string, CompiledPhrase[]>}>
  /** Per lexicon, entry index → forms, for the entries whose forms are made by inflection. */
  forms: Record<LexiconName, Record<string, Array<{lang: string; form: string; inflected?: boolean; besideQuote?: boolean; objectPronoun?: boolean}>>>
  languages: {cues: string[]; claims: string[]}
  cuesBesideQuote: string[]
  cuesWithObjectPronoun: string[]
}

const compiledFile = path.join(here, '..', '..', 'lexicons.compiled.json')

/** What the compiled file must have been made from: the data files' text and the code that compiles them (modules of dist/src). */
function compiledDigest(): string {
  const hash = createHash('sha1')
  for (const name of [...LEXICON_FILES, 'outlets']) {
    readData(name)
    hash.update(name).update('\0').update(texts.get(name) ?? '').update('\0')
  }
  for (const module of ['lexicons/index.js', 'model/normalize.js', 'model/morphology.js']) hash.update(readFileSync(path.join(here, '..', module))).update('\0')
  return hash.digest('hex')
}

/** The lexicons from the compiled file, or undefined if there is none, or it is not of these data files and this code. */
function fromCompiledFile(): Lexicons | undefined {
  let data: CompiledLexicons
  try {
    data = JSON.parse(readFileSync(compiledFile, 'utf8')) as CompiledLexicons
    if (data.digest !== compiledDigest()) return undefined
  } catch {
    return undefined
  }
  return lexiconsFromCompiled(data)
}

/** The lexicons of a compiled file's content (exported for the test that they match as compiling them now does). */
export function lexiconsFromCompiled(data: CompiledLexicons): Lexicons {
  const file = (name: LexiconName) => {
    const read = readData(name)
    for (const [index, forms] of Object.entries(data.forms[name])) entryForms.set(read.entries[Number(index)], forms)
    return read
  }
  const [cues, anonymous, vague, reasons, promo, claims, dates, events, tolls] = LEXICON_FILES.map(file)
  const outlets = [...(readData('outlets').entries as unknown as OutletEntry[])]
  const matcher = (name: LexiconName, read: LexiconFile) => PhraseMatcher.compiled(data.matchers[name].phrases, data.matchers[name].size, (ref) => read.entries[ref])
  return {
    cues, anonymous, vague, reasons, promo, claims, dates, events, tolls, outlets,
    languages: {cues: new Set(data.languages.cues), claims: new Set(data.languages.claims)},
    cuesBesideQuote: new Set(data.cuesBesideQuote),
    cuesWithObjectPronoun: new Set(data.cuesWithObjectPronoun),
    match: {
      cues: matcher('cues', cues), allCues: PhraseMatcher.compiled(data.matchers.allCues.phrases, data.matchers.allCues.size, (ref) => cues.entries[ref]), anonymous: matcher('anonymous', anonymous), vague: matcher('vague', vague), reasons: matcher('reasons', reasons),
      promo: matcher('promo', promo), claims: matcher('claims', claims), dates: matcher('dates', dates),
      events: matcher('events', events), tolls: matcher('tolls', tolls),
      outlets: PhraseMatcher.compiled(data.matchers.outlets.phrases, data.matchers.outlets.size, (ref) => ({outlet: outlets[ref >> 1], ambiguous: (ref & 1) === 1}))
    }
  }
}

/** The compiled lexicon file's content, compiled now from the data files (`npm run build` writes it). */
export function compileLexiconData(): CompiledLexicons {
  const lexicons = compileLexicons({}, true)
  const byFirstWord = <T>(matcher: PhraseMatcher<T>, ref: (value: T) => number) => {
    const phrases: Record<string, CompiledPhrase[]> = {}
    for (const {words, value, form} of matcher.recorded!) (phrases[words[0]] ??= []).push([words.slice(1), ref(value), form])
    return {size: matcher.size, phrases}
  }
  const matchers = {} as CompiledLexicons['matchers']
  const forms = {} as CompiledLexicons['forms']
  for (const name of LEXICON_FILES) {
    const entries = lexicons[name].entries
    matchers[name] = byFirstWord(lexicons.match[name], (entry) => entries.indexOf(entry))
    forms[name] = {}
    entries.forEach((entry, index) => {
      if (entry.verbs !== undefined) forms[name][index] = formsOf(entry)
    })
  }
  matchers.allCues = byFirstWord(lexicons.match.allCues, (entry) => lexicons.cues.entries.indexOf(entry))
  matchers.outlets = byFirstWord(lexicons.match.outlets, ({outlet, ambiguous}) => lexicons.outlets.indexOf(outlet) * 2 + (ambiguous ? 1 : 0))
  return {digest: compiledDigest(), matchers, forms, languages: {cues: [...lexicons.languages.cues], claims: [...lexicons.languages.claims]}, cuesBesideQuote: [...lexicons.cuesBesideQuote], cuesWithObjectPronoun: [...lexicons.cuesWithObjectPronoun]}
}

/** Compile the lexicons from the data files and configuration additions; `record`: keep every phrase added, for the compiled file. */
export function compileLexicons(extensions: LexiconExtensions, record = false): Lexicons {
  const cues = withExtension(readData('cues'), 'config-speech-verbs', 'speech', extensions.speechVerbs)
  const anonymous = withExtension(readData('anonymous'), 'config-anonymous-sources', 'head', extensions.anonymousSources)
  const vague = withExtension(readData('vague'), 'config-vague-phrases', 'phrase', extensions.vaguePhrases)
  const promo = withExtension(readData('promo'), 'config-promo-cues', 'readmore', extensions.promoCues)
  const reasons = readData('reasons')
  const claims = readData('claims')
  const dates = readData('dates')
  const events = readData('events')
  const tolls = readData('tolls')
  const outlets = [...(readData('outlets').entries as unknown as OutletEntry[])]
  for (const [i, outlet] of (extensions.outlets ?? []).entries()) {
    const aliases = Array.isArray(outlet.aliases) ? {any: outlet.aliases} : outlet.aliases ?? {}
    outlets.push({id: outlet.id ?? `config-outlet-${i}`, name: outlet.name, aliases: {...aliases, name: [outlet.name]}, domains: outlet.domains ?? []})
  }
  const outletMatcher = new PhraseMatcher<{outlet: OutletEntry; ambiguous: boolean}>()
  if (record) outletMatcher.recorded = []
  for (const outlet of outlets) {
    for (const forms of Object.values(outlet.aliases)) for (const form of forms) outletMatcher.add(form, {outlet, ambiguous: false})
    for (const form of outlet.ambiguous ?? []) outletMatcher.add(form, {outlet, ambiguous: true})
  }
  return {
    cues, anonymous, vague, reasons, promo, claims, dates, events, tolls, outlets,
    languages: {cues: languagesOf(cues), claims: languagesOf(claims)},
    cuesBesideQuote: formsMarkedOnly(attributingCues(cues), 'besideQuote'),
    cuesWithObjectPronoun: formsMarkedOnly(attributingCues(cues), 'objectPronoun'),
    match: {cues: compile(attributingCues(cues), record), allCues: compile(cues, record), anonymous: compile(anonymous, record), vague: compile(vague, record), reasons: compile(reasons, record), promo: compile(promo, record), claims: compile(claims, record), dates: compile(dates, record), events: compile(events, record), tolls: compile(tolls, record), outlets: outletMatcher}
  }
}
