/**
 * Founding statements and the dated acts of the founded (the words come from
 * src/lexicons/events.json): «ظهر تنظيم داعش - ولاية خراسان … أوائل 2025» dates a group's start,
 * «وتبنى التنظيم هجوما … في 2021» dates one of its acts; an act dated before the start is a
 * conflict of the article with itself.
 *
 * A founding statement is a founding or emergence verb with an entity noun as its subject or
 * object (right after an Arabic verb, «التي/الذي» before it, or before it with «كان» or «قد»:
 * «وكانت الحركة قد تأسست»; the subject of an English passive or reduced relative, the subject
 * after an opening participle clause: "Founded in 1987, the group", the object of "founded") and
 * a year in its clause. An act is an act verb
 * with a definite back-reference to the same noun as its agent («التنظيم», «مسلحو التنظيم», "the
 * group", "the group's fighters") and a year in its clause. The scope of a founding statement
 * runs to the next heading or founding statement; another mention of its noun with another
 * name («تنظيم القاعدة», "the Taliban group") takes over the back-references (the nearest
 * antecedent only). Quotations, link text, promo blocks and headings are not read.
 *
 *     for (const {founding, acts} of article.use(findFoundingConflicts)) …
 */
import type {LexiconEntry, PhraseMatch} from '../lexicons/index.js'
import type {Article, ArticleBlock} from './article.js'
import {sentenceIndexAt} from './article.js'
import {promoBlocks} from './promo.js'
import {normalize} from './normalize.js'
import {tokenAt, tokenize, type Token} from './tokens.js'
import {type DateMention, findDates} from './dates.js'

/** A year named in a block, with the approximator before it («أوائل 2025», "early 2025"). */
export interface YearMention {
  year: number
  /** Index of the year's token. */
  token: number
  /** The approximator entry (early, mid, late), if any. */
  approx?: LexiconEntry
  /** Offsets in the block's plain text, approximator included. */
  from: number
  to: number
}

export interface FoundingStatement {
  block: number
  /** The verb's match, token indexes in the block. */
  verb: PhraseMatch<LexiconEntry>
  /** The entity noun's entry, and its form as written, normalised without proclitics and article. */
  entity: LexiconEntry
  noun: string
  /** The name that goes with the noun («داعش» of «تنظيم داعش», "taliban" of "the Taliban group"), normalised, or ''. */
  name: string
  year: YearMention
  /** Offsets in the block's plain text of the statement: from the first of verb and noun to the year. */
  from: number
  to: number
}

export interface DatedAct {
  block: number
  verb: PhraseMatch<LexiconEntry>
  year: YearMention
  from: number
  to: number
}

export interface FoundingConflict {
  founding: FoundingStatement
  /** The acts of the founded entity dated before its founding year, in order. */
  acts: DatedAct[]
}

// How far from its verb a year may stand, in words, within the clause.
const YEAR_AFTER = 12
const YEAR_BEFORE = 6
const RELATIVE = new Set(['الذي', 'التي'])
const ARABIC_WAS = /^[وف]?كان(?:ت)?$/u
const EN_PASSIVE = new Set(['was', 'were', 'been', 'is', 'are', 'being'])
// Words between an English agent and its act: "the group has also claimed", "the group later carried out".
const EN_BETWEEN = new Set(['has', 'had', 'have', 'also', 'later', 'then', 'reportedly', 'allegedly', 'itself', 'subsequently', 'previously', 'first', 'last', 'once', 'since', 'officially', 'formally'])
const EN_ADVERB = new Set(['officially', 'formally', 'first', 'originally', 'initially', 'reportedly', 'allegedly', 'only', 'actually', 'eventually', 'later', 'also'])
const EN_AFTER_VERB = new Set(['in', 'by', 'on', 'during', 'around', 'at'])
const YEAR_NOUN = new Set(['عام', 'العام', 'سنه', 'السنه', 'the', 'year'])
const ROUNDING = new Set(['around', 'circa', 'about', 'approximately', 'حوالي', 'نحو', 'قرابه', 'زهاء'])

