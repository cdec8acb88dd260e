/**
 * Command-line flags, parsed with node:util parseArgs. The names and meanings are remark-cli's
 * where remark-cli has the flag; ours (`--fix`, `--dry-run`, `--stdin-filename`) are added.
 */
import {parseArgs} from 'node:util'
import {reporterNames} from '../report/index.js'
import {defaultJobs} from './jobs.js'
import {parseShard, type Shard} from './shard.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

export interface CliOptions {
  files: string[]
  help: boolean
  version: boolean
  rcPath?: string
  ignorePath?: string
  ignorePathResolveFrom: 'dir' | 'cwd'
  ignorePatterns: string[]
  config: boolean
  ignore: boolean
  silentlyIgnore: boolean
  extensions: string[]
  stdinFilename?: string
  report: string
  frail: boolean
  /** Exit with 1 when the run has more warnings than this (ESLint's --max-warnings); undefined: no limit. */
  maxWarnings?: number
  quiet: boolean
  silent: boolean
  verbose: boolean
  color?: boolean
  watch: boolean
  fix: boolean
  dryRun: boolean
  /** Language of messages: ar, en or auto (the article's); undefined: the config's, else auto. */
  locale?: 'ar' | 'en' | 'auto'
  /** Also print the number of findings per rule. */
  summary: boolean
  /** Only messages on lines changed since this git ref (see src/cli/changed.ts). */
  changedSince?: string
  /** Print the documentation of this rule and exit. */
  explain?: string
  /** Worker threads for the files of a run (src/cli/jobs.ts); default: the number of cores. */
  jobs: number
  /** `--shard i/n`: lint only the i-th of n parts of the files (src/cli/shard.ts). */
  shard?: Shard
  /** `--cache`: reuse the results of unchanged articles (src/cli/cache.ts). */
  cache: boolean
  /** `--cache-location`: the cache file, or a folder for it. */
  cacheLocation?: string
}

