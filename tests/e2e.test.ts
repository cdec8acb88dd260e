/**
 * End to end: the built CLI, run as a user runs it (`node dist/src/cli/bin.js …` from the
 * repository root, stdin closed, no colour), on the sample and seed articles, with each report.
 * The WHOLE output (exit code, stdout, stderr) must equal fixtures/e2e/<case>.out, whose
 * findings were checked by reading the articles. When rules change on purpose, run
 * `npm run e2e:update` and read the diff against the articles before committing it.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {REPO, runCli} from './helpers-cli.js'

// Where the checkout lies (SARIF's originalUriBaseIds) differs between machines: the outputs say <checkout>.
const CHECKOUT = pathToFileURL(REPO).href.replace(/\/?$/, '/')

const cases = JSON.parse(readFileSync(`${REPO}fixtures/e2e/cases.json`, 'utf8')) as Array<{name: string; args: string[]}>

for (const {name, args} of cases) {
  test(`e2e ${name}: attribution-lint ${args.join(' ')}`, () => {
    const {code, stdout, stderr} = runCli(args)
    const expected = readFileSync(`${REPO}fixtures/e2e/${name}.out`, 'utf8')
    assert.equal(`exit: ${code}\n--- stdout\n${stdout.replaceAll(CHECKOUT, 'file:///<checkout>/')}--- stderr\n${stderr}`, expected)
  })
}
