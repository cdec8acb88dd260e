/**
 * Normalisation of words for matching, with a map back to the source.
 *
 * Arabic is written with optional marks and several spellings of the same letter, so
 * «أكّد» and «اكد» must match the same lexicon form. Matching therefore runs over a
 * normalised copy of each word; positions always come from the source word.
 */
import {BoundedCache} from './bounded-cache.js'

// Harakat (fathatan … sukun, maddah, hamza above/below), superscript alef, Quranic marks.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/u
const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ة': 'ه',
  // Hamza on a seat is spelt either way («مسؤول», «مسئول»): both fold to the bare hamza.
  'ؤ': 'ء', 'ئ': 'ء',
  // Persian/Urdu forms seen in scraped Arabic text.
  'ی': 'ي', 'ک': 'ك',
  // Typographic apostrophes fold to the ASCII one.
  '\u2019': "'", '\u2018': "'"
}

/** Value of an Arabic-Indic or extended Arabic-Indic digit, as an ASCII digit. */
function foldDigit(code: number): string | undefined {
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  return undefined
}

/** Normalised form of one character, or '' when it is dropped. */
function foldChar(ch: string): string {
  if (ARABIC_MARKS.test(ch)) return ''
  const digit = foldDigit(ch.charCodeAt(0))
  if (digit !== undefined) return digit
  return FOLD[ch] ?? ch.toLowerCase()
}

// foldChar of each UTF-16 code unit, filled on first use: normalising runs over every word of
// every file, and a table read allocates nothing where a regex test per character did.
const foldedUnits: Array<string | undefined> = []

function foldUnit(code: number): string {
  let folded = foldedUnits[code]
  if (folded === undefined) folded = foldedUnits[code] = foldChar(String.fromCharCode(code))
  return folded
}

/** Whether normalising drops the code unit `code` (an Arabic mark or the tatweel). */
export function isDroppedUnit(code: number): boolean {
  return foldUnit(code) === ''
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** Normalise a word (or phrase) for matching: lower case, marks stripped, letters folded. */
export function normalize(text: string): string {
  // Most words are already normal (lower-case English, unmarked Arabic): return them as they are.
  let i = 0
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isHighSurrogate(code) || foldUnit(code) !== text[i]) break
  }
  if (i === text.length) return text
  let out = text.slice(0, i)
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A character beyond the BMP: rare, folded as a whole.
      out += foldChar(text.slice(i, i + 2))
      i++
    } else {
      out += foldUnit(code)
    }
  }
  return out
}

export interface NormalizedText {
  /** The normalised text. */
  text: string
  /** `offsets[i]` is the offset in the source of the character at `i` in `text`; one extra entry for the end. */
  offsets: Int32Array
}

/** Normalise a text and keep, for each output character, its offset in the source. */
export function normalizeWithMap(source: string): NormalizedText {
  let text = ''
  const offsets: number[] = []
  let index = 0
  for (const ch of source) {
    const folded = foldChar(ch)
    for (let k = 0; k < folded.length; k++) offsets.push(index)
    text += folded
    index += ch.length
  }
  offsets.push(index)
  return {text, offsets: Int32Array.from(offsets)}
}

const ARABIC_LETTER = /\p{Script=Arabic}/u
const LETTER = /\p{L}/u
const LATIN_LETTER = /\p{Script=Latin}/u

// Classes of each UTF-16 code unit (bit flags), filled on first use, for loops over every character of a text.
const KNOWN = 1
/** `\p{L}` */
export const CHAR_LETTER = 2
/** `\p{Script=Arabic}` */
export const CHAR_ARABIC = 4
/** `\p{Script=Latin}` */
export const CHAR_LATIN = 8
/** `\p{N}` */
export const CHAR_NUMBER = 16
/** `\p{M}` */
export const CHAR_MARK = 32
const NUMBER = /\p{N}/u
const MARK = /\p{M}/u
const unitClasses = new Uint8Array(0x10000)

/**
 * The classes of the code unit `code` (CHAR_LETTER, CHAR_ARABIC, CHAR_LATIN, CHAR_NUMBER, CHAR_MARK), as the regular
 * expressions read it on its own. A surrogate of a pair has none: callers read pairs whole.
 */
export function unitClass(code: number): number {
  let flags = unitClasses[code]
  if (!flags) {
    const ch = String.fromCharCode(code)
    flags = classOf(ch)
    unitClasses[code] = flags
  }
  return flags
}

function classOf(ch: string): number {
  return KNOWN | (LETTER.test(ch) ? CHAR_LETTER : 0) | (ARABIC_LETTER.test(ch) ? CHAR_ARABIC : 0) | (LATIN_LETTER.test(ch) ? CHAR_LATIN : 0) |
    (NUMBER.test(ch) ? CHAR_NUMBER : 0) | (MARK.test(ch) ? CHAR_MARK : 0)
}

/** The classes of a character beyond the BMP (a surrogate pair, as a string). */
export function astralClass(ch: string): number {
  return classOf(ch)
}

/** Whether a (normalised) word is written in Arabic script. */
export function isArabicWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    // Arabic letters beyond the BMP (mathematical symbols) are left to the regular expression.
    if (isHighSurrogate(code)) return ARABIC_LETTER.test(word)
    if (unitClass(code) & CHAR_ARABIC) return true
  }
  return false
}

// Proclitics that attach to the first word of a phrase: conjunctions و ف, prepositions ب ل ك,
// their combinations, and the article ال (with ل+ال written لل).
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'وب', 'ول', 'فب', 'فل', 'وك', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك']

/**
 * The forms of a normalised Arabic word with its proclitics removed, longest stem first.
 * «وبحسب» → [«بحسب», «حسب»]. Only stems of at least two letters are returned.
 */
export function withoutProclitics(word: string): readonly string[] {
  let stems = procliticStems.get(word)
  if (!stems) {
    stems = strippedForms(word)
    procliticStems.set(word, stems)
  }
  return stems
}

// The stems of each word, kept across files: lexicon matching asks for them at every token.
const procliticStems = new BoundedCache<string, readonly string[]>()
const NO_STEMS: readonly string[] = Object.freeze([])

function strippedForms(word: string): readonly string[] {
  if (!isArabicWord(word)) return NO_STEMS
  const stems: string[] = []
  for (const clitic of PROCLITICS) {
    if (word.length - clitic.length >= 2 && word.startsWith(clitic)) {
      const stem = word.slice(clitic.length)
      if (clitic === 'لل') stems.push('ال' + stem)
      if (!stems.includes(stem)) stems.push(stem)
    }
  }
  return Object.freeze(stems.sort((a, b) => b.length - a.length))
}

/** Whether a normalised word carries the definite article (possibly after a proclitic). */
export function isDefiniteArabic(word: string): boolean {
  return /^(?:[وف]?[بلك]?ال|[وف]?لل)/u.test(word) && word.length > 3
}
