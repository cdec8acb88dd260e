/**
 * Blocks of an article: paragraphs, headings, list items, table cells and block quotes,
 * each with its plain text and a map from that text back to the source.
 *
 * Scraped articles arrive one story paragraph per line with no blank line between them,
 * which markdown reads as ONE paragraph; such a paragraph is split into one block per line.
 * A hard-wrapped paragraph (lines broken mid-sentence) stays one block.
 */
import type {Nodes, Parents, PhrasingContent, Root, RootContent} from 'mdast'

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell'
export type BlockRole = 'title' | 'subheading' | 'caption' | 'byline' | 'dateline' | 'body'

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

interface Piece {text: string; offsets: number[]; hasImage: boolean}

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
        piece.text += '\n'
        piece.offsets.push(node.position?.start.offset ?? lastOffset(piece))
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
  return piece.offsets.length ? piece.offsets[piece.offsets.length - 1] + 1 : 0
}

/**
 * Append a node's value, mapping each character to its place in the source. Values equal
 * their source except for escapes, entities and the indentation of continuation lines, so
 * characters are matched forward through the source slice.
 */
function appendValue(value: string, start: number | undefined, end: number | undefined, source: string, piece: Piece): void {
  if (start === undefined || end === undefined) {
    const at = lastOffset(piece)
    for (let i = 0; i < value.length; i++) piece.offsets.push(at)
    piece.text += value
    return
  }
  if (end - start === value.length && source.startsWith(value, start)) {
    for (let i = 0; i < value.length; i++) piece.offsets.push(start + i)
  } else {
    let cursor = start
    for (let i = 0; i < value.length; i++) {
      let found = cursor
      // Look a few characters ahead only, so the walk stays linear.
      while (found < end && found - cursor < 12 && source[found] !== value[i]) found++
      if (found < end && source[found] === value[i]) {
        piece.offsets.push(found)
        cursor = found + 1
      } else {
        piece.offsets.push(Math.min(cursor, end - 1))
      }
    }
  }
  piece.text += value
}

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

/** Collect the blocks of a tree in document order. */
export function collectBlocks(tree: Root, source: string): Block[] {
  const blocks: Block[] = []
  const push = (kind: BlockKind, node: Nodes & Parents, inBlockquote: boolean, depth: number) => {
    const piece: Piece = {text: '', offsets: [], hasImage: false}
    flatten(node.children as PhrasingContent[], source, piece)
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? start
    piece.offsets.push(end)
    const base = {kind, inBlockquote, depth, role: 'body' as BlockRole, hasImage: piece.hasImage}
    const lines = piece.text.split('\n')
    const hardBreak = (node.children as PhrasingContent[]).some((child) => child.type === 'break')
    if (kind === 'paragraph' && lines.length > 1 && isOneBlockPerLine(lines, hardBreak)) {
      const all = new Int32Array(piece.offsets)
      let from = 0
      for (const raw of lines) {
        const to = from + raw.length
        // In a CRLF file the \r belongs to the line ending, not to the line.
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
        if (line.trim()) {
          const offsets = all.slice(from, from + line.length + 1)
          // The line ends where its last character ends, not at the next line's start.
          offsets[line.length] = line.length ? piece.offsets[from + line.length - 1] + 1 : piece.offsets[from]
          blocks.push({...base, index: blocks.length, text: line, offsets, start: offsets[0], end: offsets[line.length], isLine: true})
        }
        from = to + 1
      }
      return
    }
    // Wrapped prose: line breaks inside the block read as spaces.
    const text = piece.text.replace(/[\r\n]/g, ' ')
    if (!text.trim()) {
      if (piece.hasImage) blocks.push({...base, index: blocks.length, text, offsets: new Int32Array(piece.offsets), start, end, isLine: false})
      return
    }
    blocks.push({...base, index: blocks.length, text, offsets: new Int32Array(piece.offsets), start, end, isLine: false})
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
        default: {
          break
        }
      }
    }
  }
  walk(tree.children, 'paragraph', false)
  return blocks
}
