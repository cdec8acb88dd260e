/**
 * Bad input: files that are not a markdown article we can lint. Each is refused with one
 * fatal message (`ruleId: 'bad-input'`) before it is parsed, so such a file never reaches
 * the article model: the CLI reports it and goes on with the other files (exit code 2 at
 * the end), the API rejects with the same message.
 *
 * - a binary file (a NUL byte in the first 8 KB; a UTF-16 file is named as such);
 * - invalid UTF-8 (checked with a fatal TextDecoder on the file's bytes);
 * - an empty or whitespace-only file;
 * - a line longer than MAX_LINE characters (checked in one linear pass);
 * - markdown that remark-parse takes quadratic time or more on, and no article has: a line
 *   nested more than MAX_NESTING quotes or lists deep, or indented more than MAX_INDENT
 *   columns (4,000 nested `>` take seconds, 8,000 overflow the stack; 800 lines indented one
 *   level more each take half a minute); a paragraph with more than MAX_BRACKETS `[` (40,000
 *   `[a](` take minutes) or MAX_EMPHASIS_MARKS `*`, `_` and `~` (80,000 take half a minute),
 *   or a run of more than MAX_MARK_RUN of one of them (8,000 `*` around a word: 16 s); a
 *   paragraph inside a block quote, list or footnote longer than MAX_CONTAINER_PARAGRAPH_LINES
 *   (see `containerParagraphProblem`: 10,000 lazy lines after `> a` take seconds);
 * - an unreadable file (permissions, a folder where a file was named): see `unreadable()`.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

type VFileMessage = ReturnType<VFile['message']>
import {SOURCE} from './rule.js'

export const BAD_INPUT = 'bad-input'
export const BAD_INPUT_URL = 'https://github.com/attribution-lint/attribution-lint#bad-input'
/** The longest line we lint; a longer one is data, not an article. */
export const MAX_LINE = 1_000_000
/** The deepest nesting of block quotes and lists we lint (articles use a handful of levels). */
export const MAX_NESTING = 100
/** The deepest indentation we lint, in columns (tabs count 4). */
export const MAX_INDENT = 200
/** The most `[` in one paragraph we lint (a link has one; tens of thousands are data or an attack). */
export const MAX_BRACKETS = 10_000
/** The most emphasis marks (`*`, `_`, `~`) in one paragraph we lint. */
export const MAX_EMPHASIS_MARKS = 10_000
/** The longest run of one emphasis mark we lint (a rule of asterisks is a few dozen). */
export const MAX_MARK_RUN = 1_000
/** The most lines of one paragraph inside a block quote, list or footnote we lint (articles: a dozen or two). */
export const MAX_CONTAINER_PARAGRAPH_LINES = 1_000
/** How far to look for a NUL byte, as git and grep do. */
const BINARY_WINDOW = 8192

export interface InputProblem {
  reason: string
  /** 1-based line and column of the problem, when it has one. */
  line?: number
  column?: number
}

/** Where the raw bytes of a file are kept when the CLI read them itself (stdin). */
const RAW = 'attributionLintRaw'

/** Keep a file's raw bytes beside its decoded text, for the UTF-8 check. */
export function setRawBytes(file: VFile, bytes: Uint8Array): void {
  ;(file.data as Record<string, unknown>)[RAW] = bytes
}

function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return {line, column: offset - start + 1}
}

/** Offset of the first byte that does not belong to well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let code = b & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

const fatalDecoder = new TextDecoder('utf-8', {fatal: true})

/** Problems visible in the bytes: UTF-16, binary, invalid UTF-8. */
export function inspectBytes(bytes: Uint8Array): InputProblem | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {reason: 'This file is UTF-16 text; attribution-lint reads UTF-8 only: save the file as UTF-8', line: 1, column: 1}
  }
  const window = bytes.subarray(0, BINARY_WINDOW)
  const nul = window.indexOf(0)
  if (nul !== -1) {
    let line = 1
    for (let i = 0; i < nul; i++) if (window[i] === 10) line++
    return {reason: `This looks like a binary file (a NUL byte on line ${line}), not a markdown article: lint text files only, or list it in .attributionignore`, line}
  }
  try {
    fatalDecoder.decode(bytes)
    return undefined
  } catch {
    const at = firstInvalidUtf8(bytes)
    const offset = at === -1 ? 0 : at
    let lineStart = 0
    let line = 1
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 10) {
        line++
        lineStart = i + 1
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1
    return {reason: `Invalid UTF-8 at byte ${offset} (line ${line}): attribution-lint reads UTF-8 only; save the file as UTF-8`, line, column}
  }
}

