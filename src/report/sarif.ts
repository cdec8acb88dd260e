/**
 * `--report sarif`: a SARIF 2.1.0 log on stdout, for GitHub code scanning and other SARIF
 * viewers, built with node-sarif-builder and checked against the SARIF schema in
 * tests/reporters.test.ts.
 *
 * - `tool.driver.rules`: every rule of the preset, with its description from its doc comment
 *   (src/docs.ts) and `helpUri` to docs/rules/<id>.md (the `url` of its messages); ids that
 *   are not rules (`bad-input`, `config-error`, `internal-error`, `unknown-rule`, `ignored-file`) get a
 *   descriptor of their own when they occur.
 * - one result per message: level `error`/`warning`/`note`, the reason, and the region with
 *   the offending text as its snippet. Paths are relative to the repository root
 *   (`uriBaseId: %SRCROOT%`); columns are UTF-16 code units (`columnKind`), which is how
 *   the linter counts them.
 *
 * `format` builds the log with node-sarif-builder. `open`, the CLI's streaming form, prints the
 * same bytes without holding the files: the rules come before the results in the log, and
 * which ids that are not rules occur (each gets a descriptor) is known only at the end, so
 * each result is serialized as the library would (indent, `ruleIndex`, artifact `index`) into
 * a spool (src/report/spool.ts) as its file is linted, and the log is printed around them at
 * the end. tests/reporters-stream.test.ts compares the two.
 */
