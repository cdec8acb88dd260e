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
import {CHAR_LETTER, CHAR_NUMBER, normalize, unitClass} from './normalize.js'
import {type BlockTopic, topicOf} from './topic.js'

export type PromoKind = 'readmore' | 'related' | 'social' | 'subscribe' | 'app' | 'ad' | 'ticker' | 'nav' | 'links' | 'headline' | 'teaser'
  /** Headlines of other stories on the story's own topic (related reading pasted into the text). */
  | 'onTopicHeadline'
  /** A run of several kinds at once (a teaser and a follow footer). */
  | 'mixed'

export interface PromoBlock {
  block: ArticleBlock
  kind: PromoKind
  /**
   * The evidence is strong enough to remove the block: a read-more or related cue, a social-follow
   * or subscription call, or a headline in a run of two or more off the story's topic.
   */
  strong: boolean
}

export interface PromoRun {
  blocks: PromoBlock[]
  /** What the run is, for the message: its main kind and how many blocks of it. */
  kind: PromoKind
  /** Every block of the run is strong evidence and none is the story's own closing paragraph: a fix may remove it. */
  fixable: boolean
}

/** Sentence-ending punctuation at the end of a line: a headline has none (a question mark is allowed). */
const SENTENCE_END = /[.!:;،؛…。！：；]["'»”)\]」』]*\s*$/u
const SEPARATORS = /[|•·]/gu
const MAX_HEADLINE_WORDS = 16

interface LinkSignals {
  /** Share of the block's letters inside a link. */
  share: Float64Array
  /** Every link of the block goes to an author's page (a byline written as links). */
  toAuthors: Uint8Array
}

const AUTHOR_PAGE = /\/(?:author|autor|auteur|autore|authors|autoren|journalist|profile|profil|kaatib|كاتب)(?:[/?#]|s?\/|$)/iu

/** Link signals per block, in one pass over the blocks and the links sorted by position. */
function linkSignals(article: Article): LinkSignals {
  const count = article.blocks.length
  const signals: LinkSignals = {share: new Float64Array(count), toAuthors: new Uint8Array(count)}
  // Story links only: the blocks of a sources section are never promo (their role is 'sources').
  const links = article.links.inText
  let first = 0
  for (const block of article.blocks) {
    while (first < links.length && links[first].end <= block.start) first++
    // Offsets grow along the block and inline links do not nest, so one pointer walks both.
    let j = first
    let letters = 0
    let linked = 0
    let authors = 0
    let others = 0
    let seen = -1
    for (let i = 0; i < block.text.length; i++) {
      // Per code unit, as `LETTER.test(block.text[i])` read it, from a table.
      if (!(unitClass(block.text.charCodeAt(i)) & (CHAR_LETTER | CHAR_NUMBER))) continue
      letters++
      const offset = block.offsets[i]
      while (j < links.length && links[j].end <= offset) j++
      if (j < links.length && links[j].start <= offset) {
        linked++
        if (seen !== j) {
          seen = j
          if (AUTHOR_PAGE.test(links[j].url)) authors++
          else others++
        }
      }
    }
    signals.share[block.index] = letters ? linked / letters : 0
    signals.toAuthors[block.index] = authors > 0 && others === 0 ? 1 : 0
  }
  return signals
}

/** A cue counts at the start of a block only when its first word is written as listed (not read behind a proclitic). */
function opensWith(block: ArticleBlock, match: PhraseMatch<LexiconEntry> | undefined, at = 0): boolean {
  if (!match || match.from !== at) return false
  const head = normalize(match.form).match(/[\p{L}\p{M}\p{N}]+/u)?.[0] ?? ''
  return block.tokens[at].norm === head
}

/** Index of the first token of each sentence of a block. */
function sentenceStarts(block: ArticleBlock): number[] {
  const starts: number[] = []
  let t = 0
  for (const sentence of block.sentences) {
    while (t < block.tokens.length && block.tokens[t].index < sentence.start) t++
    if (t < block.tokens.length && block.tokens[t].index < sentence.end) starts.push(t)
  }
  return starts.length ? starts : [0]
}

const COPYRIGHT = /^\W*(?:©|\(c\)|copyright\b)/iu
/** Cue kinds of a call to follow: they keep their weight inside quotation marks. */
const SOCIAL_KINDS = new Set(['follow', 'network', 'social'])
/** Cue kinds that make a short headline-shaped line promo wherever they sit in it. */
const LABEL_KINDS = new Set(['subscribe', 'app', 'ad', 'social', 'nav'])

/** What a block's own signals say: promo, a candidate that needs context (`maybe`), or nothing. */
interface Verdict {kind: PromoKind; sure: boolean; onTopic?: boolean}

/** Kinds whose cue is strong evidence on its own (issue 17: fix only where the evidence is strong). */
const STRONG_KINDS = new Set<PromoKind>(['readmore', 'related', 'social', 'subscribe'])

/** Headlines pasted together where the page's line breaks were lost: "…Will Stand For National AnthemESPN Anchor Rips…". */
const JOINED = /\p{Ll}{2}\p{Lu}/u
const MIN_ON_TOPIC_RUN = 3
const YEAR = /^(?:1[89]|20)\d\d$/u

/** Judge one block from its own signals; undefined when it is story text. */
function judge(article: Article, block: ArticleBlock, links: LinkSignals, coverage: number): Verdict | undefined {
  const words = block.tokens.length
  if (!words) return undefined
  const matcher = article.lexicons.match.promo
  // Cues marked `opensLine` ("Powered by") count only at the start of a line. A label inside a quotation is someone's words
  // ("“… this is not who we are,” she added.": no "Who we are" page link); a call to follow with its network is still one
  // when a scrape left it inside quotation marks ("“Follow Pam Key on Twitter @pamkeyNEN.”").
  const quoted = (at: number) => block.quotes.some((quote) => quote.innerEnd > quote.innerStart && at >= quote.innerStart && at < quote.innerEnd)
  const matches = matcher.findAll(block.tokens).filter((match) => (!match.value.opensLine || match.from === 0) &&
    (SOCIAL_KINDS.has(match.value.kind ?? '') || !quoted(block.tokens[match.from].index)))
  const kinds = (kind: string) => matches.filter((match) => match.value.kind === kind)
  const networks = kinds('network').length
  const lead = matcher.matchAt(block.tokens, 0)
  const first = opensWith(block, lead) ? lead : undefined
  const text = block.text.trim()
  // Scripts written without spaces give few, long tokens: those lines are not measured as headlines.
  const headline = words <= MAX_HEADLINE_WORDS && !SENTENCE_END.test(text) && text.length <= 12 * MAX_HEADLINE_WORDS && block.tokens.every((token) => token.text.length <= 24)
  const sure = (kind: PromoKind): Verdict => ({kind, sure: true})
  // A read-more cue opens a teaser, whatever its topic (or a follow call, when networks follow).
  if (first?.value.kind === 'readmore') return sure(networks ? 'social' : 'readmore')
  // "Related: …" opens a teaser as "Read more: …" does.
  if (first?.value.kind === 'related' && first.to < words && /^\s*[:：\-–]/u.test(block.text.slice(block.tokens[first.to - 1].end))) return sure('readmore')
  // Other cues open a label or a call; a one-word cue ("Print", «إعلان») only a short line.
  if (first && first.value.kind !== 'network' && first.value.kind !== 'follow' && (first.to > 1 ? words <= 25 : words <= 10)) return sure(first.value.kind as PromoKind)
  // Labels: cue phrases make up most of a short line ("Weitere Artikel", "Datenschutz · Impressum").
  const labels = matches.filter((match) => match.value.kind !== 'follow' && match.value.kind !== 'network')
  const covered = labels.reduce((sum, match) => sum + match.to - match.from, 0)
  if (labels.length && words <= 12 && covered * 2 >= words) return sure(labels[0].value.kind as PromoKind)
  const label = labels.find((match) => LABEL_KINDS.has(match.value.kind ?? ''))
  if (label && headline && words <= 12) return sure(label.value.kind as PromoKind)
  // Disclosures and footers written as sentences: a long cue ("we may earn a commission") or two footer cues.
  const strong = labels.find((match) => LABEL_KINDS.has(match.value.kind ?? '') && match.to - match.from >= 3)
  if (words <= 40 && (strong || kinds('nav').length >= 2)) return sure((strong ?? kinds('nav')[0]).value.kind as PromoKind)
  if (words <= 20 && COPYRIGHT.test(text)) return sure('nav')
  // A call to follow, with the networks to follow on; the verb opens one of the block's sentences.
  if (networks >= 1 && words <= 40) {
    const calls = sentenceStarts(block).some((at) => {
      const match = matcher.matchAt(block.tokens, at)
      return opensWith(block, match, at) && (match?.value.kind === 'follow' || match?.value.kind === 'social')
    })
    if (calls) return sure('social')
  }
  if (networks >= 2 && words <= 3 * networks + 4) return sure('social')
  if ((text.match(SEPARATORS)?.length ?? 0) >= 2 && kinds('nav').length) return sure('nav')
  // A line made of links: another page's headline, when its neighbours or its place say so.
  if (links.share[block.index] >= 0.85 && words >= 2 && !links.toAuthors[block.index]) return {kind: 'links', sure: false}
  // A headline that shares (almost) nothing with the story, when it stands in a run of such lines.
  if (headline && block.role !== 'caption' && block.kind !== 'listItem' && words >= 3 && coverage <= 0.34) return {kind: 'headline', sure: false}
  // A headline on the story's topic: promo only in a run of several, with no story sentence among them.
  if (headline && block.role === 'body' && block.kind === 'paragraph' && words >= 5) return {kind: 'headline', sure: false, onTopic: true}
  // Several headlines run together in one title-cased line.
  if (words >= 10 && !/[.!?]\s/u.test(text)) {
    // Capitals first: most long lines have few, and then the joins need no reading.
    const titled = block.tokens.filter((token) => /^\p{Lu}/u.test(token.text)).length
    if (titled >= words * 0.6 && block.tokens.filter((token) => JOINED.test(token.text)).length >= 2) return sure(first?.value.kind === 'related' ? 'related' : 'headline')
  }
  return undefined
}

/** The indexes of the blocks in promo runs: lines that are not the story, which the other analyses do not read. */
export function promoBlocks(article: Article): ReadonlySet<number> {
  const blocks = new Set<number>()
  for (const run of article.use(promoOf)) for (const {block} of run.blocks) blocks.add(block.index)
  return blocks
}

/** Promo blocks of the article, grouped into contiguous runs. */
export function promoOf(article: Article): PromoRun[] {
  const topic = article.use(topicOf)
  const links = linkSignals(article)
  const verdicts: Array<Verdict | undefined> = article.blocks.map((block) => {
    if (block.role === 'title' || block.role === 'byline' || block.role === 'dateline' || block.role === 'sources') return undefined
    // Table cells are layout, not lines; a line of author links is a byline.
    if (block.kind === 'tableCell' || links.toAuthors[block.index]) return undefined
    return judge(article, block, links, topic.blocks[block.index].coverage)
  })
  // Where the story ends: after its last paragraph of prose, links are other pages' headlines.
  let storyEnd = -1
  for (const block of article.blocks) if (isProse(block) && !verdicts[block.index]?.sure) storyEnd = block.index
  // Runs of adjacent blocks with a verdict; candidates stand only beside sure ones, in runs of their own, or after the story.
  const runs: PromoRun[] = []
  let group: ArticleBlock[] = []
  const close = () => {
    if (group.length) runs.push(...confirm(group, verdicts, topic, storyEnd))
    group = []
  }
  for (const block of article.blocks) {
    if (!verdicts[block.index]) {
      close()
      continue
    }
    const last = group[group.length - 1]
    if (last && !adjacent(article, last, block)) close()
    group.push(block)
  }
  close()
  const teasers = trailingTeasers(article, topic, verdicts)
  if (teasers.length) runs.push({blocks: teasers.map((block) => ({block, kind: 'teaser', strong: false})), kind: 'teaser', fixable: false})
  for (const run of runs) run.kind = mainKind(run.blocks)
  // The story's closing paragraph on its own topic is never removed by a fix.
  // (Its last paragraph of prose, whatever its cues: a call to follow written into it does not make it another story's.)
  const closing = article.blocks.findLast((block) => isProse(block))
  for (const run of runs) {
    if (closing && topic.blocks[closing.index].coverage >= topic.typicalCoverage && run.blocks.some(({block}) => block.index === closing.index)) run.fixable = false
  }
  return runs.sort((a, b) => a.blocks[0].block.index - b.blocks[0].block.index)
}

// Arabic news paragraphs that carry a story on open with the conjunction و or ف («وقال», «وأضاف»,
// «فيما»); a paragraph that opens without one starts a story of its own.
const CONNECTIVE = /^[وف]/u
const MIN_TEASERS = 3

/**
 * Other stories' ledes pasted after the story: the last paragraphs of an Arabic article that
 * each open a story of their own (no connective, where the story's own paragraphs mostly have
 * one), share little with the story and nothing with each other. At least three in a row, so a
 * closing paragraph of background is never taken for one.
 */
function trailingTeasers(article: Article, topic: ReturnType<typeof topicOf>, verdicts: Array<Verdict | undefined>): ArticleBlock[] {
  // Paragraphs, ended or not: a pasted teaser is often cut off mid-sentence.
  const prose = article.blocks.filter((block) => block.role === 'body' && block.kind === 'paragraph' && block.tokens.length >= 15 && !verdicts[block.index] && block.lang === 'ar')
  let start = prose.length
  while (start > 0 && !CONNECTIVE.test(prose[start - 1].tokens[0].norm)) start--
  const tail = prose.slice(start)
  const story = prose.slice(1, start)
  if (tail.length < MIN_TEASERS || story.length < 3) return []
  // The story's style must be the connected one, so that a missing connective means something.
  if (story.filter((block) => CONNECTIVE.test(block.tokens[0].norm)).length < story.length * 0.7) return []
  // Nothing but blank lines, promo or non-prose lines may follow the tail.
  const last = tail[tail.length - 1]
  if (article.blocks.slice(last.index + 1).some((block) => isProse(block) && !verdicts[block.index])) return []
  // Ledes of other stories share nothing with each other; one of four or more may share the story's
  // broad topic (another currency's fall under a story on the rial).
  const apart = tail.every((block, i) => i === 0 || topic.similarity(tail[i - 1].index, block.index) < 0.1)
  const onTopic = tail.filter((block) => topic.blocks[block.index].coverage >= topic.typicalCoverage).length
  const lowCohesion = apart && (onTopic === 0 || (tail.length >= 4 && onTopic * 2 <= tail.length))
  // Blocks in between must be blank or promo, so the tail is one contiguous run.
  const contiguous = tail.every((block, i) => i === 0 || article.blocks.slice(tail[i - 1].index + 1, block.index).every((b) => !b.text.trim()))
  return lowCohesion && contiguous ? tail : []
}

/** A paragraph of story prose: body text, long, ending like a sentence. */
function isProse(block: ArticleBlock): boolean {
  return block.role === 'body' && block.kind !== 'heading' && block.tokens.length >= 15 && SENTENCE_END.test(block.text.trim())
}

/** The promo runs of a group of adjacent blocks with verdicts. */
function confirm(group: ArticleBlock[], verdicts: Array<Verdict | undefined>, topic: ReturnType<typeof topicOf>, storyEnd: number): PromoRun[] {
  const topics: BlockTopic[] = topic.blocks
  const anySure = group.some((block) => verdicts[block.index]!.sure)
  // Headlines on the story's topic stand only as a run of their own, every line a headline.
  // (Lines opened by a year are the entries of a chronology, not headlines.)
  const onTopicRun = group.length >= MIN_ON_TOPIC_RUN && group.every((block) => verdicts[block.index]!.kind === 'headline' && !YEAR.test(block.tokens[0].text))
  const headlines = group.filter((block) => verdicts[block.index]!.kind === 'headline' && !verdicts[block.index]!.onTopic)
  const shared = headlines.reduce((sum, block) => sum + topics[block.index].coverage * topics[block.index].terms, 0)
  const terms = headlines.reduce((sum, block) => sum + topics[block.index].terms, 0)
  // Headlines stand together when, taken together, they share almost nothing with the story.
  const offTopic = headlines.length >= 2 && terms > 0 && shared / terms <= 0.2
  const linkRun = group.filter((block) => verdicts[block.index]!.kind === 'links').length >= 2
  const runs: PromoRun[] = []
  let current: PromoBlock[] = []
  for (const block of group) {
    const verdict = verdicts[block.index]!
    const stands = verdict.sure
      || (verdict.kind === 'links' && (anySure || linkRun || block.index > storyEnd || (block.tokens.length >= 4 && topics[block.index].coverage <= 0.2)))
      || (verdict.kind === 'headline' && !verdict.onTopic && (offTopic || (anySure && topics[block.index].coverage <= 0.2)))
    const related = !stands && verdict.kind === 'headline' && onTopicRun
    // Strong: a cue that says so, or headlines that together are off the story's topic.
    const strong = (verdict.sure && STRONG_KINDS.has(verdict.kind)) || (verdict.kind === 'headline' && !verdict.onTopic && offTopic && !verdict.sure)
    if (stands) current.push({block, kind: verdict.kind, strong})
    else if (related) current.push({block, kind: 'onTopicHeadline', strong: false})
    else if (current.length) {
      runs.push(runOf(current))
      current = []
    }
  }
  if (current.length) runs.push(runOf(current))
  return runs
}

function runOf(blocks: PromoBlock[]): PromoRun {
  return {blocks, kind: blocks[0].kind, fixable: blocks.every((block) => block.strong)}
}

/** Two blocks are adjacent when nothing but blank lines and markup sits between them. */
function adjacent(article: Article, a: ArticleBlock, b: ArticleBlock): boolean {
  if (b.index !== a.index + 1) return false
  // Link targets and titles of the previous line's links may trail its text; HTML tags and
  // template syntax (hidden in the parsed text) are markup too.
  const between = article.parsed.slice(a.end, b.start).replace(/\]?\([^()\s]*(?:\s+"[^"\n]*")?\)|<[^<>]*>/gu, '')
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
/**
 * Whether the lines `lines` of an article hold nothing but the blocks `first` … `last` and
 * markup: an HTML line may hold a story paragraph beside a promo one (`<p>…</p><p>Read more…</p>`),
 * and removing the whole line would remove the story with it.
 */
export function linesHoldOnly(article: Article, lines: {start: number; end: number}, first: ArticleBlock, last: ArticleBlock): boolean {
  const outside = article.parsed.slice(lines.start, first.start) + article.parsed.slice(last.end, lines.end)
  return !/[\p{L}\p{N}]/u.test(outside.replace(/\]?\([^()\s]*(?:\s+"[^"\n]*")?\)|<[^<>]*>/gu, ''))
}

export function wholeLines(source: string, from: number, to: number): {start: number; end: number} {
  let start = source.lastIndexOf('\n', from - 1) + 1
  const lineBreak = source.indexOf('\n', Math.max(from, to - 1))
  if (lineBreak === -1 || !source.slice(lineBreak + 1).trim()) {
    // Last line of the file: take the line break (and blank lines) before the run instead.
    const before = source.slice(0, start).trimEnd()
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
