/**
 * Check-worthy claims of every sentence of the story: figures (counts, percentages, sums of
 * money, tolls, in digits of any script or in words), superlatives and records, and findings
 * of fact about who did what. The words come from src/lexicons/claims.json.
 *
 * A number is no claim when it is a date, a year, a time, an age, a duration or a name
 * ("Route 16", «الكيلو 16», "F-16"), or when it stands inside a quotation: then it is the
 * speaker's, and its sentence is unattributed-quote's business. Quoted figures are still
 * kept as `mentions`, so that a figure sourced in a quote covers the same figure elsewhere.
 *
 *     const claims = article.use(findClaims)
 *     claims.inSentence(block, sentence)
 */
import type {LexiconEntry, Lexicons} from '../lexicons/index.js'
import {PhraseMatcher, formsOf, type PhraseMatch} from '../lexicons/index.js'
import type {Article, ArticleBlock, Link, Quote} from './article.js'
import {sentenceIndexAt} from './article.js'
import {normalize} from './normalize.js'
import {promoBlocks} from './promo.js'
import {PerSentence} from './sentences.js'
import {firstStartingFrom, tokenAt, tokenize, type Token} from './tokens.js'

export type ClaimKind = 'figure' | 'percentage' | 'money' | 'toll' | 'count' | 'superlative' | 'record' | 'finding'

/** Kinds of claim that are figures (the `figures` option of the rule). */
export const FIGURES: ReadonlySet<ClaimKind> = new Set(['figure', 'percentage', 'money', 'toll', 'count'])

export interface Claim {
  block: number
  sentence: number
  /** Offsets in the block's plain text. */
  from: number
  to: number
  kind: ClaimKind
  text: string
  /** The figure's value, normalised («٦٢» = "62", "1,000" = "1000" = "one thousand"; "12%" for a percentage). */
  figure?: string
  /** Inside a quotation: a mention for coverage, not a claim of the writer's. */
  quoted: boolean
}

export interface ClaimIndex {
  /** The writer's claims (quoted ones excluded), in order. */
  all: Claim[]
  /** Every figure in the story text, quoted or not. */
  mentions: Claim[]
  inSentence(block: number, sentence: number): Claim[]
  /**
   * The sentence links a source, names the owner of its figures without a speech verb ("estimates from the World Bank"),
   * or goes on with a poll's results ("A new poll shows … ⏎ Going head-to-head, Clinton leads Trump 46 percent to 41 percent.").
   */
  citesSource(block: number, sentence: number): boolean
  /**
   * The sentence carries on what the previous one reported: it opens by pointing back at it ("Those prosecutors …"),
   * speaks of its figure ("that number"), or follows a document that found figures ("A poll found …").
   */
  carriesOn(block: number, sentence: number): boolean
}

interface Gapped {entry: LexiconEntry; parts: string[][]; gap: number; lowerAfter: boolean; notAfter: Set<string>}
/** Gapped forms grouped by their first part, since a matcher keeps one value per phrase. */
interface ClaimWords {gapped: PhraseMatcher<Gapped[]>; values: Map<string, number>; langs: Set<string>}

const prepared = new WeakMap<Lexicons, ClaimWords>()

/** The gapped forms («أكثر … دموية») and the values of number words, read once per lexicon set. */
function claimWords(lexicons: Lexicons): ClaimWords {
  let words = prepared.get(lexicons)
  if (words) return words
  // Languages with both claim words and attribution cues.
  const langs = new Set([...lexicons.languages.claims].filter((lang) => lexicons.languages.cues.has(lang)))
  words = {gapped: new PhraseMatcher<Gapped[]>(), values: new Map(), langs}
  const groups = new Map<string, Gapped[]>()
  for (const entry of lexicons.claims.entries) {
    const values = (entry.values ?? {}) as Record<string, number>
    for (const [word, value] of Object.entries(values)) words.values.set(normalize(word), value)
    if (typeof entry.value === 'number') for (const {form} of formsOf(entry)) words.values.set(normalize(form), entry.value)
    const lower = new Set((entry.thenLower as string[] | undefined) ?? [])
    for (const {form} of formsOf(entry)) {
      if (!form.includes('…')) continue
      const parts = form.split('…').map((part) => normalize(part).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [])
      const head = parts[0].join(' ')
      if (!groups.has(head)) groups.set(head, [])
      const notAfter = new Set(((entry.notAfter as string[] | undefined) ?? []).map(normalize))
      groups.get(head)!.push({entry, parts, gap: typeof entry.gap === 'number' ? entry.gap : 4, lowerAfter: lower.has(form), notAfter})
    }
  }
  for (const [head, group] of groups) words.gapped.add(head, group)
  prepared.set(lexicons, words)
  return words
}

// How far after the evidence («اتصالات تؤكد أن») its deed («نفذ») may come, in words.
const DEED_WINDOW = 30
const NUMBER = /\d+(?:[.,٫٬]\d+)*/gu
const CURRENCY_SIGN = /(?:US|A|C|HK)?[$€£¥]\s?$/u
const DETERMINER = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'])
// Arabic words after which a bare superlative is a comparison or a limit, not a claim.
const AR_NOT_SUPERLATIVE = new Set(['من', 'بكثير', 'بقليل', 'ما', 'مما', 'قدر'])
// Words after an English superlative that make it a pronoun ("the worst is over"), not a claim about a noun.
const EN_AFTER_PRONOUN = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'will', 'would', 'could', 'may', 'might', 'and', 'or', 'but', 'that', 'yet'])
const AR_LIMIT = new Set(['الحد', 'حد', 'بالحد', 'للحد'])

