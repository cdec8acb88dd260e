/**
 * Localised messages (src/messages/): the catalogs are complete and agree with the rules.
 *
 * - en.json and ar.json have the same ids, every template parses, and each id has the same
 *   placeholders in both;
 * - every messageId the rules can report is in both catalogs: literal ids are read from
 *   rules/*.ts, computed ones (`promo-${kind}`, 'unsourced-' + option) are expanded from
 *   the data they are computed from; a computed id of a new shape fails until it is listed here;
 * - every message that the rules report on every fixture, sample, seed article and doc example
 *   carries a messageId, its English template renders exactly the rule's own English
 *   text, and the Arabic one renders with the message's data;
 * - `--locale`/`locale` and `auto` pick the language.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {test} from 'node:test'
import type {Root} from 'mdast'
import {lint, lintFile} from '../src/index.js'
import {createBaseProcessor} from '../src/processor.js'
import {catalog, parseTemplate, placeholders, renderMessage, resolveLocale} from '../src/messages/index.js'
import {defineRule} from '../src/rule.js'
import {rules} from '../rules/index.js'
import {parseRuleDoc} from '../src/docs.js'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const ruleFiles = readdirSync(new URL('rules/', root)).filter((name) => name.endsWith('.ts') && name !== 'index.ts')

test('en and ar catalogs: the same ids, templates that parse, the same placeholders', () => {
  const en = catalog('en')
  const ar = catalog('ar')
  assert.deepEqual(Object.keys(ar).sort(), Object.keys(en).sort())
  for (const id of Object.keys(en)) {
    assert.doesNotThrow(() => parseTemplate(en[id]), id)
    assert.doesNotThrow(() => parseTemplate(ar[id]), id)
    assert.deepEqual(placeholders(ar[id]), placeholders(en[id]), `placeholders of ${id}`)
    const words = ar[id].replace(/\{\w+,\s*(?:plural|select)\s*,/g, '').replace(/\{\w+(?:,\s*possessive)?\}/g, '').replace(/(?:=\d+|\w+)\s*\{/g, '')
    assert.doesNotMatch(words, /[A-Za-z]/, `${id}: no English left in the Arabic message`)
  }
})

test('every message id a rule declares is in both catalogs, and every catalog id is declared by a rule', () => {
  const ids = new Set(rules.flatMap((rule) => rule.messages))
  assert.ok(ids.size >= 10, `found ${ids.size} ids`)
  for (const id of ids) {
    assert.ok(catalog('en')[id] !== undefined, `${id} is missing from src/messages/en.json`)
    assert.ok(catalog('ar')[id] !== undefined, `${id} is missing from src/messages/ar.json`)
  }
  assert.deepEqual(Object.keys(catalog('en')).filter((id) => !ids.has(id)), [], 'catalog ids no rule reports')
})

function markdownFiles(dir: URL): URL[] {
  return readdirSync(dir).flatMap((name) => {
    const url = new URL(name, dir)
    if (statSync(url).isDirectory()) return markdownFiles(new URL(name + '/', dir))
    return name.endsWith('.md') ? [url] : []
  })
}

/** Problems with the rule messages of a linted file: no messageId, English or Arabic not matching. */
function messageProblems(messages: Array<{ruleId?: string | null; reason: string}>, where: string): string[] {
  const problems: string[] = []
  const ruleIds = new Set(rules.map((rule) => rule.ruleId))
  for (const message of messages) {
    if (!message.ruleId || !ruleIds.has(message.ruleId)) continue
    const {messageId, messageData} = message as {messageId?: string; messageData?: Record<string, string | number>}
    if (!messageId) {
      problems.push(`${where}: a ${message.ruleId} message without a messageId: ${message.reason}`)
      continue
    }
    let english: string | undefined
    try {
      english = renderMessage('en', messageId, messageData)
      renderMessage('ar', messageId, messageData)
    } catch (error) {
      problems.push(`${where}: ${messageId}: ${(error as Error).message}`)
      continue
    }
    if (english !== message.reason) problems.push(`${where}: ${messageId}: en.json gives ${JSON.stringify(english)}, the rule says ${JSON.stringify(message.reason)}`)
  }
  return problems
}

test('every message on the fixtures and doc examples has a messageId, and en.json renders the rule\'s own text', async () => {
  const problems: string[] = []
  let count = 0
  for (const file of markdownFiles(new URL('fixtures/', root))) {
    if (file.pathname.includes('/e2e/')) continue
    const linted = await lint(readFileSync(file, 'utf8'), {locale: 'en'})
    count += linted.messages.length
    problems.push(...messageProblems(linted.messages, file.pathname))
  }
  for (const name of ruleFiles) {
    for (const example of parseRuleDoc(name.slice(0, -3), read(`rules/${name}`)).examples.filter((e) => e.label === 'input')) {
      const linted = await lint(example.body, {locale: 'en', lang: example.lang})
      problems.push(...messageProblems(linted.messages, `${name} ${example.name}`))
    }
  }
  assert.ok(count > 100, `only ${count} messages checked`)
  assert.deepEqual(problems, [])
})

