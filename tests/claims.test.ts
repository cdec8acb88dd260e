/**
 * Check-worthy claims (src/model/claims.ts), tested directly in Arabic and English: what is
 * a claim, what is a date, an age, a time or a name, how figures are normalised for
 * coverage, and that every entry of the claims lexicon fires on its own examples.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {Article} from '../src/model/article.js'
import {findClaims, sameFigure} from '../src/model/claims.js'
import {formsOf, loadLexicons} from '../src/lexicons/index.js'
import {normalize} from '../src/model/normalize.js'
import {tokenize} from '../src/model/tokens.js'

const parser = unified().use(remarkParse).use(remarkGfm)
/** The model of one story paragraph (a title is added so the paragraph is body text), in the language of its script. */
function model(paragraph: string): Article {
  const file = new VFile({value: '# Title\n\n' + paragraph + '\n'})
  return new Article(parser.parse(file), file, {lang: /\p{Script=Arabic}/u.test(paragraph) ? 'ar' : 'en'})
}
function claims(paragraph: string): Array<[string, string, string?]> {
  const article = model(paragraph)
  return article.use(findClaims).all.map((claim) => claim.figure === undefined ? [claim.kind, claim.text] : [claim.kind, claim.text, claim.figure])
}
function mentions(paragraph: string): string[] {
  const article = model(paragraph)
  return article.use(findClaims).mentions.map((claim) => claim.figure!)
}

test('figures in digits of either script normalise to one value', () => {
  assert.deepEqual(claims('قتل ٦٢ شخصا في الهجوم.'), [['toll', '٦٢', '62']])
  assert.deepEqual(claims('قتل 62 شخصا في الهجوم.'), [['toll', '62', '62']])
  assert.deepEqual(claims('At least 1,000 homes were flooded.'), [['figure', '1,000', '1000']])
  assert.deepEqual(claims('Around 1000 homes were flooded.'), [['figure', '1000', '1000']])
  assert.deepEqual(claims('The audience share was 1.57 percent.'), [['percentage', '1.57 percent', '1.57%']])
  assert.deepEqual(claims('ارتفع التضخم إلى ١٢٫٥٪ الشهر الماضي.'), [['percentage', '١٢٫٥٪', '12.5%']])
})

test('magnitudes and words: "5 million" = 5000000, «270 ألفا و330 ألف», "three billion"', () => {
  assert.deepEqual(claims('Up to 5 million people could be eligible.'), [['figure', '5 million', '5000000']])
  assert.deepEqual(claims('نزح ما بين 270 ألفا و330 ألف شخص.'), [['figure', '270 ألفا', '270000'], ['figure', '330 ألف', '330000']])
  assert.deepEqual(claims('The channel had over three billion views.'), [['figure', 'three billion', '3000000000']])
  assert.deepEqual(claims('سيطرت القوات على أكثر من ثلاثين قرية.'), [['figure', 'ثلاثين', '30']])
  assert.deepEqual(claims('يستضيف الأردن أكثر من مليون لاجئ.'), [['figure', 'مليون', '1000000']])
})

test('percentages and sums of money', () => {
  assert.deepEqual(claims('توسعت السيطرة من ثلاثين إلى ستين في المئة من مساحة المحافظة.'), [['figure', 'ثلاثين', '30'], ['percentage', 'ستين في المئة', '60%']])
  assert.deepEqual(claims('Claims will be less than $10bn (£5.17bn).'), [['money', '$10bn', '10000000000'], ['money', '£5.17bn', '5170000000']])
  assert.deepEqual(claims('The firm paid out about 300 million euros.'), [['money', '300 million euros', '300000000']])
  assert.deepEqual(claims('بلغت كلفة المشروع 4 مليارات دولار.'), [['money', '4 مليارات دولار', '4000000000']])
})

test('tolls: loose counts are claims when they count the dead, colour when they do not', () => {
  assert.deepEqual(claims('خلف الهجوم عشرات القتلى.'), [['toll', 'عشرات']])
  assert.deepEqual(claims('Dozens of people were killed in the raid.'), [['toll', 'Dozens']])
  assert.deepEqual(claims('Dozens of lawmakers signed the letter.'), [])
  assert.deepEqual(claims('ووقع عشرات النواب على الرسالة.'), [])
  assert.deepEqual(claims('Two people were killed and three were injured.'), [['toll', 'Two', '2'], ['toll', 'three', '3']])
  assert.deepEqual(claims('Thousands of people marched on Saturday.'), [['count', 'Thousands']])
  assert.deepEqual(claims('وتظاهر مئات آلاف اليونانيين ضد الاتفاق.'), [['count', 'مئات آلاف']])
})

