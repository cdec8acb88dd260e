/**
 * ## unsourced-claim
 *
 * Flags a sentence of the story that states a check-worthy fact with no attribution at all:
 * a figure (a count, a toll, a percentage, a sum of money, in digits of any script or in
 * words: «62», «٦٢», «مئات آلاف», "hundreds"), a superlative or a record ("the deadliest",
 * "a record high", «أسوأ», «غير مسبوق», «المرة الأولى … منذ»), or a finding of fact about
 * who did what («اعترضت … اتصالات تؤكد أن التنظيم نفذ …»).
 *
 * Why: a figure or a record with no source is the first thing a fact-checker asks about and
 * the last thing a reader can verify; naming who reports it lets the reader weigh it.
 *
 * How: the claims come from src/model/claims.ts (words in src/lexicons/claims.json), the
 * attributions from src/model/attribution.ts. A claim is covered by an attribution phrase of
 * its sentence, even a vague or anonymous one (those are the other rules' to report), when it
 * lies in the clause that phrase governs (src/model/scope.ts): a cue opening the sentence or
 * following its content after a comma ("…, police said", «…، حسبما ذكر المرصد») governs the
 * sentence; one opening a clause in mid-sentence ("…, and officials said …", «…، التي قالت
 * الحكومة إنها …») governs what follows it; a speaker's own words ("nearly 140 House members
 * blasting the roundups") are not its content. A sentence is also covered by a link, by a
 * phrase that names the owner of its figures ("estimates from the World Bank", «أرقام صادرة
 * عن»), and by reported speech continued from earlier in its block ("He added", or "Those prosecutors …" right after "The Times reported that prosecutors …"); a
 * source named at the close of a sentence, after its content ("…, he said.", "…, according to the IMF.", «…، حسبما
 * أفاد المرصد.»), goes on into the one sentence after it ("Currently, the department has 25 crews …"), and a poll, study or
 * report that finds figures ("A Quinnipiac poll found that 74 percent …", «وأظهر استطلاع …») goes on into the one
 * sentence after it ("Sixty-two percent of Republicans agreed."); either goes on into the next when that one speaks of its figure ("… that number can expand to more than 60", «هذا العدد»), not further.
 * A poll's results go on further, into the next paragraphs too, for as long as each sentence reports a figure with a word of
 * results ("Clinton leads Trump 46 percent to 41 percent", "Just 72 percent of Republicans support Trump", «ويؤيده 52 في المئة»);
 * the first sentence without one ("Clinton spoke in Detroit on Sunday.", "Turnout was 40 percent.") ends it,
 * and a source that opens its sentence ("The company said …") does not go on at all. A figure is
 * also covered when the same figure (62 = ٦٢, "1,000" = "one thousand") appears in an
 * attributed sentence elsewhere in the article: a precise one (62, 1,579) always, a round one
 * (50,000) only when both are tolls or their sentences share a content word, and one under ten (2, «اثنين»)
 * only when both count the same noun ("2 soldiers" is not "2 policemen"), so that 50,000
 * people fleeing a city are not the 50,000 people an aid plan can shelter. A cue that only claims responsibility
 * («أعلن مسؤوليته») or sits inside the claim itself («اتصالات تؤكد») covers nothing.
 * A sentence also names its source when a document carries the figure: a poll, survey, study or
 * report owned by a name ("A recent CNN survey found 90 percent", "a Rasmussen Reports poll")
 * or finding something ("a poll from Utah showed", «أظهر استطلاع»), or surveying its sample ("The poll surveyed 1,000
 * adults", «وشمل الاستطلاع 1500 شخص»), or records named by their possessor ("tax returns show", "FEC filings show", «كما تظهر الإفصاحات»).
 * Firsts are records: "the first … to", «للمرة الأولى», «أول من», «لتصبح أول …».
 * Not claims: dates, years, times, ages (also "Assem, 24." in a caption, "Garland is 63,", "she was 25 and", "died at 43", "at 86 she", "turn 18", "the ages of
 * 25 and 54", "younger than 50", «دون سن 18»), durations, measures and sizes joined by a hyphen ("a 300-pound
 * cover", "a 104-page report", "a 112-member body", "the 450-seat chamber", "a 12-step plan", "30-somethings"), the
 * denominator of a share ("three in 10"), numbers that name rather than count ("Route 16", "Section 508", "HR 1234", "Feinstein's/54 Below",
 * tickers such as 000063.SZ and 0700.HK, codes with a leading zero), figures inside
 * quotations, block quotes and tables, the lines of an interview opened by their speaker's mark ("A: …", «ج: …»), the
 * writer's own figures ("I had to pay a $30,000 fine", "I've done it 20 times"), a hundred percent of certainty ("100 percent
 * sure", «متأكد 100 في المئة»), stock indexes ("Nikkei 225"), style declarations ("width:100%;"), figures written as code (`20.10`), list numbers (a number alone on its line, "12 Model good
 * behavior."), bibliographic references (a line with a
 * DOI or an ISBN), the title and headings, teaser lines of other stories ("Read more: …", «اقرأ أيضا: …») and other
 * promo lines ("Join 66,707,982 other followers": promo-block reports them), the entries of a sources
 * section ("Sources", «المصادر»: the article's list of where it comes from), opinions ("the finest", "the
 * biggest benefit"), loose counts ("dozens of lawmakers", "thousands of details", "millions of people
 * struggling") unless they count a toll or the story's events (protests, arrests, flight:
 * "thousands of people marched", «تظاهر مئات الآلاف»), and
 * figures of settled past events (a sentence dated ten years or more before the story). One
 * message per sentence, from its first claim to its last.
 *
 * Options: `{figures: true, superlatives: true, findings: true}`: turn each kind of claim
 * off by setting it to false (superlatives covers records and firsts).
 *
 * @example
 *   {"name": "toll.md", "lang": "en"}
 *
 *   ```markdown
 *   # Quake
 *
 *   The earthquake killed at least 38,000 people across southern Asia.
 *   ```
 * @example
 *   {"name": "toll.md", "label": "output"}
 *
 *   ```text
 *   3:32-3:38: Unsourced toll: say who reports this figure, and link to it
 *   ```
 * @example
 *   {"name": "sourced.md", "lang": "en"}
 *
 *   ```markdown
 *   # Quake
 *
 *   The earthquake killed at least 38,000 people, the health ministry said.
 *   ```
 * @example
 *   {"name": "ticker.md", "lang": "en"}
 *
 *   ```markdown
 *   # ZTE shares slump
 *
 *   Shares of ZTE (000063.SZ) fell 41 percent on Wednesday.
 *   ```
 * @example
 *   {"name": "ticker.md", "label": "output"}
 *
 *   ```text
 *   3:32-3:42: Unsourced percentage: say who reports this figure, and link to it
 *   ```
 * @example
 *   {"name": "survey.md", "lang": "en"}
 *
 *   ```markdown
 *   # Background checks
 *
 *   A recent CNN survey found 90 percent support for background checks.
 *   ```
 * @example
 *   {"name": "record.md", "lang": "ar"}
 *
 *   ```markdown
 *   # غارات
 *
 *   وهي المرة الأولى التي تتهم فيها إسرائيل إيران باستهدافها من سوريا منذ بدء النزاع.
 *   ```
 * @example
 *   {"name": "record.md", "label": "output"}
 *
 *   ```text
 *   3:5-3:70: Unsourced record: say who established it, and link to the source
 *   ```
 * @example
 *   {"name": "covered.md", "lang": "ar"}
 *
 *   ```markdown
 *   # هجوم
 *
 *   وحسب وزارة الصحة، قتل 62 شخصا في الهجوم.
 *
 *   وكان الهجوم الذي أوقع 62 قتيلا قد وقع مساء الجمعة.
 *   ```
 */
