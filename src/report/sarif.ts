/**
 * `--report sarif`: a SARIF 2.1.0 log on stdout, for GitHub code scanning and other SARIF
 * viewers, built with node-sarif-builder and checked against the SARIF schema in
 * tests/reporters.test.ts.
 *
 * - `tool.driver.rules`: every rule of the preset, with its description from its doc comment
 *   (src/docs.ts) and `helpUri` to docs/rules/<id>.md (the `url` of its messages); ids that
 *   are not rules (`bad-input`, `internal-error`, `unknown-rule`, `ignored-file`) get a
 *   descriptor of their own when they occur.
 * - one result per message: level `error`/`warning`/`note`, the reason, and the region with
 *   the offending text as its snippet. Paths are relative to the repository root
 *   (`uriBaseId: %SRCROOT%`); columns are UTF-16 code units (`columnKind`), which is how
 *   the linter counts them.
 */
import {readFileSync} from 'node:fs'
import type {ReportingDescriptor, Result} from 'sarif'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import {ruleIds} from '../config.js'
import {flatten, ruleDoc} from '../docs.js'
import {DOCS_BASE, SOURCE} from '../rule.js'
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'
import {repositoryPath} from './repo.js'

const INFORMATION_URI = 'https://github.com/attribution-lint/attribution-lint'

/** Descriptions of the ids that are not rules. */
const OTHER_IDS: Record<string, string> = {
  'bad-input': 'The file cannot be linted: binary, not UTF-8, empty, a line too long, or unreadable.',
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

export function sarifLog(files: Parameters<Reporter['format']>[0], options: ReporterOptions) {
  const run = new SarifRunBuilder().initSimple({toolDriverName: SOURCE, toolDriverVersion: packageVersion(), url: INFORMATION_URI})
  run.run.columnKind = 'utf16CodeUnits'
  const known = ruleIds()
  for (const id of known) run.addRule(Object.assign(new SarifRuleBuilder(), {rule: ruleDescriptor(id)}))
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

export const sarif: Reporter = {
  name: 'sarif',
  description: 'a SARIF 2.1.0 log on stdout, for code scanning',
  stream: 'stdout',
  format(files, options) {
    return sarifLog(files, options).buildSarifJsonString({indent: true}) + '\n'
  }
}
