/**
 * `--report editor`: the pre-publish report an editor reads before an article goes out. Per
 * article: its title, how many findings, then the findings grouped by rule (in the order of
 * the preset), each with its line, the offending excerpt (shortened when long) and the
 * message, which says what is missing and how to fix it. In the article's language: Arabic
 * articles get Arabic headings and messages (see `--locale`).
 *
 *     Before publishing: fixtures/samples/flood-en.md
 *     “Floods cut off villages in northern valley”
 *     6 findings
 *
 *     Quotes with no speaker (unattributed-quote): 1
 *       Line 11: “The bridge is gone and the school is flooded.”
 *         Quote has no speaker: name who said it, or cut the quotation marks
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {articleSummary, type Locale} from '../messages/index.js'
import {ruleIds} from '../config.js'
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'

interface Labels {
  heading: (file: string) => string
  count: (count: number) => string
  clean: string
  lines: (from: number, to: number) => string
  error: string
  quote: (text: string) => string
  groups: Record<string, string>
}

const LABELS: Record<Locale, Labels> = {
  en: {
    heading: (file) => `Before publishing: ${file}`,
    count: (count) => (count === 1 ? '1 finding' : `${count} findings`),
    clean: 'No findings: nothing for attribution-lint to flag before publishing.',
    lines: (from, to) => (from === to ? `Line ${from}` : `Lines ${from}–${to}`),
    error: 'error',
    quote: (text) => (QUOTED.test(text) ? text : `“${text}”`),
    groups: {
      'unattributed-quote': 'Quotes with no speaker',
      'anonymous-source': 'Unnamed sources',
      'vague-attribution': 'Vague sources',
      'unsourced-claim': 'Claims with no source',
      'dangling-outlet': 'Outlets cited without a link, and broken links',
      'promo-block': 'Promo and page clutter inside the story',
      'bad-input': 'The file cannot be linted',
      'config-error': 'Not linted: the configuration that applies to it is broken',
      'internal-error': 'attribution-lint failed',
      'unknown-rule': 'Unknown rule in an attribution-lint comment',
      'ignored-file': 'Ignored file'
    }
  },
  ar: {
    heading: (file) => `قبل النشر: ${file}`,
    count: (count) => `عدد الملاحظات: ${count}`,
    clean: 'لا ملاحظات: لم يرصد attribution-lint ما يستدعي المراجعة قبل النشر.',
    lines: (from, to) => (from === to ? `السطر ${from}` : `الأسطر ${from}–${to}`),
    error: 'خطأ',
    quote: (text) => (QUOTED.test(text) ? text : `«${text}»`),
    groups: {
      'unattributed-quote': 'اقتباسات بلا قائل',
      'anonymous-source': 'مصادر غير مسمّاة',
      'vague-attribution': 'مصادر مبهمة',
      'unsourced-claim': 'معلومات بلا مصدر',
      'dangling-outlet': 'وسائل إعلام بلا رابط إلى تقاريرها، وروابط معطوبة',
      'promo-block': 'مواد ترويجية ودخيلة على متن الخبر',
      'bad-input': 'تتعذّر مراجعة الملف',
      'config-error': 'لم يُراجَع الملف: ملف الإعدادات الذي يسري عليه معطوب',
      'internal-error': 'أخفق attribution-lint في مراجعة الملف',
      'unknown-rule': 'قاعدة غير معروفة في تعليق attribution-lint',
      'ignored-file': 'ملف مستثنى من المراجعة'
    }
  }
}

/** An excerpt that is itself a quotation, in marks of its own: not quoted again. */
const QUOTED = /^["“«„‘'].*["”»“’']$/su

const MAX_EXCERPT = 100
const HEAD = 60
const TAIL = 30

/**
 * The offending text on one line, shortened when long: its start and its end, cut at word
 * boundaries, joined by an ellipsis. The lines of a multi-line span are joined with " / ".
 */
export function excerpt(text: string): string {
  const flat = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join(' / ').replace(/\s+/g, ' ')
  if (flat.length <= MAX_EXCERPT) return flat
  const chars = [...flat]
  if (chars.length <= MAX_EXCERPT) return flat
  let head = chars.slice(0, HEAD).join('')
  let tail = chars.slice(-TAIL).join('')
  const headCut = head.lastIndexOf(' ')
  if (headCut > HEAD / 2) head = head.slice(0, headCut)
  const tailCut = tail.indexOf(' ')
  if (tailCut !== -1 && tailCut < TAIL / 2) tail = tail.slice(tailCut + 1)
  return `${head.replace(/[\s/]+$/u, '')} … ${tail.replace(/^[\s/]+/u, '')}`
}

function endLine(message: Message): number | undefined {
  const place = message.place
  return place && 'end' in place ? place.end.line : message.line ?? undefined
}

function display(file: VFile, cwd: string): string {
  if (!file.path) return '<stdin>'
  const relative = path.relative(cwd, path.resolve(cwd, file.path))
  return relative && !relative.startsWith('..') ? relative : file.path
}

function bold(text: string, color: boolean): string {
  return color ? `\u001B[1m${text}\u001B[22m` : text
}

function fileReport(file: VFile, options: ReporterOptions): string {
  const summary = articleSummary(file)
  const labels = LABELS[summary?.locale ?? 'en']
  const messages = visibleMessages(file, options)
  const out: string[] = [bold(labels.heading(display(file, options.cwd)), options.color)]
  if (summary?.title) out.push(labels.quote(summary.title.replace(/\s+/g, ' ').trim()))
  if (!messages.length) return [...out, labels.clean].join('\n') + '\n'
  out.push(labels.count(messages.length))
  const order = ruleIds()
  const groups = new Map<string, Message[]>()
  for (const message of messages) {
    const id = message.ruleId ?? 'attribution-lint'
    groups.set(id, [...(groups.get(id) ?? []), message])
  }
  const ids = [...groups.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b))
  for (const id of ids) {
    const group = groups.get(id)!
    out.push('', bold(`${labels.groups[id] ?? id} (${id}): ${group.length}`, options.color))
    for (const message of group) {
      const where = message.line ? labels.lines(message.line, endLine(message) ?? message.line) : ''
      const flag = severity(message) === 'error' ? ` [${labels.error}]` : ''
      const text = message.actual ? labels.quote(excerpt(message.actual)) : ''
      out.push(`  ${[where, text].filter(Boolean).join(': ')}${flag}`.trimEnd(), `    ${message.reason}`)
    }
  }
  return out.join('\n') + '\n'
}

function rank(order: string[], id: string): number {
  const index = order.indexOf(id)
  return index === -1 ? order.length : index
}

export function editorReport(files: readonly VFile[], options: ReporterOptions): string {
  return visibleFiles(files, options).map((file) => fileReport(file, options)).join('\n')
}

export const editor: Reporter = {
  name: 'editor',
  description: 'a pre-publish report for editors: findings grouped by rule, with excerpts and fixes, on stdout',
  // On stdout, so that it can be saved or sent on (`> review.txt`): it is the whole output.
  stream: 'stdout',
  format: editorReport,
  open(options) {
    let first = true
    return {
      file(file) {
        if (!visibleFiles([file], options).length) return ''
        const text = (first ? '' : '\n') + fileReport(file, options)
        first = false
        return text
      },
      end: async () => {}
    }
  }
}
