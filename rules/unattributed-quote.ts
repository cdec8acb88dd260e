/**
 * ## unattributed-quote
 *
 * Flags a direct quotation presented as someone's words with no speaker: no speech cue
 * (said, told, added, according to; قال، أضاف، أكد، حسب، في بيان) ties it to a speaker in
 * its own sentence, in the sentence just before or after it in the same block, and it does
 * not continue the quotation of a speaker named in the previous block.
 *
 * Why: a quotation without a speaker cannot be checked, and readers take it as the
 * writer's own claim dressed up as testimony.
 *
 * How: quotation spans come from the article model, speakers from the attribution analysis
 * (src/model/attribution.ts). Cues are verbs of saying in any inflected or clitic form (fumed,
 * vows, quipped; أردفت، ستضيف، زعموا); one that is a noun too (notes, claims, read) only beside a
 * quotation (`“…,” he notes.`, `“…,” it read.`). A speaker is also found on an attribution line after the
 * quote (`“…” ― Maria Lopez`, or a source tag `“…” [WaPo.]`, also at the end of a digest item after the digest's own line: `“…” This follows … [WSJ | Paywall]`; a footnote `[12]` is none), in a label or clause before it
 * with a colon (`David Wasserman: “…”`, «وزير الإسكان: «…»», `From the report: “…”`, `The letter
 * continues: “…”`, also after a conjunction: `But Trump quickly deflected with a non sequitur: “…”`, or after a fronted
 * adverbial when the subject is a source: `As for Ban, he seems content with the deal: “…”`; `After the storm, the coast looked like a battlefield: “…”` names no one), in the owner of a noun of speech right beside it (`her remark that “…”`, `Trump's
 * comments: “…”`, «تصريحات الوزير: «…»»; such a noun beside no quotation names no one), in a block that introduces it and ends with a
 * colon (`She said:`, «وقال:»: the quoted blocks that follow are all its speaker's, as in an
 * interview or a statement read in full), and in a previous block whose last sentence is a verb
 * of talking (`She told the BBC about the struggle.`). A partial quotation woven into the writer's
 * sentence quotes the speaker of its passage (earlier in its block, or in the block before when
 * it opens as that block's elaboration: «فقد …»), or the outlet that is the subject of a verb of reporting before it
 * (`The New York Post reports that … in order to “keep the details … under wraps.”`). An English verb joined by "and" has its first
 * conjunct's subject, never the words after it (`… and confirmed his superstar status. "…"` names no
 * speaker). Quoted paragraphs whose breaks were lost (`… Third World. "In 1991 … his life. "We saw …"`:
 * the same mark opening after a sentence end inside an open quotation) are quotations of their own, each
 * continuing the speaker of the one before; a writer's sentence between them ends the run. A quotation of several paragraphs
 * that each open with the mark and are left open (only the last closes) is all the speaker's of the paragraph that opened it
 * (`“Okay,” I said. “I was seventeen …` / `“The experience …` / `“When I was …”`). A transcript's turn names its
 * speaker inside the quotation mark (`"RAMOS: Secretary Clinton, …`, «المذيع: …») and speaks for the quoted paragraphs after
 * it up to the next turn (a notice, `"UPDATE: …"`, «ملاحظة: …», is no turn). A block ending with a noun of speech and a colon
 * gives the quoted block after it the noun's owner (`President Clinton released the following statement:`, `this statement
 * by Trump on June 11:`); a statement of no one's (`The following statement was posted on the door:`) names no one. A topic label (`About his diagnosis:`)
 * names no speaker, and a quote that opens the story or stands alone as a pull quote is still
 * flagged. Left alone: quotations of fewer than `minWords` words (names,
 * titles, scare quotes such as «داعش خراسان»), quotations in the title, headings, captions,
 * the entries of a sources section (titles of the reports an article cites)
 * and other non-story blocks, block quotes with their own attribution line, quoted titles
 * introduced as such ("a report titled …", «بعنوان») or followed by their byline (a digest's `"… to close," by Times' Ben
 * Sisario: "…"`, «"…"، بقلم سامر خليل:»), short quoted terms inside a sentence (six
 * words or fewer, no sentence punctuation of their own: «تنظيم الدولة الإسلامية في العراق
 * والشام»), and stray marks that enclose no one's words. A quote tied to a vague group
 * ("experts said") is attributed here; vagueness is vague-attribution's to report.
 * Quotes in a language with no speech cues in the lexicons (neither built in nor added by
 * `speechVerbs` in the configuration) are left alone too: without its verbs every quote of
 * a German or French story would look unattributed.
 *
 * Options: `{minWords: 4}`: the shortest quotation, in words, that must have a speaker.
 *
 * @example
 *   {"name": "no-speaker.md", "lang": "en"}
 *
 *   ```markdown
 *   # Minister resigns
 *
 *   The minister resigned on Tuesday after a week of pressure.
 *
 *   "I have decided to step aside for the good of the party."
 *   ```
 * @example
 *   {"name": "no-speaker.md", "label": "output"}
 *
 *   ```text
 *   5:1-5:58: Quote has no speaker: name who said it, or cut the quotation marks
 *   ```
 * @example
 *   {"name": "said.md", "lang": "en"}
 *
 *   ```markdown
 *   # Minister resigns
 *
 *   "I have decided to step aside for the good of the party," the minister said on Tuesday.
 *
 *   The party called the "Back to Basics" campaign a success.
 *   ```
 * @example
 *   {"name": "speaker-around.md", "lang": "en"}
 *
 *   ```markdown
 *   # Budget fight
 *
 *   "This budget is a betrayal of every family in the state," Toomey fumed on Tuesday.
 *
 *   David Wasserman: "The suburbs are moving faster than anyone expected this year."
 *
 *   "The most unqualified candidate ever to run for this office." ― Francisco Herrero
 *   ```
 * @example
 *   {"name": "no-speaker-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # استقالة الوزير
 *
 *   استقال الوزير مساء الثلاثاء بعد أسبوع من الضغوط داخل الحزب.
 *
 *   «قررت التنحي من أجل مصلحة الحزب والبلاد».
 *   ```
 * @example
 *   {"name": "no-speaker-ar.md", "label": "output"}
 *
 *   ```text
 *   5:1-5:41: Quote has no speaker: name who said it, or cut the quotation marks
 *   ```
 * @example
 *   {"name": "said-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # استقالة الوزير
 *
 *   وقال الوزير في بيان: «قررت التنحي من أجل مصلحة الحزب والبلاد».
 *
 *   وأعلن تنظيم «داعش خراسان» مسؤوليته عن الهجوم.
 *   ```
 * @example
 *   {"name": "speaker-around-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # خطة الإسكان
 *
 *   «لن نسمح بتكرار ما حدث في أي حي من أحياء المدينة»، أردفت المتحدثة باسم البلدية.
 *
 *   وزير الإسكان: «سنبني عشرة آلاف وحدة سكنية قبل نهاية العام المقبل».
 *   ```
 */
