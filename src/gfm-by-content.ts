/**
 * remark-gfm at the cost of the GFM a file holds, with the same trees.
 *
 * - `gfmConstructsByContent`: micromark tries every GFM construct wherever it may start: the
 *   table at every paragraph (reading its first line through), the e-mail literal at every ASCII
 *   word (reading it through to look for an `@`), and so on; in a news article almost none of
 *   them ever match. Every match of a construct holds a few characters in a row in the source
 *   (its trigger below: a table's delimiter row a `|`, or a `:` next to a `-`; an e-mail literal
 *   an `@`; …), and a construct that does not match leaves nothing that changes the parse: its
 *   events are dropped; the table sets the flow's `interrupt` back to false before it can fail
 *   (and while it reads, `currentConstruct` is set as it would be by the paragraph it turns out
 *   to be); the autolink literals' marks only shorten later walks of their own (see gfm.ts). So
 *   each file is parsed without the constructs whose trigger is not in its text: the same
 *   events, the same tree (tests/gfm-by-content.test.ts compares the trees on the fixtures and
 *   on generated GFM). The extension lists are made once per set of constructs left out.
 * - `autolinkLiteralsWhereTheyCanBe`: mdast-util-gfm-autolink-literal then looks for literal
 *   autolinks in every text node with four regular expressions, each over the whole tree
 *   (mdast-util-find-and-replace); each of them needs an `@`, `http://`, `https://` or `www.`
 *   in the node's value. It runs only when a text node it would look at holds one.
 */
import type {Nodes, Root} from 'mdast'
import type {Processor} from 'unified'

/** A micromark extension, as far as the selection reads it. */
type Extension = Record<string, Record<string, unknown> | undefined>

/**
 * The GFM constructs by name, each with what every match of it holds in the source. Read off
 * the micromark-extension-gfm-* tokenizers (table 2.1, strikethrough 2.1, footnote 2.1,
 * task-list-item 2.1, autolink-literal 2.1):
 * - a table needs a delimiter row with a `|`, or else with a `:` before or after its `-`
 *   (`a` then `:-` is a table of one column): a line of its own holding nothing but cells of
 *   `-` and `:`, pipes, spaces and tabs, after the `>` of the block quotes it sits in (a pipe
 *   in a line of prose, "Facebook | X | YouTube", starts none);
 * - strikethrough is made of `~`;
 * - footnote definitions, calls, and the calls found at a `]`, start with `[^`;
 * - a task list check is `[` then a space, tab, line ending, `x` or `X`, then `]`;
 * - literal autolinks: an e-mail holds an `@`, a www one `www.`, the other `http://` or
 *   `https://` (any case).
 */
