/**
 * Configuration: what `.attributionrc`, the `attribution-lint` key of package.json and the
 * API accept, validated so that a typo is an error with a clear message, never silence.
 *
 *     {
 *       "lang": "ar",
 *       "publisher": ["Khaleejion News"],
 *       "rules": {"promo-block": "off", "anonymous-source": ["error", {"allowWithReason": true}]},
 *       "outlets": [{"name": "Khaleejion News", "aliases": ["خليجيون نيوز"], "domains": ["khaleejion.com"]}],
 *       "speechVerbs": {"ar": ["استدرك"]}
 *     }
 */
import {EXTENSION_KEYS, type LexiconExtensions} from './lexicons/index.js'
import {ConfigError, type RulePlugin, validateOptions} from './rule.js'
import {rules as allRules} from '../rules/index.js'

export type Severity = 'off' | 'warn' | 'error'
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>]

export interface Config extends LexiconExtensions {
  /** Language to assume for files whose language cannot be told. */
  lang?: string
  /** Language of messages: 'ar', 'en' or 'auto' (the article's). */
  locale?: string
  /**
   * The publisher of every article the configuration applies to (a wire service's archive:
   * ["Reuters"]), as frontmatter `publisher` says it for one article: the outlet citing itself
   * ("told Reuters") is not a source to link.
   */
  publisher?: string | string[]
  rules?: Record<string, RuleSetting>
}

const TOP_KEYS = ['lang', 'locale', 'rules', 'publisher', ...EXTENSION_KEYS]
const SEVERITIES = ['off', 'warn', 'error']

export function ruleIds(): string[] {
  return allRules.map((rule) => rule.ruleId)
}

function isStringLists(value: unknown): value is Record<string, string[]> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) &&
    Object.entries(value as object).every(([lang, forms]) => /^[a-z]{2,3}$/.test(lang) && Array.isArray(forms) && forms.every((form) => typeof form === 'string' && form.trim()))
}

/** Validate a configuration object; throws ConfigError naming the first problem. */
export function validateConfig(config: unknown, where = 'configuration'): Config {
  if (config === undefined || config === null) return {}
  if (typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${where}: expected an object`)
  for (const key of Object.keys(config)) {
    if (!TOP_KEYS.includes(key)) throw new ConfigError(`${where}: unknown key \`${key}\`; expected one of: ${TOP_KEYS.join(', ')}`)
  }
  const value = config as Config
  if (value.lang !== undefined && (typeof value.lang !== 'string' || !/^[a-z]{2,3}(?:-[A-Za-z]+)?$/.test(value.lang))) {
    throw new ConfigError(`${where}: \`lang\` must be a language code such as "ar" or "en", not ${JSON.stringify(value.lang)}`)
  }
  if (value.locale !== undefined && !['ar', 'en', 'auto'].includes(value.locale as string)) {
    throw new ConfigError(`${where}: \`locale\` must be "ar", "en" or "auto", not ${JSON.stringify(value.locale)}`)
  }
  if (value.publisher !== undefined) {
    const names = Array.isArray(value.publisher) ? value.publisher : [value.publisher]
    if (!names.length || !names.every((name) => typeof name === 'string' && name.trim())) {
      throw new ConfigError(`${where}: \`publisher\` must be the name of the outlet that publishes the articles, or a list of names, such as ["Reuters"], not ${JSON.stringify(value.publisher)}`)
    }
  }
  if (value.rules !== undefined) {
    if (!value.rules || typeof value.rules !== 'object' || Array.isArray(value.rules)) throw new ConfigError(`${where}: \`rules\` must be an object of rule ids`)
    for (const [id, setting] of Object.entries(value.rules)) {
      const rule = allRules.find((r) => r.ruleId === id)
      if (!rule) throw new ConfigError(`${where}: unknown rule \`${id}\`; known rules: ${ruleIds().join(', ')}`)
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined]
      if (!SEVERITIES.includes(severity as string)) {
        throw new ConfigError(`${where}: rule \`${id}\` must be "off", "warn", "error" or [severity, options], not ${JSON.stringify(setting)}`)
      }
      if (Array.isArray(setting) && setting.length > 2) throw new ConfigError(`${where}: rule \`${id}\`: expected [severity, options]`)
      try {
        validateOptions(id, rule.defaults, options)
      } catch (error) {
        throw new ConfigError(`${where}: ${(error as Error).message}`)
      }
    }
  }
  for (const key of ['speechVerbs', 'anonymousSources', 'vaguePhrases', 'promoCues'] as const) {
    if (value[key] !== undefined && !isStringLists(value[key])) {
      throw new ConfigError(`${where}: \`${key}\` must map language codes to lists of phrases, such as {"ar": ["…"], "en": ["…"]}`)
    }
  }
  if (value.outlets !== undefined) {
    if (!Array.isArray(value.outlets)) throw new ConfigError(`${where}: \`outlets\` must be a list of {name, aliases, domains}`)
    for (const outlet of value.outlets) {
      if (!outlet || typeof outlet !== 'object' || typeof outlet.name !== 'string' || !outlet.name.trim()) {
        throw new ConfigError(`${where}: every outlet needs a \`name\`, got ${JSON.stringify(outlet)}`)
      }
      const aliases = outlet.aliases
      if (aliases !== undefined && !(Array.isArray(aliases) && aliases.every((a) => typeof a === 'string')) && !isStringLists(aliases)) {
        throw new ConfigError(`${where}: \`aliases\` of outlet ${outlet.name} must be a list of names or {lang: [names]}`)
      }
      if (outlet.domains !== undefined && !(Array.isArray(outlet.domains) && outlet.domains.every((d) => typeof d === 'string' && /^[a-z\d.-]+\.[a-z]{2,}$/i.test(d)))) {
        throw new ConfigError(`${where}: \`domains\` of outlet ${outlet.name} must be bare domains such as "example.com"`)
      }
      for (const key of Object.keys(outlet)) {
        if (!['name', 'aliases', 'domains', 'id'].includes(key)) throw new ConfigError(`${where}: unknown key \`${key}\` in outlet ${outlet.name}`)
      }
    }
  }
  return value
}

/** The rules a configuration turns on, with their unified-lint-rule settings. */
export function ruleSettings(config: Config): Array<[RulePlugin, unknown]> {
  return allRules.map((rule) => {
    const setting = config.rules?.[rule.ruleId] ?? 'warn'
    return [rule, Array.isArray(setting) ? setting : [setting]]
  })
}
