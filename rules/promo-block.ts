/**
 * ## promo-block
 *
 * Flags blocks inside the article that are not part of the story: headlines of unrelated
 * stories, "read more" / «اقرأ أيضا» teasers, related-story lists, social-follow and
 * newsletter calls, app and subscription calls, sponsor lines, tickers and site footers.
 *
 * Why: scraped and pasted copy drags the page around it into the article; a reader of the
 * published story meets other stories' headlines in the middle of it.
 *
 * How: each block is judged by its cue phrases (src/lexicons/promo.json, per language), its
 * shape (short, headline-like, link-only, network names between separators) and its topic
 * cohesion with the story (src/model/topic.ts: the share of its content words the rest of
 * the article uses). A line opened by a read-more cue is promo whatever its topic. Other
 * stories' ledes pasted after an Arabic story are found as a run of three or more closing
 * paragraphs that each open a story of their own (no «و»/«ف», where the story's paragraphs
 * carry one), unrelated to the story and to each other. Headlines of other stories on the
 * story's own topic are found as a run of three or more headline-shaped lines with no story
 * sentence among them; several headlines run together in one title-cased line ("…National
 * AnthemESPN Anchor Rips…") are one promo line. The title, on-topic subheadings, captions,
 * bylines, datelines, chronologies (lines opened by a year) and reference sections are left alone, and so
 * are cue phrases inside a quotation, someone's words ("“… this is not who we are,” she added." is no "Who we are"
 * link; «وقال: «ادعم الصحافة المستقلة، …»»), except a call to follow with its network, which a scrape may leave
 * inside quotation marks ("“Follow Pam Key on Twitter @pamkeyNEN.”").
 * One message per contiguous run of promo blocks, spanning it.
 *
 * Fix: only where the evidence is strong, a fix removes the run's whole lines and nothing
 * else: a read-more or related cue, a social-follow or subscription call, or a run of two or
 * more headlines off the story's topic. Other runs (link lists, tickers, app and ad labels,
 * site furniture, headlines on the story's topic, pasted ledes) are reported without a fix,
 * for an editor to judge, and no fix ever removes the story's closing paragraph on its own
 * topic or an entry of a reference section.
 *
 * Options: none.
 *
 * @example
 *   {"name": "teasers.md", "lang": "ar"}
 *
 *   ```markdown
 *   هجوم موسكو: ماذا نعرف عن تنظيم داعش خراسان؟
 *   أعلن تنظيم داعش خراسان مسؤوليته عن الهجوم على قاعة الحفلات قرب موسكو، وفق بيان نشره التنظيم.
 *   وقالت السلطات الروسية إن الهجوم على القاعة أوقع عشرات القتلى، وإن التحقيق مع المهاجمين بدأ.
 *   الحكومة الأميركية تفلت من الإغلاق فجرا
 *   ماكرون يلعب في الخفاء لحسم قرار يخص مبابي
 *   وأكد الكرملين أن منفذي الهجوم على القاعة سيعاقبون، وأن تنظيم داعش خراسان لن يفلت من العقاب.
 *   للمزيد تابعونا على: فيسبوك | إكس | يوتيوب
 *   ```
 * @example
 *   {"name": "teasers.md", "label": "output"}
 *
 *   ```text
 *   4:1-5:42: 2 headlines unrelated to the story: remove them from the article
 *   7:1-7:42: Social-follow footer, not part of the story: remove it from the article
 *   ```
 * @example
 *   {"name": "subheading.md", "lang": "ar"}
 *
 *   ```markdown
 *   # هجوم موسكو: ماذا نعرف عن تنظيم داعش خراسان؟
 *
 *   أعلن تنظيم داعش خراسان مسؤوليته عن الهجوم قرب موسكو، وفق بيان نشره التنظيم على قناته.
 *
 *   ## لماذا روسيا الآن؟
 *
 *   يقول باحثون إن التنظيم ركز دعايته على روسيا منذ عامين بسبب دورها في سوريا وآسيا الوسطى.
 *   ```
 * @example
 *   {"name": "read-more.md", "lang": "en"}
 *
 *   ```markdown
 *   # Germany returns looted bronzes to Nigeria
 *
 *   Germany handed over twenty Benin Bronzes to Nigeria on Tuesday, the culture minister said.
 *
 *   Read more: Namibia rejects Germany's offer of reconciliation
 *
 *   The bronzes were taken by British troops in 1897 and sold to German museums, she said.
 *   ```
 * @example
 *   {"name": "read-more.md", "label": "output"}
 *
 *   ```text
 *   5:1-5:61: Read-more teaser of another story: remove it from the article
 *   ```
 * @example
 *   {"name": "related.md", "lang": "en"}
 *
 *   ```markdown
 *   # Aramco delays its share listing
 *
 *   Saudi Aramco said on Monday it had delayed the listing of its shares until next year, in a statement.
 *
 *   Aramco stirs debate in London over listing rule changes
 *
 *   Aramco and Google discuss a technology hub in Saudi Arabia
 *
 *   Trump presses Riyadh to list Aramco shares in New York
 *
 *   The company added that the timing of the Aramco listing would be announced in due course.
 *   ```
 * @example
 *   {"name": "related.md", "label": "output"}
 *
 *   ```text
 *   5:1-9:55: 3 headlines of other stories on the same topic: remove them from the article, or link them as related reading
 *   ```
 * @example
 *   {"name": "on-topic.md", "lang": "en"}
 *
 *   ```markdown
 *   # Germany returns looted bronzes to Nigeria
 *
 *   Germany handed over twenty Benin Bronzes to Nigeria on Tuesday, the culture minister said.
 *
 *   ## Why the bronzes matter to Nigeria
 *
 *   The bronzes were taken by British troops in 1897 and sold to museums across Germany.
 *   ```
 */
import {linesHoldOnly, type PromoKind, promoOf, wholeLines} from '../src/model/promo.js'
import {defineRule} from '../src/rule.js'

/** Every kind of run has its message, `promo-<kind>` in the catalogs. */
const KINDS: readonly PromoKind[] = ['readmore', 'related', 'social', 'subscribe', 'app', 'ad', 'ticker', 'nav', 'links', 'headline', 'onTopicHeadline', 'teaser', 'mixed']
// Kinds that name a run of other stories' headlines or links; any other mix is told as promo lines.
const STORY_KINDS = new Set<PromoKind>(['headline', 'onTopicHeadline', 'links', 'teaser', 'readmore', 'related'])

export default defineRule({id: 'promo-block', messages: KINDS.map((kind) => `promo-${kind}`), defaults: {}}, (article, _options, report) => {
  for (const run of article.use(promoOf)) {
    const first = run.blocks[0].block
    const last = run.blocks[run.blocks.length - 1].block
    const kinds = new Set(run.blocks.map((block) => block.kind))
    const kind: PromoKind = kinds.size > 1 && [...kinds].some((k) => !STORY_KINDS.has(k)) ? 'mixed' : run.kind
    const span = {start: article.point(first.start), end: article.point(last.end)}
    // A fix removes text only on strong evidence (a read-more cue, a follow or subscription call, headlines off
    // the story's topic); other runs are reported for an editor to judge. It removes whole lines, so only
    // lines that hold nothing but the run: an HTML line may hold a story paragraph beside a promo one.
    const lines = wholeLines(article.source, first.start, last.end)
    report(span, `promo-${kind}`, {count: run.blocks.length, kind}, run.fixable && linesHoldOnly(article, lines, first, last) ? {fix: {...lines, text: ''}} : undefined)
  }
})
