/**
 * Inflection of the verbs a lexicon lists once, by their base form, so that the data holds one
 * word per verb and every form a news story writes is matched: "fume" → fumes, fumed, fuming;
 * «أضاف/يضيف» → أضافت، أضافوا، أضافا، يضيف، تضيف، يضيفون، سيضيف …
 *
 * English spec: `base[/past[/participle]]`, for irregular verbs ("tell/told", "write/wrote/written");
 * a leading `~` marks a verb whose base and -s forms are nouns too ("~call": a call, calls), of
 * which only the past, the participle and the -ing form are read as cues. Only the first word of
 * a phrase is inflected ("point out" → pointed out, "rail against" → railed against).
 *
 * Arabic spec: `past[/present]`, the third person masculine singular of each («قال/يقول»,
 * «ادعى/يدعي»); without a present only past forms are made. Proclitics (و ف) are not listed:
 * the matcher reads them off every word (see normalize.ts); the future «س» is made here.
 * A spec ending its verb with `+ه` («وصف/يصف+ه») also makes the forms with an object pronoun
 * (ه، ها، هم): «ما وصفه مسؤولون»، «تقريرا نسبته إلى مصادر»، «يصفونه»; the attribution model reads
 * those only with a speaker named after them (see `objectPronoun`).
 */

/** English inflected forms of a verb spec, each a phrase of words. */
export function englishVerbForms(spec: string): string[] {
  return englishVerbInflections(spec).filter((form) => !form.besideQuote).map((form) => form.form)
}

/**
 * English inflected forms of a verb spec, with the forms of a noun-like verb ("~note": notes, note; "~read/read":
 * read, reads) marked `besideQuote`: those are cues only right beside a quotation ("“…,” he notes.", "“…,” it read.").
 */
export function englishVerbInflections(spec: string): Array<{form: string; besideQuote: boolean}> {
  const nounToo = spec.startsWith('~')
  const [head, ...rest] = (nounToo ? spec.slice(1) : spec).trim().split(/\s+/u)
  const tail = rest.length ? ' ' + rest.join(' ') : ''
  const [base, pastGiven, participleGiven] = head.split('/')
  const past = pastGiven ?? regularPast(base)
  const participle = participleGiven ?? past
  const forms = new Map<string, boolean>()
  // A past that is also the base ("read") is as ambiguous as the base.
  const plain = nounToo && past === base ? [] : [past, participle, presentParticiple(base, past)]
  for (const form of plain) forms.set(form, false)
  for (const form of [base, thirdPerson(base)]) if (!forms.has(form)) forms.set(form, nounToo)
  return [...forms].map(([form, besideQuote]) => ({form: form + tail, besideQuote}))
}

function thirdPerson(base: string): string {
  if (/(?:s|x|z|ch|sh|o)$/u.test(base)) return base + 'es'
  if (/[^aeiou]y$/u.test(base)) return base.slice(0, -1) + 'ies'
  return base + 's'
}

function regularPast(base: string): string {
  if (base.endsWith('e')) return base + 'd'
  if (/[^aeiou]y$/u.test(base)) return base.slice(0, -1) + 'ied'
  // One-syllable verbs ending consonant-vowel-consonant double it: quip → quipped, slam → slammed (not w, x, y).
  if (isShortClosed(base)) return base + base[base.length - 1] + 'ed'
  return base + 'ed'
}

/** A one-syllable base ending in a single vowel and a consonant other than w, x, y ("quip", "slam", "jab"). */
function isShortClosed(word: string): boolean {
  // The u of "qu" is a consonant: quip → quipped.
  const base = word.replace(/qu/gu, 'qw')
  const syllables = base.match(/[aeiouy]+/gu)?.length ?? 0
  return syllables === 1 && /[^aeiou][aeiou][^aeiouwxy]$/u.test(base)
}

function presentParticiple(base: string, past: string): string {
  if (/ie$/u.test(base)) return base.slice(0, -2) + 'ying'
  if (/[^aeio]e$/u.test(base) && base.length > 2) return base.slice(0, -1) + 'ing'
  // A doubled consonant in the past doubles before -ing too: quipped → quipping.
  if (past === base + base[base.length - 1] + 'ed') return base + base[base.length - 1] + 'ing'
  return base + 'ing'
}

/** Arabic inflected forms of a verb spec: past and present in the persons news copy uses, and the future with «س». */
export function arabicVerbForms(spec: string): string[] {
  return arabicVerbInflections(spec).map((form) => form.form)
}

// Object pronouns a verb of saying takes in news copy: him or it, her or it, them.
const OBJECT_PRONOUNS = ['ه', 'ها', 'هم']

/**
 * Arabic inflected forms of a verb spec, those with an object pronoun (a spec marked `+ه`) marked `objectPronoun`:
 * «وصفه» is 'described it' but also «وصف» + 'his' (his description), so the model reads them only where a verb is.
 */
export function arabicVerbInflections(spec: string): Array<{form: string; objectPronoun: boolean}> {
  const [marked, ...rest] = spec.trim().split(/\s+/u)
  const tail = rest.length ? ' ' + rest.join(' ') : ''
  const withObject = marked.endsWith('+ه')
  const head = withObject ? marked.slice(0, -2) : marked
  const [past, present] = head.split('/')
  const forms = new Set<string>()
  // A defective past in ى, ي or ا drops it before the subject suffixes: ادعى → ادعت، ادعوا; دعا → دعت، دعوا.
  const defective = /[ىيا]$/u.test(past) && past.length > 2
  const pastStem = defective ? past.slice(0, -1) : past
  const dual = defective ? pastStem + (past.endsWith('ا') ? 'وا' : 'يا') : past + 'ا'
  for (const form of [past, pastStem + 'ت', pastStem + 'وا', dual, pastStem + 'تا']) forms.add(form)
  if (present && /^ي/u.test(present)) {
    const stem = present.slice(1)
    // A present in ي, و or ى drops it before ون: يدعي → يدعون، يدعو → يدعون، يسعى → يسعون.
    const plural = (/[يوى]$/u.test(stem) && stem.length > 2 ? stem.slice(0, -1) : stem) + 'ون'
    // Its dual turns ى back into ي: يسعى → يسعيان.
    const dualStem = stem.endsWith('ى') ? stem.slice(0, -1) + 'ي' : stem
    for (const form of [present, 'ت' + stem, 'ي' + plural, 'ي' + dualStem + 'ان', 'ت' + dualStem + 'ان', 'س' + present, 'ست' + stem, 'سي' + plural]) forms.add(form)
  }
  const inflected = [...forms].map((form) => ({form: form + tail, objectPronoun: false}))
  if (!withObject) return inflected
  // The pronoun joins the past (a final ى or ي turns to ا: نفى → نفاه), its feminine and plural (whose ا drops:
  // وصفوا → وصفوه), and the present with its plural (يصف → يصفه، يصفون → يصفونه).
  const hosts = [defective ? pastStem + 'ا' : past, pastStem + 'ت', pastStem + 'و']
  if (present && /^ي/u.test(present)) {
    const stem = present.slice(1).replace(/ى$/u, 'ا')
    const plural = (/[يوى]$/u.test(present.slice(1)) && present.length > 3 ? present.slice(1, -1) : present.slice(1)) + 'ون'
    hosts.push('ي' + stem, 'ت' + stem, 'ي' + plural)
  }
  const withPronoun = hosts.flatMap((host) => OBJECT_PRONOUNS.map((pronoun) => ({form: host + pronoun + tail, objectPronoun: true})))
  return [...inflected, ...withPronoun.filter((form) => !forms.has(form.form.slice(0, form.form.length - tail.length)))]
}
