/**
 * Attribution analysis: in every sentence, the phrases that pin words or facts on someone
 * (the cue: said, according to, in a statement; قال، حسب، في بيان), the speaker each one
 * names, and what kind of speaker that is (see speakers.ts).
 *
 * Reported speech carries on without a new speaker: "He added", «وأضاف», «مضيفا» continue
 * the last speaker (`continues`), also at the start of the next paragraph; a quotation that
 * opens a block continues the speaker of the previous block's quotation, and one left open at
 * the end of its block takes the speaker of its continuation. Cues inside quotations are the
 * quoted speaker's (`quoted`). Rules ask this index; none of them looks for cues itself.
 *
 *     const attributions = article.use(findAttributions)
 *     attributions.isAttributed(block, sentence)
 */
import {formsOf, type LexiconEntry, type Lexicons, type PhraseMatch} from '../lexicons/index.js'
import type {Article, ArticleBlock, Quote} from './article.js'
import {classifySpeaker, isArabicBodyOrTitle, isPronoun, type SpeakerKind} from './speakers.js'
import {isArabicWord, isDefiniteArabic, normalize} from './normalize.js'
import {PerSentence} from './sentences.js'
import {countWords, firstEndingAfter, firstNotBefore, tokenAt, type Token} from './tokens.js'
import {arabicVerbInflections} from './morphology.js'
import {opensText} from './quotes.js'
import {findOutletMentions, type OutletMention} from './outlets.js'

export type {SpeakerKind} from './speakers.js'

export type CueKind = 'speech' | 'source' | 'statement' | 'continuation'
/** Kinds of cue that are recognised but attribute nothing (see NON_ATTRIBUTING_CUE_KINDS in the lexicons). */
export type NonAttributingCueKind = 'perception' | 'intention'

export interface Attribution {
  /** Index of the block. */
  block: number
  /** Index of the sentence in the block. */
  sentence: number
  cue: {
    /** Offsets in the block's plain text. */
    from: number
    to: number
    kind: CueKind
    /** Id of the lexicon entry (cues.json, or vague.json for a vague phrase with no cue of its own). */
    entry: string
  }
  speaker?: {
    from: number
    to: number
    text: string
    kind: SpeakerKind
    /** The anonymous or vague lexicon entry that made the speaker anonymous or vague. */
    entry?: LexiconEntry
    /** Opens with a definite form ("the official", «المصدر», «أحد المصادر»): it refers back to an earlier source. */
    definite: boolean
    /** The span is a bare head with no determiner or modifier ("officials said"): a repeat of the same head refers back. */
    bare: boolean
    /** The words of the anonymous or vague head, normalised and without clitics ("law enforcement officials", «مصادر حكوميه»). */
    head?: string
    /** Marks a new one of its kind ("another official", «مصدر آخر»). */
    another?: boolean
    /** Words before the head that qualify it ("former senior"). */
    qualifiers?: string[]
    /** Every content word of the span but the head, normalised ("con edison"; «كبيران», «اداره», «امريكيه»). */
    modifiers?: string[]
    /** The possessive opening the span ("her" advisers): another owner's advisers are other people. */
    owner?: string
    /** The span or its appositive names an affiliation ("of the Soufan Center", «من مركز سوفان»): a member of a field. */
    affiliated: boolean
  }
  /** The cue lies inside a quotation: someone else's words, not the writer's attribution. */
  quoted: boolean
  /** For a continuation or a pronoun speaker: the attribution whose speaker carries on. */
  continues?: Attribution
}

export interface AttributionIndex {
  all: Attribution[]
  inSentence(block: number, sentence: number): Attribution[]
  /** The sentence has an attribution phrase of its own, or continues reported speech from earlier in the same block ("He added"). */
  isAttributed(block: number, sentence: number): boolean
  /**
   * The attribution that ties a quotation to a speaker: a cue outside the quotation in the
   * sentences it spans, or in the sentence just before or after it in the same block, or
   * the speaker of the previous block's quotation when this one opens its block.
   */
  quoteAttribution(block: number, quote: Quote): Attribution | undefined
  /**
   * Perception and intention cues with their subjects ("The senator seemed unconvinced", "The club has agreed to pay",
   * «وقرر المجلس»), found on first use. They are no attributions: none is in `all`, none makes a sentence or a
   * quotation attributed, so no rule can take one for a source (RULES.md: an intention cue does not source a figure).
   */
  nonAttributing(): Array<Omit<Attribution, 'cue'> & {cue: Omit<Attribution['cue'], 'kind'> & {kind: NonAttributingCueKind}}>
}

/** A cue lexicon entry's kind, as the contract names it (the data may use finer kinds). */
function cueKind(entry: LexiconEntry): CueKind {
  const kind = String(entry.kind ?? 'speech')
  if (kind === 'source' || kind === 'statement' || kind === 'continuation') return kind
  if (kind === 'according' || kind === 'preposition' || kind === 'citing') return 'source'
  return 'speech'
}

