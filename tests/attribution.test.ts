/**
 * The attribution analysis, tested directly in English and Arabic: cues and their kinds,
 * speaker spans and kinds, back-references, relayed sources, continuation of reported speech
 * within a block, and the speaker of a quotation (same sentence, neighbour, previous block).
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {createProcessor, lint} from '../src/index.js'
import {getArticle} from '../src/model/article.js'
import {type Attribution, findAttributions, hasNamedConjunct} from '../src/model/attribution.js'

function analyse(markdown: string) {
  const processor = createProcessor()
  const file = new VFile({value: markdown})
  const article = getArticle(processor.parse(file), file)
  return {article, index: article.use(findAttributions)}
}

/** [cue text, speaker text, speaker kind] of every attribution in a block. */
function summary(markdown: string, block = 1): Array<[string, string | undefined, string | undefined]> {
  const {article, index} = analyse(markdown)
  const text = article.blocks[block].text
  return index.all.filter((a) => a.block === block).map((a: Attribution) => [text.slice(a.cue.from, a.cue.to), a.speaker?.text, a.speaker?.kind])
}

test('English speakers: subject before the verb, inverted after it, appositives and relative clauses', () => {
  assert.deepEqual(summary('# T\n\nThe plant will close, a source familiar with the plans said.'), [['said', 'a source familiar with the plans', 'anonymous']])
  assert.deepEqual(summary('# T\n\n"We will appeal," said Mr. Blunkett.'), [['said', 'Mr. Blunkett', 'named']])
  assert.deepEqual(summary('# T\n\n"It is over," he said.'), [['said', 'he', 'pronoun']])
  assert.deepEqual(summary('# T\n\nJohn Smith, a spokesman for the ministry, said it was true.'), [['said', 'John Smith', 'named']])
  assert.deepEqual(summary('# T\n\nAn intelligence official, who was at the crossing, said the convoy was hit.'), [['said', 'An intelligence official', 'anonymous']])
  assert.deepEqual(summary('# T\n\nThe talks stalled, according to a senior official at the ministry.'), [['according to', 'a senior official', 'anonymous']])
  assert.deepEqual(summary('# T\n\nExperts say the drought will cut the harvest.'), [['say', 'Experts', 'vague']])
  assert.deepEqual(summary('# T\n\nThe pound fell, analysts at Barclays said.'), [['said', 'analysts at Barclays', 'named']])
  // An inverted speaker with a relative clause on it: the clause ends the speaker, not the complement of "said".
  assert.deepEqual(summary('# T\n\nThe plant will close, said an official who spoke on condition of anonymity.').filter(([, speaker]) => speaker), [['said', 'an official', 'anonymous']])
})

test('a passive verb without an agent is no attribution, and a subject never reaches back over another verb', () => {
  assert.deepEqual(summary('# T\n\nA person familiar with the plans said the European cuts would be announced in March.'),
    [['said', 'A person familiar with the plans', 'anonymous']])
})

test('Arabic speakers: after the verb; titles, bodies and names are named; relayed sources after «عن»', () => {
  assert.deepEqual(summary('# خبر\n\nقال مصدر في الهيئات الأمنية المختصة إن الأمن تلقى معلومات.'), [['قال', 'مصدر في الهيئات الأمنية المختصة', 'anonymous']])
  assert.deepEqual(summary('# خبر\n\nوأوضح مايكل كوجلمان من مركز ويلسون أن التنظيم يضم مسلحين.'), [['وأوضح', 'مايكل كوجلمان من مركز ويلسون', 'named']])
  assert.deepEqual(summary('# خبر\n\nوقالت وزارة الخارجية إن المعلومات كاذبة.'), [['وقالت', 'وزارة الخارجية', 'named']])
  assert.deepEqual(summary('# خبر\n\nحسب المعلومات المتاحة، ظهر التنظيم عام 2014.'), [['حسب', 'المعلومات المتاحة', 'vague']])
  const relayed = summary('# خبر\n\nونقلت وكالة الأنباء اليمنية عن مصادر عسكرية أن القائد قتل.')
  assert.deepEqual(relayed.map(([, speaker, kind]) => [speaker, kind]), [['وكالة الأنباء اليمنية', 'outlet'], ['مصادر عسكرية', 'anonymous']])
  // «أفاد مصدر أمني باعتقال …»: the speaker ends before what was reported.
  assert.deepEqual(summary('# خبر\n\nأفاد مصدر أمني باعتقال أحد عشر شخصا.'), [['أفاد', 'مصدر أمني', 'anonymous']])
})

test('definite mentions and repeats of an unnamed source are marked for back-reference', () => {
  const {index} = analyse('# خبر\n\nقال مصدر إن الهجوم وقع فجرا.\n\nوأكد المصدر أن المهاجمين فروا.')
  const speakers = index.all.map((a) => [a.speaker?.kind, a.speaker?.definite])
  assert.deepEqual(speakers, [['anonymous', false], ['anonymous', true]])
  const english = analyse('# T\n\nThe FBI agreed, according to federal law enforcement officials.\n\nOfficials said it would take something extraordinary.')
  assert.deepEqual(english.index.all.map((a) => [a.speaker?.head, a.speaker?.bare]), [['law enforcement officials', false], ['officials', true]])
})

test('reported speech continues within a block: "He added", «وأضاف», «مضيفا»', () => {
  const {index} = analyse('# خبر\n\nوقال الوزير إن الخطة جاهزة. وأضاف أن التنفيذ يبدأ في مايو.\n\nوتبدأ الأعمال في مايو.')
  const added = index.inSentence(1, 1)
  assert.equal(added.length, 1)
  assert.equal(added[0].continues?.speaker?.text, 'الوزير')
  assert.ok(index.isAttributed(1, 1))
  assert.ok(!index.isAttributed(2, 0))
  const english = analyse('# T\n\nThe minister said the plan was ready. He added that work would start in May.')
  assert.equal(english.index.inSentence(1, 1)[0].continues?.speaker?.text, 'The minister')
})

test('cues inside a quotation are the quoted speaker\'s, not the writer\'s', () => {
  const {index} = analyse('# T\n\n"A source told me it was over," the coach, Marco Silva, said.')
  const quoted = index.all.filter((a) => a.quoted)
  assert.deepEqual(quoted.map((a) => a.speaker?.kind), ['anonymous'])
  assert.deepEqual(index.all.filter((a) => !a.quoted).map((a) => a.speaker?.text), ['Marco Silva'])
})

