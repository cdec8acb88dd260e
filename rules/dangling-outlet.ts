/**
 * ## dangling-outlet
 *
 * Flags a news outlet or agency named as the source of information with no link to its
 * report: "according to TASS", "told Reuters", "the Financial Times reported"; «وفق وكالة
 * «تاس»»، «حسب «سكاي نيوز»»، «قال مصدر لوكالة الأنباء الفرنسية».
 *
 * Why: a reader who is told an agency said something should be able to read what it said;
 * an outlet named but never linked is a claim at second hand with the first hand hidden.
 *
 * How: the outlet analysis (src/model/outlets.ts) finds outlets by the gazetteer
 * (src/lexicons/outlets.json, extended with `outlets` in config) and by pattern («وكالة «X»»,
 * «صحيفة X», "the X newspaper"), and calls one cited when a cue of cues.json marked
 * `outletCue` ties it to the claim, or a frame of the outlets lexicon (`frames`) does: its
 * product after its name ("a Washington Post-ABC News poll", "CNN polls"), a statement or
 * product before a preposition and its name ("said on CNBC", "told Bill O'Reilly of Fox News",
 * "a count by The Associated Press", «مقابلة في صحيفة الغارديان»), the outlet as the subject
 * of a report ("the Associated Press reports", «وتقدر مجلة فوربس أن»), a hat tip ("h/t: The
 * Hill") or a bracketed source tag ("[WashPost]"); outlets joined by "and" or «و» share it.
 * Unknown outlets are known by shape: a head and a name («وكالة دوجان للأنباء», "Portuguese
 * newspaper Correio de Manha", "WMAL radio"), a masthead word ending a name after "the" ("the
 * Des Moines Register", "the Decatur Herald-Review"), or a web address cited by a cue or a report
 * verb ("according to ouest-france.fr", «بحسب موقع elaph.com»; not one that is only where
 * something sits, "posted on example.com"). A poll sponsor counts in title case too ("an ABC
 * News/Washington Post Poll"), and after a name that is no outlet ("polls from Quinnipiac and
 * Fox News"); a report verb may follow an adverb or «قد» ("Politico recently reported",
 * «وكانت صحيفة الغارديان قد ذكرت»). An outlet named only as an employer ("Chris
 * Wallace of Fox News"), a place, a venue ("a CNN town hall") or the story's subject is not
 * cited. Nor is the employer of the one who speaks or writes: "according to John Post of the Dallas Morning
 * News", «بحسب جون بوست من صحيفة …», "According to USA Today contributor David Marsh", "a tweet from a CNN reporter",
 * "confronted by Fox News reporter Ed Henry"; the outlet is cited when its staff is told something or asks it ("told
 * Fox News host Sean Hannity", "asked by CBS moderator John Dickerson", "told Chris Cuomo of CNN", «في مقابلة مع … من
 * قناة …»), or when it reports. It is linked when a link in the same block names it or goes
 * to one of its domains, or a reference definition, footnote, frontmatter `sources` entry or
 * "Sources" / «المصادر» section points to it. One message per outlet, at its first unlinked
 * citation.
 *
 * Also reported: a link whose text names one outlet while its address belongs to another
 * organisation, and a reference link or footnote with no definition (found by
 * remark-lint-no-undefined-references).
 *
 * Options: `{allowPublisher: true}` leaves the article's own publisher alone (frontmatter
 * `publisher`, the config key `publisher` for a whole repository such as a wire service's
 * archive, a byline or a dateline such as "WASHINGTON (Reuters) -"); `{checkMismatchedLinks:
 * true, checkUndefinedReferences: true}` turn the two link checks on or off.
 *
 * @example
 *   {"name": "tass.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   تلقى الأمن الروسي معلومات عامة عن الهجوم، وفق وكالة «تاس» الروسية.
 *   ```
 * @example
 *   {"name": "tass.md", "label": "output"}
 *
 *   ```text
 *   3:47-3:66: Link to TASS's report, or name the report in a Sources section
 *   ```
 * @example
 *   {"name": "linked.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   تلقى الأمن الروسي معلومات عامة عن الهجوم، وفق [وكالة «تاس» الروسية](https://tass.ru/proisshestviya/20326587).
 *   ```
 * @example
 *   {"name": "employer.md", "lang": "ar"}
 *
 *   ```markdown
 *   # الهجوم
 *
 *   انضم الصحفي إلى قناة الجزيرة عام 2010 بعد سنوات في لندن.
 *   ```
 * @example
 *   {"name": "told.md", "lang": "en"}
 *
 *   ```markdown
 *   # Talks
 *
 *   A government official told Reuters the talks had stalled.
 *   ```
 * @example
 *   {"name": "told.md", "label": "output"}
 *
 *   ```text
 *   3:28-3:35: Link to Reuters' report, or name the report in a Sources section
 *   ```
 * @example
 *   {"name": "mismatch.md", "lang": "en"}
 *
 *   ```markdown
 *   # Talks
 *
 *   The talks stalled, [Reuters reported](https://www.bbc.com/news/world-1).
 *   ```
 * @example
 *   {"name": "mismatch.md", "label": "output"}
 *
 *   ```text
 *   3:20-3:72: The link's text names Reuters but it goes to BBC (bbc.com): link to Reuters' report, or name BBC in the text
 *   ```
 * @example
 *   {"name": "sources.md", "lang": "en"}
 *
 *   ```markdown
 *   # Talks
 *
 *   The talks stalled, the Financial Times reported.
 *
 *   ## Sources
 *
 *   - [Financial Times: Talks stall](https://www.ft.com/content/abc)
 *   ```
 * @example
 *   {"name": "polls.md", "lang": "en"}
 *
 *   ```markdown
 *   # Polls
 *
 *   A Washington Post-ABC News poll showed Clinton leading, and Trump said this month on CNBC that the system was rigged.
 *   ```
 * @example
 *   {"name": "polls.md", "label": "output"}
 *
 *   ```text
 *   3:3-3:18: Link to The Washington Post's report, or name the report in a Sources section
 *   3:19-3:27: Link to ABC News' report, or name the report in a Sources section
 *   3:86-3:90: Link to CNBC's report, or name the report in a Sources section
 *   ```
 * @example
 *   {"name": "forbes.md", "lang": "ar"}
 *
 *   ```markdown
 *   # أرامكو
 *
 *   وتقدر مجلة فوربس الأمريكية أن الشركة تحقق إيرادا يوميا يبلغ حوالي مليار دولار.
 *   ```
 * @example
 *   {"name": "forbes.md", "label": "output"}
 *
 *   ```text
 *   3:7-3:17: Link to Forbes' report, or name the report in a Sources section
 *   ```
 * @example
 *   {"name": "moderator.md", "lang": "en"}
 *
 *   ```markdown
 *   # Debates
 *
 *   Trump has had kinder words for Chris Wallace of Fox News, who will moderate the third debate.
 *   ```
 * @example
 *   {"name": "employer.md", "lang": "en"}
 *
 *   ```markdown
 *   # Talks
 *
 *   The former CNN host, who now appears on a rival network, declined to comment.
 *   ```
 * @example
 *   {"name": "publisher.md", "lang": "en"}
 *
 *   ```markdown
 *   # Talks
 *
 *   WASHINGTON (Reuters) - Officials told Reuters on Monday that the talks had stalled.
 *   ```
 */
