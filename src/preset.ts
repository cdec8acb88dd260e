/**
 * The preset: every rule of attribution-lint on a remark processor, with the settings the
 * article model reads and `<!-- attribution-lint disable … -->` comments.
 */
import type {Root} from 'mdast'
import remarkMessageControl from 'remark-message-control'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {type Config, ruleIds, ruleSettings, validateConfig} from './config.js'
import {SOURCE} from './rule.js'

/** unified plugin: run the rules a configuration turns on. */
export default function attributionLint(this: Processor, options?: Config) {
  const config = validateConfig(options ?? {}, 'attribution-lint options')
  // The model reads its settings from the file; a transformer puts them there before any rule.
  this.use(() => (_tree: Root, file: VFile) => {
    ;(file.data as Record<string, unknown>).attributionLint = {lang: config.lang, lexicons: config}
  })
  for (const [rule, setting] of ruleSettings(config)) this.use(rule, setting)
  // Last, so that it filters the messages of every rule.
  this.use(remarkMessageControl, {name: SOURCE, source: SOURCE, known: ruleIds()})
}