test('not claims: dates, years, times, ages, durations, names, outlets, small numbers in words', () => {
  assert.deepEqual(claims('The bank will close the accounts on Dec. 12, 2016.'), [])
  assert.deepEqual(claims('He served as president from 2010 to 2014.'), [])
  assert.deepEqual(claims('The meeting began at 10:30 a.m. and lasted 3 hours.'), [])
  assert.deepEqual(claims('The minister, 58, resigned after 12 years in office.'), [])
  assert.deepEqual(claims('The driver, aged 34, was arrested.'), [])
  assert.deepEqual(claims('بدأت العملية في 19 حزيران/يونيو عند الرابعة عصرا (13,00 ت غ).'), [])
  assert.deepEqual(claims('وتوفي عن 84 عاما بعد مسيرة امتدت أربعين عاما.'), [])
  assert.deepEqual(claims('وصلت القوات إلى الكيلو 16 وأطلقت طائرات إف-16 صواريخها.'), [])
  assert.deepEqual(claims('ظهر الوزير على شاشة فرانس 24 مساء الثلاثاء.'), [])
  assert.deepEqual(claims('The F.B.I. faced a hard decision in two investigations.'), [])
  assert.deepEqual(claims('The home side won 3-1 after the 9/11 memorial service.'), [])
  assert.deepEqual(claims('وولد الشاعر عام 1380 هـ في مكة.'), [])
  assert.deepEqual(claims('وتنتهي المهلة في 12 من الشهر الجاري.'), [])
  assert.deepEqual(claims('The Boeing 737 took off from Terminal 2 as a Category 4 storm approached.'), [])
  assert.deepEqual(claims('وقتل 5 من قوات النظام في الغارات.'), [['toll', '5', '5']])
  assert.deepEqual(claims('وتسعى الحكومة إلى جمع أكبر قدر من المساعدات.'), [])
  assert.deepEqual(claims('The dispute goes back hundreds of years.'), [])
  assert.deepEqual(claims('ويعود الخلاف إلى آلاف السنين.'), [])
  assert.deepEqual(claims('The county will reinvest millions of dollars in local groups.'), [])
})

test('superlatives and records, but not comparisons, limits, opinions or narrative firsts', () => {
  assert.deepEqual(claims('The blaze is the largest wildfire in the state.'), [['superlative', 'the largest']])
  assert.deepEqual(claims("Hanover Re, Europe's fifth-largest reinsurance firm, paid."), [['superlative', 'fifth-largest']])
  assert.deepEqual(claims('كان الهجوم من أسوأ الهجمات منذ سنوات.'), [['superlative', 'أسوأ']])
  assert.deepEqual(claims('ويعد الهجوم أكثر الهجمات دموية في المدينة.'), [['superlative', 'أكثر الهجمات دموية']])
  assert.deepEqual(claims('كانت الخسائر أكبر من المتوقع.'), [])
  assert.deepEqual(claims('رفعت الحكومة الحد الأدنى للأجور.'), [])
  assert.deepEqual(claims('واجتمع المجلس الأعلى للقوات المسلحة، وأسوأ ما في الأمر أن الاجتماع تأجل.'), [])
  assert.deepEqual(claims('Officials feared the worst. The worst is over now.'), [])
  assert.deepEqual(claims('وهو أعلى مستوى منذ عشر سنوات.'), [['superlative', 'أعلى مستوى']])
  assert.deepEqual(claims('It was the finest performance of her career.'), [])
  assert.deepEqual(claims('The first case involved the campaign chairman.'), [])
  assert.deepEqual(claims('The first time she saw the house, it was in ruins.'), [])
  assert.deepEqual(claims('The raids are the first large-scale effort to deport families.'), [['record', 'the first large-scale effort to']])
  assert.deepEqual(claims('Temperatures reached a record high on Sunday.'), [['record', 'a record high']])
  assert.deepEqual(claims('في ما يشكل تصعيدا غير مسبوق بين البلدين.'), [['record', 'غير مسبوق']])
  assert.deepEqual(claims('وهي المرة الأولى، التي تتهم فيها إسرائيل إيران بذلك منذ بدء النزاع.'), [['record', 'المرة الأولى، التي تتهم فيها إسرائيل إيران بذلك منذ']])
})

