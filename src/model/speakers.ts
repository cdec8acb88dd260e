/**
 * Who a speaker span names: a person or organisation, an unnamed described person, an
 * anonymous source, a vague group, an outlet, or a pronoun.
 *
 * English marks names with capitals; Arabic does not, so there a speaker is named when it
 * opens with a title or role («الرئيس»، «وزير»، «المتحدث باسم») or the head of an
 * organisation («وزارة»، «الشرطة»، «الجيش»), or with a word no lexicon knows and without
 * the article ال (personal names and countries: «كولين كلارك»، «روسيا»).
 */
import type {Lexicons, LexiconEntry, PhraseMatch, PhraseMatcher} from '../lexicons/index.js'
import {isArabicWord, isDefiniteArabic, normalize, withoutProclitics} from './normalize.js'
import type {Token} from './tokens.js'

export type SpeakerKind = 'named' | 'described' | 'anonymous' | 'vague' | 'outlet' | 'pronoun'

export interface SpeakerClass {
  kind: SpeakerKind
  /** The anonymous or vague lexicon entry that made the speaker anonymous or vague. */
  entry?: LexiconEntry
  /** Token range of that entry's match inside the span. */
  head?: {from: number; to: number}
  /** The span opens with a definite form (the, this, «المصدر», «أحد المصادر»): a back-reference when a source came before. */
  definite: boolean
  /** The span is its head alone, with no determiner or modifier ("officials"). */
  bare: boolean
  /** The span marks a new one of its kind ("another official", "a second source", «مصدر آخر»). */
  another?: boolean
  /** Words that qualify the head before it, normalised, without determiners ("former senior" law enforcement officials). */
  qualifiers?: string[]
  /**
   * Every content word of the span but the head, normalised, Arabic ones without their article and proclitics: what
   * tells one unnamed source from another ("Con Edison" officials, «مسؤولان كبيران في الإدارة الأمريكية»).
   */
  modifiers?: string[]
  /** The possessive opening the span ("her" advisers, "his" aides): advisers of another owner are other people. */
  owner?: string
}

// Closed word classes, normalised (see normalize.ts).
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'هو', 'هي', 'هم', 'هما', 'نحن', 'انا', 'انه', 'انها', 'انهم'])
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'another', 'both', 'its', 'his', 'her', 'their', 'our'])
const DEFINITE_EN = new Set(['the', 'this', 'that', 'these', 'those', 'both'])
// A possessive opens a new unnamed source ("her advisers said" after "a source said"), which a repeat of its head refers back to.
const POSSESSIVES = new Set(['its', 'his', 'her', 'their'])
// Capitalised words that do not make a name: days, months and sentence-initial function words.
const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'mr', 'mrs', 'ms', 'dr', ...DETERMINERS, ...PRONOUNS, 'but', 'and', 'in', 'on', 'at', 'as', 'after', 'when', 'while', 'if', 'for', 'according', 'there'
])

