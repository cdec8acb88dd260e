/**
 * The compiled lexicon file (dist/lexicons.compiled.json, written by `npm run build`) gives
 * the matches that compiling the data files at start-up gives, and a build uses it.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {compileLexiconData, compileLexicons, formsOf, lexiconsFromCompiled, loadLexicons, type Lexicons} from '../src/lexicons/index.js'
import {intlNameData} from '../src/model/dates.js'
import {tokenize} from '../src/model/tokens.js'
import {REPO} from './helpers-cli.js'

/** The lines of every fixture article. */
function fixtureLines(): string[] {
  const entries = readdirSync(path.join(REPO, 'fixtures'), {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).flatMap((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split('\n'))
}

type Name = keyof Lexicons['match']

/** Every match of a matcher in every line, as text: where, which form, and whose value. */
function matches(lexicons: Lexicons, name: Name, lines: readonly string[]): string[] {
  const matcher = lexicons.match[name]
  return lines.flatMap((line) => {
    const tokens = tokenize(line)
    return matcher.findAll(tokens).map((match) => {
      const value = match.value as {id?: string; outlet?: {id: string}; ambiguous?: boolean}
      return `${line.slice(0, 20)}|${match.from}-${match.to}|${match.form}|${value.id ?? `${value.outlet!.id}/${value.ambiguous}`}`
    })
  })
}

test('the compiled lexicons match what compiling the data files matches, form for form', () => {
  const lines = fixtureLines()
  const now = compileLexicons({})
  const data = compileLexiconData()
  // Inflected forms as compiling makes them, before the compiled file's copies take their place.
  const forms = (['cues', 'claims'] as const).flatMap((name) => now[name].entries.map((entry) => JSON.stringify(formsOf(entry))))
  const fromFile = lexiconsFromCompiled(JSON.parse(JSON.stringify(data)) as typeof data)
  let total = 0
  for (const name of Object.keys(now.match) as Name[]) {
    const expected = matches(now, name, lines)
    total += expected.length
    assert.deepEqual(matches(fromFile, name, lines), expected, name)
    assert.equal(fromFile.match[name].size, now.match[name].size, name)
  }
  assert.ok(total > 500, `the fixtures exercise the matchers (${total} matches)`)
  assert.deepEqual([...fromFile.languages.cues], [...now.languages.cues])
  assert.deepEqual([...fromFile.languages.claims], [...now.languages.claims])
  assert.deepEqual([...fromFile.cuesBesideQuote], [...now.cuesBesideQuote])
  assert.deepEqual([...fromFile.cuesWithObjectPronoun], [...now.cuesWithObjectPronoun])
  assert.ok(Object.keys(data.forms.cues).length > 50, 'the cues list verbs to inflect')
  assert.deepEqual((['cues', 'claims'] as const).flatMap((name) => fromFile[name].entries.map((entry) => JSON.stringify(formsOf(entry)))), forms)
})

test('a build reads the compiled lexicon file; configuration additions are compiled on top of the data files', () => {
  const data = JSON.parse(readFileSync(path.join(REPO, 'dist/lexicons.compiled.json'), 'utf8')) as ReturnType<typeof compileLexiconData>
  assert.equal(data.digest, compileLexiconData().digest, 'npm run build compiled the lexicons of this tree')
  const added = loadLexicons({speechVerbs: {en: ['harrumphed']}})
  assert.equal(added.match.cues.matchAt(tokenize('she harrumphed'), 1)?.value.id, 'config-speech-verbs')
  assert.equal(loadLexicons().match.cues.matchAt(tokenize('she harrumphed'), 1), undefined)
})

test('the month and weekday names of Intl that the build kept are the names Intl gives now', () => {
  const kept = JSON.parse(readFileSync(path.join(REPO, 'dist/intl-date-names.json'), 'utf8')) as ReturnType<typeof intlNameData>
  const now = JSON.parse(JSON.stringify(intlNameData())) as ReturnType<typeof intlNameData>
  assert.ok(now.months.length > 20 && now.weekdays.length > 10)
  assert.deepEqual(kept, now)
})