const TRIGGERS: ReadonlyArray<{names: readonly string[]; trigger: {test(document: string): boolean}}> = [
  {names: ['table'], trigger: {test: hasDelimiterRowLine}},
  {names: ['strikethrough'], trigger: /~/},
  {names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'], trigger: /\[\^/},
  {names: ['tasklistCheck'], trigger: /\[[\t\n\r xX]/},
  {names: ['emailAutolink'], trigger: /@/},
  {names: ['wwwAutolink'], trigger: /www\./i},
  {names: ['protocolAutolink'], trigger: /https?:\/\//i}
]

/**
 * Whether a line of `document` can be a table's delimiter row: after the spaces, tabs and `>` that open it (up to its
 * last `>`), nothing but `-`, `:`, `|`, spaces and tabs, with a `-` and a `|`, `:-` or `-:`. A scan line by line,
 * because the one regular expression that says the same backtracks over a long run of spaces (a line of a million
 * spaces took hours), and robustness asks for time linear in the line.
 */
function hasDelimiterRowLine(document: string): boolean {
  const length = document.length
  let start = 0
  while (start <= length) {
    let end = start
    while (end < length && document.charCodeAt(end) !== 10 && document.charCodeAt(end) !== 13) end++
    if (end > start && isDelimiterRow(document, start, end)) return true
    start = end + 1
  }
  return false
}

function isDelimiterRow(document: string, start: number, end: number): boolean {
  // The block-quote markers end at the last `>` of the opening run of spaces, tabs and `>`.
  let cells = start
  for (let index = start; index < end; index++) {
    const code = document.charCodeAt(index)
    if (code === 62) cells = index + 1
    else if (code !== 32 && code !== 9) break
  }
  if (cells === end) return false
  let dash = false
  let pipeOrColonBeside = false
  for (let index = cells; index < end; index++) {
    const char = document[index]
    if (char === '-') {
      dash = true
      if (document[index - 1] === ':' && index - 1 >= cells) pipeOrColonBeside = true
      if (document[index + 1] === ':' && index + 1 < end) pipeOrColonBeside = true
    } else if (char === '|') pipeOrColonBeside = true
    else if (char !== ':' && char !== ' ' && char !== '\t') return false
  }
  return dash && pipeOrColonBeside
}

/** Which triggers `document` lacks, one bit per entry of TRIGGERS. */
export function absentTriggers(document: string): number {
  let absent = 0
  for (let index = 0; index < TRIGGERS.length; index++) if (!TRIGGERS[index].trigger.test(document)) absent |= 1 << index
  return absent
}

/** The names of the constructs left out for those absent triggers. */
export function namesLeftOut(absent: number): Set<string> {
  const names = new Set<string>()
  for (let index = 0; index < TRIGGERS.length; index++) if (absent & (1 << index)) for (const name of TRIGGERS[index].names) names.add(name)
  return names
}

/** `extension` without the constructs named in `names`; a code left with none is dropped, as if never added. */
function withoutConstructs(extension: Extension, names: Set<string>): Extension {
  const result: Extension = {}
  for (const [hook, record] of Object.entries(extension)) {
    if (!record) {
      result[hook] = record
      continue
    }
    const kept: Record<string, unknown> = {}
    for (const [code, value] of Object.entries(record)) {
      // `attentionMarkers` and `disable` hold codes and names, not constructs: kept as they are.
      const list = Array.isArray(value) ? value : [value]
      const left = list.filter((item) => !(item && typeof item === 'object' && names.has((item as {name?: string}).name ?? '')))
      if (left.length === list.length) kept[code] = value
      else if (left.length > 0) kept[code] = left
    }
    result[hook] = kept
  }
  return result
}

/** Per list of extensions, the lists made for it, by absent triggers. */
const made = new WeakMap<readonly unknown[], Map<number, unknown[]>>()

/** `extensions` less the GFM constructs that cannot match in `document` (the same list when all can). */
export function extensionsFor<T>(extensions: readonly T[], document: string): readonly T[] {
  const absent = absentTriggers(document)
  if (absent === 0) return extensions
  let byAbsent = made.get(extensions)
  if (!byAbsent) made.set(extensions, (byAbsent = new Map()))
  let selected = byAbsent.get(absent)
  if (!selected) {
    const names = namesLeftOut(absent)
    selected = extensions.map((extension) => withoutConstructs(extension as unknown as Extension, names))
    byAbsent.set(absent, selected)
  }
  return selected as T[]
}

/**
 * unified plugin, right after remark-parse: each file is parsed with the micromark extensions
 * the later plugins set, less the GFM constructs that cannot match in its text (see above).
 */
export function gfmConstructsByContent(this: Processor) {
  const parse = this.parser
  if (!parse) throw new Error('gfmConstructsByContent must be used after a parser (remark-parse)')
  const data = this.data()
  this.parser = (document, file) => {
    const full = data.micromarkExtensions
    if (!full) return parse(document, file)
    // remark-parse reads the extensions from the processor's data at each parse.
    data.micromarkExtensions = extensionsFor(full, document) as typeof full
    try {
      return parse(document, file)
    } finally {
      data.micromarkExtensions = full
    }
  }
}

/** What each of the autolink literal expressions needs in a text node's value. */
const URL_START = /https?:\/\/|www\./i

/** Whether a text node that mdast-util-find-and-replace visits (none inside a link or link reference) may hold a literal autolink. */
function mayHoldAutolinkLiteral(node: Nodes): boolean {
  if (node.type === 'text') return node.value.includes('@') || URL_START.test(node.value)
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false
  for (const child of node.children as Nodes[]) if (mayHoldAutolinkLiteral(child)) return true
  return false
}

/** The name of mdast-util-gfm-autolink-literal's transform (2.0). */
const AUTOLINK_LITERAL_TRANSFORM = 'transformGfmAutolinkLiterals'

/** Marks the transform `autolinkLiteralsWhereTheyCanBe` wrapped (for the tests). */
export const ONLY_WHERE_THEY_CAN_BE = Symbol('autolink literals where they can be')

type Transform = (tree: Root) => Root | undefined | void

function onlyWhereTheyCanBe(transform: Transform): Transform {
  return Object.assign((tree: Root) => (mayHoldAutolinkLiteral(tree) ? transform(tree) : undefined), {[ONLY_WHERE_THEY_CAN_BE]: true})
}

/** unified plugin, after remark-gfm: its autolink literal transform runs only on trees where it can find one. */
export function autolinkLiteralsWhereTheyCanBe(this: Processor) {
  const data = this.data()
  const wrap = (extension: unknown): unknown => {
    if (Array.isArray(extension)) return extension.map(wrap)
    const transforms = (extension as {transforms?: Transform[]}).transforms
    if (!transforms?.some((transform) => transform.name === AUTOLINK_LITERAL_TRANSFORM)) return extension
    return {...(extension as object), transforms: transforms.map((transform) => (transform.name === AUTOLINK_LITERAL_TRANSFORM ? onlyWhereTheyCanBe(transform) : transform))}
  }
  data.fromMarkdownExtensions = data.fromMarkdownExtensions?.map(wrap) as typeof data.fromMarkdownExtensions
}
