/**
 * ## founding-after-events
 *
 * Flags an organisation said to have been founded or to have emerged in one year while the same
 * story dates its acts to earlier years: «ظهر تنظيم داعش - ولاية خراسان … أوائل 2025» and, lines
 * later, «وتبنى التنظيم هجوما … في 2021»; "The group was founded in 2018" and "In 2016 the group
 * claimed responsibility for …". One of the years is wrong, and only the writer can say which.
 *
 * Why: a founding year that comes after the founded's own acts is a slip (a digit, a decade) that
 * a reader notices and a fact-checker does not look for; no other linter reads a story against itself.
 *
 * How: the founding analysis (src/model/founding.ts, words in src/lexicons/events.json) reads a
 * founding or emergence verb (ظهر، تأسس، نشأ، تشكل / founded, formed, established, emerged) with
 * an entity noun (تنظيم، جماعة، حركة، حزب، شركة / group, company, party) and a year in its
 * clause («أوائل 2025» keeps its approximator; «وكانت الحركة قد تأسست عام 1987», "Founded in
 * 1987, the group …" too), then, to the next heading or founding statement,
 * the acts that need the entity to exist (تبنى، أعلن مسؤوليته، نفذ، شن، سيطر / claimed or took
 * responsibility, carried out, launched, seized, opened) whose agent is a definite back-reference to the same noun («التنظيم»,
 * «مسلحو التنظيم», "the group") and whose clause names an earlier year. Another mention of the
 * noun with another name («تنظيم القاعدة», "the Taliban group") takes the back-references over.
 * Quotations, link text, headings and promo blocks are not read. Narrow on purpose: a year
 * before or until which («قبل 2015», "before 2015") bounds nothing it dates.
 *
 * The message is on the statement that disagrees with more of the others: the founding statement
 * when two or more acts contradict it, else the act (the later one). It names the other lines and
 * never says which year is wrong; there is no fix.
 *
 * Options: none.
 *
 * @example
 *   {"name": "emerged.md", "lang": "ar"}
 *
 *   ```markdown
 *   # تنظيم داعش خراسان
 *
 *   ظهر تنظيم داعش - ولاية خراسان في شرق أفغانستان - أوائل 2025 وسرعان ما ذاع صيته.
 *
 *   بينما في سبتمبر 2022، أعلن مسلحو التنظيم مسؤوليتهم عن تفجير انتحاري بالسفارة الروسية في كابل.
 *
 *   وتبنى التنظيم هجوما على مطار كابل الدولي في 2021.
 *   ```
 * @example
 *   {"name": "emerged.md", "label": "output"}
 *
 *   ```text
 *   3:1-3:60: The group is said to have emerged in early 2025, but lines 5 and 7 date its attacks to 2022 and 2021. Check the years.
 *   ```
 * @example
 *   {"name": "fixed.md", "lang": "ar"}
 *
 *   ```markdown
 *   # تنظيم داعش خراسان
 *
 *   ظهر تنظيم داعش - ولاية خراسان في شرق أفغانستان - أوائل 2015 وسرعان ما ذاع صيته.
 *
 *   وتبنى التنظيم هجوما على مطار كابل الدولي في 2021.
 *   ```
 * @example
 *   {"name": "founded.md", "lang": "en"}
 *
 *   ```markdown
 *   # The group
 *
 *   The group was founded in 2018 in eastern Afghanistan.
 *
 *   In 2016 the group claimed responsibility for a bombing in Kabul.
 *   ```
 * @example
 *   {"name": "founded.md", "label": "output"}
 *
 *   ```text
 *   5:4-5:26: This line dates an attack of the group to 2016, but line 3 says the group was founded in 2018. Check the years.
 *   ```
 * @example
 *   {"name": "other-group.md", "lang": "en"}
 *
 *   ```markdown
 *   # The group
 *
 *   The group was founded in 2018 in eastern Afghanistan.
 *
 *   The Taliban group, a rival, has fought it for years. In 2016 the group claimed responsibility for a bombing in Kabul.
 *   ```
 * @example
 *   {"name": "before.md", "lang": "en"}
 *
 *   ```markdown
 *   # The group
 *
 *   The group was founded in 2018 in eastern Afghanistan.
 *
 *   The group carried out no attack before 2016.
 *   ```
 */
