/**
 * Language of an article and of its blocks.
 *
 * Lexicon rules need to know which lexicon applies; every other check works in any
 * language. The share of Arabic letters decides Arabic; for Latin-script text a few very
 * common function words tell English from the other languages the dev sets hold.
 */
import type {Token} from './tokens.js'

const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'on', 'with', 'said', 'it', 'as', 'are', 'by', 'be', 'this', 'have', 'has', 'from', 'an', 'at', 'not', 'but', 'they', 'which', 'who']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'des', 'auf', 'für', 'ein', 'eine', 'dem', 'auch', 'es', 'im', 'wird', 'sie', 'wir', 'bei', 'oder', 'nach', 'aus', 'wie']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'du', 'une', 'un', 'dans', 'pour', 'qui', 'que', 'pas', 'sur', 'au', 'avec', 'il', 'ce', 'sont', 'par', 'plus', 'aux', 'ont', 'été']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'que', 'en', 'por', 'con', 'una', 'del', 'para', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'fue', 'ha', 'sus'])
}

/** Share of letters in Arabic script. */
export function arabicShare(text: string): number {
  let arabic = 0
  let letters = 0
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++
      if (/\p{Script=Arabic}/u.test(ch)) arabic++
    }
  }
  return letters ? arabic / letters : 0
}

/** Best guess at the language of some text: 'ar', 'en', 'de', 'fr', 'es' or 'und'. */
export function detectLanguage(text: string, tokens: readonly Token[]): string {
  if (!tokens.length) return 'und'
  if (arabicShare(text) > 0.4) return 'ar'
  let best = 'und'
  let bestScore = 0
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
    let hits = 0
    for (const token of tokens) if (words.has(token.norm)) hits++
    const score = hits / tokens.length
    if (score > bestScore) {
      best = lang
      bestScore = score
    }
  }
  // Short texts with no function word stay undecided; the caller falls back to the file.
  return bestScore >= 0.04 ? best : 'und'
}