import {findLinkMismatches, findOutletMentions, findUndefinedReferences} from '../src/model/outlets.js'
import {defineRule} from '../src/rule.js'

export default defineRule(
  {id: 'dangling-outlet', messages: ['unlinkedOutlet', 'mismatchedLink', 'undefinedFootnote', 'undefinedReference'], defaults: {allowPublisher: true, checkMismatchedLinks: true, checkUndefinedReferences: true}},
  (article, options, report) => {
    const done = new Set<string>()
    for (const mention of article.use(findOutletMentions)) {
      if (!mention.citedAsSource || done.has(mention.outlet.id)) continue
      if (mention.publisher && options.allowPublisher) continue
      done.add(mention.outlet.id)
      // A citation linked once is linked for the reader; later ones need no link of their own.
      if (mention.linked) continue
      // Each language names the outlet as its readers know it: TASS, «تاس».
      const outlet = {en: mention.outlet.name, ar: mention.outlet.aliases.ar?.[0] ?? mention.outlet.name}
      report(article.span(mention.block, mention.from, mention.to), 'unlinkedOutlet', {outlet})
    }
    if (options.checkMismatchedLinks) {
      for (const {link, named, host} of article.use(findLinkMismatches)) {
        report({start: article.point(link.start), end: article.point(link.end)}, 'mismatchedLink', {
          named: {en: named.name, ar: named.aliases.ar?.[0] ?? named.name},
          host: {en: host.name, ar: host.aliases.ar?.[0] ?? host.name},
          address: link.host
        })
      }
    }
    if (options.checkUndefinedReferences) {
      for (const {span, text, kind} of article.use(findUndefinedReferences)) {
        report(span, kind === 'footnote' ? 'undefinedFootnote' : 'undefinedReference', {reference: text})
      }
    }
  }
)