test('a rule must declare its messages, and each must be in every catalog', async () => {
  assert.throws(() => defineRule({id: 'careless', messages: ['no-such-message'], defaults: {}}, () => {}), /`no-such-message` is missing from the en catalog/)
  const careless = defineRule({id: 'careless', messages: ['promo-ad'], defaults: {}}, (article, _options, report) => {
    report(article.span(article.blocks[0], 0, 3), 'anonymous-source', {speaker: 'x'})
  })
  const processor = createBaseProcessor().use(() => (_tree: Root, file) => {
    ;(file.data as Record<string, unknown>).attributionLint = {}
  }).use(careless)
  const file = await lintFile(processor, 'One sentence here.')
  assert.match(file.messages.map((message) => message.reason).join('\n'), /reported `anonymous-source`, which it does not declare/)
})

test('formatter: Arabic plural categories, select, possessive, and errors', () => {
  const id = 'promo-headline'
  assert.equal(renderMessage('ar', id, {count: 1}), 'عنوان لا صلة له بالخبر: احذفه من المقال')
  assert.equal(renderMessage('ar', id, {count: 2}), 'عنوانان لا صلة لهما بالخبر: احذفهما من المقال')
  assert.equal(renderMessage('ar', id, {count: 3}), '3 عناوين لا صلة لها بالخبر: احذفها من المقال')
  assert.equal(renderMessage('ar', id, {count: 11}), '11 عنوانًا لا صلة لها بالخبر: احذفها من المقال')
  assert.equal(renderMessage('ar', id, {count: 100}), '100 عنوان لا صلة لها بالخبر: احذفها من المقال')
  assert.equal(renderMessage('ar', 'promo-related', {count: 2}), 'قائمة «أخبار ذات صلة» من سطرين، وليست من متن الخبر: احذفها من المقال')
  assert.equal(renderMessage('en', 'promo-related', {count: 4}), 'Related-stories list of 4 lines, not part of the story: remove them from the article')
  assert.equal(renderMessage('ar', 'unsourced-figure', {kind: 'toll'}), 'حصيلة ضحايا بلا مصدر: اذكر الجهة التي أوردت هذا الرقم، وأضف رابطًا إليها')
  assert.equal(renderMessage('ar', 'unsourced-figure', {kind: 'something new'}), 'رقم بلا مصدر: اذكر الجهة التي أوردت هذا الرقم، وأضف رابطًا إليها')
  assert.equal(renderMessage('en', 'unlinkedOutlet', {outlet: 'Reuters'}), "Link to Reuters' report, or name the report in a Sources section")
  assert.equal(renderMessage('en', 'unlinkedOutlet', {outlet: 'Al Jazeera'}), "Link to Al Jazeera's report, or name the report in a Sources section")
  assert.equal(renderMessage('en', 'no-such-id'), undefined)
  assert.throws(() => renderMessage('en', 'unlinkedOutlet', {}), /no value for `outlet`/)
  assert.throws(() => parseTemplate('{n, plural, one {x}}'), /needs an `other` branch/)
  assert.throws(() => parseTemplate('a } b'), /unmatched }/)
  assert.throws(() => parseTemplate('{n, date}'), /unknown format/)
  assert.deepEqual(placeholders('{a} {b, plural, other {{c, select, other {#}}}}'), ['a', 'b', 'c'])
})

test('locale: auto follows the article, the option overrides it', async () => {
  assert.equal(resolveLocale(undefined, 'ar'), 'ar')
  assert.equal(resolveLocale('auto', 'fr'), 'en')
  assert.equal(resolveLocale('en', 'ar'), 'en')
  const arabic = '# خبر\n\nقال مصدر أمني إن المصنع سيغلق العام المقبل.\n'
  const english = '# Plant\n\nThe plant will close next year, a source familiar with the plans said.\n'
  const reasons = async (text: string, locale?: string) => (await lint(text, {locale})).messages.map((m) => m.reason)
  assert.deepEqual(await reasons(arabic), ['مصدر غير مسمّى: اذكر اسم المصدر، أو وضّح سبب عدم الكشف عن هويته'])
  assert.deepEqual(await reasons(arabic, 'en'), ['Unnamed source: name the source, or say why anonymity was granted'])
  assert.deepEqual(await reasons(english), ['Unnamed source: name the source, or say why anonymity was granted'])
  assert.deepEqual(await reasons(english, 'ar'), ['مصدر غير مسمّى: اذكر اسم المصدر، أو وضّح سبب عدم الكشف عن هويته'])
})
