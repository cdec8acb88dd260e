/**
 * ## vague-attribution
 *
 * Flags a claim pinned on nobody in particular: "experts say", "critics argue", "it is
 * believed", "reports suggest", "according to available information", and ownerless
 * evidence such as "records show"; «حسب المعلومات المتاحة»، «أكد خبراء»، «يقال»، «تشير
 * التقارير»، «بحسب مراقبين»، «تشير الأرقام».
 *
 * Why: a claim that "experts" make cannot be traced to any expert; the reader is asked to
 * trust a crowd the writer never names.
 *
 * How: the attribution analysis (src/model/attribution.ts) marks a speaker vague when it is
 * a group, an ownerless report or a phrase of src/lexicons/vague.json. A group or report is
 * vague as the subject of a cue, with a determiner or quantifier before it and auxiliaries or
 * adverbs before its verb ("Some Millikin fans have said", "Other members of the community
 * stated", "polls consistently show", «كما انتقد بعض المراقبين», «وتقول تقارير», «كانت تقارير
 * أميركية قد ذكرت»), as the agent of a passive of judgement ("considered by many pundits"), or
 * after "according to" («وفقا للتقارير»). An Arabic subject may open its clause before a verb that
 * agrees with it in the plural, an aside between them («الأطباء ومنظمات الإغاثة …، وصفوا»).
 * Criticism or blame with no owner ("has come under criticism", «لانتقادات شديدة», «أصابع
 * الاتهام») is vague unless the owner follows it ("from the unions", «من المعارضة»). A report is not vague when its owner is named
 * ("reports by the State Department", «تقارير لوزارة الخارجية»), right before it in English ("FEC records show",
 * "F.A.A. records show", "Federal Election Commission records show"; vague.json `ownerBefore`) or its sentence names an outlet
 * ("according to reports published by the New York Times"); a group in construct with a named
 * body («نشطاء المرصد السوري») is that body's. A definite group ("the experts added", «وأضاف
 * الخبراء») refers back to a group already met or introduced without a cue ("a panel of experts
 * … the experts said"), so it is not flagged; an Arabic definite plural met for the first time
 * («يرى المراقبون», «وذكرت الصحف») is generic and is flagged. A new indefinite group is flagged.
 * Mentions inside someone else's quotation and outside the story text are left alone, and so is
 * the writer's own hedge ("apparently", «على ما يبدو», «فيما يبدو»): it pins the claim on the
 * writer's reading, not on an unnamed crowd ("reportedly", «يقال» are flagged).
 *
 * Options: `{allowBackedByNamed: true}`: leave the phrase alone when a named speaker backs
 * the claim in the same block ("Experts say … Colin Clarke of the Soufan Center said …") or
 * stands among its subject's conjuncts («تقارير إعلامية ومنظمات غير حكومية ومنظمة الصحة
 * العالمية»); an outlet that merely relays the claim does not count.
 *
 * @example
 *   {"name": "experts.md", "lang": "en"}
 *
 *   ```markdown
 *   # Drought threatens the harvest
 *
 *   Experts say the drought will cut the harvest by a third.
 *   ```
 * @example
 *   {"name": "experts.md", "label": "output"}
 *
 *   ```text
 *   3:1-3:12: Vague source: name who says it, or cite the report or record
 *   ```
 * @example
 *   {"name": "backed.md", "lang": "en"}
 *
 *   ```markdown
 *   # Drought threatens the harvest
 *
 *   Experts say the drought will cut the harvest by a third. "We have never seen fields this dry," said Maria Lopez, an agronomist at the University of Seville.
 *   ```
 * @example
 *   {"name": "fans.md", "lang": "en"}
 *
 *   ```markdown
 *   # Anthem protest splits the campus
 *
 *   Some Millikin fans have said they will no longer attend the games.
 *   ```
 * @example
 *   {"name": "fans.md", "label": "output"}
 *
 *   ```text
 *   3:1-3:29: Vague source: name who says it, or cite the report or record
 *   ```
 * @example
 *   {"name": "reports-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الاقتصاد الإيراني
 *
 *   كانت تقارير أميركية قد ذكرت أن الاقتصاد الإيراني يتجه نحو الانهيار.
 *   ```
 * @example
 *   {"name": "reports-ar.md", "label": "output"}
 *
 *   ```text
 *   3:6-3:28: Vague source: name who says it, or cite the report or record
 *   ```
 * @example
 *   {"name": "owned-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   وقالت تقارير لوزارة الخارجية الأميركية إن الهجوم نُفذ بغاز الكلور.
 *   ```
 * @example
 *   {"name": "information-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # ماذا نعرف عن التنظيم؟
 *
 *   حسب المعلومات المتاحة، ظهر التنظيم في شرق أفغانستان أواخر عام 2014.
 *   ```
 * @example
 *   {"name": "information-ar.md", "label": "output"}
 *
 *   ```text
 *   3:1-3:22: Vague source: name who says it, or cite the report or record
 *   ```
 * @example
 *   {"name": "named-ar.md", "lang": "ar"}
 *
 *   ```markdown
 *   # ماذا نعرف عن التنظيم؟
 *
 *   وقال الباحث كولين كلارك من مركز سوفان إن التنظيم ظهر في شرق أفغانستان أواخر عام 2014.
 *   ```
 */
