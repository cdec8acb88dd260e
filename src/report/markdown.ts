/**
 * `--report markdown`: every finding as GitHub-flavoured Markdown, for a GitHub Actions job
 * summary (`$GITHUB_STEP_SUMMARY`, which the Action writes) or a pull-request comment.
 * GitHub shows only 10 warning annotations of a step on the pull request; the summary lists
 * them all:
 *
 * - a heading with the totals, then a table of findings per rule (rules in the preset's
 *   order, each linked to its documentation);
 * - one section per file with findings: a table of line, severity, rule and message, the
 *   offending text quoted, each line linked to the file on GitHub at the commit checked out
 *   (`GITHUB_SERVER_URL`/`GITHUB_REPOSITORY`/`GITHUB_SHA`; without them, links relative to
 *   the repository root).
 *
 * Messages and excerpts go in as text: `|`, `<`, `>` and `&` are escaped and line breaks
 * become spaces, so a table cell stays one cell; Arabic and every other script are left as
 * they are. A summary is limited to 1 MiB: past about 900 KB the rest of the findings are
 * counted, not listed.
 */
import type {VFile} from 'vfile'
import {ruleIds} from '../config.js'
import {DOCS_BASE} from '../rule.js'
import {excerpt} from './editor.js'
import type {Reporter, ReportWriter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'
import {repositoryPath} from './repo.js'
import {Spool} from './spool.js'
import {SummaryCounts} from './summary.js'

/** GitHub takes 1 MiB of summary per step; the head and the notice of what was left out fit in the rest. */
const MAX_LISTED_BYTES = 900 * 1024

/** Text for a table cell: one line, nothing read as table or HTML syntax. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

/** Where a file's lines are on GitHub, or its path from the repository root without the environment that says. */
function fileLink(relative: string): string {
  const encoded = relative.split('/').map((segment) => encodeURIComponent(segment)).join('/')
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = process.env
  if (relative.startsWith('/') || !server || !repository || !sha) return encoded
  return `${server}/${repository}/blob/${sha}/${encoded}`
}

function lineAnchor(message: Message): string {
  const place = message.place
  const end = place && 'end' in place ? place.end.line : undefined
  if (!message.line) return ''
  return end && end !== message.line ? `#L${message.line}-L${end}` : `#L${message.line}`
}

function position(message: Message): string {
  if (!message.line) return '–'
  const place = message.place
  const end = place && 'end' in place ? place.end : undefined
  const start = message.column ? `${message.line}:${message.column}` : `${message.line}`
  return end?.line && end.line !== message.line ? `${start}–${end.line}` : start
}

const SEVERITY = {error: '🔴 error', warning: '🟡 warning', info: 'ℹ️ info'} as const

function ruleLink(id: string): string {
  return ruleIds().includes(id) ? `[\`${id}\`](${DOCS_BASE}${id}.md)` : `\`${id}\``
}

/** The section of one file: its heading and a row per finding. */
function fileSection(file: VFile, options: ReporterOptions): string {
  const messages = visibleMessages(file, options)
  if (!messages.length) return ''
  const relative = repositoryPath(file.path, options.cwd) ?? '<stdin>'
  const link = relative === '<stdin>' ? undefined : fileLink(relative)
  const heading = link ? `### [${cell(relative)}](${link})` : `### ${cell(relative)}`
  const rows = messages.map((message) => {
    const where = link && message.line ? `[${position(message)}](${link}${lineAnchor(message)})` : position(message)
    const shown = message.actual ? cell(excerpt(message.actual)) : ''
    // An excerpt that is a quotation in marks of its own is not quoted again.
    const quoted = !shown ? '' : /^["“«„‘'].*["”»“’']$/su.test(shown) ? ` ${shown}` : ` «${shown}»`
    return `| ${where} | ${SEVERITY[severity(message)]} | ${ruleLink(message.ruleId ?? 'attribution-lint')} | ${cell(message.reason)}${quoted} |`
  })
  return [heading, '', '| Line | Severity | Rule | Finding |', '| --- | --- | --- | --- |', ...rows, '', ''].join('\n')
}

function head(counts: SummaryCounts): string {
  const summary = counts.result()
  const total = summary.errors + summary.warnings + summary.infos
  if (!total) return `## attribution-lint: no findings\n\n${summary.files} ${summary.files === 1 ? 'file' : 'files'} linted.\n\n`
  const kinds = [`${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}`, `${summary.warnings} ${summary.warnings === 1 ? 'warning' : 'warnings'}`]
  if (summary.infos) kinds.push(`${summary.infos} ${summary.infos === 1 ? 'info' : 'infos'}`)
  const lines = [
    `## attribution-lint: ${total} ${total === 1 ? 'finding' : 'findings'} (${kinds.join(', ')}) in ${summary.filesWithFindings} of ${summary.files} ${summary.files === 1 ? 'file' : 'files'}`,
    '',
    '| Rule | Findings |',
    '| --- | ---: |',
    ...summary.perRule.map(([id, count]) => `| ${ruleLink(id)} | ${count} |`),
    '',
    ''
  ]
  return lines.join('\n')
}

/** What the summary counts and lists, a file at a time: `listed` says whether the section fits. */
function collector(options: ReporterOptions, listedBytes: () => number) {
  const counts = new SummaryCounts(options)
  let unlisted = 0
  return {
    add(file: VFile): string {
      if (!visibleFiles([file], options).length) return ''
      counts.add(file)
      const section = fileSection(file, options)
      if (!section) return ''
      if (listedBytes() + Buffer.byteLength(section) <= MAX_LISTED_BYTES) return section
      unlisted += visibleMessages(file, options).length
      return ''
    },
    head: () => head(counts),
    tail: () => (unlisted ? `… and ${unlisted} more ${unlisted === 1 ? 'finding' : 'findings'} in further files, not listed: a job summary holds at most 1 MiB.\n` : '')
  }
}

function openMarkdown(options: ReporterOptions): ReportWriter {
  const spool = new Spool()
  const parts = collector(options, () => spool.size)
  return {
    file(file) {
      const section = parts.add(file)
      if (section) spool.append(section)
      return ''
    },
    async end(write) {
      try {
        await write(parts.head())
        for (const chunk of spool.chunks()) await write(chunk)
        await write(parts.tail())
      } finally {
        spool.close()
      }
    }
  }
}

export const markdown: Reporter = {
  name: 'markdown',
  description: 'every finding as Markdown tables (for a GitHub job summary), on stdout',
  stream: 'stdout',
  format(files, options) {
    let listed = 0
    const parts = collector(options, () => listed)
    let sections = ''
    for (const file of files) {
      const section = parts.add(file)
      sections += section
      listed += Buffer.byteLength(section)
    }
    return parts.head() + sections + parts.tail()
  },
  open: openMarkdown
}
