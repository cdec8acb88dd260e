/**
 * Localised messages: catalogs of message templates per locale (src/messages/en.json and
 * ar.json: message id → template), and a small formatter for them.
 *
 * Rules report `messageId` + `data`; `report()` in src/rule.ts renders the reason here in the
 * locale chosen by `locale` (config key or `--locale`): `ar`, `en`, or `auto` (the default:
 * Arabic messages for Arabic articles, English for every other language).
 *
 * English is the rules' own text: the English catalog mirrors it exactly (a test renders it
 * for every message the fixtures produce and compares), so it documents the ids and is the
 * translators' reference; the rule's English string is what an English report shows.
 *
 * Templates are a subset of ICU MessageFormat, enough for natural Arabic:
 *
 *     {name}                                     the value of data.name
 *     {count, plural, one {…} two {…} few {…} many {…} other {…}}
 *                                                by Intl.PluralRules of the locale; `=N {…}`
 *                                                matches N exactly; `#` in a branch is the number
 *     {kind, select, figure {…} sum {…} other {…}}
 *                                                by the value of data.kind
 *     {outlet, possessive}                       English possessive: Reuters', Al Jazeera's
 *
 * Literal `{`, `}` and `#` (in plural branches) cannot be written; message texts need none.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const LOCALES = ['en', 'ar'] as const
export type Locale = (typeof LOCALES)[number]
export type LocaleSetting = Locale | 'auto'
/** A placeholder's value; a value per locale (an outlet's name as each language's readers know it) is picked by locale. */
export type MessageValue = string | number | Partial<Record<Locale, string>> & {en: string}
export type MessageData = Record<string, MessageValue>

type Node =
  | {type: 'text'; value: string}
  | {type: 'pound'}
  | {type: 'arg'; name: string}
  | {type: 'possessive'; name: string}
  | {type: 'plural' | 'select'; name: string; branches: Map<string, Node[]>}

export class TemplateError extends Error {
  override name = 'TemplateError'
}

/** Parse a template; throws TemplateError with the position of the problem. Linear in its length. */
export function parseTemplate(template: string): Node[] {
  let at = 0
  const fail = (why: string): never => {
    throw new TemplateError(`${why} at character ${at + 1} of ${JSON.stringify(template)}`)
  }
  const name = (): string => {
    const match = /^\s*([A-Za-z_][\w]*)\s*/.exec(template.slice(at, at + 64))
    if (!match) fail('expected an argument name')
    at += match![0].length
    return match![1]
  }
  const nodes = (inPlural: boolean, nested: boolean): Node[] => {
    const out: Node[] = []
    let text = ''
    const flush = () => {
      if (text) out.push({type: 'text', value: text})
      text = ''
    }
    while (at < template.length) {
      const char = template[at]
      if (char === '}') {
        if (!nested) fail('unmatched }')
        break
      }
      if (char === '#' && inPlural) {
        flush()
        out.push({type: 'pound'})
        at++
        continue
      }
      if (char !== '{') {
        text += char
        at++
        continue
      }
      flush()
      at++
      const arg = name()
      if (template[at] === '}') {
        at++
        out.push({type: 'arg', name: arg})
        continue
      }
      if (template[at] !== ',') fail('expected , or }')
      at++
      const kind = name()
      if (kind === 'possessive') {
        if (template[at] !== '}') fail('expected }')
        at++
        out.push({type: 'possessive', name: arg})
        continue
      }
      if (kind !== 'plural' && kind !== 'select') fail(`unknown format \`${kind}\``)
      if (template[at] !== ',') fail('expected ,')
      at++
      const branches = new Map<string, Node[]>()
      for (;;) {
        while (/\s/.test(template[at] ?? '')) at++
        if (template[at] === '}') {
          at++
          break
        }
        const key = /^(=\d+|[\w-]+)\s*/.exec(template.slice(at, at + 64))
        if (!key) fail('expected a branch key')
        at += key![0].length
        if (template[at] !== '{') fail('expected { to open a branch')
        at++
        branches.set(key![1], nodes(kind === 'plural' || inPlural, true))
        if (template[at] !== '}') fail('unclosed branch')
        at++
      }
      if (!branches.has('other')) fail(`${kind} \`${arg}\` needs an \`other\` branch`)
      out.push({type: kind as 'plural' | 'select', name: arg, branches})
    }
    flush()
    return out
  }
  const result = nodes(false, false)
  if (at < template.length) fail('unexpected }')
  return result
}

