/**
 * Blocks of an article: paragraphs, headings, list items, table cells and block quotes,
 * each with its plain text and a map from that text back to the source.
 *
 * Scraped articles arrive one story paragraph per line with no blank line between them,
 * which markdown reads as ONE paragraph; such a paragraph is split into one block per line.
 * A hard-wrapped paragraph (lines broken mid-sentence) stays one block.
 */
import type {Nodes, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import {type HtmlLink, readHtml} from './html-text.js'
import {HIDDEN, HIDDEN_CODE} from './template-syntax.js'

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell'
export type BlockRole = 'title' | 'subheading' | 'caption' | 'byline' | 'dateline' | 'sources' | 'body'

export interface Block {
  index: number
  kind: BlockKind
  /** What the block is in the story. */
  role: BlockRole
  /** Inside a `>` block quote. */
  inBlockquote: boolean
  /** Heading depth, 0 for other blocks. */
  depth: number
  /** Plain text: markup removed, links replaced by their text. */
  text: string
  /** `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is the source end. */
  offsets: Int32Array
  /** Source offsets of the block. */
  start: number
  end: number
  /** True when the block holds an image (its text may be a caption). */
  hasImage: boolean
  /** True when the block is one line of a paragraph split per line. */
  isLine: boolean
}

/**
 * The source offsets of every block of an article, one after another in one buffer: each
 * block's `offsets` is a view of its part, so reading a block allocates no array of its own.
 */
class OffsetBuffer {
  data: Int32Array
  length = 0

  constructor(size: number) {
    this.data = new Int32Array(Math.max(16, size))
  }

  push(offset: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = offset
  }

  /** The offsets pushed since `from`, as a view. */
  view(from: number, to = this.length): Int32Array {
    return this.data.subarray(from, to)
  }
}

/** A block's text as it is read: its pieces (joined once at the end) and its offsets from `first` on in the buffer. */
interface Piece {parts: string[]; length: number; offsets: OffsetBuffer; first: number; hasImage: boolean; entityEnds: Map<number, number>}

/** Plain text of phrasing content, with a source offset per character. */
function flatten(nodes: readonly PhrasingContent[], source: string, piece: Piece): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode': {
        appendValue(node.value, node.position?.start.offset, node.position?.end.offset, source, piece)
        break
      }
      case 'break': {
        const at = node.position?.start.offset ?? lastOffset(piece)
        piece.parts.push('\n')
        piece.length++
        piece.offsets.push(at)
        break
      }
      case 'image':
      case 'imageReference': {
        piece.hasImage = true
        break
      }
      case 'html':
      case 'footnoteReference': {
        break
      }
      default: {
        if ('children' in node) flatten(node.children as PhrasingContent[], source, piece)
      }
    }
  }
}

function lastOffset(piece: Piece): number {
  return piece.length ? piece.offsets.data[piece.first + piece.length - 1] + 1 : 0
}

/**
 * Append a node's value, mapping each character to its place in the source. Values equal
 * their source except for escapes, entities and the indentation of continuation lines, so
 * characters are matched forward through the source slice.
 */
function appendValue(value: string, start: number | undefined, end: number | undefined, source: string, piece: Piece): void {
  const {offsets} = piece
  if (start === undefined || end === undefined) {
    const at = lastOffset(piece)
    for (let i = 0; i < value.length; i++) offsets.push(at)
  } else if (end - start === value.length && source.startsWith(value, start)) {
    for (let i = 0; i < value.length; i++) offsets.push(start + i)
  } else {
    let cursor = start
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i)
      // A character reference (`&#8220;`, `&quot;`) the parser decoded: the character stands
      // at its `&`, and a range that ends with it ends after the `;`.
      const entity = source.charCodeAt(cursor) === 38 /* & */ ? ENTITY.exec(source.slice(cursor, cursor + 40)) : null
      if (entity && !source.startsWith(value.slice(i, i + entity[0].length), cursor)) {
        const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length
        offsets.push(cursor)
        if (pair) {
          offsets.push(cursor)
          i++
        }
        piece.entityEnds.set(cursor, cursor + entity[0].length)
        cursor += entity[0].length
        continue
      }
      let found = cursor
      // Look a few characters ahead only, so the walk stays linear.
      while (found < end && found - cursor < 12 && source.charCodeAt(found) !== code) found++
      if (found < end && source.charCodeAt(found) === code) {
        offsets.push(found)
        cursor = found + 1
      } else {
        offsets.push(Math.min(cursor, end - 1))
      }
    }
  }
  piece.parts.push(value)
  piece.length += value.length
}

/** A character reference as micromark reads one: `&#8220;`, `&#x201C;`, `&quot;`. */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/u

