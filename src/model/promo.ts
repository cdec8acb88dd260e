/**
 * Promo signals per block: what says that a block is not part of the story.
 *
 * - cue: a phrase of the promo lexicon (read more, related, follow us, newsletter, app,
 *   advertisement, ticker, site footer), and where it sits;
 * - shape: length, headline form (no sentence punctuation), link-only lines, separators
 *   between network names;
 * - topic: how much of the block's vocabulary the story shares (topic.ts);
 * - position: whether the block sits in the story's trailing tail.
 *
 * `promoOf` judges each block and groups the promo blocks into contiguous runs, each with
 * the reason an editor reads ("3 headlines unrelated to the story", "social-follow footer").
 */
import type {LexiconEntry, PhraseMatch} from '../lexicons/index.js'
import type {Article, ArticleBlock} from './article.js'
import {normalize} from './normalize.js'
import {topicOf} from './topic.js'

export type PromoKind = 'readmore' | 'related' | 'social' | 'subscribe' | 'app' | 'ad' | 'ticker' | 'nav' | 'links' | 'headline' | 'teaser'

export interface PromoBlock {
  block: ArticleBlock
  kind: PromoKind
}

export interface PromoRun {
  blocks: PromoBlock[]
  /** What the run is, for the message: its main kind and how many blocks of it. */
  kind: PromoKind
}

