/**
 * Sentences of a block, by `Intl.Segmenter` with an abbreviation guard.
 *
 * ICU ends a sentence after "Mr." or «د.»; the guard joins such a segment with the next.
 * Arabic punctuation: ؟ ends a sentence, ، and ؛ do not (ICU already agrees).
 */
import {CHAR_LETTER, CHAR_MARK, CHAR_NUMBER, unitClass} from './normalize.js'

export interface Sentence {
  /** Offset of the sentence in its block's plain text. */
  start: number
  /** Offset just past the sentence (trailing spaces excluded). */
  end: number
  text: string
}

// Lower-cased abbreviations that end in a period but do not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm',
  'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb', 'supt', 'insp', 'det', 'cmdr', 'cdr', 'brig', 'fr',
  'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'f.b.i', 'c.i.a', 'u.s.a', 'n.y', 'l.a', 'vs', 'etc', 'e.g', 'i.e',
  'inc', 'co', 'corp', 'ltd', 'bros', 'dept', 'univ', 'assn', 'ave', 'blvd', 'mt', 'ft', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // Arabic titles: د. (doctor), م. (engineer), أ. (professor), ج. (sometimes for جنيه), ص. (page)
  'د', 'م', 'أ', 'ا', 'ج', 'ص', 'س', 'ق'
])

const segmenters = new Map<string, Intl.Segmenter>()
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang)
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, {granularity: 'sentence'})
    segmenters.set(lang, s)
  }
  return s
}

/** Whether a segment ends in an abbreviation or an initial ("J.") rather than a full stop. */
function endsInAbbreviation(segment: string): boolean {
  // Most segments do not end in a period: those are told without running the expression.
  let last = segment.length - 1
  while (last >= 0 && isSpace(segment.charCodeAt(last))) last--
  if (last < 0 || segment.charCodeAt(last) !== 0x2e) return false
  const match = /(?:^|[\s(«“"'])([\p{L}.]+)\.\s*$/u.exec(segment)
  if (!match) return false
  const word = match[1]
  if (ABBREVIATIONS.has(word.toLowerCase())) return true
  // A single capital letter is an initial: "Donald J. Trump".
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)
}

/** Whether a UTF-16 code unit is white space as `\s` reads it (WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

// ICU's sentence iterator, as V8 runs it, slows down sharply on long strings (a 200 KB
// paragraph takes seconds, quadratically more beyond), so long texts are segmented in
// pieces cut where a sentence surely ends.
const PIECE = 8192

/** Start offsets of the pieces of a long text, each cut after sentence punctuation and a space when there is one. */
function pieces(text: string): number[] {
  const starts = [0]
  let start = 0
  while (text.length - start > PIECE) {
    let cut = -1
    let space = -1
    for (let i = start + PIECE; i > start + PIECE / 2; i--) {
      if (!/\s/u.test(text[i])) continue
      if (space < 0) space = i
      if (/[.!?؟…]["'»”)\]]*$/u.test(text.slice(Math.max(start, i - 4), i))) {
        cut = i
        break
      }
    }
    start = (cut > 0 ? cut : space > 0 ? space : start + PIECE) + 1
    starts.push(start)
  }
  return starts
}

// Punctuation that never ends a sentence for ICU (none is a sentence terminal, a full stop or a
// paragraph separator of Unicode's sentence rules): texts made of these, letters, marks, digits
// and spaces are one sentence.
const NEUTRAL = new Set(Array.from(' \t\u00a0,;:\'"()[]{}«»“”„‘’‹›-–—/\\%&+*=#@$€£،؛٪ـ|~^_<>', (ch) => ch.charCodeAt(0)))
const TERMINALS = new Set(Array.from('.!?؟', (ch) => ch.charCodeAt(0)))
const CLOSERS = new Set(Array.from(')]»”’"\'', (ch) => ch.charCodeAt(0)))
const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0xa0

/**
 * Whether a text is surely one sentence: neutral characters only, but for the end of a
 * sentence at its very end (sentence punctuation, then closing marks, then spaces). Most blocks
 * of an article are (headlines, one-sentence paragraphs), and ICU's iterator costs far more
 * per call than this one look.
 */
function isOneSentence(text: string): boolean {
  if (text.length > PIECE) return false
  let end = text.length
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--
  while (end > 0 && CLOSERS.has(text.charCodeAt(end - 1))) end--
  while (end > 0 && TERMINALS.has(text.charCodeAt(end - 1))) end--
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (!(unitClass(code) & (CHAR_LETTER | CHAR_MARK | CHAR_NUMBER)) && !NEUTRAL.has(code)) return false
  }
  return true
}

/** Split a block's plain text into sentences. */
export function splitSentences(text: string, lang: string): Sentence[] {
  const sentences: Sentence[] = []
  if (isOneSentence(text)) {
    pushTrimmed(sentences, text, 0, text.length)
    return sentences
  }
  let pending: {start: number; end: number} | undefined
  const starts = pieces(text)
  for (const [n, from] of starts.entries()) {
    const to = starts[n + 1] ?? text.length
    for (const {segment, index: at} of segmenter(lang).segment(to - from === text.length ? text : text.slice(from, to))) {
      const index = from + at
      const start = pending ? pending.start : index
      const end = index + segment.length
      if (endsInAbbreviation(segment) && end < text.length) {
        pending = {start, end}
        continue
      }
      pending = undefined
      pushTrimmed(sentences, text, start, end)
    }
  }
  if (pending) pushTrimmed(sentences, text, pending.start, pending.end)
  return sentences
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number): void {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  while (start < end && isSpace(text.charCodeAt(start))) start++
  if (end > start) sentences.push({start, end, text: text.slice(start, end)})
}

/** Values kept per sentence of an article, by block index and sentence index (no key strings to build and hash). */
export class PerSentence<T> {
  private readonly blocks: Array<Array<T | undefined> | undefined> = []

  get(block: number, sentence: number): T | undefined {
    return sentence >= 0 ? this.blocks[block]?.[sentence] : undefined
  }

  set(block: number, sentence: number, value: T): void {
    ;(this.blocks[block] ??= [])[sentence] = value
  }

  has(block: number, sentence: number): boolean {
    return this.get(block, sentence) !== undefined
  }
}
