/**
 * ## toll-mismatch
 *
 * Flags a lede whose toll disagrees with the headline's: "Bomb kills 12 in Kabul" over "A
 * suicide bomber killed 14 people …"; «مقتل 62 شخصا في هجوم قرب موسكو» over «أوقع الهجوم 60
 * قتيلا …». One of the two figures is wrong or out of date, and only the writer can say which.
 *
 * Why: the headline and the first paragraph are what most readers read, and what other outlets
 * quote; a toll changed in one and not in the other is the commonest slip of an updated story.
 *
 * How: the toll analysis (src/model/tolls.ts, words in src/lexicons/tolls.json) reads each
 * number with a head of the dead, the injured or both («62 قتيلا», «مقتل 62 شخصا», «30 بين قتيل
 * وجريح»; "12 dead", "kills 12", "30 killed and wounded") in the headline (the title, or the
 * frontmatter `title`) and in the first paragraph. Narrow on purpose: it compares a kind only
 * when each side has exactly one toll of it, both exact (no «ما لا يقل عن», «أكثر من», "at least",
 * "more than"), of the same counted noun ("12 soldiers" against soldiers only), with no period
 * («خلال», «منذ», "over", "since") and no update («ارتفعت الحصيلة», "rose to") in the headline's
 * part with the toll or the lede's sentence. A headline's parts are joined by a colon, a semicolon,
 * a dash or «..»: "Storm hits Gulf coast: 14 dead" compares its 14; a label or a part about the toll
 * with no figure of its own ("UPDATE: 14 dead", «ارتفاع حصيلة الضحايا.. 14 قتيلا») speaks for the
 * whole headline. An English verb of change updates only a toll that is its subject or its figure
 * ("toll hits 14"; not "14 killed as storm hits coast"). A deck (a paragraph of fewer than twelve
 * words) before the lede is not the lede. «قتيل وجريح» and "killed and wounded" are a sum, compared
 * with the dead plus the injured of the other side.
 *
 * The message is on the lede's toll (the later of two statements that disagree with each
 * other), names the headline's line, and never says which figure is wrong; there is no fix.
 *
 * Options: none.
 *
 * @example
 *   {"name": "kabul.md", "lang": "en"}
 *
 *   ```markdown
 *   # Bomb kills 12 in Kabul
 *
 *   A suicide bomber killed 14 people outside a ministry in Kabul on Monday, police said.
 *   ```
 * @example
 *   {"name": "kabul.md", "label": "output"}
 *
 *   ```text
 *   3:18-3:34: The headline (line 1) gives 12 dead; this paragraph gives 14. Check the toll.
 *   ```
 * @example
 *   {"name": "moscow.md", "lang": "ar"}
 *
 *   ```markdown
 *   # مقتل 62 شخصا في هجوم قرب موسكو
 *
 *   أوقع الهجوم الذي شنه مسلحون على قاعة حفلات قرب موسكو 60 قتيلا، وفق لجنة التحقيق الروسية.
 *   ```
 * @example
 *   {"name": "moscow.md", "label": "output"}
 *
 *   ```text
 *   3:54-3:62: The headline (line 1) gives 62 dead; this paragraph gives 60. Check the toll.
 *   ```
 * @example
 *   {"name": "at-least.md", "lang": "en"}
 *
 *   ```markdown
 *   # Bomb kills 12 in Kabul
 *
 *   A suicide bomber killed at least 14 people outside a ministry in Kabul on Monday, police said.
 *   ```
 * @example
 *   {"name": "rose.md", "lang": "ar"}
 *
 *   ```markdown
 *   # ارتفاع حصيلة هجوم موسكو إلى 62 قتيلا
 *
 *   أوقع الهجوم الذي شنه مسلحون على قاعة حفلات قرب موسكو 60 قتيلا في حصيلة أولى، وفق لجنة التحقيق.
 *   ```
 * @example
 *   {"name": "sum.md", "lang": "ar"}
 *
 *   ```markdown
 *   # 30 بين قتيل وجريح في انفجار بالميناء
 *
 *   أسفر انفجار في الميناء صباح اليوم عن مقتل 10 أشخاص وإصابة 20 آخرين، وفق الدفاع المدني.
 *   ```
 */
import {findTollMismatches} from '../src/model/tolls.js'
import {defineRule} from '../src/rule.js'

export default defineRule(
  {id: 'toll-mismatch', messages: ['toll-mismatch'], defaults: {}},
  (article, _options, report) => {
    for (const {headline, lede, block, headlineLine} of article.use(findTollMismatches)) {
      report(article.span(block, lede.from, lede.to), 'toll-mismatch', {
        line: String(headlineLine),
        kind: headline.kind,
        figure: String(headline.value),
        other: String(lede.value)
      })
    }
  }
)
