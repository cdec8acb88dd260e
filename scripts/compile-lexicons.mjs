// The lexicons compiled for start-up (see CompiledLexicons in src/lexicons/index.ts):
// dist/lexicons.compiled.json. Run by `npm run build`, after tsc. The linter checks the
// file's digest against the data files and its code, and compiles them itself when the file is
// missing or of other data (say, a lexicon edited since the build): never a stale lexicon.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const {compileLexiconData} = await import(`${root}dist/src/lexicons/index.js`)
writeFileSync(`${root}dist/lexicons.compiled.json`, JSON.stringify(compileLexiconData()))
// The month and weekday names of Intl the date model reads (see intlNameData in src/model/dates.ts),
// used by a Node with the same ICU.
const {intlNameData} = await import(`${root}dist/src/model/dates.js`)
writeFileSync(`${root}dist/intl-date-names.json`, JSON.stringify(intlNameData()))
