/**
 * Quotation spans of a block: “…” "…" «…» „…“ ‘…’ '…' and ‹…›, nested.
 *
 * Marks are paired with a stack, inside one block, so an unbalanced mark can never swallow
 * the rest of the article: an opener left unclosed is kept as an unbalanced quote that ends
 * where its block (or its enclosing quote) ends, and a stray closer is kept on its own.
 */
export interface Quote {
  /** Offset of the opening mark in the block's plain text (or of the stray closer). */
  open: number
  /** Offset of the closing mark, or -1 when it has none. */
  close: number
  /** Offsets of the quoted words (between the marks). */
  innerStart: number
  innerEnd: number
  /** The quoted words. */
  text: string
  /** The opening and closing marks as written ('' when missing). */
  marks: [string, string]
  /** 0 for an outer quote, 1 for a quote inside it, … */
  depth: number
  /** True when the quote lacks a partner mark. */
  unbalanced: boolean
  /**
   * True when the quote is a quoted paragraph left open where the next one opens, in a block whose paragraph breaks were
   * lost (wire style: `"A. "B."`); the quote after it continues it.
   */
  runsOn?: boolean
}

// Opening mark → the marks that may close it. Mixed pairs are common in scraped text.
const PAIRS: Record<string, string> = {
  '“': '”“"', '„': '“”"', '«': '»', '‹': '›', '‘': '’\'', '‚': '‘’', '"': '"”“', '”': '”', '»': '«', "'": "'’",
  // The doubled apostrophe is closed only by another (read apart in findQuotes).
  "''": ''
}
const LETTER = /[\p{L}\p{N}]/u

/**
 * `text[i]`, or `outside` when `i` is out of the text. Reading past either end costs V8 a slow
 * lookup (and, read at -1 in this hot loop, repeated deoptimisation), so it is never done.
 */
function charAt(text: string, i: number, outside: string): string {
  return i >= 0 && i < text.length ? text[i] : outside
}

/** Whether `text[i]`, a straight or curly single quote, is an apostrophe inside or after a word, or an elided century ('60s, ’08). */
function isApostrophe(text: string, i: number): boolean {
  const before = charAt(text, i - 1, '')
  const after = charAt(text, i + 1, '')
  if (/\d/u.test(after) && /\d/u.test(charAt(text, i + 2, '')) && !/\d/u.test(charAt(text, i + 3, '')) && !LETTER.test(before)) return true
  return LETTER.test(before) && (LETTER.test(after) || /[\s.,;:!?)]|$/u.test(after) && /s$/iu.test(before))
}

/** Whether a code unit is one of “”„«»‹›‘’‚"' . */
function isQuoteMark(code: number): boolean {
  switch (code) {
    case 0x22: case 0x27: case 0xab: case 0xbb: case 0x2018: case 0x2019: case 0x201a: case 0x201c: case 0x201d: case 0x201e: case 0x2039: case 0x203a:
      return true
    default:
      return false
  }
}

interface Open {mark: string; at: number}
const DOUBLE_OPENERS = new Set(['"', '“', "''"])
const SENTENCE_END_BEFORE = /[.!?؟]\s+$/u

// Real prose nests quotations two or three deep; a mark past this depth cannot open one. The
// cap keeps pairing linear on hostile input (100k opening marks in a row).
const MAX_DEPTH = 8

