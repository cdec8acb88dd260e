/**
 * Language of an article and of its blocks.
 *
 * Lexicon rules need to know which lexicon applies; every other check works in any
 * language. The share of Arabic letters decides Arabic; for Latin-script text a few very
 * common function words tell English from the other languages the dev sets hold.
 */
import {astralClass, CHAR_ARABIC, CHAR_LATIN, CHAR_LETTER, unitClass} from './normalize.js'
import type {Token} from './tokens.js'

const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'on', 'with', 'said', 'it', 'as', 'are', 'by', 'be', 'this', 'have', 'has', 'from', 'an', 'at', 'not', 'but', 'they', 'which', 'who']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'dem', 'auch', 'es', 'im', 'wird', 'sie', 'wir', 'bei', 'oder', 'nach', 'aus', 'wie']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'du', 'une', 'un', 'dans', 'pour', 'qui', 'que', 'pas', 'sur', 'au', 'avec', 'il', 'ce', 'sont', 'par', 'plus', 'aux', 'ont', 'été']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'que', 'en', 'por', 'con', 'una', 'del', 'para', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'fue', 'ha', 'sus']),
  // Languages with no lexicon of their own: recognised so that the English lexicon is not applied to them.
  it: new Set(['il', 'di', 'che', 'e', 'la', 'per', 'un', 'non', 'una', 'sono', 'del', 'della', 'nel', 'con', 'anche', 'gli', 'si', 'da', 'è']),
  pt: new Set(['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'não', 'uma', 'os', 'no', 'se', 'na', 'por', 'mais', 'as', 'dos', 'como', 'mas', 'foi', 'ao', 'ele', 'das', 'à', 'seu', 'sua', 'ou', 'ser', 'quando', 'muito', 'há', 'nos', 'já', 'está', 'também', 'só', 'pelo', 'pela', 'até', 'isso', 'ela', 'entre', 'era', 'depois', 'sem', 'mesmo', 'aos', 'ter', 'seus', 'quem', 'nas', 'me', 'esse', 'eles', 'estão', 'você', 'tinha', 'foram', 'essa', 'num', 'nem', 'suas', 'meu', 'às', 'minha', 'têm', 'numa', 'pelos', 'elas', 'havia', 'seja', 'qual', 'será', 'nós', 'tenho', 'lhe', 'deles', 'essas', 'esses', 'pelas', 'este', 'fosse', 'dele']),
  nl: new Set(['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'voor', 'met', 'niet', 'aan', 'er', 'ook', 'als', 'bij', 'maar', 'om', 'wordt', 'werd', 'naar', 'heeft', 'uit']),
  no: new Set(['og', 'i', 'det', 'som', 'på', 'er', 'til', 'en', 'av', 'med', 'for', 'ikke', 'har', 'den', 'de', 'et', 'var', 'om', 'fra', 'vi', 'jeg', 'seg', 'men', 'kan', 'blir', 'och', 'att', 'är', 'inte', 'och', 'af', 'ikke', 'ved', 'også']),
  fi: new Set(['ja', 'on', 'ei', 'että', 'se', 'oli', 'hän', 'ovat', 'kun', 'mutta', 'myös', 'tai', 'joka', 'ole', 'kanssa', 'sen', 'ovat', 'jo', 'niin', 'vain', 'mukaan']),
  pl: new Set(['i', 'w', 'na', 'z', 'się', 'nie', 'do', 'to', 'że', 'jest', 'o', 'jak', 'po', 'co', 'ale', 'od', 'za', 'przez', 'dla', 'są', 'był', 'jego', 'tym', 'czy', 'jej']),
  tr: new Set(['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'olan', 'en', 'ama', 'sonra', 'kadar', 'değil', 'ne', 'her'])
}
/** Letters of a text, and how many of them are in Arabic script and in Latin script. */
export interface LetterCounts {letters: number; arabic: number; latin: number}

/** Count the letters of a text by script (a table per code unit: this reads every character of the article). */
export function letterCounts(text: string): LetterCounts {
  let arabic = 0
  let latin = 0
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let flags: number
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      flags = astralClass(text.slice(i, i + 2))
      i++
    } else {
      flags = unitClass(code)
    }
    if (flags & CHAR_LETTER) {
      letters++
      if (flags & CHAR_ARABIC) arabic++
      else if (flags & CHAR_LATIN) latin++
    }
  }
  return {letters, arabic, latin}
}

/** Share of letters in Arabic script and in Latin script. */
export function scriptShares(text: string): {arabic: number; latin: number} {
  return sharesOf(letterCounts(text))
}

function sharesOf({letters, arabic, latin}: LetterCounts): {arabic: number; latin: number} {
  return letters ? {arabic: arabic / letters, latin: latin / letters} : {arabic: 0, latin: 0}
}

// Each function word with the languages it belongs to (indexes into LANGUAGES), so a text's words are read once.
const LANGUAGES = Object.keys(FUNCTION_WORDS)
const LANGUAGES_OF = new Map<string, number[]>()
for (const [n, lang] of LANGUAGES.entries()) {
  for (const word of FUNCTION_WORDS[lang]) {
    const langs = LANGUAGES_OF.get(word) ?? []
    if (!langs.length) LANGUAGES_OF.set(word, langs)
    langs.push(n)
  }
}

/** How many of some words are function words of each language (in the order of LANGUAGES). */
export function functionWordHits(tokens: readonly Token[]): number[] {
  const hits = new Array<number>(LANGUAGES.length).fill(0)
  for (const token of tokens) {
    const langs = LANGUAGES_OF.get(token.norm)
    if (langs) for (const n of langs) hits[n]++
  }
  return hits
}

/**
 * Best guess at the language of some text: 'ar', 'en', 'de', 'fr', 'es' or 'und', from its
 * letters, its number of words and (asked only for Latin-script text) its function-word hits.
 */
export function detectLanguage(letters: LetterCounts, words: number, hits: () => readonly number[]): string {
  if (!words) return 'und'
  const shares = sharesOf(letters)
  if (shares.arabic > 0.4) return 'ar'
  // Cyrillic, Hebrew, CJK …: no lexicon, so no guess is needed beyond "not one we read".
  if (shares.latin < 0.5) return 'und'
  const hitsOf = hits()
  let best = 'und'
  let bestScore = 0
  let second = 0
  for (const [n, lang] of LANGUAGES.entries()) {
    const score = hitsOf[n] / words
    if (score > bestScore) {
      second = bestScore
      best = lang
      bestScore = score
    } else if (score > second) {
      second = score
    }
  }
  // Short texts with no function word stay undecided; the caller falls back to the file.
  // English must clearly lead: the English lexicons must never read another language.
  if (best === 'en' && second * 1.3 > bestScore) return 'und'
  return bestScore >= 0.04 ? best : 'und'
}