test('Arabic verbal nouns and particles are not speech verbs: «حول نقل معلومات», «دون أي تفصيل»', () => {
  assert.deepEqual(summary('# خبر\n\nتحدث التقرير حول نقل معلومات إلى الجانب الروسي، دون أي تحديد أو تفصيل.').map(([cue]) => cue), ['تحدث'])
  // A verb never takes the article: «الرد» is 'the response'.
  assert.deepEqual(summary('# خبر\n\nويرى محللون أن التصعيد يأتي في إطار الرد على هجمات سابقة.').map(([cue]) => cue), ['ويرى'])
})

test('a phrase never runs on into the next sentence ("wrote. In …")', () => {
  const {article, index} = analyse('# T\n\n"The letter was vague," Cummings and Conyers wrote. "In fairness to everyone, we ask for more."')
  const [attribution] = index.all
  assert.equal(article.blocks[1].text.slice(attribution.cue.from, attribution.cue.to), 'wrote')
})

test('the speaker of a quotation: same sentence, neighbour sentence, previous block, but not the next block', () => {
  const {article, index} = analyse([
    '# T', '',
    '"None of us believe countering terrorism is about party politics."', '',
    '"We accept prevention under a new category," he said.', '',
    '"Our work with the French government has been hugely successful."', '',
    'The minister spoke on Monday. He told parliament:', '',
    '"I gave this team everything I had and more."'
  ].join('\n'))
  const quoteOf = (block: number) => index.quoteAttribution(block, article.blocks[block].quotes[0])
  assert.equal(quoteOf(1), undefined, 'the next block\'s cue belongs to its own quote')
  assert.equal(quoteOf(2)?.speaker?.kind, 'pronoun')
  assert.ok(quoteOf(3), 'a quote opening its block continues the previous block\'s speaker')
  assert.ok(quoteOf(5), 'a cue ending the previous block with a colon introduces the quote')
})

test('the seed article: the attributions RULES.md relies on', () => {
  const seed = readFileSync(new URL('../../fixtures/seed/article.raw.md', import.meta.url), 'utf8')
  const {article, index} = analyse(seed)
  const kinds = (line: number) => index.all.filter((a) => article.point(article.blocks[a.block].start).line === line && !a.quoted).map((a) => a.speaker?.kind)
  assert.ok(kinds(4).includes('anonymous'), 'line 4: an unnamed security source')
  assert.ok(kinds(4).includes('outlet'), 'line 4: TASS')
  const line5 = index.all.filter((a) => article.point(article.blocks[a.block].start).line === 5 && a.speaker?.kind === 'anonymous')
  assert.deepEqual(line5.map((a) => a.speaker?.definite), [true], 'line 5: the same source again, definite')
  assert.ok(kinds(8).includes('vague') && kinds(8).includes('named'), 'line 8: experts, then a named expert')
  assert.deepEqual(kinds(11), ['vague'], 'line 11: available information')
  assert.ok(index.isAttributed(11, 0), 'line 12 is attributed to the United States and Sky News')
})

test('quotes in a language with no speech cues are not judged; a newsroom that adds its verbs for that language turns the check on', async () => {
  const german = readFileSync(new URL('../../fixtures/unattributed-quote/de/silent/no-speech-cues-de.md', import.meta.url), 'utf8')
  const french = readFileSync(new URL('../../fixtures/unattributed-quote/fr/silent/no-speech-cues-fr.md', import.meta.url), 'utf8')
  const quotes = async (text: string, options = {}) =>
    (await lint(text, options)).messages.filter((m) => m.ruleId === 'unattributed-quote').map((m) => m.line)
  // Without German or French speech verbs every quote would look unattributed: none is flagged.
  assert.deepEqual(await quotes(german), [])
  assert.deepEqual(await quotes(french), [])
  // With them, the attributed quotes pass («sagte», «meinte», «a déclaré») and only the orphan quote at the end is flagged.
  const verbs = {speechVerbs: {de: ['sagte', 'meinte'], fr: ['a déclaré']}}
  assert.deepEqual(await quotes(german, verbs), [16])
  assert.deepEqual(await quotes(french, verbs), [9])
})

test('the speaker of a quotation: attribution lines, speaker labels, introduced runs of quoted blocks; none for a topic label or a pull quote', () => {
  const quoteOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker
  }
  assert.deepEqual(quoteOf('# T\n\nReaders wrote in.\n\n“He never answered a question about jobs.” ― Maria Lopez', 2)?.text, 'Maria Lopez')
  assert.deepEqual(quoteOf('# خبر\n\nكتب القراء.\n\n«لم يجب عن أي سؤال عن الوظائف» ― ماريا لوبيز', 2)?.text, 'ماريا لوبيز')
  assert.equal(quoteOf('# T\n\nThe race narrowed.\n\nDavid Wasserman: “The suburbs are moving faster than expected.”', 2)?.kind, 'named')
  assert.equal(quoteOf('# خبر\n\nأعلنت الحكومة الخطة.\n\nوزير الإسكان: «سنبني عشرة آلاف وحدة قبل نهاية العام».', 2)?.kind, 'named')
  assert.equal(quoteOf('# T\n\nHe spoke often of his illness.\n\nAbout his diagnosis:\n\n"My expectations were reduced to zero."', 3), undefined)
  assert.equal(quoteOf('# خبر\n\nتحدث كثيرا عن مرضه.\n\nحول تشخيص مرضه:\n\n"انخفض حجم توقعاتي إلى الصفر عندما كان عمري 21 عاما".', 3), undefined)
  const run = '# T\n\nThe mayor spoke outside city hall. She said:\n\n"We heard the families."\n\n"The council will pay for housing."\n\n"Nobody will be left behind."'
  const {article, index} = analyse(run)
  assert.ok([2, 3, 4].every((block) => index.quoteAttribution(block, article.blocks[block].quotes[0])), 'every block of the run')
  assert.equal(quoteOf('# T\n\n"We have waited far too long for this decision."\n\nThe council approved the plan.', 1), undefined, 'a pull quote has no speaker')
})

test('a transcript turn names the speaker of its quoted paragraph and of the unlabelled paragraphs after it; a note is no turn', () => {
  const quoteOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker?.text
  }
  const transcript = '# T\n\nPartial transcript as follows:\n\n"RAMOS: Secretary Clinton, did you lie to the families?\n\n"CLINTON: I feel a great deal of sympathy for the families.\n\n"But I never lied to anyone about what happened that night.'
  assert.equal(quoteOf(transcript, 2), 'RAMOS')
  assert.equal(quoteOf(transcript, 3), 'CLINTON')
  assert.equal(quoteOf(transcript, 4), 'CLINTON', 'the paragraph after a turn is the same speaker\'s')
  const arabic = '# خبر\n\nوفي ما يلي نص المقابلة:\n\n«المذيع: هل ستترشح للانتخابات المقبلة في الخريف؟\n\n«الوزير: لم أتخذ قراري بعد، وسأعلنه في الوقت المناسب.\n\n«لكنني أعرف أن الناس يريدون التغيير».'
  assert.equal(quoteOf(arabic, 2), 'المذيع')
  assert.equal(quoteOf(arabic, 4), 'الوزير')
  assert.equal(quoteOf('# T\n\nThe city has not published the figures.\n\n"UPDATE: The figures will come out only after the election."', 2), undefined)
  assert.equal(quoteOf('# خبر\n\nلم تنشر البلدية الأرقام.\n\n«ملاحظة: لن تنشر الأرقام إلا بعد الانتخابات المقبلة».', 2), undefined)
})

