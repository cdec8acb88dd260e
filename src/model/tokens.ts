/**
 * Words of a text, with Unicode-aware boundaries and exact offsets.
 *
 * `\b` in JavaScript only knows ASCII word characters, so it never matches beside Arabic
 * letters; words are runs of letters, marks and digits instead.
 */
import {astralClass, CHAR_LETTER, CHAR_MARK, CHAR_NUMBER, normalize, unitClass, withoutProclitics} from './normalize.js'

export interface Token {
  /** The word as written. */
  text: string
  /** The word normalised for matching (see normalize.ts). */
  norm: string
  /** `withoutProclitics(norm)`: the forms of an Arabic word without its proclitics, longest first (none for other words). */
  stems: readonly string[]
  /**
   * The identity of the word's forms (`norm` and `stems`): the same for the tokens of one word as
   * written, never the same for two different forms; lexicon matchers keep per-word answers by it.
   */
  wordId: number
  /** Offset of the word in the text it was read from (a block's plain text). */
  index: number
  /** Offset just past the word in that text. */
  end: number
}

const WORD_CHAR = CHAR_LETTER | CHAR_MARK | CHAR_NUMBER

/**
 * The words of `text`, in order: what `/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu` matches,
 * read from the table of code-unit classes (this runs over every character of the article,
 * and the expression cost a match object per word and a class search per character).
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  let i = from
  while (i < to) {
    const first = unitsOf(text, i, WORD_CHAR)
    if (!first) {
      i++
      continue
    }
    const start = i
    i += first
    for (let units = unitsOf(text, i, WORD_CHAR); units; units = unitsOf(text, i, WORD_CHAR)) i += units
    const apostrophe = text.charCodeAt(i)
    if ((apostrophe === 0x27 || apostrophe === 0x2019) && unitsOf(text, i + 1, CHAR_LETTER)) {
      i++
      for (let units = unitsOf(text, i, CHAR_LETTER); units; units = unitsOf(text, i, CHAR_LETTER)) i += units
    }
    const forms = formsAt(text, start, i)
    tokens.push({text: forms.word, norm: forms.norm, stems: forms.stems, wordId: forms.id, index: start, end: i})
  }
  return tokens
}

/**
 * Length in code units (1, or 2 for a surrogate pair) of the character at `i` when it has one
 * of the classes `wanted`; 0 when it has none or `i` is past the end. A lone surrogate has none.
 */
function unitsOf(text: string, i: number, wanted: number): number {
  if (i >= text.length) return 0
  const code = text.charCodeAt(i)
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    return astralClass(text.slice(i, i + 2)) & wanted ? 2 : 0
  }
  return unitClass(code) & wanted ? 1 : 0
}

// The normal form and the stems of each word met, kept across files: every repeat of a word then
// shares one string (its text too, so a repeat is never sliced out of the text), the many lexicon and
// stopword lookups of its token hash it once, and lexicon matching reads its stems from the token.
// An open-addressing table keyed by the word's code units, so that a word is looked up where it
// stands in the text; emptied when it holds WORD_LIMIT words, so a file of endless distinct words
// cannot grow it without end.
interface WordForms {word: string; norm: string; stems: readonly string[]; id: number}
const WORD_SLOTS = 1 << 17
const WORD_LIMIT = 50_000
let wordTable: Array<WordForms | undefined> = new Array(WORD_SLOTS)
// The hash of each kept word, by slot: most probes are told apart without reading the word.
const wordHashes = new Int32Array(WORD_SLOTS)
let wordsKept = 0
// Identities of word forms are never reused, also after the table above was emptied.
let nextWordId = 0

function formsAt(text: string, start: number, end: number): WordForms {
  let hash = 0
  for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + text.charCodeAt(k)) | 0
  // Mixed, so that words alike (one letter apart) land far apart and probes stay short.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
  hash ^= hash >>> 16
  const length = end - start
  let slot = hash & (WORD_SLOTS - 1)
  for (let kept = wordTable[slot]; kept !== undefined; kept = wordTable[slot]) {
    if (wordHashes[slot] === hash && kept.word.length === length && text.startsWith(kept.word, start)) return kept
    slot = (slot + 1) & (WORD_SLOTS - 1)
  }
  if (wordsKept >= WORD_LIMIT) {
    wordTable = new Array(WORD_SLOTS)
    wordsKept = 0
    slot = hash & (WORD_SLOTS - 1)
  }
  const word = text.slice(start, end)
  const norm = normalize(word)
  const forms = {word, norm, stems: withoutProclitics(norm), id: nextWordId++}
  wordTable[slot] = forms
  wordHashes[slot] = hash
  wordsKept++
  return forms
}

/**
 * The number of matches of `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu` in `text`, counted from the table of code-unit
 * classes without making the matches (quotations are measured in words again and again).
 */
export function countWords(text: string): number {
  let count = 0
  let i = 0
  while (i < text.length) {
    const first = unitsOf(text, i, CHAR_LETTER | CHAR_NUMBER)
    if (!first) {
      i++
      continue
    }
    i += first
    for (let units = unitsOf(text, i, CHAR_LETTER | CHAR_NUMBER); units; units = unitsOf(text, i, CHAR_LETTER | CHAR_NUMBER)) i += units
    const apostrophe = text.charCodeAt(i)
    if ((apostrophe === 0x27 || apostrophe === 0x2019) && unitsOf(text, i + 1, CHAR_LETTER)) {
      i++
      for (let units = unitsOf(text, i, CHAR_LETTER); units; units = unitsOf(text, i, CHAR_LETTER)) i += units
    }
    count++
  }
  return count
}

/** A token read as another normal form (an English possessive without its 's); its stems are kept. */
export function withNorm(token: Token, norm: string): Token {
  return {text: token.text, norm, stems: token.stems, wordId: nextWordId++, index: token.index, end: token.end}
}

/** Index of the first item of a sorted list for which `isBefore` is false (every earlier one is before it), or `items.length`: a binary search. */
export function firstNotBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (isBefore(items[mid])) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first item (sorted by position) that ends after `offset`, or `items.length`. */
export function firstEndingAfter(items: ReadonlyArray<{end: number}>, offset: number): number {
  return firstNotBefore(items, (item) => item.end <= offset)
}

/** Index of the first item (sorted by start) that starts at or after `offset`, or `items.length`. */
export function firstStartingFrom(items: ReadonlyArray<{start: number}>, offset: number): number {
  return firstNotBefore(items, (item) => item.start < offset)
}

/** Index of the first token that ends after `offset`, or `tokens.length`. */
export const tokenAt: (tokens: readonly Token[], offset: number) => number = firstEndingAfter
