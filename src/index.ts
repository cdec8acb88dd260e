/**
 * Public API: lint an article from a CMS hook or an editor's tool.
 *
 *     import {lint} from 'attribution-lint'
 *     const file = await lint(markdown, {lang: 'ar'})
 *     for (const message of file.messages) console.log(message.ruleId, message.line, message.reason)
 *
 *     const fixed = await lint(markdown, {fix: true})
 *     String(fixed)            // the article with every fix applied (promo runs removed, …)
 *     fixed.data.fixesApplied  // how many fixes were applied
 *     fixed.messages           // what remains, with positions in the fixed text
 *
 * Bad input (binary, invalid UTF-8, empty or whitespace-only, a line over 1,000,000
 * characters) is not linted: `lint()` rejects with the fatal message the CLI prints for it
 * (a VFileMessage, `ruleId: 'bad-input'`).
 */
import {VFile, type Compatible} from 'vfile'
import type {Config} from './config.js'
import {applyFixes, MAX_FIX_PASSES} from './fix.js'
import {composeEdits, type TextEdit} from './fix-edits.js'
import {BAD_INPUT} from './input.js'
import {createProcessor, lintWith, type LintProcessor} from './processor.js'

export {default as attributionLint} from './preset.js'
export {validateConfig, ruleIds, ruleSettings, type Config, type RuleSetting, type Severity} from './config.js'
export {ConfigError, DOCS_BASE, SOURCE, type Fix} from './rule.js'
export {ruleDoc, type RuleDoc} from './docs.js'
export {getArticle, Article} from './model/article.js'
export {rules} from '../rules/index.js'
export {createProcessor, createBaseProcessor} from './processor.js'
export {applyFixes, MAX_FIX_PASSES, type FixResult} from './fix.js'
export {composeEdits, type TextEdit} from './fix-edits.js'
export {BAD_INPUT, MAX_LINE, firstInvalidUtf8} from './input.js'

export interface LintOptions extends Config {
  /**
   * Apply the fixes that rules declare (text edits on the original source; nothing else
   * changes). The file `lint()` resolves to then holds the fixed text as its value, the
   * number of fixes applied in `file.data.fixesApplied`, and the messages that remain, as
   * found by linting the fixed text again (so their positions are in the fixed text). Fixes
   * that would leave no article (an empty or whitespace-only text) are not applied.
   */
  fix?: boolean
}

declare module 'vfile' {
  interface DataMap {
    /** Number of fixes `lint(…, {fix: true})` applied. */
    fixesApplied: number
    /**
     * What `lint(…, {fix: true})` changed, as edits of the text it was given (offsets in
     * UTF-16 code units of that text, sorted, disjoint): applied to it, they give the fixed
     * text. Empty when nothing was fixed.
     */
    fixEdits: TextEdit[]
  }
}

function toVFile(input: string | VFile | Compatible): VFile {
  if (input instanceof VFile) return input
  return new VFile(typeof input === 'string' || input instanceof Uint8Array ? {value: input} : input)
}

/**
 * Lint with a given processor, applying fixes when asked: the engine under `lint()`, also
 * used by tests that add a rule of their own.
 */
export async function lintFile(processor: LintProcessor, input: string | VFile | Compatible, fix = false): Promise<VFile> {
  let file = await lintWith(processor, toVFile(input))
  if (!fix) return file
  // Removing one run can change how the lines around it read, so fixes are applied until
  // none is left (a few passes at most): a second --fix then finds nothing to do.
  let applied = 0
  let edits: TextEdit[] = []
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const source = String(file.value)
    const result = applyFixes(source, file.messages)
    if (result.output === source) break
    const fixed = new VFile({path: file.path, cwd: file.cwd, value: result.output})
    try {
      await lintWith(processor, fixed)
    } catch (error) {
      // The fixes would leave text that is not an article (say, nothing at all): keep what we have.
      if ((error as {ruleId?: string}).ruleId !== BAD_INPUT) throw error
      break
    }
    applied += result.applied.length
    edits = composeEdits(edits, result.applied.map((message) => (message as unknown as {fix: TextEdit}).fix), result.output)
    file = fixed
  }
  file.data.fixesApplied = applied
  file.data.fixEdits = edits
  return file
}

/** Lint one article (markdown text, bytes or a VFile); resolves to the file with its messages. */
export async function lint(input: string | VFile | Compatible, options: LintOptions = {}): Promise<VFile> {
  const {fix, ...config} = options
  return lintFile(createProcessor(config), input, fix === true)
}