test('a block ending with a noun of speech and a colon gives the quoted block after it its owner: "Clinton released the following statement:"', () => {
  const quoteOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker?.text
  }
  assert.equal(quoteOf('# T\n\nWhen Wallace died in 1998, President Clinton released the following statement:\n\n"Hillary and I offer our condolences to the family."', 2), 'President Clinton')
  assert.equal(quoteOf('# T\n\nThe bias shows in how the website rated this statement by Trump on June 11:\n\n"If you look at what is going on in this country, the youth are an example."', 2) !== undefined, true)
  assert.equal(quoteOf('# T\n\nThe following statement was posted on the door:\n\n"We offer our condolences to the family of the governor."', 2), undefined)
  assert.ok(quoteOf('# خبر\n\nوأصدر وزير الخارجية البيان التالي:\n\n«نتقدم بأحر التعازي إلى عائلة الفقيد».', 2))
})

test('a fronted adverbial before the subject of a clause ending with a colon: the subject, when a source, speaks the quotation', () => {
  const quoteOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker
  }
  assert.equal(quoteOf('# T\n\nOn Monday, Governor Maria Lopez toured the burned streets: "We will rebuild every house that was lost."', 1)?.text, 'Governor Maria Lopez')
  assert.equal(quoteOf('# T\n\nAs for Ban, he seems content with the deal: "There is no perfect agreement in this world."', 1)?.kind, 'pronoun')
  assert.equal(quoteOf('# T\n\nAfter the storm, the coast looked like a battlefield: "Nothing was left of the houses along the beach."', 1), undefined)
  assert.ok(quoteOf('# خبر\n\nوفي جولة يوم الاثنين، تفقد المحافظ الشوارع المحترقة: «سنعيد بناء كل بيت احترق».', 1))
})

test('a quotation of several paragraphs left open at each paragraph end is the speaker\'s of the paragraph that opened it', () => {
  const quoteOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker?.text
  }
  const run = '# T\n\nThe judge turned to him.\n\n"Okay," the author said. "I was seventeen when I came to America.\n\n"Leaving one\'s country is a little terrifying, you leave everything behind.\n\n"At college I found a group of friends who welcomed me in."'
  assert.equal(quoteOf(run, 3), 'the author')
  assert.equal(quoteOf(run, 4), 'the author')
  assert.equal(quoteOf('# T\n\nNobody moved. "I was seventeen when I came to America.\n\n"Leaving one\'s country is a little terrifying.\n\n"At college I found a group of friends who welcomed me."', 3), undefined)
  const arabic = '# خبر\n\n«حسنا»، قال الوزير محاولا استجماع نفسه. «كنت في السابعة عشرة عندما وصلت إلى هذا البلد.\n\n«إن تجربة مغادرة الوطن مخيفة قليلا، لأنك تترك كل شيء خلفك.\n\n«وعندما كنت في الجامعة، وجدت مجموعة من الأصدقاء رحبوا بي».'
  assert.match(quoteOf(arabic, 3) ?? '', /^الوزير/u)
  assert.equal(quoteOf('# خبر\n\nلم يتحرك أحد. «كنت في السابعة عشرة عندما وصلت إلى هذا البلد.\n\n«إن تجربة مغادرة الوطن مخيفة قليلا.\n\n«وعندما كنت في الجامعة، وجدت أصدقاء رحبوا بي».', 3), undefined)
})

test('English cue words that are nouns or names here are no cues: "the call", "the United States"', () => {
  assert.deepEqual(summary('# T\n\nThe call lasted an hour and the report ran to ten pages.'), [])
  assert.deepEqual(summary('# T\n\nTrade with the United States fell by a third.'), [])
})

/** [speaker text, speaker kind] of every attribution with a speaker in a block. */
const speakers = (markdown: string) => summary(markdown).filter(([, speaker]) => speaker).map(([, speaker, kind]) => [speaker, kind])

test('vague groups: a determiner or quantifier, a group noun and a cue; a passive of judgement; a hyphenated "so-called" is no cue', () => {
  assert.deepEqual(speakers('# T\n\nSome Millikin fans have said they will no longer attend the games.'), [['Some Millikin fans', 'vague']])
  assert.deepEqual(speakers('# T\n\nOther members of the community stated they were fine with it.'), [['Other members of the community', 'vague']])
  assert.deepEqual(speakers('# T\n\nSome parts of the so-called traditional media have expressed concerns about blogs.'), [['Some parts of the so-called traditional media', 'vague']])
  assert.deepEqual(speakers('# T\n\nHalo is considered by many video game pundits to be a classic.'), [['considered by many video game pundits', 'vague']])
  assert.deepEqual(speakers('# T\n\nThe mood is sour, given that polls consistently show voters are unhappy.').slice(0, 1), [['polls consistently show', 'vague']])
  assert.deepEqual(speakers('# خبر\n\nكما انتقد بعض المراقبين التقييم بأنه غير واقعي.'), [['بعض المراقبين', 'vague']])
  assert.deepEqual(speakers('# خبر\n\nويقول ناشطون إن القصف استمر طوال الليل.'), [['ناشطون', 'vague']])
})

test('ownerless reports and estimates with a cue are vague; a report of a named owner, or with an outlet in its sentence, is not', () => {
  assert.deepEqual(speakers('# T\n\nEstimates suggest the army has retaken 70 percent of the area.'), [['Estimates', 'vague']])
  assert.deepEqual(speakers('# T\n\nThe army advanced, according to recent polls.'), [['recent polls', 'vague']])
  assert.deepEqual(speakers('# خبر\n\nوتقول تقارير إن ممرات الإجلاء سمحت لآلاف الأشخاص بالفرار.'), [['تقارير', 'vague']])
  assert.deepEqual(speakers('# خبر\n\nوتشير تقديرات إلى أن القوات استعادت نحو 70 في المئة من المنطقة.'), [['تقديرات', 'vague']])
  // The subject before «قد» and its verb.
  assert.deepEqual(speakers('# خبر\n\nكانت تقارير أميركية قد ذكرت أن الاقتصاد يتجه نحو الانهيار.'), [['تقارير أميركية', 'vague']])
  assert.deepEqual(speakers('# خبر\n\nوقالت تقارير لوزارة الخارجية إن الهجوم نُفذ بغاز الكلور.'), [['تقارير لوزارة الخارجية', 'named']])
  assert.deepEqual(speakers('# خبر\n\nوبلغ عددهم، وفق إحصائية لنشطاء المرصد السوري، نحو 7000 مقاتل.'), [['إحصائية لنشطاء المرصد السوري', 'named']])
  assert.deepEqual(speakers('# T\n\nThe plant closed, according to reports published by the New York Times.').map(([, kind]) => kind), ['outlet', 'outlet'])
})