import {readFileSync} from 'node:fs'
import type {ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import {EXTENSIONS_LANGUAGES} from 'node-sarif-builder/dist/lib/languages.js'
import {ruleIds} from '../config.js'
import {flatten, ruleDoc} from '../docs.js'
import {DOCS_BASE, SOURCE} from '../rule.js'
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'
import {repositoryPath} from './repo.js'
import {Spool} from './spool.js'

const INFORMATION_URI = 'https://github.com/attribution-lint/attribution-lint'

/** Descriptions of the ids that are not rules. */
const OTHER_IDS: Record<string, string> = {
  'bad-input': 'The file cannot be linted: binary, not UTF-8, empty, a line too long, or unreadable.',
  'config-error': 'The file was not linted: the configuration file that applies to it is broken or cannot be read.',
  'internal-error': 'attribution-lint failed on this file.',
  'unknown-rule': 'An attribution-lint comment names a rule that does not exist.',
  'ignored-file': 'The file was given but is ignored, so it was not linted.'
}

function packageVersion(): string {
  const file = new URL('../../../package.json', import.meta.url)
  return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version
}

/** The first sentence of a paragraph, for a short description. */
function firstSentence(text: string): string {
  const match = /^.*?[.:](?=\s|$)/.exec(text)
  return (match ? match[0].replace(/:$/, '.') : text).trim()
}

function ruleDescriptor(id: string): ReportingDescriptor {
  const doc = ruleDoc(id)
  const summary = flatten(doc.summary)
  const why = doc.paragraphs.find((paragraph) => paragraph.startsWith('Why:'))
  const builder = new SarifRuleBuilder().initSimple({
    ruleId: id,
    shortDescriptionText: firstSentence(summary),
    fullDescriptionText: summary,
    helpUri: DOCS_BASE + id + '.md'
  })
  const rule = builder.rule
  rule.help = {text: [summary, why ? flatten(why) : ''].filter(Boolean).join(' '), markdown: `${summary}\n\n[Documentation of \`${id}\`](${DOCS_BASE}${id}.md)`}
  rule.defaultConfiguration = {level: 'warning'}
  return rule
}

function otherDescriptor(id: string): ReportingDescriptor {
  const text = OTHER_IDS[id] ?? `Message \`${id}\` of attribution-lint.`
  return {id, shortDescription: {text}, fullDescription: {text}, defaultConfiguration: {level: 'error'}}
}

const LEVEL = {error: 'error', warning: 'warning', info: 'note'} as const

function uri(relative: string): string {
  return relative.split('/').map((segment) => encodeURIComponent(segment)).join('/')
}

function result(message: Message, relative: string | undefined): Result {
  const place = message.place
  const end = place && 'end' in place ? place.end : undefined
  const builder = new SarifResultBuilder().initSimple({
    level: LEVEL[severity(message)],
    messageText: message.reason,
    ruleId: message.ruleId ?? SOURCE,
    fileUri: relative === undefined ? undefined : uri(relative),
    startLine: message.line ?? undefined,
    startColumn: message.column ?? undefined,
    endLine: end?.line ?? undefined,
    endColumn: end?.column ?? undefined
  })
  const sarifResult = builder.result
  const physical = sarifResult.locations?.[0]?.physicalLocation
  if (physical?.artifactLocation) physical.artifactLocation.uriBaseId = '%SRCROOT%'
  if (physical?.region && message.actual) physical.region.snippet = {text: message.actual}
  return sarifResult
}

function runWithRules(known: readonly string[]): SarifRunBuilder {
  const run = new SarifRunBuilder().initSimple({toolDriverName: SOURCE, toolDriverVersion: packageVersion(), url: INFORMATION_URI})
  run.run.columnKind = 'utf16CodeUnits'
  for (const id of known) run.addRule(Object.assign(new SarifRuleBuilder(), {rule: ruleDescriptor(id)}))
  return run
}

export function sarifLog(files: Parameters<Reporter['format']>[0], options: ReporterOptions) {
  const known = ruleIds()
  const run = runWithRules(known)
  const others = new Set<string>()
  const results: Result[] = []
  for (const file of visibleFiles(files, options)) {
    const relative = repositoryPath(file.path, options.cwd)
    for (const message of visibleMessages(file, options)) {
      const id = message.ruleId ?? SOURCE
      if (!known.includes(id) && !others.has(id)) {
        others.add(id)
        run.addRule(Object.assign(new SarifRuleBuilder(), {rule: otherDescriptor(id)}))
      }
      results.push(result(message, relative))
    }
  }
  for (const sarifResult of results) run.addResult(Object.assign(new SarifResultBuilder(), {result: sarifResult}))
  run.run.results = run.run.results ?? []
  const log = new SarifBuilder({$schema: 'https://json.schemastore.org/sarif-2.1.0.json'} as never)
  log.addRun(run)
  return log
}

const INVALID = 'SARIF_BUILDER_INVALID'
const RESULTS = '@@attribution-lint-results@@'
const ARTIFACTS = '@@attribution-lint-artifacts@@'

/**
 * A JSON array as `JSON.stringify(…, null, 2)` prints it with its `]` at the indent `closing`,
 * from its items, already indented, each after `[` or `,` and a newline.
 */
async function printArray(write: (text: string) => Promise<void>, items: Iterable<string>, closing: string): Promise<void> {
  let empty = true
  for (const item of items) {
    await write(item)
    empty = false
  }
  await write(empty ? '[]' : '\n' + closing + ']')
}

function indent(text: string, prefix: string): string {
  return prefix + text.split('\n').join('\n' + prefix)
}

function openSarif(options: ReporterOptions) {
  const known = ruleIds()
  const others: string[] = []
  const ruleIndex = new Map(known.map((id, index) => [id, index]))
  const artifacts = new Map<string, number>()
  // The results, each after `[` or `,` and a newline, as printed.
  const spool = new Spool()
  // Results sit at this depth of the log: runs[0].results[i] (checked against the frame at the end).
  const itemIndent = ' '.repeat(8)
  return {
    file(file: VFile): string {
      if (!visibleFiles([file], options).length) return ''
      const relative = repositoryPath(file.path, options.cwd)
      for (const message of visibleMessages(file, options)) {
        const id = message.ruleId ?? SOURCE
        if (!ruleIndex.has(id)) {
          ruleIndex.set(id, known.length + others.length)
          others.push(id)
        }
        const sarifResult = result(message, relative)
        // What SarifBuilder#completeRunFields adds: the rule's index, the artifact's index.
        const location = sarifResult.locations?.[0]?.physicalLocation?.artifactLocation
        if (location?.uri !== undefined) {
          let at = artifacts.get(location.uri)
          if (at === undefined) artifacts.set(location.uri, (at = artifacts.size))
          location.index = at
        }
        sarifResult.ruleIndex = ruleIndex.get(id)
        const text = JSON.stringify(sarifResult, null, 2)
        if (text.includes(INVALID)) throw new Error('Your SARIF log is invalid, please solve SARIF_BUILDER_INVALID messages')
        spool.append((spool.size ? ',\n' : '[\n') + indent(text, itemIndent))
      }
      return ''
    },
    async end(write: (text: string) => Promise<void>): Promise<void> {
      try {
        const run = runWithRules(known)
        for (const id of others) run.addRule(Object.assign(new SarifRuleBuilder(), {rule: otherDescriptor(id)}))
        Object.assign(run.run, {results: RESULTS, artifacts: ARTIFACTS})
        const log = new SarifBuilder({$schema: 'https://json.schemastore.org/sarif-2.1.0.json'} as never)
        log.addRun(run)
        const frame = JSON.stringify(log.log, null, 2)
        if (frame.includes(INVALID)) throw new Error('Your SARIF log is invalid, please solve SARIF_BUILDER_INVALID messages')
        const resultsAt = frame.indexOf(JSON.stringify(RESULTS))
        const artifactsAt = frame.indexOf(JSON.stringify(ARTIFACTS))
        // The indent of the line that holds a placeholder: where its array's `]` goes.
        const closing = (at: number) => /^ */.exec(frame.slice(frame.lastIndexOf('\n', at) + 1, at))![0]
        if (closing(resultsAt) + '  ' !== itemIndent) throw new Error('SARIF: results are not where the streaming report puts them')
        await write(frame.slice(0, resultsAt))
        await printArray(write, spool.chunks(), closing(resultsAt))
        await write(frame.slice(resultsAt + JSON.stringify(RESULTS).length, artifactsAt))
        const artifactIndent = closing(artifactsAt) + '  '
        await printArray(write, (function* () {
          let first = true
          for (const uri of artifacts.keys()) {
            const lastDot = uri.lastIndexOf('.')
            const extension = lastDot === -1 ? '' : uri.slice(lastDot + 1)
            const language = (EXTENSIONS_LANGUAGES as Record<string, string>)[extension] || 'unknown'
            yield (first ? '[\n' : ',\n') + indent(JSON.stringify({sourceLanguage: language, location: {uri}}, null, 2), artifactIndent)
            first = false
          }
        })(), closing(artifactsAt))
        await write(frame.slice(artifactsAt + JSON.stringify(ARTIFACTS).length) + '\n')
      } finally {
        spool.close()
      }
    }
  }
}

export const sarif: Reporter = {
  name: 'sarif',
  description: 'a SARIF 2.1.0 log on stdout, for code scanning',
  stream: 'stdout',
  format(files, options) {
    return sarifLog(files, options).buildSarifJsonString({indent: true}) + '\n'
  },
  open: openSarif
}
