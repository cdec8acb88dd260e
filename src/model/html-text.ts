/**
 * The text of raw HTML in an article, as a reader sees it: WordPress exports keep half their
 * words in `<p>` and `<div>` blocks, Arabic sites wrap every paragraph in `<p dir="rtl">`. Read
 * with hast-util-from-html (parse5, as browsers parse), so unclosed `<p>`s, entities and
 * comments read as a browser reads them. Each block-level element (`<p>`, `<div>`, `<li>`,
 * `<blockquote>`, `<h2>`, `<td>`, `<figcaption>` …) is one block of text; inline elements
 * (`<span>`, `<a>`, `<b>`) are part of the text around them; `<br>` breaks a line. Attributes
 * are never text, nor is what `<script>`, `<style>`, `<iframe>` and other embeds hold.
 *
 * Every character keeps its offset in the file: the parser's positions are in the HTML's own
 * text, which `htmlOffsets` maps to the file; an entity (`&#8220;`, `&amp;`) is one character
 * whose range is the whole entity (`entityEnds`).
 */
import type {Element, ElementContent, Nodes as HastNodes, Text} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {HIDDEN_CODE} from './template-syntax.js'

/** Elements whose content is not text a reader reads as the story. */
const NOT_TEXT = new Set(['script', 'style', 'iframe', 'noscript', 'template', 'svg', 'math', 'object', 'embed', 'video', 'audio', 'canvas', 'map', 'select', 'textarea', 'button', 'head', 'title', 'code', 'pre'])

/** Elements that make a block of their own. */
const BLOCK = new Set([
  'p', 'div', 'li', 'dd', 'dt', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'caption', 'figcaption', 'figure',
  'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'address', 'details', 'summary', 'ul', 'ol', 'dl', 'table', 'tr',
  'tbody', 'thead', 'tfoot', 'hr', 'form', 'fieldset', 'center'
])

export type HtmlBlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell'

/** One block of text read from HTML: its characters with their offsets in the file. */
export interface HtmlBlock {
  kind: HtmlBlockKind
  /** Heading depth (`<h2>`: 2), 0 for other blocks. */
  depth: number
  /** Inside a `<blockquote>`. */
  inBlockquote: boolean
  /** The block holds an `<img>` (its text may be a caption). */
  hasImage: boolean
  text: string
  /** `offsets[i]`: file offset of `text[i]`. */
  offsets: number[]
  /** File offsets of the block's first character and just past its last. */
  start: number
  end: number
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/u

/**
 * The file offset of each character of the HTML value `value`, which the file holds from
 * `start` to `end`: the same characters, unless the HTML sits in a block quote or list, whose
 * markers and indentation the value leaves out (matched forward, line by line).
 */
export function htmlOffsets(value: string, start: number, end: number, source: string): Int32Array {
  const offsets = new Int32Array(value.length + 1)
  if (end - start === value.length && source.startsWith(value, start)) {
    for (let i = 0; i <= value.length; i++) offsets[i] = start + i
    return offsets
  }
  let cursor = start
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    let found = cursor
    // A new line of the value starts after the container's markers on the file's line.
    while (found < end && source.charCodeAt(found) !== code && (code !== 10 ? found - cursor < 200 : true)) found++
    if (found < end) {
      offsets[i] = found
      cursor = found + 1
    } else {
      offsets[i] = Math.min(cursor, end - 1)
    }
  }
  offsets[value.length] = end
  return offsets
}

/** A link (`<a href>`) in HTML: its text and address, and the file offsets of its text. */
export interface HtmlLink {text: string; url: string; start: number; end: number}

interface Reading {
  blocks: HtmlBlock[]
  links: HtmlLink[]
  current?: HtmlBlock
  html: string
  at: Int32Array
  entityEnds: Map<number, number>
}

/** The blocks of text of a piece of raw HTML at `start`…`end` of the file (`value`: the HTML as the markdown parser gives it). */
export function readHtml(value: string, start: number, end: number, source: string, entityEnds: Map<number, number>, inBlockquote = false, links: HtmlLink[] = []): HtmlBlock[] {
  // Markup alone (`<br>`, `</div>`, a comment): no text to read, nothing to parse.
  if (!/[^\s\uE000]/u.test(value.replace(/<!--[\s\S]*?-->|<[^>]*>/gu, '')) && !/<img\b/iu.test(value)) return []
  const tree = fromHtml(value, {fragment: true})
  const reading: Reading = {blocks: [], links, html: value, at: htmlOffsets(value, start, end, source), entityEnds}
  readChildren(tree.children as ElementContent[], reading, {kind: 'paragraph', depth: 0, inBlockquote})
  flush(reading)
  return reading.blocks.filter((block) => block.text.trim() || block.hasImage)
}

