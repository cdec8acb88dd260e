/**
 * promo-block: the topic model, the whole-line fix, and `--fix` end to end on the seed.
 * Fixes run on temporary copies; nothing is ever written into fixtures/.
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {applyFixes} from '../src/fix.js'
import {createProcessor, getArticle, lint} from '../src/index.js'
import {promoOf, wholeLines} from '../src/model/promo.js'
import {topicOf} from '../src/model/topic.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const seed = (name: string) => path.join(root, 'fixtures', 'seed', name)
const bin = path.join(root, 'dist', 'src', 'cli', 'bin.js')
const only = {rules: {'promo-block': 'warn'}} as never

function articleOf(text: string) {
  const file = new VFile({value: text})
  const tree = createProcessor({}).parse(file)
  return getArticle(tree, file)
}

/** The raw seed with the given (1-based) lines deleted by hand. */
function withoutLines(text: string, lines: number[]): string {
  return text.split('\n').filter((_, i) => !lines.includes(i + 1)).join('\n')
}

test('topic: on-topic subheadings share the story words, other stories\' headlines do not', () => {
  const article = articleOf(readFileSync(seed('article.raw.md'), 'utf8'))
  const topic = article.use(topicOf)
  const byLine = (line: number) => topic.blocks[article.blocks.find((block) => article.point(block.start).line === line)!.index]
  for (const line of [7, 10]) assert.ok(byLine(line).coverage >= 0.5, `line ${line} is on topic: ${byLine(line).coverage}`)
  for (const line of [15, 16]) assert.equal(byLine(line).coverage, 0, `line ${line} shares nothing`)
  assert.ok(byLine(14).coverage < byLine(7).coverage)
})

test('topic: stemming and stopwords make inflected forms meet', async () => {
  const article = articleOf('# Attacks on the power grid\n\nThe attacker hit two substations of the grid, and the grids went dark, officials said.\n')
  const topic = article.use(topicOf)
  assert.ok(topic.blocks[1].coverage > 0 && topic.blocks[1].title > 0)
})

test('promo runs: one run per contiguous group of promo lines', async () => {
  const article = articleOf(readFileSync(seed('article.raw.md'), 'utf8'))
  const runs = article.use(promoOf).map((run) => run.blocks.map(({block}) => article.point(block.start).line))
  assert.deepEqual(runs, [[14, 15, 16], [18]])
})

test('wholeLines: the run\'s lines and the line break that ends them, nothing else', () => {
  const source = 'one\ntwo\nPROMO\nthree'
  const range = wholeLines(source, source.indexOf('PROMO'), source.indexOf('PROMO') + 5)
  assert.equal(source.slice(0, range.start) + source.slice(range.end), 'one\ntwo\nthree')
})

test('wholeLines: at the end of a file with no final newline, the line break before goes', () => {
  const source = 'one\ntwo\nPROMO'
  const range = wholeLines(source, 8, 13)
  assert.equal(source.slice(0, range.start) + source.slice(range.end), 'one\ntwo')
})

test('wholeLines: blank lines around a run in markdown leave one blank line', () => {
  const source = 'one\n\nPROMO\n\ntwo\n'
  const at = source.indexOf('PROMO')
  const range = wholeLines(source, at, at + 5)
  assert.equal(source.slice(0, range.start) + source.slice(range.end), 'one\n\ntwo\n')
  const last = 'one\n\nPROMO\n'
  const end = wholeLines(last, 5, 10)
  assert.equal(last.slice(0, end.start) + last.slice(end.end), 'one\n')
})

test('wholeLines: CRLF line ends stay as they were', () => {
  const source = 'one\r\nPROMO\r\ntwo\r\n'
  const range = wholeLines(source, 5, 10)
  assert.equal(source.slice(0, range.start) + source.slice(range.end), 'one\r\ntwo\r\n')
})

test('the API fix removes exactly raw lines 14-16 and 18, and a second pass finds nothing', async () => {
  const raw = readFileSync(seed('article.raw.md'), 'utf8')
  const file = await lint(raw, only)
  const once = applyFixes(raw, file.messages).output
  assert.equal(once, withoutLines(raw, [14, 15, 16, 18]))
  const again = await lint(once, only)
  assert.deepEqual(again.messages.filter((m) => m.ruleId === 'promo-block'), [])
  assert.equal(applyFixes(once, again.messages).output, once)
})

test('the API fix on article.md removes the promo paragraphs and keeps every other line', async () => {
  const md = readFileSync(seed('article.md'), 'utf8')
  const file = await lint(md, only)
  const fixed = applyFixes(md, file.messages).output
  const kept = md.split('\n').filter((_, i) => ![27, 28, 29, 30, 31, 32, 34, 35].includes(i + 1)).join('\n')
  assert.equal(fixed, kept)
})

