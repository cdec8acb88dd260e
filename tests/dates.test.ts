/**
 * The date reading model (src/model/dates.ts): what it reads, with offsets, and what it leaves alone.
 * Expected values are calendar facts checked by hand (23 March 2024 was a Saturday; 1 Ramadan
 * 1445 was 11 March 2024 by Umm al-Qura).
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {createProcessor} from '../src/index.js'
import {getArticle} from '../src/model/article.js'
import {type DateMention, findDates, gregorianOfHijri, hijriOf, isRealDate, weekdayOf} from '../src/model/dates.js'

async function read(text: string) {
  const file = new VFile({value: text})
  const processor = createProcessor()
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return getArticle(tree, file).use(findDates)
}

const shown = (mention: DateMention) => ({
  text: mention.block.text.slice(mention.from, mention.to),
  kind: mention.kind,
  calendar: mention.calendar,
  ymd: [mention.year, mention.month, mention.day].map((n) => n ?? null),
  ...(mention.approximator ? {approximator: mention.approximator} : {}),
  ...(mention.weekday ? {weekday: mention.weekday.weekday} : {})
})

test('calendar arithmetic: leap years, weekdays, Umm al-Qura both ways', () => {
  assert.equal(isRealDate({year: 2024, month: 2, day: 29}), true)
  assert.equal(isRealDate({year: 2023, month: 2, day: 29}), false)
  assert.equal(isRealDate({year: 1900, month: 2, day: 29}), false)
  assert.equal(isRealDate({year: 2000, month: 2, day: 29}), true)
  assert.equal(isRealDate({year: 2024, month: 4, day: 31}), false)
  assert.equal(weekdayOf({year: 2024, month: 3, day: 22}), 5)
  assert.deepEqual(hijriOf({year: 2024, month: 3, day: 11}), {year: 1445, month: 9, day: 1})
  assert.deepEqual(gregorianOfHijri({year: 1445, month: 9, day: 1}), {year: 2024, month: 3, day: 11})
  assert.deepEqual(gregorianOfHijri({year: 1444, month: 10, day: 1}), {year: 2023, month: 4, day: 21})
  for (let year = 1400; year <= 1460; year += 7) for (let month = 1; month <= 12; month += 5) {
    const gregorian = gregorianOfHijri({year, month, day: 15})
    assert.ok(gregorian, `${year}-${month}`)
    assert.deepEqual(hijriOf(gregorian), {year, month, day: 15})
  }
})

test('Arabic dates: month names of every Arabic calendar, weekdays with clitics, Hijri with «الموافق», digits', async () => {
  const {mentions, weekdays} = await read('# خبر\n\nاجتمعوا يوم الجمعة 22 مارس 2024، والخميس 1 كانون الثاني 2015، و22 جانفي 2020 و3 أوت 2019 و4 شتنبر 2018 و٢٢/٣/٢٠٢٤، ثم في 30-31 آذار/مارس 2023 وفي 12 رمضان 1445 هـ الموافق 22 مارس 2024م.\n')
  assert.deepEqual(mentions.map(shown), [
    {text: '22 مارس 2024', kind: 'date', calendar: 'gregorian', ymd: [2024, 3, 22], weekday: 5},
    {text: '1 كانون الثاني 2015', kind: 'date', calendar: 'gregorian', ymd: [2015, 1, 1], weekday: 4},
    {text: '22 جانفي 2020', kind: 'date', calendar: 'gregorian', ymd: [2020, 1, 22]},
    {text: '3 أوت 2019', kind: 'date', calendar: 'gregorian', ymd: [2019, 8, 3]},
    {text: '4 شتنبر 2018', kind: 'date', calendar: 'gregorian', ymd: [2018, 9, 4]},
    {text: '٢٢/٣/٢٠٢٤', kind: 'date', calendar: 'gregorian', ymd: [2024, 3, 22]},
    {text: '30-31 آذار/مارس 2023', kind: 'date', calendar: 'gregorian', ymd: [2023, 3, 31]},
    {text: '12 رمضان 1445 هـ', kind: 'date', calendar: 'hijri', ymd: [1445, 9, 12]},
    {text: '22 مارس 2024م', kind: 'date', calendar: 'gregorian', ymd: [2024, 3, 22]}
  ])
  assert.deepEqual(weekdays.map((w) => w.weekday), [5, 4])
  const hijri = mentions[7]
  assert.deepEqual(hijri.gregorian, {year: 2024, month: 3, day: 22})
  assert.equal(hijri.equivalent, mentions[8])
})

test('English dates: month first or day first, abbreviations, ordinals, numeric readings, ISO', async () => {
  const {mentions} = await read('# News\n\nOn Tues., Sept. 12, 2016, and on Friday, the 22nd of March 2024; also March 2020, 4/5/2021 and 2019-03-15.\n')
  assert.deepEqual(mentions.map(shown), [
    {text: 'Sept. 12, 2016', kind: 'date', calendar: 'gregorian', ymd: [2016, 9, 12], weekday: 2},
    {text: '22nd of March 2024', kind: 'date', calendar: 'gregorian', ymd: [2024, 3, 22], weekday: 5},
    {text: 'March 2020', kind: 'month', calendar: 'gregorian', ymd: [2020, 3, null]},
    {text: '4/5/2021', kind: 'date', calendar: 'gregorian', ymd: [2021, 5, 4]},
    {text: '2019-03-15', kind: 'date', calendar: 'gregorian', ymd: [2019, 3, 15]}
  ])
  assert.deepEqual(mentions[3].readings, [{year: 2021, month: 5, day: 4}, {year: 2021, month: 4, day: 5}])
  assert.deepEqual(mentions[4].readings, [{year: 2019, month: 3, day: 15}])
})

test('years: approximators in both languages, marked years, counts and decimals are not years', async () => {
  const ar = await read('# خبر\n\nظهر التنظيم أوائل عام 2025، وفي مطلع 2019 وعام 2018، وقتل 2025 شخصا، وبلغ المؤشر ٢٠٢٤٫٥ نقطة و١٬٢٠٢٥ دولار.\n')
  assert.deepEqual(ar.mentions.map((m) => [m.block.text.slice(m.from, m.to), m.approximator ?? null, m.marked]), [
    ['أوائل عام 2025', 'أوائل', true],
    ['مطلع 2019', 'مطلع', true],
    ['2018', null, true],
    ['2025', null, false]
  ])
  const en = await read('# News\n\nThe group emerged in early 2015 and peaked in mid-2018; 2025 people came, and the index hit 2,019.5.\n')
  assert.deepEqual(en.mentions.map((m) => [m.block.text.slice(m.from, m.to), m.approximator ?? null, m.marked]), [
    ['early 2015', 'early', true],
    ['mid-2018', 'mid', true],
    ['2025', null, false]
  ])
})

test('not read: quotations, block quotes, subheadings, link text, promo; the frontmatter date is', async () => {
  const {mentions, published} = await read('---\ndate: 2024-03-22\n---\n\n# News\n\n"We met on March 3, 2020," he said, and [the March 4, 2020 report](https://example.com/r) was read.\n\n## March 5, 2020\n\n> March 6, 2020\n\nOn March 7, 2020 it ended.\n')
  assert.deepEqual(mentions.map((m) => m.block.text.slice(m.from, m.to)), ['March 7, 2020'])
  assert.deepEqual(published, {year: 2024, month: 3, day: 22, text: '2024-03-22', line: 2})
})
