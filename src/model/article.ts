/**
 * The article model: built once per file and shared by every rule.
 *
 * It answers the language questions (blocks, roles, sentences, words, quotes, links,
 * language) once; analyses built on top of it (attribution, outlets, topic) are plain
 * functions of the article, run at most once per file through `article.use(analysis)`.
 */
import type {Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {parse as parseToml} from 'smol-toml'
import YAML from 'yaml'
import {type Block, collectBlocks} from './blocks.js'
import type {HtmlLink} from './html-text.js'
import {parsedText} from './template-syntax.js'
import {detectLanguage, functionWordHits, letterCounts, type LetterCounts} from './language.js'
import {indexLinks, type LinkIndex, isSourcesHeading} from './links.js'
import {findQuotes, type Quote} from './quotes.js'
import {type Sentence, splitSentences} from './sentences.js'
import {firstEndingAfter, type Token, tokenize} from './tokens.js'
import {type Lexicons, loadLexicons, type LexiconExtensions} from '../lexicons/index.js'

export type {Block, BlockKind, BlockRole} from './blocks.js'
export type {Quote} from './quotes.js'
export type {Sentence} from './sentences.js'
export type {Token} from './tokens.js'
export type {Link, LinkIndex} from './links.js'

/** Settings the model reads, from the preset's options. */
export interface ModelSettings {
  /** Language to assume when neither frontmatter nor script decides. */
  lang?: string
  /** Lexicon entries added by configuration. */
  lexicons?: LexiconExtensions
  /** The publisher of every article, from configuration (config key `publisher`). */
  publisher?: string | string[]
}

export interface Point {line: number; column: number; offset: number}
export interface Span {start: Point; end: Point}

/** A block with everything the rules ask about it. */
export interface ArticleBlock extends Block {
  lang: string
  tokens: Token[]
  sentences: Sentence[]
  quotes: Quote[]
}

export interface Frontmatter {
  lang?: string
  date?: string
  title?: string
  publisher?: string
  sources?: unknown
  [key: string]: unknown
}

export class Article {
  readonly file: VFile
  readonly tree: Root
  readonly source: string
  /**
   * The text the parser read: `source` with template and shortcode syntax hidden (see
   * template-syntax.ts), the same length and lines; `source` itself when it has none.
   */
  readonly parsed: string
  /** The source end of each character that stands for an entity (`&#8220;` read as “), by the offset of its `&`. */
  readonly entityEnds = new Map<number, number>()
  readonly frontmatter: Frontmatter
  readonly lexicons: Lexicons
  /** Language of the article: frontmatter `lang`, else detected, else the configured default. */
  readonly lang: string
  readonly blocks: ArticleBlock[]
  /** The story's title as text. */
  readonly title: string
  readonly links: LinkIndex
  /** Names of the article's publisher as the newsroom gives them: frontmatter `publisher`, then config `publisher`. */
  readonly publisherNames: string[]
  private readonly place: ReturnType<typeof location>
  private readonly analyses = new Map<(article: Article) => unknown, unknown>()

  constructor(tree: Root, file: VFile, settings: ModelSettings = {}) {
    this.file = file
    this.tree = tree
    this.source = String(file.value ?? '')
    this.parsed = parsedText(file)
    this.place = location(file)
    this.frontmatter = readFrontmatter(tree, file, this.source, (offset) => this.point(offset))
    this.lexicons = loadLexicons(settings.lexicons)
    this.publisherNames = [...names(this.frontmatter.publisher), ...names(settings.publisher)]
    const htmlLinks: HtmlLink[] = []
    const raw = collectBlocks(tree, this.parsed, this.entityEnds, htmlLinks)
    // Each block's words and letters are read once, for the article's language and for the block's own.
    const blockTokens = raw.map((block) => tokenize(block.text))
    const blockLetters = raw.map((block) => letterCounts(block.text))
    const allLetters: LetterCounts = {letters: 0, arabic: 0, latin: 0}
    let allWords = 0
    for (const [index, counts] of blockLetters.entries()) {
      allLetters.letters += counts.letters
      allLetters.arabic += counts.arabic
      allLetters.latin += counts.latin
      allWords += blockTokens[index].length
    }
    // Function words are counted only where the letters leave the language open, once per block.
    const blockHits: Array<number[] | undefined> = []
    const hitsOf = (index: number) => (blockHits[index] ??= functionWordHits(blockTokens[index]))
    const allHits = () => {
      const sum = functionWordHits([])
      for (let index = 0; index < raw.length; index++) hitsOf(index).forEach((hits, n) => (sum[n] += hits))
      return sum
    }
    const declared = typeof this.frontmatter.lang === 'string' ? this.frontmatter.lang.toLowerCase().split(/[-_]/)[0] : undefined
    const detected = detectLanguage(allLetters, allWords, allHits)
    this.lang = declared ?? (detected !== 'und' ? detected : settings.lang ?? 'und')
    this.blocks = raw.map((block, index) => {
      const tokens = blockTokens[index]
      const own = tokens.length >= 8 ? detectLanguage(blockLetters[index], tokens.length, () => hitsOf(index)) : 'und'
      const lang = own === 'und' || (own !== 'ar' && this.lang === 'ar' && tokens.length < 20) ? this.lang : own
      // Written out rather than spread: V8 copied these objects slowly with a spread.
      const {kind, inBlockquote, depth, role, hasImage, index: at, text, offsets, start, end, isLine} = block
      return {kind, inBlockquote, depth, role, hasImage, index: at, text, offsets, start, end, isLine, lang, tokens, sentences: splitSentences(text, lang), quotes: findQuotes(text)}
    })
    this.title = assignRoles(this.blocks, this.frontmatter)
    this.links = indexLinks(tree, this.frontmatter.sources, this.parsed, htmlLinks)
    // The entries of a sources section list where the story comes from; they are not story text,
    // and neither is the bold or colon-ended line that opens it ("**Works Cited**", "References:").
    // Blocks and sections are both in document order: one pass over each.
    const sections = this.links.sourcesSections
    let s = 0
    // A section opened in HTML (<h3>Works Cited</h3>) or by a line of a paragraph read line by
    // line is found from the blocks: it runs to the next heading of its level or higher (any
    // heading, when a line opened it).
    let openDepth = 0
    for (const block of this.blocks) {
      while (s < sections.length && sections[s].end < block.end) s++
      if (block.kind === 'heading' && openDepth && block.depth <= openDepth) openDepth = 0
      if (!openDepth && block.role !== 'title' && (block.kind === 'heading' || block.kind === 'paragraph') && isSourcesHeading(block.text)) {
        openDepth = block.kind === 'heading' ? block.depth : 7
        block.role = 'sources'
        continue
      }
      if (block.role === 'title') continue
      if (openDepth || (s < sections.length && block.start >= sections[s].opener)) block.role = 'sources'
    }
  }

  /** Run an analysis of the article once and keep its result for every rule that asks. */
  use<T>(analysis: (article: Article) => T): T {
    if (!this.analyses.has(analysis)) this.analyses.set(analysis, analysis(this))
    return this.analyses.get(analysis) as T
  }

  /** Source position of an offset. */
  point(offset: number): Point {
    const point = this.place.toPoint(offset)
    if (point) return {line: point.line, column: point.column, offset}
    const end = this.place.toPoint(this.source.length)
    return {line: end?.line ?? 1, column: end?.column ?? 1, offset: this.source.length}
  }

  /** Source span of the plain-text range [from, to) of a block. */
  span(block: Block, from: number, to: number): Span {
    const start = block.offsets[Math.max(0, Math.min(from, block.text.length))]
    const last = Math.max(from, Math.min(to, block.text.length) - 1)
    const lastOffset = block.offsets[Math.min(last, block.text.length)]
    // A range never ends inside an entity: one that ends with `&#8221;`'s character ends after its `;`.
    const end = to > from ? this.entityEnds.get(lastOffset) ?? lastOffset + 1 : start
    return {start: this.point(start), end: this.point(Math.max(start, end))}
  }

  /** Source span of a whole block. */
  blockSpan(block: Block): Span {
    return {start: this.point(block.start), end: this.point(block.end)}
  }

  /** The sentence of a block that holds a plain-text offset. */
  sentenceAt(block: ArticleBlock, offset: number): Sentence | undefined {
    return block.sentences[sentenceIndexAt(block, offset)]
  }

  /**
   * Whether the speech cues of the block's language are known (said, told, قال …). Without
   * them no quote or claim can be told attributed, so the rules that would flag it as
   * unattributed stay silent: in a German story every quote would look unattributed.
   */
  readsAttribution(block: ArticleBlock): boolean {
    return this.lexicons.languages.cues.has(block.lang)
  }

  /** Whether a block is story text (not title, heading, caption, byline, dateline or an entry of the sources section). */
  isStoryText(block: Block): boolean {
    return block.role === 'body' && block.kind !== 'heading'
  }
}

/** A name or a list of names, as strings (anything else is left out). */
function names(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((name): name is string => typeof name === 'string' && name.trim() !== '')
}

/** Hugo's TOML frontmatter (`+++` … `+++`): its values (dates as ISO strings), or what is wrong and where in the file. */
function readToml(value: string, valueStart: number, point: (offset: number) => Point): {data: Frontmatter} | {problem: string; place?: Point} {
  try {
    const data: Frontmatter = {}
    for (const [key, entry] of Object.entries(parseToml(value))) data[key] = entry instanceof Date ? entry.toISOString().slice(0, 10) : entry
    return {data}
  } catch (error) {
    const {message, line, column} = error as {message?: string; line?: number; column?: number}
    const problem = String(message ?? error).split('\n')[0].replace(/^Invalid TOML document:\s*/u, '')
    // smol-toml counts lines and columns from 1 in the frontmatter's own text.
    let offset = 0
    for (let k = 1; line && k < line && offset !== -1; k++) offset = value.indexOf('\n', offset) + 1 || -1
    const place = line && offset !== -1 ? point(valueStart + Math.min(value.length, offset + Math.max(0, (column ?? 1) - 1))) : undefined
    return {problem, place}
  }
}

function readFrontmatter(tree: Root, file: VFile, source: string, point: (offset: number) => Point): Frontmatter {
  const node = tree.children[0] as RootContent | {type: 'toml'; value: string; position?: Position} | undefined
  if (node?.type === 'toml') {
    const read = readToml(node.value, source.indexOf('\n', node.position?.start.offset ?? 0) + 1, point)
    if ('data' in read) return read.data
    file.message(`Cannot read the frontmatter: ${read.problem}; fix the TOML between the \`+++\` lines (until then its title, lang and publisher are not read)`, {
      place: read.place ?? node.position,
      ruleId: 'frontmatter',
      source: 'attribution-lint'
    })
    return {}
  }
  if (!node || node.type !== 'yaml') return {}
  const simple = simpleYaml(node.value)
  if (simple) return simple
  try {
    const data = YAML.parse(node.value)
    return data && typeof data === 'object' && !Array.isArray(data) ? data : {}
  } catch (error) {
    // The yaml package ends its first line with "at line 3, column 1:" (in the frontmatter's own
    // lines) and shows the place on the lines after: the message says the reason, the place is
    // the file's.
    const reason = String((error as Error).message).split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/u, '').replace(/[.:]$/u, '')
    const at = (error as {pos?: [number, number]}).pos?.[0]
    const nodeStart = node.position?.start.offset
    // The value starts on the line after the opening `---`.
    const valueStart = nodeStart === undefined ? undefined : source.indexOf('\n', nodeStart) + 1
    const place = at !== undefined && valueStart ? point(Math.min(valueStart + at, node.position?.end.offset ?? source.length)) : undefined
    file.message(`Cannot read the frontmatter: ${reason.charAt(0).toLowerCase() + reason.slice(1)}; fix the YAML between the \`---\` lines (until then its title, lang and publisher are not read)`, {
      place: place ?? node.position,
      ruleId: 'frontmatter',
      source: 'attribution-lint'
    })
    return {}
  }
}