/** Problems visible in the text: NUL (binary), empty, whitespace only, a line too long. */
export function inspectText(text: string): InputProblem | undefined {
  const nul = text.slice(0, BINARY_WINDOW).indexOf('\0')
  if (nul !== -1) {
    const {line, column} = lineAndColumn(text, nul)
    return {reason: `This looks like a binary file (a NUL byte on line ${line}), not a markdown article: lint text files only, or list it in .attributionignore`, line, column}
  }
  if (text.length === 0) return {reason: 'The file is empty: there is no article to lint; write the article, or leave the file out', line: 1, column: 1}
  if (/^\s*$/u.test(text)) return {reason: 'The file holds only whitespace: there is no article to lint; write the article, or leave the file out', line: 1, column: 1}
  let line = 1
  let start = 0
  const paragraph: ParagraphCounts = {brackets: 0, marks: 0}
  for (;;) {
    const end = text.indexOf('\n', start)
    const length = (end === -1 ? text.length : end) - start
    // A line of spaces and tabs only, however long, is a blank line (WordPress exports pad
    // paragraphs with hundreds of spaces): it ends the paragraph and is never too long or too indented.
    if (isBlankLine(text, start, end === -1 ? text.length : end)) {
      paragraph.brackets = paragraph.marks = 0
    } else if (length > MAX_LINE) {
      return {reason: `Line ${line} is ${length.toLocaleString('en')} characters long (the limit is ${MAX_LINE.toLocaleString('en')}): this is not an article in markdown; break it into paragraphs, or list the file in .attributionignore`, line, column: 1}
    } else {
      const problem = inspectLine(text, start, end === -1 ? text.length : end, line, paragraph)
      if (problem) return problem
    }
    if (end === -1) break
    start = end + 1
    line++
  }
  return containerParagraphProblem(text)
}

/** Whether the line `text[start, end)` holds only spaces, tabs and a CR (or nothing). */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9 && code !== 13) return false
  }
  return true
}

interface ParagraphCounts {
  brackets: number
  marks: number
}

const NOT_AN_ARTICLE = 'this is not an article in markdown; list the file in .attributionignore'

/** Markdown on the line `text[start, end)` that remark-parse would take too long on; `paragraph` counts across lines. */
function inspectLine(text: string, start: number, end: number, line: number, paragraph: ParagraphCounts): InputProblem | undefined {
  const {depth, indent} = nestingAt(text, start, end)
  if (depth > MAX_NESTING) {
    return {reason: `Line ${line} is nested ${depth.toLocaleString('en')} block quotes or lists deep (the limit is ${MAX_NESTING}): ${NOT_AN_ARTICLE}`, line, column: 1}
  }
  if (indent > MAX_INDENT) {
    return {reason: `Line ${line} is indented ${indent.toLocaleString('en')} columns (the limit is ${MAX_INDENT}): ${NOT_AN_ARTICLE}`, line, column: 1}
  }
  let blank = true
  let run = 0
  let runMark = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9 && code !== 13) blank = false
    if (code === 91 /* [ */) paragraph.brackets++
    if (code === 42 || code === 95 || code === 126 /* * _ ~ */) {
      paragraph.marks++
      run = code === runMark ? run + 1 : 1
      runMark = code
      if (run > MAX_MARK_RUN) return {reason: `Line ${line} has a run of more than ${MAX_MARK_RUN.toLocaleString('en')} \`${String.fromCharCode(code)}\`: ${NOT_AN_ARTICLE}`, line, column: i - start + 1}
    } else {
      run = 0
    }
  }
  if (paragraph.brackets > MAX_BRACKETS) {
    return {reason: `The paragraph ending on line ${line} has more than ${MAX_BRACKETS.toLocaleString('en')} \`[\`: ${NOT_AN_ARTICLE}`, line, column: 1}
  }
  if (paragraph.marks > MAX_EMPHASIS_MARKS) {
    return {reason: `The paragraph ending on line ${line} has more than ${MAX_EMPHASIS_MARKS.toLocaleString('en')} emphasis marks (\`*\`, \`_\`, \`~\`): ${NOT_AN_ARTICLE}`, line, column: 1}
  }
  // A blank line ends the paragraph: counts start again.
  if (blank) paragraph.brackets = paragraph.marks = 0
  return undefined
}

