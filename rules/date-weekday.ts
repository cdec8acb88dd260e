/**
 * ## date-weekday
 *
 * Flags a weekday written beside a full date that does not fall on it: «الجمعة 23 مارس 2024»,
 * "Friday, March 23, 2024" (23 March 2024 was a Saturday). With no year beside the date
 * ("Friday, March 22"), the article's frontmatter `date` gives the year: the pair is flagged
 * only when no year from the year before it to the year after puts the date on that weekday.
 * A Hijri date paired with a Gregorian one by «الموافق» is flagged when the two are more than
 * two days apart by the Umm al-Qura calendar (moon sighting moves a Hijri date by a day or two).
 *
 * Why: editors' checklists name it first among a story's internal checks; in Arabic copy about
 * one pair in 80 disagrees, and every such pair read was a real error. One of the two is wrong,
 * and the message cannot know which: it names both and asks to check.
 *
 * How: the date reading model (src/model/dates.ts) reads dates and weekdays with Intl's month
 * and weekday names of every Arabic locale and English, numeric dates under both readings
 * (flagged only when neither reading fits), and pairs a weekday with the date written right
 * beside it (either order, with a comma, parentheses, «يوم» or «الموافق» between). Quotations,
 * link text, headings and promo blocks are not read. Impossible dates are left to
 * `impossible-date`. No fix: the rule cannot tell which side is wrong.
 *
 * Options: none.
 *
 * @example
 *   {"name": "mismatch-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   وقع الهجوم مساء الجمعة 23 مارس 2024 في ضواحي موسكو.
 *   ```
 * @example
 *   {"name": "mismatch-ar.md", "label": "output"}
 *
 *   ```text
 *   3:17-3:36: 23 March 2024 is a Saturday, not a Friday: check the weekday and the date
 *   ```
 * @example
 *   {"name": "match-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   وقع الهجوم مساء الجمعة 22 مارس 2024 في ضواحي موسكو.
 *   ```
 * @example
 *   {"name": "mismatch.md", "lang": "en"}
 *
 *   ```markdown
 *   # The attack
 *
 *   Gunmen opened fire on Friday, March 23, 2024, near Moscow.
 *   ```
 * @example
 *   {"name": "mismatch.md", "label": "output"}
 *
 *   ```text
 *   3:23-3:45: 23 March 2024 is a Saturday, not a Friday: check the weekday and the date
 *   ```
 * @example
 *   {"name": "no-year.md", "lang": "en"}
 *
 *   ```markdown
 *   ---
 *   date: 2016-11-08
 *   ---
 *
 *   # Election day
 *
 *   Voters go to the polls on Thursday, Nov. 8.
 *   ```
 * @example
 *   {"name": "no-year.md", "label": "output"}
 *
 *   ```text
 *   7:27-7:43: 8 November is not a Thursday in any year from 2015 to 2017, around the article's date (line 2): check the weekday and the date
 *   ```
 * @example
 *   {"name": "match.md", "lang": "en"}
 *
 *   ```markdown
 *   # The attack
 *
 *   Gunmen opened fire on Friday, March 22, 2024, and on Friday, the 31st, police said.
 *   ```
 * @example
 *   {"name": "hijri.md", "lang": "ar"}
 *
 *   ```markdown
 *   # رمضان
 *
 *   بدأ الصيام يوم 1 رمضان 1445 هـ الموافق 20 مارس 2024.
 *   ```
 * @example
 *   {"name": "hijri.md", "label": "output"}
 *
 *   ```text
 *   3:16-3:52: 1 Ramadan 1445 AH is 11 March 2024 in the Umm al-Qura calendar, 9 days from 20 March 2024: check both dates
 *   ```
 */
import {type DateMention, dateText, dayNumber, findDates, hijriText, isRealDate, weekdayOf, weekdayText, type WeekdayMention, type Ymd} from '../src/model/dates.js'
import {defineRule} from '../src/rule.js'

export default defineRule(
  {id: 'date-weekday', messages: ['weekdayMismatch', 'weekdayNoYear', 'hijriMismatch'], defaults: {}},
  (article, _options, report) => {
    const {mentions, published} = article.use(findDates)
    const span = (mention: DateMention, other: {from: number; to: number}) =>
      article.span(mention.block, Math.min(mention.from, other.from), Math.max(mention.to, other.to))
    for (const mention of mentions) {
      if (mention.kind !== 'date' || mention.firstDay !== undefined || mention.month === undefined || mention.day === undefined) continue
      if (mention.calendar === 'hijri') {
        const other = mention.equivalent
        if (!mention.gregorian || !other || other.calendar !== 'gregorian' || other.year === undefined || other.firstDay !== undefined) continue
        const written: Ymd = {year: other.year, month: other.month!, day: other.day!}
        const days = Math.abs(dayNumber(mention.gregorian) - dayNumber(written))
        if (!isRealDate(written) || days <= 2) continue
        report(span(mention, other), 'hijriMismatch', {hijri: hijriText({year: mention.year!, month: mention.month, day: mention.day}), converted: dateText(mention.gregorian), days, date: dateText(written)})
        continue
      }
      // The weekday beside the date, or beside the Hijri date «الموافق» pairs it with.
      const weekday: WeekdayMention | undefined = mention.weekday ?? (mention.equivalent?.calendar === 'hijri' ? mention.equivalent.weekday : undefined)
      if (!weekday) continue
      const where = span(mention, weekday)
      if (mention.year !== undefined) {
        const readings = (mention.readings ?? [{year: mention.year, month: mention.month, day: mention.day}]).filter(isRealDate)
        if (!readings.length || readings.some((date) => weekdayOf(date) === weekday.weekday)) continue
        report(where, 'weekdayMismatch', {date: dateText(readings[0]), actual: weekdayText(weekdayOf(readings[0])), weekday: weekdayText(weekday.weekday)})
      } else if (published) {
        const years = [published.year - 1, published.year, published.year + 1]
        const dates = years.map((year) => ({year, month: mention.month!, day: mention.day!})).filter(isRealDate)
        if (!dates.length || dates.some((date) => weekdayOf(date) === weekday.weekday)) continue
        report(where, 'weekdayNoYear', {date: dateText({month: mention.month, day: mention.day}), weekday: weekdayText(weekday.weekday), from: String(years[0]), to: String(years[2]), line: published.line ?? 1})
      }
    }
  }
)
