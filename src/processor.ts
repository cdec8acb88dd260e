/**
 * The remark processors the CLI and `lint()` share: markdown with frontmatter and GFM (with
 * the fixes of ./gfm.ts), the bad-input guard right behind the parser, then (for
 * `createProcessor`) the preset.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {Config} from './config.js'
import {inputGuard, type InputGuardOptions} from './input.js'
import {linearAutolinkLiterals, restorePositions} from './gfm.js'
import attributionLint from './preset.js'

/**
 * Parser only (no rules): what unified-engine configures per file with the preset and its
 * options. `fromDisk`: files are read from their path (the CLI), see `inputGuard`.
 */
export function createBaseProcessor(options: InputGuardOptions = {}) {
  return unified().use(remarkParse).use(inputGuard, options).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(linearAutolinkLiterals).use(restorePositions)
}

/** The processor with the preset: markdown with frontmatter and GFM, then every rule. */
export function createProcessor(config: Config = {}) {
  return createBaseProcessor().use(attributionLint, config)
}

/** What `lintWith` needs of a processor. */
export interface LintProcessor {
  parse(file: VFile): Root
  run(tree: Root, file: VFile): Promise<unknown>
}

/** Lint one file with a processor: parse (bad input throws its `bad-input` message), then run the rules. */
export async function lintWith(processor: LintProcessor, file: VFile): Promise<VFile> {
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