test('an Arabic unnamed subject before «قد» and its verb is the speaker: «مصدر مسؤول … كان قد نفى»', () => {
  assert.deepEqual(speakers('# خبر\n\nيشار إلى أن مصدر مسؤول في القنصلية كان قد نفى، فجر الأحد، التصريحات.').slice(0, 1), [['مصدر مسؤول في القنصلية', 'anonymous']])
  assert.deepEqual(speakers('# خبر\n\nكان مسؤولان كبيران في الإدارة قد تحدثا للصحيفة بشأن القضية.').slice(0, 1), [['مسؤولان كبيران في الإدارة', 'anonymous']])
  // A verb with no «قد» before it opens its own clause: the subject before it is not taken.
  assert.deepEqual(speakers('# خبر\n\nالوزير مصدر قلق، وقال إن الخطة جاهزة.').filter(([, kind]) => kind === 'anonymous'), [])
})

test('anonymous sources: a possessive opens a new source that a repeat of its head refers back to; a negated verb attributes nothing', () => {
  const {index} = analyse('# T\n\nShe was not surprised, her advisers said Friday.\n\nHer advisers said they were confident.')
  assert.deepEqual(index.all.map((a) => [a.speaker?.text, a.speaker?.kind, a.speaker?.definite, a.speaker?.bare]),
    [['her advisers', 'anonymous', false, true], ['Her advisers', 'anonymous', false, true]])
  // The possessive is the owner: "his advisers" are not "her advisers"; "Associates say" is an unnamed group too.
  const owners = analyse('# T\n\nHer advisers said she would win. His advisers say neither can win. Associates say he will run.')
  assert.deepEqual(owners.index.all.map((a) => [a.speaker?.text, a.speaker?.kind, a.speaker?.owner]),
    [['Her advisers', 'anonymous', 'her'], ['His advisers', 'anonymous', 'his'], ['Associates', 'anonymous', undefined]])
  assert.deepEqual(speakers('# خبر\n\nوقال مساعدو الرئيس إن القرار لم يتخذ بعد.'), [['مساعدو الرئيس', 'anonymous']])
  // An unnamed source holding a view of a fact stays unnamed ("Officials expect", «ويخشى مسؤولون»); a wish, an infinitive, a
  // comparison or a generic group holding a view is no source.
  assert.deepEqual(speakers('# T\n\nOfficials expect the Fed to raise rates next year.'), [['Officials', 'anonymous']])
  assert.deepEqual(speakers('# خبر\n\nويخشى مسؤولون أمريكيون أن تتسع الأزمة.'), [['مسؤولون أمريكيون', 'anonymous']])
  assert.deepEqual(speakers('# خبر\n\nويأمل مسؤولون أن تنتهي الأزمة.'), [['مسؤولون', 'described']])
  // A possessive before a group is its determiner, no back-reference: "the Texas senator's allies"; "the allies", «المنتقدون» are.
  const definite = (markdown: string) => analyse(markdown).index.all.filter((a) => a.speaker?.kind === 'vague').map((a) => [a.speaker?.text, a.speaker?.definite])
  assert.deepEqual(definite('# T\n\nThe first step, the Texas senator’s allies say, will be to help them. The allies say it again.'),
    [['the Texas senator’s allies', false], ['The allies', true]])
  assert.deepEqual(definite('# خبر\n\nويقول منتقدون إن الخطة فشلت. ويقول المنتقدون إنها لن تنجح.').map(([, d]) => d), [false, true])
  assert.deepEqual(speakers('# T\n\nStrategists hope the ads will help. It gave her more delegates than her advisers expected. Officials expect to hear from him.').filter(([, kind]) => kind === 'anonymous'), [])
  assert.deepEqual(speakers('# T\n\nThe nominee and his aides haven\'t said much about the debate.'), [])
  assert.deepEqual(speakers('# خبر\n\nواصلت الحافلات نقل الفارين، بحسب عاملين في الإغاثة.').filter(([, kind]) => kind === 'anonymous'), [['عاملين في الإغاثة', 'anonymous']])
  // «لـCNN» after the verb is the outlet spoken to; the unnamed subject stands before «قد».
  assert.deepEqual(speakers('# خبر\n\nكان مسؤولان كبيران في الإدارة قد تحدثا لـCNN بشأن القضية.').slice(0, 1), [['مسؤولان كبيران في الإدارة', 'anonymous']])
})

test('a verb that is a noun too is a cue only beside a quotation: "“…,” he notes.", "“…,” it read." but not "the notes", "read the report"', () => {
  assert.deepEqual(summary('# T\n\n"We will not give up on this town," he notes.').map(([cue]) => cue), ['notes'])
  assert.deepEqual(summary('# T\n\n“America is great and so is this parade,” read one banner.').map(([cue]) => cue), ['read'])
  assert.deepEqual(summary('# T\n\nShe read the report twice and kept her notes in a drawer.'), [])
  assert.deepEqual(summary('# T\n\nToxic fumes and the calls of neighbours reached the station.'), [])
})

test('a title-case sentence keeps its capitalised verbs; a name before a colon is the speaker of the quote after it', () => {
  assert.deepEqual(summary('# T\n\nAt A Goldman Summit, Hillary Clinton Said “Many Of You In This Room Are Masters Of The Trend Lines.”').map(([cue]) => cue), ['Said'])
  const {article, index} = analyse('# T\n\nThe surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates often gain the most after early wins.”')
  assert.equal(index.quoteAttribution(1, article.blocks[1].quotes[0])?.speaker?.text, 'Daron Shaw')
  const party = analyse('# T\n\nRep. Trey Gowdy (R-S.C.): "I have not heard anyone other than you ever cite that figure."')
  assert.equal(party.index.quoteAttribution(1, party.article.blocks[1].quotes[0])?.speaker?.kind, 'named')
})

