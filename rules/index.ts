/** Every rule of attribution-lint, in the order of RULES.md. Add a rule here to ship it in the preset. */
import type {RulePlugin} from '../src/rule.js'

export const rules: RulePlugin[] = []