// Gaps between words that end a speaker phrase: clause punctuation and quotation marks.
const SEPARATOR = /[,;:()\[\]"“”«»„‘’.!?؟،؛—–]/u
// An abbreviation whose period does not end the phrase ("Mr. Smith", "U.S. officials").
const ABBREVIATION = /^(?:mr|mrs|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|prof|maj|capt|adm|[a-z])$/u

// English words that end a speaker phrase before the cue (walking back) or after it (walking on).
const EN_STOP_BACK = new Set(['that', 'and', 'but', 'while', 'as', 'because', 'when', 'after', 'which', 'who', 'where', 'than', 'if', 'or', 'so', 'since', 'though', 'although', 'until', 'before', 'what', 'whom', 'also'])
const EN_AUXILIARIES = new Set(['has', 'have', 'had', 'would', 'will', 'also', 'later', 'previously', 'earlier', 'recently', 'reportedly', 'repeatedly', 'was', 'were', 'is', 'are', 'be', 'been', 'then', 'again', 'further', 'separately', 'did', 'does', 'do', 'not', 'never', 'publicly', 'privately', 'once', 'could', 'may', 'might', 'can', 'had', 'often', 'first', 'initially', 'subsequently'])
const EN_STOP_ON = new Set(['that', 'on', 'in', 'at', 'during', 'when', 'after', 'before', 'while', 'about', 'as', 'because', 'but', 'if', 'with', 'yesterday', 'today', 'tonight', 'last', 'earlier', 'later', 'this', 'told', 'was', 'is', 'has', 'had', 'were', 'are', 'will', 'would', 'who', 'which', 'to', 'by', 'and', 'it', 'there', 'they', 'he', 'she', 'we'])
// Arabic words that end a speaker phrase after the cue: «إن/أن» and the like, time words.
const AR_STOP_ON = new Set(['ان', 'انه', 'انها', 'انهم', 'بان', 'بانه', 'بانها', 'بانهم', 'عن', 'خلال', 'امس', 'اليوم', 'يوم', 'صباح', 'مساء', 'الليله', 'لدي', 'عبر', 'حول', 'الي'])
// «في» ends a speaker when a statement or a time follows it («قال الوزير في بيان»); otherwise it places the speaker («مصدر في الوزارة»).
const AR_IN_STOP = new Set(['بيان', 'تصريح', 'تصريحات', 'حديث', 'مقابله', 'مءتمر', 'لقاء', 'كلمه', 'تغريده', 'منشور', 'رساله', 'افاده', 'اتصال', 'وقت', 'حين', 'حوار', 'خطاب', 'رد', 'ختام', 'مستهل', 'اعقاب', 'اطار', 'معرض'])
// ل joined to an outlet designator: the addressee of a verb of saying («للصحيفة», «لوكالة», «لشبكة», «لقناة», «لموقع»).
const AR_ADDRESSEE = /^(?:ل|لل)(?:صحيفه|وكاله|شبكه|قناه|موقع|مجله|اذاعه|تلفزيون)$/u
// Words after an Arabic speech verb that show its subject is implied (a pronoun): «قال إن»، «وقالت في بيان».
const AR_IMPLIED = new Set([...AR_STOP_ON, 'في', 'علي', 'له', 'لها', 'لهم', 'ل', 'عن', 'فيه', 'فيها', 'فيهم', 'عليه', 'عليها', 'عنه', 'عنها', 'منه', 'منها', 'به', 'بها', 'ايضا', 'كذلك', 'مضيفا', 'مضيفه', 'موضحا', 'موضحه', 'مشيرا', 'مشيره', 'مؤكدا', 'مؤكده'])
const MAX_SPEAKER = 8
// Longest run of quoted blocks that one introduction ("He said:") speaks for, and the longest name line and label.
const MAX_QUOTED_RUN = 30
const MAX_LINE_WORDS = 10
const MAX_LABEL_WORDS = 6
// Longest clause before a colon whose subject speaks the quotation after it.
const MAX_COLON_CLAUSE = 24
// Sentences back that a woven quotation looks for the speaker of its passage.
const MAX_PASSAGE_SENTENCES = 8
// Connectives that open a paragraph as the elaboration of the one before ('for indeed', 'as', 'also').
const ELABORATION = new Set(['فقد', 'اذ', 'حيث', 'كما', 'indeed'])
// Capitalised sentence openers that are no subject ("Here's Clinton in 1992:", "But …:", "In March:").
const NOT_SUBJECT_OPENERS = new Set(['here', "here's", 'there', "there's", 'but', 'and', 'so', 'in', 'on', 'at', 'for', 'from', 'as', 'after', 'when', 'if', 'what', 'why', 'how', 'who', 'this', 'that', 'these', 'those', 'it', "it's", 'update', 'note', 'editor', "editor's", 'read', 'watch', 'related', 'photo', 'video', 'q', 'a'])
// Most characters between an outlet and its verb of reporting ("The Post even reports").
const MAX_OUTLET_VERB_GAP = 16
// Prepositions and adverbs that open a fronted adverbial before a subject ("At his news conference on Monday, Obama's …").
const FRONTED_OPENERS = new Set(['in', 'on', 'at', 'as', 'after', 'before', 'between', 'during', 'earlier', 'later', 'since', 'following', 'amid', 'throughout', 'over', 'within'])
// Lower-case words that may open the subject after a fronted adverbial.
const FRONTED_SUBJECTS = new Set(['the', 'his', 'her', 'their', 'its', 'he', 'she', 'they'])
// Prepositions that open a topic label before a colon ("About his diagnosis:", "Regarding the budget:"), besides FRONTED_OPENERS.
const TOPIC_PREPOSITIONS = new Set(['about', 'regarding', 'concerning', 'on', 'of', 'to', 'with', 'by', 'for', 'from', 'under', 'through', 'toward', 'towards', 'without', 'among', 're', 'per', 'via'])
// Most words of a fronted adverbial.
const MAX_FRONTED = 14
// Conjunctions that may open a sentence before its subject ("But Trump deflected: …", "And she added: …").
const CONJUNCTION_OPENERS = new Set(['but', 'and', 'so', 'yet', 'still'])
// «لكن» with a person's pronoun as the subject of its clause, «و» before it or not: «لكنها»، «ولكنهم».
const ARABIC_PRONOUN_SUBJECT = /^و?لكن(?:ه|ها|هم|هما)$/u
// Words that open a document named as a source before a colon ("From the report:", "In the letter:").
const DOCUMENT_LABEL = new Set(['from', 'in'])
// Lower-case words a speaker label may hold ("Secretary of State John Kerry:", "Mr. Smith of the Fed:").
// Words that label a note or a notice, not a speaker's turn: "Note: …", "UPDATE: …", «ملاحظة: …».
const NOT_TURN_LABELS = new Set(['note', 'notes', 'update', 'updated', 'correction', 'clarification', 'editor', 'editors', 'warning', 'breaking', 'disclaimer', 'disclosure', 'ps', 'p.s', 'nb', 'n.b', 'caution', 'alert', 'reminder',
  'ملاحظة', 'ملاحظه', 'تنويه', 'تحديث', 'تصحيح', 'توضيح', 'عاجل', 'تحذير', 'تنبيه'])
const LABEL_PARTICLES = new Set(['of', 'the', 'for', 'and', 'de', 'al', 'van', 'von', 'bin', 'da'])
// Arabic words after a relaying subject that introduce the source it relays.
const RELAY = new Set(['عن', 'من'])

/** Whether the text between two tokens breaks a phrase. */
function breaksBetween(text: string, before: Token, after: Token): boolean {
  const gap = text.slice(before.end, after.index)
  if (!SEPARATOR.test(gap)) return false
  return !(/^\.\s*$/u.test(gap) && ABBREVIATION.test(before.norm))
}

/** Whether the gap before token `i` only opens or closes a short quoted name (وكالة «تاس», the "Guardian"). */
function shortQuotedName(block: ArticleBlock, i: number): boolean {
  const token = block.tokens[i]
  const gap = block.text.slice(block.tokens[i - 1].end, token.index)
  if (!/^[\s"“”«»„]+$/u.test(gap)) return false
  return block.quotes.some((q) => q.marks[0] !== '' && (q.innerStart <= token.index && q.innerEnd >= token.end || q.innerEnd <= token.index && q.innerEnd >= block.tokens[i - 1].end) && quoteWords(q) <= 3)
}

/** The speaker phrase after a cue, as a token range [from, to). */
function speakerAfter(block: ArticleBlock, at: number, end: number, arabic: boolean): [number, number] {
  const {text, tokens} = block
  let i = at
  const stops = arabic ? AR_STOP_ON : EN_STOP_ON
  const breaks = (k: number) => breaksBetween(text, tokens[k - 1], tokens[k]) && !shortQuotedName(block, k)
  if (i < end && i > 0 && breaks(i)) return [at, at]
  while (i < end && i - at < MAX_SPEAKER && !stops.has(tokens[i].norm) && !(arabic && tokens[i].norm === 'في' && (i === at || AR_IN_STOP.has(tokens[i + 1]?.norm ?? ''))) &&
    !(arabic && tokens[i].norm === 'من' && i === at + 1 && isDefiniteArabic(tokens[at].norm)) &&
    // «أفاد مصدر أمني باعتقال …»: ب with a verbal noun opens what was reported, ب with a body places the speaker («بوزارة الدفاع»).
    !(arabic && i >= at + 2 && /^ب/u.test(tokens[i].norm) && tokens[i].norm.length > 3 && !isArabicBodyOrTitle(tokens[i].norm))) {
    if (i > at && breaks(i)) break
    // «تحدث مسؤولان كبيران … لـCNN», «قال مصدر للصحيفة»: ل before an outlet is the addressee, not part of the speaker.
    if (arabic && i > at && (/^لـ/u.test(tokens[i].text) || AR_ADDRESSEE.test(tokens[i].norm))) break
    // A plural in -ون/-ين is never in construct, so a definite word after it starts the object: «انتقد نواب معارضون الخطة».
    if (arabic && i > at && isDefiniteArabic(tokens[i].norm) && /(?:ون|ين)$/u.test(tokens[i - 1].norm) && tokens[i - 1].norm.length > 4) break
    i++
  }
  return [at, i]
}

/** The subject before an English cue ("a senior official said", "Smith, a spokesman, said"), as a token range. */
function speakerBefore(text: string, tokens: readonly Token[], at: number, start: number, isCue: (token: Token) => boolean = () => false): [number, number] {
  let to = at
  while (to > start && EN_AUXILIARIES.has(tokens[to - 1].norm) && !breaksBetween(text, tokens[to - 1], tokens[to])) to--
  let from = to
  // The gap right before the cue was judged by the caller; words of the subject must not be split by punctuation,
  // and a subject never reaches back over another verb of saying ("a source said the cuts would be announced").
  while (from > start && to - from < MAX_SPEAKER && !(EN_STOP_BACK.has(tokens[from - 1].norm) && !/^[-‐]/u.test(text.slice(tokens[from - 1].end))) && !isCue(tokens[from - 1]) && (from === to || !breaksBetween(text, tokens[from - 1], tokens[from]))) from--
  return [from, to]
}

/**
 * The subject of an English cue that a comma separates from it: "Smith, a spokesman for the ministry, said"
 * (a name before an appositive) or "An official, who spoke on condition of anonymity, said" (a relative clause).
 */
function subjectBeforeComma(text: string, tokens: readonly Token[], cueFrom: number, start: number): [number, number] {
  // The comma-delimited segment right before the cue.
  let segment = cueFrom - 1
  while (segment > start && cueFrom - segment < 30 && !breaksBetween(text, tokens[segment - 1], tokens[segment])) segment--
  if (segment <= start || !/^\s*,\s*$/u.test(text.slice(tokens[segment - 1].end, tokens[segment].index))) return [cueFrom, cueFrom]
  const opener = tokens[segment].norm
  if (RELATIVE.has(opener)) return speakerBefore(text, tokens, segment, start)
  // "The club's manager, Paul Grant, said": a name in apposition is the speaker.
  if (tokens.slice(segment, cueFrom).every((token) => /^\p{Lu}/u.test(token.text))) return [segment, cueFrom]
  if (/^(?:a|an|the)$/u.test(opener) && /^\p{Lu}/u.test(tokens[segment - 1].text)) {
    let name = segment - 1
    while (name > start && /^\p{Lu}/u.test(tokens[name - 1].text) && !breaksBetween(text, tokens[name - 1], tokens[name])) name--
    return [name, segment]
  }
  return [cueFrom, cueFrom]
}
const RELATIVE = new Set(['who', 'whose', 'which', 'whom'])
// Negations between a subject and its verb of saying.
const NEGATED = /^(?:not|never|\w+n't|cannot)$/u
const HAVE = new Set(['have', 'has', 'had'])
const PASSIVE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were'])

const EN_NOUN_OPENERS = new Set(['a', 'an', 'the', 'one', 'two', 'three', 'several', 'some', 'many', 'most', 'other', 'another', 'his', 'her', 'their', 'its'])
function startsNounPhrase(token: Token, article: Article): boolean {
  return /^\p{Lu}/u.test(token.text) || EN_NOUN_OPENERS.has(token.norm) ||
    Boolean(article.lexicons.match.anonymous.matchAt([token], 0) ?? article.lexicons.match.vague.matchAt([token], 0))
}

/** Ranges of the outer quotations of a block (text offsets), for telling quoted cues apart. */
function quotedRanges(block: ArticleBlock): Array<[number, number]> {
  return block.quotes.filter((q) => q.depth === 0 && q.marks[0] !== '').map((q) => [q.innerStart, q.innerEnd])
}

/** Token range of the speaker of a cue at tokens [cueFrom, cueTo) of a sentence spanning tokens [start, end). */
function speakerRange(block: ArticleBlock, cueFrom: number, cueTo: number, start: number, end: number, kind: CueKind, arabic: boolean, article: Article): [number, number] | undefined {
  const {text, tokens} = block
  if (arabic || kind === 'source') {
    const range = speakerAfter(block, cueTo, end, arabic)
    // A statement of someone's («في تصريح للوزير»): ل marks its owner, unless that is an outlet (a statement to the paper).
    if (arabic && kind === 'statement' && range[1] > range[0] && /^لل/u.test(tokens[range[0]].norm) && tokens[range[0]].norm.length > 4 &&
      classifySpeaker(tokens, range[0], range[1], article.lexicons).kind === 'named' && isArabicBodyOrTitle(tokens[range[0]].norm)) return range
    // After an implied subject comes a preposition: «قال إن»، «تحدثا للصحيفة» (to the paper: the addressee, not the speaker).
    return arabic && range[1] > range[0] && (AR_IMPLIED.has(tokens[range[0]].norm) || kind !== 'source' && (/^لل/u.test(tokens[range[0]].norm) || /^لـ/u.test(tokens[range[0]].text))) ? [cueTo, cueTo] : range
  }
  // A passive agent: "described by federal officials"; a passive without one is no attribution ("will be announced in March").
  if (tokens[cueTo]?.norm === 'by' && cueTo + 1 < end) return speakerAfter(block, cueTo + 1, end, false)
  // (Only within the clause: "“…, she will be,” said Thomas Nides" ends a quotation with "be".)
  if (cueFrom > start && PASSIVE.has(tokens[cueFrom - 1].norm) && cueTo - cueFrom === 1 && !/ing$/u.test(tokens[cueFrom].norm) &&
    !breaksBetween(text, tokens[cueFrom - 1], tokens[cueFrom])) return undefined
  // A negated verb attributes nothing: "his aides haven't said much", "officials did not say".
  // (Only within the clause: "“…, but it's really not,” said Patrick McHugh" is not negated.)
  for (let i = cueFrom - 1; i >= start && !breaksBetween(text, tokens[i], tokens[i + 1]) && (cueFrom - i <= 2 && EN_AUXILIARIES.has(tokens[i].norm.replace(/n't$/u, '')) || NEGATED.test(tokens[i].norm)); i--) {
    if (NEGATED.test(tokens[i].norm)) return undefined
  }
  // A parenthetical adverb between subject and verb ("Officials, though, say") is skipped.
  let at = cueFrom
  if (at - 1 > start && PARENTHETICAL.has(tokens[at - 1].norm) && /,/u.test(text.slice(tokens[at - 1].end, tokens[at].index))) at--
  const opensClause = at === start || breaksBetween(text, tokens[at - 1], tokens[at]) && at === cueFrom
  // A verb that is a noun too ("document", "report") does not end a subject: "A WikiLeaks document suggests"; nor does a
  // cue joined by a hyphen to the word before.
  const isCue = (token: Token) => {
    if (/[-‐]$/u.test(text.slice(Math.max(0, token.index - 1), token.index))) return false
    const cue = article.lexicons.match.cues.matchAt([token], 0)
    return cue !== undefined && !article.lexicons.cuesBesideQuote.has(normalize(cue.form))
  }
  let range = opensClause ? speakerAfter(block, cueTo, end, false) : speakerBefore(text, tokens, at, start, isCue)
  // English puts no subject after a verb joined by a conjunction: in "… and confirmed his superstar status" the words
  // after the verb are its object, and its subject is the first conjunct's.
  if (range[1] <= range[0] && !opensClause) {
    let conj = at
    while (conj > start && EN_AUXILIARIES.has(tokens[conj - 1].norm) && !breaksBetween(text, tokens[conj - 1], tokens[conj])) conj--
    conj--
    if (conj >= start && COORDINATORS.has(tokens[conj].norm) && !breaksBetween(text, tokens[conj], tokens[conj + 1])) return conjunctSubject(block, conj, cueTo, start, article, isCue)
  }
  // After an English verb a speaker opens with a name, a determiner or a source word ("said Mr Smith", "said a source");
  // a participle after a comma carries the clause's subject on (", saying the plan failed").
  // An inverted speaker ends the sentence or its clause ("…, said a source."); "said the convoy was hit" is the complement.
  // (An empty range at the block's first token ends nothing: "has denied it, its spokesman said" after a cut line.)
  // "…, said an official who spoke on condition of anonymity": a relative clause on the speaker ends it too.
  const inverted = range[1] === end || range[1] < end && range[1] > 0 && (breaksBetween(text, tokens[range[1] - 1], tokens[range[1]]) || RELATIVE.has(tokens[range[1]].norm))
  if (opensClause && range[1] > range[0] && (!startsNounPhrase(tokens[range[0]], article) || /ing$/u.test(tokens[cueTo - 1].norm) || !inverted)) range = [range[0], range[0]]
  if (range[1] <= range[0] && !opensClause) range = speakerAfter(block, cueTo, end, false)
  // "Smith, a spokesman for the ministry, said", "An official, who asked not to be named, said": the subject sits before a comma.
  if (range[1] <= range[0] && cueFrom > start && /^\s*,\s*$/u.test(text.slice(tokens[cueFrom - 1].end, tokens[cueFrom].index))) {
    range = subjectBeforeComma(text, tokens, cueFrom, start)
  }
  return range
}

const COORDINATORS = new Set(['and', 'but', 'or'])
const SUBORDINATORS = new Set(['when', 'while', 'because', 'after', 'before', 'if', 'since', 'though', 'although', 'until', 'as'])

/**
 * The subject of an English verb of saying joined by a conjunction at token `conj` ("He arrived and said", "the minister
 * declined to comment but said"): the subject that opens the first conjunct. After another verb of saying it is implied
 * ("Smith said … and added": the same speaker carries on). After a demonstrative "that"
 * ("and that provided five hits and confirmed his status") the subject is a thing, and the verb attributes nothing.
 */
function conjunctSubject(block: ArticleBlock, conj: number, cueTo: number, start: number, article: Article, isCue: (token: Token) => boolean): [number, number] | undefined {
  const {text, tokens} = block
  const implied: [number, number] = [cueTo, cueTo]
  // Back to the start of the first conjunct (over a comma before the conjunction: "…, but told").
  let k = conj
  // (A comma inside a number, "$20,000", breaks nothing.)
  const joins = (at: number) => !breaksBetween(text, tokens[at - 1], tokens[at]) || (at === conj || /^\d+$/u.test(tokens[at - 1].norm) && /^\d+$/u.test(tokens[at].norm)) &&
    /^\s*,\s*$/u.test(text.slice(tokens[at - 1].end, tokens[at].index))
  // A subordinate clause inside it is passed over ("Maria Lopez lost $20,000 when the bank failed, and said").
  while (k > start && joins(k) && !isCue(tokens[k - 1]) && (!EN_STOP_BACK.has(tokens[k - 1].norm) || COORDINATORS.has(tokens[k - 1].norm) || SUBORDINATORS.has(tokens[k - 1].norm))) k--
  // "Smith said the plan had failed and added": the speaker of the earlier verb carries on.
  if (k === conj || k > start && isCue(tokens[k - 1])) return implied
  // "the businessman who lacks experience and has attacked allies": the relative stands for its antecedent.
  if (k > start && RELATIVE.has(tokens[k - 1].norm) && !breaksBetween(text, tokens[k - 1], tokens[k])) return [k - 1, k]
  const first = tokens[k]
  if (isPronoun(first.norm)) return [k, k + 1]
  const nounPhrase = startsNounPhrase(first, article) && !NOT_SUBJECT_OPENERS.has(first.norm)
  if (!nounPhrase) return thingSubject(text, tokens, k - 1, start) && !PREPOSITIONS.has(first.norm) && !breaksBetween(text, tokens[k - 1], first) ? undefined : implied
  // The noun phrase: a determiner and its noun, or a run of capitalised words (a name).
  let e = k + (EN_NOUN_OPENERS.has(first.norm) && !/^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') ? 2 : 1)
  while (e < conj && /^\p{Lu}/u.test(tokens[e].text) && !breaksBetween(text, tokens[e - 1], tokens[e])) e++
  return [k, Math.min(e, conj)]
}
/**
 * Whether token `at` is a demonstrative "that" opening a clause as its subject ("…, and that provided five hits"): after a
 * conjunction or a break, not after a verb or a preposition ("on that feat", "said that"), and not before one ("that of").
 */
function thingSubject(text: string, tokens: readonly Token[], at: number, start: number): boolean {
  if (at < start || tokens[at].norm !== 'that') return false
  return at === start || breaksBetween(text, tokens[at - 1], tokens[at]) || COORDINATORS.has(tokens[at - 1].norm)
}
const PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'with', 'from', 'on', 'to', 'by', 'about', 'over', 'under', 'into', 'like'])

// Words of affiliation that make a named speaker a member of a field ("Colin Clarke of the Soufan Center", «من مركز سوفان»).
const AFFILIATION = new Set(['of', 'at', 'from', 'with', 'من', 'في', 'لدي', 'بمركز', 'بجامعه', 'بمعهد'])
const ROLE_AFTER_NAME = /^\s*,\s*(?:an?|the)\s/u

// Cue kinds of the data that attribute a view or a finding rather than words.
const VIEW_KINDS = new Set(['belief', 'evidence'])
const COMPARISON = new Set(['than', 'as'])

function makeAttribution(block: ArticleBlock, sentence: number, cue: Attribution['cue'], range: [number, number], vague: Array<PhraseMatch<LexiconEntry>>, quoted: boolean, article: Article, entryKind?: unknown, holdsClaim = false): Attribution {
  const {tokens, text} = block
  const attribution: Attribution = {block: block.index, sentence, cue, quoted}
  const cueFrom = tokenAt(tokens, cue.from)
  const cueTo = tokenAt(tokens, cue.to - 1) + 1
  // A cue inside a vague phrase ("according to available information", «حسب المعلومات المتاحة») names a vague source.
  // A vague group in the speaker span is judged with the rest of the span ("analysts at Barclays" answer for Barclays).
  const vaguePhrase = vague.find((v) => v.from <= cueFrom && v.to >= cueTo || !isGroup(v.value) && v.from >= range[0] && v.from <= range[0] + 1 && v.from < Math.max(range[1], cueTo + 1))
  if (range[1] <= range[0] && !vaguePhrase) return attribution
  // A report phrase around the cue («ذكرت تقارير») whose report names its owner («تقارير لوزارة الخارجية») is that owner's.
  const owned = vaguePhrase && isReport(vaguePhrase.value) && range[1] > range[0] ? classifySpeaker(tokens, range[0], range[1], article.lexicons) : undefined
  let speakerClass: ReturnType<typeof classifySpeaker> = vaguePhrase && owned?.kind !== 'named' ? {kind: 'vague' as const, entry: vaguePhrase.value, definite: false, bare: false} : owned ?? classifySpeaker(tokens, range[0], range[1], article.lexicons)
  // "exit polls conducted for the Associated Press", «استطلاع أجرته جامعة طهران»: a poll or a report whose owner a reduced
  // relative names is that owner's.
  if (speakerClass.kind === 'vague' && speakerClass.entry?.relativeOwner === true) {
    const headEnd = speakerClass.head ? speakerClass.head.to : vaguePhrase ? vaguePhrase.to : range[1]
    const owner = relativeOwner(article, block, headEnd, tokens.length)
    if (owner) speakerClass = {kind: owner.kind, definite: false, bare: false}
  }
  // A view or a finding ("officials agree", "experts fear", "a review found") ties its content to its holder, but an
  // unnamed holder of a view is no anonymous source or vague attribution by itself: those are sources of words.
  // Ownerless evidence ("circulating videos showed", «أظهرت مقاطع متداولة») stays vague.
  // But an unnamed source holding a view of a fact ("officials expect", "his advisers believe", cues.json `holdsClaim`) is
  // still a source the writer does not name.
  // (Not in a comparison: "more delegates than her advisers expected", "not as toxic as insiders believe".)
  const compared = range[0] > 0 && COMPARISON.has(tokens[range[0] - 1].norm)
  if (VIEW_KINDS.has(String(entryKind ?? '')) && !(holdsClaim && !compared && speakerClass.kind === 'anonymous') && (speakerClass.kind === 'anonymous' || speakerClass.kind === 'vague' && speakerClass.entry?.kind === 'group')) {
    speakerClass = {kind: 'described', definite: speakerClass.definite, bare: false}
  }
  const [a, b] = range[1] > range[0] ? range : [vaguePhrase!.from, vaguePhrase!.to]
  const after = tokens.slice(b, b + 6)
  const affiliated = tokens.slice(a, b).some((t, i) => i > 0 && AFFILIATION.has(t.norm)) || ROLE_AFTER_NAME.test(text.slice(tokens[b - 1].end, tokens[b - 1].end + 6)) && after.some((t) => AFFILIATION.has(t.norm))
  const headWords = (head: {from: number; to: number} | undefined) => head &&
    tokens.slice(head.from, head.to).map((t) => t.stems[0] ?? t.norm).join(' ')
  attribution.speaker = {
    from: tokens[a].index, to: tokens[b - 1].end, text: text.slice(tokens[a].index, tokens[b - 1].end),
    kind: speakerClass.kind, entry: speakerClass.entry, definite: speakerClass.definite, bare: speakerClass.bare, affiliated,
    head: headWords('head' in speakerClass ? speakerClass.head : vaguePhrase),
    another: 'another' in speakerClass ? speakerClass.another : undefined,
    qualifiers: 'qualifiers' in speakerClass ? speakerClass.qualifiers : undefined,
    modifiers: 'modifiers' in speakerClass ? speakerClass.modifiers : undefined,
    owner: 'owner' in speakerClass ? speakerClass.owner : undefined
  }
  return attribution
}

// Arabic prepositions and particles. Without harakat a verb and a noun often share a spelling: after a preposition
// the word is a verbal noun («حول نقل معلومات» 'about the transfer of information', «في رد على» 'in response to'),
// and a one-word cue that is itself a particle («دوّن» 'wrote down' = «دون» 'without') is read as the particle.
const AR_PARTICLES = new Set(['في', 'من', 'عن', 'علي', 'الي', 'حول', 'بعد', 'قبل', 'عقب', 'اثر', 'خلال', 'عبر', 'دون', 'بدون', 'منذ', 'ضد', 'بين', 'لدي', 'عند', 'مع'])

function isVerbalNoun(tokens: readonly Token[], from: number, to: number, start: number, kind: CueKind, form: string): boolean {
  if (kind === 'source' || kind === 'statement') return false
  // A verb never takes the article: «الرد» is 'the response', not «رد» 'replied'.
  if (isDefiniteArabic(tokens[from].norm) && !isDefiniteArabic(normalize(form))) return true
  if (to - from !== 1) return false
  return AR_PARTICLES.has(tokens[from].norm) || from > start && AR_PARTICLES.has(tokens[from - 1].norm)
}

// Words after which an English word is a noun, not a verb: "the call", "a claim", "his report", "their show".
const EN_NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'every', 'each', 'no', 'any'])

/**
 * Whether an English cue word is a noun or part of a name here: after a determiner ("the call", "a claim"), or
 * capitalised inside its sentence ("the United States", "Fox News Says"); verbs are lower case mid-sentence.
 */
function isEnglishNoun(block: ArticleBlock, at: number, start: number, titleCase: boolean): boolean {
  const token = block.tokens[at]
  // Inside a run of capitalised words: one before or after it with nothing but a space between.
  const capitalisedNeighbour = (k: number, a: number, b: number) => k >= start && k < block.tokens.length && /^\p{Lu}/u.test(block.tokens[k].text) &&
    /^\s+$/u.test(block.text.slice(block.tokens[a].end, block.tokens[b].index))
  if (at > start && !titleCase && /^\p{Lu}/u.test(token.text) && (capitalisedNeighbour(at - 1, at - 1, at) || capitalisedNeighbour(at + 1, at, at + 1))) return true
  return at > start && EN_NOUN_DETERMINERS.has(block.tokens[at - 1].norm) && !breaksBetween(block.text, block.tokens[at - 1], token)
}

/** Whether most words of a sentence are capitalised, as in a headline or a title-case list. */
function isTitleCase(tokens: readonly Token[], start: number, end: number): boolean {
  let words = 0
  let capitalised = 0
  for (let i = start; i < end; i++) {
    if (!/^\p{L}/u.test(tokens[i].text) || isArabicWord(tokens[i].norm)) continue
    words++
    if (/^\p{Lu}/u.test(tokens[i].text)) capitalised++
  }
  return words >= 4 && capitalised >= 0.8 * words
}

// Most words between a quotation and a cue beside it ("“…,” a voice-over in the ad states").
const MAX_BESIDE_GAP = 6
const MAX_BESIDE_AFTER = 3
// Words that show the quotation after a noun-like cue is not its object: "reports of one were “…”".
const NOT_OBJECT_WORDS = new Set(['of', 'was', 'were', 'is', 'are', 'be', 'been', 'that', 'which', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'about', 'and', 'or'])

/**
 * Whether a cue at tokens [from, to) sits beside a quotation: its clause follows a quotation's closing mark with a
 * short subject between ("“…,” he notes.", "“…,” read the email."), or a colon or a quotation follows it ("The sign
 * reads: “…”").
 */
function besideQuote(block: ArticleBlock, from: number, to: number): boolean {
  const {text, tokens} = block
  const cueStart = tokens[from].index
  // Straight single marks open a quotation too after a comma, and doubled ('') as archives of wire copy write them.
  if (/^\s*,?\s*(?:[:：]|["“«‘]|'')|^\s*,\s*'/u.test(text.slice(tokens[to - 1].end, tokens[to - 1].end + 5))) return true
  // "calls Cruz “a conviction candidate”": a quotation opening a few words on, in the same clause.
  const {quotes} = block
  let at = firstOpeningFrom(quotes, tokens[to - 1].end)
  while (at < quotes.length && (quotes[at].depth !== 0 || quotes[at].marks[0] === '')) at++
  const next = quotes[at]
  if (next && tokenAt(tokens, next.open) - to <= MAX_BESIDE_AFTER && !/[.!?؟;:,]/u.test(text.slice(tokens[to - 1].end, next.open)) &&
    !tokens.slice(to, tokenAt(tokens, next.open)).some((t) => NOT_OBJECT_WORDS.has(t.norm))) return true
  // A quotation closing a few words before the cue: the outer quotation opening last before it (outer ones do not overlap).
  for (let k = firstOpeningFrom(quotes, cueStart) - 1, seen = 0; k >= 0 && seen < 2; k--) {
    const quote = quotes[k]
    if (quote.depth !== 0 || quote.marks[0] === '') continue
    seen++
    if (quote.close < 0 || quote.close >= cueStart) continue
    if (tokenAt(tokens, cueStart) - tokenAt(tokens, quote.close + 1) <= MAX_BESIDE_GAP && !/[.!?؟;:]/u.test(text.slice(quote.close + 1, cueStart))) return true
  }
  return false
}

/** Index of the first quotation (sorted by opening mark) that opens at or after `offset`. */
function firstOpeningFrom(quotes: readonly Quote[], offset: number): number {
  return firstNotBefore(quotes, (quote) => quote.open < offset)
}

const plurals = new WeakMap<Lexicons, Set<string>>()
/** Plural present forms of the English speech verbs, read off their third-person forms ("argues" → "argue"). */
function pluralSpeechVerbs(lexicons: Lexicons): Set<string> {
  let verbs = plurals.get(lexicons)
  if (!verbs) {
    verbs = new Set()
    // Verbs of saying only: belief and evidence verbs after a group ("many people want", "polls show") are not speech.
    for (const entry of lexicons.cues.entries) {
      if (entry.kind !== undefined && entry.kind !== 'speech') continue
      for (const {lang, form} of formsOf(entry)) {
        if (lang !== 'en') continue
        if (/^[a-z]+s$/u.test(form) && !form.endsWith('ss')) verbs.add(form.endsWith('ies') ? form.slice(0, -3) + 'y' : form.slice(0, -1))
      }
    }
    plurals.set(lexicons, verbs)
  }
  return verbs
}

const introducers = new WeakMap<Lexicons, Set<string>>()
/** Ids of the cue entries marked `introduces` in the data: verbs of talking whose words may follow in the next paragraph. */
function introducingCues(lexicons: Lexicons): Set<string> {
  let ids = introducers.get(lexicons)
  if (!ids) introducers.set(lexicons, (ids = new Set(lexicons.cues.entries.filter((entry) => entry.introduces === true).map((entry) => entry.id))))
  return ids
}

/** Whether a vague entry is a report (a report noun, or a phrase about reports marked `report` in the data). */
function isReport(entry: LexiconEntry | undefined): boolean {
  return entry?.kind === 'report' || entry?.report === true
}

/**
 * The token of an English name right before token `at`, with nothing between them: a capitalised word that does not open
 * the sentence, an acronym ("FEC", "F.A.A.") or a name's possessive ("Greenberg's"); -1 when there is none.
 */
function ownerNameBefore(block: ArticleBlock, at: number, start: number): number {
  const {tokens, text} = block
  const j = at - 1
  if (j < start || /\p{Script=Arabic}/u.test(tokens[at].text) || tokens[at].norm === 'according') return -1
  const word = tokens[j].text
  // The last letter of initials ("F.A.A. records") keeps its point.
  const initials = /^\p{Lu}$/u.test(word) && /\p{Lu}\.$/u.test(text.slice(Math.max(0, tokens[j].index - 2), tokens[j].index))
  if (!/^\p{Lu}/u.test(word) || !(initials ? /^\.\s+$/u : /^\s+$/u).test(text.slice(tokens[j].end, tokens[at].index))) return -1
  const acronym = initials || /^\p{Lu}(?:[\p{Lu}&.-]|\d)+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word)
  return j > start || acronym ? j : -1
}

/** Whether a vague entry is a group or an ownerless report: vague only as the subject or object of a cue. */
function isGroup(entry: LexiconEntry): boolean {
  return entry.kind === 'group' || entry.kind === 'report'
}

// Determiners and quantifiers that open a vague group ("some observers", "many pundits", "other members").
const QUANTIFIERS = new Set(['some', 'many', 'other', 'several', 'most', 'few', 'numerous', 'various', 'certain', 'multiple'])
// Words between a group and its verb: auxiliaries and adverbs ("have long", "consistently").
// What ownerless reports, estimates and polls do ("polls consistently show", "estimates put").
const REPORT_VERBS = new Set(['show', 'showed', 'shown', 'suggest', 'suggested', 'indicate', 'indicated', 'found', 'put', 'claim', 'claimed', 'say', 'said', 'point'])
const MAX_BETWEEN = 3

/** Index of the plural verb of saying after a group, over auxiliaries and adverbs ("polls consistently show"), or -1. */
function pluralVerbAfter(article: Article, tokens: readonly Token[], at: number, end: number, report: boolean): number {
  const verbs = pluralSpeechVerbs(article.lexicons)
  for (let i = at; i < end && i - at <= MAX_BETWEEN; i++) {
    const norm = tokens[i].norm
    if (verbs.has(norm) || report && REPORT_VERBS.has(norm)) return i
    // After an auxiliary any cue counts ("have said", "have expressed"); an -ing form only after a form of "be" ("are
    // warning"): "doctors have admitting privileges" holds a noun.
    if (i > at && EN_AUXILIARIES.has(tokens[i - 1].norm) && (!/ing$/u.test(norm) || PASSIVE.has(tokens[i - 1].norm)) && article.lexicons.match.cues.matchAt(tokens, i, end)) return i
    if (!EN_AUXILIARIES.has(norm) && !/^[a-z]{3,}ly$/u.test(norm) && norm !== 'long') return -1
  }
  return -1
}

// Passives of judgement whose agent is a vague group: "considered by many pundits", "seen by some analysts as".
const JUDGED = /^(?:considered|seen|regarded|viewed|described|called|dubbed|criticized|criticised|praised|hailed|blamed|deemed|rated|ranked|branded|labelled|labeled|derided|dismissed)$/u

/** The token where a passive agent opens ("by" after a participle of judgement) before a group at `from`, or false. */
function passiveAgent(text: string, tokens: readonly Token[], from: number, start: number): number | false {
  for (let by = from - 1; by > start && from - by <= 4; by--) {
    if (breaksBetween(text, tokens[by], tokens[by + 1])) return false
    if (tokens[by].norm === 'by') return JUDGED.test(tokens[by - 1].norm) ? by - 1 : false
  }
  return false
}

// Arabic words that open a clause whose subject comes before its verb.
const AR_CLAUSE_OPENERS = new Set(['كان', 'كانت', 'وكان', 'وكانت', 'ان', 'انه', 'انها', 'لكن', 'ولكن', 'بينما', 'فيما', 'حيث', 'اذ', 'كما', 'الي'])
// Words between such a subject and its verb: «قد», «كان قد».
const AR_BEFORE_VERB = new Set(['قد', 'كان', 'كانت', 'كانوا', 'كانا', 'لقد'])
const MAX_SUBJECT_BEFORE = 10

/**
 * An unnamed or vague subject before an Arabic verb of saying, at the opening of its clause: «كانت تقارير أميركية قد
 * ذكرت»، «يشار إلى أن مصدر مسؤول في القنصلية كان قد نفى». The subject must be an anonymous or vague head; a named
 * subject before the verb is left to the speech that follows.
 */
function arabicSubjectBefore(block: ArticleBlock, cueFrom: number, start: number, article: Article): [number, number] | undefined {
  const {text, tokens} = block
  // Only a verb after «قد» or «كان» closes a subject before it, or a verb in the plural: a verb that follows its subject
  // agrees with it («الأطباء … وصفوا»), one that precedes it stays singular («وصف الأطباء»). A bare singular verb opens its own clause.
  if (!(cueFrom > start && AR_BEFORE_VERB.has(tokens[cueFrom - 1].norm))) return isArabicPluralVerb(tokens[cueFrom].norm) ? subjectOpeningClause(block, cueFrom, start, article) : undefined
  let to = cueFrom
  while (to > start && AR_BEFORE_VERB.has(tokens[to - 1].norm)) to--
  const {anonymous, vague} = article.lexicons.match
  for (let from = to - 1; from >= start && to - from <= MAX_SUBJECT_BEFORE; from--) {
    if (from < to - 1 && breaksBetween(text, tokens[from], tokens[from + 1])) return undefined
    const opens = from === start || AR_CLAUSE_OPENERS.has(tokens[from - 1].norm) || breaksBetween(text, tokens[from - 1], tokens[from])
    if (!opens) continue
    const head = anonymous.matchAt(tokens, from, to) ?? vague.matchAt(tokens, from, to)
    return head ? [from, to] : undefined
  }
  return undefined
}

// Longest clause, in words, between an Arabic subject and the plural verb that agrees with it (an aside may stand between).
const MAX_CLAUSE_BEFORE_VERB = 24

/** Whether an Arabic verb form ends in the plural agreement «ـوا» («وصفوا»، «قالوا»، «وأكدوا»). */
function isArabicPluralVerb(norm: string): boolean {
  return /\p{L}{2}وا$/u.test(norm)
}

/**
 * The unnamed or vague subject that opens the clause of a plural verb: «لكن الأطباء ومنظمات الإغاثة في دوما، وبالتزامن
 * مع …، وصفوا». The subject runs from the clause opening to its first break, and must hold an anonymous or vague head.
 */
function subjectOpeningClause(block: ArticleBlock, cueFrom: number, start: number, article: Article): [number, number] | undefined {
  const {text, tokens} = block
  const {anonymous, vague} = article.lexicons.match
  for (let from = cueFrom - 1; from >= start && cueFrom - from <= MAX_CLAUSE_BEFORE_VERB; from--) {
    // Another verb of the clause, or the end of an earlier sentence part, comes first: no subject here.
    if (from < cueFrom - 1 && /[.;:!?؟؛]/u.test(text.slice(tokens[from].end, tokens[from + 1].index))) return undefined
    if (!(from === start || AR_CLAUSE_OPENERS.has(tokens[from - 1].norm))) continue
    let to = from + 1
    while (to < cueFrom && !breaksBetween(text, tokens[to - 1], tokens[to])) to++
    const head = anonymous.matchAt(tokens, from, to) ?? vague.matchAt(tokens, from, to)
    return head ? [from, to] : undefined
  }
  return undefined
}

/**
 * Whether an Arabic subject goes on, after `at`, with a conjunct that names a body in construct («ورصدت تقارير إعلامية
 * ومنظمات غير حكومية ومنظمة الصحة العالمية»): a named member of the subject backs the claim.
 */
export function hasNamedConjunct(block: ArticleBlock, at: number, end: number): boolean {
  const {text, tokens} = block
  for (let i = at; i < end && i - at < MAX_SPEAKER * 2; i++) {
    if (i > at && breaksBetween(text, tokens[i - 1], tokens[i])) return false
    if (AR_STOP_ON.has(tokens[i].norm)) return false
    if (/^و/u.test(tokens[i].norm) && isArabicBodyOrTitle(tokens[i].norm) && i + 1 < end && isDefiniteArabic(tokens[i + 1].norm)) return true
  }
  return false
}

// Words that open the owner of a criticism or an accusation after it: "from", "by", «من», «من قبل».
const OWNER_OPENERS = new Set(['from', 'by', 'من'])
const MAX_OWNER_GAP = 3

/** Whether an owner ("from the unions", «من المعارضة») follows a phrase ending at token `at`, within its clause. */
function ownerFollows(block: ArticleBlock, at: number, end: number): boolean {
  const {text, tokens} = block
  for (let i = at; i < end && i - at < MAX_OWNER_GAP; i++) {
    if (i > at && breaksBetween(text, tokens[i - 1], tokens[i])) return false
    if (OWNER_OPENERS.has(tokens[i].norm)) return true
  }
  return false
}

const ownerVerbs = new WeakMap<Lexicons, {en: string[][]; ar: Set<string>}>()
/** The verbs of a reduced relative that names a report's owner (vague.json `ownerVerbs`): English phrases, Arabic forms with their object pronoun. */
function reportOwnerVerbs(lexicons: Lexicons): {en: string[][]; ar: Set<string>} {
  let verbs = ownerVerbs.get(lexicons)
  if (!verbs) {
    const data = (lexicons.vague.ownerVerbs ?? {}) as Record<string, unknown>
    const list = (lang: string) => (Array.isArray(data[lang]) ? data[lang] as unknown[] : []).map(String)
    verbs = {
      en: list('en').map((phrase) => normalize(phrase).split(/\s+/u)),
      ar: new Set(list('ar').flatMap((spec) => arabicVerbInflections(spec).filter((form) => form.objectPronoun).map((form) => normalize(form.form))))
    }
    ownerVerbs.set(lexicons, verbs)
  }
  return verbs
}
// Words between a report's head and the verb of its relative clause («استطلاع للرأي أجرته», "a poll of 1,000 voters conducted by").
const MAX_BEFORE_RELATIVE = 4

/**
 * The kind of owner ('named' or 'outlet') that a reduced relative after a poll, a study or a report names, or undefined:
 * "a poll conducted by the University of Maryland", "exit polls conducted for the Associated Press", «استطلاع أجرته جامعة
 * طهران», «دراسة أعدها باحثون في جامعة هارفارد» (a group affiliated by name answers for that body). The head ends at
 * token `at`; an owner that is itself unnamed ("a study done by researchers") names no one.
 */
function relativeOwner(article: Article, block: ArticleBlock, at: number, end: number): {kind: 'named' | 'outlet'; to: number} | undefined {
  const {tokens, text} = block
  const verbs = reportOwnerVerbs(article.lexicons)
  for (let i = at; i < end && i - at <= MAX_BEFORE_RELATIVE; i++) {
    const token = tokens[i]
    let from = -1
    if (isArabicWord(token.norm)) {
      if (verbs.ar.has(token.norm) || token.stems.some((stem) => verbs.ar.has(stem))) from = i + 1
    } else {
      const phrase = verbs.en.find((words) => words.every((word, k) => tokens[i + k]?.norm === word))
      if (phrase) from = ['by', 'for'].includes(tokens[i + phrase.length]?.norm ?? '') ? i + phrase.length + 1 : end
    }
    // A comma may stand before the relative ("A new poll, conducted by …"), not inside what comes before it.
    if (from < 0 && i > at && breaksBetween(text, tokens[i - 1], token)) return undefined
    if (from < 0) continue
    if (from >= end) return undefined
    const arabic = isArabicWord(token.norm)
    const [a, b] = speakerAfter(block, from, end, arabic)
    if (b <= a) return undefined
    const owner = classifySpeaker(tokens, a, b, article.lexicons).kind
    if (owner === 'named' || owner === 'outlet') return {kind: owner, to: b}
    // A group affiliated by name: «باحثون في جامعة هارفارد», "researchers at Harvard".
    const k = tokens.slice(a, Math.min(end, b + 1)).findIndex((t, n) => n > 0 && AFFILIATION.has(t.norm)) + a
    if (k <= a || k + 1 >= end) return undefined
    const [c, d] = speakerAfter(block, k + 1, end, arabic)
    const affiliated = d > c ? classifySpeaker(tokens, c, d, article.lexicons).kind : undefined
    return affiliated === 'named' || affiliated === 'outlet' ? {kind: affiliated, to: d} : undefined
  }
  return undefined
}

const speechNounSets = new WeakMap<Lexicons, Set<string>>()
/** The nouns of speech whose owner speaks the quotation beside them (cues.json `speechNouns`), normalised. */
function speechNouns(lexicons: Lexicons): Set<string> {
  let nouns = speechNounSets.get(lexicons)
  if (!nouns) {
    const data = (lexicons.cues.speechNouns ?? {}) as Record<string, unknown>
    nouns = new Set(Object.entries(data).filter(([lang, forms]) => /^[a-z]{2,3}$/u.test(lang) && Array.isArray(forms)).flatMap(([, forms]) => (forms as unknown[]).map((form) => normalize(String(form)))))
    speechNounSets.set(lexicons, nouns)
  }
  return nouns
}
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'their', 'its'])
// Words between an English possessor and its noun ("her now-famous remark", "Trump's latest comments"), and the longest owner.
const MAX_NOUN_MODIFIERS = 2
const MAX_NOUN_OWNER = 8
// English prepositions that open the owner after a noun of speech ("comments from Leon Panetta", "remarks by the senator").
const NOUN_OWNER_OPENERS = new Set(['from', 'by'])
// «بأن», «إن» between an Arabic owner and the quotation.
const AR_THAT = new Set(['ان', 'بان', 'انه', 'بانه', 'انها', 'بانها'])

/**
 * The owner of a noun of speech right before a quotation, as a token range, with whether it is a possessive pronoun: "her
 * remark that “…”" (her), "Trump's comments: “…”", "the senator's latest statement: “…”", "2013 comments from Leon Panetta
 * that “…”", «تصريحات الوزير: «…»», «تصريح للوزير بأن «…»», «تصريحاته: «…»». Only a colon, a comma, "that" or «بأن» may
 * stand between the noun's phrase and the quotation; a noun with no owner ("the claim that “…”") names no one.
 */
function nounOwner(article: Article, block: ArticleBlock, open: number, start: number): {noun: number; owner: [number, number]; pronoun: boolean} | undefined {
  const {tokens, text} = block
  const nouns = speechNouns(article.lexicons)
  const isNoun = (token: Token) => nouns.has(token.norm) || token.stems.some((stem) => nouns.has(stem))
  let k = tokenAt(tokens, open) - 1
  if (k < start || !/^\s*[:,،]?\s*$/u.test(text.slice(tokens[k].end, open))) return undefined
  const arabic = isArabicWord(tokens[k].norm)
  if ((arabic ? AR_THAT : new Set(['that'])).has(tokens[k].norm) && k - 1 >= start && !breaksBetween(text, tokens[k - 1], tokens[k])) k--
  if (arabic) {
    // «تصريحاته»: the noun with a pronoun suffix («كلمة» is written with ة: no suffix there).
    const suffixed = tokens[k].norm.match(/^(.{3,}?)(?:ه|ها|هم)$/u)
    if (suffixed && !/ة[\u064B-\u0652]*$/u.test(tokens[k].text) && [suffixed[1], ...withoutArticle(suffixed[1])].some((word) => nouns.has(word))) return {noun: k, owner: [k, k + 1], pronoun: true}
    // The noun, then its owner in construct («تصريحات الوزير الأخيرة») or after ل («تصريح لمسؤول أمني»).
    for (let j = k - 1; j >= start && k - j <= 4; j--) {
      if (breaksBetween(text, tokens[j], tokens[j + 1])) return undefined
      if (!isNoun(tokens[j])) continue
      const first = tokens[j + 1]
      const withLam = /^ل/u.test(first.norm) && first.norm.length > 3
      if (!isDefiniteArabic(first.norm) && !withLam) return undefined
      const owner = classifySpeaker(tokens, j + 1, k + 1, article.lexicons).kind
      // «تصريح للصحيفة» is a statement to the paper, not the paper's.
      if (owner === 'pronoun' || withLam && owner === 'outlet') return undefined
      return {noun: j, owner: [j + 1, k + 1], pronoun: false}
    }
    return undefined
  }
  // "comments from former Secretary of Defense Leon Panetta that": the owner after the noun.
  for (let j = k - 1; j > start && k - j <= MAX_NOUN_OWNER; j--) {
    if (breaksBetween(text, tokens[j], tokens[j + 1])) break
    if (NOUN_OWNER_OPENERS.has(tokens[j].norm) && isNoun(tokens[j - 1])) {
      const owner = classifySpeaker(tokens, j + 1, k + 1, article.lexicons).kind
      return owner === 'pronoun' ? undefined : {noun: j - 1, owner: [j + 1, k + 1], pronoun: false}
    }
  }
  if (!isNoun(tokens[k])) return undefined
  // The possessor before the noun, over a few modifiers: "her remark", "Trump's latest comments".
  for (let p = k - 1; p >= start && k - p <= MAX_NOUN_MODIFIERS + 1; p--) {
    if (breaksBetween(text, tokens[p], tokens[p + 1])) return undefined
    if (POSSESSIVE_DETERMINERS.has(tokens[p].norm)) return {noun: k, owner: [p, p + 1], pronoun: true}
    if (/['’]s$/u.test(tokens[p].text)) {
      // The possessor's name ("Donald Trump's") or a determiner and its noun ("the senator's").
      let b = p
      while (b > start && /^\p{Lu}/u.test(tokens[b - 1].text) && /^\p{Lu}/u.test(tokens[b].text) && !breaksBetween(text, tokens[b - 1], tokens[b])) b--
      if (b === p && b > start && /^(?:the|a|an)$/u.test(tokens[b - 1].norm)) b--
      return {noun: k, owner: [b, p + 1], pronoun: false}
    }
    // "Trump issued a statement, “…”", "the campaign put out a statement: “…”", "Clinton released the following
    // statement:": the subject of a verb of issuing owns it.
    if (/^(?:a|an|the|this)$/u.test(tokens[p].norm) && p - 1 >= start && !breaksBetween(text, tokens[p - 1], tokens[p])) {
      const particle = /^(?:out|off)$/u.test(tokens[p - 1].norm) ? 1 : 0
      const verb = p - 1 - particle
      if (verb < start || !issuingVerbs(article.lexicons).has(tokens[verb].norm) || particle && breaksBetween(text, tokens[verb], tokens[p - 1])) return undefined
      const [a, b] = speakerBefore(text, tokens, verb, start)
      if (b <= a) return undefined
      return {noun: k, owner: [a, b], pronoun: isPronoun(tokens[a].norm) && b - a === 1}
    }
    if (/^\p{Lu}/u.test(tokens[p].text) || NOUN_OWNER_OPENERS.has(tokens[p].norm)) return undefined
  }
  return undefined
}

const issuing = new WeakMap<Lexicons, Set<string>>()
/** English verbs whose subject issues a statement ("issued", "released", "put out"; cues.json `speechNouns.issuing`), normalised. */
function issuingVerbs(lexicons: Lexicons): Set<string> {
  let verbs = issuing.get(lexicons)
  if (!verbs) {
    const data = ((lexicons.cues.speechNouns as Record<string, unknown> | undefined)?.issuing ?? {}) as Record<string, unknown>
    verbs = new Set(Object.values(data).flatMap((forms) => Array.isArray(forms) ? forms.map((form) => normalize(String(form))) : []))
    issuing.set(lexicons, verbs)
  }
  return verbs
}

/** Whether a story block opens with a quotation mark (a quoted paragraph). */
function opensWithQuotation(block: ArticleBlock | undefined): boolean {
  return !!block && block.role === 'body' && block.quotes.some((q) => q.depth === 0 && q.marks[0] !== '' && opensText(block.text, q))
}

/** An Arabic word without its article (and a proclitic before it): «التصريحات» → «تصريحات». */
function withoutArticle(norm: string): string[] {
  const bare = norm.replace(/^(?:[وف]?[بلك]?ال|[وف]?لل)/u, '')
  return bare !== norm && bare.length >= 3 ? [bare] : []
}

// The most words of a personal name in apposition («، إيد رينولد،»).
const MAX_APPOSITIVE_NAME = 3
// Words that end an Arabic appositive name and open what the speaker said.
const AR_SAYING_OPENERS = new Set(['ان', 'بان', 'انه', 'انها', 'بانه', 'بانها'])

/**
 * The end of a personal name set off by commas after an Arabic speaker ending at token `at` («وقال المسؤول في مكتب
 * التحقيقات، إيد رينولد: …»، «قال مسؤول في الشرطة، أحمد سالم، إن …»), or -1. A name is one to three words with no article,
 * none a particle, a pronoun-suffixed word, an outlet or part of a reason for anonymity («، رفض ذكر اسمه، إن»), and the words said
 * follow it: a colon, or «إن»/«أن» after it or after its closing comma.
 */
function arabicAppositiveName(block: ArticleBlock, at: number, end: number, article: Article): number {
  const {text, tokens} = block
  if (at <= 0 || at >= end || !/^\s*[،,]\s*$/u.test(text.slice(tokens[at - 1].end, tokens[at].index))) return -1
  if (article.lexicons.match.reasons.matchAt(tokens, at, end)) return -1
  let k = at
  while (k < end && k - at < MAX_APPOSITIVE_NAME && (k === at || !breaksBetween(text, tokens[k - 1], tokens[k]))) {
    const token = tokens[k]
    if (!isArabicWord(token.norm) || isDefiniteArabic(token.norm) || AR_IMPLIED.has(token.norm) || AR_PARTICLES.has(token.norm) || /[^ة]ه(?:ا|م)?$/u.test(token.text) && token.text.length > 3 ||
      /^لل/u.test(token.norm) || article.lexicons.match.anonymous.matchAt(tokens, k, end) || article.lexicons.match.vague.matchAt(tokens, k, end)) return -1
    k++
  }
  // (A verb's spelling is no objection: «إيد» is a name here, «أيّد» 'supported' elsewhere. An outlet is the addressee.)
  if (k === at || k >= end || article.lexicons.match.outlets.findWithin(tokens, at, k).length) return -1
  const gap = text.slice(tokens[k - 1].end, tokens[k].index)
  if (/^\s*[:：]/u.test(gap)) return k
  return /^\s*[،,]?\s*$/u.test(gap) && AR_SAYING_OPENERS.has(tokens[k].norm) ? k : -1
}

// Words of a time phrase between an English verb and its complement ("ruled on Monday that", "ruled last week against").
const TIME_PHRASE = new Set(['on', 'today', 'yesterday', 'tonight', 'last', 'this', 'week', 'month', 'year', 'earlier', 'late', 'early', 'morning',
  'afternoon', 'evening', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'also', 'unanimously', 'previously', 'recently', 'again', 'now'])
const MAX_TIME_PHRASE = 3

/** The words an entry's data lists under `key` for a language (`complement`, `subjects`), normalised, or undefined. */
function entryWords(entry: LexiconEntry, key: string, lang: string): string[] | undefined {
  const byLang = entry[key] as Record<string, unknown> | undefined
  const words = byLang && typeof byLang === 'object' ? byLang[lang] : undefined
  return Array.isArray(words) ? words.map((word) => normalize(String(word))) : undefined
}

/**
 * Whether a cue whose entry asks for a complement or a kind of subject (cues.json `complement`, `subjects`: a ruling)
 * has them: English "ruled (on Monday) that / against / in favor of", or the verb beside a quotation ("“…,” the judge
 * ruled."), its -ing form only after a comma; Arabic a court or a judge as the subject, and a word opening with «ب» after it
 * («قضت المحكمة بأن»، «قضت محكمة أمريكية بسجن …»), where the complement ends the speaker `range`. Entries that ask for neither
 * always hold.
 */
function complementHolds(block: ArticleBlock, entry: LexiconEntry, cueFrom: number, cueTo: number, range: [number, number], start: number, end: number, arabic: boolean): boolean {
  const lang = arabic ? 'ar' : 'en'
  const complement = entryWords(entry, 'complement', lang)
  const subjects = entryWords(entry, 'subjects', lang)
  if (!complement && !subjects) return true
  const {tokens, text} = block
  if (arabic) {
    if (subjects) {
      const first = range[1] > range[0] ? tokens[range[0]] : undefined
      if (!first || ![first.norm, ...first.stems].some((word) => subjects.includes(word))) return false
    }
    if (complement) {
      // The complement ends the subject («وقضى القاضي ببراءة المتهمين»: the judge, then what he ruled).
      let k = range[0] + 1
      while (k < Math.min(range[1] + 1, end) && !breaksBetween(text, tokens[k - 1], tokens[k]) && !complement.some((clitic) => tokens[k].norm.startsWith(clitic) && tokens[k].norm.length > clitic.length + 1)) k++
      if (k >= Math.min(range[1] + 1, end) || breaksBetween(text, tokens[k - 1], tokens[k])) return false
      range[1] = k
    }
    return true
  }
  if (/ing$/u.test(tokens[cueFrom].norm) && !(cueFrom > start && /,\s*$/u.test(text.slice(tokens[cueFrom - 1].end, tokens[cueFrom].index)))) return false
  // Beside a quotation only as a verb in the past ("“…,” the judge ruled."): "rules" there is a noun ("Party rules: “…”").
  if (!complement || /ed$/u.test(tokens[cueFrom].norm) && besideQuote(block, cueFrom, cueTo)) return true
  for (let i = cueTo; i < end && i - cueTo <= MAX_TIME_PHRASE; i++) {
    if (breaksBetween(text, tokens[i - 1], tokens[i])) return false
    // ("ruled that out" is "ruled out", rule-out's.)
    if (complement.some((phrase) => phrase.split(' ').every((word, k) => tokens[i + k]?.norm === word))) return tokens[i + 1]?.norm !== 'out'
    if (!TIME_PHRASE.has(tokens[i].norm)) return false
  }
  return false
}

const PARENTHETICAL = new Set(['though', 'however', 'too', 'meanwhile', 'moreover', 'instead', 'nonetheless', 'nevertheless', 'however'])

export function findAttributions(article: Article): AttributionIndex {
  const {match} = article.lexicons
  const all: Attribution[] = []
  const bySentence = new PerSentence<Attribution[]>()
  let last: Attribution | undefined
  for (const block of article.blocks) {
    const {tokens, text} = block
    const quoted = quotedRanges(block)
    // Outer quotations do not overlap and come in order: the last one opening before `from` is the only candidate.
    const isQuoted = (from: number, to: number) => {
      const candidate = quoted[firstNotBefore(quoted, (range) => range[0] <= from) - 1]
      return Boolean(candidate && to <= candidate[1])
    }
    block.sentences.forEach((sentence, s) => {
      const start = tokenAt(tokens, sentence.start)
      const end = tokenAt(tokens, sentence.end)
      const found: Attribution[] = []
      // Matched within the sentence's own words, so that no phrase runs on into the next sentence ("wrote. In …").
      const cues = match.cues.findWithin(tokens, start, end)
      // A sentence in title case ("Clinton Said That The Blame …") capitalises its verbs too.
      // Read only when an English speech cue asks (most sentences have none).
      let titleCase: boolean | undefined
      const isTitled = () => (titleCase ??= isTitleCase(tokens, start, end))
      const vague = match.vague.findWithin(tokens, start, end)
      for (const cue of cues) {
        const entry = cue.value
        const kind = cueKind(entry)
        const from = tokens[cue.from].index
        const to = tokens[cue.to - 1].end
        const arabic = isArabicWord(tokens[cue.from].norm)
        if (arabic && isVerbalNoun(tokens, cue.from, cue.to, start, kind, cue.form)) continue
        if (!arabic && kind === 'speech' && isEnglishNoun(block, cue.from, start, isTitled())) continue
        // An -ing form right after "have" is no verb: "doctors have admitting privileges".
        if (!arabic && cue.from > start && /ing$/u.test(tokens[cue.from].norm) && HAVE.has(tokens[cue.from - 1].norm)) continue
        // A cue joined by a hyphen to the word before is part of an adjective: "so-called", "self-described".
        if (!arabic && cue.from > start && /^[-‐]$/u.test(text.slice(tokens[cue.from - 1].end, tokens[cue.from].index))) continue
        // "records show", «تشير التقديرات»: a view or finding inside a vague phrase is that phrase's, as the vague lexicon reads it.
        if (VIEW_KINDS.has(String(entry.kind)) && vague.some((v) => v.from <= cue.from && v.to >= cue.to)) continue
        // "notes", "read": a verb that is a noun too is a cue only beside a quotation ("“…,” he notes.", "it read: “…”").
        if (article.lexicons.cuesBesideQuote.has(normalize(cue.form)) && !besideQuote(block, cue.from, cue.to)) continue
        // «وصفه»، «نسبته إلى»: a verb with its object pronoun. Written with «ة» it is a noun («وصفة» a recipe, «نسبة» a share),
        // and as «وصف» + 'his' it is one too («وصفه للأحداث»): read as a verb only with a speaker named after it.
        const objectPronoun = arabic && article.lexicons.cuesWithObjectPronoun.has(normalize(cue.form))
        if (objectPronoun && /ة[\u064B-\u0652]*$/u.test(tokens[cue.from].text)) continue
        let range = speakerRange(block, cue.from, cue.to, start, end, kind, arabic, article)
        if (!range) continue
        // (Nor is the word after it a speaker when it opens with a preposition: «لما وصفه بالجهود الغربية» says what it was called.)
        if (objectPronoun && (range[1] <= range[0] || !/^\p{L}/u.test(tokens[range[0]].text) || /^[بل]/u.test(tokens[range[0]].norm))) continue
        // "ruled that", «قضت المحكمة بأن»: a verb that attributes only with its complement or its kind of subject (which may end
        // the Arabic subject).
        if (!complementHolds(block, entry, cue.from, cue.to, range, start, end, arabic)) continue
        // «كانت تقارير أميركية قد ذكرت»، «مصدر مسؤول في القنصلية كان قد نفى»: an Arabic subject may open the clause before its verb.
        // A plural verb agrees with a subject before it: what follows it is its object («وصفوا أعراضا»).
        if (arabic && kind === 'speech' && (range[1] <= range[0] || isArabicPluralVerb(tokens[cue.from].norm))) range = arabicSubjectBefore(block, cue.from, start, article) ?? range
        // A view of a fact is held by a finite verb: not after "to" ("led many to assume") nor before it ("expect to hear").
        const holdsClaim = entry.holdsClaim === true && tokens[cue.from - 1]?.norm !== 'to' && tokens[cue.to]?.norm !== 'to'
        const attribution = makeAttribution(block, s, {from, to, kind, entry: entry.id}, range, vague, isQuoted(from, to), article, entry.kind, holdsClaim)
        // «وقال المسؤول في مكتب التحقيقات الفيدرالي، إيد رينولد: …»: a name in apposition names the unnamed-looking speaker.
        const named = arabic && attribution.speaker?.kind === 'anonymous' ? arabicAppositiveName(block, range[1], end, article) : -1
        if (named > 0 && attribution.speaker) {
          attribution.speaker.kind = 'named'
          attribution.speaker.to = tokens[named - 1].end
          attribution.speaker.text = text.slice(attribution.speaker.from, attribution.speaker.to)
        }
        found.push(attribution)
        // «نقلت وكالة الأنباء عن مصدر عسكري»، «علمت الصحيفة من مصادر خاصة»، «وفقا لمعلومات … من مصادر عسكرية»: an outlet, a body
        // or a report relays the source after «عن»/«من».
        const subject = attribution.speaker?.kind
        if (arabic && (subject === 'outlet' || subject === 'described' || subject === 'vague' && attribution.speaker?.entry?.kind === 'report') && range[1] < end && RELAY.has(tokens[range[1]].norm)) {
          const relayed = speakerAfter(block, range[1] + 1, end, arabic)
          if (relayed[1] > relayed[0]) found.push(makeAttribution(block, s, {from, to, kind: 'source', entry: entry.id}, relayed, vague, isQuoted(from, to), article))
        }
      }
      // A report whose sentence names an outlet ("according to US reports published by the Times") is that outlet's.
      // The outlet follows the report ("reports published by", «تقارير نشرتها صحيفة»); one named before it is someone else's.
      if (found.some((a) => isReport(a.speaker?.entry))) {
        const outlets = match.outlets.findWithin(tokens, start, end).filter((m) => !m.value.ambiguous).map((m) => tokens[m.from].index)
        for (const a of found) if (a.speaker?.kind === 'vague' && isReport(a.speaker.entry) && outlets.some((at) => at > a.speaker!.from)) a.speaker.kind = 'outlet'
      }
      // A statement cue ("in a statement") borrows the speaker of a speech cue in the same sentence.
      for (const attribution of found) {
        if (attribution.cue.kind !== 'statement') continue
        const other = found.find((o) => o.cue.kind !== 'statement' && !o.quoted && o.speaker && o.speaker.kind !== 'pronoun')
        if (other) attribution.speaker = other.speaker
      }
      // A vague phrase with no cue of its own ("it is believed", «يقال», «تشير التقارير») is an attribution too.
      for (const phrase of vague) {
        // A group is vague as the subject of a verb of saying in the plural ("critics argue", "polls consistently show",
        // "experts have warned"), or as the agent of a passive of judgement ("considered by many video game pundits").
        const group = isGroup(phrase.value)
        const verbAt = group ? pluralVerbAfter(article, tokens, phrase.to, end, phrase.value.kind === 'report') : -1
        const agent = group && verbAt < 0 && passiveAgent(text, tokens, phrase.from, start)
        if (group && verbAt < 0 && agent === false && !pluralSpeechVerbs(article.lexicons).has(tokens[phrase.to - 1].norm)) continue
        // A phrase that may name its owner after it ("has come under criticism from unions", «لانتقادات من المعارضة») is
        // vague only when it does not.
        if (phrase.value.ownable === true && ownerFollows(block, phrase.to, end)) continue
        // "FEC records show", "F.A.A. records show", "Greenberg's research suggests": a name right before ownerless evidence
        // owns it (vague.json `ownerBefore`); the sentence is sourced, and nobody is vague.
        const ownerAt = phrase.value.ownerBefore === true ? ownerNameBefore(block, phrase.from, start) : -1
        if (ownerAt >= 0) {
          const ownerFrom = tokens[ownerAt].index
          const ownerTo = tokens[phrase.to - 1].end
          found.push({
            block: block.index, sentence: s, cue: {from: tokens[phrase.from].index, to: ownerTo, kind: 'source', entry: phrase.value.id}, quoted: isQuoted(ownerFrom, ownerTo),
            speaker: {from: ownerFrom, to: ownerTo, text: block.text.slice(ownerFrom, ownerTo), kind: 'named', definite: false, bare: false, affiliated: false}
          })
          continue
        }
        // An opening determiner or quantifier belongs to the group ("Some observers", "many pundits").
        const opener = group && phrase.from > start && QUANTIFIERS.has(tokens[phrase.from - 1].norm) && !breaksBetween(text, tokens[phrase.from - 1], tokens[phrase.from]) ? phrase.from - 1 : phrase.from
        const from = tokens[agent !== false ? agent : opener].index
        // "Critics argue": the group with its verb.
        const to = tokens[verbAt >= 0 ? verbAt : phrase.to - 1].end
        // A group inside another cue's speaker is that speaker, unless it has a verb of its own there ("polls consistently show
        // majorities believe": the polls show, the majorities believe).
        const ownVerb = verbAt >= 0 ? tokens[verbAt].end : -1
        if (found.some((a) => a.speaker && a.speaker.from <= from && a.speaker.to >= from && !(ownVerb >= 0 && ownVerb <= a.speaker.to) || a.cue.from <= from && a.cue.to >= from)) continue
        // Inside what a speaker said ("Manafort said that reports of one were a smear"), the phrase is the speaker's, not the writer's.
        if (found.some((a) => a.cue.to <= from && !a.quoted && a.speaker?.kind !== 'vague')) continue
        // «وأظهر استطلاع أجرته جامعة طهران», "a poll conducted by the University of Maryland": the owner is named, and the source.
        const owner = phrase.value.relativeOwner === true ? relativeOwner(article, block, phrase.to, end) : undefined
        if (owner) {
          const ownerTo = tokens[owner.to - 1].end
          found.push({
            block: block.index, sentence: s, cue: {from, to, kind: 'source', entry: phrase.value.id}, quoted: isQuoted(from, to),
            speaker: {from, to: ownerTo, text: block.text.slice(from, ownerTo), kind: owner.kind, definite: false, bare: false, affiliated: false}
          })
          continue
        }
        found.push({
          block: block.index, sentence: s, cue: {from, to, kind: 'source', entry: phrase.value.id}, quoted: isQuoted(from, to),
          speaker: {
            from, to, text: block.text.slice(from, to), kind: 'vague', entry: phrase.value, definite: false, bare: false, affiliated: false,
            head: tokens.slice(phrase.from, phrase.to).map((t) => t.stems[0] ?? t.norm).join(' ')
          }
        })
      }
      // "her remark that “…”", «تصريحات الوزير: «…»»: a noun of speech beside a quotation, when nothing else in the sentence
      // speaks it, ties it to the noun's owner.
      // (Quotations are sorted by their opening mark: only this sentence's are visited, so a block of many stays linear.)
      for (let q = firstOpeningFrom(block.quotes, sentence.start); q < block.quotes.length && block.quotes[q].open < sentence.end; q++) {
        const quote = block.quotes[q]
        if (quote.depth !== 0 || quote.marks[0] === '') continue
        if (found.some((a) => !a.quoted && (a.speaker || a.cue.kind !== 'source') && (a.cue.to <= quote.open || a.cue.from >= quote.innerEnd))) continue
        const owned = nounOwner(article, block, quote.open, start)
        if (!owned) continue
        const noun = tokens[owned.noun]
        const attribution = makeAttribution(block, s, {from: noun.index, to: noun.end, kind: 'speech', entry: 'speech-noun'}, owned.owner, [], false, article)
        if (owned.pronoun && attribution.speaker) attribution.speaker.kind = 'pronoun'
        found.push(attribution)
      }
      // A block that ends with a noun of speech and a colon introduces the quoted block after it: "President Clinton
      // released the following statement:", "how the website rated this statement by Trump on June 11:".
      const colon = block.text.trimEnd().length - 1
      if (s === block.sentences.length - 1 && /[:：]/u.test(block.text[colon] ?? '') && !found.some((a) => a.speaker) && opensWithQuotation(article.blocks[block.index + 1])) {
        const owned = nounOwner(article, block, colon, start)
        if (owned) {
          const noun = tokens[owned.noun]
          const attribution = makeAttribution(block, s, {from: noun.index, to: noun.end, kind: 'speech', entry: 'speech-noun'}, owned.owner, [], false, article)
          if (owned.pronoun && attribution.speaker) attribution.speaker.kind = 'pronoun'
          found.push(attribution)
        }
      }
      found.sort((a, b) => a.cue.from - b.cue.from)
      // Pronouns and continuation cues carry the last speaker on.
      for (const attribution of found) {
        const implied = !attribution.speaker || attribution.speaker.kind === 'pronoun'
        if (implied && last && !attribution.quoted) {
          attribution.continues = last.continues ?? last
          if (attribution.cue.kind === 'speech' && !attribution.speaker) attribution.cue.kind = 'continuation'
        }
        if (!attribution.quoted && attribution.speaker && attribution.speaker.kind !== 'pronoun') last = attribution
      }
      all.push(...found)
      bySentence.set(block.index, s, found)
    })
    // A pronoun opening the next paragraph («وأشار إلى أن …», "He added …") continues this speaker; a heading ends it.
    if (!article.isStoryText(block)) last = undefined
  }

  const inSentence = (block: number, sentence: number) => bySentence.get(block, sentence) ?? []
  const own = (block: number, sentence: number) => inSentence(block, sentence).filter((a) => !a.quoted)

  /** Sentences of a block that a range of its text overlaps (binary search, so many quotes stay linear). */
  const sentencesOf = (block: ArticleBlock, from: number, to: number) => {
    const {sentences} = block
    const lo = firstEndingAfter(sentences, from)
    const found: number[] = []
    for (let s = lo; s < sentences.length && sentences[s].start < Math.max(to, from + 1); s++) found.push(s)
    return found
  }

  const quoteCache = new Map<Quote, Attribution | undefined>()
  const quoteAttribution = (index: number, quote: Quote): Attribution | undefined => {
    if (quoteCache.has(quote)) return quoteCache.get(quote)
    const block = article.blocks[index]
    const spanned = sentencesOf(block, quote.open, quote.close >= 0 ? quote.close + 1 : quote.innerEnd)
    const first = spanned[0] ?? 0
    const lastSentence = spanned[spanned.length - 1] ?? first
    // A cue outside this quotation, in the sentences it spans.
    let found = spanned.flatMap((s) => own(index, s)).find((a) => a.cue.to <= quote.open || a.cue.from >= quote.innerEnd)
    // The next paragraph of a quotation whose paragraph breaks were lost (`"A. "B."`) is that quotation's.
    const runOn = quote.depth === 0 ? block.quotes.find((q) => q.runsOn && q.depth === 0 && q.innerEnd <= quote.open && !/\S/u.test(block.text.slice(q.innerEnd, quote.open))) : undefined
    if (!found && runOn) found = quoteAttribution(index, runOn)
    // The sentence just before or after it, in the same block.
    found ??= [...own(index, lastSentence + 1), ...own(index, first - 1)].find((a) => a.speaker || a.continues)
    // A partial quotation woven into the writer's sentence ("… contained "design features similar to …"") quotes the
    // source the passage is reporting: the last speaker of this block or of the one before it.
    found ??= wovenInto(block, quote, first)
    // An outlet that is the subject of a report verb before it in its sentence: "The New York Post reports that … in
    // order to “keep the details of her medical treatment under wraps.”", «وذكرت صحيفة … أن … «…»».
    found ??= outletSubject(block, quote, first)
    // Further back in the block, the speaker of an earlier quotation, with no other speaker between: “…,” she says.
    // And it threw him for a loop. “…” (a cue there that carries its own claim leaves this quotation unattributed).
    found ??= earlierQuoteSpeaker(block, first)
    // An attribution line: "“…” ― Francisco Herrero" closing the block (testimonials), or "— Jane Smith" as the next line.
    found ??= attributionLine(block, quote)
    // A label with a colon before it: "David Wasserman: “…”", «الوزير: "…"», "From the report: “…”".
    found ??= colonLabel(block, quote, first)
    // A transcript turn: the speaker's label opens the quoted words ("RAMOS: Secretary Clinton, …", «المذيع: …»).
    found ??= turnLabel(block, quote)
    // A quotation that opens its block continues the speaker of the previous block's quotation, or of the block that
    // introduced it: one ending with a colon ("He said:", «وقال:»), through a run of quoted blocks (an interview, a
    // statement read in full), or one whose last sentence has a cue with no words of its own ("She told the BBC about it.").
    if (!found && first === 0 && opensText(block.text, quote)) {
      const previous = article.blocks[index - 1]
      if (previous && previous.role === 'body' && previous.sentences.length) {
        const spoke = previous.quotes.filter((q) => q.depth === 0 && q.marks[0] !== '' && quoteWords(q) > 3)
          .map((q) => ownQuoteAttribution(previous, q)).find(Boolean)
        found = introduction(index) ?? spoke ?? openRun(index)
      }
    }
    // Wire style: a quotation left open at the end of its block runs on into the next paragraph, which opens with a
    // quotation mark and may carry the speaker («"…" / "…," she said.»).
    if (!found && quote.unbalanced && quote.close < 0 && !quote.runsOn) {
      const next = article.blocks[index + 1]
      const continued = next?.quotes.find((q) => q.depth === 0 && q.marks[0] !== '' && opensText(next.text, q))
      if (next && continued) found = ownQuoteAttribution(next, continued)
    }
    quoteCache.set(quote, found)
    return found
  }
  /**
   * The block that introduces the quoted block `index`: walking back over blocks that open with a quotation, the
   * first block that ends with a colon after a cue or a speaker label; or the block just before, when its last
   * sentence has a cue with no words of its own. A pull quote or a quote opening the story has none.
   */
  const introduction = (index: number): Attribution | undefined => {
    let at = index - 1
    for (let steps = 0; at > 0 && steps < MAX_QUOTED_RUN && opensWithQuotation(article.blocks[at]) && !/:\s*$/u.test(article.blocks[at].text); steps++) {
      // A transcript's turn ("PENCE: Well, …") speaks for the quoted paragraphs after it, up to the next turn.
      const turn = blockTurn(article.blocks[at])
      if (turn) return turn
      // A quoted block with its own speaker ("…," she said.) ends what an earlier introduction speaks for.
      if (endsWithAttribution(article.blocks[at])) return undefined
      at--
    }
    const intro = article.blocks[at]
    if (!intro || intro.role !== 'body' || !intro.sentences.length) return undefined
    const lastSentence = intro.sentences.length - 1
    const lastOwn = own(intro.index, lastSentence).filter((a) => a.speaker || a.continues)
    // «خرج الوزير إلى الصحفيين وقال:»: a verb of saying that ends the block speaks for its sentence's subject.
    const saying = own(intro.index, lastSentence).filter((a) => a.cue.kind === 'speech' || a.cue.kind === 'continuation')
    // "He then listed the qualities a nominee needs:" before the quoted blocks: its subject speaks them if a source.
    const colon = intro.text.replace(/\s+$/u, '').length - 1
    if (/:\s*$/u.test(intro.text)) return lastOwn[lastOwn.length - 1] ?? saying[saying.length - 1] ?? labelBefore(intro, colon, lastSentence) ?? sourceBeforeColon(intro, colon, lastSentence)
    if (at !== index - 1) return undefined
    // "She told the BBC about the struggle." / «وتقول مريم إن …»: a verb of talking whose words the quotation gives.
    const talking = introducingCues(article.lexicons)
    return lastOwn.find((a) => talking.has(a.cue.entry) && (a.speaker ? a.speaker.kind !== 'pronoun' || a.continues : a.continues) &&
      !intro.quotes.some((q) => q.depth === 0 && q.marks[0] !== '' && quoteWords(q) > 3 && q.open >= intro.sentences[lastSentence].start))
  }
  /**
   * A quotation of several paragraphs, each opening with a mark and only the last closing it: the speaker of the quotation
   * left open at the end of the paragraph that started the run («“Okay,” I said. “I was seventeen …» / «“The experience …»
   * / «“When I was at Dartmouth …»). Every paragraph between must open with the mark and be left open.
   */
  const openRun = (index: number): Attribution | undefined => {
    for (let at = index - 1, steps = 0; at >= 0 && steps < MAX_QUOTED_RUN; at--, steps++) {
      const block = article.blocks[at]
      if (block.role !== 'body') return undefined
      const outer = block.quotes.filter((q) => q.depth === 0 && q.marks[0] !== '')
      const last = outer[outer.length - 1]
      if (!last || last.close >= 0 || /\S/u.test(block.text.slice(last.innerEnd).replace(/[\s.,!?…]+$/u, ''))) return undefined
      if (!opensText(block.text, last)) return quoteAttribution(at, last)
    }
    return undefined
  }
  /** The outlet cited as the subject of a verb of reporting before a quotation in its sentence, as the quotation's source. */
  let mentions: Map<number, OutletMention[]> | undefined
  const outletSubject = (block: ArticleBlock, quote: Quote, sentence: number): Attribution | undefined => {
    if (!mentions) {
      mentions = new Map()
      for (const m of article.use(findOutletMentions)) {
        // The outlet and its verb side by side (an adverb may stand between): "The Post even reports", «وذكرت صحيفة».
        if (!m.citedAsSource || !m.cue || (m.cue.from >= m.to ? m.cue.from - m.to : m.from - m.cue.to) > MAX_OUTLET_VERB_GAP || m.cue.from < m.to && m.cue.to > m.from) continue
        const list = mentions.get(m.block.index) ?? []
        list.push(m)
        mentions.set(m.block.index, list)
      }
    }
    const mention = mentions.get(block.index)?.find((m) => m.sentence === sentence && m.cue && m.cue.to <= quote.open && m.to <= quote.open)
    if (!mention) return undefined
    return syntheticAttribution(block, tokenAt(block.tokens, mention.from), tokenAt(block.tokens, mention.to - 1) + 1, 'outlet', 'outlet-subject')
  }
  /** The speaker of the passage a woven quotation sits in, when the quotation opens no sentence of its own. */
  const wovenInto = (block: ArticleBlock, quote: Quote, sentence: number): Attribution | undefined => {
    const start = block.sentences[sentence]?.start ?? 0
    // Words of its sentence before it, and no colon introducing it (labels are read elsewhere).
    if (tokenAt(block.tokens, start) >= tokenAt(block.tokens, quote.open) || /[:：]\s*$/u.test(block.text.slice(Math.max(start, quote.open - 8), quote.open))) return undefined
    const speaking = (index: number, s: number) => own(index, s).filter((a) => a.speaker && a.speaker.kind !== 'pronoun' || a.continues).pop()
    for (let s = sentence - 1; s >= 0 && s >= sentence - MAX_PASSAGE_SENTENCES; s--) {
      const found = speaking(block.index, s)
      if (found) return found
    }
    // The block before speaks for it when this one opens as its elaboration («فقد», «إذ», «كما»), or when it quotes a
    // speaker it names itself: a report quoted paragraph after paragraph («…»، حسب التقرير. / واستولوا على «…»). A cue
    // there that carries its own claim, with no quotation, leaves a new paragraph's quotation unattributed; so does a
    // heading between them.
    const previous = article.blocks[block.index - 1]
    if (!previous || previous.role !== 'body' || sentence !== 0) return undefined
    if (ELABORATION.has(block.tokens[0]?.norm ?? '')) {
      for (let s = previous.sentences.length - 1; s >= 0 && s >= previous.sentences.length - MAX_PASSAGE_SENTENCES; s--) {
        const found = speaking(previous.index, s)
        if (found) return found
      }
    }
    return quotedSpeaker(previous)
  }
  /** The speaker of the last sentence before `sentence` in the block that has one, when that sentence ties a quotation to it. */
  const earlierQuoteSpeaker = (block: ArticleBlock, sentence: number): Attribution | undefined => {
    for (let s = sentence - 2; s >= 0 && s >= sentence - MAX_PASSAGE_SENTENCES; s--) {
      const speaking = own(block.index, s).filter((a) => a.speaker && a.speaker.kind !== 'pronoun' || a.continues)
      if (!speaking.length) continue
      const {start, end} = block.sentences[s]
      const quoted = block.quotes.find((q) => q.depth === 0 && q.marks[0] !== '' && q.open >= start && q.open < end && quoteWords(q) > 3 &&
        speaking.includes(ownQuoteAttribution(block, q)!))
      return quoted ? ownQuoteAttribution(block, quoted) : undefined
    }
    return undefined
  }
  /** The speaker a block gives for its own last quotation of words (not a one-word term), if any. */
  const quotedSpeaker = (block: ArticleBlock): Attribution | undefined => {
    const quotes = block.quotes.filter((q) => q.depth === 0 && q.marks[0] !== '' && quoteWords(q) > 1)
    for (let k = quotes.length - 1; k >= 0; k--) {
      const found = ownQuoteAttribution(block, quotes[k])
      if (found && (found.speaker && found.speaker.kind !== 'pronoun' || found.continues)) return found
    }
    return undefined
  }
  /** Whether a block's last sentence ties its own quotation to a speaker ("…," she said.). */
  const endsWithAttribution = (block: ArticleBlock) => own(block.index, block.sentences.length - 1).some((a) => a.speaker || a.continues)
  /**
   * Where an attribution line after a closing mark starts in a block (“…” ― Name, “…” [WaPo.]): the last such line,
   * read once per block so that a block of many quotations stays linear.
   */
  const endings = new Map<ArticleBlock, {at: number; from: number} | undefined>()
  const blockEnding = (block: ArticleBlock) => {
    if (endings.has(block)) return endings.get(block)
    const closers = /[”"»’“]\s*[.,]?\s*[—―–]\s*|[”"»’“]\s+[-–]\s+/gu
    let ending: {at: number; from: number} | undefined
    for (let m = closers.exec(block.text); m; m = closers.exec(block.text)) ending = {at: m.index, from: m.index + m[0].length}
    // A bracketed source tag closing the block: “…” [WaPo.] (a digest's credit for the words it quotes), also after a
    // line of the digest's own ("… This follows Friday's shooting. [WSJ | Paywall]") or a long credit ("[Will Fitzgibbon,
    // The International Consortium of Investigative Journalists]"). A footnote number ("[12]") is no credit.
    const tail = block.text.slice(-100)
    const tag = /(?:[”"»’“]\s*[.,]?|[.!?]|[.!?][”"»’“])\s*\[(\p{Lu}[^\][\d]{1,80})\]\s*$/u.exec(tail)
    if (!ending && tag) {
      const at = block.text.length - tail.length + tag.index
      ending = {at, from: at + tag[0].indexOf('[') + 1}
    }
    endings.set(block, ending)
    return ending
  }
  /** "“…” ― Name" ending the quotation's block, or "— Name" as the whole next block. */
  const attributionLine = (block: ArticleBlock, quote: Quote): Attribution | undefined => {
    let line: {block: ArticleBlock; from: number} | undefined
    // The dash or the source tag follows the last closing mark of the block: every quotation of a testimonial is its speaker's.
    const ending = blockEnding(block)
    const end = quote.close >= 0 ? quote.close : quote.innerEnd
    if (ending && ending.at + 1 >= end) line = {block, from: ending.from}
    else if (quote.close >= 0 && block.text.length - quote.close <= 4 && block.text.slice(quote.close + 1).trim().length <= 2) {
      const next = article.blocks[block.index + 1]
      if (next && next.inBlockquote === block.inBlockquote && /^\s*[—―–-]\s*\S/u.test(next.text)) line = {block: next, from: next.text.search(/[^\s—―–-]/u)}
    }
    // A block quote's line may also sit before it.
    const before = article.blocks[block.index - 1]
    if (!line && block.inBlockquote && before && before.inBlockquote && /^\s*[—–―-]\s*\S/u.test(before.text)) line = {block: before, from: before.text.search(/[^\s—―–-]/u)}
    if (!line) return undefined
    const {tokens, text} = line.block
    const from = tokenAt(tokens, line.from)
    // A short name line (a person, maybe with a role after a comma), not a sentence that goes on.
    if (from >= tokens.length || tokens.length - from > MAX_LINE_WORDS || goesOn(text.slice(line.from).trim())) return undefined
    const speaker = classifySpeaker(tokens, from, tokens.length, article.lexicons)
    if (speaker.kind === 'pronoun') return undefined
    return syntheticAttribution(line.block, from, tokens.length, speaker.kind, 'attribution-line')
  }
  /**
   * The label that opens a quotation's words as a transcript gives a turn: "RAMOS: Secretary Clinton, …", "“PENCE: Well,
   * look, …", «"المذيع: هل …"». The label is the whole clause before the colon, a name or a role (never "Note:").
   */
  const turnLabel = (block: ArticleBlock, quote: Quote): Attribution | undefined => {
    const label = /^\s*[^:：\n"“”«»]{2,40}?[:：]\s/u.exec(block.text.slice(quote.innerStart, quote.innerEnd))
    if (!label) return undefined
    const colon = quote.innerStart + label[0].search(/[:：]/u)
    const first = block.tokens[tokenAt(block.tokens, quote.innerStart)]
    if (!first || NOT_TURN_LABELS.has(first.norm.replace(/^[وف](?=ال)/u, ''))) return undefined
    return labelBefore(block, colon, 0, quote.innerStart, true)
  }
  /** The turn label of the quotation that opens a block, if it has one. */
  const blockTurn = (block: ArticleBlock): Attribution | undefined => {
    const opening = block.quotes.find((q) => q.depth === 0 && q.marks[0] !== '' && opensText(block.text, q))
    return opening ? turnLabel(block, opening) : undefined
  }
  /**
   * The speaker label of a clause that ends with the colon at `colon` ("David Wasserman:", «الوزير:», "From the report:"),
   * the clause starting with sentence `sentence` or at offset `from`.
   */
  const labelBefore = (block: ArticleBlock, colon: number, sentence: number, from0?: number, turn = false): Attribution | undefined => {
    if (!/[:：]/u.test(block.text[colon] ?? '')) return undefined
    const {tokens, text} = block
    const start = tokenAt(tokens, from0 ?? block.sentences[sentence]?.start ?? 0)
    // "Rep. Trey Gowdy (R-S.C.):": a parenthetical that ends the label is not part of it.
    const before = text.slice(Math.max(0, colon - 40), colon).trimEnd()
    const paren = before.endsWith(')') ? before.lastIndexOf('(') : -1
    const open = paren >= 0 ? Math.max(0, colon - 40) + paren : -1
    const to = tokenAt(tokens, open >= 0 && colon - open < 40 ? open : colon)
    // The label is the whole clause before the colon: nothing before it in its sentence but a headline run off with
    // " - " ("Pollsters agree - Carl Bialik:").
    const breaks = (k: number) => breaksBetween(text, tokens[k - 1], tokens[k]) || /\s-\s/u.test(text.slice(tokens[k - 1].end, tokens[k].index))
    let from = to
    while (from > start && to - from <= MAX_LABEL_WORDS && (from === to || !breaks(from))) from--
    if (to <= start || to - from > MAX_LABEL_WORDS) return undefined
    if (from > start && !breaks(from)) return undefined
    const arabic = isArabicWord(tokens[from].norm)
    // «حول تشخيص مرضه:» 'about his diagnosis:' names a topic, not a speaker.
    if (arabic && (AR_PARTICLES.has(tokens[from].norm) || /^(?:[وف]?(?:حول|عن|في|من|الي|علي|ل))$/u.test(tokens[from].norm))) return undefined
    // "From the report:", "In his letter:": a document or statement named as the source.
    const document = !arabic && DOCUMENT_LABEL.has(tokens[from].norm) && to - from >= 2
    const speaker = classifySpeaker(tokens, document ? from + 1 : from, to, article.lexicons)
    // A transcript turn may be labelled with a role, as Arabic ones are («المذيع:», «المحاور:»).
    const labelled = speaker.kind === 'named' || speaker.kind === 'outlet' || speaker.kind === 'anonymous' || speaker.kind === 'vague' ||
      document && speaker.kind === 'described' || turn && arabic && speaker.kind === 'described' && to - from <= 3 && isDefiniteArabic(tokens[from].norm)
    // An English label is a name or a noun phrase: no lower-case word beyond its particles.
    if (labelled && (arabic || document || tokens.slice(from, to).every((t) => /^\p{Lu}/u.test(t.text) || LABEL_PARTICLES.has(t.norm)))) {
      return syntheticAttribution(block, from, to, speaker.kind, 'speaker-label')
    }
    return undefined
  }
  /** A full name that ends the clause before a colon: "The surge doesn't surprise pollster Daron Shaw: “…”". */
  const nameBefore = (block: ArticleBlock, colon: number): Attribution | undefined => {
    const {tokens, text} = block
    const to = tokenAt(tokens, colon)
    let from = to
    while (from > 0 && to - from < MAX_LABEL_WORDS && /^\p{Lu}/u.test(tokens[from - 1].text) && (from === to || !breaksBetween(text, tokens[from - 1], tokens[from]))) from--
    if (to - from < 2 || isArabicWord(tokens[from].norm)) return undefined
    const speaker = classifySpeaker(tokens, from, to, article.lexicons)
    return speaker.kind === 'named' || speaker.kind === 'outlet' ? syntheticAttribution(block, from, to, speaker.kind, 'speaker-label') : undefined
  }
  const colonLabel = (block: ArticleBlock, quote: Quote, sentence: number): Attribution | undefined => {
    let colon = quote.open - 1
    while (colon >= 0 && /\s/u.test(block.text[colon])) colon--
    if (colon < 0 || !/[:：]/u.test(block.text[colon])) colon = -1
    return colon < 0 ? undefined : labelBefore(block, colon, sentence) ?? nameBefore(block, colon) ?? subjectBeforeColon(block, colon, sentence)
  }
  /**
   * The subject of an English clause that ends with a colon before the quotation: "McConnell delivered a blunt
   * message to Trump: “…”", "The letter continues: “…”", "A footnote in the report makes that clear: “…”".
   */
  const subjectBeforeColon = (block: ArticleBlock, colon: number, sentence: number): Attribution | undefined => {
    const {tokens, text} = block
    let start = tokenAt(tokens, block.sentences[sentence]?.start ?? 0)
    const to = tokenAt(tokens, colon)
    // A conjunction may open the sentence before its subject: "But Trump quickly deflected with a non sequitur: “…”".
    // A lower-case subject after it ("And she is sure that …: “…”") counts as after a fronted adverbial: only a source.
    let fronted = false
    if (CONJUNCTION_OPENERS.has(tokens[start]?.norm ?? '') && start + 1 < to) {
      const next = tokens[start + 1]
      if (/^\p{Lu}/u.test(next.text) && !NOT_SUBJECT_OPENERS.has(next.norm)) start++
      else if (FRONTED_SUBJECTS.has(next.norm)) {
        start++
        fronted = true
      }
    }
    // A fronted adverbial set off by a comma may come before the subject: "At his news conference in Turkey on Monday,
    // Obama's first five questioners ranged from skeptical to hostile: “…”", "Between Saturday and Monday, the Trump
    // campaign fired off tweets: “…”", "As for Ban, he seems content: “…”".
    if (FRONTED_OPENERS.has(tokens[start]?.norm ?? '') && !isArabicWord(tokens[start].norm)) {
      for (let k = start + 2; k < to && k - start <= MAX_FRONTED; k++) {
        if (!/^[^\p{L}\p{N}]*,\s*$/u.test(text.slice(tokens[k - 1].end, tokens[k].index))) continue
        if (/^\p{Lu}/u.test(tokens[k].text) && !NOT_SUBJECT_OPENERS.has(tokens[k].norm) || FRONTED_SUBJECTS.has(tokens[k].norm)) {
          start = k
          fronted = true
        }
        break
      }
    }
    if (to - start < 2 || to - start > MAX_COLON_CLAUSE) return undefined
    // Arabic: «لكن» carrying its subject's pronoun opens the clause («لكنها متأكدة من أن …: «…»»), the way "But she is
    // sure …:" does; another Arabic clause speaks only through a verb of saying.
    if (isArabicWord(tokens[start].norm)) return ARABIC_PRONOUN_SUBJECT.test(tokens[start].norm) ? syntheticAttribution(block, start, start + 1, 'pronoun', 'clause-before-colon') : undefined
    // The subject opens the sentence: a name, a pronoun or a determiner and its noun, up to the first lower-case word after it.
    const first = tokens[start]
    if (!fronted && (!/^\p{Lu}/u.test(first.text) || NOT_SUBJECT_OPENERS.has(first.norm))) return undefined
    let end = start + 1
    while (end < to && (/^\p{Lu}/u.test(tokens[end].text) || LABEL_PARTICLES.has(tokens[end].norm) || /['’]s$/u.test(tokens[end - 1].text)) && !breaksBetween(text, tokens[end - 1], tokens[end])) end++
    // A determiner opens a noun phrase of a few words ("The letter", "A footnote in the report").
    if (end === start + 1 && /^(?:the|a|an|this|that|his|her|their|its)$/u.test(first.norm)) end = Math.min(to - 1, start + 2)
    if (end >= to) return undefined
    const speaker = classifySpeaker(tokens, start, end, article.lexicons)
    // After a fronted adverbial only a source is taken for the subject ("After the storm, the coast looked like …:" is
    // the writer's scene, not a speaker).
    if (fronted && speaker.kind === 'described') return undefined
    return syntheticAttribution(block, start, end, speaker.kind, 'clause-before-colon')
  }
  /**
   * The subject of a clause ending with a colon at the end of a block, when it is a source and so speaks the quoted
   * blocks after it; a thing ("The following statement was posted on the door:") or a topic label ("About his
   * diagnosis:", "On the economy:") names no one.
   */
  const sourceBeforeColon = (block: ArticleBlock, colon: number, sentence: number): Attribution | undefined => {
    const found = subjectBeforeColon(block, colon, sentence)
    if (!found?.speaker || found.speaker.kind === 'described') return undefined
    const first = block.tokens[tokenAt(block.tokens, found.speaker.from)]?.norm ?? ''
    return FRONTED_OPENERS.has(first) || TOPIC_PREPOSITIONS.has(first) ? undefined : found
  }
  const syntheticAttribution = (block: ArticleBlock, from: number, to: number, kind: SpeakerKind, entry: string): Attribution => {
    const {tokens, text} = block
    const start = tokens[from].index
    const end = tokens[to - 1].end
    return {
      block: block.index, sentence: Math.min(block.sentences.length - 1, firstEndingAfter(block.sentences, start)), quoted: false,
      cue: {from: start, to: end, kind: 'speech', entry},
      speaker: {from: start, to: end, text: text.slice(start, end), kind, definite: false, bare: false, affiliated: false}
    }
  }
  /** A quotation's attribution from its own block only (no carrying over blocks, so a chain of quotes does not inherit one speaker). */
  const ownQuoteAttribution = (block: ArticleBlock, quote: Quote): Attribution | undefined => {
    const spanned = sentencesOf(block, quote.open, quote.close >= 0 ? quote.close + 1 : quote.innerEnd)
    const first = spanned[0] ?? 0
    const lastSentence = spanned[spanned.length - 1] ?? first
    return spanned.flatMap((s) => own(block.index, s)).find((a) => a.cue.to <= quote.open || a.cue.from >= quote.innerEnd) ??
      [...own(block.index, lastSentence + 1), ...own(block.index, first - 1)].find((a) => a.speaker || a.continues)
  }

  // Sentences inside an attributed quotation are reported speech too.
  const covered = new PerSentence<true>()
  for (const block of article.blocks) {
    for (const quote of block.quotes) {
      // A quoted term or scare quote («مصالحة», "pivot") is no reported speech: its sentence stays the writer's.
      if (quote.depth !== 0 || quote.marks[0] === '' || quoteWords(quote) <= 3 || !quoteAttribution(block.index, quote)) continue
      for (const s of sentencesOf(block, quote.innerStart, quote.innerEnd)) covered.set(block.index, s, true)
    }
  }

  let others: ReturnType<AttributionIndex['nonAttributing']> | undefined
  const nonAttributing = () => {
    if (others) return others
    others = []
    for (const block of article.blocks) {
      const {tokens} = block
      const quoted = quotedRanges(block)
      block.sentences.forEach((sentence, s) => {
        const start = tokenAt(tokens, sentence.start)
        const end = tokenAt(tokens, sentence.end)
        const taken = inSentence(block.index, s)
        for (const cue of match.allCues.findWithin(tokens, start, end)) {
          const kind = String(cue.value.kind)
          if (kind !== 'perception' && kind !== 'intention') continue
          const from = tokens[cue.from].index
          const to = tokens[cue.to - 1].end
          // A word an attributing cue already reads ("agree that" is a stance) is that cue's.
          if (taken.some((a) => a.cue.from < to && a.cue.to > from)) continue
          const arabic = isArabicWord(tokens[cue.from].norm)
          if (arabic && isVerbalNoun(tokens, cue.from, cue.to, start, 'speech', cue.form)) continue
          if (!arabic && isEnglishNoun(block, cue.from, start, isTitleCase(tokens, start, end))) continue
          const range = speakerRange(block, cue.from, cue.to, start, end, 'speech', arabic, article) ?? [cue.to, cue.to]
          // An Arabic subject ends before the object: after a definite word, an indefinite one opens it («قرر المجلس تأجيل …»).
          if (arabic) for (let k = range[0] + 1; k < range[1]; k++) if (isDefiniteArabic(tokens[k - 1].norm) && !isDefiniteArabic(tokens[k].norm)) range[1] = k
          const isQuoted = quoted.some(([a, b]) => a <= from && to <= b)
          const found = makeAttribution(block, s, {from, to, kind: 'speech', entry: cue.value.id}, range, [], isQuoted, article)
          others!.push({...found, cue: {...found.cue, kind: kind as NonAttributingCueKind}})
        }
      })
    }
    return others
  }

  return {
    all,
    nonAttributing,
    inSentence,
    isAttributed: (block, sentence) => inSentence(block, sentence).length > 0 || covered.has(block, sentence),
    quoteAttribution
  }
}

/**
 * Whether a name line goes on as a sentence: a sentence end followed by more words. The period of an initial or a
 * short title ("Oscar P. Quintero", "Julie A. Diaz", "Dr. Ruth Lee") ends no sentence.
 */
function goesOn(line: string): boolean {
  for (const m of line.matchAll(/([\p{L}]*)[.!?؟]\s+\S/gu)) {
    if (m[0][m[1].length] === '.' && (/^\p{Lu}$/u.test(m[1]) || ABBREVIATION.test(m[1].toLowerCase()) || /^(?:jr|sr)$/iu.test(m[1]))) continue
    return true
  }
  return false
}

/** Words of a quote, counted once per quote: asked per token, recounting made unbalanced quotes cubic. */
const quoteWordCounts = new WeakMap<object, number>()
function quoteWords(quote: {text: string}): number {
  let count = quoteWordCounts.get(quote)
  if (count === undefined) quoteWordCounts.set(quote, (count = wordCount(quote.text)))
  return count
}

/** Number of words in a text. */
export function wordCount(text: string): number {
  return countWords(text)
}

/**
 * The first place each group word is met in the article, for telling a definite Arabic group that refers back
 * («وأضاف الخبراء» after «خبراء») from a generic one met for the first time («يرى المراقبون»).
 * Keys are `groupKey`s; values are [block, offset of the word in the block's text].
 */
export function groupMentions(article: Article): Map<string, [number, number]> {
  const first = new Map<string, [number, number]>()
  for (const block of article.blocks) {
    for (const token of block.tokens) {
      if (!isArabicWord(token.norm)) continue
      const key = groupKey(token.norm)
      if (!first.has(key)) first.set(key, [block.index, token.index])
    }
  }
  return first
}

/** An Arabic word without its proclitics, article and plural or feminine ending: «المراقبون» = «مراقبين» = «مراقب». */
export function groupKey(norm: string): string {
  const bare = norm.replace(/^(?:[وف]?[بلك]?ال|[وف]?لل)(?=\p{L}{3})/u, '').replace(/^[وفبل](?=\p{L}{4})/u, '')
  return bare.replace(/(?:ون|ين|ان|ات|ه)$/u, '') || bare
}
