/**
 * The article model, tested directly in Arabic and English: blocks and their exact
 * positions (also for lines inside one scraped paragraph and for right-to-left text),
 * roles, sentences, words, normalisation, language, quotes and links.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {Article, endsWithCredit} from '../src/model/article.js'
import {normalize, normalizeWithMap, withoutProclitics} from '../src/model/normalize.js'
import {findQuotes} from '../src/model/quotes.js'
import {splitSentences} from '../src/model/sentences.js'
import {tokenize} from '../src/model/tokens.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
function model(markdown: string, settings = {}): Article {
  const file = new VFile({value: markdown})
  return new Article(parser.parse(file), file, settings)
}
const seedRaw = readFileSync(new URL('../../fixtures/seed/article.raw.md', import.meta.url), 'utf8')
const seedMd = readFileSync(new URL('../../fixtures/seed/article.md', import.meta.url), 'utf8')

test('the raw seed (one markdown paragraph) is split into one block per line', () => {
  const article = model(seedRaw)
  assert.equal(article.blocks.length, 18)
  const lines = seedRaw.split('\n')
  for (const [i, block] of article.blocks.entries()) {
    assert.equal(block.text, lines[i], `block ${i} text`)
    assert.deepEqual(article.blockSpan(block).start, {line: i + 1, column: 1, offset: block.start})
    assert.equal(article.blockSpan(block).end.line, i + 1)
    assert.equal(article.blockSpan(block).end.column, lines[i].length + 1)
  }
})

test('positions inside a right-to-left line map to the exact source characters', () => {
  const article = model(seedRaw)
  const block = article.blocks[3]
  const at = block.text.indexOf('وفق وكالة')
  const span = article.span(block, at, at + 'وفق وكالة «تاس» الروسية'.length)
  assert.equal(span.start.line, 4)
  assert.equal(seedRaw.slice(span.start.offset, span.end.offset), 'وفق وكالة «تاس» الروسية')
  assert.equal(span.start.column, seedRaw.split('\n')[3].indexOf('وفق وكالة') + 1)
})

test('the markdown seed has the same blocks on lines 2n-1', () => {
  const raw = model(seedRaw)
  const md = model(seedMd)
  assert.equal(md.blocks.length, raw.blocks.length)
  for (const [i, block] of md.blocks.entries()) {
    assert.equal(block.text.trim(), raw.blocks[i].text.trim())
    assert.equal(md.blockSpan(block).start.line, 2 * i + 1)
  }
})

test('roles: title, on-topic subheadings, body', () => {
  for (const article of [model(seedRaw), model(seedMd)]) {
    assert.equal(article.blocks[0].role, 'title')
    assert.equal(article.title, 'بعد الهجوم على موسكو.. ماذا نعرف عن تنظيم «داعش خراسان»؟')
    assert.equal(article.blocks[6].role, 'subheading')
    assert.equal(article.blocks[9].role, 'subheading')
    for (const i of [1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 16]) assert.equal(article.blocks[i].role, 'body', `block ${i}`)
  }
})

test('roles: the entries of a sources section are sources, not story text, up to the next heading of its level', () => {
  const roles = (text: string) => model(text).blocks.map((block) => `${block.role} ${block.text.trim().slice(0, 12)}`)
  assert.deepEqual(roles('# Vote\n\nThe council voted.\n\n## Sources\n\n- <https://example.org/news/6643>\n- Smith (2019). "A study".\n\n### Notes\n\nOne note.\n\n## Background\n\nThe plan is old.\n'), [
    'title Vote', 'body The council ', 'sources Sources', 'sources https://exam', 'sources Smith (2019)', 'sources Notes', 'sources One note.', 'subheading Background', 'body The plan is '
  ])
  // «المصادر:» as a paragraph of its own opens the section too; the line that opens it is not story text either.
  assert.deepEqual(roles('# تصويت\n\nصوّت المجلس.\n\nالمصادر:\n\n- <https://example.org/ar/news/9278>\n'), ['title تصويت', 'body صوّت المجلس.', 'sources المصادر:', 'sources https://exam'])
  // "Works Cited", a bold line, with its entries in the same paragraph; "References:" ended by a colon.
  assert.deepEqual(roles('# Vote\n\nThe council voted.\n\n**Works Cited**\nSmith, J. "A Study." 2019.\nDoe, J. "Another." 2020.\n'), ['title Vote', 'body The council ', 'sources Works Cited', 'sources Smith, J. "A', 'sources Doe, J. "Ano'])
  assert.deepEqual(roles('# Vote\n\nThe council voted.\n\nReferences:\nSmith, J. "A Study." 2019.\n'), ['title Vote', 'body The council ', 'sources References:', 'sources Smith, J. "A'])
  // A story line that starts with such a word opens nothing.
  assert.ok(model('# Vote\n\nThe council voted.\n\nNotes from the meeting were shared later, officials said.\nThe vote passed.\n').blocks.every((block) => block.role !== 'sources'))
  // No sources heading: nothing changes.
  assert.ok(model('# Vote\n\nThe council voted.\n\n- <https://example.org/news/6643>\n').blocks.every((block) => block.role !== 'sources'))
})

test('roles in English: frontmatter title, byline, dateline, caption, subheading', () => {
  const article = model([
    '---', 'title: Storm hits the coast', 'lang: en', '---', '',
    '# Storm hits the coast', '', 'By Jane Smith', '', 'July 25, 2019 | 11:15 PM', '',
    '![Flooded street](flood.jpg)', '', 'Photo: a flooded street in Miami (Reuters)', '',
    'The storm made landfall on Tuesday, officials said.', '', '## What comes next', '',
    'Forecasters expect more rain.'
  ].join('\n'))
  assert.equal(article.lang, 'en')
  assert.equal(article.title, 'Storm hits the coast')
  const roles = article.blocks.map((block) => [block.text.trim(), block.role])
  assert.deepEqual(roles, [
    ['Storm hits the coast', 'title'],
    ['By Jane Smith', 'byline'],
    ['July 25, 2019 | 11:15 PM', 'dateline'],
    ['', 'body'],
    ['Photo: a flooded street in Miami (Reuters)', 'caption'],
    ['The storm made landfall on Tuesday, officials said.', 'body'],
    ['What comes next', 'subheading'],
    ['Forecasters expect more rain.', 'body']
  ])
})

test('a hard-wrapped paragraph stays one block, and a quote spans its line breaks', () => {
  const article = model('The minister said: "We will not\nback down, whatever the cost of this\nwar turns out to be," and left.\n')
  assert.equal(article.blocks.length, 1)
  const [quote] = article.blocks[0].quotes
  assert.equal(quote.text, 'We will not back down, whatever the cost of this war turns out to be,')
  assert.equal(quote.unbalanced, false)
  const span = article.span(article.blocks[0], quote.open, quote.close + 1)
  assert.deepEqual([span.start.line, span.start.column, span.end.line, span.end.column], [1, 20, 3, 22])
})

test('list items, table cells and block quotes are blocks of their own kind', () => {
  const article = model('- first item said\n- second\n\n| a | b |\n| - | - |\n| cell one | cell two |\n\n> quoted text\n')
  assert.deepEqual(article.blocks.map((b) => [b.kind, b.inBlockquote, b.text]), [
    ['listItem', false, 'first item said'], ['listItem', false, 'second'],
    ['tableCell', false, 'a'], ['tableCell', false, 'b'], ['tableCell', false, 'cell one'], ['tableCell', false, 'cell two'],
    ['paragraph', true, 'quoted text']
  ])
})

test('link text is part of the block text, with its source offsets', () => {
  const source = 'According to [Reuters](https://www.reuters.com/world/x), the toll rose.'
  const article = model(source)
  const block = article.blocks[0]
  assert.equal(block.text, 'According to Reuters, the toll rose.')
  const at = block.text.indexOf('Reuters')
  assert.equal(source.slice(block.offsets[at], block.offsets[at + 7 - 1] + 1), 'Reuters')
  assert.equal(source.slice(block.offsets[block.text.indexOf('the')], block.offsets[block.text.indexOf('the')] + 3), 'the')
})

test('sentences: Arabic ؟ ends a sentence, ، and ؛ do not; abbreviations do not', () => {
  const ar = splitSentences('قال د. أحمد إن الوضع صعب، وأضاف؛ لا حل قريبا. لماذا الآن؟ لا أحد يعرف.', 'ar')
  assert.deepEqual(ar.map((s) => s.text), ['قال د. أحمد إن الوضع صعب، وأضاف؛ لا حل قريبا.', 'لماذا الآن؟', 'لا أحد يعرف.'])
  const en = splitSentences('Mr. Comey met Dr. Jane Doe in Washington, D.C. on Friday. The U.S. officials said no. Donald J. Trump left.', 'en')
  assert.deepEqual(en.map((s) => s.text), ['Mr. Comey met Dr. Jane Doe in Washington, D.C. on Friday.', 'The U.S. officials said no.', 'Donald J. Trump left.'])
})

test('words: Unicode boundaries next to Arabic letters, exact offsets, normalised forms', () => {
  const tokens = tokenize('وقالَ المسؤولُ: «إنّ ٦٢ شخصاً قُتلوا» - said AP.')
  assert.deepEqual(tokens.map((t) => t.text), ['وقالَ', 'المسؤولُ', 'إنّ', '٦٢', 'شخصاً', 'قُتلوا', 'said', 'AP'])
  assert.deepEqual(tokens.map((t) => t.norm), ['وقال', 'المسءول', 'ان', '62', 'شخصا', 'قتلوا', 'said', 'ap'])
  assert.equal(tokens[2].index, 'وقالَ المسؤولُ: «'.length)
})

test('normalisation: harakat, shadda, tatweel stripped; alef, yaa and taa marbuta folded; digits read', () => {
  assert.equal(normalize('أكّـــدَ'), 'اكد')
  assert.equal(normalize('إلى مستشفى المدينة'), 'الي مستشفي المدينه')
  assert.equal(normalize('آخر ۱۲۳ ٤٥'), 'اخر 123 45')
  const mapped = normalizeWithMap('قُتِلَ ٦٢')
  assert.equal(mapped.text, 'قتل 62')
  assert.equal(mapped.offsets[mapped.text.indexOf('6')], 'قُتِلَ '.length)
  assert.deepEqual(withoutProclitics('وبحسب'), ['بحسب', 'حسب'])
  assert.deepEqual(withoutProclitics('للمزيد'), ['المزيد', 'لمزيد', 'مزيد'])
})

test('language: frontmatter first, else Arabic share, else function words; per block', () => {
  assert.equal(model(seedRaw).lang, 'ar')
  assert.equal(model('The government said on Tuesday that the plan was on track and it would be ready.').lang, 'en')
  assert.equal(model('Die Regierung hat am Dienstag erklärt, dass der Plan nicht mit den Zielen vereinbar ist.').lang, 'de')
  assert.equal(model('---\nlang: ar\n---\n\nShort text.').lang, 'ar')
  // Languages without a lexicon must not be read as English.
  assert.equal(model('Rząd poinformował we wtorek, że plan jest realizowany i że nie ma opóźnień w pracach na budowie.').lang, 'pl')
  assert.equal(model('Regjeringen sa tirsdag at planen er i rute og at det ikke er noen forsinkelser i arbeidet med den nye veien.').lang, 'no')
  assert.equal(model('政府周二表示，该计划正在按期推进，新道路的建设工作没有任何延误。').lang, 'und')
  const mixed = model('قال المسؤول إن الخطة تسير وفق الجدول الزمني المحدد لها دون تأخير.\n\nThe minister said on Tuesday that the plan was on track and would be ready by the end of the year.')
  assert.deepEqual(mixed.blocks.map((b) => b.lang), ['ar', 'en'])
})

test('quotes: all mark styles, nesting, mixed pairs, unbalanced marks kept local', () => {
  const text = 'He said “the ‘old’ plan” and «الخطة» and „Plan“ and "straight" and \'single words\' here.'
  assert.deepEqual(findQuotes(text).filter((q) => !q.unbalanced).map((q) => [q.text, q.depth]), [
    ['the ‘old’ plan', 0], ['old', 1], ['الخطة', 0], ['Plan', 0], ['straight', 0], ['single words', 0]
  ])
  const nested = findQuotes('وقالت في بيان: «نؤكد أن الجانب لم يتلق «تأكيدا» رسميا».')
  assert.deepEqual(nested.map((q) => [q.text, q.depth, q.unbalanced]), [['نؤكد أن الجانب لم يتلق «تأكيدا» رسميا', 0, false], ['تأكيدا', 1, false]])
  const unbalanced = findQuotes('He said “this never closes. And more text.')
  assert.equal(unbalanced.length, 1)
  assert.equal(unbalanced[0].unbalanced, true)
  assert.equal(unbalanced[0].innerEnd, 'He said “this never closes. And more text.'.length)
  // An apostrophe is not a quote.
  assert.deepEqual(findQuotes("Reuters' report and the group's view"), [])
})

test('quotes: two apostrophes are one double mark, as archive and typewriter copy writes them', () => {
  const text = "Fox's revival of ''The X-Files'' ran, and ''It's a version of 'Are You Smarter?','' he said."
  assert.deepEqual(findQuotes(text).map((q) => [q.text, q.depth, q.unbalanced]), [
    ['The X-Files', 0, false], ["It's a version of 'Are You Smarter?',", 0, false], ['Are You Smarter?', 1, false]
  ])
  const first = findQuotes(text)[0]
  assert.equal(text.slice(first.open, first.close + 1), "''The X-Files''", 'the quotation runs from open to close + 1')
  // Three apostrophes after an open single quote close it, then the double one.
  const triple = findQuotes("''Most will not settle for 'We'll bomb them,''' said Senator Smith.")
  assert.deepEqual(triple.map((q) => [q.text, q.depth, q.unbalanced]), [["Most will not settle for 'We'll bomb them,'", 0, false], ["We'll bomb them,", 1, false]])
  // A plural possessive before a quoted word is no opening mark of a quotation.
  assert.ok(findQuotes("the players'' turn").every((q) => q.unbalanced))
})

test('an unclosed quote does not swallow the next block', () => {
  const article = model('He said “this never closes.\n\nNext paragraph “is quoted” here.')
  assert.equal(article.blocks[1].quotes.length, 1)
  assert.equal(article.blocks[1].quotes[0].text, 'is quoted')
})

test('links: inline, autolink, reference, definitions, footnotes, frontmatter and sources section', () => {
  const article = model([
    '---', 'sources:', '  - https://tass.ru/story/1', '---', '',
    'According to [Reuters](https://www.reuters.com/a) and <https://apnews.com/b>, [the BBC][bbc] said so.[^1]', '',
    'وفق [وكالة «تاس»](https://tass.ru/x).', '',
    '[bbc]: https://www.bbc.co.uk/news/1', '',
    '[^1]: Sky News, https://news.sky.com/story/2', '',
    '## المصادر', '', '- [سكاي نيوز عربية](https://www.skynewsarabia.com/world/1)'
  ].join('\n'))
  const {inText, articleSources} = article.links
  assert.deepEqual(inText.map((l) => [l.kind, l.text, l.host]), [
    ['inline', 'Reuters', 'reuters.com'], ['autolink', '', 'apnews.com'], ['reference', 'the BBC', 'bbc.co.uk'], ['inline', 'وكالة «تاس»', 'tass.ru']
  ])
  assert.deepEqual(articleSources.map((l) => [l.kind, l.host]).sort(), [
    ['definition', 'bbc.co.uk'], ['footnote', 'news.sky.com'], ['frontmatter', 'tass.ru'], ['sources-section', 'skynewsarabia.com']
  ].sort())
})

test('sentences of a long paragraph are found the same across the pieces it is segmented in', () => {
  const en = Array.from({length: 3000}, (_, i) => `Dr. Smith said ${i} people were hurt.`).join(' ')
  const found = splitSentences(en, 'en')
  assert.equal(found.length, 3000)
  assert.ok(found.every((s, i) => s.text === `Dr. Smith said ${i} people were hurt.` && en.slice(s.start, s.end) === s.text))
  const ar = Array.from({length: 3000}, (_, i) => `قال المسؤول إن ${i} أشخاص أصيبوا؟`).join(' ')
  assert.equal(splitSentences(ar, 'ar').length, 3000)
})

test('quotes: hostile runs of marks are paired without swallowing or blowing up', () => {
  const marks = '«'.repeat(20000) + ' text ' + '»'.repeat(20000)
  const quotes = findQuotes(marks)
  // Nesting stops at eight levels: the eight innermost openers pair with the first closers.
  assert.equal(quotes.filter((q) => !q.unbalanced).length, 8)
  assert.ok(quotes.every((q) => q.unbalanced || q.depth < 8))
  // Every quote stays inside the text.
  assert.ok(quotes.every((q) => q.open >= 0 && q.innerEnd <= marks.length))
})

test('endsWithCredit: what the photo-credit pattern matches, in one pass', () => {
  const pattern = /[(（][^()]*(?:\/|getty|reuters|afp|ap photo|epa|istock|shutterstock|photo|فرانس برس|رويترز|أرشيف)[^()]*[)）]\s*$/iu
  const pieces = ['(', ')', '（', '）', '/', 'getty', 'Reuters', 'AP Photo', 'ap', ' photo', 'رويترز', 'أرشيف', 'x', ' ', '\n', '\u00a0', 'EPA', 'a']
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 14}), (parts) => {
      const text = parts.join('')
      assert.equal(endsWithCredit(text), pattern.test(text), JSON.stringify(text))
    }),
    {seed: 20261128, numRuns: 20_000}
  )
  assert.equal(endsWithCredit('Rescuers at the site (Photo: AFP/Getty Images) '), true)
  assert.equal(endsWithCredit('فرق الإنقاذ في الموقع (أرشيف)'), true)
  assert.equal(endsWithCredit('(Photo) and then the story goes on'), false)
})

test('a quotation left open where the next quoted paragraph opens runs on (wire style scraped into one block): English and Arabic', async () => {
  const {findQuotes} = await import('../src/model/quotes.js')
  const shape = (text: string) => findQuotes(text).map((q) => [q.text, q.depth, q.unbalanced, q.runsOn ?? false])
  assert.deepEqual(shape('It was hard. "In 1991 he sold more records. "We saw it happen."'), [['In 1991 he sold more records.', 0, true, true], ['We saw it happen.', 0, false, false]])
  assert.deepEqual(shape('ثم قال: «سنعمل على ذلك. «ولن نتوقف».'), [['سنعمل على ذلك.', 0, true, true], ['ولن نتوقف', 0, false, false]])
  // A quotation inside a quotation that does not follow a sentence end stays nested.
  assert.deepEqual(shape('He said, "They told me "no way" at the door."').map(([text, depth]) => [text, depth]), [['They told me "no way" at the door.', 0], ['no way', 1]])
})
