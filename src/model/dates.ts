/**
 * Dates and years in an article's text, read once for every rule of the consistency family.
 *
 * What is read, with exact offsets in its block's plain text:
 * - full dates: day month year («22 مارس 2024», «22 آذار/مارس 2024», "22 March 2024"),
 *   month day, year ("March 22, 2024", "Sept. 12"), with or without the year, day ranges
 *   ("30-31 March");
 * - month and year ("March 2024", «مارس 2024»);
 * - numeric dates with a four-digit year (22/3/2024, 2024-03-22), with both readings (day/month
 *   and month/day) kept when both are possible;
 * - Hijri dates («12 رمضان 1445 هـ»), converted by the Umm al-Qura calendar of Intl, and the
 *   Gregorian date «الموافق» pairs with them;
 * - weekdays (with clitics: «يوم الأحد», «والجمعة»), and the date each one is written beside;
 * - years, with the approximator before them («أوائل عام 2025», "early 2025") and whether a
 *   word marks them as years («عام 2015», "in 2015") rather than counts;
 * - the article's own date: frontmatter `date`.
 *
 * Month and weekday names come from Intl: the Gregorian month names of every Arabic locale
 * (يناير، كانون الثاني، جانفي، يوليوز …), English long and short names, the Hijri month names
 * of the Umm al-Qura calendar; spellings Intl lacks are data (src/lexicons/dates.json). Digits
 * are read through the model's normalisation (Arabic-Indic and Persian digits; the Arabic
 * decimal and thousands separators U+066B/U+066C keep a number from being a year). No
 * date-parsing dependency: the usual one has no Arabic and accepts 30 February.
 *
 * Quotations, block quotes, headings other than the title, sources sections, link text and promo blocks are not
 * the article's own statements: nothing in them is read.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {LexiconEntry, Lexicons} from '../lexicons/index.js'
import type {Article, ArticleBlock} from './article.js'
import {normalize} from './normalize.js'
import {promoBlocks} from './promo.js'
import {firstNotBefore, type Token} from './tokens.js'

export type Calendar = 'gregorian' | 'hijri'

/** A calendar day: year, month 1–12, day 1–31 (not necessarily a real day: see `isRealDate`). */
export interface Ymd {
  year: number
  month: number
  day: number
}

export interface WeekdayMention {
  block: ArticleBlock
  /** Offsets of the weekday's word in the block's plain text (clitics such as «و» included). */
  from: number
  to: number
  /** 0 Sunday … 6 Saturday. */
  weekday: number
}

export interface DateMention {
  block: ArticleBlock
  /** Offsets of the whole expression in the block's plain text. */
  from: number
  to: number
  /** Index of the sentence in `block.sentences` (-1 between sentences). */
  sentence: number
  /**
   * - `date`: a day of a month, with or without the year;
   * - `month`: a month and a year, no day;
   * - `year`: a year alone.
   */
  kind: 'date' | 'month' | 'year'
  calendar: Calendar
  /** As written (Hijri for a Hijri date). Undefined where the expression has none. */
  year?: number
  month?: number
  day?: number
  /** The first day of a range ("30-31 March": 30; `day` is 31). */
  firstDay?: number
  /** Written in digits only (22/3/2024): `readings` holds every reading as a date. */
  numeric: boolean
  /** Numeric dates: the day/month and month/day readings (one when only one is possible as written). */
  readings?: Ymd[]
  /** The Gregorian day of a Hijri date by the Umm al-Qura calendar, when the date is real. */
  gregorian?: Ymd
  /** Years: the approximator before it («أوائل», "early"), as written. */
  approximator?: string
  /** Years: a word before or a mark after says the number is a year («عام», "in", a month, «م»). */
  marked: boolean
  /** The weekday written beside the date. */
  weekday?: WeekdayMention
  /** The date «الموافق» / "corresponding to" pairs it with (a Hijri date's Gregorian one, or the reverse). */
  equivalent?: DateMention
}

export interface ArticleDate extends Ymd {
  /** The frontmatter value as written. */
  text: string
  /** Source line of the frontmatter `date` key (1-based), when found. */
  line?: number
}

export interface ArticleDates {
  mentions: DateMention[]
  weekdays: WeekdayMention[]
  /** The article's own date (frontmatter `date`), when it is a real day. */
  published?: ArticleDate
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in a Gregorian month. */
export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28
  return DAYS_IN_MONTH[month - 1]
}

/** Whether a Gregorian year, month and day name a real day. */
export function isRealDate(date: Ymd): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)
}

/** Days since 1970-01-01 of a Gregorian day. */
export function dayNumber(date: Ymd): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000)
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: Ymd): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
}

