/**
 * Where an article points: inline links, autolinks, reference links with their
 * definitions, footnotes, frontmatter `sources` and a trailing "Sources" section.
 */
import type {Root, RootContent, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {isDroppedUnit, normalize} from './normalize.js'

export interface Link {
  /** Link text as plain words ('' for a bare URL). */
  text: string
  url: string
  /** Host without `www.`, lower case; '' when the URL has none (relative links). */
  host: string
  /** Source offsets of the whole link. */
  start: number
  end: number
  kind: 'inline' | 'autolink' | 'reference' | 'definition' | 'footnote' | 'frontmatter' | 'sources-section'
}

export interface UnresolvedReference {
  kind: 'reference' | 'footnote'
  label: string
  start: number
  end: number
}

export interface LinkIndex {
  /** Links that sit in the story text (inline, autolink, resolved reference). */
  inText: Link[]
  /** Places that list sources for the whole article: definitions, footnotes, frontmatter, sources section. */
  articleSources: Link[]
  /** Reference links and footnote calls with no definition. */
  unresolved: UnresolvedReference[]
  /**
   * Source ranges of the article's sources sections ("Sources", «المصادر», "Works Cited"), their
   * headings left out (`start`), with where the heading, bold line or colon-ended line that opens
   * each one starts (`opener`).
   */
  sourcesSections: Array<{opener: number; start: number; end: number}>
}

/** Host of a URL, lower case, without `www.`; '' when it has none. */
export function hostOf(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase()
    return host.startsWith('www.') ? host.slice(4) : host
  } catch {
    const bare = /^(?:\/\/)?((?:[a-z\d-]+\.)+[a-z]{2,})(?:[/:?#]|$)/i.exec(url)
    return bare ? bare[1].toLowerCase().replace(/^www\./, '') : ''
  }
}

/** Whether `host` is `domain` or a subdomain of it. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain)
}

// What a reference section is called: a student paper's "Works Cited", a wire story's "Sources",
// a feature's "Notes" or "Further reading", «المراجع». Its entries are where the story comes
// from, never the story itself.
const SOURCES_HEADING = new Set([
  'sources', 'source', 'references', 'reference', 'further reading', 'links', 'works cited', 'work cited', 'works consulted',
  'bibliography', 'notes', 'endnotes', 'footnotes', 'citations', 'sources cited', 'sources and notes', 'notes and sources',
  'المصادر', 'المراجع', 'مصادر', 'مراجع', 'المصادر والمراجع', 'المراجع والمصادر', 'مصادر ومراجع', 'مراجع ومصادر', 'قائمة المراجع',
  'قائمة المصادر', 'الهوامش', 'هوامش', 'quellen', 'literatur', 'sources et références', 'bibliographie', 'fuentes', 'referencias', 'bibliografía'
])
// Neither normalising nor lower-casing shortens a text but by dropping Arabic marks, so a text
// with more other characters than the longest heading and its colon, spaces aside, names none.
const MAX_HEADING = Math.max(...[...SOURCES_HEADING].map((heading) => heading.length)) + 1

/** Whether a heading's text names a sources section ("Sources", «المصادر»). */
export function isSourcesHeading(text: string): boolean {
  if (keptLength(text, 0) > MAX_HEADING) return false
  return SOURCES_HEADING.has(normalize(text.trim().replace(/[:：]$/, '')))
    || SOURCES_HEADING.has(text.trim().replace(/[:：]$/, '').toLowerCase())
}

/** `kept` plus the characters of `text` that are neither spaces nor dropped by normalising, counted up to just past MAX_HEADING. */
function keptLength(text: string, kept: number): number {
  for (let i = 0; i < text.length && kept <= MAX_HEADING; i++) {
    const code = text.charCodeAt(i)
    if (!isSpace(code) && !isDroppedUnit(code)) kept++
  }
  return kept
}

/** Whether a UTF-16 code unit is white space as `trim()` reads it. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * Whether a node names a sources section. Its text (as mdast-util-to-string reads it: values,
 * image alt text) is counted first with the bound above, so that the text of a long paragraph
 * is never built.
 */
function namesSources(node: Nodes): boolean {
  let kept = 0
  const count = (node: Nodes): void => {
    if ('value' in node) {
      if (typeof node.value === 'string') kept = keptLength(node.value, kept)
    } else if ('alt' in node && node.alt) {
      kept = keptLength(node.alt, kept)
    } else if ('children' in node) {
      for (const child of node.children) if (kept <= MAX_HEADING) count(child as Nodes)
    }
  }
  count(node)
  return kept <= MAX_HEADING && isSourcesHeading(toString(node))
}

const normalizeLabel = (label: string) => label.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * Where the first line of a paragraph names a sources section, when the paragraph goes on with
 * its entries without a blank line ("**Works Cited**" or "References:" and then the list): the
 * offset of that line's end, else -1. The line must be bold or end with a colon, so a story
 * sentence that starts with "Notes" opens nothing.
 */
function sourcesLineEnd(node: Nodes, source: string): number {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return -1
  let lineEnd = start
  while (lineEnd < end && source.charCodeAt(lineEnd) !== 10 && source.charCodeAt(lineEnd) !== 13) lineEnd++
  if (lineEnd === end || lineEnd - start > MAX_HEADING * 4) return -1
  const line = source.slice(start, lineEnd).trim()
  const bold = /^(\*\*|__)(.+)\1:?$/u.exec(line)
  const text = bold ? bold[2] : line.endsWith(':') || line.endsWith('：') ? line : ''
  return text && isSourcesHeading(text.replace(/[*_]/g, '')) ? lineEnd : -1
}

/** Build the link index of a tree. */
export function indexLinks(tree: Root, frontmatterSources: unknown, source = '', htmlLinks: ReadonlyArray<{text: string; url: string; start: number; end: number}> = []): LinkIndex {
  const inText: Link[] = []
  const articleSources: Link[] = []
  const references: Array<{kind: 'reference' | 'footnote'; label: string; node: Nodes}> = []
  const definitions = new Map<string, {url: string; node: Nodes}>()
  const footnotes = new Map<string, Nodes>()
  const offsetsOf = (node: Nodes) => ({start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0})

  const visit = (node: Nodes, inSources: boolean) => {
    switch (node.type) {
      case 'link': {
        const text = toString(node)
        const isAutolink = text === node.url || 'mailto:' + text === node.url
        const link: Link = {text: isAutolink ? '' : text, url: node.url, host: hostOf(node.url), ...offsetsOf(node), kind: isAutolink ? 'autolink' : 'inline'}
        ;(inSources ? articleSources : inText).push(inSources ? {...link, kind: 'sources-section'} : link)
        return
      }
      case 'linkReference': {
        references.push({kind: 'reference', label: normalizeLabel(node.label ?? node.identifier), node})
        return
      }
      case 'footnoteReference': {
        references.push({kind: 'footnote', label: normalizeLabel(node.label ?? node.identifier), node})
        return
      }
      case 'definition': {
        const label = normalizeLabel(node.label ?? node.identifier)
        if (!definitions.has(label)) definitions.set(label, {url: node.url, node})
        return
      }
      case 'footnoteDefinition': {
        footnotes.set(normalizeLabel(node.label ?? node.identifier), node)
        return
      }
      default: {
        break
      }
    }
    if ('children' in node) {
      const children = node.children as Nodes[]
      for (const [index, child] of children.entries()) {
        if (child.type === 'html') inlineHtmlLink(children, index, inSources)
        visit(child, inSources)
      }
    }
  }
  // `<a href="…">text</a>` written inline in a paragraph: its opening and closing tags are two
  // html nodes with the text between them.
  const inlineHtmlLink = (siblings: readonly Nodes[], index: number, inSources: boolean) => {
    const open = siblings[index] as {value: string}
    const href = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>$/iu.exec(open.value)
    if (!href) return
    let close = index + 1
    while (close < siblings.length && !(siblings[close].type === 'html' && /^<\/a\s*>$/iu.test((siblings[close] as {value: string}).value))) close++
    if (close === siblings.length) return
    const url = href[1] ?? href[2] ?? href[3] ?? ''
    const text = siblings.slice(index + 1, close).map((node) => toString(node)).join('')
    const link: Link = {text, url, host: hostOf(url), start: offsetsOf(siblings[index]).start, end: offsetsOf(siblings[close]).end, kind: inSources ? 'sources-section' : 'inline'}
    ;(inSources ? articleSources : inText).push(link)
  }

  // A sources section runs from its heading to the next heading of the same or a higher level.
  const sourcesSections: LinkIndex['sourcesSections'] = []
  let sourcesDepth = 0
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') {
      if (sourcesDepth && node.depth <= sourcesDepth) sourcesDepth = 0
      if (namesSources(node)) {
        sourcesDepth = node.depth
        const {start, end} = offsetsOf(node)
        sourcesSections.push({opener: start, start: end, end})
        continue
      }
    } else if (node.type === 'paragraph' && !sourcesDepth) {
      if (namesSources(node)) {
        // "Sources:" or "**Works Cited**" written as a paragraph of its own also opens the section.
        sourcesDepth = 7
        const {start, end} = offsetsOf(node)
        sourcesSections.push({opener: start, start: end, end})
        continue
      }
      const lineEnd = sourcesLineEnd(node, source)
      if (lineEnd !== -1) {
        // Its first line does, with the entries right under it in the same paragraph.
        sourcesDepth = 7
        sourcesSections.push({opener: offsetsOf(node).start, start: lineEnd, end: lineEnd})
      }
    }
    if (sourcesDepth) sourcesSections[sourcesSections.length - 1].end = offsetsOf(node).end
    visit(node, sourcesDepth > 0)
  }

  for (const [label, {url, node}] of definitions) {
    articleSources.push({text: label, url, host: hostOf(url), ...offsetsOf(node), kind: 'definition'})
  }
  for (const [label, node] of footnotes) {
    const text = toString(node)
    const url = /https?:\/\/\S+/.exec(text)?.[0] ?? ''
    articleSources.push({text, url, host: hostOf(url), ...offsetsOf(node), kind: 'footnote'})
    void label
  }
  const unresolved: UnresolvedReference[] = []
  for (const reference of references) {
    const {start, end} = offsetsOf(reference.node)
    if (reference.kind === 'reference') {
      const definition = definitions.get(reference.label)
      if (definition) {
        const text = toString(reference.node)
        inText.push({text, url: definition.url, host: hostOf(definition.url), start, end, kind: 'reference'})
      } else {
        unresolved.push({kind: 'reference', label: reference.label, start, end})
      }
    } else if (!footnotes.has(reference.label)) {
      unresolved.push({kind: 'footnote', label: reference.label, start, end})
    }
  }
  for (const entry of Array.isArray(frontmatterSources) ? frontmatterSources : frontmatterSources ? [frontmatterSources] : []) {
    const text = typeof entry === 'string' ? entry : entry && typeof entry === 'object' ? Object.values(entry).join(' ') : ''
    const url = /https?:\/\/\S+/.exec(text)?.[0] ?? (typeof entry === 'object' && entry && 'url' in entry ? String(entry.url) : '')
    articleSources.push({text, url, host: hostOf(url), start: 0, end: 0, kind: 'frontmatter'})
  }
  // Links of raw HTML blocks (read with their text, src/model/html-text.ts), in the story or in a sources section.
  for (const {text, url, start, end} of htmlLinks) {
    const section = sourcesSections.some((s) => start >= s.start && start < s.end)
    ;(section ? articleSources : inText).push({text, url, host: hostOf(url), start, end, kind: section ? 'sources-section' : 'inline'})
  }
  inText.sort((a, b) => a.start - b.start)
  return {inText, articleSources, unresolved, sourcesSections}
}
