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
 * a group or phrase of src/lexicons/vague.json, with or without a speech cue of its own. A
 * definite group ("the experts added", «وأضاف الخبراء») refers back to a group already met or
 * introduced without a cue ("a panel of experts … the experts said"), so it is not flagged; a new
 * indefinite group is. Mentions inside someone else's quotation
 * and outside the story text are left alone.
 *
 * Options: `{allowBackedByNamed: true}`: leave the phrase alone when a named speaker backs
 * the claim in the same block ("Experts say … Colin Clarke of the Soufan Center said …");
 * an outlet that merely relays the claim does not count.
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
import {findAttributions} from '../src/model/attribution.js'

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
    // A definite group ("the experts added", «وأضاف الخبراء») refers back to one already met or named before.
    if (speaker.definite) continue
    if (options.allowBackedByNamed && backed.has(attribution.block)) continue
    const from = Math.min(cue.from, speaker.from)
    const to = Math.max(cue.to, speaker.to)
    report(article.span(block, from, to), 'vague-attribution', {phrase: block.text.slice(from, to)})
  }
})
