/**
 * Fixture articles per rule and language: `fixtures/<rule>/<lang>/flag/*.md` must give
 * exactly the findings listed in the `.expected` file beside each (one `line:column-line:column`
 * per line, written by someone who read the article), and `fixtures/<rule>/<lang>/silent/*.md`
 * must give none of that rule's findings. Each case is linted with every rule on, as an
 * editor runs it; only the rule under test is compared.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {lint} from '../src/index.js'
import {rules} from '../rules/index.js'

const root = new URL('../../fixtures/', import.meta.url)

for (const {ruleId} of rules) {
  const ruleDir = new URL(`${ruleId}/`, root)
  if (!existsSync(ruleDir)) continue
  for (const lang of readdirSync(ruleDir)) {
    for (const kind of ['flag', 'silent']) {
      const dir = new URL(`${lang}/${kind}/`, ruleDir)
      if (!existsSync(dir)) continue
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
        test(`${ruleId} ${lang} ${kind}: ${name}`, async () => {
          const file = await lint(readFileSync(new URL(name, dir), 'utf8'))
          const actual = file.messages
            .filter((m) => m.ruleId === ruleId)
            .map((m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''}`)
          const expectedFile = new URL(name.replace(/\.md$/, '.expected'), dir)
          const expected = kind === 'silent' ? [] : readFileSync(expectedFile, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
          assert.deepEqual(actual, expected, file.messages.filter((m) => m.ruleId === ruleId).map((m) => m.reason).join('\n'))
        })
      }
    }
  }
}

test('fixture counts: at least 10 flagged and 10 silent cases per rule and language', () => {
  for (const {ruleId} of rules) {
    for (const lang of ['ar', 'en']) {
      for (const kind of ['flag', 'silent']) {
        const dir = new URL(`${ruleId}/${lang}/${kind}/`, root)
        const count = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.md')).length : 0
        assert.ok(count >= 10, `${ruleId} ${lang} ${kind}: ${count} cases`)
      }
    }
  }
})
