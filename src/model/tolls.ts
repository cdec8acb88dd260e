/**
 * The toll of the headline against the toll of the lede (words in src/lexicons/tolls.json):
 * "Bomb kills 12 in Kabul" over "A suicide bomber killed 14 people …" is a story that disagrees
 * with itself, unless one of them is approximate, over a period, updated, or one of several.
 *
 * A toll is a number (digits of any script, "1,200", «و31» with its conjunction, or a number word
 * of claims.json: "two", «ثلاثة») with a head of the dead, the injured or both: after it («62 قتيلا», "12 people were
 * killed", "30 killed and wounded") or before it («مقتل 62 شخصا», "kills 12", "killed 12
 * people"). The counted noun between them is kept: "12 soldiers" is compared only with soldiers,
 * "12 people" and "12" with each other. A toll is exact with no approximator beside it («ما لا
 * يقل عن», «على الأقل», "at least", "more than", "12+").
 *
 * A headline and a lede are compared per kind (dead, injured, both) only when each has exactly
 * one toll of the kind, both exact, with no period («خلال», «منذ», "over", "since") or update
 * («ارتفعت الحصيلة», "rose to") in the headline or in the lede's sentence. «قتيل وجريح» and "killed
 * and wounded" are a sum: one on one side is compared with the dead plus the injured on the other.
 *
 *     for (const {headline, lede, headlineLine} of article.use(findTollMismatches)) …
 */
import type {LexiconEntry} from '../lexicons/index.js'
import type {Article, ArticleBlock} from './article.js'
import {sentenceIndexAt} from './article.js'
import {normalize} from './normalize.js'
import {promoBlocks} from './promo.js'
import {tokenize, type Token} from './tokens.js'

export type TollKind = 'dead' | 'injured' | 'sum'

export interface Toll {
  kind: TollKind
  value: number
  /** No approximator beside it. */
  exact: boolean
  /** The counted noun when it is not a generic one ("soldiers", «جنديا»), normalised; '' for "people" or none. */
  group: string
  /** A period or an update in its sentence: it counts something else than the story's event. */
  scoped: boolean
  /** Offsets in the text it was read from: the number and its head. */
  from: number
  to: number
}

export interface TollMismatch {
  /** The headline's toll (or the sum of its dead and injured) and the lede's. */
  headline: {kind: TollKind; value: number}
  lede: {kind: TollKind; value: number; from: number; to: number}
  /** The lede's block. */
  block: ArticleBlock
  /** The headline's line in the file. */
  headlineLine: number
}

const KINDS: readonly TollKind[] = ['dead', 'injured', 'sum']
// Words after a number that are no counted noun: the head's place, or the sentence goes on ("kills 12 in Kabul").
const NOT_COUNTED = new Set(['in', 'at', 'on', 'as', 'after', 'during', 'and', 'or', 'of', 'from', 'near', 'when', 'across', 'with', 'while', 'including', 'the', 'a',
  'في', 'من', 'و', 'او', 'خلال', 'بعد', 'قرب', 'اثر', 'جراء', 'بينهم', 'منهم', 'على', 'عن', 'الي', 'حتي', 'مع'])
const AUXILIARY = new Set(['were', 'are', 'was', 'is', 'have', 'has', 'been', 'had', 'being', 'reported', 'confirmed', 'believed', 'feared', 'قد', 'تم'])
const YEAR = /^(?:1[89]|20)\d\d$/u

