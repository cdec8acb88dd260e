/**
 * Outlet mentions: where an article names a news outlet or agency, whether it names it as
 * the source of what it reports ("according to TASS", «قال مصدر لوكالة الأنباء الفرنسية»),
 * whether the article links to it, and whether it is the article's own publisher.
 *
 * Outlets come from the gazetteer (src/lexicons/outlets.json, extended from config) and from
 * patterns: a head word before a quoted or unknown name («قناة «سكاي»», «صحيفة كاثيميريني»),
 * or a run of capitalised words before "newspaper" / "news agency". Which cues cite an outlet,
 * and on which side of it, is data too (cues.json `outletCue`, `outletSide`).
 *
 *     const mentions = article.use(findOutletMentions)
 *     mentions.filter((m) => m.citedAsSource && !m.linked && !m.publisher)
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references'
import {VFile} from 'vfile'
import type {LexiconEntry, OutletEntry, PhraseMatch} from '../lexicons/index.js'
import type {Article, ArticleBlock, Span} from './article.js'
import {sentenceIndexAt} from './article.js'
import {BoundedCache} from './bounded-cache.js'
import {hostMatches, type Link} from './links.js'
import {CHAR_LETTER, isArabicWord, normalize, unitClass} from './normalize.js'
import {firstNotBefore, firstStartingFrom, tokenAt, tokenize, type Token, withNorm} from './tokens.js'

export interface OutletMention {
  block: ArticleBlock
  /** Index of the sentence of the block that holds the mention (-1 when none does). */
  sentence: number
  /** Plain-text offsets of the name in the block (with its head word: «وكالة «تاس»»). */
  from: number
  to: number
  /** The gazetteer entry, or one made from the pattern (id `pattern:<name>`, no domains). */
  outlet: OutletEntry
  byPattern: boolean
  /** The outlet is named as the source of information (a cue ties it to the claim). */
  citedAsSource: boolean
  /** The cue that cites it, as plain-text offsets in the block. */
  cue?: {from: number; to: number; entry: string}
  /** A link in the same block, or a definition, footnote, frontmatter or sources-section entry, points to it. */
  linked: boolean
  /** The outlet is the article's publisher (frontmatter `publisher`, byline or dateline), or of its group. */
  publisher: boolean
}

interface OutletData {
  heads: {before: Record<string, string[]>; after: Record<string, string[]>; pattern: Record<string, string[]>; mastheads: Record<string, string[]>; domains: string[]}
  descriptors: Record<string, unknown>
  matching: {caseFree: string[]; continuations: string[]; linkWords: Record<string, string[]>; clauseOpeners: Record<string, unknown>; bareNameHeads: string[]}
  frames: Record<string, Record<string, string[]> | string>
}

const here = path.dirname(fileURLToPath(import.meta.url))
let data: OutletData | undefined
/** The reading rules of outlets.json (heads, descriptors, matching), beside the entries the loader compiles. */
function outletData(): OutletData {
  if (data) return data
  for (const dir of [path.join(here, '..', 'lexicons'), path.join(here, '..', '..', '..', 'src', 'lexicons')]) {
    try {
      data = JSON.parse(readFileSync(path.join(dir, 'outlets.json'), 'utf8')) as OutletData
      return data
    } catch {}
  }
  throw new Error('Cannot read the outlets lexicon (outlets.json)')
}

const set = (forms: unknown) => new Set((Array.isArray(forms) ? forms : []).map((form) => normalize(String(form))))
/** A phrase as the tokens read it: normalised words joined by one space ("h/t" → "h t"). */
const phraseKey = (form: string) => tokenize(form).map((token) => token.norm).join(' ')
const phrases = (forms: unknown) => new Set((Array.isArray(forms) ? forms : []).map((form) => phraseKey(String(form))))
let words: {
  heads: Set<string>; afterHeads: Set<string>; patternHeads: Set<string>; latinHeads: Set<string>; mastheads: Set<string>; domain: RegExp; descriptors: Set<string>; caseFree: Set<string>; continuations: Set<string>
  link: Set<string>; openers: Set<string>; bare: Set<string>
  subject: Set<string>; products: Set<string>; modifiers: Set<string>; prepositions: Set<string>; ofPrepositions: Set<string>; hatTips: Set<string>; newsMarkers: Set<string>; notNames: Set<string>; adverbs: Set<string>; particles: Set<string>
  staff: Set<string>; addressed: Set<string>
} | undefined
function readingWords() {
  if (words) return words
  const d = outletData()
  const all = (record: Record<string, unknown> | string | undefined) => Object.entries(typeof record === 'object' ? record : {}).filter(([key]) => /^[a-z]{2}$/.test(key)).flatMap(([, forms]) => (Array.isArray(forms) ? forms : []))
  const frames = d.frames ?? {}
  words = {
    heads: set(all(d.heads.before).flatMap((form: string) => normalize(form).split(/\s+/))),
    afterHeads: set(all(d.heads.after)),
    patternHeads: set(all({ar: (d.heads.pattern as Record<string, string[]>).ar})),
    latinHeads: phrases((d.heads.pattern as Record<string, string[]>).en),
    mastheads: phrases(all(d.heads.mastheads)),
    // A web address of one or more labels and a listed ending, not inside a longer address, an e-mail or a path.
    domain: new RegExp(`(?<![\\p{L}\\p{N}@/.\\-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(?:${(d.heads.domains ?? []).map((ending) => ending.replace(/\./gu, '\\.')).join('|')})(?![\\p{L}\\p{N}\\-]|\\.[\\p{L}\\p{N}])`, 'giu'),
    subject: phrases(all(frames.subject)),
    products: phrases(all(frames.products)),
    modifiers: phrases(all(frames.modifiers)),
    prepositions: phrases(all(frames.prepositions)),
    ofPrepositions: phrases(all(frames.ofPrepositions)),
    hatTips: phrases(all(frames.hatTips)),
    staff: phrases(all(frames.staff)),
    addressed: new Set((frames.addressedCues as unknown as string[] | undefined) ?? []),
    newsMarkers: phrases(all(frames.newsMarkers)),
    notNames: phrases(all(frames.notNames)),
    adverbs: phrases(all(frames.adverbs)),
    particles: phrases(all(frames.particles)),
    descriptors: set(all(d.descriptors)),
    caseFree: set(d.matching.caseFree),
    continuations: set(d.matching.continuations),
    link: set(all(d.matching.linkWords)),
    openers: set(all(d.matching.clauseOpeners)),
    bare: set(d.matching.bareNameHeads)
  }
  return words
}