/** Arabic-Indic digits folded to ASCII, one character for one, so offsets stay valid. */
function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (d) => String((d.charCodeAt(0) & 0xf) % 10))
}

/** The value of a number as written: "38,000" → 38000, "1.57" → 1.57, «13,00» → 13. */
function parseNumber(raw: string): number {
  if (/^\d+$/u.test(raw)) return Number(raw)
  if (raw.includes('٫')) return Number(raw.replace(/٬/gu, '').replace('٫', '.'))
  const groups = raw.split(/[.,٬]/u)
  const thousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && !(raw.includes('.') && raw.includes(','))
  if (thousands && !(groups.length === 2 && raw.includes('.'))) return Number(groups.join(''))
  // "1,234.5" or a decimal comma or point.
  const last = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','))
  return Number(raw.slice(0, last).replace(/[.,٬]/gu, '') + '.' + raw.slice(last + 1))
}

const key = (value: number, percent: boolean) => String(Math.round(value * 1000) / 1000) + (percent ? '%' : '')

/** Find the claims of the article's story text. */
export function findClaims(article: Article): ClaimIndex {
  const mentions: Claim[] = []
  const cited = new PerSentence<true>()
  const carried = new PerSentence<true>()
  const years = new PerSentence<number>()
  const words = claimWords(article.lexicons)
  const links = article.links.inText.filter((link) => link.url && !link.url.startsWith('#')).sort((a, b) => a.start - b.start)
  // Promo lines ("Join 66,707,982 other followers", another story's headline) are not the story: promo-block reports them.
  const promo = article.use(promoBlocks)
  // Whether the sentence just read named a poll or went on with its results: the next one may go on with them too.
  let pollGoesOn = false
  article.blocks.forEach((block, b) => {
    // A table's cells are data with a source line of their own, not sentences of the story.
    if (!article.isStoryText(block) || block.kind === 'tableCell') return
    // Whether a claim is sourced needs the attribution words of its language: without them every figure would look unsourced.
    if (!words.langs.has(block.lang)) return
    // A teaser line («اقرأ أيضا: آلاف المدنيين يفرون», "Read more: …") is another story's headline, not a claim of this one.
    if (isTeaser(article, block) || promo.has(b) || isReference(block)) {
      pollGoesOn = false
      return
    }
    const found = blockClaims(article, block, b, words)
    mentions.push(...found.claims)
    for (const s of found.sources) cited.set(b, s, true)
    for (const [s, year] of found.years) years.set(b, s, Math.min(year, years.get(b, s) ?? year))
    block.sentences.forEach((sentence, s) => {
      // A poll, a study or a report that finds figures goes on with them into the next sentence ("A Quinnipiac poll found
      // that 74 percent … Sixty-two percent of Republicans agreed."), not further.
      const documentGoesOn = s > 0 && found.sources.includes(s - 1)
      if (s > 0 && (pointsBack(article, block, s) || refersToFigure(article, block, s, found.claims) || documentGoesOn)) carried.set(b, s, true)
      if (linked(links, block.offsets[sentence.start], block.offsets[sentence.end - 1] + 1)) cited.set(b, s, true)
      // A poll's results go on, into the next paragraph too, for as long as each sentence reports a figure of them ("…, according
      // to an NBC/Wall Street Journal survey. ⏎ In a head-to-head matchup, Clinton leads by 14 points … Just 72 percent of
      // Republicans support Trump"); the first sentence with no result word ("Turnout was 40 percent") is the writer's again.
      const figure = found.claims.some((claim) => claim.sentence === s && claim.figure !== undefined)
      const result = figure && found.results.includes(s)
      if (pollGoesOn && result) cited.set(b, s, true)
      pollGoesOn = found.polls.includes(s) || (pollGoesOn && result) || (figure && documentGoesOn && found.polls.includes(s - 1))
    })
  })
  // Figures of settled past events are optional (RULES.md): a sentence dated ten years or more
  // before the story ("In 1914, about 25,000 Germans lived …") is history, not news.
  const now = storyYear(article)
  const past = (claim: Claim) => now !== undefined && (years.get(claim.block, claim.sentence) ?? Infinity) <= now - 10
  const all = mentions.filter((claim) => !claim.quoted && !(FIGURES.has(claim.kind) && past(claim)))
  const bySentence = new PerSentence<Claim[]>()
  for (const claim of all) {
    const claims = bySentence.get(claim.block, claim.sentence)
    if (claims) claims.push(claim)
    else bySentence.set(claim.block, claim.sentence, [claim])
  }
  return {
    all, mentions: mentions.filter((claim) => claim.figure !== undefined),
    inSentence: (block, sentence) => bySentence.get(block, sentence) ?? [],
    citesSource: (block, sentence) => cited.has(block, sentence),
    carriesOn: (block, sentence) => carried.has(block, sentence)
  }
}

/** The year of the story: its frontmatter date, else the latest year its text names. */
function storyYear(article: Article): number | undefined {
  const dated = /\b(1[89]\d\d|20\d\d)\b/u.exec(String(article.frontmatter.date ?? ''))
  if (dated) return Number(dated[1])
  let latest: number | undefined
  for (const year of article.use(namedYears)) latest = Math.max(latest ?? year, year)
  return latest
}

/** Every year named in the story text (four digits, 1800 to 2100). */
function namedYears(article: Article): number[] {
  const found: number[] = []
  for (const block of article.blocks) {
    if (!article.isStoryText(block)) continue
    for (const m of foldDigits(block.text).matchAll(/(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d.,]\d)/gu)) found.push(Number(m[1]))
  }
  return found
}

