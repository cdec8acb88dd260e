/**
 * ## impossible-date
 *
 * Flags a date that no calendar has: a day beyond its month (31 April, 30 February), 29
 * February of a common year, «31 نيسان 2024». A date written in digits only (31/04/2024) is
 * flagged only when it is impossible both as day/month and as month/day.
 *
 * Why: such a date is a typo or a slip of the month, and no reader can tell which day is meant.
 *
 * How: the date reading model (src/model/dates.ts) reads dates with the month names of every
 * Arabic locale's calendar and English, and numeric dates with a four-digit year; day ranges
 * ("30-31 April") are checked day by day. Quotations, link text, headings and promo blocks
 * are not read. No fix: the rule cannot tell which day was meant.
 *
 * Options: none.
 *
 * @example
 *   {"name": "april.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الانتخابات
 *
 *   أعلنت اللجنة النتائج في 31 أبريل 2024 بعد فرز الأصوات.
 *   ```
 * @example
 *   {"name": "april.md", "label": "output"}
 *
 *   ```text
 *   3:25-3:38: April has 30 days: there is no day 31 of it. Check the date
 *   ```
 * @example
 *   {"name": "leap.md", "lang": "en"}
 *
 *   ```markdown
 *   # Results
 *
 *   The commission published the results on February 29, 2023.
 *   ```
 * @example
 *   {"name": "leap.md", "label": "output"}
 *
 *   ```text
 *   3:41-3:58: 2023 is not a leap year: February 2023 had 28 days. Check the date
 *   ```
 * @example
 *   {"name": "numeric.md", "lang": "en"}
 *
 *   ```markdown
 *   # Results
 *
 *   The form is dated 04/31/2024 and was signed 31/04/2024.
 *   ```
 * @example
 *   {"name": "numeric.md", "label": "output"}
 *
 *   ```text
 *   3:19-3:29: 04/31/2024 is no date, read as day/month or as month/day: check the date
 *   3:45-3:55: 31/04/2024 is no date, read as day/month or as month/day: check the date
 *   ```
 * @example
 *   {"name": "ranges.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الانتخابات
 *
 *   جرت الانتخابات يومي 30 و31 مارس 2024، وأعلنت النتائج في 29 شباط 2024.
 *   ```
 * @example
 *   {"name": "leap-year.md", "lang": "en"}
 *
 *   ```markdown
 *   # Results
 *
 *   The results came on February 29, 2024, and the form is dated 12/31/2024.
 *   ```
 */
import {daysInMonth, findDates, isRealDate, monthText} from '../src/model/dates.js'
import {defineRule} from '../src/rule.js'

export default defineRule(
  {id: 'impossible-date', messages: ['impossibleDay', 'notLeapYear', 'impossibleNumeric'], defaults: {}},
  (article, _options, report) => {
    for (const mention of article.use(findDates).mentions) {
      if (mention.kind !== 'date' || mention.calendar !== 'gregorian' || mention.month === undefined || mention.day === undefined) continue
      const where = article.span(mention.block, mention.from, mention.to)
      if (mention.numeric) {
        if (!mention.readings?.some(isRealDate)) report(where, 'impossibleNumeric', {written: mention.block.text.slice(mention.from, mention.to)})
        continue
      }
      const {year, month} = mention
      const day = Math.max(mention.day, mention.firstDay ?? 0)
      if (day <= daysInMonth(year, month)) continue
      if (month === 2 && day === 29 && year !== undefined) report(where, 'notLeapYear', {year: String(year)})
      else report(where, 'impossibleDay', {month: monthText(month), count: daysInMonth(year, month), day})
    }
  }
)