test('attribution-lint --fix on a copy of the raw seed, twice; --dry-run writes nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'promo-fix-'))
  try {
    const copy = path.join(dir, 'article.raw.md')
    copyFileSync(seed('article.raw.md'), copy)
    const raw = readFileSync(copy, 'utf8')
    const run = (...args: string[]) => {
      try {
        return execFileSync(process.execPath, [bin, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
      } catch (error) {
        return String((error as {stdout?: string}).stdout ?? '')
      }
    }
    const diff = run('--fix', '--dry-run', copy)
    assert.equal(readFileSync(copy, 'utf8'), raw, '--dry-run wrote the file')
    assert.match(diff, /^-للمزيد تابع/mu)
    run('--fix', copy)
    const once = readFileSync(copy, 'utf8')
    assert.equal(once, withoutLines(raw, [14, 15, 16, 18]))
    run('--fix', copy)
    assert.equal(readFileSync(copy, 'utf8'), once, 'a second --fix changed the file')
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
})

test('promo-block messages carry a messageId, data and a fix', async () => {
  const file = await lint(readFileSync(seed('article.raw.md'), 'utf8'), only)
  const [headlines, footer] = file.messages.filter((m) => m.ruleId === 'promo-block') as unknown as Array<Record<string, unknown>>
  assert.equal(headlines.messageId, 'promo-headline')
  assert.deepEqual(headlines.messageData, {count: 3, kind: 'headline'})
  assert.equal(footer.messageId, 'promo-social')
  assert.ok(footer.fix)
})

/** Promo runs of a text as [first line, last line, kind, carries a fix], through the rule. */
async function promoRuns(text: string) {
  const file = await lint(text, only)
  return file.messages.filter((m) => m.ruleId === 'promo-block').map((m) => {
    const message = m as unknown as {line: number; place?: {end?: {line?: number}}; messageData?: {kind?: string}; fix?: unknown}
    return [message.line, message.place?.end?.line ?? message.line, message.messageData?.kind, Boolean(message.fix)]
  })
}

test('related headlines on the story\'s own topic: a run of three or more headline lines is promo, reported without a fix', async () => {
  const ar = [
    '# أرامكو تؤجل طرح أسهمها في البورصات العالمية',
    '',
    'قالت شركة أرامكو السعودية إنها أجلت طرح أسهمها في البورصات العالمية إلى العام المقبل، وفق بيان للشركة.',
    '',
    'أرامكو تثير جدلا في بورصة لندن بعد تعديل في القواعد للسماح بإدراجها',
    '',
    'أرامكو تبحث مع غوغل إنشاء مركز لتكنولوجيا المعلومات في السعودية',
    '',
    'ترامب يحاول إقناع الرياض بإدراج أرامكو في بورصة نيويورك',
    '',
    'وأضافت الشركة في بيانها أن قرار طرح أسهم أرامكو في البورصات سيعلن في الوقت المناسب.',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(ar), [[5, 9, 'onTopicHeadline', false]])
  const en = [
    '# Aramco delays its share listing',
    '',
    'Saudi Aramco said on Monday it had delayed the listing of its shares until next year, in a statement.',
    '',
    'Aramco stirs debate in London over listing rule changes',
    '',
    'Aramco and Google discuss a technology hub in Saudi Arabia',
    '',
    'Trump presses Riyadh to list Aramco shares in New York',
    '',
    'The company added that the timing of the Aramco listing would be announced in due course.',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(en), [[5, 9, 'onTopicHeadline', false]])
})

test('on-topic headline lines stay story: two subheadings, a chronology of years', async () => {
  const ar = [
    '# أرامكو تؤجل طرح أسهمها في البورصات العالمية',
    '',
    'قالت شركة أرامكو السعودية إنها أجلت طرح أسهمها في البورصات العالمية إلى العام المقبل، وفق بيان للشركة.',
    '',
    'لماذا أجلت أرامكو طرح أسهمها في البورصات',
    '',
    'ماذا يعني التأجيل لخطة رؤية السعودية الاقتصادية',
    '',
    'وأضافت الشركة في بيانها أن قرار طرح أسهم أرامكو في البورصات سيعلن في الوقت المناسب.',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(ar), [])
  const en = [
    '# The student village and its restoration',
    '',
    'The student village was built in 1959 and has been restored in stages since the listing of its houses.',
    '',
    '2006 The village is listed and restoration of two houses begins',
    '',
    '2008 A park maintenance plan is drawn up for the village grounds',
    '',
    '2009 Restoration of the two village houses is completed',
    '',
    'The remaining houses of the village will be restored by 2022, the foundation said.',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(en), [])
})

test('promo cues: app notifications, e-mail prompts, print-edition notes, ad-free appeals, "Read:" teasers, "Powered by" only at line start', async () => {
  const story = '# Talks on the port\n\nThe talks on the port stalled on Monday after both sides rejected the proposal, officials said.\n\n'
  const kinds = async (line: string) => (await promoRuns(story + line + '\n')).map((run) => [run[2], run[3]])
  assert.deepEqual(await kinds('Enter your email address:'), [['subscribe', true]])
  assert.deepEqual(await kinds('A version of this article appears in print on March 4, 2017, on Page A1 of the New York edition.'), [['nav', false]])
  assert.deepEqual(await kinds('Support us: pay $1 per week for an ad-free version of the site.'), [['subscribe', true]])
  assert.deepEqual(await kinds('[Read: Inside the bank\'s decision to close the branch](https://example.com/bank)'), [['readmore', true]])
  assert.deepEqual(await kinds('Read the full transcript of the interview here.'), [['readmore', true]])
  assert.deepEqual(await kinds('Powered by WordPress'), [['nav', false]])
  assert.deepEqual(await kinds('The port is powered by wind turbines built by a Danish firm, the operator said.'), [])
  const ar = '# المفاوضات حول الميناء\n\nتوقفت المفاوضات حول الميناء يوم الاثنين بعد أن رفض الطرفان الاقتراح، وفق مسؤولين.\n\n'
  const arKinds = async (line: string) => (await promoRuns(ar + line + '\n')).map((run) => [run[2], run[3]])
  assert.deepEqual(await arKinds('يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق الموقع على هاتفكم المحمول.'), [['app', false]])
  assert.deepEqual(await arKinds('وقال مسؤول إن الميناء سيستقبل أحدث السفن بعد تحميل البضائع المتأخرة.'), [])
})

test('headlines run together in one title-cased line are promo; a story sentence with a brand name is not', async () => {
  const story = '# Players and the anthem\n\nThe team said its players would stay in the locker room during the anthem on Sunday, in a statement.\n\n'
  const runs = await promoRuns(story + 'Related StoriesAfter Criticism, NFL Player Changes Mind And Will Stand For National AnthemESPN Anchor Rips Colin Kaepernick For Not Voting In ElectionAnthem Singer Benched By NBA Team\n')
  assert.deepEqual(runs.map((run) => [run[2], run[3]]), [['related', true]])
  assert.deepEqual(await promoRuns(story + 'The clip of the protest was shared on YouTube and TikTok by fans of the team, and it was viewed more than a million times\n'), [])
})

test('fix safety: only strong evidence carries a fix; a link list or a ticker is reported without one', async () => {
  const text = [
    '# Talks on the port',
    '',
    'The talks on the port stalled on Monday after both sides rejected the proposal, officials said.',
    '',
    'This is a developing story and will be updated.',
    '',
    'Follow us on Facebook | X | YouTube',
    ''
  ].join('\n')
  const runs = await promoRuns(text)
  assert.deepEqual(runs.map((run) => [run[0], run[2], run[3]]), [[5, 'mixed', false]])
})

test('fix safety: never inside a reference section, never the story\'s closing paragraph on its own topic', async () => {
  const cited = [
    '# Hunger on campus',
    '',
    'Four in ten students at the university skip meals to pay for books and rent, a campus survey found.',
    '',
    '## Works Cited',
    '',
    '- Read more: Hunger on Campus, Why Students Skip Meals. The Chronicle, 2021.',
    '- Follow us on Facebook | X | YouTube',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(cited), [])
  const closing = [
    '# Floods cut roads to the northern villages',
    '',
    'Floods cut the main roads to the northern villages on Sunday and forced hundreds of families from their homes, the civil defence agency said.',
    '',
    'Rescue teams used boats to reach the flooded villages and took the sick and the elderly to the hospital in the nearby town, the agency added.',
    '',
    'Follow the civil defence agency on Facebook, where it posts the roads cut by the floods and the shelters open to families from the flooded villages.',
    ''
  ].join('\n')
  assert.deepEqual((await promoRuns(closing)).map((run) => [run[0], run[2], run[3]]), [[7, 'social', false]])
  const ar = [
    '# فيضانات تقطع الطرق إلى قرى الشمال',
    '',
    'قطعت الفيضانات الطرق الرئيسية إلى قرى الشمال يوم الأحد وأجبرت مئات العائلات على مغادرة منازلها، وفق بيان للدفاع المدني.',
    '',
    '## المراجع',
    '',
    '- اقرأ أيضا: تقرير الدفاع المدني عن فيضانات الشمال، 2021.',
    ''
  ].join('\n')
  assert.deepEqual(await promoRuns(ar), [])
})