const OPTIONS = {
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
  'rc-path': {type: 'string', short: 'r'},
  'ignore-path': {type: 'string', short: 'i'},
  'ignore-path-resolve-from': {type: 'string'},
  'ignore-pattern': {type: 'string', multiple: true},
  'no-config': {type: 'boolean'},
  'no-ignore': {type: 'boolean'},
  'silently-ignore': {type: 'boolean'},
  ext: {type: 'string', short: 'e', multiple: true},
  'stdin-filename': {type: 'string'},
  'file-path': {type: 'string'},
  report: {type: 'string'},
  frail: {type: 'boolean', short: 'f'},
  'max-warnings': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  silent: {type: 'boolean', short: 'S'},
  verbose: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  watch: {type: 'boolean', short: 'w'},
  fix: {type: 'boolean'},
  'dry-run': {type: 'boolean'},
  locale: {type: 'string'},
  summary: {type: 'boolean'},
  'changed-since': {type: 'string'},
  explain: {type: 'string'},
  jobs: {type: 'string', short: 'j'},
  shard: {type: 'string'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'}
} as const

export const USAGE = 'Usage: attribution-lint [options] [path | glob ...]'

export function helpText(version: string): string {
  return `${USAGE}

Lint news articles in markdown (Arabic and English) for unattributed quotes, anonymous and
vague sources, unsourced claims, unlinked outlets and promo junk. Version ${version}.

Files, folders and globs are linted (in folders: *.md and *.markdown); with no path,
the article is read from stdin.

Options:
  -h  --help                         output usage information
  -v  --version                      output version number
  -r  --rc-path <path>               use this configuration file, do not look for others
  -i  --ignore-path <path>           use this ignore file, do not look for .attributionignore
      --ignore-path-resolve-from dir|cwd
                                     resolve patterns in --ignore-path from its folder or the cwd
      --ignore-pattern <globs>       also ignore these paths (comma-separated globs)
      --no-config                    do not look for configuration files
      --no-ignore                    do not look for .attributionignore files
      --silently-ignore              say nothing about a given file that is ignored
  -e  --ext <extensions>             extensions to look for in folders (default: md,markdown)
      --stdin-filename <path>        path of the article read from stdin, for its config and the
                                     report (remark-cli's --file-path is accepted too)
      --report <name>                report format: ${reporterNames().join(', ')} (default: stylish)
  -f  --frail                        exit with 1 on warnings too
      --max-warnings <n>             exit with 1 when the run has more than n warnings
                                     (ESLint's flag: a gate for archives with known findings)
  -q  --quiet                        leave out files without messages
  -S  --silent                       errors only
      --verbose                      show notes and rule URLs in the report
      --color, --no-color            colour the report, or not (default: when stderr is a terminal)
  -w  --watch                        lint again when a file changes (Ctrl-C to stop)
      --fix                          apply the fixes rules declare, writing changed files in place
      --dry-run                      with --fix: print a unified diff of the fixes, write nothing
      --locale ar|en|auto            language of the messages (default auto: Arabic for Arabic
                                     articles, English otherwise; config key \`locale\`)
      --summary                      also print the number of findings per rule (on stderr)
      --changed-since <git-ref>      only report lines changed since the merge base with <ref>,
                                     committed or not (for pull requests); skip unchanged files
      --explain <rule-id>            print a rule's documentation and exit
  -j  --jobs <n>                     lint files on n threads (default: the number of cores);
                                     the report is the same for every n
      --cache                        reuse the findings of articles unchanged since the last
                                     run (same bytes, config, lexicons and linter version)
      --cache-location <path>        the cache file, or a folder for it (default:
                                     .attributionlintcache in the working folder)
      --shard <i>/<n>                lint only the i-th of n parts of the files (for CI
                                     matrices): parts by path, of about equal bytes; the n
                                     reports one after the other are the whole run's

Configuration: .attributionrc (JSON or YAML), .attributionrc.{json,yaml,yml,js,cjs,mjs}, or
an "attribution-lint" field in package.json, found from each file's folder upwards.
Inline: <!-- attribution-lint disable|enable|ignore [rule-id ...] -->

Service: \`attribution-lint serve\` runs the JSON API for a CMS and the editor page
(\`attribution-lint serve --help\`).

Exit codes: 0 clean; 1 findings (errors; warnings with --frail; more warnings than
--max-warnings allows); 2 usage error, configuration error, bad input or internal error.

Examples:
  attribution-lint fixtures/seed
  attribution-lint --report json "articles/**/*.md" > report.json
  attribution-lint --fix --dry-run story.md
  attribution-lint --report editor --summary story.md
  attribution-lint --changed-since origin/main --report github
  attribution-lint --explain anonymous-source
  cat story.md | attribution-lint --stdin-filename story.md
`
}

function list(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)
}

