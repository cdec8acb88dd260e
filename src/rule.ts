/**
 * How a rule is written: metadata, default options, and a check over the article model.
 *
 * `defineRule` wraps unified-lint-rule, which stamps `ruleId`, `source`, `url` and severity
 * on every message, and validates options so that a misconfiguration fails loudly.
 */
import type {Root} from 'mdast'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {type Article, getArticle, type Span} from './model/article.js'
import {catalog, LOCALES, type MessageData, placeholders, renderMessage, resolveLocale} from './messages/index.js'

export const SOURCE = 'attribution-lint'
export const DOCS_BASE = 'https://github.com/attribution-lint/attribution-lint/blob/main/docs/rules/'

/** A text edit on the original source: replace [start, end) with `text`. */
export interface Fix {
  start: number
  end: number
  text: string
}

export interface ReportExtra {
  /** The offending text; defaults to the source text of the span. */
  actual?: string
  /** A related place, such as the nearest speaker candidate. */
  cause?: Span
  /** A fix the rule declares; only rules that declare fixes ever change a file. */
  fix?: Fix
}

/**
 * Report a finding: its place, the id of its message in the catalogs (src/messages/en.json,
 * ar.json, one grammar for every rule) and the values of the message's placeholders.
 */
export type Report = (span: Span, messageId: string, data?: MessageData, extra?: ReportExtra) => void

export interface RuleMeta<Options extends object> {
  /** The rule id, as in RULES.md. */
  id: string
  /** Default options; every option a user may set must have a default here. */
  defaults: Options
  /** Ids of the messages the rule reports; each must be in every catalog. */
  messages: readonly string[]
}

export type RuleCheck<Options extends object> = (article: Article, options: Options, report: Report) => void

export type RulePlugin = ReturnType<typeof lintRule<Root, unknown>> & {ruleId: string; defaults: object; messages: readonly string[]}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Check user options against a rule's defaults: unknown keys and wrong types are errors. */
export function validateOptions<Options extends object>(id: string, defaults: Options, options: unknown): Options {
  if (options === undefined || options === null) return {...defaults}
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigError(`Options of \`${id}\` must be an object, not ${JSON.stringify(options)}`)
  }
  const known = Object.keys(defaults)
  for (const [key, value] of Object.entries(options)) {
    if (!known.includes(key)) {
      throw new ConfigError(`Unknown option \`${key}\` for \`${id}\`; expected one of: ${known.join(', ') || '(no options)'}`)
    }
    const expected = (defaults as Record<string, unknown>)[key]
    const kind = Array.isArray(expected) ? 'array' : typeof expected
    const actual = Array.isArray(value) ? 'array' : typeof value
    if (kind !== actual) throw new ConfigError(`Option \`${key}\` of \`${id}\` must be a ${kind}, not ${JSON.stringify(value)}`)
  }
  return {...defaults, ...options}
}

/**
 * Run `make` without capturing a stack trace for the errors it creates. A VFileMessage is an
 * Error whose constructor captures the stack and then sets `stack` to '' (for a reason given as
 * text): capturing it was a measurable share of each report for nothing.
 */
function withoutStackTrace<T>(make: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** Define a rule over the article model. */
export function defineRule<Options extends object>(meta: RuleMeta<Options>, check: RuleCheck<Options>): RulePlugin {
  // A message missing from a catalog, or asking for other placeholders there, fails when the rule is loaded.
  for (const id of meta.messages) {
    const english = catalog('en')[id]
    for (const locale of LOCALES) {
      const template = catalog(locale)[id]
      if (template === undefined) throw new Error(`Rule \`${meta.id}\`: message \`${id}\` is missing from the ${locale} catalog`)
      if (english !== undefined && placeholders(template).join() !== placeholders(english).join()) {
        throw new Error(`Rule \`${meta.id}\`: message \`${id}\` has other placeholders in the ${locale} catalog`)
      }
    }
  }
  const plugin = lintRule<Root, Partial<Options>>(
    {origin: `${SOURCE}:${meta.id}`, url: DOCS_BASE + meta.id + '.md'},
    (tree: Root, file: VFile, raw) => {
      const options = validateOptions(meta.id, meta.defaults, raw)
      const article = getArticle(tree, file)
      const locale = resolveLocale((file.data as {attributionLint?: {locale?: string}}).attributionLint?.locale, article.lang)
      check(article, options, (span, messageId, data = {}, extra = {}) => {
        if (!meta.messages.includes(messageId)) throw new Error(`Rule \`${meta.id}\` reported \`${messageId}\`, which it does not declare`)
        const message = withoutStackTrace(() => file.message(renderMessage(locale, messageId, data)!, {place: {start: span.start, end: span.end}, cause: undefined}))
        message.actual = extra.actual ?? article.source.slice(span.start.offset, span.end.offset)
        const fields = message as unknown as Record<string, unknown>
        fields.messageId = messageId
        fields.messageData = data
        if (extra.cause) fields.causePlace = extra.cause
        if (extra.fix) fields.fix = extra.fix
      })
    }
  ) as RulePlugin
  plugin.ruleId = meta.id
  plugin.defaults = meta.defaults
  plugin.messages = meta.messages
  return plugin
}