interface Context {kind: HtmlBlockKind; depth: number; inBlockquote: boolean}

function readChildren(nodes: readonly HastNodes[], reading: Reading, context: Context): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      appendText(node, reading, context)
    } else if (node.type === 'element') {
      readElement(node, reading, context)
    }
  }
}

function readElement(node: Element, reading: Reading, context: Context): void {
  const name = node.tagName
  if (NOT_TEXT.has(name)) return
  if (name === 'img') {
    open(reading, context).hasImage = true
    return
  }
  if (name === 'br') {
    const block = open(reading, context)
    const at = node.position?.start.offset
    block.text += '\n'
    block.offsets.push(at === undefined ? block.end : reading.at[at])
    return
  }
  if (!BLOCK.has(name)) {
    const href = name === 'a' && typeof node.properties.href === 'string' ? node.properties.href : undefined
    const block = href === undefined ? undefined : open(reading, context)
    const from = block?.text.length ?? 0
    readChildren(node.children, reading, context)
    // A link: its text as read, its place from its first character to the end of its last.
    if (block && href !== undefined && reading.current === block && block.text.length > from) {
      const last = block.offsets[block.text.length - 1]
      reading.links.push({text: block.text.slice(from).trim(), url: href, start: block.offsets[from], end: reading.entityEnds.get(last) ?? last + 1})
    }
    return
  }
  flush(reading)
  const heading = /^h([1-6])$/u.exec(name)
  const inner: Context = {
    kind: heading ? 'heading' : name === 'li' || name === 'dd' || name === 'dt' ? 'listItem' : name === 'td' || name === 'th' ? 'tableCell' : context.kind === 'heading' ? 'paragraph' : context.kind,
    depth: heading ? Number(heading[1]) : 0,
    inBlockquote: context.inBlockquote || name === 'blockquote'
  }
  readChildren(node.children, reading, inner)
  flush(reading)
}

/** The block being read, opened when there is none. */
function open(reading: Reading, context: Context): HtmlBlock {
  reading.current ??= {kind: context.kind, depth: context.depth, inBlockquote: context.inBlockquote, hasImage: false, text: '', offsets: [], start: -1, end: -1}
  return reading.current
}

function flush(reading: Reading): void {
  const block = reading.current
  reading.current = undefined
  if (!block || (!block.text.trim() && !block.hasImage)) return
  block.start = block.offsets[0] ?? block.start
  const last = block.text.length - 1
  block.end = last >= 0 ? (reading.entityEnds.get(block.offsets[last]) ?? block.offsets[last] + 1) : block.start
  reading.blocks.push(block)
}

/**
 * Append a text node: its value is the HTML between its positions with entities decoded (and
 * CRLF read as LF), so the two are walked together; an entity is one character (or a pair of
 * surrogates) placed at its `&`, with its end kept in `entityEnds`.
 */
function appendText(node: Text, reading: Reading, context: Context): void {
  const from = node.position?.start.offset
  const to = node.position?.end.offset
  const block = open(reading, context)
  const value = node.value
  if (from === undefined || to === undefined) return
  const raw = reading.html
  let j = from
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (raw.charCodeAt(j) === 13 && code === 10) j++
    // Template syntax hidden in the HTML (src/model/template-syntax.ts) is not text.
    if (code === HIDDEN_CODE) {
      j++
      continue
    }
    const entity = raw.charCodeAt(j) === 38 /* & */ ? ENTITY.exec(raw.slice(j, j + 40)) : null
    if (entity && !(code === 38 && raw.startsWith(value.slice(i, i + entity[0].length), j))) {
      const at = reading.at[j]
      const after = reading.at[Math.min(j + entity[0].length, raw.length)]
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length
      block.text += pair ? value.slice(i, i + 2) : value[i]
      block.offsets.push(at)
      if (pair) {
        block.offsets.push(at)
        i++
      }
      reading.entityEnds.set(at, after)
      j += entity[0].length
      continue
    }
    block.text += value[i]
    block.offsets.push(reading.at[Math.min(j, raw.length - 1)])
    if (j < to) j++
  }
}