import {defineRule} from '../src/rule.js'
import {type Attribution, findAttributions, groupKey, groupMentions, hasNamedConjunct} from '../src/model/attribution.js'
import type {Article, ArticleBlock} from '../src/model/article.js'
import {isArabicWord} from '../src/model/normalize.js'
import {tokenAt} from '../src/model/tokens.js'

export default defineRule({id: 'vague-attribution', messages: ['vague-attribution'], defaults: {allowBackedByNamed: true}}, (article, options, report) => {
  const attributions = article.use(findAttributions)
  const seen = new Set<object>()
  // Blocks where a named member of a field speaks ("Colin Clarke of the Soufan Center said").
  const backed = new Set(attributions.all.filter((a) => !a.quoted && a.speaker?.kind === 'named' && a.speaker.affiliated).map((a) => a.block))
  for (const attribution of attributions.all) {
    const {speaker, cue} = attribution
    const block = article.blocks[attribution.block]
    if (!speaker || speaker.kind !== 'vague' || attribution.quoted || !article.isStoryText(block)) continue
    // Two cues of one speaker ("said in a statement") are one mention.
    if (seen.has(speaker)) continue
    seen.add(speaker)
    // A definite group ("the experts added", «وأضاف الخبراء») refers back to one already met or named before. An Arabic
    // definite plural met for the first time is generic, not a back-reference: «يرى المراقبون», «وذكرت الصحف».
    if (speaker.definite && !(isArabicWord(block.tokens[tokenAt(block.tokens, speaker.from)].norm) && firstMention(article, block, speaker))) continue
    // A named body among the subject's conjuncts backs it too: «تقارير إعلامية ومنظمات غير حكومية ومنظمة الصحة العالمية».
    if (options.allowBackedByNamed && (backed.has(attribution.block) || hasNamedConjunct(block, tokenAt(block.tokens, speaker.to - 1) + 1, block.tokens.length))) continue
    const from = Math.min(cue.from, speaker.from)
    const to = Math.max(cue.to, speaker.to)
    report(article.span(block, from, to), 'vague-attribution', {phrase: block.text.slice(from, to)})
  }
})

/** Whether the head of a definite Arabic group is met here for the first time in the article. */
function firstMention(article: Article, block: ArticleBlock, speaker: NonNullable<Attribution['speaker']>): boolean {
  const tokens = block.tokens
  // The group word: the last word of the span with a plural or collective form («الصحف», «المراقبون»), not a quantifier.
  const word = speaker.head?.split(' ')[0] ?? tokens[tokenAt(tokens, speaker.from)].norm
  const first = article.use(groupMentions).get(groupKey(word))
  return !first || first[0] === block.index && first[1] >= speaker.from
}
