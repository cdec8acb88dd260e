/**
 * The clause scope of an attribution: which words of its sentence it sources.
 *
 * A cue sources the clause it governs, not every word of its sentence:
 * - a cue that opens its sentence, or that follows its content after a comma or a dash ("…, the
 *   ministry said", «…، حسبما ذكر المرصد»), or a prepositional source placed after its content
 *   ("… according to the UN", «… وفق الأمم المتحدة»), governs the whole sentence;
 * - a cue in the middle of a sentence whose clause opens there ("…, and officials said that …",
 *   «…، وأعربت عن …», "… an attack the government blamed on …", «… هجوم نسبته الحكومة إلى …»)
 *   governs what follows it, not the clause before it;
 * - an infinitive complement ("is considered by many pundits to be …") ends where a coordinated
 *   clause with a subject of its own begins ("… and more than 1.5 million people have …");
 * - the speaker's own words are never sourced by its cue: "with nearly 140 House members
 *   blasting the roundups" does not source the 140.
 *
 *     const scope = attributionScope(article, attribution)
 *     governs(scope, claim.from, claim.to)
 */
import type {Article} from './article.js'
import type {Attribution} from './attribution.js'
import {tokenAt, tokenize, type Token} from './tokens.js'

export interface AttributionScope {
  /** Offsets in the block's plain text: the words the attribution sources. */
  from: number
  to: number
  /** Words inside that it does not source: relative clauses on an earlier noun. */
  excluded: Array<{from: number; to: number}>
  /** The cue's subject: its counts are the writer's ("nearly 140 House members blasting …"), not what it says. */
  speaker?: {from: number; to: number}
  /**
   * The attribution closes its sentence after its content ("…, he said.", "…, according to the IMF.", «…، قال
   * المرصد»): the sentences after it in the block, with no attribution of their own, go on with its account.
   */
  closing: boolean
}

// Prepositional sources that follow their content as readily as they precede it ("… according to X", «… حسب X»).
const TRAILING_SOURCES = new Set(['according-to', 'hasab', 'as-reported-by', 'citing', 'on-the-tongue', 'based-on'])
// Words that open a new clause before a cue in mid-sentence: its content follows it.
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'yet', 'which', 'who', 'that', 'where', 'when', 'after', 'before', 'because', 'since', 'if', 'unless',
  'بينما', 'فيما', 'حين', 'حيث', 'التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي', 'لكن', 'ولكن', 'بل', 'ثم', 'بعدما', 'عندما', 'حينما', 'لان', 'لانه', 'اذ'])
