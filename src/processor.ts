/**
 * The remark processors the CLI and `lint()` share: markdown with frontmatter and GFM (with
 * the fixes of ./gfm.ts), the bad-input guard right behind the parser, template and shortcode
 * syntax hidden from the parser (src/model/template-syntax.ts), positions counted in
 * the file's text, then (for `createProcessor`) the preset.
 * The parser is micromark's, made linear in the article's size by `linearEditMap` (see
 * edit-map.ts), with only the GFM constructs each file can hold (see gfm-by-content.ts).
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {Config} from './config.js'
import {linearEditMap} from './edit-map.js'
import {inputGuard, type InputGuardOptions} from './input.js'
import {hideTemplateSyntax} from './model/template-syntax.js'
import {linearAutolinkLiterals, restorePositions} from './gfm.js'
import {autolinkLiteralsWhereTheyCanBe, gfmConstructsByContent} from './gfm-by-content.js'
import attributionLint from './preset.js'

/**
 * micromark skips a byte order mark at the start of a file and counts positions without it;
 * the article model, the messages and the fix count in the file's text, with it.
 */
export function positionsAfterBom() {
  return (tree: Root, file: VFile) => {
    if (String(file.value ?? '').charCodeAt(0) !== 0xfeff) return
    const moved = new Set<object>()
    visit(tree, (node) => {
      for (const point of node.position ? [node.position.start, node.position.end] : []) {
        if (moved.has(point)) continue
        moved.add(point)
        if (point.offset !== undefined) point.offset++
        if (point.line === 1) point.column++
      }
    })
  }
}

/**
 * Parser only (no rules): what unified-engine configures per file with the preset and its
 * options. `fromDisk`: files are read from their path (the CLI), see `inputGuard`.
 */
export function createBaseProcessor(options: InputGuardOptions = {}) {
  linearEditMap()
  return unified()
    .use(remarkParse)
    .use(gfmConstructsByContent)
    .use(hideTemplateSyntax)
    .use(inputGuard, options)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(linearAutolinkLiterals)
    .use(autolinkLiteralsWhereTheyCanBe)
    .use(positionsAfterBom)
    .use(restorePositions)
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