/** Parse argv (without node and the script); throws UsageError on anything wrong. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options: OPTIONS, allowPositionals: true, strict: true})
  } catch (error) {
    const message = (error as Error).message
      .replace(/\. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "[^"]*"\.?$/, '')
    throw new UsageError(message.replace(/\.$/, ''))
  }
  const values = parsed.values
  const report = values.report ?? 'stylish'
  if (!reporterNames().includes(report)) {
    throw new UsageError(`Unknown report \`${report}\`; expected one of: ${reporterNames().join(', ')}`)
  }
  const resolveFrom = values['ignore-path-resolve-from'] ?? 'dir'
  if (resolveFrom !== 'dir' && resolveFrom !== 'cwd') {
    throw new UsageError(`--ignore-path-resolve-from must be \`dir\` or \`cwd\`, not \`${resolveFrom}\``)
  }
  if (values.color && values['no-color']) throw new UsageError('Give --color or --no-color, not both')
  if (values['dry-run'] && !values.fix) throw new UsageError('--dry-run only goes with --fix (nothing is written without --fix)')
  if (values.watch && values.fix) throw new UsageError('--watch cannot be combined with --fix (fixes write files, which would trigger the watcher)')
  if (values['stdin-filename'] !== undefined && values['file-path'] !== undefined) throw new UsageError('Give --stdin-filename or --file-path, not both')
  const locale = values.locale
  if (locale !== undefined && locale !== 'ar' && locale !== 'en' && locale !== 'auto') {
    throw new UsageError(`--locale must be \`ar\`, \`en\` or \`auto\`, not \`${locale}\``)
  }
  const changedSince = values['changed-since']
  if (changedSince !== undefined && (!changedSince.trim() || changedSince.startsWith('-'))) {
    throw new UsageError('--changed-since needs a git ref, such as origin/main or HEAD~3')
  }
  if (changedSince !== undefined && values.watch) throw new UsageError('--changed-since cannot be combined with --watch')
  if (changedSince !== undefined && values.fix) throw new UsageError('--changed-since cannot be combined with --fix (a fix may touch unchanged lines)')
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs)
  if (!/^\s*\d+\s*$/.test(values.jobs ?? '1') || !Number.isSafeInteger(jobs) || jobs < 1) {
    throw new UsageError(`--jobs needs a whole number of threads, 1 or more, not \`${values.jobs}\``)
  }
  const maxWarningsGiven = values['max-warnings']
  const maxWarnings = maxWarningsGiven === undefined ? undefined : Number(maxWarningsGiven)
  if (maxWarningsGiven !== undefined && (!/^\s*-?\d+\s*$/.test(maxWarningsGiven) || !Number.isSafeInteger(maxWarnings) || maxWarnings! < -1)) {
    throw new UsageError(`--max-warnings needs a whole number of warnings, 0 or more (-1: no limit), not \`${maxWarningsGiven}\``)
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  if (values.shard !== undefined && !shard) throw new UsageError(`--shard needs <i>/<n> with 1 ≤ i ≤ n, such as 2/4, not \`${values.shard}\``)
  if (shard && values.watch) throw new UsageError('--shard cannot be combined with --watch')
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location goes with --cache')
  if (values['cache-location'] !== undefined && !values['cache-location'].trim()) throw new UsageError('--cache-location needs a path')
  const extensions = list(values.ext)
  for (const extension of extensions) {
    if (!/^\.?[\w-]+$/.test(extension)) throw new UsageError(`Bad extension \`${extension}\` for --ext; expected names such as md,markdown`)
  }
  for (const [flag, value] of [['--rc-path', values['rc-path']], ['--ignore-path', values['ignore-path']], ['--stdin-filename', values['stdin-filename'] ?? values['file-path']]] as const) {
    if (value !== undefined && !value.trim()) throw new UsageError(`${flag} needs a path`)
  }
  return {
    files: parsed.positionals,
    help: values.help ?? false,
    version: values.version ?? false,
    rcPath: values['rc-path'],
    ignorePath: values['ignore-path'],
    ignorePathResolveFrom: resolveFrom,
    ignorePatterns: list(values['ignore-pattern']),
    config: !values['no-config'],
    ignore: !values['no-ignore'],
    silentlyIgnore: values['silently-ignore'] ?? false,
    extensions: extensions.length ? extensions.map((extension) => extension.replace(/^\./, '')) : ['md', 'markdown'],
    stdinFilename: values['stdin-filename'] ?? values['file-path'],
    report,
    frail: values.frail ?? false,
    maxWarnings: maxWarnings === undefined || maxWarnings === -1 ? undefined : maxWarnings,
    quiet: values.quiet ?? false,
    silent: values.silent ?? false,
    verbose: values.verbose ?? false,
    color: values.color ? true : values['no-color'] ? false : undefined,
    watch: values.watch ?? false,
    fix: values.fix ?? false,
    dryRun: values['dry-run'] ?? false,
    locale,
    summary: values.summary ?? false,
    changedSince,
    explain: values.explain,
    jobs,
    shard,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location']
  }
}