test('more speakers of quotations: a progressive verb, a clause before a colon, a bracketed source tag, an elided decade', () => {
  const speakerOf = (markdown: string, block = 1, quote = 0) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[quote])?.speaker?.text
  }
  assert.equal(speakerOf('# T\n\nHillary Clinton is telling customers at a breakfast spot that “I need you tomorrow, every one of you.”'), 'Hillary Clinton')
  assert.equal(speakerOf('# T\n\nMcConnell delivered a blunt message to Trump: "It is time to quit attacking people."'), 'McConnell')
  assert.equal(speakerOf('# T\n\nThe letter continues: “As a former prosecutor, please explain the difference to us.”'), 'The letter')
  assert.equal(speakerOf('# T\n\nCHINA SLOWS DOWN “The slowdown is fostering a cycle of decline across much of the world.” [WaPo.]'), 'WaPo')
  assert.equal(speakerOf('# T\n\n"I come from the \'60s, a long time ago," she told the moderator. "There was a lot of activism on campus."', 1, 1), 'she')
  assert.equal(speakerOf('# T\n\nHere is the plan for the summer: "Keep every pool open until nine in the evening."'), undefined, 'no subject before the colon')
})

test('a partial quotation woven into a sentence quotes the speaker of its passage: earlier in the block, or the block before when this one opens as its elaboration', () => {
  const speakerOf = (markdown: string, block: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[0])?.speaker?.text
  }
  assert.equal(speakerOf('# T\n\nThe inspectors said the site was damaged. The photos had parts with "design features similar to the rockets used in 2017".', 1), 'The inspectors')
  assert.equal(speakerOf('# خبر\n\nوأكد تقييم البيت الأبيض أن الصور متشابهة.\n\nفقد تضمنت صور الشظايا "سمات تصميم مشابهة للصواريخ التي استخدمت في عام 2017".', 2), 'تقييم البيت الأبيض')
  // A new paragraph of the writer's own reasoning does not borrow the last block's speaker.
  assert.equal(speakerOf('# خبر\n\nوأكد تقييم البيت الأبيض أن الصور متشابهة.\n\nويتضح أن هذا يبدو "قرارا غريبا بعض الشيء لا يفهمه أحد".', 2), undefined)
  assert.equal(speakerOf('# خبر\n\nأصدرت المنظمة تقريرها الأخير.\n\nوجاء في التقارير أن "الهجمات كانت جزءا من جهد لاستعادة المدينة".', 2), 'التقارير')
})

test('an Arabic plural verb agrees with an unnamed or vague subject before it, over an aside; a named conjunct backs a vague subject', () => {
  assert.deepEqual(speakers('# خبر\n\nلكن الأطباء ومنظمات الإغاثة في البلدة، وبالتزامن مع إبلاغهم عن رائحة قوية، وصفوا أعراضا تتسق مع التسمم.').filter(([, kind]) => kind === 'vague'),
    [['الأطباء ومنظمات الإغاثة في البلدة', 'vague']])
  // A singular verb before its subject: the subject follows it, nothing before it is taken.
  assert.deepEqual(speakers('# خبر\n\nلكن الأطباء في البلدة، بعد ساعات من الهجوم، وصف الوزير الأعراض بأنها خطيرة.').filter(([, kind]) => kind === 'vague'), [])
  const {article} = analyse('# خبر\n\nورصدت تقارير إعلامية ومنظمات غير حكومية ومنظمة الصحة العالمية أعراضا تتفق مع التعرض للكلور.')
  const block = article.blocks[1]
  const after = (word: string) => block.tokens.findIndex((t) => t.text === word) + 1
  assert.ok(hasNamedConjunct(block, after('إعلامية'), block.tokens.length))
  const plain = analyse('# خبر\n\nورصدت تقارير إعلامية ومنظمات غير حكومية أعراضا تتفق مع التعرض للكلور.').article.blocks[1]
  assert.ok(!hasNamedConjunct(plain, plain.tokens.findIndex((t) => t.text === 'إعلامية') + 1, plain.tokens.length))
})

test('an -ing form after "have" is no verb of saying; an unnamed source inside a name is none', () => {
  assert.deepEqual(speakers('# T\n\nThe law requires that doctors at clinics have admitting privileges at a hospital.'), [])
  assert.deepEqual(speakers('# T\n\nOn Monday, a Harbour Reports poll showed the mayor leading.').filter(([, kind]) => kind === 'vague'), [])
  assert.deepEqual(speakers('# T\n\nHe spoke after Capital Insider senior editor Dana Reyes noted that the odds were low.').filter(([, kind]) => kind !== 'pronoun'), [['Capital Insider senior editor Dana Reyes', 'named']])
})

test('the article inside an Arabic description does not make it definite: «مصدر في الشرطة», «مسؤول رفيع المستوى»; «أحد المصادر» and «المصدر» are', () => {
  const {index} = analyse('# خبر\n\nقال مصدر في الشرطة إن التحقيق مستمر. وأكد مسؤول رفيع المستوى أن الاتصالات مستمرة. وأضاف أحد المصادر أن الوفد وصل. وقال المصدر إن اللقاء انتهى.')
  assert.deepEqual(index.all.filter((a) => a.speaker?.kind === 'anonymous').map((a) => a.speaker?.definite), [false, false, true, true])
})

test('a woven quotation continues the speaker the block before gives for its own quotation; a heading or a claim of its own does not', () => {
  const speakerOf = (markdown: string, block: number, quote = 0) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(block, article.blocks[block].quotes[quote])?.speaker?.text
  }
  const report = 'إلا أن "الكثير من هذه الشبكات تعمل بحماية فصائل مسلحة تتقاسم معها الأرباح"، حسب ما يشير التقرير.'
  const woven = 'واستولت الشبكات على أراض زراعية "بموافقة القادة المحليين في القرى الحدودية التي يسيطرون عليها منذ سنوات".'
  assert.match(speakerOf(`# خبر\n\n${report}\n\n${woven}`, 2) ?? '', /التقرير$/u)
  assert.equal(speakerOf(`# خبر\n\n${report}\n\n## طرق جديدة\n\n${woven}`, 3), undefined, 'a heading between')
  assert.equal(speakerOf(`# خبر\n\nوقال التقرير إن الشبكات توسعت.\n\n${woven}`, 2), undefined, 'the cue before carries its own claim')
  assert.equal(speakerOf('# T\n\n"We will not sign a deal that hurts our workers," the union leader said.\n\nThe deal would bring "a guarantee that no plant will close before 2030".', 2), 'the union leader')
  assert.equal(speakerOf('# T\n\nThe union leader said the talks had failed.\n\nThe deal would bring "a guarantee that no plant will close before 2030".', 2), undefined)
})