/** Find the founding statements contradicted by dated acts of the founded entity. */
export function findFoundingConflicts(article: Article): FoundingConflict[] {
  const langs = eventLanguages(article)
  const promo = article.use(promoBlocks)
  const conflicts: FoundingConflict[] = []
  let open: FoundingConflict | undefined
  article.blocks.forEach((block, b) => {
    if (promo.has(block.index) || block.role === 'title') return
    // A heading opens another part of the story: its back-references start afresh.
    if (block.kind === 'heading' || block.role === 'subheading') {
      open = undefined
      return
    }
    if (!article.isStoryText(block) || block.inBlockquote || block.kind === 'tableCell' || !langs.has(block.lang)) return
    const reading = readBlock(article, block, b)
    for (const item of reading) {
      if (item.type === 'founding') {
        open = {founding: item.statement, acts: []}
        conflicts.push(open)
      } else if (open && item.type === 'mention') {
        if (item.noun === open.founding.noun && item.name !== open.founding.name) open = undefined
      } else if (open && item.type === 'act' && item.noun === open.founding.noun && item.act.year.year < open.founding.year.year) {
        open.acts.push(item.act)
      }
    }
  })
  return conflicts.filter((conflict) => conflict.acts.length > 0)
}

type Reading =
  | {type: 'founding'; at: number; statement: FoundingStatement}
  | {type: 'mention'; at: number; noun: string; name: string}
  | {type: 'act'; at: number; noun: string; act: DatedAct}

const languages = new WeakMap<object, Set<string>>()

/** The languages the events lexicon has forms in. */
function eventLanguages(article: Article): Set<string> {
  let langs = languages.get(article.lexicons)
  if (!langs) {
    langs = new Set()
    for (const entry of article.lexicons.events.entries) {
      for (const key of Object.keys(entry)) if (/^[a-z]{2}$/u.test(key)) langs.add(key)
      for (const key of Object.keys((entry.verbs ?? {}) as object)) langs.add(key)
    }
    languages.set(article.lexicons, langs)
  }
  return langs
}

/** The founding statements, entity mentions and back-referenced acts of a block, in order. */
function readBlock(article: Article, block: ArticleBlock, b: number): Reading[] {
  const {tokens} = block
  const matches = article.lexicons.match.events.findAll(tokens)
  // Most blocks name no founding, entity or act: nothing more to read there.
  if (!matches.length) return []
  const at: Array<PhraseMatch<LexiconEntry> | undefined> = new Array(tokens.length)
  for (const match of matches) for (let i = match.from; i < match.to; i++) at[i] = match
  // Quotations of four words or more are the speaker's; shorter ones are names («داعش خراسان»).
  const quotes = block.quotes.filter((q) => q.innerEnd > q.innerStart && q.text.split(/\s+/u).length > 3)
  const quoted = (i: number) => quotes.some((q) => tokens[i].index >= q.innerStart && tokens[i].index < q.innerEnd)
  const linked = linkedTokens(article, block)
  const kindAt = (i: number) => (i >= 0 && i < tokens.length && !quoted(i) && !linked.has(i) ? at[i]?.value.kind : undefined)
  const sentenceOf = (i: number) => sentenceIndexAt(block, tokens[i].index)
  const years = yearsOf(article, block, kindAt)
  const entityMatchAt = (i: number) => (kindAt(i) === 'entity' ? at[i] : undefined)
  const arabic = block.lang === 'ar'
  const out: Reading[] = []
  for (const match of matches) {
    const kind = kindAt(match.from)
    if (kind === 'founding') {
      const statement = readFounding(block, b, match, entityMatchAt, kindAt, years, sentenceOf, arabic)
      if (statement) out.push({type: 'founding', at: match.from, statement})
    } else if (kind === 'entity') {
      const mention = entityAt(tokens, match, arabic)
      if (!mention.definite) out.push({type: 'mention', at: match.from, noun: mention.noun, name: mention.name})
    } else if (kind === 'act' || kind === 'claim') {
      const act = readAct(article, block, b, match, entityMatchAt, kindAt, years, sentenceOf, arabic)
      if (act) out.push({type: 'act', at: match.from, noun: act.noun, act: act.act})
    }
  }
  // A founding statement's own noun is no other mention.
  return out.filter((item) => item.type !== 'mention' || !out.some((other) => other.type === 'founding' && other.statement.from <= tokens[item.at].index && tokens[item.at].index < other.statement.to))
}

