#!/usr/bin/env node
/**
 * Rewrite fixtures/e2e/<case>.out from the built CLI, for the cases in fixtures/e2e/cases.json
 * (`npm run e2e:update`). The written files are what tests/e2e.test.ts expects, so they are
 * only as right as the person who checks them: after running this, read every changed line of
 * `git diff fixtures/e2e/` against the articles (is the finding really there, at that line and
 * column, with that excerpt and message?) before committing. Never commit them unread.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// Where the checkout lies (SARIF's originalUriBaseIds) differs between machines: the outputs say <checkout>.
const checkout = pathToFileURL(root).href.replace(/\/?$/, '/')
const cases = JSON.parse(readFileSync(`${root}fixtures/e2e/cases.json`, 'utf8'))
for (const {name, args} of cases) {
  const result = spawnSync(process.execPath, ['dist/src/cli/bin.js', ...args], {cwd: root, encoding: 'utf8', input: '', env: {...process.env, NO_COLOR: '1'}})
  writeFileSync(`${root}fixtures/e2e/${name}.out`, `exit: ${result.status}\n--- stdout\n${result.stdout.replaceAll(checkout, 'file:///<checkout>/')}--- stderr\n${result.stderr}`)
}
console.log(`fixtures/e2e/: ${cases.length} outputs written; now read \`git diff fixtures/e2e/\` line by line against the articles`)