/** The argument names a template reads, at any depth. */
export function placeholders(template: string): string[] {
  const names = new Set<string>()
  const walk = (list: Node[]) => {
    for (const node of list) {
      if (node.type === 'arg' || node.type === 'possessive') names.add(node.name)
      if (node.type === 'plural' || node.type === 'select') {
        names.add(node.name)
        for (const branch of node.branches.values()) walk(branch)
      }
    }
  }
  walk(parseTemplate(template))
  return [...names].sort()
}

function possessive(name: string): string {
  return /s$/u.test(name) ? name + "'" : name + "'s"
}

/** Render parsed nodes; throws TemplateError when data lacks an argument. */
function renderNodes(list: Node[], data: MessageData, locale: Locale, plurals: Intl.PluralRules, number?: number): string {
  let out = ''
  for (const node of list) {
    if (node.type === 'text') out += node.value
    else if (node.type === 'pound') out += String(number ?? '#')
    else {
      const value = data[node.name]
      if (value === undefined || value === null) throw new TemplateError(`no value for \`${node.name}\``)
      if (node.type === 'arg') out += String(value)
      else if (node.type === 'possessive') out += possessive(String(value))
      else if (node.type === 'select') {
        out += renderNodes(node.branches.get(String(value)) ?? node.branches.get('other')!, data, locale, plurals, number)
      } else {
        const count = Number(value)
        if (!Number.isFinite(count)) throw new TemplateError(`\`${node.name}\` is not a number: ${JSON.stringify(value)}`)
        const branch = node.branches.get('=' + count) ?? node.branches.get(plurals.select(count)) ?? node.branches.get('other')!
        out += renderNodes(branch, data, locale, plurals, count)
      }
    }
  }
  return out
}

export type Catalog = Record<string, string>

const here = path.dirname(fileURLToPath(import.meta.url))
/** The catalogs live in src/messages/; the compiled module is in dist/src/messages/. */
const catalogDirs = [here, path.join(here, '..', '..', '..', 'src', 'messages')]

const catalogs = new Map<Locale, Catalog>()
const parsed = new Map<string, Node[]>()
const pluralRules = new Map<Locale, Intl.PluralRules>()

/** The catalog of a locale: message id → template. */
export function catalog(locale: Locale): Catalog {
  let found = catalogs.get(locale)
  if (!found) {
    const file = catalogDirs.map((dir) => path.join(dir, locale + '.json')).find((candidate) => {
      try {
        readFileSync(candidate)
        return true
      } catch {
        return false
      }
    })
    if (!file) throw new Error(`No message catalog for locale \`${locale}\` (looked in ${catalogDirs.join(', ')})`)
    found = JSON.parse(readFileSync(file, 'utf8')) as Catalog
    catalogs.set(locale, found)
  }
  return found
}

/**
 * The message `id` in `locale` with `data`, or undefined when the catalog has no such id.
 * Throws TemplateError when the template is broken or data lacks one of its arguments.
 */
export function renderMessage(locale: Locale, id: string, data: MessageData = {}): string | undefined {
  const template = catalog(locale)[id]
  if (template === undefined) return undefined
  const key = locale + '\0' + id
  let nodes = parsed.get(key)
  if (!nodes) {
    nodes = parseTemplate(template)
    parsed.set(key, nodes)
  }
  let plurals = pluralRules.get(locale)
  if (!plurals) {
    plurals = new Intl.PluralRules(locale)
    pluralRules.set(locale, plurals)
  }
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(data)) values[name] = typeof value === 'object' ? value[locale] ?? value.en : value
  return renderNodes(nodes, values, locale, plurals)
}

/** What the preset keeps on `file.data.attributionLintArticle` for reports. */
export interface ArticleSummary {
  title: string
  lang: string
  locale: Locale
}

/** The article summary the preset left on a linted file, if it was linted. */
export function articleSummary(file: {data: unknown}): ArticleSummary | undefined {
  return (file.data as {attributionLintArticle?: ArticleSummary}).attributionLintArticle
}

/** The locale of an article's messages: `auto` (or nothing) gives Arabic for Arabic articles, else English. */
export function resolveLocale(setting: string | undefined, articleLang: string): Locale {
  if (setting === 'ar' || setting === 'en') return setting
  return articleLang === 'ar' ? 'ar' : 'en'
}