/** Find the headline tolls that the lede contradicts. */
export function findTollMismatches(article: Article): TollMismatch[] {
  const headline = headlineOf(article)
  if (!headline) return []
  const lede = ledeOf(article)
  if (!lede) return []
  // A headline's parts («…: مقتل 12», "…; 12 killed", "12 dead — …") are its sentences: a period or update word in one
  // part ("Super PAC ad hits Trump on …: 25 killed") says nothing of a toll in another.
  const top = readTolls(article, headline.text, headline.tokens, headlinePartOf(headline.text))
  // A headline that updates or spans a period ("toll rises to 30", «خلال أسبوع») gives another count.
  if (!top.length || top.some((toll) => toll.scoped)) return []
  const below = readTolls(article, lede.text, lede.tokens, (offset) => sentenceIndexAt(lede, offset))
  const found: TollMismatch[] = []
  const only = (tolls: Toll[], kind: TollKind) => {
    const of = tolls.filter((toll) => toll.kind === kind)
    return of.length === 1 && of[0].exact && !of[0].scoped ? of[0] : of.length === 0 ? null : undefined
  }
  for (const kind of KINDS) {
    const a = only(top, kind)
    const b = only(below, kind)
    if (a && b && a.group === b.group && a.value !== b.value) {
      found.push({headline: {kind, value: a.value}, lede: {kind, value: b.value, from: b.from, to: b.to}, block: lede, headlineLine: headline.line})
    }
  }
  // «30 بين قتيل وجريح» over «مقتل 10 وإصابة 20»: the sum against the dead plus the injured.
  const sumTop = only(top, 'sum')
  const [deadBelow, injuredBelow] = [only(below, 'dead'), only(below, 'injured')]
  if (sumTop && only(below, 'sum') === null && deadBelow && injuredBelow && deadBelow.group === injuredBelow.group && sumTop.group === deadBelow.group) {
    const value = deadBelow.value + injuredBelow.value
    if (value !== sumTop.value) {
      found.push({headline: {kind: 'sum', value: sumTop.value}, lede: {kind: 'sum', value, from: Math.min(deadBelow.from, injuredBelow.from), to: Math.max(deadBelow.to, injuredBelow.to)}, block: lede, headlineLine: headline.line})
    }
  }
  return found
}

/** The headline: the title block, or the frontmatter `title` (its line in the frontmatter). */
function headlineOf(article: Article): {text: string; tokens: Token[]; line: number} | undefined {
  const block = article.blocks.find((candidate) => candidate.role === 'title')
  if (block) return {text: block.text, tokens: block.tokens, line: article.point(block.start).line}
  const title = article.frontmatter.title
  if (typeof title !== 'string' || !title.trim()) return undefined
  const at = article.source.indexOf(title.trim())
  return at < 0 ? undefined : {text: title, tokens: tokenize(title), line: article.point(at).line}
}

/**
 * The part of a headline an offset is in: headlines join their parts with a colon, a semicolon, a dash between
 * spaces, «..» or a sentence end. A part that is only a label ("UPDATE:", «محدث:», "Updated 2") or that speaks of the
 * toll with no figure of its own ("Death toll rises: 14 dead", «ارتفاع حصيلة الضحايا.. 14 قتيلا») speaks of the whole
 * headline, so it is no part of its own.
 */
function headlinePartOf(text: string): (offset: number) => number {
  const ends: number[] = []
  for (const match of text.matchAll(/\s*(?:[:;|]|\s[-–—]\s|[–—]|\.{2,}|…|[.!?؟](?=\s))\s*/gu)) {
    const before = text.slice(ends.length ? ends[ends.length - 1] : 0, match.index)
    if (LABEL.test(before.trim()) || (TOLL_TALK.test(before) && !/[\d٠-٩]/u.test(before))) continue
    ends.push(match.index + match[0].length)
  }
  return (offset) => {
    let part = 0
    while (part < ends.length && offset >= ends[part]) part++
    return part
  }
}
const TOLL_TALK = /(?<![\p{L}])(?:toll|tolls|death|deaths|casualties|dead|killed|injured|wounded|[وفبل]?(?:ال)?(?:حصيلة|حصيله|ضحايا|قتلى|جرحى|وفيات|إصابات))(?![\p{L}])/iu
const LABEL = /^(?:(?:breaking|update|updated|updates|latest|new|live|urgent|عاجل|محدث|تحديث|جديد)(?:\s+\d+)?)?$/iu

/** The lede: the first paragraph of the story text of twelve words or more (a kicker or a deck before it is not), outside quotations and promo. */
function ledeOf(article: Article): ArticleBlock | undefined {
  const promo = article.use(promoBlocks)
  for (const block of article.blocks) {
    if (block.role === 'title' || promo.has(block.index)) continue
    if (!article.isStoryText(block)) continue
    if (block.kind !== 'paragraph' || block.inBlockquote) return undefined
    // Words as written: a hyphenated compound ("front-runner", "walk-offs") is one word of a deck, not two.
    if (wordCount(block.text) >= 12) return block
  }
  return undefined
}

