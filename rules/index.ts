/** Every rule of attribution-lint, in the order of RULES.md. Add a rule here to ship it in the preset. */
import type {RulePlugin} from '../src/rule.js'
import anonymousSource from './anonymous-source.js'
import danglingOutlet from './dangling-outlet.js'
import dateWeekday from './date-weekday.js'
import foundingAfterEvents from './founding-after-events.js'
import futureAsPast from './future-as-past.js'
import impossibleDate from './impossible-date.js'
import promoBlock from './promo-block.js'
import tollMismatch from './toll-mismatch.js'
import unattributedQuote from './unattributed-quote.js'
import unsourcedClaim from './unsourced-claim.js'
import vagueAttribution from './vague-attribution.js'

export const rules: RulePlugin[] = [unattributedQuote, anonymousSource, vagueAttribution, unsourcedClaim, danglingOutlet, promoBlock, dateWeekday, impossibleDate, foundingAfterEvents, futureAsPast, tollMismatch]
