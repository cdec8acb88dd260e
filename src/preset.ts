/**
 * The preset: every rule of attribution-lint on a remark processor, with the settings the
 * article model reads and `<!-- attribution-lint disable … -->` comments.
 */
import type {Nodes, Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {type Config, ruleIds, ruleSettings, validateConfig} from './config.js'
import {getArticle} from './model/article.js'
import {type ArticleSummary, resolveLocale} from './messages/index.js'
import {SOURCE} from './rule.js'

/** unified plugin: run the rules a configuration turns on. */
export default function attributionLint(this: Processor, options?: Config) {
  const config = validateConfig(options ?? {}, 'attribution-lint options')
  // The model reads its settings from the file; a transformer puts them there before any rule.
  // The model is built there too, so that its own messages (a broken frontmatter) are not
  // stamped with the id of whichever rule happened to build it first.
  this.use(() => (tree: Root, file: VFile) => {
    ;(file.data as Record<string, unknown>).attributionLint = {lang: config.lang, locale: config.locale, lexicons: config}
    const article = getArticle(tree, file)
    // What reports show about the article (src/report/editor.ts): its title, and the language of its messages.
    const summary: ArticleSummary = {title: article.title, lang: article.lang, locale: resolveLocale(config.locale, article.lang)}
    ;(file.data as Record<string, unknown>).attributionLintArticle = summary
  })
  for (const [rule, setting] of ruleSettings(config)) this.use(rule, setting)
  // Last, so that it filters the messages of every rule.
  const known = ruleIds()
  const messageControl = remarkMessageControl({name: SOURCE, source: SOURCE, known})
  this.use(() => (tree: Root, file: VFile) => {
    const {gaps, hasMarker} = readTree(tree)
    if (hasMarker) messageControl(tree, file)
    else dropMessagesInGaps(file, gaps)
  })
  // A comment naming a rule that does not exist is a mistake worth a warning (remark-message-control
  // adds it as an info message from its own source).
  this.use(() => (_tree: Root, file: VFile) => {
    for (const message of file.messages) {
      if (message.source !== 'unified-message-control' || message.ruleId !== 'known') continue
      const [, verb, id] = /^Cannot (\w+) `'(.*)'`/.exec(message.reason) ?? []
      message.fatal = false
      message.source = SOURCE
      message.ruleId = 'unknown-rule'
      if (id !== undefined) {
        message.reason = message.message = `Unknown rule \`${id}\` in an \`${SOURCE} ${verb}\` comment; known rules: ${known.join(', ') || '(none)'}`
      }
    }
  })
}

/** Node types remark-message-control reads markers from. */
const MARKER_TYPES = new Set(['comment', 'html', 'mdxFlowExpression', 'mdxTextExpression'])

/**
 * In one walk of the tree: whether it may hold an `<!-- attribution-lint … -->` comment, and the
 * gaps remark-message-control would find (source ranges no node covers, after a node without a
 * position and at the end). Files without such a comment then need neither that plugin's two
 * walks of the whole tree nor its marker parsing of every HTML node.
 */
function readTree(tree: Root): {gaps: Array<[number, number]>; hasMarker: boolean} {
  const gaps: Array<[number, number]> = []
  let hasMarker = false
  let offset = 0
  let gap = false
  const update = (latest: number | null | undefined) => {
    if (latest === null || latest === undefined) {
      gap = true
    } else if (offset < latest) {
      if (gap) {
        gaps.push([offset, latest])
        gap = false
      }
      offset = latest
    }
  }
  const walk = (node: Nodes) => {
    update(node.position?.start?.offset)
    // A node that names the linter may be a marker: the plugin itself reads it.
    if (MARKER_TYPES.has(node.type) && 'value' in node && typeof node.value === 'string' && node.value.includes(SOURCE)) hasMarker = true
    if (!('children' in node)) {
      update(node.position?.end?.offset)
      return
    }
    if (node.children) for (const child of node.children) walk(child)
  }
  walk(tree)
  const end = tree.position?.end?.offset
  if (typeof end === 'number' && offset !== end) {
    update(undefined)
    update(end)
  }
  return {gaps, hasMarker}
}

/**
 * What remark-message-control does to the messages of a file without markers: drop this
 * linter's messages that start in a gap of the tree (and give a message without a place line 1,
 * column 1, as it does).
 */
function dropMessagesInGaps(file: VFile, gaps: ReadonlyArray<[number, number]>): void {
  let toOffset: ReturnType<typeof location>['toOffset'] | undefined
  file.messages = file.messages.filter((message) => {
    if (message.source !== SOURCE) return true
    if (!message.line) message.line = 1
    if (!message.column) message.column = 1
    if (!gaps.length) return true
    toOffset ??= location(file).toOffset
    const offset = toOffset(message)
    if (offset === undefined) return true
    return !gaps.some(([start, end]) => start <= offset && end > offset)
  })
}
