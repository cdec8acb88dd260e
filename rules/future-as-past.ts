/**
 * ## future-as-past
 *
 * Flags a founding, emergence, birth or death told in the past tense with a year after the
 * article's own year, or a date after the article's date: «ظهر التنظيم أوائل 2025» in an
 * article dated 22 March 2024, "the company was founded in 2026" in a 2024 story. Only
 * articles with a frontmatter `date` are checked.
 *
 * Why: an article cannot report as done what had not happened when it was written; such a
 * year is a typo (2025 for 2015), a wrong century, or a date copied from elsewhere. It is the
 * seed article's case: the group «ظهر … أوائل 2025» in a story of March 2024.
 *
 * How: the dates lexicon (src/lexicons/dates.json) lists the past-tense verbs of founding,
 * emergence, birth and death (تأسس، ظهر، نشأ، تشكل، ولد، توفي / founded, formed, established,
 * emerged, was born, died); the date reading model (src/model/dates.ts) gives the years and
 * dates of the sentence. The verb's year is the first date or marked year after it in its
 * sentence (within 12 words; «عام 2025», "in 2025", «أوائل 2025», a month), else the one
 * right before it. A plan, forecast or condition in the verb's clause (سوف، المقرر، بحلول، خطة،
 * رؤية / will, plans, scheduled, expected, by 2030, if) leaves it alone, and so do compound
 * adjectives ("the Cuban-born singer, whose album comes out in 2017"), quotations,
 * link text, headings and promo blocks. The message names the line of the article's date
 * and never says which of the two is wrong; there is no fix.
 *
 * Options: none.
 *
 * @example
 *   {"name": "emerged.md", "lang": "ar"}
 *
 *   ```markdown
 *   ---
 *   date: 2024-03-22
 *   ---
 *
 *   # التنظيم
 *
 *   ظهر التنظيم في شرق أفغانستان أوائل 2025 وسرعان ما ذاع صيته.
 *   ```
 * @example
 *   {"name": "emerged.md", "label": "output"}
 *
 *   ```text
 *   7:30-7:40: “ظهر التنظيم في شرق أفغانستان أوائل 2025” is told as past, but the article is dated 22 March 2024 (line 2): check the year and the article's date
 *   ```
 * @example
 *   {"name": "plan.md", "lang": "ar"}
 *
 *   ```markdown
 *   ---
 *   date: 2024-03-22
 *   ---
 *
 *   # الشركة
 *
 *   من المقرر أن تتأسس الشركة الجديدة عام 2026، بعد أن تأسست الشركة الأم عام 2015.
 *   ```
 * @example
 *   {"name": "founded.md", "lang": "en"}
 *
 *   ```markdown
 *   ---
 *   date: 2016-10-04
 *   ---
 *
 *   # The company
 *
 *   The company was founded in 2017 and quickly grew.
 *   ```
 * @example
 *   {"name": "founded.md", "label": "output"}
 *
 *   ```text
 *   7:28-7:32: “was founded in 2017” is told as past, but the article is dated 4 October 2016 (line 2): check the year and the article's date
 *   ```
 * @example
 *   {"name": "will.md", "lang": "en"}
 *
 *   ```markdown
 *   ---
 *   date: 2016-10-04
 *   ---
 *
 *   # The company
 *
 *   Founded in 1998, the company will open a new plant in 2018.
 *   ```
 * @example
 *   {"name": "undated.md", "lang": "en"}
 *
 *   ```markdown
 *   # The company
 *
 *   The company was founded in 2037.
 *   ```
 */
import {compareDates, type DateMention, dateText, dateWordsIn, findDates, type Ymd} from '../src/model/dates.js'
import {defineRule} from '../src/rule.js'
import {tokenAt} from '../src/model/tokens.js'

/** How far a verb's year may stand from it, in words: after it (its complement), before it (a fronted «عام 2015 تأسست»). */
const AFTER = 12
const BEFORE = 4
/** Longest event text quoted in the message. */
const QUOTED = 60

/** Offset just past the last clause break (a comma, semicolon, dash or parenthesis) in text[from, to), or `from`. */
function lastClauseBreak(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (',،;؛()—–'.includes(text[i])) return i + 1
  return from
}