test('findings of fact need evidence and a deed', () => {
  assert.deepEqual(claims('اعترضت الولايات المتحدة اتصالات تؤكد أن التنظيم نفذ تفجيرين في إيران.'), [['finding', 'اتصالات تؤكد أن التنظيم نفذ']])
  assert.deepEqual(claims('Agencies obtained intercepted communications confirming that the militia carried out the attack.'), [['finding', 'intercepted communications confirming that the militia carried out']])
  assert.deepEqual(claims('اعترضت الدفاعات الجوية الصواريخ ودمرتها.'), [])
})

test('figures inside quotations are mentions for coverage, not claims', () => {
  assert.deepEqual(claims('“We lost 40 people in one night,” said the mayor.'), [])
  assert.deepEqual(mentions('“We lost 40 people in one night,” said the mayor.'), ['40'])
  assert.deepEqual(claims('وقال المرصد إن الضربات أسفرت عن مقتل "23 مقاتلا" على الأقل.'), [])
})

test('English lone digits, dotted dates, identifiers and list labels are not claims', () => {
  assert.deepEqual(claims('The singer came in at #6 on the list, behind 5 other bands.'), [])
  assert.deepEqual(claims('The update (25.07.2019) cites arXiv paper 1706.02582 and record 2807447.'), [])
  assert.deepEqual(claims('Three people were killed and 5 were injured in the crash.'), [['toll', 'Three', '3'], ['toll', '5', '5']])
})

test('numbers that name rather than count: tickers, codes of capitals, leading zeros (issue 17 item 8)', () => {
  assert.deepEqual(claims('Shares of ZTE (000063.SZ) and Tencent (0700.HK) fell 4 percent.'), [['percentage', '4 percent', '4%']])
  assert.deepEqual(claims('وتراجعت أسهم زد تي إي (000063.SZ) بنسبة 4 في المئة.'), [['percentage', '4 في المئة', '4%']])
  assert.deepEqual(claims('The bill, HR 1234, passed after Section 508 and Article 50 were cited.'), [])
  assert.deepEqual(claims('ونصت المادة 50 على الانسحاب، وأقلعت الرحلة رقم 804 من باريس.'), [])
  // A currency code is money, not a code.
  assert.deepEqual(claims('The fund paid USD 500 to each family.').map(([kind]) => kind), ['figure'])
})

test('Arabic firsts of the story\'s events and actors are records; a day and an ordinal with the article are not', () => {
  assert.deepEqual(claims('وقصفت طائرات حربية تركية الجمعة للمرة الأولى أهدافا للتنظيم في سوريا.'), [['record', 'للمرة الأولى']])
  assert.deepEqual(claims('وكان ولي العهد أول من اقترح بيع أسهم الشركة عام 2016.'), [['record', 'أول من']])
  assert.deepEqual(claims('وتطورت الفكرة لتصبح أول خط أزياء مصمم للنساء الممتلئات.'), [['record', 'لتصبح أول']])
  assert.deepEqual(claims('وذكرت الوكالة أول من أمس أن الاجتماع تأجل.'), [])
  assert.deepEqual(claims('وسجلت الصادرات نموا في الربع الأول من العام الجاري.'), [])
})

test('the denominator of a share is no figure of its own', () => {
  assert.deepEqual(claims('About three in 10 said they prefer a more liberal agenda.'), [])
  assert.deepEqual(claims('He won roughly 7 in 10 voters not registered with a party.').map(([, text]) => text), [])
})

test('a round figure is the same as one elsewhere only when their sentences share a word; a precise one always', () => {
  const article = model('وهرب نحو 50 ألفا من المدينة الشمالية.\n\nوقالت المتحدثة إن الخطة تمكنها من التعامل مع 50 ألف شخص.\n\nوفر 50 ألفا من المدينة الشمالية أيضا.\n\nوقد نزح 1579 شخصا، وأحصت المنظمة 1579 نازحا.')
  const found = article.use(findClaims).mentions
  const [fled, plan, fledAgain, precise, preciseAgain] = found
  assert.equal(sameFigure(article, fled, plan), false)
  assert.equal(sameFigure(article, fled, fledAgain), true)
  assert.equal(sameFigure(article, precise, preciseAgain), true)
})

