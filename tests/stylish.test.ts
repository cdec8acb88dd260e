/**
 * The stylish report lays out most files itself instead of asking vfile-reporter (whose
 * string-width scan of every cell cost a third of a run): these tests hold it to
 * vfile-reporter's bytes, for every character of its width table and for random reports.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {reporter as vfileReporter} from 'vfile-reporter'
import type {ReporterOptions} from '../src/report/index.js'
import {fastReport, knownWidth, stylish} from '../src/report/stylish.js'

const OFF: ReporterOptions = {color: false, quiet: false, silent: false, verbose: false, cwd: '/'}

/** vfile-reporter's report of one file, as stylish prints a file alone (its totals line included). */
function reference(file: VFile, options: ReporterOptions): string {
  const text = vfileReporter([file], {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose})
  return text && !text.endsWith('\n') ? text + '\n' : text
}

interface Spec {
  reason: string
  line: number
  column: number
  fatal: boolean | null
  ruleId: string
  source: string
  note?: string
  url?: string
}

function fileWith(specs: Spec[], name = 'articles/story.md'): VFile {
  const file = new VFile({path: name})
  for (const spec of specs) {
    const message = file.message(spec.reason, {place: {line: spec.line, column: spec.column}, ruleId: spec.ruleId || undefined, source: spec.source || undefined})
    message.fatal = spec.fatal
    if (spec.note) message.note = spec.note
    if (spec.url) message.url = spec.url
  }
  return file
}

test('every character of the width table has the width string-width gives it: alone, after a letter, after an Arabic letter, before a letter', () => {
  let known = 0
  for (let code = 0; code < 0x3000; code++) {
    const char = String.fromCharCode(code)
    if (knownWidth(char) < 0) continue
    known++
    for (const reason of [char, 'a' + char, 'ب' + char, char + 'x', char + char + 'ـ']) {
      // A second message with a wide reason and one with a narrow one: the padding shows the width.
      const file = fileWith([
        {reason, line: 1, column: 1, fatal: false, ruleId: 'r', source: 's'},
        {reason: 'xx', line: 2, column: 1, fatal: false, ruleId: 'rule', source: 's'}
      ])
      assert.notEqual(fastReport(file, OFF, {bold: '', normalIntensity: '', underline: '', noUnderline: '', red: '', yellow: '', green: '', defaultColor: ''}), undefined)
      assert.equal(stylish.format([file], OFF), reference(file, OFF), `U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(reason)}`)
    }
  }
  // ASCII, Latin-1 letters, the Arabic block's letters, digits, punctuation and marks, dashes and quotes.
  assert.ok(known > 95 + 64 + 200, `${known} characters in the table`)
})

test('widths: Arabic letters one column, marks none after a letter, unknown characters (emoji, CJK, joiners, controls) left to string-width', () => {
  assert.equal(knownWidth('قال مصدر'), 8)
  assert.equal(knownWidth('قَالَ'), 3)
  assert.equal(knownWidth('«تاس»، 62 قتيلا'), 15)
  assert.equal(knownWidth('\u064Eب'), 2)
  for (const text of ['😀', '中文', 'a\u200Db', 'a\tb', '\u0600', 'e\u0301']) assert.equal(knownWidth(text), -1, JSON.stringify(text))
})

const alphabet = fc.constantFrom(
  ...'abc XYZ 019 `` ` ’“”—…«»،؛؟ـ',
  ...'قال مصدر إن الهجوم',
  '\u064E', '\u0650', '\u0651', '\u0670', '\u06D6',
  'é', 'ñ', '×',
  '😀', '中', '\u200D', '\u200C', '\t', '\u0301', '\u0600', '\u00AD', '\u00A0', '\n', '\r\n'
)

const spec: fc.Arbitrary<Spec> = fc.record({
  // (A reason ending in white space or a line break leaves vfile-reporter's report with a blank last line, which a stream of files cannot keep.)
  reason: fc.array(alphabet, {maxLength: 30}).map((chars) => chars.join('').replace(/\s+$/, '')),
  line: fc.integer({min: 0, max: 120}),
  column: fc.integer({min: 0, max: 120}),
  fatal: fc.constantFrom(true, false, null),
  ruleId: fc.constantFrom('', 'anonymous-source', 'unsourced-claim', 'قاعدة'),
  source: fc.constantFrom('', 'attribution-lint', 'remark-lint'),
  note: fc.option(fc.constantFrom('a note', 'سطر\nوسطر'), {nil: undefined}),
  url: fc.option(fc.constant('https://example.org/rule'), {nil: undefined})
})

test('random reports: stylish prints what vfile-reporter prints for each file, whatever the options', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(spec, {maxLength: 6}), {minLength: 1, maxLength: 4}),
      fc.record({color: fc.boolean(), quiet: fc.boolean(), silent: fc.boolean(), verbose: fc.boolean()}),
      (files, flags) => {
        const options = {...OFF, ...flags}
        for (const [k, specs] of files.entries()) {
          const file = fileWith(specs, `dir/file-${k}.md`)
          assert.equal(stylish.format([file], options), reference(file, options))
        }
      }
    ),
    {numRuns: 400}
  )
})
