#!/usr/bin/env node
/**
 * Write docs/rules/<id>.md for every rule of the preset, from the header comment of
 * rules/<id>.ts (the one source: src/docs.ts formats it, and `--explain` prints the same).
 * Run with `npm run docs` (it builds first). tests/docs.test.ts fails when these files are stale.
 * Files of rules that no longer exist are removed.
 */
import {readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {generatedNotice, parseRuleDoc, ruleDocMarkdown} from '../dist/src/docs.js'
import {rules} from '../dist/rules/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}docs/rules/`
mkdirSync(out, {recursive: true})
const ids = rules.map((rule) => rule.ruleId)
for (const id of ids) {
  const source = readFileSync(`${root}rules/${id}.ts`, 'utf8')
  writeFileSync(`${out}${id}.md`, generatedNotice(id) + ruleDocMarkdown(parseRuleDoc(id, source)))
}
for (const name of readdirSync(out)) {
  if (name.endsWith('.md') && !ids.includes(name.slice(0, -3))) rmSync(`${out}${name}`)
}
console.log(`docs/rules/: ${ids.length} rule docs written`)
