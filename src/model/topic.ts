/**
 * Topic cohesion: how far each block's words are from the story's topic.
 *
 * Each block becomes a bag of content words: normalised, stopwords removed (stopwords-iso)
 * and lightly stemmed (Snowball, through @orama/stemmers), so «الهجمات» and «هجوم», "attacks"
 * and "attack" meet. Words are weighted by tf-idf over the article's blocks, so that a word
 * found in every paragraph (a house name, a verb of saying that escaped the stopword list)
 * counts little against the words that carry each block.
 *
 * For every block the analysis gives its similarity to the title and to the rest of the
 * article (the article's total vector minus the block's own words, so the whole analysis
 * stays linear in the size of the article), and `coverage`: the share of the block's
 * content words that the rest of the article or the title also uses. A headline of another
 * story shares almost nothing with the story; an on-topic subheading shares most of its words.
 */
import {stemmer as arabic} from '@orama/stemmers/arabic'
import {stemmer as danish} from '@orama/stemmers/danish'
import {stemmer as dutch} from '@orama/stemmers/dutch'
import {stemmer as english} from '@orama/stemmers/english'
import {stemmer as finnish} from '@orama/stemmers/finnish'
import {stemmer as french} from '@orama/stemmers/french'
import {stemmer as german} from '@orama/stemmers/german'
import {stemmer as italian} from '@orama/stemmers/italian'
import {stemmer as norwegian} from '@orama/stemmers/norwegian'
import {stemmer as portuguese} from '@orama/stemmers/portuguese'
import {stemmer as russian} from '@orama/stemmers/russian'
import {stemmer as spanish} from '@orama/stemmers/spanish'
import {stemmer as swedish} from '@orama/stemmers/swedish'
import {stemmer as turkish} from '@orama/stemmers/turkish'
import {createRequire} from 'node:module'
import type {Article, ArticleBlock} from './article.js'
import {BoundedCache} from './bounded-cache.js'
import {isArabicWord, normalize} from './normalize.js'
import {tokenize, type Token} from './tokens.js'

const STEMMERS: Record<string, (word: string) => string> = {
  ar: arabic, da: danish, nl: dutch, en: english, fi: finnish, fr: french, de: german, it: italian,
  no: norwegian, nb: norwegian, pt: portuguese, ru: russian, es: spanish, sv: swedish, tr: turkish
}

const stopwordLists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>
const stopwordSets = new Map<string, Set<string>>()

/** The stopwords of a language, normalised as tokens are; English ones always join (scraped pages mix them in). */
function stopwordsOf(lang: string): Set<string> {
  let set = stopwordSets.get(lang)
  if (!set) {
    set = new Set([...(stopwordLists[lang] ?? []), ...(lang === 'en' ? [] : stopwordLists.en ?? [])].map((word) => normalize(word)))
    stopwordSets.set(lang, set)
  }
  return set
}

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu

/**
 * The stem of a word for topic matching, or undefined for a stopword or a word too short
 * to carry a topic. The Arabic stemmer reads the unfolded letters (ة, أ), so it is given the
 * word with its marks stripped, and its result is normalised afterwards.
 */
export function topicStem(token: Token, lang: string, stems = stemsOf(lang)): string | undefined {
  // The last stem read for each word, by the word's identity (no string to hash), then by its text.
  const slot = token.wordId % WORD_SLOTS
  if (stems.words[slot] === token.wordId) return stems.last[slot] ?? undefined
  let stem = stems.byText.get(token.text)
  if (stem === undefined) {
    stem = stemOf(token, lang) ?? null
    stems.byText.set(token.text, stem)
  }
  stems.words[slot] = token.wordId
  stems.last[slot] = stem
  return stem ?? undefined
}

// Stemming is the costly part of the topic analysis, and news repeats its words: stems are kept per language and word.
const WORD_SLOTS = 4096
interface KeptStems {byText: BoundedCache<string, string | null>; words: Float64Array; last: Array<string | null>}
const stemCache = new Map<string, KeptStems>()

/** The kept stems of a language's words. */
function stemsOf(lang: string): KeptStems {
  let stems = stemCache.get(lang)
  if (!stems) stemCache.set(lang, (stems = {byText: new BoundedCache(), words: new Float64Array(WORD_SLOTS).fill(-1), last: new Array<string | null>(WORD_SLOTS).fill(null)}))
  return stems
}

function stemOf(token: Token, lang: string): string | undefined {
  const norm = token.norm
  if (norm.length < 2 || /^\d$/.test(norm)) return undefined
  if (stopwordsOf(lang).has(norm)) return undefined
  if (isArabicWord(norm)) {
    if (stopwordsOf('ar').has(norm)) return undefined
    // و/ف before the article: the stemmer strips «ال» and «بال» but not «وال».
    let word = token.text.replace(ARABIC_MARKS, '')
    if (/^[وف]ال/u.test(word) && word.length > 5) word = word.slice(1)
    const stem = normalize(arabic(word))
    return stem.length >= 2 ? stem : norm
  }
  if (/^\d+$/.test(norm)) return norm
  const stem = (STEMMERS[lang] ?? english)(norm)
  return stem.length >= 2 ? stem : norm
}