// One `key: value` line of the simplest frontmatter: a plain key, then a double-quoted string with no escapes or a plain
// word or words (letters, digits, `_`, `-`, spaces; a date such as 2024-03-22), nothing after.
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): (?:"([\x20\x21\x23-\x5B\x5D-\x7E\u00A0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*)"|([A-Za-z][A-Za-z0-9_ -]*[A-Za-z0-9_-]|[A-Za-z]|\d{4}-\d{2}-\d{2}))$/u
// Plain words YAML's core schema reads as null or a boolean, not as a string.
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

/**
 * The values of a frontmatter made only of simple lines (SIMPLE_LINE), all of them strings, as YAML.parse reads them;
 * undefined for any other frontmatter, which YAML.parse then reads (most frontmatter is a few such lines, and the
 * yaml package's parser costs more than the rest of reading the article's head).
 */
export function simpleYaml(value: string): Frontmatter | undefined {
  const data: Frontmatter = {}
  let lines = 0
  for (let from = 0; from <= value.length; lines++) {
    let to = value.indexOf('\n', from)
    if (to === -1) to = value.length
    const line = SIMPLE_LINE.exec(value.slice(from, to))
    if (!line || Object.hasOwn(data, line[1]) || NOT_STRINGS.has(line[1])) return undefined
    const text = line[2] ?? line[3]
    if (NOT_STRINGS.has(text)) return undefined
    data[line[1]] = text
    from = to + 1
  }
  return lines ? data : undefined
}

