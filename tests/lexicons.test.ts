/**
 * Every lexicon entry fires on its own examples, in each language it has: lexicon entries
 * that silently never fire are the top complaint against prose linters.
 *
 * - cues.json: the attribution analysis finds a cue of that entry in the example;
 * - anonymous.json, vague.json: the example is flagged by anonymous-source / vague-attribution
 *   (silent instead when the example itself gives a reason for anonymity);
 * - reasons.json: the example holds an anonymous source and is silent because of the reason:
 *   with `allowWithReason: false` the same example is flagged. An anonymity phrase with no reason
 *   (its `withoutReason` example, "The official spoke on condition of anonymity.") leaves it flagged.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lint} from '../src/index.js'
import {rules} from '../rules/index.js'
import {findAttributions} from '../src/model/attribution.js'
import {loadLexicons, type LexiconEntry, type LexiconFile} from '../src/lexicons/index.js'
import {createProcessor} from '../src/index.js'
import {getArticle} from '../src/model/article.js'
import {tokenize} from '../src/model/tokens.js'
import {VFile} from 'vfile'

const lexicons = loadLexicons()
const TITLE = {en: '# News\n\n', ar: '# خبر\n\n'} as Record<string, string>

/** The examples of an entry per language (a string or a list of strings). */
function examplesOf(entry: LexiconEntry): Array<{lang: string; text: string}> {
  const examples = (entry.examples ?? {}) as Record<string, string | string[]>
  return Object.entries(examples).filter(([lang]) => lang === 'en' || lang === 'ar')
    .flatMap(([lang, value]) => (Array.isArray(value) ? value : [value]).map((text) => ({lang, text})))
}

/** Run one rule alone on an example under a title line. */
async function findings(ruleId: string, lang: string, text: string, options?: object) {
  const config = Object.fromEntries(rules.map((rule) => [rule.ruleId, rule.ruleId === ruleId ? (options ? ['warn', options] : 'warn') : 'off']))
  const file = await lint(TITLE[lang] + text, {rules: config as never, lang})
  return file.messages.filter((message) => message.ruleId === ruleId)
}

function hasReason(text: string): boolean {
  return lexicons.match.reasons.findAll(tokenize(text)).length > 0
}

function entriesOf(file: LexiconFile): LexiconEntry[] {
  return file.entries.filter((entry) => !String(entry.id).startsWith('config-'))
}

test('cues.json: every entry is found by the attribution analysis in its examples', () => {
  const processor = createProcessor()
  const silent: string[] = []
  for (const entry of entriesOf(lexicons.cues)) {
    for (const {lang, text} of examplesOf(entry)) {
      const file = new VFile({value: TITLE[lang] + text})
      const article = getArticle(processor.parse(file), file)
      // Perception and intention cues are recognised apart: they attribute nothing.
      const index = findAttributions(article)
      const found = [...index.all, ...index.nonAttributing()].some((attribution) => attribution.cue.entry === entry.id)
      if (!found) silent.push(`${entry.id} (${lang}): ${text}`)
    }
  }
  assert.deepEqual(silent, [])
})

for (const [name, ruleId, options] of [['anonymous', 'anonymous-source', undefined], ['vague', 'vague-attribution', {allowBackedByNamed: false}]] as const) {
  test(`${name}.json: every entry's examples are flagged by ${ruleId}`, async () => {
    const wrong: string[] = []
    for (const entry of entriesOf(lexicons[name])) {
      for (const {lang, text} of examplesOf(entry)) {
        const expectFlag = !(name === 'anonymous' && hasReason(text))
        const flagged = (await findings(ruleId, lang, text, options)).length > 0
        if (flagged !== expectFlag) wrong.push(`${entry.id} (${lang}) ${expectFlag ? 'not flagged' : 'flagged despite its reason'}: ${text}`)
      }
    }
    assert.deepEqual(wrong, [])
  })
}

// A sentence with an anonymous source, flagged on its own; a reason example after it must excuse it.
const ANONYMOUS = {en: 'A senior official said the plant would close next year.', ar: 'وقال مسؤول رفيع إن المصنع سيغلق العام المقبل.'} as Record<string, string>

test('reasons.json: every entry excuses an anonymous source, and only because of the reason; anonymity alone does not', async () => {
  const wrong: string[] = []
  for (const lang of ['en', 'ar']) {
    if ((await findings('anonymous-source', lang, ANONYMOUS[lang])).length !== 1) wrong.push(`${lang}: the plain anonymous sentence is not flagged`)
  }
  for (const entry of entriesOf(lexicons.reasons)) {
    for (const {lang, text} of examplesOf(entry)) {
      const paragraph = ANONYMOUS[lang] + ' ' + text
      if ((await findings('anonymous-source', lang, paragraph)).some((m) => m.line === 3 && m.column === 1)) wrong.push(`${entry.id} (${lang}) gives no reason: ${text}`)
      if ((await findings('anonymous-source', lang, paragraph, {allowWithReason: false})).length === 0) wrong.push(`${entry.id} (${lang}): the source is not found without the option`)
    }
    for (const [lang, text] of Object.entries((entry.withoutReason ?? {}) as Record<string, string>)) {
      if (!(await findings('anonymous-source', lang, ANONYMOUS[lang] + ' ' + text)).some((m) => m.line === 3 && m.column === 1)) wrong.push(`${entry.id} (${lang}) counts as a reason on its own: ${text}`)
    }
  }
  assert.deepEqual(wrong, [])
})

test('lexicon sizes: at least 60 cues, 40 anonymous heads and 40 vague phrases per language', () => {
  const count = (file: LexiconFile, lang: string) => file.entries.reduce((n, entry) => n + (Array.isArray(entry[lang]) ? (entry[lang] as unknown[]).length : 0), 0)
  for (const lang of ['en', 'ar']) {
    assert.ok(count(lexicons.cues, lang) >= 60, `cues ${lang}`)
    assert.ok(count(lexicons.anonymous, lang) >= 40, `anonymous ${lang}`)
    assert.ok(count(lexicons.vague, lang) >= 40, `vague ${lang}`)
  }
})

// events.json and tolls.json: every entry's example holds one of its forms as the matcher reads them (inflected
// verbs included), so that no entry of founding-after-events or toll-mismatch silently never fires.
for (const name of ['events', 'tolls'] as const) {
  test(`${name}.json: every entry is matched in its own examples`, () => {
    const silent: string[] = []
    for (const entry of entriesOf(lexicons[name])) {
      for (const {lang, text} of examplesOf(entry)) {
        const tokens = tokenize(text)
        const found = tokens.some((_, i) => {
          const match = lexicons.match[name].matchAt(tokens, i)
          return match !== undefined && match.value.id === entry.id
        })
        if (!found) silent.push(`${entry.id} (${lang}): ${text}`)
      }
    }
    assert.deepEqual(silent, [])
  })
}