/** Cohesion of one block with the story. */
export interface BlockTopic {
  /** Number of content words (stems) in the block. */
  terms: number
  /** Share of the block's content words that appear in the title or in another block (0..1). */
  coverage: number
  /** tf-idf cosine with the title (0..1). */
  title: number
  /** tf-idf cosine with the rest of the article (0..1). */
  rest: number
}

export interface ArticleTopic {
  /** Per block, by block index. */
  blocks: BlockTopic[]
  /** Median coverage of the story's longer body blocks, the level a block of the story reaches. */
  typicalCoverage: number
  /** tf-idf cosine of two blocks (0..1), in time linear in their sizes. */
  similarity(a: number, b: number): number
}

type Bag = Map<string, number>

function bagOf(tokens: readonly Token[], lang: string): Bag {
  const bag: Bag = new Map()
  const stems = stemsOf(lang)
  for (const token of tokens) {
    const stem = topicStem(token, lang, stems)
    if (stem) bag.set(stem, (bag.get(stem) ?? 0) + 1)
  }
  return bag
}

/** The topic analysis of an article; run it through `article.use(topicOf)`. */
export function topicOf(article: Article): ArticleTopic {
  const bags = article.blocks.map((block) => bagOf(block.tokens, block.lang))
  const titleText = article.title
  const titleBlock = article.blocks.find((block) => block.role === 'title')
  const titleBag = titleBlock ? bags[titleBlock.index] : bagOf(tokenize(titleText), article.lang)
  // Document frequency and total counts over the blocks, per stem by its place in the order stems are first met
  // (so sums run in the order they did over maps), with each stem's weight computed once.
  const place = new Map<string, number>()
  const df: number[] = []
  const total: number[] = []
  for (const bag of bags) {
    bag.forEach((count, stem) => {
      let k = place.get(stem)
      if (k === undefined) {
        place.set(stem, (k = df.length))
        df.push(0)
        total.push(0)
      }
      df[k]++
      total[k] += count
    })
  }
  const n = Math.max(1, bags.length)
  const weights = df.map((docs) => Math.log(1 + n / docs))
  const unseen = Math.log(1 + n / 1)
  const idf = (stem: string) => {
    const k = place.get(stem)
    return k === undefined ? unseen : weights[k]
  }
  // Norm of the whole article's tf-idf vector, so each block's "rest" norm is found in O(block).
  let totalNormSq = 0
  for (let k = 0; k < total.length; k++) totalNormSq += (total[k] * weights[k]) ** 2
  let titleNormSq = 0
  titleBag.forEach((count, stem) => (titleNormSq += (count * idf(stem)) ** 2))
  const blocks = article.blocks.map((block, index): BlockTopic => {
    const bag = bags[index]
    let own = 0
    let dotRest = 0
    let dotTitle = 0
    let restNormSq = totalNormSq
    let shared = 0
    const inTitleBag = block !== titleBlock
    bag.forEach((count, stem) => {
      // Every stem of a block's bag has its place.
      const k = place.get(stem)!
      const weight = weights[k]
      own += (count * weight) ** 2
      const all = total[k]
      const others = all - count
      restNormSq += ((others * weight) ** 2) - ((all * weight) ** 2)
      dotRest += count * others * weight * weight
      const inTitle = inTitleBag ? titleBag.get(stem) ?? 0 : 0
      dotTitle += count * inTitle * weight * weight
      if (others > 0 || inTitle > 0) shared++
    })
    const norm = Math.sqrt(own)
    return {
      terms: bag.size,
      coverage: bag.size ? shared / bag.size : 0,
      title: norm && titleNormSq && block !== titleBlock ? dotTitle / (norm * Math.sqrt(titleNormSq)) : 0,
      rest: norm && restNormSq > 1e-9 ? dotRest / (norm * Math.sqrt(restNormSq)) : 0
    }
  })
  const story = article.blocks.filter((block) => isStoryParagraph(block)).map((block) => blocks[block.index].coverage).sort((a, b) => a - b)
  const typicalCoverage = story.length ? story[story.length >> 1] : 0
  const similarity = (a: number, b: number) => {
    let dot = 0
    let normA = 0
    let normB = 0
    bags[a].forEach((count, stem) => {
      const weight = idf(stem) ** 2
      normA += count * count * weight
      dot += count * (bags[b].get(stem) ?? 0) * weight
    })
    bags[b].forEach((count, stem) => (normB += count * count * idf(stem) ** 2))
    return normA && normB ? dot / Math.sqrt(normA * normB) : 0
  }
  return {blocks, typicalCoverage, similarity}
}

/** A body paragraph long enough to be story text. */
function isStoryParagraph(block: ArticleBlock): boolean {
  return block.role === 'body' && block.kind !== 'heading' && block.tokens.length >= 15
}