import {defineRule} from '../src/rule.js'
import {findAttributions} from '../src/model/attribution.js'
import {type Claim, type ClaimIndex, type ClaimKind, FIGURES, findClaims, sameFigure} from '../src/model/claims.js'
import type {Article} from '../src/model/article.js'
import {tokenAt} from '../src/model/tokens.js'
import {attributionScope, governs} from '../src/model/scope.js'

const OPTION: Record<ClaimKind, 'figures' | 'superlatives' | 'findings'> = {
  figure: 'figures', percentage: 'figures', money: 'figures', toll: 'figures', count: 'figures',
  superlative: 'superlatives', record: 'superlatives', finding: 'findings'
}
const NOUN: Record<ClaimKind, string> = {
  figure: 'figure', percentage: 'percentage', money: 'sum', toll: 'toll', count: 'count',
  superlative: 'superlative', record: 'record', finding: 'finding'
}
/** The message of each option's claims; `kind` (the noun above) picks its wording. */
const MESSAGE = {figures: 'unsourced-figure', superlatives: 'unsourced-superlative', findings: 'unsourced-finding'} as const

export default defineRule({id: 'unsourced-claim', messages: Object.values(MESSAGE), defaults: {figures: true, superlatives: true, findings: true}}, (article, options, report) => {
  const claims = article.use(findClaims)
  const covered = coverage(article, claims)
  // Sourced mentions of each figure, for claims of the same figure elsewhere.
  const sourcedFigures = new Map<string, Claim[]>()
  for (const mention of claims.mentions) {
    if (!covered(mention)) continue
    const same = sourcedFigures.get(mention.figure!)
    if (same) same.push(mention)
    else sourcedFigures.set(mention.figure!, [mention])
  }
  const sentences = new Map<string, Claim[]>()
  for (const claim of claims.all) {
    if (!options[OPTION[claim.kind]] || covered(claim)) continue
    if (claim.figure !== undefined && sourcedFigures.get(claim.figure)?.some((mention) => sameFigure(article, claim, mention))) continue
    const id = claim.block + ':' + claim.sentence
    if (!sentences.has(id)) sentences.set(id, [])
    sentences.get(id)!.push(claim)
  }
  for (const found of sentences.values()) {
    const first = found[0]
    const to = Math.max(...found.map((claim) => claim.to))
    report(article.span(article.blocks[first.block], first.from, to), MESSAGE[OPTION[first.kind]], {kind: NOUN[first.kind], claim: first.text})
  }
})