/** Tokens inside link text: another page's words («اقرأ أيضا»), not the story's statements. */
function linkedTokens(article: Article, block: ArticleBlock): Set<number> {
  const linked = new Set<number>()
  const from = block.offsets[0]
  const to = block.offsets[block.text.length - 1] ?? from
  for (const link of article.links.inText) {
    if (link.end <= from || link.start > to) continue
    block.tokens.forEach((token, i) => {
      const offset = block.offsets[token.index]
      if (offset >= link.start && offset < link.end) linked.add(i)
    })
  }
  return linked
}

/** An entity noun's noun and name, and whether it is a definite back-reference («التنظيم», "the group"). */
function entityAt(tokens: readonly Token[], match: PhraseMatch<LexiconEntry>, arabic: boolean): {noun: string; name: string; backReference: boolean; definite: boolean} {
  const token = tokens[match.from]
  const noun = normalize(match.form)
  if (arabic) {
    // «تنظيم داعش»: an indefinite noun in construct with its name; «التنظيم» points back, and «بالتنظيم» too, though
    // after a preposition it is no agent.
    const definite = /^(?:[وف]?[بلك]?ال|[وف]?لل)/u.test(token.norm) && token.norm.endsWith(noun) && token.norm.length > noun.length
    const backReference = definite && /^[وف]?ال/u.test(token.norm)
    return {noun, name: definite ? '' : tokens[match.to]?.norm ?? '', backReference, definite}
  }
  const before = tokens[match.from - 1]
  // "the Taliban group", "Islamic State group": a capitalised word before the noun names it.
  const name = before && /^\p{Lu}/u.test(before.text) && before.norm !== 'the' ? before.norm : ''
  return {noun, name, backReference: before?.norm === 'the', definite: before?.norm === 'the'}
}

type KindAt = (i: number) => string | undefined

/** The nearest year of a verb's clause (after it within YEAR_AFTER words or before it within YEAR_BEFORE; the one after on a tie); none across a clause break or another verb. */
function yearFor(tokens: readonly Token[], from: number, to: number, years: readonly YearMention[], kindAt: KindAt, sentenceOf: (i: number) => number): YearMention | undefined {
  const sentence = sentenceOf(from)
  // An Arabic verb joined by «و» or «ف» opens its clause: a year before it dates the clause before.
  const opensClause = /^[وف]/u.test(tokens[from].norm) && tokens[from].stems.some((stem) => stem === tokens[from].norm.slice(1))
  const clear = (a: number, b: number) => {
    for (let i = a; i < b; i++) {
      const kind = kindAt(i)
      if (kind === 'break' || kind === 'founding' || kind === 'act' || kind === 'claim') return false
    }
    return true
  }
  let best: YearMention | undefined
  let distance = Infinity
  for (const year of years) {
    if (sentenceOf(year.token) !== sentence) continue
    if (year.token >= to && year.token - to < YEAR_AFTER && year.token - to + 1 <= distance && clear(to, year.token)) {
      best = year
      distance = year.token - to + 1
    } else if (year.token < from && !opensClause && from - year.token <= YEAR_BEFORE && from - year.token < distance && clear(year.token + 1, from)) {
      best = year
      distance = from - year.token
    }
  }
  return best
}