test('a sentence that speaks of the figure of the sentence before carries on its report', () => {
  const carries = (paragraph: string) => model(paragraph).use(findClaims).carriesOn(1, 1)
  assert.equal(carries('The department has 25 crews repairing potholes. In March, that number can expand to more than 60.'), true)
  assert.equal(carries('وتملك البلدية 25 فرقة لإصلاح الطرق. وفي آذار يرتفع هذا العدد إلى أكثر من 60 فرقة.'), true)
  // Not when the sentence before has no figure, nor without a word pointing back at one.
  assert.equal(carries('The department repairs potholes every spring. In March, that number can expand to more than 60.'), false)
  assert.equal(carries('The department has 25 crews repairing potholes. In March, the city hires more than 60 workers.'), false)
  assert.equal(carries('تصلح البلدية الطرق كل ربيع. وفي آذار يرتفع هذا العدد إلى أكثر من 60 فرقة.'), false)
})

test('a document that finds figures goes on with them into the next sentence, not further', () => {
  const carries = (paragraph: string, sentence = 1) => model(paragraph).use(findClaims).carriesOn(1, sentence)
  const en = 'A Quinnipiac University poll found that 74 percent of voters want the returns released. Sixty-two percent of Republicans agreed. Turnout was 40 percent.'
  assert.equal(carries(en), true)
  assert.equal(carries(en, 2), false)
  const ar = 'وأظهر استطلاع أن 60 في المئة من الناخبين يؤيدون الاتفاق. ويعارضه 30 في المئة منهم. وبلغت نسبة المشاركة 40 في المئة.'
  assert.equal(carries(ar), true)
  assert.equal(carries(ar, 2), false)
  // A report that finds nothing is no source to go on from.
  assert.equal(carries('On Monday a report came out on the town. About 500 people fled.'), false)
})

test('a poll\'s results go on, across paragraphs, while each sentence reports a result; the first that does not ends them', () => {
  const cited = (text: string) => {
    const article = model(text)
    const claims = article.use(findClaims)
    return article.blocks.flatMap((block, b) => block.sentences.map((_, s) => claims.citesSource(b, s)))
  }
  // Title, the poll, two sentences of results, a result in the next paragraph.
  assert.deepEqual(cited('A poll by Quinnipiac University put Clinton at 46 percent.\n\nShe leads Trump by 12 points. Just 72 percent of Republicans support Trump.\n\nClinton leads Trump 46 percent to 41 percent.'),
    [false, true, true, true, true])
  // A sentence with no result, or a figure with no result word, ends them.
  assert.deepEqual(cited('A poll by Quinnipiac University put Clinton at 46 percent.\n\nClinton spoke in Detroit.\n\nJust 72 percent of Republicans support Trump.'),
    [false, true, false, false])
  assert.deepEqual(cited('A poll by Quinnipiac University put Clinton at 46 percent.\n\nTurnout was 40 percent. Just 72 percent of Republicans support Trump.'),
    [false, true, false, false])
  assert.deepEqual(cited('وأظهر استطلاع أجرته جامعة طهران أن المرشح يتقدم بفارق 11 نقطة.\n\nويؤيده 52 في المئة من الناخبين. ويعارضه 38 في المئة منهم.'),
    [false, true, true, true])
  assert.deepEqual(cited('وأظهر استطلاع أجرته جامعة طهران أن المرشح يتقدم بفارق 11 نقطة.\n\nوبلغت نسبة المشاركة 40 في المئة. ويؤيده 52 في المئة من الناخبين.'),
    [false, true, false, false])
})

