/**
 * Sentences of a block, by `Intl.Segmenter` with an abbreviation guard.
 *
 * ICU ends a sentence after "Mr." or «د.»; the guard joins such a segment with the next.
 * Arabic punctuation: ؟ ends a sentence, ، and ؛ do not (ICU already agrees).
 */
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
  const match = /(?:^|[\s(«“"'])([\p{L}.]+)\.\s*$/u.exec(segment)
  if (!match) return false
  const word = match[1]
  if (ABBREVIATIONS.has(word.toLowerCase())) return true
  // A single capital letter is an initial: "Donald J. Trump".
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)
}

/** Split a block's plain text into sentences. */
export function splitSentences(text: string, lang: string): Sentence[] {
  const sentences: Sentence[] = []
  let pending: {start: number; end: number} | undefined
  for (const {segment, index} of segmenter(lang).segment(text)) {
    const start = pending ? pending.start : index
    const end = index + segment.length
    if (endsInAbbreviation(segment) && end < text.length) {
      pending = {start, end}
      continue
    }
    pending = undefined
    pushTrimmed(sentences, text, start, end)
  }
  if (pending) pushTrimmed(sentences, text, pending.start, pending.end)
  return sentences
}

function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number): void {
  while (end > start && /\s/u.test(text[end - 1])) end--
  while (start < end && /\s/u.test(text[start])) start++
  if (end > start) sentences.push({start, end, text: text.slice(start, end)})
}