function readFounding(block: ArticleBlock, b: number, verb: PhraseMatch<LexiconEntry>, entityMatchAt: (i: number) => PhraseMatch<LexiconEntry> | undefined,
  kindAt: KindAt, years: readonly YearMention[], sentenceOf: (i: number) => number, arabic: boolean): FoundingStatement | undefined {
  const {tokens} = block
  if (kindAt(verb.from - 1) === 'not-founding' || kindAt(verb.to) === 'not-founding') return undefined
  const sentence = sentenceOf(verb.from)
  const entity = (i: number) => (i >= 0 && i < tokens.length && sentenceOf(i) === sentence ? entityMatchAt(i) : undefined)
  let noun: PhraseMatch<LexiconEntry> | undefined
  if (arabic) {
    // «ظهر تنظيم …», «تأسست الحركة»: the noun right after the verb; «حركة حماس التي تأسست»: before the relative.
    noun = entity(verb.to)
    if (!noun && RELATIVE.has(tokens[verb.from - 1]?.norm ?? '')) for (let i = verb.from - 2; i >= verb.from - 4 && !noun; i--) noun = entity(i)
    // «وكانت الحركة قد تأسست عام 1987», «الحركة قد تأسست», «وكانت الحركة تأسست»: the subject before the verb, after «كان» or before «قد».
    if (!noun && tokens[verb.from - 1]?.norm === 'قد') noun = entity(verb.from - 2)
    if (!noun && ARABIC_WAS.test(tokens[verb.from - 2]?.norm ?? '')) noun = entity(verb.from - 1)
  } else {
    const previous = tokens[verb.from - 1]?.norm ?? ''
    const passive = EN_PASSIVE.has(previous) || (EN_ADVERB.has(previous) && EN_PASSIVE.has(tokens[verb.from - 2]?.norm ?? ''))
    const next = tokens[verb.to]
    // "The group was founded in 2015", "a group formed in 2015", "the group emerged in 2015": the subject before.
    const reduced = next !== undefined && (EN_AFTER_VERB.has(next.norm) || /^\d{4}$/u.test(next.norm))
    if (passive || reduced || verb.to - verb.from > 1) {
      for (let i = verb.from - 1; i >= verb.from - 5 && !noun; i--) noun = entity(i)
      // "Founded in 1987, the group …", "Originally formed in 1998, the party …": a participle clause opening the
      // sentence has the subject after its comma.
      const opening = verb.from === 0 || sentenceOf(verb.from - 1) !== sentence || (EN_ADVERB.has(previous) && (verb.from === 1 || sentenceOf(verb.from - 2) !== sentence))
      if (!noun && opening && !passive) {
        let comma = verb.to
        while (comma < Math.min(tokens.length, verb.to + 8) && !/,/u.test(block.text.slice(tokens[comma - 1].end, tokens[comma].index))) comma++
        for (let i = comma; i < Math.min(tokens.length, comma + 4) && !noun; i++) noun = entity(i)
      }
    } else if (tokens[verb.from].norm === 'founded' || tokens[verb.from].norm === 'established') {
      // "Gates founded the company in 1975": the object.
      for (let i = verb.to; i < verb.to + 3 && !noun; i++) noun = entity(i)
    }
  }
  if (!noun) return undefined
  const year = yearFor(tokens, verb.from, verb.to, years, kindAt, sentenceOf)
  if (!year) return undefined
  const {noun: form, name} = entityAt(tokens, noun, arabic)
  const first = Math.min(verb.from, noun.from)
  return {block: b, verb, entity: noun.value, noun: form, name, year, from: Math.min(tokens[first].index, year.from), to: Math.max(tokens[verb.to - 1].end, year.to)}
}