/** How many block quotes and list items open at the start of the line `text[start, end)`, and how far it is indented. */
function nestingAt(text: string, start: number, end: number): {depth: number; indent: number} {
  let depth = 0
  let indent = 0
  let i = start
  while (i < end) {
    const code = text.charCodeAt(i)
    if (code === 32 || code === 9) {
      indent += code === 9 ? 4 : 1
      i++
    } else if (code === 62 /* > */) {
      depth++
      i++
    } else if ((code === 45 || code === 42 || code === 43) /* - * + */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      depth++
      i += 2
    } else if (code >= 48 && code <= 57) {
      // An ordered list marker: up to nine digits, then . or ), then a space.
      let k = i
      while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++
      const after = text.charCodeAt(k)
      if ((after !== 46 && after !== 41) || (text.charCodeAt(k + 1) !== 32 && text.charCodeAt(k + 1) !== 9)) break
      depth++
      i = k + 2
    } else {
      break
    }
  }
  // Markers followed by nothing but white space (`>` and 300 spaces): a blank line in its
  // container, whose spaces indent nothing.
  return {depth, indent: i === end ? 0 : indent}
}

/**
 * A paragraph inside a block quote, list item or footnote longer than
 * MAX_CONTAINER_PARAGRAPH_LINES. On each lazy line (one without the `>` or indentation of its
 * container: `> a` then `b`), micromark scans back over the events of the whole paragraph, so a
 * paragraph of lazy lines costs the square of its lines (10,000: seconds; 40,000: half a minute).
 * The count is per run of non-blank lines, from the first line that opens a container (or from
 * the first line, indented, when a container was opened before: a list item goes on after a
 * blank line). Every line counts but a new list item, which starts a new paragraph; a blank line,
 * or one of `>` only, ends the paragraph. So the count is never below the lazy lines of the
 * paragraph (quoted and indented lines count too), and the scans stay within the square of the
 * limit. Lines end at LF, CR or CRLF, as micromark's do.
 */
function containerParagraphProblem(text: string): InputProblem | undefined {
  let line = 0
  let lines = 0
  let firstLine = 0
  let counting = false
  let runStart = true
  let openerSeen = false
  for (let start = 0; start <= text.length; ) {
    let end = start
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
    line++
    const kind = containerLineKind(text, start, end)
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1)
    if (kind === 'blank') {
      counting = false
      runStart = true
      lines = firstLine = 0
      continue
    }
    if (!counting) counting = kind === 'item' || kind === 'marked' || (runStart && kind === 'indented' && openerSeen)
    if (kind === 'item' || kind === 'marked') openerSeen = true
    runStart = false
    if (!counting) continue
    if (kind === 'item') {
      lines = 0
      firstLine = line
      continue
    }
    if (firstLine === 0) firstLine = line
    if (++lines > MAX_CONTAINER_PARAGRAPH_LINES) {
      return {reason: `Lines ${firstLine.toLocaleString('en')} to ${line.toLocaleString('en')} are one paragraph in a block quote, list or footnote, more than ${MAX_CONTAINER_PARAGRAPH_LINES.toLocaleString('en')} lines long (lines without their \`>\` or indentation make the parser slow there): break it into paragraphs with blank lines, or list the file in .attributionignore`, line, column: 1}
    }
  }
  return undefined
}

/**
 * What the line `text[start, end)` is to `containerParagraphProblem`: blank (whitespace, or `>`
 * and whitespace: it ends the paragraph), the first line of a list item that starts a new
 * paragraph wherever it is (a bullet, or a `1.`, with text, at most 3 columns in; any number at
 * the margin), marked (other lines behind `>`, list or footnote markers), indented, or plain.
 */