import {defineRule} from '../src/rule.js'
import {findAttributions, wordCount} from '../src/model/attribution.js'
import type {Quote} from '../src/model/article.js'
import {opensText} from '../src/model/quotes.js'

// Words that introduce a quoted title or name rather than someone's words.
const TITLE_INTRODUCERS = /(?:titled|entitled|called|named|dubbed|so-called|headlined|slogan|motto|hashtag|بعنوان|عنوان|المسمى|المسماة|المسماه|يسمى|تسمى|باسم|شعار|وسم|هاشتاغ|هاشتاج)\s*[:،,]?\s*$/iu

export default defineRule({id: 'unattributed-quote', messages: ['unattributed-quote'], defaults: {minWords: 4}}, (article, options, report) => {
  const attributions = article.use(findAttributions)
  for (const block of article.blocks) {
    if (!article.isStoryText(block) || !article.readsAttribution(block)) continue
    for (const quote of block.quotes) {
      // Outer quotations with an opening mark; an unclosed one counts only when it opens its block (a quote running on to
      // the next paragraph) or runs on as quoted paragraphs run together (`… Third World. "In 1991 … life. "We saw …"`).
      if (quote.depth !== 0 || quote.marks[0] === '') continue
      if (quote.unbalanced && !opensText(block.text, quote) && !quote.runsOn) continue
      if (wordCount(quote.text) < options.minWords || isTitle(quote.text)) continue
      if (TITLE_INTRODUCERS.test(block.text.slice(Math.max(0, quote.open - 24), quote.open))) continue
      if (quote.close >= 0 && BYLINE_AFTER.test(block.text.slice(quote.close + 1, quote.close + 80))) continue
      if (isEmbeddedTerm(article.sentenceAt(block, quote.open)?.start ?? 0, block.text, quote)) continue
      if (attributions.quoteAttribution(block.index, quote)) continue
      const to = quote.close >= 0 ? quote.close + 1 : quote.innerEnd
      report(article.span(block, quote.open, to), 'unattributed-quote', {quote: quote.text.trim().slice(0, 80)})
    }
  }
})

// A byline after a quoted headline: a digest's `"The Living Room to close," by Times' Ben Sisario: "…"`, «"…"، بقلم سامر خليل:».
// The byline ends at a colon, a link or the block's end (never "by Trump's own account, …").
const BYLINE_AFTER = /^\s*[,،]?\s*(?:by\s+\p{Lu}|بقلم\s+\p{L})[^.!?:"“”«»\n]{0,50}?(?:[:：]|\s+https?:|\s*$)/u

/** A quoted title in title case ("The Art of the Deal"), not someone's words. */
function isTitle(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? []
  const long = words.filter((word) => word.length > 3)
  return long.length > 0 && !/[.!?]\s*$/u.test(text.trim()) && long.every((word) => /^\p{Lu}/u.test(word))
}

/**
 * A short quotation inside a sentence, with words before it and no sentence punctuation of its own, reads as a
 * quoted name or term («تنظيم الدولة الإسلامية في العراق والشام», the "one country, two systems" policy), not as testimony.
 */
function isEmbeddedTerm(sentenceStart: number, text: string, quote: Quote): boolean {
  const before = text.slice(sentenceStart, quote.open)
  return wordCount(quote.text) <= 6 && wordCount(before) > 0 && !/[:：]\s*$/u.test(before) && !/[.!?؟…]/u.test(quote.text)
}