const TERMINAL = /[.!:;،؛,]\s*$/u
const BYLINE = /^(?:by|von|par|por|di|door|بقلم|كتب|كتبت|إعداد|اعداد|تقرير|تحرير)[\s:]+\S/iu
const CAPTION = /^(?:photo|image|picture|caption|file photo|pictured|foto|bild|صورة|الصورة|صور)\b[\s:]/iu
const CREDIT_WORD = /\/|getty|reuters|afp|ap photo|epa|istock|shutterstock|photo|فرانس برس|رويترز|أرشيف/iu

/**
 * Whether the text ends in a photo credit in parentheses, "(Photo: AFP/Getty)", «(أرشيف)»:
 * what `/[(（][^()]*(?:CREDIT_WORD)[^()]*[)）]\s*$/iu` matches, found from the end in one
 * pass (that regex is quadratic on a long run of `/` after a `(`).
 */
export function endsWithCredit(text: string): boolean {
  const trimmed = text.trimEnd()
  const close = trimmed.length - 1
  if (close < 1 || (trimmed[close] !== ')' && trimmed[close] !== '）')) return false
  // The credit opens at the last ASCII `(` before it, or at the first `（` after its last ASCII parenthesis.
  const paren = Math.max(trimmed.lastIndexOf('(', close - 1), trimmed.lastIndexOf(')', close - 1))
  const open = paren !== -1 && trimmed[paren] === '(' ? paren : trimmed.indexOf('（', paren + 1)
  return open !== -1 && open < close && CREDIT_WORD.test(trimmed.slice(open + 1, close))
}
const MONTH = /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)/iu

