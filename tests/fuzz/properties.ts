/**
 * Fuzzing `lint()` and the fix with fast-check: generated articles (random markdown from news
 * building blocks in Arabic and English, unbalanced quotes, huge lines, deep nesting, NUL
 * bytes, lone surrogates) and mutated real articles (the fixtures, cut, spliced and salted).
 *
 * For every input:
 * - `lint()` resolves, or rejects with the `bad-input` message; nothing else is thrown, and no
 *   message is an internal error;
 * - every message position lies inside the file (lines and columns that exist, start ≤ end);
 * - the fix touches only the byte ranges of the messages it applies (the output is the input
 *   with exactly those ranges replaced), each range lies on the lines of its message, and
 *   fixing again changes nothing (idempotent);
 * - the time of each article is recorded (the full run, `npm run fuzz`, fails over 2 s of CPU).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {applyFixes, BAD_INPUT, lint} from '../../src/index.js'

const FIXTURES = fileURLToPath(new URL('../../../fixtures', import.meta.url))

/** Real articles to mutate: the seed, the samples and the rule fixtures. */
export function seedArticles(limit = 400): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.md')) found.push(readFileSync(full, 'utf8'))
    }
  }
  walk(FIXTURES)
  return found.slice(0, limit)
}

const WORDS = [
  'said', 'told', 'according to', 'officials', 'a senior official', 'source', 'experts say', 'Reuters', 'AFP', 'the BBC', 'killed', 'injured',
  'the largest', 'record', '42', '3.5%', '$12 million', 'hundreds', 'dozens', 'Mr.', 'Dr.', 'U.S.', 'on condition of anonymity', 'Read more:',
  'Follow us on', 'Subscribe', 'قال', 'وقالت', 'أضاف', 'وفقا لـ', 'بحسب', 'نقلا عن', 'مصدر', 'مسؤول', 'دبلوماسي', 'يرى خبراء', 'وكالة رويترز',
  'قتيلا', 'مصابا', 'أكبر', '٤٢', '١٢٪', 'مليون دولار', 'مئات', 'عشرات', 'د.', 'اقرأ أيضا', 'تابعونا', 'الْمُتَحَدِّثُ', 'ـــــ', 'لـ', 'وبحسب'
]
const MARKS = ['"', '“', '”', '«', '»', '„', '‘', '’', "'", '(', ')', '[', ']', '*', '_', '`', '<', '>', '|', '#', '!', '؟', '،', '؛', '.', ':', '-', '\\']
const ODD = ['\0', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFFFD', '\uFEFF', '\u200B', '\u200F', '\u202E', '\r\n', '\r', '\t', '\u00A0', '\u2028', '\u0301', 'ﷺ', '😀']

const word = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom(...WORDS)},
  {weight: 2, arbitrary: fc.constantFrom(...MARKS)},
  {weight: 1, arbitrary: fc.constantFrom(...ODD)},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 8})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 4})}
)
const sentence = fc.array(word, {maxLength: 24}).map((words) => words.join(' '))
const quote = fc.tuple(fc.constantFrom(['“', '”'], ['"', '"'], ['«', '»'], ['„', '“'], ['‘', '’'], ['«', ''], ['', '”'], ['"', '']), sentence, sentence).map(
  ([[open, close], inside, after]) => `${open}${inside}${close} ${after}`
)
const link = fc.tuple(sentence, fc.constantFrom('https://example.org/a', 'http://x.y/(z', '<https://a.b>', '[ref]', '', 'javascript:x')).map(([text, url]) => (url.startsWith('[') ? `[${text}]${url}` : `[${text}](${url})`))
const inline = fc.oneof({weight: 4, arbitrary: sentence}, {weight: 2, arbitrary: quote}, {weight: 1, arbitrary: link})
const paragraph = fc.array(inline, {minLength: 1, maxLength: 5}).map((parts) => parts.join(' '))

/** Nesting deep enough to find stack-hungry recursion, small enough for the bounded slice. */
function nested(maxDepth: number) {
  return fc.tuple(fc.constantFrom('> ', '- ', '  - ', '1. ', '* ', '[', '*', '_', '**', '«', '“', '('), fc.integer({min: 1, max: maxDepth}), paragraph).map(
    ([prefix, depth, text]) => (prefix.endsWith(' ') ? (prefix.startsWith(' ') ? ' '.repeat(depth * 2) + '- ' : prefix.repeat(depth)) + text : prefix.repeat(depth) + text)
  )
}

