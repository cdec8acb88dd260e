/**
 * ## anonymous-source
 *
 * Flags an attribution whose speaker is not named: "a source said", "officials told
 * Reuters", "according to a senior US general"; «قال مصدر»، «أكد مسؤولون»، «مصدر في
 * الهيئات الأمنية».
 *
 * Why: readers cannot weigh what an unnamed person says, and news agencies' own policies
 * ask the writer to say why a source was granted anonymity.
 *
 * How: the attribution analysis (src/model/attribution.ts) finds each cue's speaker and
 * marks it anonymous when its head is in src/lexicons/anonymous.json and no name follows it
 * ("spokesman John Kirby" is named), or when a word says it is unnamed ("an unnamed teacher
 * said", «قال شخص مجهول»). Only the first mention of each unnamed source is
 * flagged: a definite mention of a like source already met ("the source confirmed",
 * «أكد المصدر», "the two officials") and pronouns ("he added", "one of them") are not
 * flagged again, nor is a repeat of a description already met ("Con Edison officials said" twice, or
 * "agency officials said" after it, naming its body by a common noun); a new indefinite description
 * ("security officials") is a new source. A possessive opens a new
 * source ("her advisers said", "her friend said") that a repeat of its head refers back to; another
 * owner's ("his advisers say" after "her advisers said") is someone new. An unnamed source who
 * holds a view of a fact is one too ("Officials expect", "his advisers believe", «ويخشى
 * مسؤولون»: cues.json `holdsClaim`), though not one who hopes or wants, nor in a comparison ("more
 * than her advisers expected"). An
 * Arabic unnamed subject may stand before «قد» and its verb («مصدر مسؤول في القنصلية كان قد
 * نفى»). A negated verb attributes nothing ("his aides haven't said much"). Sources that appear only
 * inside someone else's quotation, and mentions outside the story text, are left alone.
 *
 * Options: `{allowWithReason: true}`: leave the source alone when the sentence (or the next
 * one) says why anonymity was granted (src/lexicons/reasons.json: "spoke on condition of
 * anonymity because …", «طلب عدم الكشف عن هويته لأنه …»). Saying only that the source was
 * granted anonymity ("speaking on condition of anonymity", «شريطة عدم الكشف عن هويته») gives
 * no reason: the source is still flagged.
 *
 * @example
 *   {"name": "source.md", "lang": "en"}
 *
 *   ```markdown
 *   # Car plant to close
 *
 *   The plant will close next year, a source familiar with the plans said.
 *   ```
 * @example
 *   {"name": "source.md", "label": "output"}
 *
 *   ```text
 *   3:33-3:70: Unnamed source: name the source, or say why anonymity was granted
 *   ```
 * @example
 *   {"name": "reason.md", "lang": "en"}
 *
 *   ```markdown
 *   # Car plant to close
 *
 *   The plant will close next year, said an official who spoke on condition of anonymity because he was not authorized to discuss the plans.
 *   ```
 * @example
 *   {"name": "no-reason.md", "lang": "en"}
 *
 *   ```markdown
 *   # Car plant to close
 *
 *   The plant will close next year, said an official who spoke on condition of anonymity.
 *   ```
 * @example
 *   {"name": "no-reason.md", "label": "output"}
 *
 *   ```text
 *   3:33-3:49: Unnamed source: name the source, or say why anonymity was granted
 *   ```
 * @example
 *   {"name": "source-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # إغلاق مصنع السيارات
 *
 *   قال مصدر أمني إن المصنع سيغلق العام المقبل.
 *   ```
 * @example
 *   {"name": "source-ar.md", "label": "output"}
 *
 *   ```text
 *   3:1-3:14: Unnamed source: name the source, or say why anonymity was granted
 *   ```
 * @example
 *   {"name": "named-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # إغلاق مصنع السيارات
 *
 *   قال وزير الصناعة أحمد سالم إن المصنع سيغلق العام المقبل.
 *   ```
 */
import {defineRule} from '../src/rule.js'
import {type Attribution, findAttributions} from '../src/model/attribution.js'
import type {Article} from '../src/model/article.js'
import {tokenAt} from '../src/model/tokens.js'
import {bodyNounKeys} from '../src/model/speakers.js'