// Words of a poll's share of respondents in a speaker ("63 percent", "Six in 10", "a majority"), in either language.
const SHARE = /percent|%|٪|\b(?:in|of) (?:\d+|ten)\b|majority|plurality|third|half|quarter|المئة|المائة|بالمئة|غالبية|أغلبية|اغلبية|نصف|ثلث|ربع/iu
// A passive auxiliary before a cue: its subject is what is reported ("are estimated", "was reported").
const PASSIVE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were'])
// Auxiliaries and adverbs between a coordinator and its verb ("and has spoken", "and also said").
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'will', 'would', 'then', 'later', 'has', 'did', 'does', 'is', 'are', 'was', 'were', 'again', 'quickly', 'publicly'])
// Words opening an adjunct of time or place after a final cue ("said on Tuesday", «قال اليوم»).
const ADJUNCT_OPENERS = new Set(['on', 'in', 'at', 'last', 'this', 'earlier', 'later', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'during', 'after', 'late', 'recently', 'then', 'too', 'also', 'في', 'يوم', 'امس', 'اليوم', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت', 'الاحد', 'مساء', 'صباح', 'ايضا', 'كذلك', 'خلال', 'لوكاله', 'ل'])
// Words after which a cue follows its content: ", as police said", «، كما قال».
const AS_WORDS = new Set(['as', 'كما'])
// English words that can open the subject of a clause coordinated after an infinitive complement.
const SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'more', 'nearly', 'almost', 'about', 'around', 'over', 'some', 'many', 'most', 'few',
  'at', 'up', 'roughly', 'approximately', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there'])

/** The words of its sentence that an attribution sources. */
export function attributionScope(article: Article, attribution: Attribution): AttributionScope {
  const block = article.blocks[attribution.block]
  const {tokens, text} = block
  const sentence = block.sentences[attribution.sentence]
  const speaker = attribution.speaker && attribution.speaker.to > attribution.speaker.from ? attribution.speaker : undefined
  const start = Math.min(attribution.cue.from, speaker?.from ?? attribution.cue.from)
  const end = Math.max(attribution.cue.to, speaker?.to ?? attribution.cue.to)
  const cueAt = tokenAt(tokens, attribution.cue.from)
  // A subject before its cue ("nearly 140 House members blasting …") is the speaker, not what it says; but the share
  // of a poll's respondents ("63 percent said", "Six in 10 say") is the poll's finding, and the subject of a passive
  // ("More than 60,000 are estimated to have …", "are believed") is its content.
  // A speaker after its cue is a subject counted only when the count opens it («وانتقد أكثر من 140 نائبا»): a figure
  // further in is more likely the cue's object read as its speaker.
  const counted = speaker && (speaker.from < attribution.cue.from || /^(?:\d|[\u0660-\u0669]|(?:أكثر|اكثر|نحو|قرابة|حوالي|زهاء|more|nearly|about|some|over|almost)\s)/iu.test(speaker.text))
  const subject = speaker && counted && !SHARE.test(text.slice(speaker.from, speaker.to)) &&
    !(cueAt > 0 && PASSIVE.has(tokens[cueAt - 1].norm)) ? {from: speaker.from, to: speaker.to} : undefined
  const first = tokenAt(tokens, start)
  const opens = first <= tokenAt(tokens, sentence.start)
  // After a comma or a dash, with nothing after it but a time or a place ("…, he said on Tuesday.").
  const closing = !opens && /[,،—–]\s*$/u.test(text.slice(tokens[first - 1].end, tokens[first].index)) && attribution.cue.kind !== 'continuation' &&
    closesAt(tokens, text, tokenAt(tokens, end - 1) + 1, sentence.end, TRAILING_SOURCES.has(attribution.cue.entry))
  const whole: AttributionScope = {from: sentence.start, to: sentence.end, excluded: [], speaker: subject, closing}
  // Nothing but punctuation before it: it opens its sentence.
  if (opens) return {...whole, to: complementEnd(block.tokens, end, sentence.end)}
  const continuation = attribution.cue.kind === 'continuation'
  // A passive ("More than 60,000 are estimated to have perished", "is believed to") reports its own subject.
  const passive = PASSIVE.has(tokens[cueAt].norm) || cueAt > 0 && PASSIVE.has(tokens[cueAt - 1].norm)
  if (passive && !continuation) return {...whole, to: complementEnd(block.tokens, end, sentence.end)}
  if (TRAILING_SOURCES.has(attribution.cue.entry) || !continuation && AS_WORDS.has(tokens[first - 1].norm)) return whole
  // Nothing after it but a time or a place ("…, FEC records show.", "… police said on Tuesday"): its content is before it.
  if (!continuation && endsSentence(tokens, tokenAt(tokens, end - 1) + 1, sentence.end)) return whole
  const gap = text.slice(tokens[first - 1].end, tokens[first].index)
  // "…, and has spoken out": the word before the verb's auxiliaries.
  let before = first - 1
  while (before > 0 && AUXILIARIES.has(tokens[before].norm) && !/[,،;]/u.test(text.slice(tokens[before].end, tokens[before + 1].index))) before--
  const joined = tokens[before].norm === 'and' || coordinated(article, tokens, first)
  // "Ali took $20,000 … and said: …", «فقد 5 من أبنائه …، ويقول إن»: a verb of saying joined to its sentence's subject
  // with no speaker of its own tells that subject's account, except what relative clauses say of others.
  if (joined && !speaker) return {...whole, excluded: relativeClauses(block.tokens, text, sentence.start, start)}
  // "…, the ministry said." / «…، قال المرصد»: a cue after a comma or a dash follows its content; a participle
  // («، مشيرة إلى», ", adding") and a cue opening a clause ("…, and officials said …", "…, which Ankara considers …") do not.
  if (/[,،;؛—–(]/u.test(gap) && !continuation && !joined && !CLAUSE_OPENERS.has(tokens[first - 1].norm)) return whole
  return {from: start, to: complementEnd(block.tokens, end, sentence.end), excluded: [], speaker: subject, closing: false}
}

/**
 * Whether the scope covers a claim at [from, to): inside it and outside the words it excludes. `count` says the
 * claim is a count (not a superlative: "the party's biggest donors said" describes its speaker).
 */
export function governs(scope: AttributionScope, from: number, to: number, count = true): boolean {
  if (from < scope.from || from >= scope.to) return false
  if (count && scope.speaker && from >= scope.speaker.from && to <= scope.speaker.to) return false
  return !scope.excluded.some((range) => from >= range.from && to <= range.to)
}

// Words opening an apposition to a speaker at the end of its sentence ("said David Gilbert, its president").
const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their'])

/**
 * Whether an attribution that ends at token `at` closes its sentence: nothing after it but a time or a place, an
 * apposition to its speaker ("…, said David Gilbert, its president and CEO."), or, after a prepositional source, the
 * rest of the source's name with no clause break ("…, according to a count by The Associated Press.").
 */
function closesAt(tokens: readonly Token[], text: string, at: number, end: number, trailing: boolean): boolean {
  if (endsSentence(tokens, at, end)) return true
  let to = at
  while (to < tokens.length && tokens[to].index < end) to++
  const rest = text.slice(tokens[at - 1].end, end)
  if (trailing && !/[,،;؛:—–]/u.test(rest)) return true
  return to - at <= 8 && /^\s*,/u.test(rest) && APPOSITION_OPENERS.has(tokens[at].norm) && !/[,;:]/u.test(text.slice(tokens[at].index, end))
}

/** Whether the words from token `at` to the sentence's end are none, or a short adjunct of time or place. */
function endsSentence(tokens: readonly Token[], at: number, end: number): boolean {
  let to = at
  while (to < tokens.length && tokens[to].index < end) to++
  return to === at || to - at <= 4 && ADJUNCT_OPENERS.has(tokens[at].norm)
}

// Relative pronouns: a clause that says something of the noun before it.
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان', 'اللواتي', 'اللاتي'])

/** The relative clauses between two offsets of a sentence: from the pronoun to the next clause punctuation. */
function relativeClauses(tokens: readonly Token[], text: string, from: number, to: number): Array<{from: number; to: number}> {
  const found: Array<{from: number; to: number}> = []
  for (let i = tokenAt(tokens, from); i < tokens.length && tokens[i].index < to; i++) {
    if (!RELATIVES.has(tokens[i].norm)) continue
    let j = i + 1
    while (j < tokens.length && tokens[j].index < to && !/[,،;؛()—–]/u.test(text.slice(tokens[j - 1].end, tokens[j].index))) j++
    found.push({from: tokens[i].index, to: tokens[j - 1].end})
    i = j - 1
  }
  return found
}

/** An Arabic verb with the conjunction «و» or «ف» joined to it that is a cue without it too («، وأعربت», «، وقال»): a coordinated clause. */
function coordinated(article: Article, tokens: readonly Token[], at: number): boolean {
  const word = tokens[at].text
  if (!/^[وف]\p{Script=Arabic}{3}/u.test(word)) return false
  return article.lexicons.match.cues.matchAt(tokenize(word.slice(1)), 0) !== undefined
}

/**
 * Where an English infinitive complement ("considered by many pundits to be one of the finest …") ends: at a
 * coordinator that opens a clause with a subject of its own ("… and more than 1.5 million people have …").
 */
function complementEnd(tokens: readonly Token[], end: number, sentenceEnd: number): number {
  let i = tokenAt(tokens, end)
  if (tokens[i]?.norm !== 'to' || !/^(?:be|have)$/u.test(tokens[i + 1]?.norm ?? '')) return sentenceEnd
  for (i += 2; i < tokens.length - 1 && tokens[i].index < sentenceEnd; i++) {
    if ((tokens[i].norm === 'and' || tokens[i].norm === 'but') && (SUBJECT_OPENERS.has(tokens[i + 1].norm) || /^\d/u.test(tokens[i + 1].norm))) return tokens[i].index
  }
  return sentenceEnd
}