test('a quotation two sentences after a quoted speaker in its block is that speaker\'s, unless a claim of someone else\'s stands between', () => {
  const speakerOf = (markdown: string, quote: number) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(1, article.blocks[1].quotes[quote])?.speaker?.text
  }
  assert.equal(speakerOf('# T\n\n"He started reading everything about the base," Reynolds says. And it kept him up at night. "He has changed a lot since then."', 1), 'Reynolds')
  assert.equal(speakerOf('# خبر\n\nوقالت المتحدثة: «سنواصل العمل حتى نهاية الشهر المقبل». وتوقفت المفاوضات بعدها. «لن نقبل بأي شروط جديدة من الطرف الآخر».', 1), 'المتحدثة')
  assert.equal(speakerOf('# T\n\n"We will build it," Reynolds says. The mayor said the depot would close. The council has not voted. "Nobody has seen the numbers yet."', 1), undefined)
})

test('attribution lines with initials, and a quotation ending with "be" before its inverted cue', () => {
  const speakerOf = (markdown: string) => {
    const {article, index} = analyse(markdown)
    return index.quoteAttribution(1, article.blocks[1].quotes[0])?.speaker?.text
  }
  assert.equal(speakerOf('# T\n\n“The answers on housing were the first that sounded like a plan.” ― Julie A. Diaz Martinez.'), 'Julie A. Diaz Martinez')
  assert.equal(speakerOf('# T\n\n“The answers on housing were the first that sounded like a plan.” ― Oscar P. Quintero'), 'Oscar P. Quintero')
  assert.equal(speakerOf('# T\n\n“The answers were weak.” ― A reader. She wrote more later.'), undefined, 'a sentence that goes on is no name line')
  assert.equal(speakerOf('# T\n\n"Knowing her, she will be," said Thomas R. Nides, a friend.'), 'Thomas R. Nides')
})

test('perception and intention cues are recognised with their subjects, and attribute nothing', () => {
  const kinds = (markdown: string) => {
    const {article, index} = analyse(markdown)
    const text = article.blocks[1].text
    return {
      others: index.nonAttributing().map((a) => [text.slice(a.cue.from, a.cue.to), a.speaker?.text, a.cue.kind]),
      attributed: index.isAttributed(1, 0),
      all: index.all.length
    }
  }
  assert.deepEqual(kinds('# T\n\nThe club has agreed to pay $1.2bn for the stadium.'), {others: [['agreed to', 'The club', 'intention']], attributed: false, all: 0})
  assert.deepEqual(kinds('# T\n\nThe senator seemed unconvinced by the plan.'), {others: [['seemed', 'The senator', 'perception']], attributed: false, all: 0})
  assert.deepEqual(kinds('# خبر\n\nوقرر المجلس تأجيل التصويت على الميزانية.'), {others: [['وقرر', 'المجلس', 'intention']], attributed: false, all: 0})
  // An attributing cue keeps its words: "agreed that" is a stance, read as a belief cue, not as an intention.
  const stance = kinds('# T\n\nThe ministers agreed that the plan would work.')
  assert.deepEqual(stance.others, [])
  assert.equal(stance.attributed, true)
})

test('an English verb of saying joined by a conjunction has its first conjunct\'s subject, never the words after it; Arabic keeps its subject after the verb', async () => {
  // The words after the verb are its object, not an inverted speaker.
  assert.deepEqual(summary('# T\n\nThe album came out in 1977 and that provided five hits and confirmed his global superstar status.'), [])
  assert.deepEqual(summary('# T\n\nThe minister arrived in Paris and told reporters the deal was done.'), [['told', 'The minister', 'described']])
  assert.deepEqual(summary('# T\n\nHe arrived late and said the talks had failed.'), [['said', 'He', 'pronoun']])
  assert.deepEqual(summary('# T\n\nHe praised the businessman, who lacks experience and has attacked global allies.'), [['praised', 'He', 'pronoun'], ['attacked', 'who', 'described']])
  assert.deepEqual(summary('# T\n\nMaria Lopez lost $20,000 when the bank failed, and said she would never trust a bank again.'), [['said', 'Maria Lopez', 'named']])
  assert.deepEqual(summary('# T\n\nCarson met his opponents on Monday, but told his supporters the nation was in trouble.'), [['told', 'Carson', 'named']])
  // "that" before a preposition is no subject: the verb still ties its quotation.
  assert.deepEqual(summary('# T\n\nPeña Nieto compared those ideologies with that of dictators, and urged people not to "choose the road toward isolationism".'), [['urged', undefined, undefined]])
  // After another verb of saying, the same speaker carries on.
  assert.deepEqual(summary('# T\n\nSmith said the plan had failed and added that it was over.'), [['said', 'Smith', 'named'], ['added', undefined, undefined]])
  // Arabic puts the subject after the verb, also after «و».
  assert.deepEqual(summary('# خبر\n\nوصل الوفد إلى بغداد صباح اليوم وقال رئيس الوفد إن المحادثات فشلت.'), [['وقال', 'رئيس الوفد', 'named']])
  const quoteLines = async (markdown: string) => (await lint(markdown)).messages.filter((m) => m.ruleId === 'unattributed-quote').map((m) => m.line)
  // A quotation after a sentence whose coordinated verb has a thing for its subject has no speaker (an interview remnant).
  assert.deepEqual(await quoteLines('# Memories\n\nThe album came out in 1977 and that provided five hits and confirmed his global superstar status. "By 1979 he was the biggest touring attraction in the world."\n'), [3])
  assert.deepEqual(await quoteLines('# Talks\n\nThe minister arrived in Paris and told reporters the deal was done. "We have won this round and we will win the next one."\n'), [])
  assert.deepEqual(await quoteLines('# خبر\n\nوصل الوزير إلى بغداد صباح اليوم وقال: "سنعمل على إعادة إعمار المدينة في أقرب وقت ممكن".\n'), [])
  assert.deepEqual(await quoteLines('# خبر\n\nانتهى الاجتماع في ساعة متأخرة من الليل. "سنعمل على إعادة إعمار المدينة في أقرب وقت ممكن".\n'), [3])
})