/** Whether a link (sorted by start) overlaps the source range [from, to). */
function linked(links: readonly Link[], from: number, to: number): boolean {
  const lo = firstStartingFrom(links, from)
  // The link just before `from` may run into the range; the next one may start inside it.
  return (lo > 0 && links[lo - 1].end > from) || (lo < links.length && links[lo].start < to)
}

/** The claims of a block, and the sentences that name the owner of their figures. */
function blockClaims(article: Article, block: ArticleBlock, b: number, words: ClaimWords): {claims: Claim[]; sources: number[]; years: Array<[number, number]>; polls: number[]; results: number[]} {
  const {tokens, text} = block
  const matches = article.lexicons.match.claims.findAll(tokens)
  // The lexicon match covering each token.
  const at: Array<PhraseMatch<LexiconEntry> | undefined> = new Array(tokens.length)
  for (const match of matches) for (let i = match.from; i < match.to; i++) at[i] = match
  const kindAt = (i: number) => (i >= 0 && i < tokens.length ? at[i]?.value.kind : undefined)
  // A unit of time after a number makes a duration, an age or a time («27 عاما»); a definite one («الشهر الماضي») does not.
  const timeAt = (i: number, definite = false) => (kindAt(i) === 'time' && (definite || !/^[وفبل]?ال/u.test(tokens[i].norm))) || kindAt(i) === 'date'
  const quotes = block.quotes.filter((q) => q.innerEnd > q.innerStart)
  const sentenceOf = (offset: number) => sentenceIndexAt(block, offset)
  const sameSentence = (i: number, j: number) => j >= 0 && j < tokens.length && sentenceOf(tokens[i].index) === sentenceOf(tokens[j].index)
  // A word of certainty just before a percentage or just after it ("100 percent sure", «متأكد 100 في المئة»).
  const certaintyNear = (first: number, after: number) => [first - 2, first - 1, after, after + 1].some((j) => kindAt(j) === 'certainty' && sameSentence(first, j))
  const near = (from: number, to: number, kind: string, span = 3) => {
    for (let j = from - span; j < to + span; j++) if ((j < from || j >= to) && kindAt(j) === kind && sameSentence(from, j)) return true
    return false
  }
  const claims: Claim[] = []
  const english = block.lang === 'en'
  // A line of an interview that opens with its speaker's mark ("A: Well, I did. I got $660 billion …", «ج: …») is the
  // interviewee's words, as a quotation is.
  const answer = ANSWER_LINE.test(text)
  const push = (from: number, to: number, kind: ClaimKind, figure?: string) => {
    const sentence = sentenceOf(from)
    // A fragment of three words or fewer ("1", "#6 on the list") is a list label or a teaser, not a sentence that claims.
    if (sentence < 0 || tokenAt(tokens, block.sentences[sentence].end) - tokenAt(tokens, block.sentences[sentence].start) < 4) return
    // A figure of the writer's own life ("I had to pay a $30,000 fine", "I've done it 20 times") is the writer's to tell: like a
    // quoted one, it is kept only as a mention.
    const own = english && figure !== undefined && firstPerson(tokens, tokenAt(tokens, from), block.sentences[sentence].start)
    claims.push({block: b, sentence, from, to, kind, text: text.slice(from, to), figure, quoted: block.inBlockquote || answer || own || inQuote(quotes, from)})
  }
  const sources: number[] = []
  // Sentences that name a poll, and sentences that speak of a poll's results ("leads", «يؤيد»).
  const polls: number[] = []
  const results: number[] = []
  const years: Array<[number, number]> = []
  // Tokens already read as part of a figure; those inside an outlet's name ("France 24") count nothing.
  const used = new Set<number>()
  for (const outlet of article.lexicons.match.outlets.findAll(tokens)) for (let i = outlet.from; i < outlet.to; i++) used.add(i)

  // Numbers written in digits.
  const folded = foldDigits(text)
  // The token after the last number read as a name or an age (a pair "25 and 54" shares its first one's reading).
  let lastSkipped = -1
  for (const m of folded.matchAll(NUMBER)) {
    const start = m.index
    let end = start + m[0].length
    const before = folded.slice(Math.max(0, start - 2), start)
    const after = folded.slice(end, end + 2)
    // Part of a name ("F-16", «إف-15», "G7"), a date (12/4/2024) or a time (11:15); «و330» is "and 330".
    const letterBefore = /\p{L}$/u.test(before) && !/(?:^|[^\p{L}])[وبلف]$/u.test(folded.slice(Math.max(0, start - 2), start))
    // A number glued to a word by a slash is part of a name ("Feinstein's/54 Below").
    if (letterBefore || /\p{L}[-‐/]$|\d[/:]$|[#№]$/u.test(before) || /^[/:]\d|^[-–]\d/u.test(after) || /\d[-–]$/u.test(before)) continue
    // Dates and versions (25.07.2019, 1.2.3) and identifiers (1706.02582, 2807447) count nothing.
    if (/\d[.,٫٬]\d+[.,٫٬]/u.test(m[0]) && !/^\d{1,3}(?:([.,٬])\d{3})(?:\1\d{3})*$/u.test(m[0])) continue
    if (/[.٫]\d{4,}$/u.test(m[0]) || /^\d{7,}$/u.test(m[0])) continue
    // Numbers that name rather than count: a leading zero (a code, 000063), a ticker's exchange suffix (0700.HK),
    // or a code of capitals just before it ("HR 1234", "SB 1070"; not a currency: "USD 500").
    // A line that opens with a bare number and a capitalised word is a step of a numbered list ("12 Model good behavior.").
    // A number alone on its line is its label too ("10⏎Bill Gates …").
    if (start === 0 && /^\d{1,2}$/u.test(m[0]) && (/^[ \t]*\r?\n/u.test(article.source.slice(block.offsets[end - 1] + 1, block.offsets[end - 1] + 4)) || /^\d{1,2}\s+\p{Lu}/u.test(folded.slice(0, 6)) && listStep(block))) continue
    // A figure written as code (`20.10`, a version or a branch) names something.
    if (article.source[block.offsets[start]] !== undefined && article.source[block.offsets[start] - 1] === '`') continue
    if (/^0\d/u.test(m[0]) || /^\.[A-Z]{1,4}(?![\p{L}\d])/u.test(folded.slice(end, end + 6)) || codeBefore(article, folded, start)) continue
    let value = parseNumber(m[0])
    // An age in apposition: "The minister, 58, resigned", «الوزير (58 عاما)».
    if (/^\d{1,3}$/u.test(m[0]) && value < 120 && /\p{L}\s*[,،(]\s*$/u.test(folded.slice(Math.max(0, start - 4), start)) && /^\s*[,،)]/u.test(folded.slice(end, end + 3))) continue
    // A caption's age after a name at the end of its line: "Richard Osman, 40.", "Richard Osman (left), 40."
    if (/^\d{1,3}$/u.test(m[0]) && value < 120 && /\p{Lu}[\p{L}.)]*(?:\s*\([\p{L}\s]{1,12}\))?\s*,\s*$/u.test(folded.slice(Math.max(0, start - 28), start)) && /^\s*\.?\s*$/u.test(folded.slice(end))) continue
    const suffix = /^\p{L}+/u.exec(folded.slice(end, end + 8))?.[0]
    if (suffix) {
      const magnitude = words.values.get(normalize(suffix))
      if (magnitude === undefined || magnitude < 1000) continue // "5th", "4G": an ordinal or a name
      value *= magnitude
      end += suffix.length
    }
    const first = tokenAt(tokens, start)
    if (used.has(first)) continue
    let next = tokenAt(tokens, end)
    // A person's age with no unit: "Garland is 63, which means …", "when she was 25 and", "died at 43", "even now at 86 she".
    if (english && !suffix && /^\d{1,3}$/u.test(m[0]) && value < 120 && personAge(tokens, text, first, next)) continue
    // A measure joined by a hyphen describes an object ("a 300-pound manhole cover", "a 104-page document"): no count.
    if ((kindAt(next) === 'measure' || kindAt(next) === 'label') && /^[-‐]$/u.test(folded.slice(end, tokens[next].index))) continue
    for (let i = first; i < next; i++) used.add(i)
    if (kindAt(next) === 'magnitude' || (kindAt(next) === 'loose' && words.values.has(tokens[next].norm))) {
      value *= words.values.get(tokens[next].norm) ?? words.values.get(normalize(at[next]!.form)) ?? 1
      end = tokens[next].end
      used.add(next)
      next++
    }
    const previous = kindAt(first - 1)
    // (Not a count of points after a name: «وخسر مؤشر نيكاي 225 نقطة», where Arabic puts the figure right after the index.)
    if (previous === 'date' || previous === 'label' && !POINTS.has(tokens[next]?.norm ?? '') || previous === 'age' || previous === 'time') {
      lastSkipped = next
      continue
    }
    // The denominator of a share: "three in 10", "7 out of 10 voters", «ثلاثة من كل عشرة».
    if (first >= 2 && /^(?:in|of)$/u.test(tokens[first - 1].norm) && (/^\d+$/u.test(tokens[first - 2].norm) || words.values.has(tokens[first - 2].norm))) continue
    // The second of a pair or range whose first named or aged something: "between the ages of 25 and 54", "Articles 5 and 6".
    if (lastSkipped >= 0 && first - lastSkipped === 1 && RANGE_WORDS.has(tokens[first - 1].norm)) continue
    const sign = /^\s?[%٪]/u.exec(folded.slice(end, end + 2))
    const percent = Boolean(sign) || kindAt(next) === 'percent'
    const currency = CURRENCY_SIGN.exec(folded.slice(Math.max(0, start - 4), start))
    const money = Boolean(currency) || kindAt(next) === 'currency'
    // «في 12 من الشهر الجاري»: a day of the month.
    if (!sign && (timeAt(next) || (tokens[next]?.norm === 'من' && timeAt(next + 1, true)))) continue
    // A year on its own: 1800 to 2100, four digits, nothing to count.
    if (!percent && !money && /^\d{4}$/u.test(m[0]) && !suffix && value >= 1800 && value <= 2100) {
      if (sentenceOf(start) >= 0) years.push([sentenceOf(start), value])
      continue
    }
    const toll = near(first, next, 'toll')
    // English news spells out numbers under ten (AP, Reuters style): a lone digit is a rank, a score or a label.
    if (english && !percent && !money && !toll && !suffix && next === first + 1 && /^\d$/u.test(m[0]) && kindAt(next) !== 'magnitude') continue
    // "I'm 100 percent sure", «متأكد 100 في المئة»: a hundred percent of certainty is a manner of speaking.
    if (percent && value >= 100 && certaintyNear(first, sign ? next : at[next]!.to)) continue
    // A style declaration leaked into the text ("width:100%;") measures a page, not the story.
    if (/(?:^|[\s;{"'])[a-z-]+:\s?$/u.test(folded.slice(Math.max(0, start - 30), start)) && /^(?:%|px|em|rem|pt|vh|vw)?\s*(?:;|\}|$)/u.test(folded.slice(end, end + 8))) continue
    if (sign) end += sign[0].length
    else if (kindAt(next) === 'percent' || kindAt(next) === 'currency') end = tokens[at[next]!.to - 1].end
    const from = currency ? start - currency[0].length : start
    const kind: ClaimKind = percent ? 'percentage' : money ? 'money' : toll ? 'toll' : 'figure'
    push(from, end, kind, key(value, percent))
  }

  // Numbers and counts written in words.
  for (const match of matches) {
    const kind = match.value.kind
    if (match.from < tokens.length && used.has(match.from)) continue
    let from = tokens[match.from].index
    let to = tokens[match.to - 1].end
    if (kind === 'unit' || kind === 'tens') {
      let value = words.values.get(tokens[match.from].norm) ?? words.values.get(normalize(match.form)) ?? 0
      // A compound number is one figure: "twenty-three", "twenty three", «ثلاثة وعشرون» (the unit
      // first, the tens after «و»), never "twenty" or «وعشرون» alone. `first` and `after` are
      // the number's first token and the token after it.
      let first = match.from
      let after = match.to
      const between = (i: number) => text.slice(tokens[i - 1].end, tokens[i].index)
      if (kind === 'unit' && kindAt(after) === 'tens' && /^و/u.test(tokens[after].norm) && /^\s*$/u.test(between(after))) continue
      if (kind === 'tens' && after < tokens.length && kindAt(after) === 'unit' && /^[-‐‑– ]$/u.test(between(after))) {
        value += words.values.get(tokens[after].norm) ?? 0
        used.add(after)
        to = tokens[after].end
        after++
      } else if (kind === 'tens' && kindAt(first - 1) === 'unit' && /^و/u.test(tokens[first].norm) && /^\s*$/u.test(between(first))) {
        first--
        value += words.values.get(tokens[first].norm) ?? 0
        from = tokens[first].index
      }
      const nextKind = kindAt(after)
      if (nextKind === 'magnitude' || (nextKind === 'loose' && words.values.has(tokens[after].norm))) {
        used.add(after)
        if (timeAt(after + 1)) continue // "three hundred years"
        if (kindAt(after + 1) === 'percent' && certaintyNear(first, at[after + 1]!.to)) continue // "one hundred percent committed"
        push(from, tokens[after].end, near(first, after + 1, 'toll') ? 'toll' : 'figure', key(value * (words.values.get(tokens[after].norm) ?? 1), false))
      } else if (timeAt(after) || kindAt(first - 1) === 'label') {
        continue
      } else if (nextKind === 'percent') {
        if (value >= 100 && certaintyNear(first, at[after]!.to)) continue
        push(from, tokens[at[after]!.to - 1].end, 'percentage', key(value, true))
      } else if (kind === 'tens') {
        push(from, to, near(first, after, 'toll') ? 'toll' : 'figure', key(value, false))
      } else if (near(first, after, 'toll')) {
        push(from, to, 'toll', key(value, false))
      }
    } else if (kind === 'magnitude') {
      // "a million", «مليون لاجئ»: a magnitude with no number before it ("m", "bn" only follow digits).
      if (timeAt(match.to) || /^[a-z]{1,3}$/u.test(tokens[match.from].norm)) continue
      push(from, to, near(match.from, match.to, 'toll') ? 'toll' : 'figure', key(words.values.get(normalize(match.form)) ?? 0, false))
    } else if (kind === 'loose') {
      // «آلاف السنين», "hundreds of years": a span of time, not a count.
      if (timeAt(match.to, true) || (tokens[match.to]?.norm === 'of' && timeAt(match.to + 1))) continue
      // "millions of dollars", «ملايين الدولارات»: a vague sum is colour, not a figure to check.
      if (kindAt(match.to) === 'currency' || (tokens[match.to]?.norm === 'of' && kindAt(match.to + 1) === 'currency')) continue
      // Only a toll or a count of the story's events (protests, arrests, flight: «تظاهر مئات الآلاف»); a loose count away
      // from them is colour or background ("thousands of details", "millions of people struggling"), optional in the contract.
      if (near(match.from, match.to, 'toll', 5)) push(from, to, 'toll')
      else if (near(match.from, match.to, 'event', 5)) push(from, to, 'count')
    } else if (kind === 'few') {
      if (near(match.from, match.to, 'toll', 5)) push(from, to, 'toll')
    } else if (kind === 'superlative') {
      if (isSuperlativeClaim(tokens, text, match) && kindAt(match.to) !== 'judgement') push(from, to, 'superlative')
    } else if (kind === 'superlative-head') {
      const previous = tokens[match.from - 1]?.norm ?? ''
      if ((DETERMINER.has(previous) || /'s$|(?:th|st|nd|rd)$/u.test(previous)) && kindAt(match.to) !== 'judgement') push(tokens[match.from - 1].index, to, 'superlative')
    } else if (kind === 'document') {
      if (match.value.id === 'poll' && !inQuote(quotes, from)) polls.push(sentenceOf(from))
      if (!inQuote(quotes, from) && ownedOrFinding(article, tokens, match, kindAt, sameSentence, block.lang === 'ar')) sources.push(sentenceOf(from))
    } else if (kind === 'poll-result') {
      results.push(sentenceOf(from))
    } else if (kind === 'source') {
      if (!match.form.includes('…') && !inQuote(quotes, from)) sources.push(sentenceOf(from))
      // "a poll by", «استطلاع أجرته»: a poll named inside the phrase that owns it.
      if (!inQuote(quotes, from) && tokens.slice(match.from, match.to).some((token) => article.lexicons.match.claims.matchAt(tokenize(token.text), 0)?.value.id === 'poll')) polls.push(sentenceOf(from))
    } else if (kind === 'record') {
      if (match.form.includes('…')) continue // matched below with its gap
      if (/^a record$/u.test(normalize(match.form)) && tokens[match.to]?.norm === 'of') continue
      // «الربع الأول من العام»: an ordinal with the article names a part, it is no first.
      if (match.value.noArticle === true && /^[وفبلك]?ال/u.test(tokens[match.from].norm)) continue
      // «أول من أمس»: a day, not a first.
      if (((match.value.notBefore as string[] | undefined) ?? []).some((word) => normalize(word) === tokens[match.to]?.norm)) continue
      push(from, to, 'record')
    }
  }

  // Gapped forms: «أكثر الهجمات دموية», "the first time … since", «المرة الأولى … منذ».
  for (let i = 0; i < tokens.length; i++) {
    const start = words.gapped.matchAt(tokens, i)
    for (const form of start?.value ?? []) {
      const end = gappedEnd(tokens, start!.to, form, sameSentence.bind(null, i))
      if (end === undefined || (form.lowerAfter && !/^\p{Ll}/u.test(tokens[end]?.text ?? ''))) continue
      // "among the first to return", "one of the first … to": one of many is no record.
      if (form.notAfter.has(tokens[i - 1]?.norm ?? '')) continue
      if (form.entry.kind === 'source') {
        if (!inQuote(quotes, tokens[i].index)) sources.push(sentenceOf(tokens[i].index))
        break
      }
      push(tokens[i].index, tokens[end - 1].end, form.entry.kind === 'superlative' ? 'superlative' : 'record')
      break
    }
  }

  // Findings of fact: evidence that confirms a deed («اتصالات تؤكد أن التنظيم نفذ …»).
  for (const match of matches) {
    if (match.value.kind !== 'evidence') continue
    for (let j = match.to; j < Math.min(tokens.length, match.to + DEED_WINDOW) && sameSentence(match.from, j); j++) {
      if (kindAt(j) === 'deed') {
        push(tokens[match.from].index, tokens[at[j]!.to - 1].end, 'finding')
        break
      }
    }
  }
  return {claims: claims.sort((a, b) => a.from - b.from), sources, years, polls, results}
}

/**
 * Whether two mentions state the same figure: the same value, and either a value precise enough to tell apart
 * (two significant digits or more: 62, 1,786,300) or the same reading around it: both tolls, or a content word
 * shared by their sentences («قتل 62 شخصا في الهجوم» and «الهجوم الذي أوقع 62 قتيلا»). A round 50,000 people
 * fleeing a city are not the 50,000 people an aid plan can reach.
 */
export function sameFigure(article: Article, a: Claim, b: Claim): boolean {
  if (a.figure === undefined || a.figure !== b.figure) return false
  if (a.figure.replace(/[%.]/gu, '').replace(/^0+|0+$/gu, '').length >= 2) return true
  // A number under ten is everywhere in a story: two such mentions are one figure only when they count the same noun
  // («إصابة عسكريين اثنين» is not «مقتل شرطيين اثنين», "two soldiers" not "two policemen").
  if (a.kind !== 'money' && b.kind !== 'money' && !a.figure.endsWith('%') && Number(a.figure) < 10) {
    const counted = countedWords(article, b)
    return [...countedWords(article, a)].some((word) => counted.has(word))
  }
  if (a.kind === 'toll' && b.kind === 'toll') return true
  const around = contextWords(article, b)
  for (const word of contextWords(article, a)) if (around.has(word)) return true
  return false
}

// Words of a figure's context too common to tie two mentions together.
const CONTEXT_STOP = new Set(['the', 'and', 'that', 'with', 'from', 'have', 'were', 'this', 'more', 'than', 'about', 'some', 'over', 'least', 'nearly',
  'people', 'person', 'persons', 'percent', 'thousand', 'thousands', 'million', 'millions', 'billion', 'year', 'years', 'said', 'says',
  'الي', 'علي', 'الذي', 'التي', 'الذين', 'اكثر', 'نحو', 'حوالي', 'قرابه', 'بين', 'منذ', 'بعد', 'قبل', 'خلال', 'حيث', 'كان', 'كانت', 'يقل',
  'شخص', 'شخصا', 'اشخاص', 'الاشخاص', 'الف', 'الفا', 'الاف', 'مليون', 'ملايين', 'عام', 'اعوام', 'قال', 'قالت'])

/** The stems of the words right before and after a mention: what it counts («عسكريين اثنين», "two soldiers"). */
function countedWords(article: Article, claim: Claim): Set<string> {
  const {tokens} = article.blocks[claim.block]
  const words = new Set<string>()
  for (const i of [tokenAt(tokens, claim.from) - 1, tokenAt(tokens, claim.to - 1) + 1]) {
    const token = tokens[i]
    if (token && i >= 0 && !/\d/u.test(token.norm) && !CONTEXT_STOP.has(token.norm)) words.add(nounStem(token.norm))
  }
  return words
}

/** The stems of the content words of a mention's sentence, but for the mention itself. */
function contextWords(article: Article, claim: Claim): Set<string> {
  const block = article.blocks[claim.block]
  const {tokens} = block
  const first = tokenAt(tokens, claim.from)
  const last = tokenAt(tokens, claim.to - 1)
  const words = new Set<string>()
  const sentence = block.sentences[claim.sentence]
  for (let i = tokenAt(tokens, sentence.start); i < tokens.length && tokens[i].index < sentence.end; i++) {
    if (i >= first && i <= last || /\d/u.test(tokens[i].norm)) continue
    const stem = nounStem(tokens[i].norm)
    if (stem.length >= 4 && !CONTEXT_STOP.has(tokens[i].norm) && !CONTEXT_STOP.has(stem)) words.add(stem)
  }
  return words
}

/**
 * Whether sentence `s` of a block opens with a plural demonstrative and a noun met in the
 * sentence before ("… other prosecutors were examining … Those prosecutors are looking at …").
 */
function pointsBack(article: Article, block: ArticleBlock, s: number): boolean {
  const {tokens} = block
  const first = tokenAt(tokens, block.sentences[s].start)
  const previous = tokenAt(tokens, block.sentences[s - 1].start)
  const opener = article.lexicons.match.claims.matchAt(tokens, first)
  const noun = tokens[first + 1]
  if (opener?.value.kind !== 'back-reference' || !noun || noun.index >= block.sentences[s].end) return false
  const stem = nounStem(noun.norm)
  for (let i = previous; i < first; i++) if (nounStem(tokens[i].norm) === stem) return true
  return false
}

/**
 * Whether sentence `s` of a block speaks of the figure of the sentence before ("25 crews … In March, that number can
 * expand to more than 60", «هذا العدد»): it goes on with that figure's report.
 */
function refersToFigure(article: Article, block: ArticleBlock, s: number, claims: readonly Claim[]): boolean {
  if (!claims.some((claim) => claim.sentence === s - 1 && claim.figure !== undefined)) return false
  const {tokens} = block
  const from = tokenAt(tokens, block.sentences[s].start)
  const to = tokenAt(tokens, block.sentences[s].end)
  return article.lexicons.match.claims.findAll(tokens, from, to).some((match) => match.value.kind === 'figure-reference')
}

/** A crude stem for matching a noun with its earlier mention: «المحققون» = «محققين», "prosecutors" = "prosecutor". */
function nounStem(word: string): string {
  return word.replace(/^(?:[وف]?[بلك]?ال|[وف]?لل|[وف])(?=\p{L}{3})/u, '').replace(/(?:ون|ين|ات|ه|s)$/u, '')
}
/** Index just past the last part of a gapped form that starts before `from`, or undefined. */
function gappedEnd(tokens: readonly Token[], from: number, form: Gapped, inSentence: (j: number) => boolean): number | undefined {
  let i = from
  for (const part of form.parts.slice(1)) {
    let found = -1
    for (let j = i; j <= i + form.gap && j + part.length <= tokens.length && inSentence(j); j++) {
      if (part.every((word, k) => tokens[j + k].norm === word)) {
        found = j
        break
      }
    }
    if (found < 0) return undefined
    i = found + part.length
  }
  return i
}

/**
 * A superlative is a claim when a noun follows it in the same phrase: «أكبر هجوم», "the
 * largest wildfire", "the worst hit"; not when it compares («أكبر من»), stands alone («أسوأ
 * ما في الأمر», "fear the worst", "the worst is over") or names a limit («الحد الأقصى»).
 */
function isSuperlativeClaim(tokens: readonly Token[], text: string, match: PhraseMatch<LexiconEntry>): boolean {
  const head = tokens[match.from]
  const last = tokens[match.to - 1]
  const next = tokens[match.to]
  const joined = (a: Token, b: Token) => /^[\s-]+$/u.test(text.slice(a.end, b.index))
  if (!/\p{Script=Arabic}/u.test(head.text)) return Boolean(next) && joined(last, next) && !EN_AFTER_PRONOUN.has(next.norm)
  if (AR_LIMIT.has(tokens[match.from - 1]?.norm ?? '')) return false
  if (match.to - match.from > 1 || /^(?:ال|[وفبل]ال)/u.test(head.norm)) return true
  if (!next || AR_NOT_SUPERLATIVE.has(next.norm) || /^\d/u.test(next.norm)) return false
  return joined(head, next) && /\p{Script=Arabic}/u.test(next.text)
}


// Personal pronouns: the subject whose age a bare number gives ("she was 25").
const PERSONS = new Set(['he', 'she', 'i', 'you', 'we', 'they'])
// What may follow an age: a break, or a word that goes on with the clause, not a noun that the number counts.
const AFTER_AGE = new Set(['and', 'when', 'at', 'but', 'or', 'then', 'now', 'which', 'who', 'in', 'he', 'she', 'i', 'they', 'we'])

/**
 * Whether the bare number at token `first` (the token after it is `next`) is a person's age: after "is" or "was" whose subject
 * is a personal pronoun or a name ("Garland is 63,", "he already was 18 at the time"), after "died at", or after "at" with
 * a pronoun right after it ("even now at 86 she"); what follows is a break or a word that goes on with the clause.
 */
function personAge(tokens: readonly Token[], text: string, first: number, next: number): boolean {
  const after = tokens[next]
  const gap = text.slice(tokens[first].end, after?.index ?? text.length)
  const ends = !after || /[,.;:!?)—–]/u.test(gap) || AFTER_AGE.has(after.norm)
  const before = tokens[first - 1]?.norm
  if (before === 'at') {
    if (/^died?s?$/u.test(tokens[first - 2]?.norm ?? '')) return ends
    return Boolean(after) && PERSONS.has(after.norm) && /^[\s,]+$/u.test(gap)
  }
  if (before !== 'is' && before !== 'was') return false
  // The subject, over an adverb ("he already was 18").
  let j = first - 2
  if (j >= 0 && /ly$|^(?:still|now|already|just|only)$/u.test(tokens[j].norm)) j--
  const subject = tokens[j]
  if (!subject || !ends) return false
  // A capitalised word that does not open its sentence is a name ("While Garland is 63").
  return PERSONS.has(subject.norm) || (/^\p{Lu}\p{Ll}+$/u.test(subject.text) && j > 0 && !/[.!?:"“]\s*$/u.test(text.slice(0, subject.index)))
}

// The speaker's mark that opens a line of an interview: "A:", "Q:", «ج:», «س:».
const ANSWER_LINE = /^\s*(?:\*\*)?(?:A|Q|ج|س)(?:\*\*)?\s?[:：]/u
// The writer as the subject: "I", "I've", "I'd", "I'm", "I'll".
const FIRST_PERSON = /^i(?:'(?:ve|d|m|ll))?$/u
// Words that end the writer's own clause before a figure: what follows them is someone else's or a fact reported.
const CLAUSE_BREAKS = new Set(['that', 'when', 'while', 'because', 'but', 'and', 'if', 'whether', 'think', 'believe', 'know', 'read', 'heard', 'learned', 'saw', 'see', 'say', 'said'])

/** Whether a figure at token `at` is told by the writer of their own life: "I" opens its clause, at most six words before. */
function firstPerson(tokens: readonly Token[], at: number, sentenceStart: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 6) && tokens[j].index >= sentenceStart; j--) {
    if (CLAUSE_BREAKS.has(tokens[j].norm)) return false
    if (FIRST_PERSON.test(tokens[j].norm) && tokens[j].text[0] === 'I') return true
  }
  return false
}

function inQuote(quotes: readonly Quote[], offset: number): boolean {
  return quotes.some((q) => offset >= q.innerStart && offset < q.innerEnd)
}

// Points counted after a number: "lost 225 points", «225 نقطة».
const POINTS = new Set(['points', 'point', 'نقطه', 'نقاط'])
// Words joining the two numbers of a pair or a range.
const RANGE_WORDS = new Set(['and', 'to', 'or', 'through', 'و', 'الي', 'او'])
// A code of capitals before a number: "HR 1234", "SB 1070", "A 320" (not "US", an adjective before a count).
const CODE_BEFORE = /(?:^|[^\p{L}])(\p{Lu}{1,4})[\s-]$/u

/** Whether a code of capital letters, not a currency, stands right before the number at `start` ("HR 1234"). */
function codeBefore(article: Article, folded: string, start: number): boolean {
  const code = CODE_BEFORE.exec(folded.slice(Math.max(0, start - 6), start))?.[1]
  if (!code || code === 'US' || code === 'UK' || code === 'EU' || code === 'UN') return false
  return article.lexicons.match.claims.matchAt(tokenize(code), 0)?.value.kind !== 'currency'
}

/**
 * Whether a block is a bibliographic reference ("Science, Vol. 371, Issue 6526, pp. 232, DOI 10.1126/…", an ISBN): its
 * numbers name a publication, they count nothing.
 */
function isReference(block: ArticleBlock): boolean {
  return block.text.length <= 400 && /\b(?:DOI|doi)\b[:\s]*10\.\d{4,}|doi\.org\/10\.|\bISBN(?:-1[03])?\b/u.test(block.text)
}

/** Whether a block's first sentence is a short step of a list: six words at most ("12 Model good behavior."). */
function listStep(block: ArticleBlock): boolean {
  const first = block.sentences[0]
  return first !== undefined && tokenAt(block.tokens, first.end) - tokenAt(block.tokens, first.start) <= 6
}

/** Whether a block opens with a read-more or related cue («اقرأ أيضا:», "Read more:", "Related:"): a teaser of another story. */
function isTeaser(article: Article, block: ArticleBlock): boolean {
  const cue = article.lexicons.match.promo.matchAt(block.tokens, 0)
  return cue !== undefined && (cue.value.kind === 'readmore' || cue.value.kind === 'related' && /^\s*[:：\-–]/u.test(block.text.slice(block.tokens[cue.to - 1].end)))
}

// Capitalised words before a document that are no owner of it (a day, a month, an opening article).
const NOT_OWNERS = new Set(['a', 'an', 'the', 'on', 'in', 'at', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'but', 'and', 'yet', 'still', 'new', 'one'])
const OWNER_WINDOW = 3
const FINDING_WINDOW = 5

/**
 * Whether a document noun ("survey", «استطلاع») names the source of its sentence's figures: owned by a name right
 * before it in English ("A recent CNN survey", "a Rasmussen Reports poll"), or doing what documents do with a
 * figure (found, showed, put; «أظهر استطلاع») in the same sentence.
 */
function ownedOrFinding(article: Article, tokens: readonly Token[], match: PhraseMatch<LexiconEntry>, kindAt: (i: number) => string | undefined,
  sameSentence: (i: number, j: number) => boolean, arabic: boolean): boolean {
  if (arabic) {
    for (let j = match.from - 1; j >= Math.max(0, match.from - 2); j--) if (kindAt(j) === 'finding-verb' && sameSentence(match.from, j)) return true
    return false
  }
  for (let j = match.to; j < Math.min(tokens.length, match.to + FINDING_WINDOW) && sameSentence(match.from, j); j++) {
    if (kindAt(j) === 'finding-verb') return true
  }
  const first = Math.max(0, match.from - OWNER_WINDOW)
  if (article.lexicons.match.outlets.findAll(tokens, first, match.from).length) return true
  for (let j = match.from - 1; j >= first && sameSentence(match.from, j); j--) {
    if (/^\p{Lu}/u.test(tokens[j].text) && !NOT_OWNERS.has(tokens[j].norm)) return true
  }
  return false
}