test('not claims: interview answers, the writer\'s own figures, a hundred percent of certainty, index names, style declarations', () => {
  // Interview lines opened by their speaker's mark are the speaker's words, kept as mentions only.
  assert.deepEqual(claims('A: Well, we got $660 billion in tax increases.'), [])
  assert.deepEqual(mentions('A: Well, we got $660 billion in tax increases.'), ['660000000000'])
  assert.deepEqual(claims('ج: دفعنا 30 ألف دولار غرامة للشركة.'), [])
  assert.deepEqual(claims('Well, we got $660 billion in tax increases.'), [['money', '$660 billion', '660000000000']])
  // "I" opening the figure's clause; not after "I think" or "I learned that", nor another subject.
  assert.deepEqual(claims('I had to pay a $30,000 fine.'), [])
  assert.deepEqual(claims('I’ve done it 20 times.'), [])
  assert.deepEqual(claims('I learned that the city spent $30,000 on the fence.'), [['money', '$30,000', '30000']])
  assert.deepEqual(claims('He had to pay a $30,000 fine.'), [['money', '$30,000', '30000']])
  // A hundred percent beside a word of certainty.
  assert.deepEqual(claims('I am 100 percent sure he will run.'), [])
  assert.deepEqual(claims('He was one hundred percent committed to the plan.'), [])
  assert.deepEqual(claims('وقال إنه متأكد 100 في المئة من فوزه.'), [])
  assert.deepEqual(claims('Prices rose 100 percent last year.'), [['percentage', '100 percent', '100%']])
  assert.deepEqual(claims('وارتفعت الأسعار 100 في المئة العام الماضي.'), [['percentage', '100 في المئة', '100%']])
  // A stock index's name, but not points counted after it.
  assert.deepEqual(claims('The Nikkei 225 closed for a public holiday.'), [])
  assert.deepEqual(claims('وأغلق مؤشر فوتسي 100 على ارتفاع في لندن.'), [])
  assert.deepEqual(claims('وخسر مؤشر فوتسي 225 نقطة يوم الاثنين.'), [['figure', '225', '225']])
  // Sizes joined by a hyphen, and a style declaration leaked into the text.
  assert.deepEqual(claims('Here is the 12-step plan for 30-somethings in the city.'), [])
  assert.deepEqual(claims('The banner had width:100%; on every page of the site.'), [])
})

test('a person\'s age with no unit: after "is"/"was" with a person as subject, "died at", "at 86 she"; not a count', () => {
  assert.deepEqual(claims('While Garland is 63, which means he has a shorter tenure, the pick stands.'), [])
  assert.deepEqual(claims('He was not covered because he already was 18 at the time.'), [])
  assert.deepEqual(claims('Her brother died at 43, an alcoholic.'), [])
  assert.deepEqual(claims('Even now at 86 she still says such things.'), [])
  assert.deepEqual(claims('The number of dead is 63, and the toll stands at 387.').map(([, text]) => text), ['63', '387'])
  assert.deepEqual(claims('Trump was 340 miles away, in Bangor.'), [['figure', '340', '340']])
  // Arabic says the unit («عاما»), which already makes it an age.
  assert.deepEqual(claims('وتوفي شقيقه عن 43 عاما بعد صراع مع المرض.'), [])
  assert.deepEqual(claims('وبلغ عدد القتلى 63 في المدينة.'), [['toll', '63', '63']])
})

test('evidence named by its possessor sources its sentence: "tax returns show", «كما تظهر الإفصاحات»', () => {
  const cited = (paragraph: string) => model(paragraph).use(findClaims).citesSource(1, 0)
  assert.equal(cited('He returned all but $100,000 of the money, tax returns show.'), true)
  assert.equal(cited('The FEC filings show a payment of $72,800 in May.'), true)
  assert.equal(cited('وبلغت قيمة الصفقة 300 مليون دولار، كما تظهر الإفصاحات.'), true)
  assert.equal(cited('He returned all but $100,000 of the money.'), false)
  // Numbers released by a named body, a day between them ("released Tuesday by").
  assert.equal(cited('New numbers released Tuesday by the state Division of Elections show nearly 300,000 voters went to the polls.'), true)
  assert.equal(cited('وأظهرت أرقام نشرتها هيئة الانتخابات الثلاثاء أن نحو 300 ألف ناخب أدلوا بأصواتهم.'), true)
})

test('a number under ten is the same as one elsewhere only when both count the same noun', () => {
  const ar = model('وأدى الهجوم إلى مقتل ضابط وإصابة عسكريين اثنين بجروح.\n\nوأعلن الحزب مقتل شرطيين اثنين في سوريا.\n\nوأصيب عسكريين اثنين في الهجوم نفسه.')
  const [soldiers, police, soldiersAgain] = ar.use(findClaims).mentions
  assert.equal(sameFigure(ar, soldiers, police), false)
  assert.equal(sameFigure(ar, soldiers, soldiersAgain), true)
  const en = model('The blast killed 3 soldiers near the border.\n\nThe army said 3 policemen were killed in the city.\n\nThe 3 soldiers killed were buried on Friday.')
  const [enSoldiers, enPolice, enSoldiersAgain] = en.use(findClaims).mentions
  assert.equal(sameFigure(en, enSoldiers, enPolice), false)
  assert.equal(sameFigure(en, enSoldiers, enSoldiersAgain), true)
})