export default defineRule({id: 'anonymous-source', messages: ['anonymous-source'], defaults: {allowWithReason: true}}, (article, options, report) => {
  const attributions = article.use(findAttributions)
  const met: Attribution[] = []
  const bodyNouns = bodyNounKeys(article.lexicons)
  const seen = new Set<object>()
  for (const attribution of attributions.all) {
    const {speaker, cue} = attribution
    const block = article.blocks[attribution.block]
    if (!speaker || speaker.kind !== 'anonymous' || attribution.quoted || !article.isStoryText(block)) continue
    // Two cues of one speaker ("said in a statement") are one mention.
    if (seen.has(speaker)) continue
    seen.add(speaker)
    // A definite mention ("the source", «المصدر», «أحد المصادر») refers back to a source already met; a repeat of the
    // same description («مصادر حكومية» again), or of the same bare head ("officials said"), is that same source.
    const again = speaker.definite ? met.length > 0 : !speaker.another && met.some((earlier) => sameSource(earlier, attribution, bodyNouns))
    met.push(attribution)
    if (again) continue
    if (options.allowWithReason && givesReason(article, attribution)) continue
    const from = Math.min(cue.from, speaker.from)
    const to = Math.max(cue.to, speaker.to)
    report(article.span(block, from, to), 'anonymous-source', {speaker: speaker.text})
  }
})

/**
 * Whether the attribution's sentence, or the next one in its block, says why anonymity was granted: a reason
 * ("not authorized to discuss", «غير مخول»), or an anonymity phrase that a connector carries on to one
 * ("on condition of anonymity because …", «شريطة عدم الكشف عن هويته لأنه …»). The anonymity phrase alone
 * ("spoke on condition of anonymity") says that the source is unnamed, not why.
 */
function givesReason(article: Article, attribution: Attribution): boolean {
  const block = article.blocks[attribution.block]
  const sentences = block.sentences.slice(attribution.sentence, attribution.sentence + 2)
  if (!sentences.length) return false
  const from = tokenAt(block.tokens, sentences[0].start)
  const to = tokenAt(block.tokens, sentences[sentences.length - 1].end)
  const found = article.lexicons.match.reasons.findAll(block.tokens, from, to)
  return found.some((match, i) => match.value.kind === 'reason' ||
    match.value.kind === 'anonymity' && found[i + 1]?.value.kind === 'because' && found[i + 1].from - match.to <= REASON_GAP)
}
// Words that may stand between an anonymity phrase and its connector ("… of anonymity, in part because").
const REASON_GAP = 4

/**
 * A later mention repeats an earlier description: the same multi-word head, its bare head ("officials said"), or the
 * same head with modifiers the earlier one had ("Con Edison officials" again, «مسؤولان كبيران في الإدارة الأمريكية»
 * again) or that name its body by a common noun ("agency officials", "Environmental Protection Department officials").
 */
function sameSource(earlier: Attribution, later: Attribution, bodyNouns: Set<string>): boolean {
  const a = earlier.speaker?.head
  const b = later.speaker?.head
  if (!a || !b || !later.speaker) return false
  // "His advisers" after "her advisers" are someone else's.
  if (earlier.speaker?.owner && later.speaker.owner && earlier.speaker.owner !== later.speaker.owner) return false
  // The same multi-word head, with no qualifier the earlier mention lacked ("former senior … officials" is someone new).
  const qualifiers = earlier.speaker?.qualifiers ?? []
  if (a === b && (b.includes(' ') || later.speaker.bare) && (later.speaker.qualifiers ?? []).every((word) => qualifiers.includes(word))) return true
  if (a.split(' ').pop() !== b.split(' ').pop()) return false
  // A bare one-word head ("officials said") refers back; a bare description ("security officials") only to itself, above.
  if (later.speaker.bare) return !b.includes(' ')
  const before = earlier.speaker?.modifiers ?? []
  const words = later.speaker.modifiers ?? []
  return words.length > 0 && words.every((word) => before.includes(word) || bodyNouns.has(word))
}
