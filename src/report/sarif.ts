/**
 * `--report sarif`: a SARIF 2.1.0 log on stdout, for GitHub code scanning and other SARIF
 * viewers, built with node-sarif-builder and checked against the OASIS SARIF 2.1.0 schema in
 * tests/integrations.test.ts (and by hand with Microsoft's SARIF Multitool and GitHub's rules).
 *
 * - `tool.driver.rules`: every rule of the preset, with its description from its doc comment
 *   (src/docs.ts), `help` (text and markdown) and `helpUri` to docs/rules/<id>.md (the `url`
 *   of its messages), and `properties` that code scanning reads (`precision`,
 *   `problem.severity`, `tags`); ids that are not rules (`bad-input`, `config-error`,
 *   `internal-error`, `unknown-rule`, `ignored-file`) get a descriptor of their own, with help
 *   that points to the README section about them, when they occur.
 * - one result per message: level `error`/`warning`/`note`, the reason, and the region with
 *   the offending text as its snippet; a message about a whole file (a config error, an
 *   ignored file) is placed on line 1, where code scanning shows it. Paths are relative to the
 *   repository root (`uriBaseId: %SRCROOT%`, with `originalUriBaseIds` saying where that is);
 *   columns are UTF-16 code units (`columnKind`), which is how the linter counts them.
 * - `partialFingerprints.primaryLocationLineHash` as GitHub's upload action computes it
 *   (src/report/fingerprint.ts), so a log uploaded through the REST API keeps its alerts
 *   matched across runs instead of opening them again.
 * - at most 25,000 results in the run, GitHub's limit per run: beyond it the results are left
 *   out and the run says so in a tool notification (`invocations[0]`).
 *
 * `format` builds the log with node-sarif-builder. `open`, the CLI's streaming form, prints the
 * same bytes without holding the files: the rules come before the results in the log, and
 * which ids that are not rules occur (each gets a descriptor) is known only at the end, so
 * each result is serialized as the library would (indent, `ruleIndex`, artifact `index`) into
 * a spool (src/report/spool.ts) as its file is linted, and the log is printed around them at
 * the end. tests/cli-stream.test.ts compares the two.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Invocation, ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import {EXTENSIONS_LANGUAGES} from 'node-sarif-builder/dist/lib/languages.js'
import {ruleIds} from '../config.js'
import {flatten, ruleDoc} from '../docs.js'
import {DOCS_BASE, SOURCE} from '../rule.js'
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'
import {lineHashes} from './fingerprint.js'
import {repositoryPath, repositoryRoot} from './repo.js'
import {Spool} from './spool.js'

const INFORMATION_URI = 'https://github.com/attribution-lint/attribution-lint'

/** GitHub code scanning takes at most this many results in one run. */
export const MAX_RESULTS = 25_000

/** The ids that are not rules: what they say, what to do, and the README section about them. */
const OTHER_IDS: Record<string, {text: string; help: string; anchor: string}> = {
  'bad-input': {
    text: 'The file cannot be linted: binary, not UTF-8, empty, a line too long, or unreadable.',
    help: 'Save the article as UTF-8 markdown text, break up overlong lines or paragraphs, or fix the permission or path the message names; every other file is still linted.',
    anchor: 'bad-input'
  },
  'config-error': {
    text: 'The file was not linted: the configuration file that applies to it is broken or cannot be read.',
    help: 'Fix the configuration file the message names (.attributionrc, .attributionrc.json, .attributionrc.yaml or the "attribution-lint" field of package.json); the articles it applies to are linted again once it loads.',
    anchor: 'configuration'
  },
  'internal-error': {
    text: 'attribution-lint failed on this file.',
    help: 'This is a bug in attribution-lint, not in the article: run again with DEBUG=attribution-lint for the stack and report it with the file.',
    anchor: 'exit-codes'
  },
  'unknown-rule': {
    text: 'An attribution-lint comment names a rule that does not exist.',
    help: 'Correct the rule id in the `<!-- attribution-lint disable|enable|ignore … -->` comment; the message lists the known rules.',
    anchor: 'inline-control'
  },
  'ignored-file': {
    text: 'The file was given but is ignored, so it was not linted.',
    help: 'The file is listed in .attributionignore or matched by --ignore-pattern. Pass --silently-ignore to say nothing about ignored files (as the pre-commit hook does), or remove it from the ignore list to lint it.',
    anchor: 'configuration'
  }
}

