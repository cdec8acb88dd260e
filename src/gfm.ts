/**
 * What we add to remark-gfm, for its literal autolinks (`www.example.com`, `https://…`,
 * e-mail addresses written without `<>`):
 *
 * - `linearAutolinkLiterals`: micromark-extension-gfm-autolink-literal decides whether a
 *   literal may start by walking back through every event of the paragraph to an open `[`.
 *   After a `[` that never closes, it walks that far at every word, which is quadratic: a
 *   95 KB paragraph took 4.5 s. The same answer is kept per paragraph and reused while that
 *   `[` stays open, so the parse is linear and its result unchanged.
 * - `restorePositions`: the literals micromark leaves (after a `[`, or with escapes such as
 *   `https\://`) are found afterwards by mdast-util-find-and-replace, which splits the text
 *   node into new text and link nodes that have no position. Every offset the model maps
 *   from such a node would be made up, so a finding after such a link would point at the
 *   wrong characters (in a CRLF file, at a line ending). Each positionless node is placed at
 *   its text in the source, between the end of the sibling before it and the start of the
 *   sibling after it.
 */
import type {Nodes, Parents, Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/** The fields of a micromark token that the walk reads and writes. */
interface Token {
  type: string
  _balanced?: boolean
  _gfmAutolinkLiteralWalkedInto?: boolean
}
type Event = [string, Token, unknown]

/** The open `[` or `![` the last walk found, and the index of its event. */
interface OpenLabel {
  token: Token
  index: number
}

/** The open label each paragraph's tokenizer found last, by its event list. */
const openLabels = new WeakMap<Event[], OpenLabel>()

/**
 * `previousUnbalanced` of micromark-extension-gfm-autolink-literal (2.1): whether an open `[`
 * or `![` comes before the end of `events`, walking back no further than an event marked
 * walked-into, and marking the last event when none is open. While the open label found last
 * time is still in place and open, the answer is yes: a walk back from the end reaches it or
 * an open label after it, never a mark (marks are set only when no label is open, and labels
 * only close).
 */
function openLabelBefore(events: Event[]): boolean {
  const known = openLabels.get(events)
  if (known && events[known.index]?.[1] === known.token && !known.token._balanced) return true
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index][1]
    if ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced) {
      openLabels.set(events, {token, index})
      return true
    }
    if (token._gfmAutolinkLiteralWalkedInto) return false
  }
  if (events.length > 0) events[events.length - 1][1]._gfmAutolinkLiteralWalkedInto = true
  return false
}

/** The constructs of micromark-extension-gfm-autolink-literal that begin with that walk. */
const AUTOLINK_LITERALS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink'])

interface Construct {
  name?: string
  tokenize: (this: {events: Event[]}, effects: unknown, ok: unknown, nok: (code: unknown) => unknown) => unknown
}

/** Marks the constructs `linearAutolinkLiterals` replaced (for the tests). */
export const LINEAR = Symbol('linear autolink literal')

function linearConstruct(construct: Construct): Construct {
  return {
    ...construct,
    [LINEAR]: true,
    tokenize(effects, ok, nok) {
      // With a label open, each of these constructs fails at its first character (and walks
      // no further once it has walked): fail here, before its own walk.
      if (openLabelBefore(this.events)) return nok
      return construct.tokenize.call(this, effects, ok, nok)
    }
  } as Construct
}

/** unified plugin, after remark-gfm: its autolink literal constructs, made linear (see above). */
export function linearAutolinkLiterals(this: Processor) {
  const data = this.data()
  const replaced = new Map<Construct, Construct>()
  const replace = (construct: Construct) => {
    if (!construct.name || !AUTOLINK_LITERALS.has(construct.name)) return construct
    if (!replaced.has(construct)) replaced.set(construct, linearConstruct(construct))
    return replaced.get(construct) as Construct
  }
  data.micromarkExtensions = data.micromarkExtensions?.map((extension) => {
    if (!extension.text) return extension
    const text: Record<string, unknown> = {}
    for (const [code, constructs] of Object.entries(extension.text)) {
      text[code] = Array.isArray(constructs) ? constructs.map((construct) => replace(construct as unknown as Construct)) : replace(constructs as unknown as Construct)
    }
    return {...extension, text} as typeof extension
  })
}

type Place = ReturnType<typeof location>

/** How far ahead a character of a value is looked for in the source (escapes and entities are short). */
const LOOKAHEAD = 12

/**
 * Place `node` at or after `from` and before `limit`; returns its source end, or undefined
 * when its text is not found there (then it stays without a position).
 */
function place(node: Nodes, from: number, limit: number, source: string, where: Place): number | undefined {
  let start: number | undefined
  let end: number | undefined
  if ('children' in node) {
    end = placeChildren(node, from, limit, source, where)
    start = node.children[0]?.position?.start.offset
  } else if ('value' in node && node.type !== 'html') {
    const value = node.value
    if (source.startsWith(value, from) && from + value.length <= limit) {
      start = from
      end = from + value.length
    } else {
      // Escapes, entities and continuation indentation make the value differ from the source:
      // match its characters forward, a few at most apart.
      let cursor = from
      for (const character of value) {
        let found = cursor
        while (found < limit && found - cursor < LOOKAHEAD && !source.startsWith(character, found)) found++
        if (found >= limit || !source.startsWith(character, found)) continue
        start ??= found
        cursor = found + character.length
        end = cursor
      }
    }
  }
  if (start === undefined || end === undefined) return undefined
  const startPoint = where.toPoint(start)
  const endPoint = where.toPoint(end)
  if (!startPoint || !endPoint) return undefined
  node.position = {start: {...startPoint, offset: start}, end: {...endPoint, offset: end}}
  return end
}

/** Place the positionless children of `parent`, which spans up to `limit`; returns where the last child ends. */
function placeChildren(parent: Parents, from: number, limit: number, source: string, where: Place): number {
  let cursor = from
  const children = parent.children as Nodes[]
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child.position?.end.offset !== undefined) {
      cursor = child.position.end.offset
      if ('children' in child) placeChildren(child, child.position.start.offset ?? cursor, cursor, source, where)
      continue
    }
    let next = limit
    for (let k = i + 1; k < children.length; k++) {
      const offset = children[k].position?.start.offset
      if (offset !== undefined) {
        next = offset
        break
      }
    }
    cursor = place(child, cursor, next, source, where) ?? cursor
  }
  return cursor
}

/** unified plugin, after remark-gfm: give every node made without a position its place in the source. */
export function restorePositions() {
  return (tree: Root, file: VFile) => {
    let where: Place | undefined
    const source = String(file.value ?? '')
    const visit = (node: Nodes): void => {
      if (!('children' in node)) return
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from !== undefined && to !== undefined && (node.children as Nodes[]).some((child) => !child.position)) {
        where ??= location(file)
        placeChildren(node, from, to, source, where)
        return
      }
      for (const child of node.children as Nodes[]) visit(child)
    }
    visit(tree)
  }
}