/** Find the quotations in a block's plain text. */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = []
  const stack: Open[] = []
  const close = (opened: Open, at: number, mark: string) => {
    quotes.push({
      open: opened.at, close: at, innerStart: opened.at + opened.mark.length, innerEnd: at,
      text: text.slice(opened.at + opened.mark.length, at), marks: [opened.mark, mark], depth: stack.length, unbalanced: false
    })
  }
  for (let i = 0; i < text.length; i++) {
    // Tested on the code unit: reading `text[i]` makes a string of every Arabic letter.
    if (!isQuoteMark(text.charCodeAt(i))) continue
    const top = stack.length ? stack[stack.length - 1] : undefined
    // Two apostrophes are one double mark (''The X-Files'', typewriter and archive copy): it opens where a straight
    // double quote would, and closes the doubled mark left open. Its offset is its first apostrophe's when it opens and
    // its second's when it closes, so that the quotation still runs from `open` to `close + 1`.
    // Three apostrophes after an open single quote close it and then the double one (''… 'We'll win,''').
    if (text.charCodeAt(i) === 0x27 && text.charCodeAt(i + 1) === 0x27 && !(top && (top.mark === "'" || top.mark === '‘') && text.charCodeAt(i + 2) === 0x27)) {
      if (top?.mark === "''" && !(/\s/u.test(charAt(text, i - 1, ' ')) && LETTER.test(charAt(text, i + 2, '')))) {
        stack.pop()
        quotes.push({open: top.at, close: i + 1, innerStart: top.at + 2, innerEnd: i, text: text.slice(top.at + 2, i), marks: ["''", "''"], depth: stack.length, unbalanced: false})
      } else if (stack.length < MAX_DEPTH) {
        stack.push({mark: "''", at: i})
      }
      i++
      continue
    }
    const ch = text[i]
    // A single quote closes an open single quote when no letter follows; otherwise it may be an apostrophe.
    const closesSingle = (ch === "'" || ch === '’') && top && (top.mark === "'" || top.mark === '‘') && !LETTER.test(charAt(text, i + 1, ''))
    if ((ch === "'" || ch === '’') && !closesSingle && isApostrophe(text, i)) continue
    const closesTop = top && (PAIRS[top.mark] ?? top.mark).includes(ch) &&
      // A straight quote before a letter, after a space, opens rather than closes.
      !(ch === '"' && /\s/u.test(charAt(text, i - 1, ' ')) && LETTER.test(charAt(text, i + 1, '')))
    if (closesTop) {
      stack.pop()
      close(top, i, ch)
      continue
    }
    // Closing marks of an outer quote close any inner ones left open (“… ‘… ”).
    // A plain loop: a closure here allocated far more than the pairing itself.
    let outer = -1
    for (let k = 0; k < stack.length && outer < 0; k++) if ((PAIRS[stack[k].mark] ?? stack[k].mark).includes(ch) && ch !== "'" && ch !== '"') outer = k
    if (outer >= 0 && ch !== '“' && ch !== '«') {
      while (stack.length - 1 > outer) {
        const inner = stack.pop()!
        pushUnbalanced(quotes, text, inner, i, stack.length)
      }
      const opened = stack.pop()!
      close(opened, i, ch)
      continue
    }
    const opens = ch in PAIRS && ch !== '»' && ch !== '”' && ch !== '’' && ch !== '›'
    // Wire style leaves a quoted paragraph open and opens the next with a new mark; English nests quotations in single
    // marks and Arabic in double ones inside «», so the same opening mark right after a sentence end inside an open
    // quotation starts a new paragraph of it (`"A. "B."`, «أ. «ب».: a block scraped from several paragraphs), not a quote inside it.
    if (opens && top && (ch === '«' ? top.mark === '«' : (ch === '"' || ch === '“') && DOUBLE_OPENERS.has(top.mark)) &&
      SENTENCE_END_BEFORE.test(text.slice(Math.max(top.at + 1, i - 3), i))) {
      stack.pop()
      let end = i
      while (end > top.at + 1 && /\s/u.test(text[end - 1])) end--
      pushUnbalanced(quotes, text, top, end, stack.length)
      quotes[quotes.length - 1].runsOn = true
      stack.push({mark: ch, at: i})
      continue
    }
    if (stack.length < MAX_DEPTH && (opens || ((ch === '»' || ch === '”') && LETTER.test(charAt(text, i + 1, '')) && !LETTER.test(charAt(text, i - 1, ''))))) {
      stack.push({mark: ch, at: i})
    } else {
      // A stray closer: it encloses nothing it can prove.
      quotes.push({open: i, close: -1, innerStart: i, innerEnd: i, text: '', marks: ['', ch], depth: stack.length, unbalanced: true})
    }
  }
  while (stack.length) pushUnbalanced(quotes, text, stack.pop()!, text.length, stack.length)
  return quotes.sort((a, b) => a.open - b.open)
}

function pushUnbalanced(quotes: Quote[], text: string, opened: Open, end: number, depth: number): void {
  const inner = opened.at + opened.mark.length
  quotes.push({
    open: opened.at, close: -1, innerStart: inner, innerEnd: end,
    text: text.slice(inner, end), marks: [opened.mark, ''], depth, unbalanced: true
  })
}

/**
 * Whether a quotation opens its text: only spaces and punctuation before it (an interview's stripped speaker
 * left ": " or "— " in front of the words).
 */
export function opensText(text: string, quote: Quote): boolean {
  // Read backwards, so a quotation late in a long block costs only the marks before it.
  for (let i = quote.open - 1; i >= 0; i--) if (!OPENING_PUNCTUATION.test(text[i])) return false
  return true
}
const OPENING_PUNCTUATION = /[\s:：\-–—―.,،]/u