/** Compare two days: negative when a is earlier. */
export function compareDates(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

let hijriFormat: Intl.DateTimeFormat | undefined

/** The Umm al-Qura (Hijri) day of a Gregorian day, by Intl. */
export function hijriOf(date: Ymd): Ymd {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC'})
  const parts = hijriFormat.formatToParts(new Date(Date.UTC(date.year, date.month - 1, date.day)))
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  return {year: value('year'), month: value('month'), day: value('day')}
}

/**
 * The Gregorian day of an Umm al-Qura day, or undefined when the calendar has no such day
 * (the 30th of a 29-day month) or it is out of Intl's range. Found by asking Intl around the
 * estimate: a Hijri year is 354.37 days, and 1 Muharram 1 AH was 16 July 622 (Julian).
 */
export function gregorianOfHijri(hijri: Ymd): Ymd | undefined {
  if (hijri.month < 1 || hijri.month > 12 || hijri.day < 1 || hijri.day > 30 || hijri.year < 1300 || hijri.year > 1600) return undefined
  const estimate = Math.round((hijri.year - 1) * 354.36708 + (hijri.month - 1) * 29.530588 + hijri.day - 1) - 492_148
  for (let offset = 0; offset <= 6; offset++) {
    for (const sign of offset ? [1, -1] : [1]) {
      const day = new Date((estimate + sign * offset) * 86_400_000)
      const gregorian = {year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate()}
      const back = hijriOf(gregorian)
      if (back.year === hijri.year && back.month === hijri.month && back.day === hijri.day) return gregorian
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Names, from Intl and the lexicon

/** A name of a month or weekday: its words after the first (normalised) and its value. */
interface NameEntry {rest: string[]; value: number; calendar: Calendar; english: boolean; short: boolean}

interface NameTables {
  months: Map<string, NameEntry[]>
  weekdays: Map<string, NameEntry[]>
  /** Whether a word form (by `wordId`) opens a name, in slots by `wordId` (see namesAnything). */
  openers: {words: Float64Array; opens: Uint8Array}
}

const OPENER_SLOTS = 4096
const newOpeners = () => ({words: new Float64Array(OPENER_SLOTS).fill(-1), opens: new Uint8Array(OPENER_SLOTS)})

const ARABIC_LOCALES = ['ar', 'ar-EG', 'ar-SA', 'ar-AE', 'ar-DZ', 'ar-MA', 'ar-TN', 'ar-LY', 'ar-MR', 'ar-LB', 'ar-SY', 'ar-IQ', 'ar-JO', 'ar-PS', 'ar-KW', 'ar-QA', 'ar-BH', 'ar-OM', 'ar-YE', 'ar-SD']

function addName(table: Map<string, NameEntry[]>, name: string, entry: Omit<NameEntry, 'rest'>): void {
  const words = normalize(name.replace(/\./gu, '')).match(/[\p{L}\p{M}\p{N}]+/gu)
  if (!words?.length) return
  const [first, ...rest] = words
  const list = table.get(first) ?? []
  if (!list.some((known) => known.value === entry.value && known.calendar === entry.calendar && known.rest.join(' ') === rest.join(' '))) list.push({...entry, rest})
  // Longer names first, so «كانون الثاني» is read whole before a shorter one could match.
  list.sort((a, b) => b.rest.length - a.rest.length)
  table.set(first, list)
}

let intlNames: NameTables | undefined

/**
 * Intl's names as `npm run build` read them (scripts/compile-lexicons.mjs writes them to
 * dist/intl-date-names.json): making the formats of 20 locales took a tenth of a one-article run.
 * Used only when read by this Node and ICU, and by this code.
 */
const INTL_NAMES_FILE = fileURLToPath(new URL('../../intl-date-names.json', import.meta.url))

/** What the file of Intl's names is made from: Node and ICU, and the code that reads the names. */
function intlNamesKey(): string {
  const hash = createHash('sha1').update(`${process.version}\0${process.versions.icu}\0`)
  // By paths that hold from this module (dist/src/model/) and from the bundled command (dist/src/cli/).
  for (const module of ['dates.js', 'normalize.js']) hash.update(readFileSync(fileURLToPath(new URL(`../model/${module}`, import.meta.url)))).update('\0')
  return hash.digest('hex')
}

/** Intl's names as data, for the build to write. */
export function intlNameData(): {key: string; months: Array<[string, NameEntry[]]>; weekdays: Array<[string, NameEntry[]]>} {
  const names = readIntlNames()
  return {key: intlNamesKey(), months: [...names.months], weekdays: [...names.weekdays]}
}

/** Month and weekday names of Intl: every Arabic locale's Gregorian calendar, English, and the Umm al-Qura months. */
function namesOfIntl(): NameTables {
  if (intlNames) return intlNames
  try {
    const data = JSON.parse(readFileSync(INTL_NAMES_FILE, 'utf8')) as ReturnType<typeof intlNameData>
    if (data.key === intlNamesKey()) return (intlNames = {months: new Map(data.months), weekdays: new Map(data.weekdays), openers: newOpeners()})
  } catch {
    // No file, or not readable: read them from Intl.
  }
  return (intlNames = readIntlNames())
}

function readIntlNames(): NameTables {
  const months = new Map<string, NameEntry[]>()
  const weekdays = new Map<string, NameEntry[]>()
  for (const locale of ARABIC_LOCALES) {
    const format = new Intl.DateTimeFormat(locale + '-u-ca-gregory', {month: 'long', timeZone: 'UTC'})
    for (let month = 1; month <= 12; month++) {
      // Some locales write two names («آذار/مارس» is written by editors, Intl gives one): each is a name.
      for (const name of format.format(new Date(Date.UTC(2024, month - 1, 1))).split(/[/،]/u)) addName(months, name, {value: month, calendar: 'gregorian', english: false, short: false})
    }
    const day = new Intl.DateTimeFormat(locale, {weekday: 'long', timeZone: 'UTC'})
    for (let weekday = 0; weekday < 7; weekday++) addName(weekdays, day.format(new Date(Date.UTC(2024, 0, 7 + weekday))), {value: weekday, calendar: 'gregorian', english: false, short: false})
  }
  for (const width of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat('en', {month: width, timeZone: 'UTC'})
    for (let month = 1; month <= 12; month++) addName(months, format.format(new Date(Date.UTC(2024, month - 1, 1))), {value: month, calendar: 'gregorian', english: true, short: width === 'short'})
    const day = new Intl.DateTimeFormat('en', {weekday: width, timeZone: 'UTC'})
    for (let weekday = 0; weekday < 7; weekday++) addName(weekdays, day.format(new Date(Date.UTC(2024, 0, 7 + weekday))), {value: weekday, calendar: 'gregorian', english: true, short: width === 'short'})
  }
  const hijri = new Intl.DateTimeFormat('ar-SA-u-ca-islamic-umalqura-nu-latn', {month: 'long', timeZone: 'UTC'})
  const hijriNumber = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {month: 'numeric', timeZone: 'UTC'})
  for (let day = 0; day < 360; day += 15) {
    const date = new Date(Date.UTC(2024, 0, 1 + day))
    addName(months, hijri.format(date), {value: Number(hijriNumber.format(date)), calendar: 'hijri', english: false, short: false})
  }
  return {months, weekdays, openers: newOpeners()}
}

const tablesByLexicons = new WeakMap<Lexicons, NameTables>()

/** Intl's names with the lexicon's extra spellings (and any added by configuration). */
function nameTables(lexicons: Lexicons): NameTables {
  let tables = tablesByLexicons.get(lexicons)
  if (tables) return tables
  const intl = namesOfIntl()
  tables = {months: new Map([...intl.months].map(([key, list]) => [key, [...list]])), weekdays: new Map([...intl.weekdays].map(([key, list]) => [key, [...list]])), openers: newOpeners()}
  for (const entry of lexicons.dates.entries) {
    const values = (entry.months ?? entry.weekdays) as Record<string, number> | undefined
    if (!values) continue
    const table = entry.kind === 'weekday' ? tables.weekdays : tables.months
    const calendar: Calendar = entry.kind === 'hijri-month' ? 'hijri' : 'gregorian'
    for (const lang of ['en', 'ar']) {
      for (const form of (entry[lang] as string[] | undefined) ?? []) {
        const value = values[normalize(form)] ?? values[form] ?? values[form.toLowerCase()]
        if (typeof value === 'number') addName(table, form, {value, calendar, english: lang === 'en', short: lang === 'en'})
      }
    }
  }
  tablesByLexicons.set(lexicons, tables)
  return tables
}

/** The name of a table at token `at` (its word or a stem without proclitics), and the index past it. */
function nameAt(table: Map<string, NameEntry[]>, tokens: readonly Token[], at: number): {entry: NameEntry; to: number} | undefined {
  const token = tokens[at]
  if (!token) return undefined
  // The word as written, then its stems («والجمعة» → «الجمعة»); no list is built, this runs at every word.
  for (let h = -1; h < token.stems.length; h++) {
    const list = table.get(h < 0 ? token.norm : token.stems[h])
    if (!list) continue
    for (const entry of list) {
      if (entry.english && !/^\p{Lu}/u.test(token.text)) continue
      let ok = true
      for (let k = 0; k < entry.rest.length && ok; k++) ok = tokens[at + 1 + k]?.norm === entry.rest[k]
      if (ok) return {entry, to: at + 1 + entry.rest.length}
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** The value of a token made of digits only (after normalisation), or undefined. */
function digitsOf(token: Token | undefined): number | undefined {
  if (!token || !/^\d{1,4}$/u.test(token.norm)) return undefined
  return Number(token.norm)
}

/** Whether a normalised word holds a digit in its first two characters (digits, or «و» and digits). */
function hasDigit(norm: string): boolean {
  const first = norm.charCodeAt(0)
  const second = norm.charCodeAt(1)
  return (first >= 48 && first <= 57) || (second >= 48 && second <= 57)
}

/** Whether a word or one of its stems opens a month or weekday name; kept per word form (`wordId`) in a small table. */
function namesAnything(tables: NameTables, token: Token): boolean {
  const slot = token.wordId % OPENER_SLOTS
  if (tables.openers.words[slot] === token.wordId) return tables.openers.opens[slot] === 1
  let found = tables.months.has(token.norm) || tables.weekdays.has(token.norm)
  for (let h = 0; h < token.stems.length && !found; h++) found = tables.months.has(token.stems[h]) || tables.weekdays.has(token.stems[h])
  tables.openers.words[slot] = token.wordId
  tables.openers.opens[slot] = found ? 1 : 0
  return found
}

/** Where the digits of a token start (after a proclitic such as «و»). */
function digitStart(token: Token): number {
  const at = token.text.search(/\p{Nd}/u)
  return token.index + Math.max(0, at)
}

/** A day of a month: 1–31 in digits, or an English ordinal ("22nd"). */
function dayOf(token: Token | undefined): number | undefined {
  if (!token) return undefined
  // Digits may carry a proclitic: «و22 مارس».
  const match = /^(?:و|ف|ب|ل)?(\d{1,2})(?:st|nd|rd|th)?$/u.exec(token.norm)
  if (!match) return undefined
  const day = Number(match[1])
  return day >= 1 && day <= 31 ? day : undefined
}

/** A year in digits, with «م» (Gregorian) or «هـ» (Hijri) written onto it: «2024م», «1445هـ». */
function yearOf(token: Token | undefined): {year: number; calendar?: Calendar} | undefined {
  if (!token) return undefined
  const match = /^(?:و|ف|ب|ل)?(\d{4})(م|ه)?$/u.exec(token.norm)
  if (!match) return undefined
  return {year: Number(match[1]), calendar: match[2] === 'م' ? 'gregorian' : match[2] === 'ه' ? 'hijri' : undefined}
}

const isGregorianYear = (year: number) => year >= 1800 && year <= 2199
/** A year written with a month ("July 14, 1789") may be any year of the Gregorian calendar (from 1583). */
const isDateYear = (year: number) => year >= 1583 && year <= 2199
const isHijriYear = (year: number) => year >= 1300 && year <= 1599

/** Whether only spaces (and, when allowed, the given punctuation) stand between two offsets of a text. */
function gapIs(text: string, from: number, to: number, punctuation: string): boolean {
  for (let i = from; i < to; i++) {
    const ch = text[i]
    if (ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\u200f' || ch === '\u200e') continue
    if (!punctuation.includes(ch)) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Reading a block

const DAY_FILLERS = new Set(['من', 'شهر', 'of', 'the'])
const YEAR_FILLERS = new Set(['من', 'عام', 'العام', 'لعام', 'سنه', 'of'])
const EQUIVALENT = new Set(['الموافق', 'الموافقه', 'الموافق', 'الموافقة', 'يوافق', 'الموافق'].map((word) => normalize(word)))
const DAY_WORDS = new Set(['يوم', 'on'])
/** Words that may stand between a weekday and its date: «الجمعة الموافق 22 مارس», "Friday, the 22nd of March". */
const BEFORE_DATE = new Set([...EQUIVALENT, 'the'])

/** What the lexicon says a token opens: its kind (approximator, year-word, plan, event…), the entry and the index past it. */
function lexiconAt(lexicons: Lexicons, tokens: readonly Token[], at: number): {entry: LexiconEntry; to: number} | undefined {
  const match = lexicons.match.dates.matchAt(tokens, at)
  return match && {entry: match.value, to: match.to}
}

interface BlockReading {mentions: DateMention[]; weekdays: WeekdayMention[]}

/** Read the dates, years and weekdays of one block. */
function readBlock(article: Article, block: ArticleBlock, tables: NameTables): BlockReading {
  const {tokens, text} = block
  const mentions: DateMention[] = []
  const weekdays: WeekdayMention[] = []
  const used = new Uint8Array(tokens.length)
  const push = (mention: Omit<DateMention, 'block' | 'sentence'>, from: number, to: number) => {
    for (let k = from; k < to; k++) used[k] = 1
    mentions.push({block, sentence: -1, ...mention})
  }
  const monthAt = (at: number) => nameAt(tables.months, tokens, at)
  // The month after a day, past fillers («22 من شهر مارس», "the 22nd of March"), with «آذار/مارس» read as one month.
  const monthAfter = (at: number): {entry: NameEntry; to: number} | undefined => {
    let i = at
    while (i < tokens.length && i - at < 2 && DAY_FILLERS.has(tokens[i].norm)) i++
    // Only spaces between the day, the fillers and the month.
    for (let k = at; k <= i && k < tokens.length; k++) if (!gapIs(text, tokens[k - 1].end, tokens[k].index, '')) return undefined
    const found = monthAt(i)
    if (!found) return undefined
    // A second name of the same month after a slash or in parentheses: «آذار/مارس», «آذار (مارس)».
    const second = found.to < tokens.length && gapIs(text, tokens[found.to - 1].end, tokens[found.to].index, '/(') ? monthAt(found.to) : undefined
    if (second && second.entry.value === found.entry.value && second.entry.calendar === found.entry.calendar) return {entry: found.entry, to: second.to}
    return found
  }
  // The year after a month, past a comma or a filler ("March 22, 2024", «مارس من العام 2024»).
  const yearAfter = (at: number, calendar: Calendar, punctuation = ',،'): {year: number; to: number} | undefined => {
    let i = at
    while (i < tokens.length && i - at < 2 && YEAR_FILLERS.has(tokens[i].norm)) i++
    const token = tokens[i]
    if (!token || at === 0) return undefined
    for (let k = at; k <= i; k++) if (!gapIs(text, tokens[k - 1].end, tokens[k].index, k === at ? punctuation : '')) return undefined
    const year = yearOf(token)
    if (!year || (year.calendar && year.calendar !== calendar)) return undefined
    if (calendar === 'gregorian' ? !isDateYear(year.year) : !isHijriYear(year.year)) return undefined
    if (!plainNumber(text, token)) return undefined
    // A Gregorian year followed by «م» or a Hijri one by «هـ» as a word of its own.
    const mark = tokens[i + 1]?.norm
    const marked = (calendar === 'gregorian' && mark === 'م') || (calendar === 'hijri' && mark === 'ه')
    return {year: year.year, to: marked && gapIs(text, token.end, tokens[i + 1].index, '') ? i + 2 : i + 1}
  }

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue
    const token = tokens[i]
    // Most words are neither numbers nor names of a month or weekday: they are passed over with one look each.
    if (!hasDigit(token.norm) && !namesAnything(tables, token)) continue
    // Numeric dates: 22/3/2024, 2024-03-22, 22.03.2024.
    const numeric = readNumeric(text, tokens, i)
    if (numeric) {
      push(numeric.mention, i, i + 3)
      i += 2
      continue
    }
    // Day (or range of days) before the month: «22 مارس 2024», "30-31 March", "the 22nd of March 2024".
    const day = dayOf(token)
    if (day !== undefined) {
      let firstDay: number | undefined
      let at = i + 1
      // A range: «30 و31 مارس», "30-31 March", "30 to 31 March".
      const joiner = tokens[at]
      if (joiner && /^(?:و|to|and|الى|حتى)$/u.test(joiner.norm) && dayOf(tokens[at + 1]) !== undefined) {
        firstDay = day
        at += 2
      } else if (joiner && dayOf(joiner) !== undefined && gapIs(text, token.end, joiner.index, '-–')) {
        firstDay = day
        at += 1
      } else if (joiner && /^و\d{1,2}$/u.test(joiner.norm)) {
        firstDay = day
        at += 1
      }
      const lastDay = firstDay === undefined ? day : dayOf(tokens[at - 1]) ?? Number(tokens[at - 1].norm.replace(/^و/u, ''))
      if (firstDay === undefined || Number.isFinite(lastDay)) {
        const month = monthAfter(at)
        if (month) {
          const year = yearAfter(month.to, month.entry.calendar, month.entry.short ? ',،.' : ',،')
          const end = year ? year.to : month.to
          const hijri = month.entry.calendar === 'hijri'
          // A Hijri month name with a day and no year is read only where «هـ» or «الموافق» makes it a date («صفر» is zero, «رجب» a name).
          if (!hijri || year || EQUIVALENT.has(tokens[month.to]?.norm ?? '')) {
            push({kind: 'date', calendar: month.entry.calendar, year: year?.year, month: month.entry.value, day: lastDay, firstDay, numeric: false, marked: true, from: digitStart(token), to: tokens[end - 1].end}, i, end)
            i = end - 1
            continue
          }
        }
      }
    }
    // Month first: "March 22, 2024", "Sept. 12", "March 2024", «مارس 2024».
    const month = monthAt(i)
    if (month) {
      const after = tokens[month.to]
      const punct = month.entry.short ? '.,' : ','
      const dayAfter = after && gapIs(text, tokens[month.to - 1].end, after.index, punct) ? dayOf(after) : undefined
      // "March 22" only in English, where the month opens; «مارس 22» is not how Arabic writes a date.
      if (dayAfter !== undefined && month.entry.english) {
        const year = yearAfter(month.to + 1, 'gregorian')
        const end = year ? year.to : month.to + 1
        push({kind: 'date', calendar: 'gregorian', year: year?.year, month: month.entry.value, day: dayAfter, numeric: false, marked: true, from: token.index, to: tokens[end - 1].end}, i, end)
        i = end - 1
        continue
      }
      if (month.entry.calendar === 'gregorian') {
        const year = yearAfter(month.to, 'gregorian')
        if (year) {
          push({kind: 'month', calendar: 'gregorian', year: year.year, month: month.entry.value, numeric: false, marked: true, from: token.index, to: tokens[year.to - 1].end}, i, year.to)
          i = year.to - 1
          continue
        }
      }
    }
    // A weekday, with its clitics («والجمعة») and «يوم» before it.
    const weekday = nameAt(tables.weekdays, tokens, i)
    if (weekday) {
      weekdays.push({block, from: token.index, to: tokens[weekday.to - 1].end, weekday: weekday.entry.value})
      i = weekday.to - 1
      continue
    }
    // A year on its own.
    const year = yearOf(token)
    if (year && (year.calendar === 'hijri' ? isHijriYear(year.year) : isGregorianYear(year.year)) && plainNumber(text, token)) {
      const calendar = year.calendar ?? 'gregorian'
      const before = yearContext(article.lexicons, tokens, i, text)
      const mark = tokens[i + 1]
      const markedAfter = year.calendar !== undefined || (mark !== undefined && /^(?:م|ad|bc|ce)$/u.test(mark.norm) && gapIs(text, token.end, mark.index, ''))
      push({kind: 'year', calendar, year: year.year, numeric: false, marked: before.marked || markedAfter, approximator: before.approximator, from: before.from ?? digitStart(token), to: token.end}, i, i + 1)
    }
  }
  pairWeekdays(block, tokens, mentions, weekdays)
  pairEquivalents(tokens, mentions)
  return {mentions, weekdays}
}

/** Whether a four-digit token is a number of its own: not part of 1,234,567, 12.2025 or a phone number 0123-2024. */
function plainNumber(text: string, token: Token): boolean {
  const before = text[token.index - 1] ?? ''
  const after = text[token.end] ?? ''
  const digitAt = (i: number) => /\p{Nd}/u.test(text[i] ?? '')
  if ((',.٫٬:'.includes(before) && before !== '' && digitAt(token.index - 2)) || (',.٫٬:'.includes(after) && after !== '' && digitAt(token.end + 1))) return false
  if ((before === '/' || before === '-') && digitAt(token.index - 2)) return /\d{4}$/u.test(text.slice(Math.max(0, token.index - 6), token.index - 1)) && before === '-'
  if ((after === '/' || after === '-') && digitAt(token.end + 1)) return /^\d{4}/u.test(text.slice(token.end + 1, token.end + 6)) && after === '-'
  return true
}

/** What precedes a year: an approximator («أوائل عام», "early", "mid-") and whether a word marks it as a year. */
function yearContext(lexicons: Lexicons, tokens: readonly Token[], at: number, text: string): {marked: boolean; approximator?: string; from?: number} {
  let marked = false
  let approximator: string | undefined
  let from: number | undefined
  // Look back over at most four words for a phrase of the lexicon that ends right before the year (or before «عام» and the year).
  for (let start = Math.max(0, at - 5); start < at; start++) {
    const found = lexiconAt(lexicons, tokens, start)
    if (!found) continue
    const kind = found.entry.kind
    const end = found.to
    const yearWordBetween = end === at - 1 && /^(?:عام|العام|سنه|السنه|of)$/u.test(tokens[at - 1].norm)
    if (end !== at && !yearWordBetween) continue
    if (!gapIs(text, tokens[end - 1].end, tokens[end].index, '-–,') || !gapIs(text, tokens[at - 1].end, tokens[at].index, '-–,')) continue
    if (kind === 'approximator') {
      approximator = text.slice(tokens[start].index, tokens[end - 1].end)
      from = tokens[start].index
      marked = true
    } else if (kind === 'year-word' || kind === 'plan') marked ||= kind === 'year-word'
  }
  const previous = tokens[at - 1]
  if (previous && /^(?:عام|العام|سنه|السنه|لعام|year|في|منذ|in|since)$/u.test(previous.norm)) marked = true
  if (previous && previous.stems.some((stem) => stem === 'عام' || stem === 'العام' || stem === 'سنه')) marked = true
  // "in the 2012 attack", "during the 2008 campaign": a year as the time of an event.
  if (previous?.norm === 'the' && /^(?:in|during|since)$/u.test(tokens[at - 2]?.norm ?? '')) marked = true
  return {marked, approximator, from}
}

/** A numeric date at token `at`: three numbers joined by one separator (/ - .), one of them a four-digit year at either end. */
function readNumeric(text: string, tokens: readonly Token[], at: number): {mention: Omit<DateMention, 'block' | 'sentence'>} | undefined {
  const [a, b, c] = [tokens[at], tokens[at + 1], tokens[at + 2]]
  if (!a || !b || !c) return undefined
  const sep = text[a.end]
  if (sep !== '/' && sep !== '-' && sep !== '.') return undefined
  if (b.index !== a.end + 1 || text[b.end] !== sep || c.index !== b.end + 1) return undefined
  // The first number may carry a proclitic: «و22/3/2024».
  const lead = /^(?:و|ف|ب|ل)?(\d{1,4})$/u.exec(a.norm)
  const [x, y, z] = [lead ? Number(lead[1]) : undefined, digitsOf(b), digitsOf(c)]
  const aDigits = lead?.[1] ?? ''
  if (x === undefined || y === undefined || z === undefined) return undefined
  // Not part of a longer chain (1/2/3/2024, an IP address, a version number) or a decimal.
  if (/[\d/.\-٫٬]/u.test(text[a.index - 1] ?? '') || /^[/.\-٫٬]\d/u.test(text.slice(c.end, c.end + 2)) || /\d/u.test(text[c.end] ?? '')) return undefined
  let year: number
  let first: number
  let second: number
  if (aDigits.length === 4 && isGregorianYear(x) && b.norm.length <= 2 && c.norm.length <= 2) [year, first, second] = [x, y, z]
  else if (c.norm.length === 4 && isGregorianYear(z) && aDigits.length <= 2 && b.norm.length <= 2) [year, first, second] = [z, x, y]
  else return undefined
  // Year first is written year-month-day (ISO); year last, day/month or month/day.
  const readings: Ymd[] = aDigits.length === 4
    ? [{year, month: first, day: second}, {year, month: second, day: first}]
    : [{year, month: second, day: first}, {year, month: first, day: second}]
  const possible = readings.filter(isRealDate)
  const best = possible[0] ?? readings[0]
  return {mention: {kind: 'date', calendar: 'gregorian', year: best.year, month: best.month, day: best.day, numeric: true, readings: possible.length ? possible : readings, marked: true, from: digitStart(a), to: c.end}}
}

/** Tie each weekday to the date written right beside it: «الجمعة 22 مارس»، "Friday, March 22", "March 22 (Friday)". */
function pairWeekdays(block: ArticleBlock, tokens: readonly Token[], mentions: DateMention[], weekdays: WeekdayMention[]): void {
  if (!weekdays.length || !mentions.length) return
  const {text} = block
  const dates = mentions.filter((mention) => mention.kind === 'date')
  for (const weekday of weekdays) {
    // A date after it: only spaces, a comma, a dash or a parenthesis, and at most «الموافق» between.
    const after = dates.find((date) => date.from >= weekday.to && date.from - weekday.to <= 16)
    if (after && !after.weekday) {
      const between = text.slice(weekday.to, after.from)
      const words = between.match(/[\p{L}\p{M}]+/gu) ?? []
      if (words.every((word) => BEFORE_DATE.has(normalize(word))) && /^\.?[\s,،(\-–]*(?:[\p{L}\p{M}]+)?[\s,،(\-–]*$/u.test(between)) {
        after.weekday = weekday
        continue
      }
    }
    // A date before it: "March 22 (Friday)", «22 مارس، يوم الجمعة».
    const before = [...dates].reverse().find((date) => date.to <= weekday.from && weekday.from - date.to <= 8)
    if (before && !before.weekday) {
      const between = text.slice(before.to, weekday.from)
      const words = between.match(/[\p{L}\p{M}]+/gu) ?? []
      if (words.every((word) => DAY_WORDS.has(normalize(word))) && /^[\s,،(\-–]*(?:[\p{L}\p{M}]+)?[\s]*$/u.test(between) && !nextIsDate(weekday, dates, text)) {
        before.weekday = weekday
      }
    }
  }
  void tokens
}

/** Whether a date follows the weekday right away (then the weekday is that date's). */
function nextIsDate(weekday: WeekdayMention, dates: DateMention[], text: string): boolean {
  return dates.some((date) => date.from >= weekday.to && /^[\s,،(\-–]*$/u.test(text.slice(weekday.to, date.from)))
}

/** Pair a Hijri and a Gregorian date joined by «الموافق» (either order); each becomes the other's `equivalent`. */
function pairEquivalents(tokens: readonly Token[], mentions: DateMention[]): void {
  const dates = mentions.filter((mention) => mention.kind === 'date')
  for (let k = 0; k + 1 < dates.length; k++) {
    const [first, second] = [dates[k], dates[k + 1]]
    if (first.calendar === second.calendar) continue
    const between = tokens.filter((token) => token.index >= first.to && token.end <= second.from)
    if (!between.length || between.length > 2 || !between.some((token) => EQUIVALENT.has(token.norm)) || !between.every((token) => EQUIVALENT.has(token.norm) || token.norm === 'ه' || token.norm === 'م')) continue
    first.equivalent = second
    second.equivalent = first
  }
  for (const mention of mentions) {
    if (mention.calendar !== 'hijri' || mention.kind !== 'date' || mention.year === undefined || mention.month === undefined || mention.day === undefined) continue
    const gregorian = gregorianOfHijri({year: mention.year, month: mention.month, day: mention.day})
    if (gregorian) mention.gregorian = gregorian
  }
}

// ---------------------------------------------------------------------------------------------
// The article

/** Roles of blocks whose dates are the article's own statements: the story text, the title, the dateline, byline and captions. */
function readsBlock(article: Article, block: ArticleBlock): boolean {
  if (block.inBlockquote) return false
  if (block.role === 'title') return true
  if (block.kind === 'heading') return false
  // A short line without sentence punctuation reads as a subheading ("Last updated Saturday, 4 June 2020"): it
  // is no heading of the markup, and its dates are the article's.
  return block.role === 'body' || block.role === 'dateline' || block.role === 'byline' || block.role === 'caption' || block.role === 'subheading'
}

/** Whether a block's text holds a digit or a weekday-like word worth reading (most blocks of most articles hold no date). */
function mayHoldDate(block: ArticleBlock): boolean {
  for (const token of block.tokens) {
    const code = token.norm.charCodeAt(0)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/** The article's own date, from frontmatter `date` (an ISO day or timestamp, or a YAML/TOML date). */
export function publishedDate(article: Article): ArticleDate | undefined {
  const value = article.frontmatter.date as unknown
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/u.exec(text)
  if (!match) return undefined
  const date = {year: Number(match[1]), month: Number(match[2]), day: Number(match[3])}
  if (!isRealDate(date)) return undefined
  // The line of the `date:` key in the frontmatter at the top of the file.
  const head = /^(?:---|\+\+\+)\r?\n[\s\S]*?\r?\n(?:---|\+\+\+)/u.exec(article.source)?.[0] ?? ''
  const key = /^date\s*[:=]/mu.exec(head)
  const line = key ? head.slice(0, key.index).split('\n').length : undefined
  return {...date, text, line}
}

/** Every date, year and weekday of the article's own text, and its frontmatter date. */
export function findDates(article: Article): ArticleDates {
  const mentions: DateMention[] = []
  const weekdays: WeekdayMention[] = []
  const published = publishedDate(article)
  const candidates = article.blocks.filter((block) => readsBlock(article, block) && mayHoldDate(block))
  if (!candidates.length) return {mentions, weekdays, published}
  const tables = nameTables(article.lexicons)
  const promo = article.use(promoBlocks)
  const links = article.links.inText.filter((link) => link.kind === 'inline' || link.kind === 'reference' || link.kind === 'autolink').map((link) => [link.start, link.end] as const).sort((x, y) => x[0] - y[0])
  const inLink = (offset: number) => {
    const next = firstNotBefore(links, (link) => link[0] <= offset)
    return next > 0 && offset < links[next - 1][1]
  }
  for (const block of candidates) {
    if (promo.has(block.index)) continue
    const reading = readBlock(article, block, tables)
    const quotes = block.quotes.filter((quote) => !quote.unbalanced && quote.innerEnd > quote.innerStart)
    const keep = (from: number) => !quotes.some((quote) => from >= quote.innerStart && from < quote.innerEnd) && !inLink(block.offsets[from])
    for (const mention of reading.mentions) {
      if (!keep(mention.from)) continue
      const index = sentenceIndex(block, mention.from)
      mention.sentence = index
      if (mention.weekday && !keep(mention.weekday.from)) mention.weekday = undefined
      mentions.push(mention)
    }
    for (const weekday of reading.weekdays) if (keep(weekday.from)) weekdays.push(weekday)
  }
  return {mentions, weekdays, published}
}

function sentenceIndex(block: ArticleBlock, offset: number): number {
  const sentences = block.sentences
  for (let k = 0; k < sentences.length; k++) if (offset >= sentences[k].start && offset < sentences[k].end) return k
  return -1
}

// ---------------------------------------------------------------------------------------------
// Words around a date: event verbs and plan cues of the lexicon, for the rules

export interface LexiconHit {
  entry: LexiconEntry
  /** Token indices [from, to) in the block. */
  from: number
  to: number
}

/** The phrases of the dates lexicon of the given kinds in tokens [from, to) of a block. */
export function dateWordsIn(lexicons: Lexicons, tokens: readonly Token[], from: number, to: number, kinds: readonly string[]): LexiconHit[] {
  const hits: LexiconHit[] = []
  for (const match of lexicons.match.dates.findWithin(tokens, from, to)) {
    if (kinds.includes(match.value.kind ?? '')) hits.push({entry: match.value, from: match.from, to: match.to})
  }
  return hits
}

// ---------------------------------------------------------------------------------------------
// Writing dates in messages

const formats = new Map<string, Intl.DateTimeFormat>()
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options)
  let found = formats.get(key)
  if (!found) formats.set(key, (found = new Intl.DateTimeFormat(locale, {...options, timeZone: 'UTC'})))
  return found
}

/** A Gregorian day as each language writes it: {en: '22 March 2024', ar: '22 مارس 2024'}; without the year when `year` is undefined. */
export function dateText(date: {year?: number; month: number; day: number}): {en: string; ar: string} {
  const when = new Date(Date.UTC(date.year ?? 2024, date.month - 1, Math.min(date.day, 28)))
  const options: Intl.DateTimeFormatOptions = date.year === undefined ? {day: 'numeric', month: 'long'} : {day: 'numeric', month: 'long', year: 'numeric'}
  const [en, ar] = [format('en-GB', options), format('ar-EG-u-nu-latn', options)].map((f) => f.formatToParts(when).map((part) => (part.type === 'day' ? String(date.day) : part.value)).join(''))
  return {en, ar}
}

/** A Hijri day as each language writes it (Umm al-Qura month names). */
export function hijriText(date: Ymd): {en: string; ar: string} {
  return {en: `${date.day} ${hijriMonthName('en', date.month)} ${date.year} AH`, ar: `${date.day} ${hijriMonthName('ar', date.month)} ${date.year} هـ`}
}

const hijriNames: Record<string, string[]> = {}
function hijriMonthName(locale: 'ar' | 'en', month: number): string {
  if (!hijriNames[locale]) {
    const named = format(locale === 'ar' ? 'ar-SA-u-ca-islamic-umalqura-nu-latn' : 'en-u-ca-islamic-umalqura', {month: 'long'})
    const numbered = format('en-u-ca-islamic-umalqura-nu-latn', {month: 'numeric'})
    const list: string[] = []
    for (let day = 0; day < 360; day += 15) {
      const when = new Date(Date.UTC(2024, 0, 1 + day))
      list[Number(numbered.format(when)) - 1] = named.format(when)
    }
    hijriNames[locale] = list
  }
  return hijriNames[locale][month - 1] ?? ''
}

/** A weekday's name in each language. */
export function weekdayText(weekday: number): {en: string; ar: string} {
  const when = new Date(Date.UTC(2024, 0, 7 + weekday))
  return {en: format('en', {weekday: 'long'}).format(when), ar: format('ar', {weekday: 'long'}).format(when)}
}

/** A month's name in each language (Gregorian). */
export function monthText(month: number): {en: string; ar: string} {
  const when = new Date(Date.UTC(2024, month - 1, 1))
  return {en: format('en', {month: 'long'}).format(when), ar: format('ar-EG', {month: 'long'}).format(when)}
}
