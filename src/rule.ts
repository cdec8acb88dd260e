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
import {localizeReason, resolveLocale} from './messages/index.js'

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
  /** Stable id of the message kind, for localised messages. */
  messageId?: string
  /** Values of the message's placeholders, for localised messages. */
  data?: Record<string, string | number>
}

export type Report = (span: Span, reason: string, extra?: ReportExtra) => void

export interface RuleMeta<Options extends object> {
  /** The rule id, as in RULES.md. */
  id: string
  /** Default options; every option a user may set must have a default here. */
  defaults: Options
}

export type RuleCheck<Options extends object> = (article: Article, options: Options, report: Report) => void

export type RulePlugin = ReturnType<typeof lintRule<Root, unknown>> & {ruleId: string; defaults: object}

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

/** Define a rule over the article model. */
export function defineRule<Options extends object>(meta: RuleMeta<Options>, check: RuleCheck<Options>): RulePlugin {
  const plugin = lintRule<Root, Partial<Options>>(
    {origin: `${SOURCE}:${meta.id}`, url: DOCS_BASE + meta.id + '.md'},
    (tree: Root, file: VFile, raw) => {
      const options = validateOptions(meta.id, meta.defaults, raw)
      const article = getArticle(tree, file)
      check(article, options, (span, reason, extra = {}) => {
        const locale = resolveLocale((file.data as {attributionLint?: {locale?: string}}).attributionLint?.locale, article.lang)
        const text = localizeReason(locale, reason, extra.messageId, extra.data)
        const message = file.message(text, {place: {start: span.start, end: span.end}, cause: undefined})
        message.actual = extra.actual ?? article.source.slice(span.start.offset, span.end.offset)
        const fields = message as unknown as Record<string, unknown>
        if (extra.cause) fields.causePlace = extra.cause
        if (extra.fix) fields.fix = extra.fix
        if (extra.messageId) fields.messageId = extra.messageId
        if (extra.data) fields.messageData = extra.data
      })
    }
  ) as RulePlugin
  plugin.ruleId = meta.id
  plugin.defaults = meta.defaults
  return plugin
}