/** Sentence-ending punctuation at the end of a line: a headline has none (a question mark is allowed). */
const SENTENCE_END = /[.!:;،؛…]["'»”)\]]*\s*$/u
const SEPARATORS = /[|•·]/gu
const MAX_HEADLINE_WORDS = 16
const LETTER = /[\p{L}\p{N}]/u

/** Share of a block's letters that sit inside a link, and whether the block is in a sources section. */
function linkShares(article: Article): {share: Float64Array; inSources: Uint8Array} {
  const share = new Float64Array(article.blocks.length)
  const inSources = new Uint8Array(article.blocks.length)
  const links = [...article.links.inText, ...article.links.articleSources.filter((link) => link.kind === 'sources-section')]
    .sort((a, b) => a.start - b.start)
  let first = 0
  for (const block of article.blocks) {
    while (first < links.length && links[first].end <= block.start) first++
    // Offsets grow along the block and inline links do not nest, so one pointer walks both.
    let j = first
    let letters = 0
    let linked = 0
    for (let i = 0; i < block.text.length; i++) {
      if (!LETTER.test(block.text[i])) continue
      letters++
      const offset = block.offsets[i]
      while (j < links.length && links[j].end <= offset) j++
      if (j < links.length && links[j].start <= offset) {
        linked++
        if (links[j].kind === 'sources-section') inSources[block.index] = 1
      }
    }
    share[block.index] = letters ? linked / letters : 0
  }
  return {share, inSources}
}

/** A cue counts at the start of a block only when its first word is written as listed (not read behind a proclitic). */
function opensWith(block: ArticleBlock, match: PhraseMatch<LexiconEntry> | undefined): boolean {
  if (!match || match.from !== 0) return false
  const head = normalize(match.form).match(/[\p{L}\p{M}\p{N}]+/u)?.[0] ?? ''
  return block.tokens[0].norm === head
}

/** Judge one block from its signals; undefined when it is story text. */
function judge(article: Article, block: ArticleBlock, linkShare: number, coverage: number, typical: number): PromoKind | undefined {
  const words = block.tokens.length
  if (!words) return undefined
  const matcher = article.lexicons.match.promo
  const matches = matcher.findAll(block.tokens)
  const kinds = (kind: string) => matches.filter((match) => match.value.kind === kind)
  const networks = kinds('network').length
  const first = opensWith(block, matcher.matchAt(block.tokens, 0)) ? matcher.matchAt(block.tokens, 0) : undefined
  const text = block.text.trim()
  const headline = words <= MAX_HEADLINE_WORDS && !SENTENCE_END.test(text)
  const cueCovers = (match: PhraseMatch<LexiconEntry>) => match.to - match.from >= words - 3
  // A read-more cue opens a teaser, whatever its topic.
  if (first?.value.kind === 'readmore') return 'readmore'
  // Headers and labels: the cue is most of a short line.
  for (const kind of ['related', 'subscribe', 'app', 'ad', 'ticker', 'nav', 'social'] as const) {
    const hits = kinds(kind)
    if (hits.some(cueCovers) && words <= 10) return kind
    if (first?.value.kind === kind && words <= 25) return kind
  }
  // A call to follow, with the networks to follow on.
  if (networks >= 1 && (kinds('follow').length || kinds('social').length) && words <= 40) return 'social'
  if (networks >= 2 && words <= 3 * networks + 4) return 'social'
  if ((text.match(SEPARATORS)?.length ?? 0) >= 2 && kinds('nav').length) return 'nav'
  // A line made of links: other pages' headlines.
  if (linkShare >= 0.85 && words >= 2) return 'links'
  // A headline that shares (almost) nothing with the story.
  if (headline && block.role !== 'title' && words >= 3 && coverage <= 0.2 && typical >= 0.3) return 'headline'
  return undefined
}

/** Promo blocks of the article, grouped into contiguous runs. */
export function promoOf(article: Article): PromoRun[] {
  const topic = article.use(topicOf)
  const {share, inSources} = linkShares(article)
  const flagged: PromoBlock[] = []
  for (const block of article.blocks) {
    if (block.role === 'title' || block.role === 'byline' || block.role === 'dateline' || block.role === 'caption') continue
    if (block.kind === 'tableCell' || inSources[block.index]) continue
    const kind = judge(article, block, share[block.index], topic.blocks[block.index].coverage, topic.typicalCoverage)
    if (kind) flagged.push({block, kind})
  }
  const runs: PromoRun[] = []
  for (const item of flagged) {
    const last = runs[runs.length - 1]?.blocks.at(-1)
    if (last && adjacent(article, last.block, item.block)) runs[runs.length - 1].blocks.push(item)
    else runs.push({blocks: [item], kind: item.kind})
  }
  for (const run of runs) run.kind = mainKind(run.blocks)
  return runs
}

/** Two blocks are adjacent when nothing but blank lines and markup sits between them. */
function adjacent(article: Article, a: ArticleBlock, b: ArticleBlock): boolean {
  if (b.index !== a.index + 1) return false
  // Link targets and titles of the previous line's links may trail its text.
  const between = article.source.slice(a.end, b.start).replace(/\]?\([^()\s]*(?:\s+"[^"\n]*")?\)/gu, '')
  return !/[\p{L}\p{N}]/u.test(between)
}

/** The kind that names a run: the first cue kind, else the most frequent kind. */
function mainKind(blocks: PromoBlock[]): PromoKind {
  const counts = new Map<PromoKind, number>()
  for (const {kind} of blocks) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  let best: PromoKind = blocks[0].kind
  for (const [kind, count] of counts) if (count > (counts.get(best) ?? 0)) best = kind
  return best
}

/**
 * The source range that removes the whole lines holding [from, to): from the start of the
 * first line through the line break that ends the last one, so every other byte stays as it
 * was. Blank lines around the run are taken along so that no double gap is left behind; at the
 * end of a file with no final newline, the line break before the run goes instead, so the
 * file still ends without one. Removing the range again finds nothing left to remove.
 */
export function wholeLines(source: string, from: number, to: number): {start: number; end: number} {
  let start = source.lastIndexOf('\n', from - 1) + 1
  const lineBreak = source.indexOf('\n', Math.max(from, to - 1))
  if (lineBreak === -1 || !source.slice(lineBreak + 1).trim()) {
    // Last line of the file: take the line break (and blank lines) before the run instead.
    const before = source.slice(0, start).replace(/\s+$/u, '')
    const keep = before.length && lineBreak !== -1 ? before.length + source.slice(before.length, start).indexOf('\n') + 1 : before.length
    return {start: lineBreak === -1 ? before.length : keep, end: lineBreak === -1 ? source.length : lineBreak + 1}
  }
  let end = lineBreak + 1
  const blankBefore = start === 0 || /\n[ \t]*\r?\n$/u.test(source.slice(Math.max(0, start - 64), start))
  if (blankBefore) {
    // Take the blank lines after the run too, so one blank line separates what is left.
    let next = source.indexOf('\n', end)
    while (next !== -1 && !source.slice(end, next).trim()) {
      end = next + 1
      next = source.indexOf('\n', end)
    }
  }
  return {start, end}
}