test('a measure joined by a hyphen describes an object; a margin or a sum so joined is still a figure', () => {
  assert.deepEqual(claims('Explosions can pop a 300-pound manhole cover five stories into the air.'), [])
  assert.deepEqual(claims('The bound, 104-page document covers three main areas.'), [])
  assert.deepEqual(claims('A manhole cover weighing 300 pounds was thrown into the air.').map(([, text]) => text), ['300'])
  assert.deepEqual(claims('Sanders has opened up a 15-point lead over Clinton.').map(([, text]) => text), ['15'])
  // The size of a body or a text so joined describes it too ("a 112-member body", "the 450-seat chamber", "a 700-word column").
  assert.deepEqual(claims('The rules committee, a 112-member body, meets in the 450-seat chamber.'), [])
  assert.deepEqual(claims('The scandal began as a 700-word column about a single priest.'), [])
  assert.deepEqual(claims('The committee has 112 members, and 43 of them back the change.').map(([, text]) => text), ['112', '43'])
})

test('figures written as code, bibliographic references and promo lines count nothing', () => {
  assert.deepEqual(claims('Releases come from a branch named after the month, for example `20.10`, from now on.'), [])
  assert.deepEqual(claims('وتصدر النسخ من فرع يحمل اسم الشهر، مثل `20.10`، من الآن فصاعدا.'), [])
  assert.deepEqual(claims('Science, Vol. 371, Issue 6526, pp. 232-236, DOI 10.1126/science.abf2427'), [])
  assert.deepEqual(claims('مجلة العلوم، المجلد 371، العدد 6526، ص 232، DOI 10.1126/science.abf2427'), [])
  assert.deepEqual(claims('Releases come from a branch, and 20 of them shipped this year.').map(([, text]) => text), ['20'])
})

test('a number alone on its line, or opening a short step of a list, is a label', () => {
  assert.deepEqual(claims('12 Model good behavior.'), [])
  assert.deepEqual(claims('10\nBill Gates, who gave away more of his fortune this year than anyone else.'), [])
  assert.deepEqual(claims('10\nبيل غيتس، الذي تبرع بجزء كبير من ثروته هذا العام.'), [])
  assert.deepEqual(claims('12 Syrian soldiers were killed in the attack on Tuesday.').map(([, text]) => text), ['12'])
  assert.deepEqual(claims('12 جنديا سوريا قتلوا في الهجوم على المركز الحدودي.').map(([, text]) => text), ['12'])
})

test('a number glued to a word by a slash is part of a name', () => {
  assert.deepEqual(claims('Butz will open a new show at New York’s Feinstein’s/54 Below next week, with songs by Loretta Lynn.'), [])
  assert.deepEqual(claims('The club sold 54 tickets for the show on Friday.').map(([, text]) => text), ['54'])
})

test('ages: the age in a caption after a name, "turn 18", and both ends of "the ages of 25 and 54"', () => {
  assert.deepEqual(claims('Mohamed Mamdouh Assem, 24.'), [])
  assert.deepEqual(claims('Richard Osman (left), 40.'), [])
  assert.deepEqual(claims('Voters who will turn 18 before November may vote.'), [])
  assert.deepEqual(claims('The study counted men between the ages of 25 and 54 in each country.'), [])
  assert.deepEqual(claims('The police counted 25 and 54 arrests on the two nights.').map(([, text]) => text), ['25', '54'])
  // A comparison of ages: "younger than 50", «دون سن 18».
  assert.deepEqual(claims('All of the nominees on the list are younger than 50.'), [])
  assert.deepEqual(claims('ويمنع القانون بيع التبغ لمن هم دون سن 18 في جميع المحافظات.'), [])
  assert.deepEqual(claims('All of the nominees are younger than 50, and the firm employs 40 lawyers.').map(([, text]) => text), ['40'])
})

test('loose counts away from a toll or an event are colour; a teaser line holds no claims', () => {
  assert.deepEqual(claims('The game won praise for the thousands of details that gave it polish.'), [])
  assert.deepEqual(claims('There are still millions of people struggling to find good jobs.'), [])
  assert.deepEqual(claims('ويزور آلاف السياح المدينة كل صيف.'), [])
  assert.deepEqual(claims('اقرأ أيضا: آلاف المدنيين يفرون من الغوطة الشرقية وعفرين'), [])
  assert.deepEqual(claims('Read more: 3,000 homes flooded as the river bursts its banks'), [])
})

