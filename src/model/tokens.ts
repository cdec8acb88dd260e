/**
 * Words of a text, with Unicode-aware boundaries and exact offsets.
 *
 * `\b` in JavaScript only knows ASCII word characters, so it never matches beside Arabic
 * letters; words are runs of letters, marks and digits instead.
 */
import {BoundedCache} from './bounded-cache.js'
import {normalize} from './normalize.js'

export interface Token {
  /** The word as written. */
  text: string
  /** The word normalised for matching (see normalize.ts). */
  norm: string
  /** Offset of the word in the text it was read from (a block's plain text). */
  index: number
  /** Offset just past the word in that text. */
  end: number
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu

/** The words of `text`, in order. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  WORD.lastIndex = from
  let match: RegExpExecArray | null
  while ((match = WORD.exec(text)) && match.index < to) {
    const word = match[0]
    tokens.push({text: word, norm: normalized(word), index: match.index, end: match.index + word.length})
  }
  return tokens
}

// The normal form of each word met, kept across files: every repeat of a word then shares one
// string, so the many lexicon and stopword lookups of its token hash it once, not per lookup.
const normalForms = new BoundedCache<string, string>()

function normalized(word: string): string {
  let norm = normalForms.get(word)
  if (norm === undefined) {
    norm = normalize(word)
    normalForms.set(word, norm)
  }
  return norm
}

/** Index of the first item (sorted by position) that ends after `offset`, or `items.length`: a binary search. */
export function firstEndingAfter(items: ReadonlyArray<{end: number}>, offset: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid].end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first item (sorted by start) that starts at or after `offset`, or `items.length`: a binary search. */
export function firstStartingFrom(items: ReadonlyArray<{start: number}>, offset: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first token that ends after `offset`, or `tokens.length`. */
export const tokenAt: (tokens: readonly Token[], offset: number) => number = firstEndingAfter