/**
 * How far code scanning can trust each rule's findings (`precision`, which orders alerts) and
 * what to file them under (`tags`). Precision is measured on the labelled dev sets
 * (/work/shared/eval: dev/attrib and dev/attrib2 together, 55 real articles, 2026-12-07):
 * anonymous-source 0.79, dangling-outlet 0.94, promo-block 0.98, unattributed-quote 0.42,
 * unsourced-claim 0.58, vague-attribution 0.82; very-high from 0.95, high from 0.75, medium
 * from 0.5, else low. A rule not listed here is `medium`.
 */
const RULE_PROPERTIES: Record<string, {precision: 'very-high' | 'high' | 'medium' | 'low'; tags: string[]}> = {
  'anonymous-source': {precision: 'high', tags: ['editorial', 'attribution', 'anonymous-sources']},
  'dangling-outlet': {precision: 'high', tags: ['editorial', 'sourcing', 'links']},
  'promo-block': {precision: 'very-high', tags: ['editorial', 'clutter']},
  'unattributed-quote': {precision: 'low', tags: ['editorial', 'attribution', 'quotes']},
  'unsourced-claim': {precision: 'medium', tags: ['editorial', 'sourcing', 'claims']},
  'vague-attribution': {precision: 'high', tags: ['editorial', 'attribution']}
}

const README = INFORMATION_URI + '#'

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
  const {precision, tags} = RULE_PROPERTIES[id] ?? {precision: 'medium', tags: ['editorial']}
  rule.properties = {precision, 'problem.severity': 'warning', tags}
  return rule
}

function otherDescriptor(id: string): ReportingDescriptor {
  const other = OTHER_IDS[id] ?? {text: `Message \`${id}\` of attribution-lint.`, help: 'See the README of attribution-lint.', anchor: 'exit-codes'}
  const level = id === 'unknown-rule' || id === 'ignored-file' ? 'warning' : 'error'
  return {
    id,
    shortDescription: {text: other.text},
    fullDescription: {text: other.text},
    help: {text: `${other.text} ${other.help}`, markdown: `${other.text}\n\n${other.help}\n\n[More in the README](${README}${other.anchor})`},
    helpUri: README + other.anchor,
    defaultConfiguration: {level},
    properties: {precision: 'very-high', 'problem.severity': level, tags: ['attribution-lint']}
  }
}

const LEVEL = {error: 'error', warning: 'warning', info: 'note'} as const

/** A path from the repository root as a relative URI (each segment percent-encoded), or an absolute file URI for a file outside it. */
function uri(relative: string): string {
  if (relative.startsWith('/') || path.isAbsolute(relative)) return pathToFileURL(relative).href
  return relative.split('/').map((segment) => encodeURIComponent(segment)).join('/')
}

/**
 * The text of a file as code scanning's upload action reads it (for the fingerprints): the
 * text linted, or, when it was not kept (a file that was not linted), the file on disk, if
 * it is a readable file of reasonable size.
 */
function fileText(file: VFile, cwd: string): string | undefined {
  if (typeof file.value === 'string' && file.value !== '') return file.value
  if (file.value instanceof Uint8Array && file.value.length) return new TextDecoder().decode(file.value)
  if (!file.path) return undefined
  try {
    const absolute = path.resolve(cwd, file.path)
    const stats = statSync(absolute)
    return stats.isFile() && stats.size <= 16 * 1024 * 1024 ? readFileSync(absolute, 'utf8') : undefined
  } catch {
    return undefined
  }
}

/** The SARIF results of a file, each with its fingerprint (when the file can be read). */
function fileResults(file: VFile, options: ReporterOptions): Result[] {
  const relative = repositoryPath(file.path, options.cwd)
  const messages = visibleMessages(file, options)
  if (!messages.length) return []
  const hashes = relative === undefined ? new Map<number, string>() : lineHashes(fileText(file, options.cwd) ?? '', messages.map((message) => message.line || 1))
  return messages.map((message) => result(message, relative, hashes.get(message.line || 1)))
}