/** Arabic titles and roles that open a named speaker: «الرئيس بوتين»، «وزير الخارجية». */
const AR_TITLES = new Set([
  'رءيس', 'الرءيس', 'رءيسه', 'الرءيسه', 'وزير', 'الوزير', 'وزيره', 'الوزيره', 'المتحدث', 'متحدث', 'المتحدثه', 'الناطق', 'ناطق', 'الناطقه',
  'السفير', 'سفير', 'النايب', 'نايب', 'النايبه', 'الجنرال', 'العميد', 'اللواء', 'العقيد', 'المقدم', 'الدكتور', 'الدكتوره', 'د', 'الشيخ', 'الملك',
  'الامير', 'الممثل', 'الممثله', 'المدير', 'مدير', 'مديره', 'قايد', 'القايد', 'زعيم', 'الزعيم', 'الامين', 'امين', 'المستشار', 'مستشار',
  'المبعوث', 'مبعوث', 'المفوض', 'المندوب', 'مندوب', 'حاكم', 'محافظ', 'المحافظ', 'عمده', 'السيناتور', 'المرشد', 'البابا', 'الاستاذ', 'المهندس',
  'الكاتب', 'الباحث', 'الخبير', 'المحلل', 'الصحفي', 'الصحفيه', 'المحامي', 'القاضي', 'النجم', 'الفنان', 'الفنانه', 'اللاعب', 'المدرب', 'الجنرالات'
])
/** Arabic heads of organisations and state bodies that open a named speaker. */
const AR_BODIES = new Set([
  'وزاره', 'الوزاره', 'الشرطه', 'الجيش', 'الحكومه', 'حكومه', 'الرياسه', 'رياسه', 'الخارجيه', 'الداخليه', 'الدفاع', 'البيت', 'الامم', 'الولايات',
  'المنظمه', 'منظمه', 'الهيءه', 'هيءه', 'مجلس', 'المجلس', 'الاتحاد', 'اتحاد', 'البرلمان', 'حركه', 'الحركه', 'حزب', 'الحزب', 'مكتب', 'المكتب',
  'الكرملين', 'البنتاغون', 'البنتاجون', 'شركه', 'الشركه', 'جامعه', 'الجامعه', 'محكمه', 'المحكمه', 'النيابه', 'المرصد', 'مركز', 'المركز',
  'لجنه', 'اللجنه', 'قوات', 'القوات', 'جماعه', 'الجماعه', 'التنظيم', 'تنظيم', 'الامن', 'جهاز', 'الجهاز', 'السفاره', 'سفاره', 'القياده',
  'قياده', 'الاداره', 'اداره', 'البنك', 'بنك', 'صندوق', 'الصندوق', 'المفوضيه', 'مفوضيه', 'الاليزيه', 'الدوله', 'دوله', 'نقابه', 'النقابه', 'بلديه', 'البلديه'
])
// Words that cannot be a personal name after a speech verb: prepositions and time words.
const AR_NOT_NAMES = new Set([
  'في', 'من', 'الي', 'علي', 'عن', 'مع', 'ل', 'له', 'لها', 'لهم', 'خلال', 'امس', 'اليوم', 'يوم', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس',
  'الجمعه', 'السبت', 'الاحد', 'بعد', 'قبل', 'ايضا', 'كذلك', 'ان', 'انه', 'انها', 'انهم', 'بان', 'بانه', 'ما', 'لا', 'لم', 'لن', 'قد', 'كما',
  'حين', 'عندما', 'حيث', 'الذي', 'التي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل', 'بعض', 'عدد', 'احد', 'احدي'
])

const AFFILIATION_EN = new Set(['at', 'of', 'from', 'with'])
// Arabic quantifiers before a definite plural: «بعض المراقبين» is some observers, not the observers met before.
const AR_QUANTIFIERS = new Set(['بعض', 'وبعض', 'عدد', 'وعدد', 'كثير', 'العديد', 'والعديد', 'معظم', 'اغلب', 'غالبيه'])
// «أحد المصادر», «إحدى الموظفات»: one of a definite plural, met before.
const AR_ONE_OF = new Set(['احد', 'احدي', 'واحد', 'واحده'])
// Words that introduce a new one of a kind already met.
const ANOTHER = new Set(['another', 'second', 'third', 'other', 'different', 'separate', 'اخر', 'اخري', 'اخرون', 'اخرين', 'ثان', 'ثاني', 'ثالث'])

const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text)

/** Whether an Arabic normalised word is one of a set, also behind proclitics. */
function inArabicSet(set: Set<string>, norm: string): boolean {
  return set.has(norm) || withoutProclitics(norm).some((stem) => set.has(stem))
}

/** A capitalised name of one or more words starting at `at` (English), or 0 when none. */
function nameLength(tokens: readonly Token[], at: number, to: number): number {
  let i = at
  while (i < to && isCapitalised(tokens[i]) && !NOT_NAMES.has(tokens[i].norm)) i++
  return i - at
}