const SENTENCE_END = /[.!?؟…:»”"')\]]\s*$/u

/**
 * Whether a multi-line paragraph is a scraped one-paragraph-per-line text rather than
 * hard-wrapped prose: a hard break, a line too long for wrapping, or most lines ending a
 * sentence.
 */
function isOneBlockPerLine(lines: string[], hasHardBreak: boolean): boolean {
  if (hasHardBreak) return true
  if (lines.some((line) => line.length > 160)) return true
  const ended = lines.slice(0, -1).filter((line) => SENTENCE_END.test(line)).length
  return ended * 2 >= lines.length - 1
}

/**
 * Drop the characters of hidden template syntax (src/model/template-syntax.ts) from a piece's
 * text and offsets; a hidden span between two words leaves one space, so they stay two words.
 */
function dropHidden(piece: Piece, joined: string): string {
  const all = piece.offsets.data
  let write = piece.first
  let out = ''
  for (let read = 0; read < joined.length; read++) {
    if (joined.charCodeAt(read) === HIDDEN_CODE) {
      let after = read
      while (after < joined.length && joined.charCodeAt(after) === HIDDEN_CODE) after++
      const previous = out[out.length - 1]
      const next = joined[after]
      if (previous && next && !/\s/u.test(previous) && !/\s/u.test(next)) {
        out += ' '
        all[write++] = all[piece.first + read]
      }
      read = after - 1
      continue
    }
    out += joined[read]
    all[write++] = all[piece.first + read]
  }
  piece.offsets.length = write
  piece.length = out.length
  return out
}

/**
 * Collect the blocks of a tree in document order. `source` is the text the parser read (the
 * file's, with template syntax hidden); the source end of each character that stands for an
 * entity (`&#8220;` read as “) is added to `entityEnds`, by the offset of its `&`, and the links
 * of raw HTML blocks (`<a href>`) to `htmlLinks`.
 */
export function collectBlocks(tree: Root, source: string, entityEnds: Map<number, number> = new Map(), htmlLinks: HtmlLink[] = []): Block[] {
  const blocks: Block[] = []
  const offsets = new OffsetBuffer(source.length + 1)
  const endOf = (offset: number) => entityEnds.get(offset) ?? offset + 1
  const push = (kind: BlockKind, node: Nodes & Parents, inBlockquote: boolean, depth: number) => {
    const piece: Piece = {parts: [], length: 0, offsets, first: offsets.length, hasImage: false, entityEnds}
    flatten(node.children as PhrasingContent[], source, piece)
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    const hardBreak = (node.children as PhrasingContent[]).some((child) => child.type === 'break')
    emit(kind, piece, start, end, inBlockquote, depth, hardBreak)
  }
  const emit = (kind: BlockKind, piece: Piece, start: number, end: number, inBlockquote: boolean, depth: number, hardBreak: boolean) => {
    let joined = piece.parts.join('')
    if (joined.includes(HIDDEN)) joined = dropHidden(piece, joined)
    offsets.push(end)
    // Each block is written out in full: spreading a shared base into each was most of the cost of reading the blocks.
    const {hasImage} = piece
    const lines = joined.split('\n')
    if (kind === 'paragraph' && lines.length > 1 && isOneBlockPerLine(lines, hardBreak)) {
      const all = offsets.data
      let from = piece.first
      for (const raw of lines) {
        const to = from + raw.length
        // In a CRLF file the \r belongs to the line ending, not to the line.
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
        if (line.trim()) {
          // The line ends where its last character ends, not at the next line's start (the
          // slot of its line break, which no other line's view holds).
          all[from + line.length] = line.length ? endOf(all[from + line.length - 1]) : all[from]
          const lineOffsets = offsets.view(from, from + line.length + 1)
          blocks.push({kind, inBlockquote, depth, role: 'body', hasImage, index: blocks.length, text: line, offsets: lineOffsets, start: lineOffsets[0], end: lineOffsets[line.length], isLine: true})
        }
        from = to + 1
      }
      return
    }
    // Wrapped prose: line breaks inside the block read as spaces.
    const text = joined.replace(/[\r\n]/g, ' ')
    if (!text.trim() && !piece.hasImage) return
    blocks.push({kind, inBlockquote, depth, role: 'body', hasImage, index: blocks.length, text, offsets: offsets.view(piece.first), start, end, isLine: false})
  }
  const walk = (nodes: readonly RootContent[], container: BlockKind, inBlockquote: boolean) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph': {
          push(container, node, inBlockquote, 0)
          break
        }
        case 'heading': {
          push('heading', node, inBlockquote, node.depth)
          break
        }
        case 'blockquote': {
          walk(node.children, container, true)
          break
        }
        case 'list': {
          for (const item of node.children) walk(item.children, 'listItem', inBlockquote)
          break
        }
        case 'table': {
          for (const row of node.children) for (const cell of row.children) push('tableCell', cell, inBlockquote, 0)
          break
        }
        case 'footnoteDefinition': {
          // Footnotes are sources, not story text.
          break
        }
        case 'html': {
          // Raw HTML: its text is story text like a paragraph's (src/model/html-text.ts).
          const start = node.position?.start.offset
          const end = node.position?.end.offset
          if (start === undefined || end === undefined) break
          for (const html of readHtml(node.value, start, end, source, entityEnds, inBlockquote, htmlLinks)) {
            const piece: Piece = {parts: [html.text], length: html.text.length, offsets, first: offsets.length, hasImage: html.hasImage, entityEnds}
            for (const offset of html.offsets) offsets.push(offset)
            const kind = html.kind === 'paragraph' ? container : html.kind
            emit(kind, piece, html.start, html.end, html.inBlockquote, html.depth, html.text.includes('\n'))
          }
          break
        }
        default: {
          break
        }
      }
    }
  }
  walk(tree.children, 'paragraph', false)
  return blocks
}
