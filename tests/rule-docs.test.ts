/**
 * Docs are tests, as in remark-lint: each rule's header comment holds `@example` blocks,
 * each opened by a JSON line, and this one test runs them all, so a rule's documentation
 * cannot drift from its behaviour.
 *
 *     @example
 *       {"name": "flag.md", "lang": "en"}
 *
 *       ```markdown
 *       “We will win,” the banner read.
 *       ```
 *     @example
 *       {"name": "flag.md", "label": "output"}
 *
 *       ```text
 *       1:1-1:15: Quote has no speaker: name who said it, or cut the quotation marks
 *       ```
 *
 * An input with no output example must produce no message. `config` in the JSON line is
 * the rule's setting (`["warn", {…options}]`); `lang` documents the example's language.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {lint} from '../src/index.js'
import {rules} from '../rules/index.js'

const rulesDir = new URL('../../rules/', import.meta.url)

export interface DocExample {
  name: string
  label: 'input' | 'output'
  lang?: string
  config?: unknown
  body: string
}

/** Read the `@example` blocks of a rule's header comment. */
export function readExamples(source: string): DocExample[] {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? ''
  const lines = header.split('\n').map((line) => line.replace(/^\s*\* ?/, ''))
  const examples: DocExample[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '@example') continue
    let j = i + 1
    while (j < lines.length && !lines[j].trim()) j++
    const meta = JSON.parse(lines[j].trim())
    j++
    while (j < lines.length && !lines[j].trim().startsWith('```')) j++
    const fence = lines[j].trim().match(/^`+/)![0]
    const indent = lines[j].indexOf('`')
    const body: string[] = []
    for (j++; j < lines.length && lines[j].trim() !== fence; j++) body.push(lines[j].slice(indent))
    examples.push({label: 'input', ...meta, body: body.join('\n')})
    i = j
  }
  return examples
}

const files = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.d.ts'))

test('every rule file is in the preset, and every rule has a doc comment with examples', () => {
  assert.deepEqual(files.map((name) => name.slice(0, -3)).sort(), rules.map((rule) => rule.ruleId).sort())
})

for (const name of files) {
  const id = name.slice(0, -3)
  const examples = readExamples(readFileSync(new URL(name, rulesDir), 'utf8'))
  const inputs = examples.filter((example) => example.label === 'input')
  test(`${id}: the doc comment has flagged and silent examples in Arabic and English`, () => {
    const outputs = new Set(examples.filter((example) => example.label === 'output').map((example) => example.name))
    for (const lang of ['ar', 'en']) {
      const mine = inputs.filter((example) => example.lang === lang)
      assert.ok(mine.some((example) => outputs.has(example.name)), `${id}: a flagged ${lang} example`)
      assert.ok(mine.some((example) => !outputs.has(example.name)), `${id}: a silent ${lang} example`)
    }
  })
  for (const input of inputs) {
    test(`${id}: doc example ${input.name}`, async () => {
      const output = examples.find((example) => example.label === 'output' && example.name === input.name)
      const ruleConfig = Object.fromEntries(rules.map((rule) => [rule.ruleId, rule.ruleId === id ? (input.config ?? 'warn') : 'off']))
      // The docs are written in English: their outputs show the English messages (Arabic ones: src/messages/ar.json).
      const file = await lint(input.body, {rules: ruleConfig as never, lang: input.lang, locale: 'en'})
      const actual = file.messages
        .filter((message) => message.ruleId === id)
        .map((message) => `${message.line}:${message.column}-${message.place && 'end' in message.place ? `${message.place.end.line}:${message.place.end.column}` : ''}: ${message.reason}`)
      const expected = output ? output.body.split('\n').filter((line) => line.trim()) : []
      assert.deepEqual(actual, expected)
    })
  }
}
