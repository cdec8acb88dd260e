/**
 * `attribution-lint --explain <rule-id>`: print a rule's documentation (what it flags, why,
 * how, its options and examples), the same markdown as docs/rules/<id>.md, from the same
 * source: the rule's header comment (src/docs.ts).
 */
import {ruleIds} from '../config.js'
import {ruleDoc, ruleDocMarkdown} from '../docs.js'

export interface Explained {
  code: number
  stdout: string
  stderr: string
}

export function explain(id: string): Explained {
  const ids = ruleIds()
  if (!ids.includes(id)) {
    return {code: 2, stdout: '', stderr: `attribution-lint: unknown rule \`${id}\` for --explain; known rules: ${ids.join(', ')}\n`}
  }
  return {code: 0, stdout: ruleDocMarkdown(ruleDoc(id)), stderr: ''}
}
