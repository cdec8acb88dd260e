/**
 * `--summary`: the number of findings per rule, after whichever report was chosen, on stderr
 * (so that a machine report on stdout stays valid):
 *
 *     Summary: 7 findings (0 errors, 7 warnings) in 2 of 3 files
 *       unattributed-quote  1
 *       anonymous-source    2
 *       unsourced-claim     4
 *
 * Rules in the order of the preset, then other ids (bad-input, …); rules without findings
 * are left out. `--quiet` and `--silent` count what the report shows.
 */
import type {VFile} from 'vfile'
import {ruleIds} from '../config.js'
import {type ReporterOptions, severity, visibleMessages} from './messages.js'

export interface Summary {
  files: number
  filesWithFindings: number
  errors: number
  warnings: number
  infos: number
  perRule: Array<[ruleId: string, count: number]>
}

/** Counts for `--summary`, a file at a time: a run need not keep its files for it. */
export class SummaryCounts {
  private readonly counts = new Map<string, number>()
  private readonly summary: Summary = {files: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, perRule: []}

  constructor(private readonly options: Pick<ReporterOptions, 'silent'>) {}

  add(file: VFile): void {
    const messages = visibleMessages(file, this.options)
    this.summary.files++
    if (messages.length) this.summary.filesWithFindings++
    for (const message of messages) {
      const id = message.ruleId ?? 'attribution-lint'
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1)
      const level = severity(message)
      if (level === 'error') this.summary.errors++
      else if (level === 'warning') this.summary.warnings++
      else this.summary.infos++
    }
  }

  result(): Summary {
    const order = ruleIds()
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length)
    return {...this.summary, perRule: [...this.counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))}
  }

  text(): string {
    return summaryOf(this.result())
  }
}

export function summarize(files: readonly VFile[], options: Pick<ReporterOptions, 'silent'>): Summary {
  const counts = new SummaryCounts(options)
  for (const file of files) counts.add(file)
  return counts.result()
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

export function summaryText(files: readonly VFile[], options: Pick<ReporterOptions, 'silent'>): string {
  return summaryOf(summarize(files, options))
}

function summaryOf(summary: Summary): string {
  const total = summary.errors + summary.warnings + summary.infos
  const kinds = [plural(summary.errors, 'error', 'errors'), plural(summary.warnings, 'warning', 'warnings')]
  if (summary.infos) kinds.push(plural(summary.infos, 'info', 'infos'))
  const head = `Summary: ${plural(total, 'finding', 'findings')} (${kinds.join(', ')}) in ${summary.filesWithFindings} of ${plural(summary.files, 'file', 'files')}`
  const width = Math.max(0, ...summary.perRule.map(([id]) => id.length))
  return [head, ...summary.perRule.map(([id, count]) => `  ${id.padEnd(width)}  ${count}`)].join('\n') + '\n'
}