function readAct(article: Article, block: ArticleBlock, b: number, verb: PhraseMatch<LexiconEntry>, entityMatchAt: (i: number) => PhraseMatch<LexiconEntry> | undefined,
  kindAt: KindAt, years: readonly YearMention[], sentenceOf: (i: number) => number, arabic: boolean): {noun: string; act: DatedAct} | undefined {
  const {tokens} = block
  const sentence = sentenceOf(verb.from)
  const backReference = (i: number) => {
    const match = i >= 0 && i < tokens.length && sentenceOf(i) === sentence ? entityMatchAt(i) : undefined
    return match && entityAt(tokens, match, arabic).backReference ? match : undefined
  }
  let agent: PhraseMatch<LexiconEntry> | undefined
  let agentEnd = verb.to
  if (arabic) {
    // «تبنى التنظيم», «أعلن مسلحو التنظيم»; «أن التنظيم نفذ».
    const after = kindAt(verb.to) === 'member' ? verb.to + 1 : verb.to
    agent = backReference(after)
    if (agent) agentEnd = agent.to
    else if (kindAt(verb.from) === 'act') agent = backReference(verb.from - 1)
  } else {
    let j = verb.from - 1
    for (let k = 0; k < 2 && EN_BETWEEN.has(tokens[j]?.norm ?? ''); k++) j--
    // "the group's fighters launched"
    if (kindAt(j) === 'member' && /'s$/u.test(tokens[j - 1]?.norm ?? '')) {
      const owner = article.lexicons.match.events.matchAt(tokenize(tokens[j - 1].norm.slice(0, -2)), 0)
      if (owner?.value.kind === 'entity' && tokens[j - 2]?.norm === 'the') agent = {...owner, from: j - 1, to: j}
    } else {
      agent = backReference(j)
    }
  }
  if (!agent) return undefined
  // «أعلن … مسؤوليته», "claimed responsibility": a claim verb is an act only with its object.
  if (kindAt(verb.from) === 'claim') {
    let found = false
    for (let i = agentEnd; i < Math.min(tokens.length, agentEnd + 3) && !found; i++) found = kindAt(i) === 'responsibility'
    if (!found) return undefined
  }
  const year = yearFor(tokens, verb.from, verb.to, years, kindAt, sentenceOf)
  if (!year) return undefined
  const noun = normalize(agent.form)
  const first = Math.min(verb.from, agent.from)
  return {noun, act: {block: b, verb, year, from: Math.min(tokens[first].index, year.from), to: Math.max(tokens[Math.max(verb.to, agentEnd) - 1].end, year.to)}}
}

/**
 * The years the date model (src/model/dates.ts) reads in a block: a year alone when a word marks it as one («عام
 * 2015», "in 2015") or an approximator goes with it («أوائل 2025», "early 2025"), or the year of a month or a full
 * date («سبتمبر 2022»); Gregorian only. A year after a bound («قبل 2015», "before 2015", "until 2015") dates
 * nothing, and a rounded one ("around 2015", «حوالي 2015») is too loose to contradict a year beside it.
 */
function yearsOf(article: Article, block: ArticleBlock, kindAt: KindAt): YearMention[] {
  const {tokens} = block
  const years: YearMention[] = []
  for (const mention of datesOf(article).get(block) ?? []) {
    if (mention.calendar !== 'gregorian' || mention.year === undefined) continue
    if (mention.kind === 'year' && !mention.marked && !mention.approximator) continue
    const token = tokenAt(tokens, mention.to - 1)
    if (token >= tokens.length) continue
    let approx: LexiconEntry | undefined
    if (mention.approximator) {
      approx = article.lexicons.match.events.matchAt(tokenize(mention.approximator), 0)?.value
      if (approx?.kind !== 'approximator') {
        // "around 2015", «حوالي 2015»: a rounding, not a part of the year.
        if (ROUNDING.has(normalize(mention.approximator))) continue
        approx = undefined
      }
    }
    const first = tokenAt(tokens, mention.from)
    if (kindAt(first - 1) === 'bound' || (first >= 2 && kindAt(first - 2) === 'bound' && YEAR_NOUN.has(tokens[first - 1].norm))) continue
    years.push({year: mention.year, token, approx, from: mention.from, to: mention.to})
  }
  return years
}

const byBlock = new WeakMap<Article, Map<ArticleBlock, DateMention[]>>()

/** The date model's mentions, per block. */
function datesOf(article: Article): Map<ArticleBlock, DateMention[]> {
  let map = byBlock.get(article)
  if (!map) {
    map = new Map()
    for (const mention of article.use(findDates).mentions) {
      const list = map.get(mention.block)
      if (list) list.push(mention)
      else map.set(mention.block, [mention])
    }
    byBlock.set(article, map)
  }
  return map
}
