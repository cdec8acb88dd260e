/**
 * Outlets: the gazetteer's shape, the cues that cite outlets, and the outlet analysis of the
 * model (mentions by gazetteer and pattern, cited or merely mentioned, linked, publisher),
 * link mismatches and undefined references, in Arabic and English.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {formsOf, type LexiconEntry, type OutletEntry} from '../src/lexicons/index.js'
import {Article, type ModelSettings} from '../src/model/article.js'
import {normalize} from '../src/model/normalize.js'
import {findLinkMismatches, findOutletMentions, findUndefinedReferences} from '../src/model/outlets.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
function model(markdown: string, settings: ModelSettings = {}): Article {
  const file = new VFile({value: markdown})
  return new Article(parser.parse(file), file, settings)
}
/** Mentions of a one-paragraph story under a title, as [name as written, outlet id, cited, linked, publisher]. */
function mentions(body: string, settings: ModelSettings = {}, title = '# Story\n\n') {
  return model(title + body, settings).use(findOutletMentions).map((m) => [m.block.text.slice(m.from, m.to), m.outlet.id, m.citedAsSource, m.linked, m.publisher])
}
const lexicon = (name: string) => JSON.parse(readFileSync(new URL(`../../src/lexicons/${name}.json`, import.meta.url), 'utf8'))