/** Classify the speaker span `tokens[from, to)` of a sentence. */
export function classifySpeaker(tokens: readonly Token[], from: number, to: number, lexicons: Lexicons): SpeakerClass {
  if (to <= from) return {kind: 'pronoun', definite: true, bare: false}
  const first = tokens[from]
  const arabic = isArabicWord(first.norm)
  let definite = arabic ? isDefiniteArabic(first.norm) : DEFINITE_EN.has(first.norm) || first.norm === 'one' && tokens[from + 1]?.norm === 'of'
  if (PRONOUNS.has(first.norm) || !arabic && first.norm === 'one' && tokens[from + 2]?.norm === 'them') return {kind: 'pronoun', definite: true, bare: false}
  // An anonymous or vague head near the start of the span (or, in English, its last words: "the email probe officials said"),
  // unless a name follows it ("spokesman John Kirby").
  for (const [kind, matcher] of [['anonymous', lexicons.match.anonymous], ['vague', lexicons.match.vague]] as const) {
    const head = findHead(matcher, tokens, from, to, arabic)
    if (!head) continue
    if (!arabic && nameLength(tokens, head.to, to) > 0) return {kind: 'named', definite, bare: false}
    // A role and a full name ending the span: "Capital Insider senior editor Dana Reyes" is Dana Reyes.
    if (!arabic && endsWithRoleAndName(tokens, head.to, to)) return {kind: 'named', definite, bare: false}
    // A capitalised head ending a name inside the span ("a Rasmussen Reports poll") is part of that name. (A word that
    // opens the span may be capitalised only because it opens the sentence: "Exit polls", "Despite polls".)
    if (!arabic && head.from - 1 > from && isCapitalised(tokens[head.to - 1]) && isCapitalised(tokens[head.from - 1]) && !NOT_NAMES.has(tokens[head.from - 1].norm)) return {kind: 'named', definite, bare: false}
    // A group of a named body ("analysts at Barclays") answers for that body; so does a report of one ("reports by the
    // State Department", «تقارير لوزارتي الخارجية والدفاع»: «ل» joined to the owner).
    const report = kind === 'vague' && head.value.kind === 'report'
    if (kind === 'vague' && !arabic && (AFFILIATION_EN.has(tokens[head.to]?.norm ?? '') || report && tokens[head.to]?.norm === 'by') && head.to < to &&
      (nameLength(tokens, head.to + 1, to) > 0 || tokens[head.to + 1]?.norm === 'the' && nameLength(tokens, head.to + 2, to) > 0)) return {kind: 'named', definite, bare: false}
    // «نشطاء المرصد السوري»، «خبراء الأمم المتحدة»: an Arabic group in construct with a named body is that body's.
    if (kind === 'vague' && arabic && head.to < to && isDefiniteArabic(tokens[head.to].norm) && isArabicBodyOrTitle(tokens[head.to].norm)) return {kind: 'named', definite, bare: false}
    if (report && arabic && head.to < to && /^ل[^ل]/u.test(tokens[head.to].norm) && tokens[head.to].norm.length > 3 && !AR_NOT_NAMES.has(tokens[head.to].norm)) return {kind: 'named', definite, bare: false}
    // «أحد المصادر»، «المسؤولين»: a definite head refers back; after a quantifier («بعض المراقبين»، «عدد من المسؤولين») it does not.
    // The article inside a description does not make it definite: «مصدر في الشرطة», «مسؤول رفيع المستوى», «مطلع على الملف».
    if (arabic) definite = !AR_QUANTIFIERS.has(first.norm) && (isDefiniteArabic(first.norm) || isDefiniteArabic(tokens[head.from].norm) ||
      AR_ONE_OF.has(first.norm) && from + 1 < to && isDefiniteArabic(tokens[from + 1].norm))
    // A possessive right before the head is its determiner: "the policies Mr Mugabe's critics" are no critics met before.
    if (kind === 'vague' && !arabic && head.from - 1 > from && /['’]s$/u.test(tokens[head.from - 1].text)) definite = false
    const another = tokens.slice(from, Math.min(to, head.to + 1)).some((token) => ANOTHER.has(token.norm))
    const qualifiers = tokens.slice(from, head.from).map((token) => token.norm).filter((word) => !DETERMINERS.has(word))
    const bare = (head.from === from || !arabic && head.from === from + 1 && POSSESSIVES.has(first.norm)) && head.to >= to
    const modifiers = [...tokens.slice(from, head.from), ...tokens.slice(head.to, to)].filter((token) => /\p{L}/u.test(token.norm) && !DETERMINERS.has(token.norm) && !LINKING_WORDS.has(token.norm))
      .map((token) => modifierKey(token.norm))
    const owner = !arabic && POSSESSIVES.has(first.norm) ? first.norm : undefined
    return {kind, entry: head.value, head: {from: head.from, to: head.to}, definite, bare, another, qualifiers, modifiers, owner}
  }
  if (lexicons.match.outlets.findAll(tokens, from, to).some((match) => !match.value.ambiguous)) return {kind: 'outlet', definite, bare: false}
  // "An unnamed teacher said", "an unidentified poster wrote", «قال شخص مجهول»: a word saying the speaker is not named.
  const marked = anonymityMark(tokens, from, to, lexicons)
  if (marked >= 0 && !tokens.slice(from, to).some((token, i) => !arabic && isCapitalised(token) && i > 0 && !NOT_NAMES.has(token.norm))) {
    const head = arabic ? Math.max(from, marked - 1) : Math.min(to - 1, marked + 1)
    return {kind: 'anonymous', head: {from: head, to: head + 1}, definite, bare: false, another: false, qualifiers: [], modifiers: []}
  }
  if (arabic) {
    if (inArabicSet(AR_TITLES, first.norm) || inArabicSet(AR_BODIES, first.norm)) return {kind: 'named', definite, bare: false}
    if (AR_NOT_NAMES.has(first.norm) || isDefiniteArabic(first.norm)) return {kind: 'described', definite, bare: false}
    return {kind: 'named', definite, bare: false}
  }
  for (let i = from; i < to; i++) if (nameLength(tokens, i, to) > 0 && !(i === from && DETERMINERS.has(first.norm))) return {kind: 'named', definite, bare: false}
  return {kind: 'described', definite, bare: false}
}

// Prepositions and conjunctions inside a description, which tell no source from another.
const LINKING_WORDS = new Set(['of', 'in', 'at', 'for', 'with', 'from', 'on', 'to', 'and', 'by', 'في', 'من', 'علي', 'الي', 'عن', 'لدي', 'و', 'ب'])

/** A word of a description as modifiers compare it: Arabic without its conjunction, preposition and article («بالإدارة» = «إدارة»), English without its possessive. */
function modifierKey(norm: string): string {
  // English without its possessive: "Several Cruz associates" after "Ted Cruz's associates" tells no one new.
  return isArabicWord(norm) ? norm.replace(/^(?:[وف]?[بلك]?ال|[وف]?لل)(?=\p{L}{3})/u, '') : norm.replace(/['’]s$/u, '')
}

const bodyNouns = new WeakMap<Lexicons, Set<string>>()
/**
 * Common nouns for a body already named ("agency", «الوزارة»: anonymous.json `bodyNouns`), as modifier keys: "agency
 * officials" after "Environmental Protection officials" refers back to them.
 */
export function bodyNounKeys(lexicons: Lexicons): Set<string> {
  let keys = bodyNouns.get(lexicons)
  if (!keys) {
    const lists = (lexicons.anonymous.bodyNouns ?? {}) as Record<string, unknown>
    keys = new Set(Object.entries(lists).filter(([lang, forms]) => lang !== 'note' && Array.isArray(forms)).flatMap(([, forms]) => (forms as string[]).map((form) => modifierKey(normalize(form)))))
    bodyNouns.set(lexicons, keys)
  }
  return keys
}

const marks = new WeakMap<Lexicons, Set<string>>()
/** Index of the first word in tokens [from, to) that says a speaker is not named (anonymous.json `anonymityMarks`), or -1. */
function anonymityMark(tokens: readonly Token[], from: number, to: number, lexicons: Lexicons): number {
  let words = marks.get(lexicons)
  if (!words) {
    const lists = (lexicons.anonymous.anonymityMarks ?? {}) as Record<string, unknown>
    words = new Set(Object.entries(lists).filter(([lang, forms]) => lang !== 'note' && Array.isArray(forms)).flatMap(([, forms]) => (forms as string[]).map((form) => normalize(form))))
    marks.set(lexicons, words)
  }
  for (let i = from; i < to; i++) if (words.has(tokens[i].norm) || tokens[i].stems.some((stem) => words.has(stem))) return i
  return -1
}

/** Whether tokens [from, to) end with a name of two or more words right after a lower-case role noun ("editor Dana Reyes"). */
function endsWithRoleAndName(tokens: readonly Token[], from: number, to: number): boolean {
  let start = to
  while (start > from && isCapitalised(tokens[start - 1]) && !NOT_NAMES.has(tokens[start - 1].norm)) start--
  const role = tokens[start - 1]
  return to - start >= 2 && start - 1 >= from && !isCapitalised(role) && /^\p{L}+$/u.test(role.norm) && !DETERMINERS.has(role.norm) && !LINKING_WORDS.has(role.norm) && !NOT_NAMES.has(role.norm)
}

/** The head of a speaker span: a match starting within its first five words, or in English one ending the span. Matches may run past the span. */
function findHead<T>(matcher: PhraseMatcher<T>, tokens: readonly Token[], from: number, to: number, arabic: boolean): PhraseMatch<T> | undefined {
  // An Arabic subject follows its verb; an indefinite generic noun may open it («شخص مقرب من العائلة»), a body may
  // not («التنظيم المسؤول عن الهجوم» is the group responsible, not an official).
  if (arabic) {
    const opener = tokens[from].norm
    const generic = to > from + 1 && !isDefiniteArabic(opener) && !isArabicBodyOrTitle(opener)
    return matcher.matchAt(tokens, from) ?? (generic ? matcher.matchAt(tokens, from + 1) : undefined)
  }
  let last: PhraseMatch<T> | undefined
  for (let i = from; i < to; i++) {
    const match = matcher.matchAt(tokens, i)
    if (!match) continue
    if (i < from + 5) return match
    if (match.to >= to) last = match
  }
  return last
}

/** Whether a normalised word is a pronoun (he, she, they; هو، هي). */
export function isPronoun(norm: string): boolean {
  return PRONOUNS.has(norm)
}

/** Whether an Arabic normalised word names a body or a title-holder («وزاره», «بالوزاره», «الرءيس»). */
export function isArabicBodyOrTitle(norm: string): boolean {
  return inArabicSet(AR_BODIES, norm) || inArabicSet(AR_TITLES, norm)
}
