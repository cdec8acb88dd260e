/**
 * Normalisation of words for matching, with a map back to the source.
 *
 * Arabic is written with optional marks and several spellings of the same letter, so
 * «أكّد» and «اكد» must match the same lexicon form. Matching therefore runs over a
 * normalised copy of each word; positions always come from the source word.
 */

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

/** Normalise a word (or phrase) for matching: lower case, marks stripped, letters folded. */
export function normalize(text: string): string {
  let out = ''
  for (const ch of text) out += foldChar(ch)
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

/** Whether a (normalised) word is written in Arabic script. */
export function isArabicWord(word: string): boolean {
  return ARABIC_LETTER.test(word)
}

// Proclitics that attach to the first word of a phrase: conjunctions و ف, prepositions ب ل ك,
// their combinations, and the article ال (with ل+ال written لل).
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'وب', 'ول', 'فب', 'فل', 'وك', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك']

/**
 * The forms of a normalised Arabic word with its proclitics removed, longest stem first.
 * «وبحسب» → [«بحسب», «حسب»]. Only stems of at least two letters are returned.
 */
export function withoutProclitics(word: string): string[] {
  const stems: string[] = []
  if (!isArabicWord(word)) return stems
  for (const clitic of PROCLITICS) {
    if (word.length - clitic.length >= 2 && word.startsWith(clitic)) {
      const stem = word.slice(clitic.length)
      if (clitic === 'لل') stems.push('ال' + stem)
      if (!stems.includes(stem)) stems.push(stem)
    }
  }
  return stems.sort((a, b) => b.length - a.length)
}

/** Whether a normalised word carries the definite article (possibly after a proclitic). */
export function isDefiniteArabic(word: string): boolean {
  return /^(?:[وف]?[بلك]?ال|[وف]?لل)/u.test(word) && word.length > 3
}