/** Number of words of the longest phrase of `phrases` (normalised) that starts at token `at`, its first word also behind Arabic proclitics; 0 when none. */
function phraseAt(tokens: readonly Token[], at: number, phrases: Set<string>): number {
  const first = tokens[at]
  if (!first) return 0
  let best = 0
  const heads = firstWordsOf(phrases)
  const stems = first.stems
  for (let h = -1; h < stems.length; h++) {
    const head = h < 0 ? first.norm : stems[h]
    // Most words open no phrase: those are told without building the phrases.
    if (!heads.has(head)) continue
    let phrase = head
    for (let n = 1; n <= 3 && at + n <= tokens.length; n++) {
      if (n > 1) phrase += ' ' + tokens[at + n - 1].norm
      if (phrases.has(phrase)) best = Math.max(best, n)
    }
  }
  return best
}

/** Number of words of the phrase of `phrases` that ends just before token `at` (up to three words); 0 when none does. */
function phraseBefore(tokens: readonly Token[], at: number, phrases: Set<string>): number {
  let phrase = ''
  for (let n = 1; n <= 3 && at - n >= 0; n++) {
    phrase = n === 1 ? tokens[at - 1].norm : tokens[at - n].norm + ' ' + phrase
    if (phrases.has(phrase)) return n
  }
  return 0
}

const firstWords = new WeakMap<Set<string>, Set<string>>()
/** The first words of a set of phrases. */
function firstWordsOf(phrases: Set<string>): Set<string> {
  let heads = firstWords.get(phrases)
  if (!heads) {
    heads = new Set([...phrases].map((phrase) => phrase.split(' ')[0]))
    firstWords.set(phrases, heads)
  }
  return heads
}

/** A head word (وكالة, صحيفة, …) also behind Arabic proclitics (لوكالة, والصحيفة). */
function isHead(token: Token | undefined): boolean {
  if (!token) return false
  const {heads} = readingWords()
  return heads.has(token.norm) || token.stems.some((stem) => heads.has(stem))
}

const CLAUSE_BREAK = /[,;:.!?؟،؛\n—–]/u
const QUOTE_MARK = /["“”«»„‘’'()]/gu

/** The quotation (≤ 4 words, as names are) that holds the range, if any. */
function nameQuote(block: ArticleBlock, from: number, to: number) {
  // Quotes are sorted by where they open; a name's quote opens just before it, so only the last few openers are read.
  const {quotes} = block
  const lo = firstNotBefore(quotes, (quote) => quote.innerStart <= from)
  for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
    const q = quotes[k]
    if (q.close >= 0 && q.innerEnd >= to && q.innerEnd - q.innerStart <= 60 && q.text.trim().split(/\s+/).length <= 4) return q
  }
  return undefined
}