function result(message: Message, relative: string | undefined, lineHash: string | undefined): Result {
  const place = message.place
  const end = place && 'end' in place ? place.end : undefined
  const builder = new SarifResultBuilder().initSimple({
    level: LEVEL[severity(message)],
    messageText: message.reason,
    ruleId: message.ruleId ?? SOURCE,
    fileUri: relative === undefined ? undefined : uri(relative),
    // A message about the whole file sits on line 1: code scanning needs a region to show it.
    startLine: message.line || (relative === undefined ? undefined : 1),
    startColumn: message.column ?? undefined,
    endLine: end?.line ?? undefined,
    endColumn: end?.column ?? undefined
  })
  const sarifResult = builder.result
  const physical = sarifResult.locations?.[0]?.physicalLocation
  if (physical?.artifactLocation && relative !== undefined && !uri(relative).startsWith('file:')) physical.artifactLocation.uriBaseId = '%SRCROOT%'
  if (physical?.region && message.actual) physical.region.snippet = {text: message.actual}
  if (lineHash) sarifResult.partialFingerprints = {primaryLocationLineHash: lineHash}
  return sarifResult
}

/** The run's invocation when results were left out: a notification that says how many. */
function cappedInvocation(total: number): Invocation[] | undefined {
  if (total <= MAX_RESULTS) return undefined
  return [{
    executionSuccessful: true,
    toolExecutionNotifications: [{
      level: 'warning',
      descriptor: {id: 'results-capped'},
      message: {text: cappedText(total)}
    }]
  }]
}

function cappedText(total: number): string {
  return `${total - MAX_RESULTS} of ${total} results were left out: GitHub code scanning takes at most ${MAX_RESULTS} results in one run. Lint fewer files per run (say one folder per job), or only changed lines with --changed-since.`
}

function runWithRules(known: readonly string[], cwd: string): SarifRunBuilder {
  const run = new SarifRunBuilder().initSimple({toolDriverName: SOURCE, toolDriverVersion: packageVersion(), url: INFORMATION_URI})
  run.run.columnKind = 'utf16CodeUnits'
  const root = pathToFileURL(repositoryRoot(cwd)).href
  run.run.originalUriBaseIds = {'%SRCROOT%': {uri: root.endsWith('/') ? root : root + '/'}}
  for (const id of known) run.addRule(Object.assign(new SarifRuleBuilder(), {rule: ruleDescriptor(id)}))
  return run
}

export function sarifLog(files: Parameters<Reporter['format']>[0], options: ReporterOptions) {
  const known = ruleIds()
  const run = runWithRules(known, options.cwd)
  const others = new Set<string>()
  const results: Result[] = []
  let total = 0
  for (const file of visibleFiles(files, options)) {
    for (const sarifResult of fileResults(file, options)) {
      total++
      if (total > MAX_RESULTS) continue
      const id = sarifResult.ruleId!
      if (!known.includes(id) && !others.has(id)) {
        others.add(id)
        run.addRule(Object.assign(new SarifRuleBuilder(), {rule: otherDescriptor(id)}))
      }
      results.push(sarifResult)
    }
  }
  for (const sarifResult of results) run.addResult(Object.assign(new SarifResultBuilder(), {result: sarifResult}))
  run.run.results = run.run.results ?? []
  const invocations = cappedInvocation(total)
  if (invocations) run.run.invocations = invocations
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
  let total = 0
  // Results sit at this depth of the log: runs[0].results[i] (checked against the frame at the end).
  const itemIndent = ' '.repeat(8)
  return {
    file(file: VFile): string {
      if (!visibleFiles([file], options).length) return ''
      for (const sarifResult of fileResults(file, options)) {
        total++
        if (total > MAX_RESULTS) continue
        const id = sarifResult.ruleId!
        if (!ruleIndex.has(id)) {
          ruleIndex.set(id, known.length + others.length)
          others.push(id)
        }
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
        const run = runWithRules(known, options.cwd)
        for (const id of others) run.addRule(Object.assign(new SarifRuleBuilder(), {rule: otherDescriptor(id)}))
        Object.assign(run.run, {results: RESULTS})
        const invocations = cappedInvocation(total)
        if (invocations) run.run.invocations = invocations
        Object.assign(run.run, {artifacts: ARTIFACTS})
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
