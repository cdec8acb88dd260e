/** Every rule of attribution-lint, in the order of RULES.md. Add a rule here to ship it in the preset. */
import type {RulePlugin} from '../src/rule.js'
import danglingOutlet from './dangling-outlet.js'
import promoBlock from './promo-block.js'
import unsourcedClaim from './unsourced-claim.js'

export const rules: RulePlugin[] = [unsourcedClaim, danglingOutlet, promoBlock]
