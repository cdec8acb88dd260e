/**
 * The clause scope of an attribution (src/model/scope.ts), in Arabic and English: which words of its sentence
 * a cue sources. A cue that opens its sentence or follows its content after a comma sources the sentence; one
 * that opens a clause in mid-sentence sources what follows it; the speaker's own words are never its content.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {Article} from '../src/model/article.js'
import {findAttributions} from '../src/model/attribution.js'
import {attributionScope, governs} from '../src/model/scope.js'

/** Whether some attribution of the paragraph's first sentence sources the first occurrence of `word`. */
function sourced(paragraph: string, word: string): boolean {
  const file = new VFile({value: '# Title\n\n' + paragraph + '\n'})
  const article = new Article(unified().use(remarkParse).parse(file), file, {lang: /\p{Script=Arabic}/u.test(paragraph) ? 'ar' : 'en'})
  const block = article.blocks.find((b) => b.text.includes(word))!
  const at = block.text.indexOf(word)
  const attributions = article.use(findAttributions).inSentence(block.index, 0)
  assert.ok(attributions.length > 0, 'the sentence has an attribution')
  return attributions.some((a) => governs(attributionScope(article, a), at, at + word.length))
}

test('a cue that opens its sentence, or follows its content after a comma, sources the whole sentence', () => {
  assert.equal(sourced('The ministry said 62 people were killed in the attack.', '62'), true)
  assert.equal(sourced('At least 62 people were killed in the attack, the ministry said on Monday.', '62'), true)
  assert.equal(sourced('Some 400 people were evacuated according to the city.', '400'), true)
  assert.equal(sourced('قتل 62 شخصا في الهجوم، حسبما ذكر المرصد.', '62'), true)
  assert.equal(sourced('وقالت وزارة الصحة إن 62 شخصا قتلوا في الهجوم.', '62'), true)
  assert.equal(sourced('قتل 62 شخصا في الهجوم، قال المرصد.', '62'), true)
})

test('a cue that opens a clause in mid-sentence sources only what follows it', () => {
  assert.equal(sourced('More than 3,000 families crossed the border, and officials said the raids would continue.', '3,000'), false)
  assert.equal(sourced('More than 3,000 families crossed the border, and officials said 40 were detained.', '40'), true)
  assert.equal(sourced('وفرّ نحو 40 ألف شخص من المدينة، التي قالت الحكومة إنها باتت تحت سيطرتها.', '40'), false)
  assert.equal(sourced('وقتل 17 شخصا في الهجوم، وقالت الشرطة إن المهاجم فر من المكان.', '17'), false)
  assert.equal(sourced('وقتل 17 شخصا في الهجوم، وقالت الشرطة إن 40 آخرين أصيبوا.', '40'), true)
  // A participle carries its own content on: «، مشيرة إلى», ", adding".
  assert.equal(sourced('فرّ 500 شخص من القرية، مشيرة إلى أن القصف مستمر.', '500'), false)
})

test('the speaker of a cue is not its content; a subject telling its own account is', () => {
  assert.equal(sourced('Tensions burst into view, with nearly 140 House members blasting the roundups.', '140'), false)
  assert.equal(sourced('Maria Lopez lost $20,000 when the bank failed, and said she would never trust a bank again.', '$20,000'), true)
  assert.equal(sourced('وأخذ سالم مبلغ 30 ألف دولار ووضعه في المنزل، وقال: "لم أعد أثق بالمصارف".', '30'), true)
  // …except what a relative clause says of someone else.
  assert.equal(sourced('أصدرت عائلة الشاب الذي قتل سبعة من رجال الإطفاء بيانا، وأعربت عن أسفها.', 'سبعة'), false)
})

test('a poll’s share of respondents and the subject of a passive are what is reported, not a speaker', () => {
  assert.equal(sourced('More than 60,000 Herero are estimated to have perished.', '60,000'), true)
  assert.equal(sourced('وقالت نسبة 63 في المئة من المستطلعين إن الاقتصاد يتحسن.', '63'), true)
  // A count of people as the subject is the writer's own figure.
  assert.equal(sourced('وانتقد أكثر من 140 نائبا الحملة في رسالة إلى الرئيس.', '140'), false)
})

test('a cue after its content, with only a time or a place after it, sources the sentence', () => {
  assert.equal(sourced('The arrangement directed $38.9 million to the RNC as of Sept. 30, FEC records show.', '38.9'), true)
  assert.equal(sourced('Some 1,600 people were detained police said on Tuesday.', '1,600'), true)
})

test('an infinitive complement of a view ends at a clause with a subject of its own', () => {
  assert.equal(sourced('The game is considered by many critics to be one of the finest ever made and more than 2.5 million people have pre-ordered it.', '2.5'), false)
  assert.equal(sourced('The game is considered by many critics to be one of the 10 finest ever made.', '10'), true)
})

/** Whether an attribution of the paragraph's first sentence closes it, so that its account goes on into the next. */
function closes(paragraph: string): boolean {
  const file = new VFile({value: '# Title\n\n' + paragraph + '\n'})
  const article = new Article(unified().use(remarkParse).parse(file), file, {lang: /\p{Script=Arabic}/u.test(paragraph) ? 'ar' : 'en'})
  const block = article.blocks.find((b) => b.text.length > 0 && b.index > 0)!
  return article.use(findAttributions).inSentence(block.index, 0).some((a) => attributionScope(article, a).closing)
}

test('an attribution after its content at the close of its sentence goes on into the next one; one that opens it does not', () => {
  assert.equal(closes('More freeze-thaw cycles mean more potholes, he said. Currently, the department has 25 crews.'), true)
  assert.equal(closes('Clinton now has at least 723 delegates, according to a count by The Associated Press. Sanders has 158.'), true)
  assert.equal(closes('The committee has collected $56.5 million, said David Gilbert, its president and chief executive.'), true)
  assert.equal(closes('Potholes are worse after a wet winter, the commissioner said on Monday. There are 25 crews.'), true)
  assert.equal(closes('تقدمت القوات في الأحياء الشرقية، حسبما أفاد المرصد السوري. ونزح 3000 شخص.'), true)
  assert.equal(closes('تقدمت القوات في الأحياء الشرقية، قال المرصد يوم الأحد. ونزح 3000 شخص.'), true)
  // A cue that opens its sentence or a clause, or has content after it, does not.
  assert.equal(closes('The ministry said the plant would close. About 800 workers will lose their jobs.'), false)
  assert.equal(closes('The plant will close, and the ministry said 800 workers would lose their jobs. Rents fell 4 percent.'), false)
  assert.equal(closes('وقالت الشركة إنها ستغلق المصنع. وسيفقد نحو 800 عامل وظائفهم.'), false)
  assert.equal(closes('تقدمت القوات، وقال المرصد إن المعارك مستمرة. ونزح 3000 شخص.'), false)
})