/**
 * Mark title, subheadings, captions, bylines and datelines, and return the title's text.
 * The title is the frontmatter `title`, else the first heading when it opens the article,
 * else the first block.
 */
function assignRoles(blocks: ArticleBlock[], frontmatter: Frontmatter): string {
  let title = typeof frontmatter.title === 'string' ? frontmatter.title : ''
  const first = blocks[0]
  if (first) {
    const firstHeading = blocks.find((block) => block.kind === 'heading' && block.depth === 1) ?? (first.kind === 'heading' ? first : undefined)
    const titleBlock = title ? blocks.find((block) => block.kind === 'heading' && block.text.trim() === title.trim()) : firstHeading ?? (first.isLine || !blocks.some((b) => b.kind === 'heading') ? first : undefined)
    if (titleBlock) {
      titleBlock.role = 'title'
      if (!title) title = titleBlock.text.trim()
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    if (block.role !== 'body') continue
    const text = block.text.trim()
    const words = block.tokens.length
    if (block.kind === 'heading') {
      block.role = isSourcesHeading(text) ? 'body' : 'subheading'
      if (block.role === 'subheading') continue
    }
    if (words === 0) continue
    if (words <= 12 && BYLINE.test(text) && !/[.!?؟]\s*$/u.test(text)) block.role = 'byline'
    else if ((block.hasImage || blocks[i - 1]?.hasImage && !blocks[i - 1].text.trim()) && words <= 40) block.role = 'caption'
    else if (words <= 40 && (CAPTION.test(text) || endsWithCredit(text))) block.role = 'caption'
    else if (words <= 10 && isDateline(block)) block.role = 'dateline'
    else if (block.isLine && words <= 12 && !TERMINAL.test(text) && !block.quotes.some((q) => !q.unbalanced && q.text.split(/\s+/).length > 3)) {
      // A short line without sentence punctuation in a one-paragraph-per-line article reads as a subheading.
      block.role = 'subheading'
    }
  }
  return title
}

/** A line made of a date, a time or a place and date, such as "July 25, 2019 | 11:15 PM". */
function isDateline(block: ArticleBlock): boolean {
  const digits = block.tokens.filter((token) => /^\d+$/.test(token.norm)).length
  const months = block.tokens.filter((token) => MONTH.test(token.norm) && token.norm.length >= 3).length
  return digits >= 1 && (months >= 1 || /\d{1,2}[:.]\d{2}/.test(block.text)) && block.tokens.length - digits - months <= 4
}

/** Index of the sentence of a block that holds a plain-text offset, or -1 (between sentences). */
export function sentenceIndexAt(block: {sentences: readonly Sentence[]}, offset: number): number {
  const index = firstEndingAfter(block.sentences, offset)
  return index < block.sentences.length && block.sentences[index].start <= offset ? index : -1
}

const cache = new WeakMap<Root, Article>()

/** The article model of a tree, built on first use. */
export function getArticle(tree: Root, file: VFile): Article {
  let article = cache.get(tree)
  if (!article) {
    const settings = (file.data as {attributionLint?: ModelSettings}).attributionLint ?? {}
    article = new Article(tree, file, settings)
    cache.set(tree, article)
  }
  return article
}