function containerLineKind(text: string, start: number, end: number): 'blank' | 'item' | 'marked' | 'indented' | 'plain' {
  let i = start
  let quotes = 0
  let quotesAlign = true
  for (;;) {
    // Columns of white space before the next marker; after a `>`, the first is part of the marker.
    let lead = 0
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
      lead += text.charCodeAt(i) === 9 ? 4 : 1
      i++
    }
    const inset = quotes > 0 ? Math.max(lead - 1, 0) : lead
    if (i === end) return quotes === 0 || quotesAlign ? 'blank' : 'marked'
    const code = text.charCodeAt(i)
    if (code === 62 /* > */) {
      if (inset > 3) quotesAlign = false
      quotes++
      i++
      continue
    }
    let marker = 0
    if ((code === 45 || code === 42 || code === 43) /* - * + */ && isSpace(text.charCodeAt(i + 1))) {
      marker = 1
    } else if (code >= 48 && code <= 57) {
      let k = i
      while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++
      const after = text.charCodeAt(k)
      if ((after === 46 || after === 41) /* . ) */ && isSpace(text.charCodeAt(k + 1))) marker = k + 1 - i
    } else if (code === 91 && text.charCodeAt(i + 1) === 94 /* [^ */) {
      return 'marked'
    }
    if (marker === 0) return quotes > 0 ? 'marked' : lead > 0 ? 'indented' : 'plain'
    let content = i + marker
    while (content < end && isSpace(text.charCodeAt(content))) content++
    // A bullet with text, or an ordered item numbered 1, interrupts a paragraph; any item at the
    // margin outside a quote continues no open container, so it starts a new one. Behind a `>`
    // indented 4 columns or more, which is text and not a quote, nothing starts.
    const interrupts = marker === 1 || (marker === 2 && code === 49) || (quotes === 0 && lead <= 1)
    return content < end && quotesAlign && inset <= 3 && interrupts ? 'item' : 'marked'
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9
}

/** Raw bytes of a file, when we have them or (for files the CLI read) can read them again from disk. */
function rawBytes(file: VFile, fromDisk: boolean): Uint8Array | undefined {
  const kept = (file.data as Record<string, unknown>)[RAW]
  if (kept instanceof Uint8Array) return kept
  if (file.value instanceof Uint8Array) return file.value
  if (!fromDisk || !file.path) return undefined
  try {
    return readFileSync(path.resolve(file.cwd, file.path))
  } catch {
    return undefined
  }
}

/**
 * What is wrong with a file as input, if anything. `fromDisk`: the text was decoded from the
 * file at `file.path` (as unified-engine does), so its bytes may be read again to check them.
 */
export function inspectFile(file: VFile, text: string = String(file.value ?? ''), fromDisk = false): InputProblem | undefined {
  // Decoding replaced bad bytes by U+FFFD, and a UTF-16 file has NULs: only then look at the
  // bytes (a file may also hold a real U+FFFD, which is fine).
  const suspicious = file.value instanceof Uint8Array || text.slice(0, BINARY_WINDOW).includes('\0') || text.includes('\uFFFD')
  if (suspicious) {
    const bytes = rawBytes(file, fromDisk)
    const problem = bytes && inspectBytes(bytes)
    if (problem) return problem
  }
  return inspectText(text)
}

/** A fatal `bad-input` message on the file. */
export function badInputMessage(file: VFile, problem: InputProblem): VFileMessage {
  const message = file.message(problem.reason, {
    place: problem.line ? {line: problem.line, column: problem.column ?? 1} : undefined,
    ruleId: BAD_INPUT,
    source: SOURCE
  })
  message.fatal = true
  message.url = BAD_INPUT_URL
  return message
}

/** Throw the `bad-input` message if the file is not lintable input. */
export function assertLintable(file: VFile, text?: string, fromDisk = false): void {
  const problem = inspectFile(file, text, fromDisk)
  if (problem) throw badInputMessage(file, problem)
}

export interface InputGuardOptions {
  /** The files were read from disk by path (the CLI): their bytes may be read again to check UTF-8. */
  fromDisk?: boolean
}

/**
 * unified plugin, used right after remark-parse: refuse bad input before it is parsed.
 * The parser throws the fatal message, so nothing downstream ever sees the file.
 */
export function inputGuard(this: Processor, options: InputGuardOptions = {}) {
  const parse = this.parser
  if (!parse) throw new Error('inputGuard must be used after a parser (remark-parse)')
  const fromDisk = options.fromDisk === true
  this.parser = (document, file) => {
    assertLintable(file, document, fromDisk)
    return parse(document, file)
  }
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied; check the file\'s permissions',
  EPERM: 'operation not permitted; check the file\'s permissions',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file; check the path',
  ELOOP: 'too many symbolic links (a link loop?); check the path',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files; lint fewer files at once'
}

/** The reason for a file that cannot be read, from the error of the read. */
export function unreadableReason(error: {code?: string; message?: string}): string {
  const why = (error.code && READ_ERRORS[error.code]) ?? error.message ?? 'unknown error'
  return `Cannot read the file: ${why}${error.code ? ` (${error.code})` : ''}`
}