/**
 * Whether a claim is covered by an attribution. An attribution of its sentence covers it when the claim lies in
 * the clause the attribution governs (src/model/scope.ts) and outside the speaker's own words. A cue inside the
 * claim itself (the finding «اتصالات تؤكد», the record «المرة الأولى التي تتهم فيها …») is part of the fact
 * claimed, and a cue that only claims responsibility («أعلن مسؤوليته», "claimed responsibility") names no source
 * of the toll: neither covers it. A sentence with no attribution of its own is covered as reported speech carried
 * on from the sentence before ("Those prosecutors …") or inside an attributed quotation.
 */
function coverage(article: Article, claims: ClaimIndex): (claim: Claim) => boolean {
  const attributions = article.use(findAttributions)
  const responsibility = (block: number, to: number) => {
    const tokens = article.blocks[block].tokens
    const next = tokenAt(tokens, to)
    return article.lexicons.match.claims.findAll(tokens, next, Math.min(tokens.length, next + 4)).some((match) => match.value.kind === 'responsibility')
  }
  const sources = new Map<string, Array<ReturnType<typeof attributionScope>>>()
  /** The scopes of the attributions that source something in a sentence. */
  const scopes = (block: number, sentence: number) => {
    const id = block + ':' + sentence
    let found = sources.get(id)
    if (found) return found
    const mine = claims.inSentence(block, sentence)
    found = attributions.inSentence(block, sentence)
      .filter((a) => !mine.some((c) => a.cue.from >= c.from && a.cue.to <= c.to) && !responsibility(block, a.cue.to))
      .map((a) => attributionScope(article, a))
    sources.set(id, found)
    return found
  }
  const known = new Map<string, boolean>()
  /** Whether anything in a sentence is sourced: for reported speech carried on into the next one. */
  const sentenceCovered = (block: number, sentence: number): boolean => {
    const id = block + ':' + sentence
    if (known.has(id)) return known.get(id)!
    const result = claims.citesSource(block, sentence) || (attributions.inSentence(block, sentence).length
      ? scopes(block, sentence).length > 0
      : attributions.isAttributed(block, sentence) || (claims.carriesOn(block, sentence) && sentenceCovered(block, sentence - 1)) ||
        // "…, he said. Currently, the department has 25 crews …": the account of a source named at the close of the
        // sentence before goes on (not further: the sentence after that is the writer's again).
        (sentence > 0 && scopes(block, sentence - 1).some((scope) => scope.closing)))
    known.set(id, result)
    return result
  }
  return (claim) => {
    if (claims.citesSource(claim.block, claim.sentence)) return true
    if (!attributions.inSentence(claim.block, claim.sentence).length) return sentenceCovered(claim.block, claim.sentence)
    return scopes(claim.block, claim.sentence).some((scope) => governs(scope, claim.from, claim.to, FIGURES.has(claim.kind) && claim.kind !== 'percentage'))
  }
}