test('gazetteer: at least 200 outlets, each with Latin and Arabic names and a domain, ids unique', () => {
  const entries = lexicon('outlets').entries as OutletEntry[]
  assert.ok(entries.length >= 200, `${entries.length} outlets`)
  const ids = new Set<string>()
  for (const entry of entries) {
    assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`)
    ids.add(entry.id)
    const names = [...Object.values(entry.aliases).flat(), ...(entry.ambiguous ?? [])]
    assert.ok(names.some((name) => /\p{Script=Latin}/u.test(name)), `${entry.id}: a Latin-script name`)
    assert.ok(names.some((name) => /\p{Script=Arabic}/u.test(name)), `${entry.id}: an Arabic-script name`)
    for (const domain of entry.domains) assert.match(domain, /^[a-z\d.-]+\.[a-z]{2,}(?:\/[\w/-]*)?$/, `${entry.id}: domain ${domain}`)
  }
  const withDomains = entries.filter((entry) => entry.domains.length).length
  assert.ok(withDomains / entries.length > 0.98, `${entries.length - withDomains} outlets without a domain`)
})

test('gazetteer: no name belongs to two organisations (the matcher would keep only one)', () => {
  const entries = lexicon('outlets').entries as OutletEntry[]
  const owner = new Map<string, OutletEntry>()
  for (const entry of entries) {
    for (const name of [...Object.values(entry.aliases).flat(), ...(entry.ambiguous ?? [])]) {
      const key = (normalize(name).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ')
      const other = owner.get(key)
      if (other && other.id !== entry.id) assert.ok(other.group && other.group === entry.group, `${JSON.stringify(name)}: ${other.id} and ${entry.id}`)
      else owner.set(key, entry)
    }
  }
})

test('cues: the outlet-citing cues exist in both languages, with valid sides', () => {
  const entries = (lexicon('cues').entries as LexiconEntry[]).filter((entry) => entry.outletCue)
  const forms = entries.flatMap((entry) => formsOf(entry))
  for (const lang of ['ar', 'en']) assert.ok(forms.filter((form) => form.lang === lang).length >= 10, `${lang}: outlet cues`)
  for (const entry of entries) {
    for (const sides of Object.values((entry.outletSide ?? {}) as Record<string, string[]>)) {
      for (const side of sides) assert.ok(['after', 'before', 'addressee'].includes(side), `${entry.id}: side ${side}`)
    }
  }
})

test('cited as a source, in Arabic: وفق، حسب، ذكرت، the addressee of قال (لوكالة، لـ)، في مقابلة مع', () => {
  assert.deepEqual(mentions('تلقى الأمن الروسي معلومات عامة، وفق وكالة «تاس» الروسية.'), [['وكالة «تاس» الروسية', 'tass', true, false, false]])
  assert.deepEqual(mentions('وقالت الولايات المتحدة إن قدرتها تراجعت، حسب «سكاي نيوز».'), [['«سكاي نيوز»', 'sky-news-arabia', true, false, false]])
  assert.deepEqual(mentions('وذكرت وكالة الأنباء السورية "سانا" أن الدفاعات تصدت للصواريخ.').map((m) => m.slice(1, 3)), [['sana', true]])
  assert.deepEqual(mentions('وقال الناطق باسم الغرفة إبراهيم الجباوي لوكالة الأنباء الفرنسية إن الجولة فشلت.').map((m) => m.slice(0, 3)), [['لوكالة الأنباء الفرنسية', 'afp', true]])
  assert.deepEqual(mentions('وقال مسؤول في الخارجية الأمريكية لـ CNN إن واشنطن تتابع الوضع.').map((m) => m.slice(1, 3)), [['cnn', true]])
  assert.deepEqual(mentions('وقال الوزير في مقابلة مع قناة الجزيرة إن بلاده لن تتراجع.').map((m) => m.slice(0, 3)), [['قناة الجزيرة', 'al-jazeera', true]])
})

test('cited as a source, in English: according to, told, reported, quoted, in an interview with', () => {
  assert.deepEqual(mentions('The toll rose to 62, according to TASS.').map((m) => m.slice(0, 3)), [['TASS', 'tass', true]])
  assert.deepEqual(mentions("The senator told CNN's State of the Union that she would vote no.").map((m) => m.slice(1, 3)), [['cnn', true]])
  assert.deepEqual(mentions('The cost would be substantial, the Financial Times reported.').map((m) => m.slice(1, 3)), [['ft', true]])
  assert.deepEqual(mentions('"We have no idea," the RBK news website quoted Ms. Simonyan as saying.').map((m) => m.slice(1, 3)), [['rbc', true]])
  assert.deepEqual(mentions('He said in an interview with Al Jazeera that talks would resume.').map((m) => m.slice(1, 3)), [['al-jazeera', true]])
})

test('merely mentioned: an employer, the story\'s subject, a place, a comparison', () => {
  const notCited = (body: string, title?: string) => assert.deepEqual(mentions(body, {}, title).filter((m) => m[2]), [], body)
  notCited('وعمل الصحفي مراسلا لقناة الجزيرة في كابل قبل أن ينتقل إلى لندن.')
  notCited('أطلقت قناة الجزيرة خدمة جديدة للبث المباشر على الإنترنت.')
  notCited('the former CNN host Larry King, who now appears on RT, scored a rare interview with Mr. Trump.')
  notCited('It generally sticks to the same major news that CNN or the BBC is covering.')
  notCited('In Moscow, the management of RT said on Monday that its lawyers were studying the letter.')
  notCited('then the News of the World picked up the story.')
})

test('cited by frame, in English: a poll or report after the name, a statement on its air or pages, a credit, the subject of a report, coordinated names', () => {
  const cited = (body: string) => mentions(body).map((m) => [m[0], m[2]])
  assert.deepEqual(cited('A Washington Post-ABC News poll also showed Clinton leading 47 percent to 43 percent.'), [['Washington Post', true], ['ABC News', true]])
  assert.deepEqual(cited('Sunday’s NBC News/Wall Street Journal survey gave Trump a one-point lead in Ohio.'), [['NBC News', true], ['Wall Street Journal', true]])
  assert.deepEqual(cited('New CNN polls out Monday show Trump up by 4 points in Ohio.'), [['CNN', true]])
  assert.deepEqual(cited('Clinton leads by 271 pledged delegates, according to a count by The Associated Press.'), [['The Associated Press', true]])
  assert.deepEqual(cited('"Look, it\'s a phony system," Trump told Bill O\'Reilly of Fox News this week.'), [['Fox News', true]])
  assert.deepEqual(cited('"I think the system is being rigged," Trump said this month on CNBC.'), [['CNBC', true]])
  assert.deepEqual(cited('In a Thursday interview on Washington D.C.’s WMAL radio, Tapper told host Larry O’Connor that the leak was unethical.'), [['WMAL radio', true]])
  assert.deepEqual(cited('"Halo is the most important launch game for any console ever," wrote the influential Edge magazine in its review.'), [['Edge magazine', true]])
  assert.deepEqual(cited('Citing local news outlets, the Associated Press reports that Hess almost missed the flight.'), [['the Associated Press', true]])
  assert.deepEqual(cited('Silva was a civil engineer based in Johannesburg, Portuguese newspaper Correio de Manha reports.'), [['newspaper Correio de Manha', true]])
  assert.deepEqual(cited('The Los Angeles Times said its editors had reviewed the complaints.'), [['The Los Angeles Times', true]])
  assert.deepEqual(cited('The platform calls abortion central to the party for the first time, reported the Washington Examiner.'), [['the Washington Examiner', true]])
  assert.deepEqual(cited('NBC News and ABC News both reported Sunday that the FBI had obtained a warrant.'), [['NBC News', true], ['ABC News', true]])
  assert.deepEqual(cited('h/t: The Hill.'), [['The Hill', true]])
  assert.deepEqual(cited('The agency spent $2 million on the contract [WashPost].'), [['WashPost', true]])
  assert.deepEqual(cited('Leeds told the New York Times and CNN that Trump groped her.'), [['the New York Times', true], ['CNN', true]])
  assert.deepEqual(cited('Both The New York Times and the Wall Street Journal confirmed a few of his revelations.'), [['The New York Times', true], ['the Wall Street Journal', true]])
  // A product in title case, a name coordinated with one that is no outlet, an adverb before the report verb.
  assert.deepEqual(cited('In an ABC News/Washington Post Poll released Sunday, three of four Americans disapproved.'), [['ABC News', true], ['Washington Post', true]])
  assert.deepEqual(cited('Kasich finished ahead of Clinton in recent polls from Quinnipiac and Fox News.'), [['Fox News', true]])
  assert.deepEqual(cited('He sought to restore the deal after he was fired, Politico recently reported.'), [['Politico', true]])
  assert.deepEqual(cited('The Washington Post even reported that the plane was older than Air Force One.'), [['The Washington Post', true]])
})

test('not cited by frame, in English: an employer, a host network, a venue, a party that boasts', () => {
  const notCited = (body: string) => assert.deepEqual(mentions(body).filter((m) => m[2]), [], body)
  notCited('Trump has had kinder words for Chris Wallace of Fox News, who will moderate the third debate.')
  notCited('Cooper and Martha Raddatz of ABC News are scheduled to co-moderate the second debate.')
  notCited('He cited criticism of NBC\'s Matt Lauer, who took heat for his questioning.')
  notCited('The two candidates made separate appearances at a CNN town hall in Des Moines.')
  notCited('Now Brazile’s CNN colleague, Jake Tapper, insists her actions were unethical.')
  notCited('RT boasts that it is the most-watched news network on YouTube.')
  notCited('New York Times columnist David Brooks has long admired the senator.')
  notCited('"His body language was excellent," said MSNBC host Chris Matthews.')
  notCited('The debate was watched by millions, said the chairman of CNN, in his office.')
  notCited('Fox News Poll Director Dana Blanton has run the survey since 1997.')
  notCited('He broke into D.C. reporting covering K Street for Roll Call and the Legal Times.')
  notCited('The anchors, who previously worked for CNN, recently joined the panel.')
  // The employer of the one who speaks or writes: after "according to", a quotation, a tweet, a question put by its staff.
  notCited('The vote was delayed, according to John Post of the Dallas Morning News.')
  notCited('According to USA Today contributor David Marsh, interest rates will rise.')
  notCited('Clinton tweeted, quoting a New York Times reporter\'s tweet on the comments.')
  notCited('She was confronted at a press conference by Fox News reporter Ed Henry about the server.')
  // But its staff told something or asking is the outlet's air.
  assert.deepEqual(mentions('Trump told Fox News host Sean Hannity that the election was rigged.').map((m) => m[2]), [true])
  assert.deepEqual(mentions('Rubio was asked by CBS moderator John Dickerson whether he would raise taxes.').map((m) => m[2]), [true])
  assert.deepEqual(mentions('"It is a phony system," Trump told Chris Cuomo of CNN.').map((m) => m[2]), [true])
  assert.deepEqual(mentions('She called into Tom Joyner\'s radio program when she was home sick.'), [])
  assert.deepEqual(mentions('A Sunday newspaper ran the photograph on its front page.'), [])
  assert.deepEqual(mentions('The newspaper reported that the daily radio show had ended.'), [])
})

test('cited by frame, in Arabic: the subject of a report, a statement or report before في / مع / من / ل and the outlet, a news agency by its marker', () => {
  const cited = (body: string) => mentions(body).map((m) => [m[0], m[2]])
  assert.deepEqual(cited('وتقدر مجلة فوربس الأمريكية أنها تحقق إيرادا يوميا يبلغ حوالي مليار دولار.'), [['مجلة فوربس', true]])
  assert.deepEqual(cited('وكان تقرير خاص لموقع "رويداد 24" الإيراني أشار إلى أن الاقتصاد يمر بحالة انهيار.'), [['لموقع "رويداد 24"', true]])
  assert.deepEqual(cited('وذكرت «وكالة دوجان» للأنباء أن المرأة التي اعتقلت تبلغ 51 عاما.'), [['«وكالة دوجان»', true]])
  assert.deepEqual(cited('وقال إن بلاده تمر بأيام عصيبة، وفقا لوكالة الأنباء اليمنية الرسمية "سبأ".'), [['لوكالة الأنباء اليمنية الرسمية "سبأ"', true]])
  assert.deepEqual(cited('"لست خائفا من الموت" مقابلة في صحيفة ديرشبيغل الألمانية عام 1988.'), [['صحيفة ديرشبيغل', true]])
  assert.deepEqual(cited('"بدون النقص لن نكون موجودين" برنامج مع ستيفن هوكينغ في قناة ديسكفري العلمية عام 2010.'), [['قناة ديسكفري', true]])
  assert.deepEqual(cited('"تذكر أن تنظر إلى النجوم" مقابلة مع ديان سوير من قناة أي بي سي الأمريكية عام 2010.'), [['قناة أي بي سي', true]])
  assert.deepEqual(cited('وذكرت صحيفة «كاثيميريني» وقناة «سكاي» أن المهاجرين وصلوا فجرا.'), [['صحيفة «كاثيميريني»', true], ['وقناة «سكاي»', true]])
  // «قد» between the outlet and its verb; a name after «و» sharing the preposition of a first name that is no outlet.
  assert.deepEqual(cited('وكانت صحيفة الغارديان قد ذكرت في وقت سابق أن الحكومة تدرس الخطة.'), [['صحيفة الغارديان', true]])
  assert.deepEqual(cited('وتقدمت كلينتون في استطلاع لجامعة كوينيبياك وشبكة فوكس نيوز بثماني نقاط.'), [['وشبكة فوكس نيوز', true]])
})

test('not cited by frame, in Arabic: an outlet that acts, employs or is a place', () => {
  const notCited = (body: string) => assert.deepEqual(mentions(body).filter((m) => m[2]), [], body)
  notCited('وأقالت صحيفة ملييت الاربعاء احد محرريها المعروفين بعد تغريدة عن الهجوم.')
  notCited('وعمل مراسلا لقناة الجزيرة في كابل ثم انتقل إلى مجلة فوربس في نيويورك.')
  notCited('وعبرت السفن قناة بنما الدولية أمس في طريقها إلى آسيا.')
  // «قبل أن»، «منذ أن»: a conjunction, no verb of the outlet.
  notCited('وعمل مراسلا لجامعة كوينيبياك وشبكة فوكس نيوز قبل أن يتقاعد في عام 2010.')
  notCited('وانضم إلى شبكة فوكس نيوز منذ أن ترك عمله في الجامعة.')
  // «من» after a name cited by «بحسب» is that person's employer; after an interview it is the outlet spoken to.
  notCited('وتأجل التصويت، بحسب جون بوست من صحيفة دالاس مورنينغ نيوز.')
  assert.deepEqual(mentions('وقال ترامب في مقابلة مع بيل أورايلي من قناة فوكس نيوز إن الانتخابات مزورة.').map((m) => m[2]), [true])
})

test('ambiguous names count only after a head word, before one, or in quotation marks', () => {
  assert.deepEqual(mentions('وصلت السفينة إلى الجزيرة بعد رحلة استمرت يومين.'), [])
  assert.deepEqual(mentions('وقال الخبير إن الشرق الأوسط يمر بمرحلة حرجة.'), [])
  assert.deepEqual(mentions('وذكرت صحيفة «الشرق الأوسط» أن الرياض تلقت ردا.').map((m) => m.slice(0, 3)), [['صحيفة «الشرق الأوسط»', 'asharq-al-awsat', true]])
  assert.deepEqual(mentions('The Times reported that prosecutors were examining the companies.'), [])
  assert.deepEqual(mentions('The independent review found no wrongdoing.'), [])
  assert.deepEqual(mentions('The Guardian Council rejected the candidates.'), [])
})

test('outlets by pattern: a head before a quoted or unknown name, capitalised words before "newspaper"', () => {
  assert.deepEqual(mentions('وأفادت قناة «الحوار» التونسية بأن الحريق اندلع فجرا.').map((m) => m.slice(0, 3)), [['قناة «الحوار»', 'pattern:الحوار', true]])
  assert.deepEqual(mentions('نقلا عن صحيفة إلفثيروتيبيا اليونانية.').map((m) => m.slice(0, 3)), [['صحيفة إلفثيروتيبيا', 'pattern:' + normalize('إلفثيروتيبيا'), true]])
  assert.deepEqual(mentions('The company missed three payments, the Harbour Ledger newspaper reported.').map((m) => m.slice(0, 3)), [['the Harbour Ledger newspaper', 'pattern:harbour ledger', true]])
  // A paper by its masthead word ("the … Register", "the … Herald-Review", a no-break space inside), a site by its address.
  assert.deepEqual(mentions('Six counties were decided by coin flips, according to a report in the Des Moines Register.').map((m) => m.slice(0, 3)), [['the Des Moines Register', 'pattern:des moines register', true]])
  assert.deepEqual(mentions('The statement was published in the Decatur\u00a0Herald-Review.').map((m) => m.slice(0, 3)), [['the Decatur\u00a0Herald-Review', 'pattern:decatur herald review', true]])
  assert.deepEqual(mentions('They were merchants, according to ouest-france.fr. The total rose, tchadinfos.com reported.').map((m) => m.slice(0, 3)), [['ouest-france.fr', 'pattern:ouest france fr', true], ['tchadinfos.com', 'pattern:tchadinfos com', true]])
  assert.deepEqual(mentions('وارتفع عدد القتلى إلى عشرة، بحسب موقع elaph.com الإخباري.').map((m) => m.slice(0, 3)), [['موقع elaph.com', 'pattern:elaph com', true]])
  // Not names of papers or sites: a person called Post, a country, a journal "of" something, an address as a place or a modifier.
  assert.deepEqual(mentions('Tom Post said the plan would fail, and Emily Sun agreed.').filter((m) => m[2]), [])
  assert.deepEqual(mentions('Peacekeepers were accused of abuses in the Central African Republic, according to a UN inquiry.').filter((m) => m[2]), [])
  assert.deepEqual(mentions('According to the New England Journal of Medicine, the drug works.'), [])
  assert.deepEqual(mentions('The judge may order a search of all emails on the clinton.com email system. Write to tips@example.com or see example.org.').filter((m) => m[2]), [])
  assert.deepEqual(mentions('وعرضت البندقية للبيع على gunbroker.com قبل أن يسحب الإعلان، ويمكن المراسلة على info@example.com.').filter((m) => m[2]), [])
  // A nationality describes an outlet; it does not name one.
  assert.deepEqual(mentions('The Russian news agency reported the arrests.'), [])
  // Rating and space agencies, government websites: no news outlet.
  assert.deepEqual(mentions('خفضت التصنيف الائتماني للبلاد، وفق وكالة «فيتش» للتصنيف.'), [])
  assert.deepEqual(mentions('The rating was cut, according to the Fitch agency and the Kremlin website.'), [])
  assert.deepEqual(mentions('وذكرت وكالة الأنباء «أمنا» أن السفينة غرقت.').map((m) => m.slice(0, 3)), [['وكالة الأنباء «أمنا»', 'pattern:امنا', true]])
  // A site, a canal, a network of roads: no quoted name, no outlet.
  assert.deepEqual(mentions('وصل المسعفون إلى موقع الحادث قرب قناة السويس.'), [])
})

test('linked: a link in the block by text or host, a definition, a footnote, frontmatter sources, a sources section', () => {
  assert.deepEqual(mentions('وفق [وكالة «تاس» الروسية](https://tass.ru/x).').map((m) => m[3]), [true])
  assert.deepEqual(mentions('according to TASS ([report](https://tass.com/world/1)).').map((m) => m[3]), [true])
  assert.deepEqual(mentions('according to [TASS][t].\n\n[t]: https://tass.com/world/1').map((m) => m[3]), [true])
  assert.deepEqual(mentions('according to TASS.[^1]\n\n[^1]: TASS, https://tass.com/world/1').map((m) => m[3]), [true])
  assert.deepEqual(model('---\nsources:\n  - https://tass.com/world/1\n---\n\n# Story\n\nThe toll rose, according to TASS.').use(findOutletMentions).map((m) => m.linked), [true])
  // The entry of the sources section links the citation; it is not story text, so it is no mention of its own.
  assert.deepEqual(mentions('The toll rose, according to TASS.\n\n## Sources\n\n- [TASS report](https://tass.com/world/1)').map((m) => m.slice(2)), [[true, true, false]])
  assert.deepEqual(mentions('according to TASS ([report](https://www.reuters.com/x)).').map((m) => m[3]), [false])
  // An outlet known only by pattern is linked by a link whose words name it.
  assert.deepEqual(mentions('وأفادت قناة «الحوار» بأن الحريق اندلع فجرا ([تقرير قناة الحوار](https://example.tn/x)).').map((m) => m.slice(2, 4)), [[true, true]])
  assert.deepEqual(mentions('وأفادت قناة «الحوار» بأن الحريق اندلع فجرا ([تقرير القناة](https://example.tn/x)).').map((m) => m.slice(2, 4)), [[true, false]])
})

test('the publisher: frontmatter, a dateline, a byline line, and outlets of the same group', () => {
  assert.deepEqual(model('---\npublisher: Reuters\n---\n\n# Story\n\nOfficials told Reuters the talks stalled.').use(findOutletMentions).map((m) => m.publisher), [true])
  assert.deepEqual(mentions('WASHINGTON (Reuters) - Officials told Reuters the talks stalled.').map((m) => [m[0], m[2], m[4]]), [['Reuters', false, true], ['Reuters', true, true]])
  assert.deepEqual(mentions('أبوظبي - سكاي نيوز عربية\n\nوقال مصدر لسكاي نيوز عربية إن القرار سيصدر قريبا.').map((m) => [m[2], m[4]]), [[false, true], [true, true]])
  assert.deepEqual(model('---\npublisher: Sky News\n---\n\n# Story\n\nوقال مصدر لسكاي نيوز عربية إن القرار سيصدر قريبا.').use(findOutletMentions).map((m) => m.publisher), [true])
  // A short line that cites an outlet is no credit line.
  assert.deepEqual(mentions('The toll rose, says Reuters.\n\nMore text follows here.').map((m) => m[4]), [false])
  assert.deepEqual(mentions('دبي (CNN)-- قال مسؤول لـ CNN إن واشنطن تتابع الوضع.').map((m) => m[4]), [true, true])
  assert.deepEqual(mentions('By Jane Doe\n\nOfficials told Reuters the talks stalled.').map((m) => m[4]), [false])
})

test('outlets added in configuration are found and linked by their domains', () => {
  const settings = {lexicons: {outlets: [{name: 'Gulf Ledger', aliases: ['Gulf Ledger', 'غلف ليدجر'], domains: ['gulfledger.example']}]}}
  assert.deepEqual(mentions('The deal was signed, according to Gulf Ledger.', settings).map((m) => m.slice(0, 4)), [['Gulf Ledger', 'config-outlet-0', true, false]])
  assert.deepEqual(mentions('وتم توقيع الاتفاق، وفق [غلف ليدجر](https://www.gulfledger.example/a).', settings).map((m) => m.slice(2, 4)), [[true, true]])
})

test('link mismatches: the text names one outlet, the address belongs to another organisation', () => {
  const mismatch = (body: string) => model('# Story\n\n' + body).use(findLinkMismatches).map((m) => [m.named.id, m.host.id])
  assert.deepEqual(mismatch('The deal collapsed, [The Guardian reported](https://www.nytimes.com/2024/x.html).'), [['guardian', 'nyt']])
  assert.deepEqual(mismatch('وذكرت [وكالة رويترز](https://www.aljazeera.net/news/x) أن الاجتماع انتهى.'), [['reuters', 'al-jazeera']])
  assert.deepEqual(mismatch('He told [BBC Arabic](https://www.bbc.co.uk/arabic/x) that talks go on.'), [])
  assert.deepEqual(mismatch('[Reuters reported](https://www.reuters.com/world/x) the deal.'), [])
  assert.deepEqual(mismatch('[the ministry](https://www.reuters.com/world/x) said.'), [])
})

test('undefined references and footnotes, through remark-lint-no-undefined-references; editorial [brackets] are not links', () => {
  const undefinedRefs = (markdown: string) => model(markdown).use(findUndefinedReferences).map((r) => [r.text, r.kind, `${r.span.start.line}:${r.span.start.column}`])
  assert.deepEqual(undefinedRefs('# Story\n\nThe figures come from the [annual report][ministry-2024].'), [['[annual report][ministry-2024]', 'reference', '3:27']])
  assert.deepEqual(undefinedRefs('# Story\n\nوقالت الوزارة إن 12 شخصا أصيبوا.[^1]'), [['[^1]', 'footnote', '3:33']])
  assert.deepEqual(undefinedRefs('# Story\n\n"[The company] will not comment," she said.'), [])
  assert.deepEqual(undefinedRefs('# Story\n\nSee the [report][r].[^1]\n\n[r]: https://example.com\n\n[^1]: A note.'), [])
})

test('a long article of outlet names: every mention found, each block on its own', () => {
  const paragraph = 'The toll rose, according to Reuters, and an aide told CNN the talks would go on, وفق وكالة «تاس».'
  const article = model('# Story\n\n' + Array.from({length: 400}, () => paragraph).join('\n\n'))
  const found = article.use(findOutletMentions)
  assert.equal(found.length, 1200)
  assert.ok(found.every((m) => m.citedAsSource))
})