export default defineRule(
  {id: 'future-as-past', messages: ['futureAsPast'], defaults: {}},
  (article, _options, report) => {
    const {mentions, published} = article.use(findDates)
    if (!published || !mentions.length) return
    const reported = new Set<DateMention>()
    const later = (mention: DateMention): boolean => {
      if (mention.calendar === 'hijri') return mention.gregorian !== undefined && compareDates(mention.gregorian, published) > 0
      if (mention.year === undefined) return false
      if (mention.kind === 'year') return mention.marked && mention.year > published.year
      if (mention.kind === 'month') return mention.year > published.year || (mention.year === published.year && mention.month! > published.month)
      const readings: Ymd[] = mention.readings ?? [{year: mention.year, month: mention.month!, day: mention.day!}]
      return readings.every((date) => compareDates(date, published) > 0)
    }
    const blocks = new Set(mentions.filter(later).map((mention) => mention.block))
    for (const block of blocks) {
      const inBlock = mentions.filter((mention) => mention.block === block)
      for (const [s, sentence] of block.sentences.entries()) {
        const inSentence = inBlock.filter((mention) => mention.sentence === s)
        if (!inSentence.some(later)) continue
        const first = tokenAt(block.tokens, sentence.start)
        const last = tokenAt(block.tokens, sentence.end)
        const words = dateWordsIn(article.lexicons, block.tokens, first, last, ['event', 'plan'])
        const plans = words.filter((word) => word.entry.kind === 'plan').map((word) => block.tokens[word.from].index)
        for (const verb of words) {
          if (verb.entry.kind !== 'event') continue
          const verbStart = block.tokens[verb.from].index
          const verbEnd = block.tokens[verb.to - 1].end
          // A verb inside a compound adjective ("Cuban-born", "well-established") tells no event of its own.
          if (block.text[verbStart - 1] === '-') continue
          // «ظهر» before a time of day is noon («ظهر يوم الجمعة»), not "emerged".
          if (/^(?:يوم|اليوم|امس|الخميس|الجمعه|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء)$/u.test(block.tokens[verb.to]?.norm ?? '') && block.tokens[verb.from].norm.endsWith('ظهر')) continue
          const after = inSentence.find((mention) => mention.from >= verbEnd && (mention.kind !== 'year' || mention.marked))
          const before = [...inSentence].reverse().find((mention) => mention.to <= verbStart && (mention.kind !== 'year' || mention.marked))
          const distance = (from: number, to: number) => tokenAt(block.tokens, to) - tokenAt(block.tokens, from)
          const attached = after && distance(verbEnd, after.from) <= AFTER ? after : before && distance(before.to, verbStart) <= BEFORE ? before : undefined
          if (!attached || reported.has(attached) || !later(attached)) continue
          // A plan, forecast or condition in the verb's clause (from the last comma before the verb or its date to a
          // few words past the date): "will be founded in 2018", "the baby, due to be born in January 2017, …".
          const clauseStart = Math.max(sentence.start, lastClauseBreak(block.text, sentence.start, Math.min(verbStart, attached.from)))
          const clauseEnd = block.tokens[Math.min(block.tokens.length - 1, tokenAt(block.tokens, attached.to) + 2)]?.end ?? sentence.end
          if (plans.some((at) => at >= clauseStart && at < clauseEnd)) continue
          // "by 2030", «بحلول 2030»: a deadline, not a date.
          const previous = block.tokens[tokenAt(block.tokens, attached.from) - 1]
          if (previous && (previous.norm === 'by' || previous.norm === 'بحلول')) continue
          reported.add(attached)
          const from = Math.min(verbStart, attached.from)
          const to = Math.max(verbEnd, attached.to)
          const text = block.text.slice(from, to)
          const event = text.length <= QUOTED ? text : text.slice(0, QUOTED / 2 - 1).trimEnd() + ' … ' + text.slice(text.length - QUOTED / 2 + 1).trimStart()
          report(article.span(block, attached.from, attached.to), 'futureAsPast', {event, published: dateText(published), line: published.line ?? 1})
        }
      }
    }
  }
)