function wordCount(text: string): number {
  let count = 0
  for (const word of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count++
  return count
}

/** The tolls of a text, with its tokens; `sentenceOf` groups them for the period and update cues. */
function readTolls(article: Article, text: string, tokens: readonly Token[], sentenceOf: (offset: number) => number): Toll[] {
  const matcher = article.lexicons.match.tolls
  const matches = matcher.findAll(tokens)
  const at: Array<{entry: LexiconEntry; from: number; to: number} | undefined> = new Array(tokens.length)
  for (const match of matches) for (let i = match.from; i < match.to; i++) at[i] = {entry: match.value, from: match.from, to: match.to}
  const kindAt = (i: number) => (i >= 0 && i < tokens.length ? at[i]?.entry.kind : undefined)
  const isHead = (i: number) => kindAt(i) === 'dead' || kindAt(i) === 'injured' || kindAt(i) === 'sum'
  // Sentences with a period or an update cue.
  const scopedSentences = new Set<number>()
  for (const match of matches) {
    if (match.value.kind !== 'period' && match.value.kind !== 'update') continue
    // An English verb of change (tolls.json `onlyWithToll`) updates a toll only when the toll is its subject or its figure ("toll rises to 30",
    // "deaths top 1,000"): "12 killed as storm hits coast" updates nothing.
    if (match.value.kind === 'update' && match.value.onlyWithToll === true && !updatesToll(tokens, match.from, match.to, kindAt)) continue
    scopedSentences.add(sentenceOf(tokens[match.from].index))
  }
  const values = numberWords(article)
  const tolls: Toll[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const value = numberAt(text, tokens, i, values)
    if (value === undefined) continue
    const last = value.to - 1
    // The head after the number, past a counted noun and an auxiliary: «62 قتيلا», "12 soldiers were killed".
    let k = last + 1
    let group = ''
    // The counted noun follows the number directly: "12 soldiers", not "kills 19: NYTimes …" (another part of a headline).
    const spaced = (a: number) => a + 1 < tokens.length && /^\s+$/u.test(text.slice(tokens[a].end, tokens[a + 1].index))
    if (k < tokens.length && spaced(last) && !isHead(k) && kindAt(k) !== 'people' && !NOT_COUNTED.has(tokens[k].norm) && !AUXILIARY.has(tokens[k].norm) && kindAt(k) !== 'approximate') {
      group = tokens[k].norm
      k++
    } else if (kindAt(k) === 'people') {
      k = at[k]!.to
    }
    while (k < tokens.length && AUXILIARY.has(tokens[k].norm) && !isHead(k)) k++
    // «وإصابة 25» opens the next toll: a head joined by «و» is no head of this number.
    let head: {entry: LexiconEntry; from: number; to: number} | undefined = isHead(k) && !joined(tokens[k]) ? at[k] : undefined
    let from = value.from
    let to = head ? tokens[head.to - 1].end : token.end
    if (!head) {
      // The head right before it: «مقتل 62 شخصا», "kills 12", "killed at least 12 people"; not across a comma ("12 killed, 30 injured").
      let j = i - 1
      if (kindAt(j) === 'approximate') j = at[j]!.from - 1
      if (!isHead(j) || !/^\s+$/u.test(text.slice(tokens[at[j]!.to - 1].end, tokens[j + 1].index))) continue
      head = at[j]!
      from = tokens[head.from].index
      const next = tokens[last + 1]
      group = next && spaced(last) && kindAt(last + 1) !== 'people' && countedNoun(next) ? next.norm : ''
      to = kindAt(last + 1) === 'people' ? tokens[at[last + 1]!.to - 1].end : group ? next.end : token.end
    }
    const kind = head.entry.kind as TollKind
    const exact = !approximate(text, tokens, i, value.to, head, kindAt)
    tolls.push({kind, value: value.value, exact, group, scoped: scopedSentences.has(sentenceOf(token.index)), from, to})
    i = Math.max(i, value.to - 1)
  }
  return tolls
}

const TOLL_NOUNS = new Set(['toll', 'tolls', 'deaths', 'dead', 'casualties', 'number', 'count', 'figure', 'fatalities', 'injuries'])

/** Whether an English verb of change has a toll as its subject (a toll noun before it, a head right before it) or a figure just after it. */
function updatesToll(tokens: readonly Token[], from: number, to: number, kindAt: (i: number) => string | undefined): boolean {
  // "Death toll from quake rises", "Dead rise to 30"; not "12 killed as storm hits coast".
  for (let k = Math.max(0, from - 3); k < from; k++) if (TOLL_NOUNS.has(tokens[k].norm)) return true
  if (from > 0 && (kindAt(from - 1) === 'dead' || kindAt(from - 1) === 'injured' || kindAt(from - 1) === 'sum')) return true
  for (let k = to; k < Math.min(tokens.length, to + 3); k++) if (/^\d/u.test(tokens[k].norm) || kindAt(k) === 'approximate') return true
  return false
}

/** Whether a word carries the conjunction «و» or «ف» before a form of the lexicon («وإصابة»). */
function joined(token: Token): boolean {
  return /^[وف]/u.test(token.norm) && token.stems.includes(token.norm.slice(1))
}

/**
 * Whether the word after "kills 12", «مقتل 5» is its counted noun ("soldiers", «جنود»), not the sentence going on
 * ("in Kabul", "along the coast", «بانفجار»): an English plural, or an Arabic word without a proclitic.
 */
function countedNoun(token: Token): boolean {
  if (NOT_COUNTED.has(token.norm) || YEAR.test(token.norm) || !/^\p{L}/u.test(token.norm)) return false
  if (/^[a-z]/u.test(token.norm)) return /[^s]s$/u.test(token.norm) || token.norm === 'people' || token.norm === 'children'
  return token.stems.length === 0
}

/** Whether an approximator stands before the number, right after it ("or more", "12+"), or after its head («على الأقل»). */
function approximate(text: string, tokens: readonly Token[], first: number, end: number, head: {from: number; to: number}, kindAt: (i: number) => string | undefined): boolean {
  // Beside the number in its clause: "Not Yet, At Least; 41 killed" has none.
  const spaced = (a: number, b: number) => /^\s*$/u.test(text.slice(tokens[a].end, tokens[b].index))
  if ((kindAt(first - 1) === 'approximate' && spaced(first - 1, first)) || (kindAt(end) === 'approximate' && spaced(end - 1, end))) return true
  if (/^\s*\+/u.test(text.slice(tokens[end - 1].end, tokens[end - 1].end + 2))) return true
  // «62 قتيلا على الأقل»: right after the head, in its clause ("18 dead — Nomination almost certain" is another part).
  const after = Math.max(head.to, end)
  for (let k = after; k < Math.min(tokens.length, after + 2); k++) {
    if (/[,;:.!?؟،؛—–|]|\s-\s/u.test(text.slice(tokens[k - 1].end, tokens[k].index))) break
    if (kindAt(k) === 'approximate') return true
  }
  return false
}

/** The number at token `i`: digits (with thousands separators, «٦٢»), or a number word; not a year, a decimal, or part of a name. */
function numberAt(text: string, tokens: readonly Token[], i: number, words: ReadonlyMap<string, number>): {value: number; to: number; from: number} | undefined {
  const token = tokens[i]
  // «21 قتيلا و31 جريحا»: the conjunction written on the number.
  const joined = /^[وف]\d+$/u.test(token.norm) && /^[وف]/u.test(text.slice(token.index, token.index + 1))
  if (/^\d+$/u.test(token.norm) || joined) {
    const before = text.slice(Math.max(0, token.index - 1), token.index)
    // Part of a name or a code ("F-16", «إف-15», "G7"), a decimal or a time.
    if (/[\p{L}\-‐/:.,٫٬#]/u.test(before)) return undefined
    let value = joined ? token.norm.slice(1) : token.norm
    let to = i + 1
    // "1,200", «1٬200»: thousands groups are one number.
    while (to < tokens.length && /^\d{3}$/u.test(tokens[to].norm) && /^[,٬]$/u.test(text.slice(tokens[to - 1].end, tokens[to].index))) value += tokens[to++].norm
    const after = text.slice(tokens[to - 1].end, tokens[to - 1].end + 2)
    if (/^[.٫:/][\d٠-٩]|^[%٪]/u.test(after)) return undefined
    if (value.length === 4 && YEAR.test(value)) return undefined
    return {value: Number(value), to, from: token.index + (joined ? 1 : 0)}
  }
  const word = words.get(token.norm) ?? (token.stems.length ? words.get(token.stems[token.stems.length - 1]) : undefined)
  return word === undefined ? undefined : {value: word, to: i + 1, from: token.index}
}

const numberWordCache = new WeakMap<object, Map<string, number>>()

/** The values of the number words of claims.json (units and tens: "two", «ثلاثة», "twenty"). */
function numberWords(article: Article): Map<string, number> {
  let words = numberWordCache.get(article.lexicons)
  if (!words) {
    words = new Map()
    for (const entry of article.lexicons.claims.entries) {
      if (entry.kind !== 'unit' && entry.kind !== 'tens') continue
      for (const [word, value] of Object.entries((entry.values ?? {}) as Record<string, number>)) words.set(normalize(word), value)
    }
    numberWordCache.set(article.lexicons, words)
  }
  return words
}