test('verbs of praising, attacking, playing down, bragging and apologising are cues in English and Arabic (inflected by the model)', async () => {
  const kinds = (markdown: string) => summary(markdown).map(([cue, , kind]) => [cue, kind])
  assert.deepEqual(kinds('# T\n\nClinton touted her credentials as an original co-sponsor of the bill.'), [['touted', 'named']])
  assert.deepEqual(kinds('# T\n\nCritics assailed the plan as reckless.'), [['assailed', 'vague']])
  assert.deepEqual(kinds('# T\n\nOfficials downplayed the risk of a new outbreak.'), [['downplayed', 'anonymous']])
  assert.deepEqual(kinds('# T\n\nMr. Ryan laid out a vision for the party.'), [['laid out', 'named']])
  assert.deepEqual(kinds('# T\n\nTrump bragged that he had won every debate.'), [['bragged', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوتباهى الوزير بأن الحكومة أنجزت المشروع في موعده.'), [['وتباهى', 'named']])
  assert.deepEqual(kinds('# خبر\n\nواعتذرت الوزارة عن تأخر صرف الرواتب.'), [['واعتذرت', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوامتدح الرئيس أداء فرق الإنقاذ.'), [['وامتدح', 'named']])
  const quoteLines = async (markdown: string) => (await lint(markdown)).messages.filter((m) => m.ruleId === 'unattributed-quote').map((m) => m.line)
  assert.deepEqual(await quoteLines('# Union vote\n\nClinton touted her credentials as a co-sponsor of the bill. "We need to find ways to support workers who want a union."\n'), [])
  assert.deepEqual(await quoteLines('# Union vote\n\nClinton visited the plant on Monday. "We need to find ways to support workers who want a union."\n'), [3])
  assert.deepEqual(await quoteLines('# خبر\n\nوامتدح الرئيس أداء فرق الإنقاذ. «لقد عملوا ليلا ونهارا دون توقف من أجل إنقاذ الناس».\n'), [])
  assert.deepEqual(await quoteLines('# خبر\n\nوزار الرئيس موقع الحادث صباح اليوم. «لقد عملوا ليلا ونهارا دون توقف من أجل إنقاذ الناس».\n'), [3])
})

test('an Arabic verb of saying with an object pronoun names the speaker after it: «ما وصفه مسؤولون»، «تقريرا نسبته إلى مصادر»; a noun in «ة» or a possessive does not', () => {
  assert.deepEqual(summary('# خبر\n\nمنذ أن بدأت ما وصفه مسؤولون بأنها «حرب منسقة على الإرهاب».'), [['وصفه', 'مسؤولون', 'anonymous']])
  assert.deepEqual(summary('# خبر\n\nوهو ما يصفه مراقبون بأنه تصعيد خطير.'), [['يصفه', 'مراقبون', 'vague']])
  assert.deepEqual(summary('# خبر\n\nوهو ما نفاه المتحدث باسم الوزارة.'), [['نفاه', 'المتحدث باسم الوزارة', 'named']])
  assert.deepEqual(summary('# خبر\n\nوهو ما رواه شهود عيان للوكالة.'), [['رواه', 'شهود عيان', 'anonymous']])
  assert.deepEqual(summary('# خبر\n\nوهو ما يزعمه معارضون.'), [['يزعمه', 'معارضون', 'vague']])
  assert.deepEqual(summary('# خبر\n\nونشرت الوكالة تقريرا نسبته إلى مصادر دبلوماسية، قالت فيه إن المحادثات توقفت.').filter(([cue]) => cue === 'نسبته إلى'),
    [['نسبته إلى', 'مصادر دبلوماسية', 'anonymous']])
  // «نسبة» (a share), «وصفة» (a recipe): written with «ة», nouns.
  assert.deepEqual(summary('# خبر\n\nوارتفع الاستهلاك نسبة إلى مصادر المياه المتاحة.'), [])
  assert.deepEqual(summary('# خبر\n\nولم تنجح وصفة مسؤولين سابقين للخروج من الأزمة.'), [])
  // «وصفه» as 'his description', «نسبته» as 'its share', «ذكره» as 'mentioning it': no speaker after them.
  assert.deepEqual(summary('# خبر\n\nويتابع الجمهور وصفه للأحداث بدقة.'), [])
  assert.deepEqual(summary('# خبر\n\nوارتفعت نسبته إلى 30 في المئة.'), [])
  assert.deepEqual(summary('# خبر\n\nوكما سبق ذكره، تأجل الاجتماع.'), [])
  // What something was called follows «ب»: «لما وصفه بالجهود الغربية» names no speaker.
  assert.deepEqual(summary('# خبر\n\nوهو ما يعني نهاية فعالة لما وصفه بالجهود الغربية لعرقلة تنمية روسيا.'), [])
})

test('a ruling is an attribution to its court or judge: "ruled that", "ruled against", «قضت المحكمة بأن»; "ruled the country", "ruled out", «قضى على», «قضى عامين» are not rulings', () => {
  assert.deepEqual(summary('# T\n\nA federal judge ruled on Monday that the school had misled its students.'), [['ruled', 'A federal judge', 'described']])
  assert.deepEqual(summary('# T\n\nThe appeals court ruled Friday against Ohio.'), [['ruled', 'The appeals court', 'described']])
  assert.deepEqual(summary('# T\n\n"The law is void," the judge ruled.'), [['ruled', 'the judge', 'described']])
  assert.deepEqual(summary('# T\n\nHe ruled the country for 30 years.'), [])
  assert.deepEqual(summary('# T\n\nParty rules: "No member may vote by proxy on a vacancy."'), [])
  assert.deepEqual(summary('# T\n\nThe Supreme Court ruling that paved the way for super PACs was a turning point.'), [])
  assert.deepEqual(summary('# T\n\nBut administration officials have effectively ruled that out.'), [])
  assert.deepEqual(summary('# T\n\nThe prime minister ruled out an early election.').map(([cue]) => cue), ['ruled out'])
  assert.deepEqual(summary('# خبر\n\nوقضت المحكمة الدستورية بأن القانون يخالف الدستور.'), [['وقضت', 'المحكمة الدستورية', 'named']])
  assert.deepEqual(summary('# خبر\n\nوقضى القاضي ببراءة المتهمين.'), [['وقضى', 'القاضي', 'named']])
  assert.deepEqual(summary('# خبر\n\nوقضى الجيش على المسلحين في المدينة.'), [])
  assert.deepEqual(summary('# خبر\n\nوقضى الرجل عامين في السجن.'), [])
  assert.deepEqual(summary('# خبر\n\nوصدر قرار يقضي بإغلاق 30 مدرسة.'), [])
})

test('a poll, a study or a report whose owner a reduced relative names is that owner\'s: «استطلاع أجرته جامعة طهران», "exit polls conducted for the Associated Press"', () => {
  assert.deepEqual(summary('# خبر\n\nوأظهر استطلاع أجرته جامعة طهران أن أغلب الإيرانيين يؤيدون الاتفاق.').filter(([cue]) => cue === 'وأظهر استطلاع'),
    [['وأظهر استطلاع', 'وأظهر استطلاع أجرته جامعة طهران', 'named']])
  assert.deepEqual(summary('# خبر\n\nوكشفت دراسة أعدها باحثون في جامعة هارفارد أن التلوث يقتل الملايين.').map(([, , kind]) => kind), ['named'])
  assert.deepEqual(summary('# T\n\nAccording to early results of exit polls conducted for the Associated Press, black voters make up a fifth of the electorate.').map(([, , kind]) => kind), ['outlet'])
  // No owner, or an unnamed one: still vague.
  assert.deepEqual(summary('# خبر\n\nوأظهر استطلاع للرأي أن أغلب الإيرانيين يؤيدون الاتفاق.').filter(([cue]) => cue === 'وأظهر استطلاع').map(([, , kind]) => kind), ['vague'])
  assert.deepEqual(summary('# خبر\n\nوكشفت دراسة أعدها باحثون أن التلوث يقتل الملايين.').map(([, , kind]) => kind), ['vague'])
  assert.deepEqual(summary('# T\n\nExit polls taken in South Carolina found that most voters decided late.').map(([, , kind]) => kind), ['vague'])
})

test('a noun of speech right beside a quotation names its owner as the speaker: "her remark that “…”", "Trump\'s comments: “…”", «تصريحات الوزير: «…»», «في تصريح للوزير»; beside no quotation it names no one', () => {
  assert.deepEqual(summary('# T\n\nClinton stood by her remark that "half of his supporters are in a basket of deplorables."'), [['remark', 'her', 'pronoun']])
  assert.deepEqual(summary('# T\n\nCritics seized on the senator\'s latest statement: "We will not vote for this bill."'), [['statement', 'the senator\'s', 'described']])
  assert.deepEqual(summary('# T\n\nIt contradicts comments from Defense Secretary Leon Panetta that "the lack of time prevented a quicker response."'), [['comments', 'Defense Secretary Leon Panetta', 'named']])
  assert.deepEqual(summary('# T\n\nHis comments on the budget drew criticism from both parties.'), [])
  // The subject of a verb of issuing owns the statement it issues.
  assert.deepEqual(summary('# T\n\nImmediately after the attacks, Trump issued a statement, "Our nation was attacked last night."').filter(([cue]) => cue === 'statement'), [['statement', 'Trump', 'named']])
  assert.deepEqual(summary('# T\n\nThe campaign put out a statement: "We are confident the voters will see through this."'), [['statement', 'The campaign', 'described']])
  assert.deepEqual(summary('# T\n\nA statement appeared on the door: "We are closed until further notice."'), [])
  assert.deepEqual(summary('# T\n\nThe claim that "the election was rigged from the start" spread online.'), [])
  assert.deepEqual(summary('# خبر\n\nوجاءت تصريحات الوزير الأخيرة: «لن نوقع أي اتفاق لا يحفظ حقوق شعبنا».'), [['تصريحات', 'الوزير الأخيرة', 'named']])
  assert.deepEqual(summary('# خبر\n\nوفي تصريح للوزير قال إن «الحكومة لن تتراجع عن قرارها».').filter(([, speaker]) => speaker), [['وفي تصريح', 'للوزير قال', 'named']])
  // A statement to the paper is not the paper's; an adjective is no owner; a noun away from any quotation names no one.
  assert.deepEqual(summary('# خبر\n\nوفي تصريح للصحيفة قال إن الحكومة لن تتراجع.').filter(([, speaker]) => speaker), [])
  assert.deepEqual(summary('# خبر\n\nوجاءت تصريحات صحفية: «لن نوقع أي اتفاق لا يحفظ حقوق شعبنا».'), [])
  assert.deepEqual(summary('# خبر\n\nوأثارت كلمة الرئيس جدلا واسعا.'), [])
})

test('an Arabic name in apposition after an unnamed-looking speaker names it: «وقال المسؤول في مكتب التحقيقات، إيد رينولد: …»; a refusal to give one, an addressee or a time does not', () => {
  const kinds = (markdown: string) => summary(markdown).filter(([cue]) => /قال/u.test(cue)).map(([, speaker, kind]) => [speaker, kind])
  assert.deepEqual(kinds('# خبر\n\nوقال المسؤول في مكتب التحقيقات الفيدرالي، إيد رينولد: «لا مؤشرات لدينا».'), [['المسؤول في مكتب التحقيقات الفيدرالي، إيد رينولد', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوقال مسؤول في الشرطة، أحمد سالم، إن الهجوم فشل.'), [['مسؤول في الشرطة، أحمد سالم', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوقال مسؤول في الشرطة، رفض ذكر اسمه، إن الهجوم فشل.'), [['مسؤول في الشرطة', 'anonymous']])
  assert.deepEqual(kinds('# خبر\n\nوقال مسؤول عسكري، شريطة عدم الكشف عن هويته، إن الوزارة تدرس الأمر.'), [['مسؤول عسكري', 'anonymous']])
  assert.deepEqual(kinds('# خبر\n\nوقال مسؤول بالهلال الأحمر الكردي، لوكالة فرانس برس: «لقد كان المستشفى مليئا».'), [['مسؤول بالهلال الأحمر الكردي', 'anonymous']])
  assert.deepEqual(kinds('# خبر\n\nوقال مسؤول أمني، مساء أمس، إن الوضع خطير.'), [['مسؤول أمني', 'anonymous']])
})

test('Arabic verbs of explaining, justifying, advising and doubting are cues (inflected by the model): «واستدرك»، «وبرر»، «وأوصى»، «وشكك»، «وأرجع»؛ «يرجع تاريخه إلى» and «ما يفسر» are not', () => {
  const kinds = (markdown: string) => summary(markdown).map(([cue, , kind]) => [cue, kind])
  assert.deepEqual(kinds('# خبر\n\nوبرر مسؤولون القرار بأن الميزانية لا تسمح.'), [['وبرر', 'anonymous']])
  assert.deepEqual(kinds('# خبر\n\nواستدرك الوزير بأن التنفيذ هو الاختبار الحقيقي.'), [['واستدرك', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوشكك مراقبون في نزاهة الانتخابات.'), [['وشكك', 'vague']])
  assert.deepEqual(kinds('# خبر\n\nوأوصت اللجنة بزيادة عدد المعلمين.'), [['وأوصت', 'named']])
  assert.deepEqual(kinds('# خبر\n\nوأرجعت الوزارة التأخير إلى سوء الأحوال الجوية.'), [['وأرجعت', 'named']])
  // A present «يرجع» is 'dates back', «يفسر» after «ما» is a thing explaining: only the past forms of these are listed.
  assert.deepEqual(kinds('# خبر\n\nويرجع تاريخ المبنى إلى 300 عام.'), [])
  assert.deepEqual(kinds('# خبر\n\nوهو ما يفسر تراجع المبيعات بنسبة 20 في المئة.'), [])
})
