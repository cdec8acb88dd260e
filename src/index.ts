/**
 * Public API: lint an article from a CMS hook or an editor's tool.
 *
 *     import {lint} from 'attribution-lint'
 *     const file = await lint(markdown, {lang: 'ar'})
 *     for (const message of file.messages) console.log(message.ruleId, message.line, message.reason)
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile, type Compatible} from 'vfile'
import type {Config} from './config.js'
import attributionLint from './preset.js'

export {default as attributionLint} from './preset.js'
export {validateConfig, ruleIds, type Config, type RuleSetting, type Severity} from './config.js'
export {ConfigError, type Fix} from './rule.js'
export {getArticle, Article} from './model/article.js'
export {rules} from '../rules/index.js'

/** The remark processor the CLI and `lint()` share: markdown with frontmatter and GFM, then the preset. */
export function createProcessor(config: Config = {}) {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(attributionLint, config)
}

/** Lint one article (markdown text or a VFile); resolves to the file with its messages. */
export async function lint(input: string | VFile | Compatible, options: Config = {}): Promise<VFile> {
  const file = input instanceof VFile ? input : new VFile(typeof input === 'string' ? {value: input} : input)
  const processor = createProcessor(options)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