function hugeLine(maxLength: number) {
  return fc.tuple(fc.constantFrom('word ', '"', '«', 'قال ', '[', 'ا', '# ', '42 '), fc.integer({min: 1, max: maxLength})).map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
}

function block(scale: {depth: number; line: number}) {
  return fc.oneof(
    {weight: 8, arbitrary: paragraph},
    {weight: 2, arbitrary: paragraph.map((text) => `${'#'.repeat(1 + (text.length % 6))} ${text}`)},
    {weight: 2, arbitrary: fc.array(paragraph, {minLength: 1, maxLength: 4}).map((items) => items.map((item) => `- ${item}`).join('\n'))},
    {weight: 1, arbitrary: paragraph.map((text) => `> ${text}`)},
    {weight: 1, arbitrary: fc.array(paragraph, {minLength: 2, maxLength: 4}).map((lines) => lines.join('\\\n'))},
    {weight: 1, arbitrary: fc.array(paragraph, {minLength: 2, maxLength: 3}).map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |`)},
    {weight: 1, arbitrary: paragraph.map((text) => '```\n' + text + '\n```')},
    {weight: 1, arbitrary: fc.constantFrom('<!-- attribution-lint disable -->', '<!-- attribution-lint enable anonymous-source -->', '<!-- attribution-lint ignore nope -->', '## Sources', '## المصادر', '---', '[ref]: https://example.org', '[^1]: A note', '<div>', '')},
    {weight: 1, arbitrary: nested(scale.depth)},
    {weight: 1, arbitrary: hugeLine(scale.line)}
  )
}

const frontmatter = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('ar', 'en', 'fr', 'xx', ''), sentence).map(([lang, title]) => `---\nlang: ${lang}\ntitle: ${JSON.stringify(title)}\n---\n\n`),
  fc.constantFrom('---\n: bad: yaml: [\n---\n\n', '---\ntitle\n', '---\n---\n')
)

/** A generated article: frontmatter, then blocks. */
export function generatedArticle(scale = {depth: 200, line: 20_000, blocks: 30}) {
  return fc.tuple(frontmatter, fc.array(block(scale), {maxLength: scale.blocks}), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n')).map(([front, blocks, separator]) => front + blocks.join(separator))
}

/** A real article, mutated: slices cut, duplicated or moved, and odd characters put in. */
export function mutatedArticle(seeds: readonly string[]) {
  const edit = fc.tuple(fc.nat(), fc.nat({max: 400}), fc.oneof(word, quote, fc.constantFrom('\n', '\n\n', '> ', '- ', '#', '\0', '\uD800')), fc.constantFrom('insert', 'delete', 'duplicate', 'replace'))
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, {minLength: 1, maxLength: 12})).map(([seed, edits]) => {
    let text = seed
    for (const [at, length, piece, kind] of edits) {
      const start = text.length ? at % text.length : 0
      const end = Math.min(text.length, start + length)
      if (kind === 'insert') text = text.slice(0, start) + piece + text.slice(start)
      else if (kind === 'delete') text = text.slice(0, start) + text.slice(end)
      else if (kind === 'duplicate') text = text.slice(0, end) + text.slice(start, end) + text.slice(end)
      else text = text.slice(0, start) + piece + text.slice(end)
    }
    return text
  })
}

export function anyArticle(seeds: readonly string[], scale?: {depth: number; line: number; blocks: number}) {
  return fc.oneof(generatedArticle(scale), mutatedArticle(seeds))
}

export class FuzzFailure extends Error {
  override name = 'FuzzFailure'
}

/** Where each line starts: markdown ends a line at \r\n, \r or \n. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return starts
}

/** Check every message position of a linted file against its text. */
function checkPositions(file: VFile, text: string): void {
  const starts = lineStarts(text)
  const lineLength = (line: number) => {
    if (line >= starts.length) return text.length - starts[line - 1]
    const next = starts[line]
    return next - starts[line - 1] - (text.slice(next - 2, next) === '\r\n' ? 2 : 1)
  }
  for (const message of file.messages) {
    if (message.ruleId === 'internal-error' || (message.fatal === true && message.ruleId !== BAD_INPUT)) {
      throw new FuzzFailure(`internal error: ${message.reason}`)
    }
    if (message.cause instanceof Error) throw new FuzzFailure(`a rule crashed: ${message.cause.stack ?? message.cause.message}`)
    const place = message.place
    if (!place) continue
    const points = 'start' in place ? [place.start, place.end] : [place]
    for (const point of points) {
      if (!Number.isInteger(point.line) || point.line < 1 || point.line > starts.length) throw new FuzzFailure(`${message.ruleId}: line ${point.line} outside 1–${starts.length}`)
      if (!Number.isInteger(point.column) || point.column < 1 || point.column > lineLength(point.line) + 1) {
        throw new FuzzFailure(`${message.ruleId}: ${point.line}:${point.column} outside the line (length ${lineLength(point.line)})`)
      }
      if (point.offset !== undefined && (point.offset < 0 || point.offset > text.length)) throw new FuzzFailure(`${message.ruleId}: offset ${point.offset} outside 0–${text.length}`)
    }
    if ('start' in place && (place.end.line < place.start.line || (place.end.line === place.start.line && place.end.column < place.start.column))) {
      throw new FuzzFailure(`${message.ruleId}: end ${place.end.line}:${place.end.column} before start ${place.start.line}:${place.start.column}`)
    }
  }
}

interface Fix {
  start: number
  end: number
  text: string
}

/** The fix changes exactly the ranges of the messages it applied, each on its message's lines. */
function checkFix(text: string, file: VFile): string {
  const {output, applied} = applyFixes(text, file.messages)
  let rebuilt = ''
  let at = 0
  for (const message of applied) {
    const fix = (message as unknown as {fix: Fix}).fix
    if (fix.start < at) throw new FuzzFailure(`applied fixes overlap at ${fix.start}`)
    const place = message.place
    if (!place || !('start' in place)) throw new FuzzFailure(`${message.ruleId}: a fix on a message without a span`)
    // The range may take the line break and blank lines around the message's lines, nothing more.
    // (Lines of the text as fixes see them, ended by \n; a lone \r is no line break here.)
    if (place.start.offset === undefined || place.end.offset === undefined) throw new FuzzFailure(`${message.ruleId}: a fix on a span without offsets`)
    const first = text.lastIndexOf('\n', place.start.offset - 1) + 1
    const lineBreak = text.indexOf('\n', Math.max(place.start.offset, place.end.offset - 1))
    const lastLineEnd = lineBreak === -1 ? text.length : lineBreak + 1
    const before = text.slice(fix.start, first)
    const after = text.slice(lastLineEnd, fix.end)
    if ((fix.start < first && before.trim()) || (fix.end > lastLineEnd && after.trim())) {
      throw new FuzzFailure(`${message.ruleId}: fix ${fix.start}–${fix.end} reaches beyond lines ${place.start.line}–${place.end.line}`)
    }
    rebuilt += text.slice(at, fix.start) + fix.text
    at = fix.end
  }
  rebuilt += text.slice(at)
  if (rebuilt !== output) throw new FuzzFailure('the fixed text differs from the input with the applied ranges replaced')
  return output
}

export interface CheckResult {
  /** Wall-clock and CPU (user + system) milliseconds of `lint()`. */
  ms: number
  cpuMs: number
  badInput: boolean
  messages: number
  fixes: number
}

/** Run every property on one input; throws a FuzzFailure (or the unexpected error) on a violation. */
export async function checkArticle(text: string): Promise<CheckResult> {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const elapsed = () => {
    const cpu = process.cpuUsage(cpuStarted)
    return {ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000}
  }
  let file: VFile
  try {
    file = await lint(text)
  } catch (error) {
    if ((error as {ruleId?: string}).ruleId === BAD_INPUT) return {...elapsed(), badInput: true, messages: 1, fixes: 0}
    throw error
  }
  const time = elapsed()
  checkPositions(file, text)
  const fixedText = checkFix(text, file)
  let fixes = 0
  if (fixedText !== text) {
    // lint(x, {fix: true}) starts with the pass applyFixes made (fixing x is fixing that pass's
    // text: the passes go on until nothing is left to fix), then fixing again changes nothing.
    const fixed = await lint(text, {fix: true})
    fixes = fixed.data.fixesApplied ?? 0
    const value = String(fixed.value)
    if (fixes > 0 && value !== fixedText && String((await lint(fixedText, {fix: true})).value) !== value) {
      throw new FuzzFailure('lint(x, {fix: true}) does not continue from the pass applyFixes made')
    }
    if (fixes > 0) {
      checkPositions(fixed, value)
      const again = await lint(value, {fix: true})
      if (String(again.value) !== value) throw new FuzzFailure('the fix is not idempotent: fixing the fixed text changed it again')
    }
  }
  return {...time, badInput: false, messages: file.messages.length, fixes}
}