test('a document that carries the figure names its source: owned by a name, or finding something', () => {
  const cited = (paragraph: string) => model(paragraph).use(findClaims).citesSource(1, 0)
  assert.equal(cited('A recent CNN survey found 90 percent support for background checks.'), true)
  assert.equal(cited('On Monday, a Rasmussen Reports poll put Clinton at 43 percent.'), true)
  assert.equal(cited('A poll from Utah showed Trump with a 17-point lead.'), true)
  assert.equal(cited('وأظهر استطلاع أن 60 في المئة من الناخبين يؤيدون الاتفاق.'), true)
  // The people a poll surveyed are its own figures.
  assert.equal(cited('The poll surveyed 1,000 adults between Dec. 6 and Dec. 9.'), true)
  assert.equal(cited('وشمل الاستطلاع 1500 شخص في أنحاء البلاد.'), true)
  // A day is no owner, and a report that finds nothing is no source.
  assert.equal(cited('On Monday a report came out as 500 people fled the town.'), false)
  assert.equal(cited('وصدر التقرير بينما فر 500 شخص من البلدة.'), false)
})

test('a superlative before a judgement noun is an opinion; one of the first is no record', () => {
  assert.deepEqual(claims('The biggest benefit of the new law is speed.'), [])
  assert.deepEqual(claims('ويبقى أكبر تحد أمام الحكومة هو التضخم.'), [])
  assert.deepEqual(claims('Adele and her father are among the first to return to the city.'), [])
})

test('a linked sentence cites its source; figures of settled past events are left alone', () => {
  const file = new VFile({value: '# Grid\n\nOutages hit [1.4 million people](https://example.org/report) on the coast.\n\nIn 1914, about 25,000 settlers lived in the colonies. The colony was the largest in Africa. The census of 2024 counted 2,000 more.\n'})
  const index = new Article(parser.parse(file), file, {lang: 'en'}).use(findClaims)
  assert.equal(index.citesSource(1, 0), true)
  assert.deepEqual(index.all.map((claim) => claim.text), ['1.4 million', 'the largest', '2,000'])
})

test('block quotes are quotations, and table cells are data', () => {
  assert.deepEqual(claims('> We lost 40 people in one night.'), [])
  assert.deepEqual(claims('| Region | Deaths |\n| --- | --- |\n| North | 214 |'), [])
})

test('the title and headings hold no claims', () => {
  const file = new VFile({value: '# 300 dead in quake\n\n## 5,000 homes destroyed\n\nAid arrived on Friday.\n'})
  assert.deepEqual(new Article(parser.parse(file), file).use(findClaims).all, [])
})

test('every entry of the claims lexicon fires on its own examples, in each language it lists', () => {
  const lexicons = loadLexicons()
  for (const entry of lexicons.claims.entries) {
    const examples = (entry.examples ?? {}) as Record<string, string[]>
    const langs = [...new Set(formsOf(entry).map((f) => f.lang))]
    for (const lang of langs) {
      assert.ok(examples[lang]?.length, `${entry.id}: an ${lang} example`)
      const forms = formsOf(entry).filter((f) => f.lang === lang).map((f) => f.form)
      for (const example of examples[lang]) {
        const words = tokenize(example).map((t) => t.norm)
        assert.ok(forms.some((form) => appears(form, words)), `${entry.id} (${lang}) does not fire on: ${example}`)
      }
    }
  }
})

/** Whether a form (its parts around «…» in order, the first word also behind a proclitic) appears in a run of words. */
function appears(form: string, words: string[]): boolean {
  const parts = form.split('…').map((part) => tokenize(normalize(part)).map((t) => t.norm))
  let at = 0
  for (const [p, part] of parts.entries()) {
    let found = -1
    for (let i = at; i + part.length <= words.length && found < 0; i++) {
      const head = words[i]
      const headOk = head === part[0] || (p === 0 && head.endsWith(part[0]) && head.length - part[0].length <= 3)
      if (headOk && part.slice(1).every((word, k) => words[i + 1 + k] === word)) found = i
    }
    if (found < 0) return false
    at = found + part.length
  }
  return true
}
