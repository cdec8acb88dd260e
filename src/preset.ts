/**
 * The preset: every rule of attribution-lint on a remark processor, with the settings the
 * article model reads and `<!-- attribution-lint disable … -->` comments.
 */
import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
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
    ;(file.data as Record<string, unknown>).attributionLint = {lang: config.lang, locale: config.locale, publisher: config.publisher, lexicons: config}
    const article = getArticle(tree, file)
    // What reports show about the article (src/report/editor.ts): its title, and the language of its messages.
    const summary: ArticleSummary = {title: article.title, lang: article.lang, locale: resolveLocale(config.locale, article.lang)}
    ;(file.data as Record<string, unknown>).attributionLintArticle = summary
  })
  for (const [rule, setting] of ruleSettings(config)) this.use(rule, setting)
  // Last, so that it filters the messages of every rule.
  const known = ruleIds()
  this.use(remarkMessageControl, {name: SOURCE, source: SOURCE, known})
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