import {type DatedAct, findFoundingConflicts, type FoundingStatement} from '../src/model/founding.js'
import type {Article} from '../src/model/article.js'
import type {LexiconEntry} from '../src/lexicons/index.js'
import type {MessageValue} from '../src/messages/index.js'
import {defineRule} from '../src/rule.js'

export default defineRule(
  {id: 'founding-after-events', messages: ['founding-after-events', 'founding-after-events-act'], defaults: {}},
  (article, _options, report) => {
    for (const {founding, acts} of article.use(findFoundingConflicts)) {
      const words = statementWords(article, founding)
      if (acts.length >= 2) {
        const lines = [...new Set(acts.map((act) => lineOf(article, act)))]
        const years = [...new Set(acts.map((act) => String(act.year.year)))]
        report(spanOf(article, founding), 'founding-after-events', {...words, count: lines.length, lines: list(lines.map(String)), years: list(years)})
      } else {
        const [act] = acts
        report(spanOf(article, act), 'founding-after-events-act', {...words, year: String(act.year.year), line: String(lineOf(article, founding))})
      }
    }
  }
)

type Located = FoundingStatement | DatedAct

function spanOf(article: Article, item: Located) {
  return article.span(article.blocks[item.block], item.from, item.to)
}

function lineOf(article: Article, item: Located): number {
  return spanOf(article, item).start.line
}

/** Items joined as each language joins a list: "13 and 17", «13 و17». */
function list(items: string[]): MessageValue {
  return {en: new Intl.ListFormat('en').format(items), ar: new Intl.ListFormat('ar').format(items)}
}

interface Render {en?: string; enPast?: string; ar?: string; arFeminine?: string | boolean; acts?: string}

/**
 * The words of the founding statement in each message language: the entity and the verb as the
 * article writes them in its own language, the lexicon's rendering in the other.
 */
function statementWords(article: Article, founding: FoundingStatement): Record<string, MessageValue> {
  const entity = (founding.entity.render ?? {}) as Render
  const verb = (founding.verb.value.render ?? {}) as Render
  const arabic = article.blocks[founding.block].lang === 'ar'
  const feminine = arabic ? /[ةه]$/u.test(founding.noun) || founding.noun === 'ميليشيا' : entity.arFeminine === true
  const arEntity = arabic ? 'ال' + writtenNoun(founding.entity, founding.noun) : entity.ar ?? ''
  const arVerb = arabic ? founding.verb.form : String((feminine ? verb.arFeminine : verb.ar) ?? '')
  const enEntity = arabic ? entity.en ?? '' : founding.noun
  const approx = (founding.year.approx?.render ?? {}) as Render
  const year = String(founding.year.year)
  const [enVerb, enPast] = arabic ? [verb.en ?? '', verb.enPast ?? ''] : englishVerb(founding.verb.form)
  return {
    entity: {en: enEntity, ar: arEntity},
    verb: {en: enVerb, ar: arVerb},
    verbPast: {en: enPast, ar: arVerb},
    when: {en: approx.en ? `${approx.en} ${year}` : year, ar: approx.ar ? `${approx.ar} ${year}` : `عام ${year}`},
    pronoun: {en: 'its', ar: feminine ? 'إليها' : 'إليه'},
    acts: entity.acts ?? 'attacks'
  }
}

/** The perfect and the past of an English founding verb as written: "emerged", "been founded" / "was founded", "come into being". */
function englishVerb(form: string): [string, string] {
  const base = form.replace(/^(?:was|were) /u, '')
  if (base === 'emerged') return [base, base]
  if (base.startsWith('came ')) return [base.replace(/^came/u, 'come'), base]
  return ['been ' + base, 'was ' + base]
}

/** The entity noun as the lexicon spells it (with its ة), for the normalised noun the article wrote. */
function writtenNoun(entry: LexiconEntry, noun: string): string {
  const forms = (entry.ar ?? []) as string[]
  return forms.find((form) => form.replace(/ة$/u, 'ه').replace(/[أإآ]/gu, 'ا') === noun) ?? noun
}
