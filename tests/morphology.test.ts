/**
 * Verb inflection for the cue lexicon: verbs are listed once by their base form and the model
 * makes the forms news copy writes, in English and Arabic.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {arabicVerbForms, arabicVerbInflections, englishVerbForms} from '../src/model/morphology.js'
import {loadLexicons} from '../src/lexicons/index.js'
import {tokenize} from '../src/model/tokens.js'

test('English: regular, doubled, y- and irregular verbs; "~" keeps the noun forms out; phrases inflect their first word', () => {
  assert.deepEqual(englishVerbForms('fume').sort(), ['fume', 'fumed', 'fumes', 'fuming'])
  assert.deepEqual(englishVerbForms('quip').sort(), ['quip', 'quipped', 'quipping', 'quips'])
  assert.deepEqual(englishVerbForms('decry').sort(), ['decried', 'decries', 'decry', 'decrying'])
  assert.deepEqual(englishVerbForms('tell/told').sort(), ['tell', 'telling', 'tells', 'told'])
  assert.deepEqual(englishVerbForms('~call').sort(), ['called', 'calling'])
  assert.deepEqual(englishVerbForms('rail against').sort(), ['rail against', 'railed against', 'railing against', 'rails against'])
  assert.ok(!englishVerbForms('vow').includes('vowwed'), 'w is never doubled')
})

test('Arabic: past and present persons, defective verbs, the future with «س»', () => {
  const add = arabicVerbForms('أضاف/يضيف')
  for (const form of ['أضاف', 'أضافت', 'أضافوا', 'أضافا', 'يضيف', 'تضيف', 'يضيفون', 'سيضيف', 'ستضيف']) assert.ok(add.includes(form), form)
  const claim = arabicVerbForms('ادعى/يدعي')
  for (const form of ['ادعى', 'ادعت', 'ادعوا', 'يدعي', 'تدعي', 'يدعون']) assert.ok(claim.includes(form), form)
  const call = arabicVerbForms('دعا/يدعو')
  for (const form of ['دعا', 'دعت', 'دعوا', 'يدعو', 'تدعو', 'يدعون']) assert.ok(call.includes(form), form)
  assert.deepEqual(arabicVerbForms('أبلغ').filter((form) => form.startsWith('ي')), [], 'no present when none is given')
  // A present in ى drops it before ون and turns it back into ي before ان: يسعى → يسعون، يسعيان.
  const seek = arabicVerbForms('سعى/يسعى')
  for (const form of ['سعى', 'سعت', 'سعوا', 'يسعى', 'تسعى', 'يسعون', 'يسعيان', 'سيسعون']) assert.ok(seek.includes(form), form)
  assert.ok(!seek.some((form) => form.includes('ىو') || form.includes('ىا')), 'no ى before a suffix')
})

test('Arabic: a verb marked «+ه» also takes an object pronoun, marked as such; an unmarked one does not', () => {
  const describe = arabicVerbInflections('وصف/يصف+ه')
  const withPronoun = describe.filter((form) => form.objectPronoun).map((form) => form.form)
  for (const form of ['وصفه', 'وصفها', 'وصفته', 'وصفتها', 'وصفوه', 'يصفه', 'تصفه', 'يصفونه']) assert.ok(withPronoun.includes(form), form)
  assert.ok(describe.some((form) => form.form === 'وصفت' && !form.objectPronoun), 'the plain forms stay')
  // A defective past turns its ى into ا before the pronoun: نفى → نفاه; a phrase keeps its particle.
  assert.ok(arabicVerbForms('نفى/ينفي+ه').includes('نفاه'))
  assert.ok(arabicVerbForms('نسب/ينسب+ه إلى').includes('نسبته إلى'))
  assert.ok(!arabicVerbForms('وصف/يصف').includes('وصفه'), 'only marked verbs take the pronoun')
})

test('cue kinds: perception and intention cues are recognised by the model but are not attributing cues', () => {
  const {match} = loadLexicons()
  const kindOf = (text: string) => match.allCues.findAll(tokenize(text))[0]?.value.kind
  assert.equal(kindOf('The senator seemed unconvinced'), 'perception')
  assert.equal(kindOf('the club has agreed to pay'), 'intention')
  assert.equal(kindOf('he declined to attend'), 'intention')
  assert.equal(kindOf('وسعت الحكومة إلى تهدئة المحتجين'), 'intention')
  assert.equal(kindOf('ويسعون إلى التهدئة'), 'intention')
  assert.equal(kindOf('وبدت الوزيرة غير مقتنعة'), 'perception')
  assert.equal(kindOf('وقررت اللجنة تأجيل التصويت'), 'intention')
  for (const text of ['The senator seemed unconvinced', 'the club has agreed to pay', 'وقررت اللجنة تأجيل التصويت']) {
    assert.deepEqual(match.cues.findAll(tokenize(text)), [], `no attributing cue in ${text}`)
  }
  assert.equal(match.cues.findAll(tokenize('she said'))[0]?.value.kind, 'speech')
})

test('the cue lexicon matches inflected and clitic forms it does not list', () => {
  const {match} = loadLexicons()
  const cueOf = (text: string) => match.cues.findAll(tokenize(text))[0]?.value.id
  assert.equal(cueOf('Toomey fumed'), 'exclaim')
  assert.equal(cueOf('she vows'), 'pledge')
  assert.equal(cueOf('he quipped'), 'exclaim')
  assert.equal(cueOf('وأردفت المتحدثة'), 'go-on')
  assert.equal(cueOf('فستضيف الوزارة'), 'add')
  assert.equal(cueOf('وزعموا'), 'claim')
  assert.equal(cueOf('ونوهت'), 'underline')
  // A listed continuation keeps its entry where an inflected form meets it.
  assert.equal(cueOf('adding'), 'adding')
})