/** Tokens with English possessives folded ("CNN's" → cnn), so names match before them (the tokens themselves when none has one). */
function matchTokens(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some(isPossessive)) return tokens
  return tokens.map((token) => (isPossessive(token)
    ? withNorm(token, token.norm.replace(/'s$/u, ''))
    : token))
}

/** Whether a token is an English possessive: `/['’]s$/u` on its text, told by its last two characters. */
function isPossessive(token: Token): boolean {
  const {text} = token
  const mark = text.charCodeAt(text.length - 2)
  return text.charCodeAt(text.length - 1) === 0x73 && (mark === 0x27 || mark === 0x2019) && !isArabicWord(token.norm)
}

/** Whether a Latin-script match keeps the capitals of its alias, and is not the head of a longer name. */
function keepsCase(tokens: readonly Token[], match: PhraseMatch<unknown>): boolean {
  const {caseFree, continuations} = readingWords()
  const formWords = match.form.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  for (let k = 0; k < formWords.length && match.from + k < match.to; k++) {
    const form = formWords[k]
    const token = tokens[match.from + k]
    if (isArabicWord(token.norm) || caseFree.has(normalize(form))) continue
    if (/^\p{Lu}/u.test(form) && !/^\p{Lu}/u.test(token.text)) return false
  }
  const next = tokens[match.to]
  return !(next && !/['’]s$/u.test(tokens[match.to - 1].text) && continuations.has(next.norm) && /^\p{Lu}/u.test(next.text))
}

// The last word of a publication's name, alone or ending a compound: Zeitung, Sonntagszeitung,
// Abendblatt, Post, Times, Television. After a known name, such a word makes a longer name.
const PUBLICATION_WORD = /(?:zeitung|blatt|post|news|times|journal|herald|tribune|magazin|magazine|daily|weekly|gazette|observer|chronicle|express|telegraph|courier|kurier|television|radio|tv|sonntag|woche|spiegel|rundschau|anzeiger|nachrichten)$/u

/** Where a known name ends when capitalised publication words go on from `to` ("Frankfurter Allgemeine| Sonntagszeitung"). */
function longerName(block: ArticleBlock, tokens: readonly Token[], to: number): number {
  let end = to
  while (end < tokens.length && end - to < 2 && !isArabicWord(tokens[end].norm) && /^\p{Lu}/u.test(tokens[end].text) &&
    PUBLICATION_WORD.test(tokens[end].norm) && block.text.slice(tokens[end - 1].end, tokens[end].index) === ' ' && !/['’]s$/u.test(tokens[end - 1].text)) end++
  return end
}

/** Whether an ambiguous bare name (الجزيرة, The Times) stands where only an outlet can: after a head, before one, or quoted. */
function markedAsOutlet(block: ArticleBlock, tokens: readonly Token[], from: number, to: number): boolean {
  const {afterHeads} = readingWords()
  if (isHead(tokens[from - 1]) || phraseAt(tokens, to, afterHeads) || phraseBefore(tokens, from, readingWords().hatTips)) return true
  return Boolean(nameQuote(block, tokens[from].index, tokens[to - 1].end))
}

/** The normalised words of a name, joined by spaces: how outlets known by pattern are identified. */
const nameKey = (text: string) => tokenize(text).map((token) => token.norm).join(' ')

function patternOutlet(name: string): OutletEntry {
  return {id: 'pattern:' + nameKey(name), name, aliases: {}, domains: []}
}

/** A word that describes an outlet after its head: listed («الرسمية») or a definite nisba adjective («اليمنية», «الإيرانية»). */
function isDescriptor(token: Token): boolean {
  return readingWords().descriptors.has(token.norm) || (isArabicWord(token.norm) && /^ال.{2,}(?:يه|ي)$/u.test(token.norm))
}

const NAME_LINKS = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'la', 'le', 'el', 'al', 'du', 'des', 'di'])

/** End (exclusive) of a capitalised name of up to four words that starts at token `at` right after a head, or `at` when none does. */
function latinNameEnd(block: ArticleBlock, tokens: readonly Token[], at: number, covered: (i: number) => boolean): number {
  const {notNames} = readingWords()
  let end = at
  while (end < tokens.length && end - at < 4 && !covered(end) && !CLAUSE_BREAK.test(block.text.slice(tokens[end - 1].end, tokens[end].index))) {
    const token = tokens[end]
    if (/^\p{Lu}/u.test(token.text) && !notNames.has(token.norm) && !isArabicWord(token.norm)) end++
    else if (end > at && NAME_LINKS.has(token.norm) && /^\p{Lu}/u.test(tokens[end + 1]?.text ?? '')) end++
    else break
  }
  return end
}

/** A mention as token range; `webAddress` when it is a site's address (ouest-france.fr). */
interface FoundMention {from: number; to: number; outlet: OutletEntry; byPattern: boolean; webAddress?: boolean}

/** Gazetteer and pattern mentions of one block, as token ranges. */
function mentionsIn(article: Article, block: ArticleBlock): FoundMention[] {
  const tokens = matchTokens(block.tokens)
  const found: FoundMention[] = []
  for (const match of article.lexicons.match.outlets.findAll(tokens)) {
    if (!keepsCase(tokens, match)) continue
    if (match.value.ambiguous && !markedAsOutlet(block, tokens, match.from, match.to)) continue
    // A head word just before the name belongs to the mention («وكالة «تاس»»).
    // So do the head and its descriptors: «لوكالة الأنباء اليمنية الرسمية "سبأ"».
    let from = match.from
    const describes = (token: Token) => isDescriptor(token) || isHead(token) || /^ال.{2,}ه$/u.test(token.norm)
    while (from > 0 && match.from - from < 4 && describes(tokens[from - 1]) && !CLAUSE_BREAK.test(block.text.slice(tokens[from - 1].end, tokens[from].index))) from--
    while (from < match.from && !isHead(tokens[from])) from++
    // The longest name the text gives: "Frankfurter Allgemeine Sonntagszeitung" is not the
    // Frankfurter Allgemeine, though it belongs to it (its links and group stay).
    const to = longerName(block, tokens, match.to)
    const written = block.text.slice(tokens[match.from].index, tokens[to - 1].end).replace(/^the\s+/iu, '')
    const outlet = to === match.to ? match.value.outlet : {...match.value.outlet, id: 'pattern:' + nameKey(written), name: written, aliases: {}}
    // «وكالة الأنباء اليمنية الرسمية "سبأ"»: a name right after another name of the same outlet is one mention.
    const last = found[found.length - 1]
    if (last && last.to > from) {
      if (last.outlet.id === outlet.id) last.to = Math.max(last.to, to)
      else found.push({from: last.to, to, outlet, byPattern: false})
      continue
    }
    found.push({from, to, outlet, byPattern: false})
  }
  const mask = new Uint8Array(tokens.length + 1)
  for (const m of found) mask.fill(1, m.from, m.to)
  const covered = (i: number) => mask[i] === 1
  const {descriptors, afterHeads, patternHeads, latinHeads, bare, caseFree, heads, newsMarkers, notNames} = readingWords()
  for (let i = 0; i < tokens.length; i++) {
    if (covered(i)) continue
    const head = isArabicWord(tokens[i].norm) ? phraseAt(tokens, i, patternHeads) : 0
    if (head) {
      // «قناة «سكاي»», «القناة الرسمية «أرت 1»», «صحيفة كاثيميريني»
      let j = i + head
      while (j < tokens.length && j - i <= 2 && isDescriptor(tokens[j]) && !nameQuote(block, tokens[j].index, tokens[j].end)) j++
      const quote = tokens[j] && nameQuote(block, tokens[j].index, tokens[j].end)
      if (quote && !covered(j) && !CLAUSE_BREAK.test(block.text.slice(tokens[j - 1].end, quote.open))) {
        let end = j
        while (end < tokens.length && tokens[end].end <= quote.innerEnd) end++
        found.push({from: i, to: end, outlet: patternOutlet(quote.text.trim()), byPattern: true})
        i = end - 1
        continue
      }
      const next = tokens[i + head]
      // «قناة ديسكفري العلمية»: after other heads, an unquoted name counts when a describing word follows it.
      const described = tokens[i + head + 1] && isDescriptor(tokens[i + head + 1]) && !CLAUSE_BREAK.test(block.text.slice(next?.end ?? 0, tokens[i + head + 1].index))
      if (next && head === 1 && (phraseAt(tokens, i, bare) || described) && isArabicWord(next.norm) && !covered(i + 1) && next.norm.length >= 3 &&
        !/^ال/u.test(next.text) && !/يه$/u.test(next.norm) && !descriptors.has(next.norm) && !CLAUSE_BREAK.test(block.text.slice(tokens[i].end, next.index))) {
        found.push({from: i, to: i + 2, outlet: patternOutlet(next.text), byPattern: true})
        i++
      }
      continue
    }
    // «وكالة دوجان للأنباء», «"وكالة دوجان" للأنباء»: a bare head is a news outlet's when a news marker follows the name.
    if (isArabicWord(tokens[i].norm) && heads.has(tokens[i].norm) && !covered(i + 1)) {
      const name = tokens[i + 1]
      const marker = tokens[i + 2] && phraseAt(tokens, i + 2, newsMarkers)
      if (name && marker && isArabicWord(name.norm) && !/^ال/u.test(name.text) && !descriptors.has(name.norm) &&
        !/[,;:.!?؟،؛\n—–]/u.test(block.text.slice(tokens[i].end, tokens[i + 2].index))) {
        found.push({from: i, to: i + 2, outlet: patternOutlet(name.text), byPattern: true})
        i++
        continue
      }
    }
    // "Portuguese newspaper Correio de Manha", "the magazine Vulture": a head phrase, then a capitalised name.
    const latinHead = isArabicWord(tokens[i].norm) || /^\p{Lu}/u.test(tokens[i].text) ? 0 : phraseAt(tokens, i, latinHeads)
    if (latinHead) {
      const end = latinNameEnd(block, tokens, i + latinHead, covered)
      if (end > i + latinHead) {
        found.push({from: i, to: end, outlet: patternOutlet(tokens.slice(i + latinHead, end).map((t) => t.text).join(' ')), byPattern: true})
        i = end - 1
        continue
      }
    }
    // "the Kathimerini newspaper", "the RBK news website": capitalised words before a head phrase.
    const after = isArabicWord(tokens[i].norm) ? 0 : phraseAt(tokens, i, afterHeads)
    if (after && !/^\p{Lu}/u.test(tokens[i].text) && i > 0) {
      let start = i
      while (start > 0 && i - start < 3 && /^\p{Lu}/u.test(tokens[start - 1].text) && !covered(start - 1) && !caseFree.has(tokens[start - 1].norm) &&
        !CLAUSE_BREAK.test(block.text.slice(tokens[start - 1].end, tokens[start].index))) start--
      // A lone nationality ("the Russian news agency") describes; it does not name. After "a" the words
      // describe ("a Sunday newspaper"); a lone word opening the sentence may be any capitalised word.
      const name = tokens.slice(start, i)
      const before = tokens[start - 1]
      const opensSentence = !before || /[.!?؟:]\s*$/u.test(block.text.slice(0, tokens[start].index))
      // A person's possessive ("Tom Joyner's radio program") names a host, not an outlet.
      const names = !(name.length === 1 && (/(?:an|ese|ish|i|ch)$/u.test(name[0].norm) || notNames.has(name[0].norm))) && !/['’]s$/u.test(name[name.length - 1]?.text ?? '')
      if (start < i && names && (before?.norm === 'the' || (before?.norm !== 'a' && before?.norm !== 'an' && !(opensSentence && name.length === 1)))) {
        const end = i + after
        const from = before?.norm === 'the' ? start - 1 : start
        found.push({from, to: end, outlet: patternOutlet(name.map((t) => t.text).join(' ')), byPattern: true})
      }
    }
  }
  mastheadNames(block, tokens, covered, found)
  domainNames(block, tokens, covered, found)
  return found.sort((a, b) => a.from - b.from)
}

/**
 * "the Des Moines Register", "the Decatur Herald-Review": a run of two to five capitalised words that ends with a
 * masthead word (outlets.json `heads.mastheads`), alone or in a hyphenated compound, between lower-case words.
 * A run in title case (a headline) or followed by "of" ("the New England Journal of Medicine") is no such name.
 */
function mastheadNames(block: ArticleBlock, tokens: readonly Token[], covered: (i: number) => boolean, found: FoundMention[]): void {
  const {mastheads, notNames} = readingWords()
  const capital = (i: number) => i < tokens.length && /^\p{Lu}/u.test(tokens[i].text) && !isArabicWord(tokens[i].norm) && !covered(i) && !notNames.has(tokens[i].norm)
  const gap = (i: number) => block.text.slice(tokens[i - 1].end, tokens[i].index)
  for (let i = 0; i < tokens.length; i++) {
    if (!capital(i)) continue
    let end = i + 1
    // Words joined by a space (a no-break space too: "Decatur\u00a0Herald-Review") or a hyphen.
    while (end < tokens.length && end - i < 6 && capital(end) && /^(?:[^\S\n]|-)$/u.test(gap(end))) end++
    const start = i
    i = end - 1
    if (end - start < 2 || end - start > 5) continue
    const last = end - 1
    const ends = phraseBefore(tokens, end, mastheads) > 0 || gap(last) === '-' && phraseBefore(tokens, last, mastheads) > 0
    if (!ends) continue
    // Bounded by lower-case words or breaks on both sides; "of" after it names a journal or a body.
    const before = tokens[start - 1]
    const after = tokens[end]
    if (before && /^\p{Lu}/u.test(before.text) && !/[,;:.!?()"“”]/u.test(gap(start))) continue
    if (after && (after.norm === 'of' || /^\p{Lu}/u.test(after.text) && !/[,;:.!?()"“”]/u.test(gap(end)))) continue
    // A person's possessive ends no name of a paper: "Tom Post's column".
    if (/['’]s$/u.test(tokens[last].text)) continue
    // Running text names a paper with "the" ("according to the Des Moines Register"); without it the words may be a
    // person's name ("Tom Post said"). A capitalised "The" opening the run is that article.
    const opensWithThe = tokens[start].norm === 'the'
    const article = opensWithThe ? start : start - 1
    if (!opensWithThe && (before?.norm !== 'the' || /[,;:.!?]/u.test(gap(start)))) continue
    if (end - (opensWithThe ? start + 1 : start) < 2) continue
    const name = opensWithThe ? start + 1 : start
    // Found already by a head ("the Harbour Ledger newspaper").
    if (found.some((f) => f.from < end && f.to > name)) continue
    found.push({from: article, to: end, outlet: patternOutlet(block.text.slice(tokens[name].index, tokens[last].end)), byPattern: true})
  }
}

let endingsOpenWithLetters: boolean | undefined
/** Whether every listed web-address ending opens with a letter: then an address needs a `.` right before a letter. */
function domainAfterLetter(): boolean {
  const endings = outletData().heads.domains ?? []
  return (endingsOpenWithLetters ??= endings.length > 0 && endings.every((ending) => ending.length > 0 && (unitClass(ending.charCodeAt(0)) & CHAR_LETTER) !== 0))
}

/** Whether a `.` stands right before a letter somewhere in the text: most blocks with no web address have none. */
function dotBeforeLetter(text: string): boolean {
  for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
    if (dot + 1 < text.length && unitClass(text.charCodeAt(dot + 1)) & CHAR_LETTER) return true
  }
  return false
}

/** "according to ouest-france.fr", «بحسب موقع elaph.com»: a web address named in the text is its site. */
function domainNames(block: ArticleBlock, tokens: readonly Token[], covered: (i: number) => boolean, found: FoundMention[]): void {
  const {domain} = readingWords()
  if (!block.text.includes('.') || (domainAfterLetter() && !dotBeforeLetter(block.text))) return
  domain.lastIndex = 0
  for (let m = domain.exec(block.text); m; m = domain.exec(block.text)) {
    const from = firstNotBefore(tokens, (token) => token.index < m!.index)
    let to = from
    while (to < tokens.length && tokens[to].end <= m.index + m[0].length) to++
    if (to <= from || !/\p{L}/u.test(m[0].split('.')[0])) continue
    let free = true
    for (let k = from; k < to; k++) if (covered(k)) free = false
    if (!free || found.some((f) => f.from < to && f.to > from)) continue
    // «موقع elaph.com»: an Arabic head just before the address belongs to the mention.
    const start = from > 0 && isHead(tokens[from - 1]) ? from - 1 : from
    found.push({from: start, to, outlet: patternOutlet(m[0]), byPattern: true, webAddress: true})
  }
}

interface CueHit {from: number; to: number; entry: LexiconEntry; sides: string[]}

/** Cues of a block that may cite an outlet, with the sides they cite it on in the block's language. */
function outletCues(article: Article, block: ArticleBlock): CueHit[] {
  const lang = block.lang === 'ar' || block.lang === 'en' ? block.lang : article.lang
  const hits: CueHit[] = []
  for (const match of article.lexicons.match.cues.findAll(block.tokens)) {
    const entry = match.value
    if (!entry.outletCue) continue
    const bySide = (entry.outletSide ?? {}) as Record<string, string[]>
    const script = isArabicWord(block.tokens[match.from].norm) ? 'ar' : 'en'
    const sides = bySide[script] ?? bySide[lang] ?? ['after']
    if (sides.length) hits.push({from: match.from, to: match.to, entry, sides})
  }
  return hits
}

/** Whether tokens [from, to) may stand between a cue and its outlet: a few link words, no clause break. */
function bridges(block: ArticleBlock, from: number, to: number, limit: number): boolean {
  if (to - from > limit) return false
  const {link, heads} = readingWords()
  for (let i = from; i < to; i++) {
    const norm = block.tokens[i].norm
    // A nationality before a head describes the outlet: "told French television station BFMTV".
    const nationality = /^\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch)$/u.test(block.tokens[i].text)
    if (!link.has(norm) && !heads.has(norm) && !isDescriptor(block.tokens[i]) && !nationality) return false
  }
  const gapStart = from > 0 ? block.tokens[from - 1].end : 0
  const gapEnd = to < block.tokens.length ? block.tokens[to].index : block.text.length
  return !CLAUSE_BREAK.test(block.text.slice(gapStart, gapEnd).replace(QUOTE_MARK, ''))
}

/** Whether the mention is the one spoken to: ل on its first word or just before it (لوكالة، لـ CNN), "to" before it. */
function isAddressee(block: ArticleBlock, from: number): boolean {
  const first = block.tokens[from]
  const before = block.tokens[from - 1]
  if (before && (before.norm === 'ل' || before.norm === 'to') && !CLAUSE_BREAK.test(block.text.slice(before.end, first.index))) return true
  return isArabicWord(first.norm) && /^[وف]?ل/u.test(first.norm) && first.stems.some((stem) => !stem.startsWith('ل'))
}

/** Whether what was said opens between two tokens («قال إن …», "said that …"): words after it are the statement. */
function opensClause(block: ArticleBlock, from: number, to: number): boolean {
  const {openers} = readingWords()
  for (let i = from; i < to; i++) if (openers.has(block.tokens[i].norm)) return true
  // A quotation opened on the way (not the marks around the name itself) holds what was said.
  return to > from && /["“«]/u.test(block.text.slice(block.tokens[from].index, block.tokens[to - 1].end))
}

const MAX_REACH = 16

/** The cue that makes a mention [from, to) the source of its sentence, if any. */
function citingCue(block: ArticleBlock, cues: readonly CueHit[], from: number, to: number, sentenceFrom: number, sentenceTo: number): CueHit | undefined {
  // Cues are in text order; a cue cites an outlet at most a dozen words away, so only a window is read.
  for (let k = firstNotBefore(cues, (cue) => cue.to < from - MAX_REACH); k < cues.length && cues[k].from <= to + MAX_REACH; k++) {
    const cue = cues[k]
    if (cue.from < sentenceFrom || cue.to > sentenceTo) continue
    if (cue.sides.includes('after') && cue.to <= from && bridges(block, cue.to, from, 3)) return cue
    if (cue.sides.includes('before') && cue.from >= to && bridges(block, to, cue.from, 2)) return cue
    if (cue.sides.includes('addressee') && cue.to <= from && from - cue.to <= 12 && isAddressee(block, from) && !opensClause(block, cue.to, from)) return cue
  }
  return undefined
}

/** A citation read from the words around the name rather than from a cue of cues.json: what it is, and its token range. */
interface FrameHit {from: number; to: number; entry: string}

/** Whether the text between two tokens holds a clause break (quotation marks aside). */
function breaksBetween(block: ArticleBlock, left: number, right: number): boolean {
  const start = left >= 0 ? block.tokens[left].end : 0
  const end = right < block.tokens.length ? block.tokens[right].index : block.text.length
  // The points of initials ("D.C.") break nothing.
  return CLAUSE_BREAK.test(block.text.slice(start, end).replace(QUOTE_MARK, '').replace(INITIAL_POINT, ''))
}

const INITIAL_POINT = /(?<=(?:^|[^\p{L}])\p{Lu})\./gu

/**
 * The frame that makes a mention [from, to) a cited source when no cue of cues.json does:
 * - a credit before it: "h/t: The Hill", or a bracketed tag that is only its name ("[WashPost]");
 * - its product after it: "a Washington Post-ABC News poll", "CNN polls", "the Reuters report";
 * - a statement or product before a preposition and it: "said this month on CNBC", "told Bill O'Reilly
 *   of Fox News", "a count by The Associated Press", «مقابلة في صحيفة الغارديان», «تقرير خاص لموقع …»;
 * - it as the subject of a report: "the Associated Press reports", "The Times said", «مجلة فوربس
 *   الأمريكية أنها …», «موقع … الإيراني أشار إلى أن».
 */
function framedCitation(block: ArticleBlock, tokens: readonly Token[], speech: readonly CueHit[], from: number, to: number, asMedium = true): FrameHit | undefined {
  const w = readingWords()
  const text = block.text
  // Credits.
  const tip = phraseBefore(tokens, from, w.hatTips)
  if (tip && /^[\s:：\-–—]*$/u.test(text.slice(tokens[from - 1].end, tokens[from].index))) return {from: from - tip, to: from, entry: 'frame:credit'}
  if (/\[\s*$/u.test(text.slice(Math.max(0, tokens[from].index - 3), tokens[from].index)) && /^\s*\]/u.test(text.slice(tokens[to - 1].end, tokens[to - 1].end + 3))) {
    return {from, to, entry: 'frame:credit'}
  }
  const arabic = isArabicWord(tokens[from].norm)
  // The outlet's product after its name (English word order).
  if (!arabic) {
    for (let k = to; k < tokens.length && k - to <= 4; k++) {
      if (CLAUSE_BREAK.test(text.slice(tokens[k - 1].end, tokens[k].index).replace(/[/\-–]/gu, ''))) break
      const product = phraseAt(tokens, k, w.products)
      // A product in title case ends the name when a lower-case word or a break follows it: "an ABC News/Washington Post
      // Poll released Sunday"; followed by more capitals it is part of a longer name.
      if (product && (/^\p{Ll}/u.test(tokens[k].text) || !/^\p{Lu}/u.test(tokens[k + product]?.text ?? ''))) return {from: k, to: k + product, entry: 'frame:product'}
      if (!/^\p{Lu}/u.test(tokens[k].text) && !phraseAt(tokens, k, w.modifiers)) break
    }
  }
  // A statement or product, then a preposition, then the outlet.
  let prep = from - 1
  // Words that may stand between the preposition and the name: "on Washington D.C.'s WMAL radio", "in the state-run …".
  const placeWord = (i: number) => /^\p{Lu}/u.test(tokens[i].text) || (tokens[i].norm === 's' && /['’]$/u.test(text.slice(0, tokens[i].index)))
  // And another name coordinated before it: "polls from Quinnipiac and Fox News", "a report by Human Rights Watch and the BBC".
  const coordinated = (i: number) => tokens[i].norm === 'and' && i > 0 && placeWord(i - 1)
  let crossed = false
  while (prep >= 0 && from - prep <= 4 && (w.link.has(tokens[prep].norm) || placeWord(prep) || coordinated(prep)) && !w.prepositions.has(tokens[prep].norm) && !w.ofPrepositions.has(tokens[prep].norm)) {
    if (coordinated(prep)) crossed = true
    prep--
  }
  let preposition = ''
  if (prep >= 0 && !breaksBetween(block, prep, from) && (w.prepositions.has(tokens[prep].norm) || w.ofPrepositions.has(tokens[prep].norm))) preposition = tokens[prep].norm
  else if (arabic && /^[وف]?ل/u.test(tokens[from].norm) && tokens[from].stems.some((stem) => !stem.startsWith('ل'))) {
    // «لموقع …», «لصحيفة …»: the preposition is a proclitic of the name's first word.
    preposition = 'ل'
    prep = from
  } else if (arabic && /^و/u.test(tokens[from].norm) && tokens[from].stems.some((stem) => !stem.startsWith('و'))) {
    // «استطلاع لجامعة كوينيبياك وشبكة فوكس نيوز»: a second name joined by «و» shares the first one's preposition.
    crossed = true
    for (let j = from - 1; j >= 0 && from - j <= 3 && !breaksBetween(block, j, j + 1); j--) {
      if (w.prepositions.has(tokens[j].norm) || w.ofPrepositions.has(tokens[j].norm)) {
        preposition = tokens[j].norm
        prep = j
        break
      }
      if (/^ل/u.test(tokens[j].norm) && tokens[j].stems.some((stem) => !stem.startsWith('ل'))) {
        preposition = 'ل'
        prep = j
        break
      }
    }
  }
  // A web address after a preposition is where something sits ("posted on example.com", "emails on the clinton.com
  // system"), not a medium that reports: only a cue or a report verb cites it.
  if (preposition && asMedium) {
    const ofOnly = w.ofPrepositions.has(preposition)
    const near = cuesNear(speech, prep - 8, prep)
    for (let k = prep - 1; k >= 0 && prep - k <= 7; k--) {
      if (breaksBetween(block, k, k + 1) || w.openers.has(tokens[k].norm)) break
      const product = phraseAt(tokens, k, w.products)
      // Over a first name that is no outlet, the product or cue stands right before the preposition ("polls from
      // Quinnipiac and Fox News"), not a clause away ("reporting covering K Street for Roll Call and the Legal Times").
      if (crossed && k + 1 < prep) break
      if (product && k + product <= prep) return {from: k, to: k + product, entry: 'frame:product'}
      const cue = near.find((hit) => hit.from <= k && k < hit.to)
      // "of X" / «من X» names the addressee's outlet only after a cue that is said to someone (told, an interview with):
      // after "according to" or "said" it is the speaker's employer ("according to John Post of the Dallas Morning News").
      if (cue && (!ofOnly || w.addressed.has(cue.entry.id)) && !opensClause(block, cue.to, from)) return {from: cue.from, to: cue.to, entry: cue.entry.id}
    }
  }
  // Inverted attribution after a quotation: `“…,” wrote the influential Edge magazine`, `“…,” said CNN`.
  for (const cue of cuesNear(speech, from - 3, from)) {
    if (cue.to > from || from - cue.to > 2 || breaksBetween(block, cue.to - 1, from)) continue
    // The outlet ends the speaker's phrase: `said MSNBC host Chris Matthews` names a person, not the outlet.
    const ends = to >= tokens.length || breaksBetween(block, to - 1, to) || w.prepositions.has(tokens[to].norm) || w.ofPrepositions.has(tokens[to].norm)
    const opening = text.slice(Math.max(0, tokens[cue.from].index - 4), tokens[cue.from].index)
    if (ends && /[,!?،]\s*["”»’]\s*$|["”»’]\s*[,،]\s*$/u.test(opening)) return {from: cue.from, to: cue.to, entry: cue.entry.id}
    // `…, reported the Washington Examiner.`: the cue and the outlet close the sentence after a comma.
    if (/[,،]\s*$/u.test(opening) && cue.sides.length && (to >= tokens.length || /^[\s"”»’)]*[.!?؟]/u.test(text.slice(tokens[to - 1].end)))) return {from: cue.from, to: cue.to, entry: cue.entry.id}
  }
  // The outlet as the subject of a report verb, or of a verb whose object is what was said ("that", «أن»);
  // not after a preposition, where it is no subject ("the management of RT said").
  const before = tokens[from - 1]
  if (before && !arabic && (w.prepositions.has(before.norm) || w.ofPrepositions.has(before.norm)) && !breaksBetween(block, from - 1, from)) return undefined
  let k = to
  // An adverb may stand between the subject and its verb: "Politico recently reported", "The Post even queried".
  const adverb = (token: Token) => /^\p{Ll}+ly$/u.test(token.text) || w.adverbs.has(token.norm)
  while (k < tokens.length && k - to < 3 && (arabic ? isDescriptor(tokens[k]) || w.adverbs.has(tokens[k].norm) : (w.link.has(tokens[k].norm) || adverb(tokens[k])) && !w.prepositions.has(tokens[k].norm)) && !breaksBetween(block, k - 1, k)) k++
  if (k < tokens.length && !breaksBetween(block, k - 1, k)) {
    const verb = phraseAt(tokens, k, w.subject)
    if (verb && (arabic || /^\p{Ll}/u.test(tokens[k].text))) return {from: k, to: k + verb, entry: 'frame:subject'}
    // Arabic: «وتقدر مجلة فوربس الأمريكية أنها …» (the verb before its subject), «موقع … أشار إلى أن»
    // (one verb after it): what was said follows the outlet.
    const next = tokens[k + 1]?.norm === 'الي' ? k + 2 : k + 1
    const word = tokens[k]
    if (arabic && w.openers.has(word.norm)) return {from: k, to: k + 1, entry: 'frame:subject'}
    if (arabic && isArabicWord(word.norm) && !w.prepositions.has(word.norm) && !w.particles.has(word.norm) && next < tokens.length && w.openers.has(tokens[next].norm) && !breaksBetween(block, k, next)) {
      return {from: k, to: k + 1, entry: 'frame:subject'}
    }
  }
  return undefined
}

/** The cues (in text order) that overlap tokens [lo, hi), found by binary search: a mention reads only the cues near it. */
function cuesNear(cues: readonly CueHit[], lo: number, hi: number): CueHit[] {
  const near: CueHit[] = []
  for (let k = firstNotBefore(cues, (cue) => cue.to <= lo); k < cues.length && cues[k].from < hi; k++) near.push(cues[k])
  return near
}

/** The outlets a link points to: the one its host belongs to, those its text names, and its text for outlets known only by pattern. */
interface LinkTarget {ids: Set<string>}
function linkTarget(article: Article, link: Link): LinkTarget {
  const ids = new Set(outletsIn(article, link.text).map((outlet) => outlet.id))
  const host = outletOfHost(article, link.host)
  if (host) ids.add(host.id)
  // Outlets known by pattern have no domains: a link names them by its words (any run of up to four).
  const words = tokenize(link.text).map((token) => token.norm)
  for (let i = 0; i < words.length; i++) for (let n = 1; n <= 4 && i + n <= words.length; n++) ids.add('pattern:' + words.slice(i, i + n).join(' '))
  return {ids}
}

/** The gazetteer outlet a host belongs to (the host or a parent domain is one of its domains). */
function outletOfHost(article: Article, host: string): OutletEntry | undefined {
  if (!host) return undefined
  let index = hostIndexes.get(article.lexicons.outlets)
  if (!index) {
    index = {byDomain: new Map(), sections: [], hosts: new BoundedCache(10_000)}
    for (const outlet of article.lexicons.outlets) {
      for (const domain of outlet.domains) {
        if (!domain.includes('/')) {
          if (!index.byDomain.has(domain.toLowerCase())) index.byDomain.set(domain.toLowerCase(), outlet)
        } else {
          index.sections.push({site: domain.split('/')[0], outlet})
        }
      }
    }
    hostIndexes.set(article.lexicons.outlets, index)
  }
  // Articles link the same few hosts over and over: each host is looked up once per process (bounded).
  let outlet = index.hosts.get(host)
  if (outlet === undefined) {
    outlet = findOutletOfHost(index, host) ?? null
    index.hosts.set(host, outlet)
  }
  return outlet ?? undefined
}

interface HostIndex {
  byDomain: Map<string, OutletEntry>
  /** Domains that are a section of a site (bbc.com/arabic), in gazetteer order, with their site. */
  sections: Array<{site: string; outlet: OutletEntry}>
  hosts: BoundedCache<string, OutletEntry | null>
}
const hostIndexes = new WeakMap<OutletEntry[], HostIndex>()

function findOutletOfHost(index: HostIndex, host: string): OutletEntry | undefined {
  const labels = host.split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    const outlet = index.byDomain.get(labels.slice(i).join('.'))
    if (outlet) return outlet
  }
  // Outlets known only by a section of another site (bbc.com/arabic) are found by their site.
  return index.sections.find((section) => hostMatches(host, section.site))?.outlet
}

/** The gazetteer outlets a short text names (a link's text, a byline, frontmatter `publisher`). */
export function outletsIn(article: Article, text: string): OutletEntry[] {
  const tokens = matchTokens(tokenize(text))
  return article.lexicons.match.outlets.findAll(tokens).filter((match) => !match.value.ambiguous || tokens.length <= match.to - match.from + 2).map((match) => match.value.outlet)
}

const TOP_BLOCKS = 6
const DATELINE = /^[^()]{0,80}\(([^()]{2,40})\)\s*(?:--?|—|–|:)/u

/** The article's publishers: frontmatter or config `publisher`, bylines and datelines that name an outlet, a line that is only an outlet's name. */
function findPublishers(article: Article, mentionsOf: (block: ArticleBlock) => Array<{from: number; to: number; outlet: OutletEntry}>): OutletEntry[] {
  const publishers: OutletEntry[] = []
  for (const name of article.publisherNames) {
    publishers.push(...outletsIn(article, name))
    publishers.push(patternOutlet(name))
  }
  // Bylines and datelines sit at the top of a story: its first few blocks.
  for (const block of article.blocks.slice(0, TOP_BLOCKS)) {
    if (block.role === 'title' || block.inBlockquote) continue
    const dateline = DATELINE.exec(block.text)
    if (dateline) publishers.push(...outletsIn(article, dateline[1]))
    const mentions = mentionsOf(block)
    if (!mentions.length) continue
    const named = mentions.reduce((sum, m) => sum + m.to - m.from, 0)
    // «فرانس 24», «أبوظبي - سكاي نيوز عربية», "By Jane Doe, Reuters": a credit line, not a citation.
    const creditLine = block.kind === 'paragraph' && block.tokens.length - named <= 2 && !/[.!?؟]\s*$/u.test(block.text) &&
      !article.lexicons.match.cues.findAll(block.tokens).length
    if (block.role === 'byline' || block.role === 'dateline' || creditLine) publishers.push(...mentions.map((m) => m.outlet))
  }
  return publishers
}

/** Every outlet mention of the article, in story text, classed as cited or merely mentioned, linked or not. */
export function findOutletMentions(article: Article): OutletMention[] {
  const byBlock = new Map<ArticleBlock, ReturnType<typeof mentionsIn>>()
  const mentionsOf = (block: ArticleBlock) => {
    let found = byBlock.get(block)
    if (!found) byBlock.set(block, (found = mentionsIn(article, block)))
    return found
  }
  const publishers = findPublishers(article, mentionsOf)
  const isPublisher = (outlet: OutletEntry) => publishers.some((p) => p.id === outlet.id || (p.group && p.group === outlet.group))
  // What the article's definitions, footnotes, frontmatter and sources section point to, read once.
  let allSources: Set<string> | undefined
  const sources = () => (allSources ??= new Set(article.links.articleSources.flatMap((link) => [...linkTarget(article, link).ids])))
  const mentions: OutletMention[] = []
  for (const block of article.blocks) {
    if (!article.isStoryText(block) || !block.tokens.length) continue
    const found = mentionsOf(block)
    if (!found.length) continue
    const cues = outletCues(article, block)
    const tokens = matchTokens(block.tokens)
    let speech: CueHit[] | undefined
    const start = mentions.length
    const inBlock = linksIn(article.links.inText, block.start, block.end).map((link) => linkTarget(article, link))
    const linkedInBlock = new Set(inBlock.flatMap((target) => [...target.ids]))
    for (const m of found) {
      let from = block.tokens[m.from].index
      let to = block.tokens[m.to - 1].end
      // Take in the closing mark of a name opened inside the span: «سانا», (وام).
      const inner = block.text.slice(from, to)
      const opened = (inner.match(/[“«(‘]/gu)?.length ?? 0) + ((inner.match(/"/gu)?.length ?? 0) % 2)
      if (/["”»)’]/u.test(block.text[to] ?? '') && opened > (inner.match(/[”»)’]/gu)?.length ?? 0)) to++
      // A name quoted whole («سكاي نيوز», "Sky News") is taken with its marks.
      if (/[«“"]/u.test(block.text[from - 1] ?? '') && /[»”"]/u.test(block.text[to] ?? '')) {
        from--
        to++
      }
      const sentence = sentenceIndexAt(block, from)
      const bounds = block.sentences[sentence] ?? {start: 0, end: block.text.length}
      let citing = citingCue(block, cues, m.from, m.to, tokenAt(block.tokens, bounds.start), tokenAt(block.tokens, bounds.end))
      // A web address before a word may modify it ("the clinton.com email system"): after one, only a report verb cites it.
      if (citing && m.webAddress && citing.from >= m.to && !phraseAt(tokens, citing.from, readingWords().subject)) citing = undefined
      let cue: FrameHit | undefined = citing ? {from: citing.from, to: citing.to, entry: citing.entry.id}
        : framedCitation(block, tokens, (speech ??= allCues(article, block)), m.from, m.to, !m.webAddress)
      // "according to USA TODAY contributor David Marsh", "a tweet from a CNN reporter": the outlet is the person's
      // employer; it is the source only when the person was told something or interviewed, or the outlet reported.
      if (cue && employs(block, tokens, m.to) && !readingWords().addressed.has(cue.entry)) cue = undefined
      const linked = linkedInBlock.has(m.outlet.id) || sources().has(m.outlet.id)
      mentions.push({
        block, sentence, from, to, outlet: m.outlet, byPattern: m.byPattern, citedAsSource: Boolean(cue),
        cue: cue && {from: block.tokens[cue.from].index, to: block.tokens[cue.to - 1].end, entry: cue.entry},
        linked, publisher: isPublisher(m.outlet)
      })
    }
    citeCoordinated(block, mentions, start)
  }
  return mentions
}

/** Whether a word for an outlet's staff follows the English mention ending at token `to` ("Fox News reporter Ed Henry", "CNN's host"). */
function employs(block: ArticleBlock, tokens: readonly Token[], to: number): boolean {
  if (to >= tokens.length || isArabicWord(tokens[to].norm)) return false
  // "CNN's Jake Tapper" is read elsewhere; here only the staff word, after the name or its possessive.
  const at = tokens[to].norm === 's' && /['’]$/u.test(block.text.slice(tokens[to - 1].end, tokens[to].index)) ? to + 1 : to
  return at < tokens.length && !breaksBetween(block, to - 1, at) && phraseAt(tokens, at, readingWords().staff) > 0
}

/** Every cue of cues.json in a block, with the sides on which it cites outlets (none for most English speech verbs). */
function allCues(article: Article, block: ArticleBlock): CueHit[] {
  const cited = new Map(outletCues(article, block).map((hit) => [hit.from, hit]))
  return article.lexicons.match.cues.findAll(block.tokens).map((match) => cited.get(match.from) ?? {from: match.from, to: match.to, entry: match.value, sides: []})
}

const COORDINATION = /^\s*(?:,|،|\/|&|and|or|as well as|و)?\s*(?:both\s+)?(?:the\s+)?$/iu

/**
 * Outlets joined by "and", "or", a comma or «و» share their frame: "told the New York Times and CNN",
 * "Both The New York Times and the Wall Street Journal confirmed", «ذكرت صحيفة X وقناة Y».
 */
function citeCoordinated(block: ArticleBlock, mentions: OutletMention[], start: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = start + 1; i < mentions.length; i++) {
      const a = mentions[i - 1]
      const b = mentions[i]
      if (a.citedAsSource === b.citedAsSource || a.sentence !== b.sentence) continue
      // «وقناة»: the conjunction is a proclitic of the second name.
      const gap = block.text.slice(a.to, b.from) + (isArabicWord(b.block.text.slice(b.from, b.from + 1)) && /^و/u.test(block.text.slice(b.from, b.to)) && !/^و/u.test(normalize(b.outlet.name)) ? 'و' : '')
      if (!COORDINATION.test(gap.replace(/^\s*[»”"]\s*/u, '').replace(/\s*[«“"]\s*$/u, ''))) continue
      const cited = a.citedAsSource ? a : b
      const other = a.citedAsSource ? b : a
      other.citedAsSource = true
      other.cue = cited.cue
    }
  }
}

/** Links (sorted by start) that lie within [start, end), by binary search. */
function linksIn(links: readonly Link[], start: number, end: number): Link[] {
  const lo = firstStartingFrom(links, start)
  const found: Link[] = []
  for (let i = lo; i < links.length && links[i].start < end; i++) if (links[i].end <= end) found.push(links[i])
  return found
}


export interface LinkMismatch {
  link: Link
  /** The outlet the link's text names. */
  named: OutletEntry
  /** The outlet the link's host belongs to. */
  host: OutletEntry
}

/** Links whose text names one outlet while their host belongs to another organisation. */
export function findLinkMismatches(article: Article): LinkMismatch[] {
  const mismatches: LinkMismatch[] = []
  for (const link of article.links.inText) {
    if (!link.text || !link.host) continue
    const hostOutlet = outletOfHost(article, link.host)
    if (!hostOutlet) continue
    const named = outletsIn(article, link.text)
    if (!named.length || named.some((outlet) => outlet.id === hostOutlet.id || (outlet.group && outlet.group === hostOutlet.group))) continue
    mismatches.push({link, named: named[0], host: hostOutlet})
  }
  return mismatches
}

export interface UndefinedReference {
  span: Span
  /** The reference as written: `[text][label]`, `[text][]`, `[^1]`. */
  text: string
  kind: 'reference' | 'footnote'
}

/**
 * Reference links and footnote calls with no definition, as remark-lint-no-undefined-references
 * finds them (markdown leaves an undefined `[text][label]` as plain text, so only that rule's
 * reading of the brackets finds them). Run through the package, on a scratch file.
 */
export function findUndefinedReferences(article: Article): UndefinedReference[] {
  // Only a text with «[^» or «] [» can hold what is kept below: other files skip the package's walk of the whole tree.
  // The text the parser read: a shortcode in a reference definition is hidden there, not a broken definition.
  if (!article.parsed.includes('[^') && !/\]\s*\[/u.test(article.parsed)) return []
  const scratch = new VFile({value: article.parsed, path: article.file.path})
  const transformer = (remarkLintNoUndefinedReferences as unknown as (options?: unknown) => (tree: Root, file: VFile, next: () => void) => void)()
  transformer(article.tree, scratch, () => {})
  const found: UndefinedReference[] = []
  for (const message of scratch.messages) {
    if (!message.place || !('start' in message.place)) continue
    const start = message.place.start.offset ?? 0
    const text = article.parsed.slice(start, message.place.end.offset ?? start)
    const kind = text.startsWith('[^') ? 'footnote' : /\]\s*\[/u.test(text) ? 'reference' : undefined
    // A lone "[word]" in news copy is an editor's insertion inside a quotation ("[the company]"), not a link.
    if (kind) found.push({span: {start: article.point(start), end: article.point(start + text.length)}, text, kind})
  }
  return found
}
