// The `attribution-lint` command as one file: dist/src/cli/bin.js, as tsc wrote it, bundled with
// esbuild with everything it imports, in its own place. Run by `npm run build`, after tsc.
//
// Why: starting the command loaded about 270 modules one by one (resolving, reading and
// compiling each), a third of the time a one-article run takes. The bundle is the same code.
// It stays where tsc put bin.js, so every path a module finds beside itself (the lexicons,
// the message catalogs, the lint worker, package.json) is found as before: those modules
// live one folder deep in dist/src/, as bin.js does. The few modules that are not, and are
// loaded only on request (`serve`, `--explain`), stay outside the bundle, loaded as tsc wrote
// them. The API (dist/src/index.js), the lint worker and the tests use tsc's modules.
import path from 'node:path'
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = `${root}dist/src/cli/bin.js`
// Imports left to Node, as written: they resolve from dist/src/cli/ as they did from bin.js's folder.
const outside = new Set(['../serve/main.js', './explain.js'])
await build({
  entryPoints: [bin],
  outfile: bin,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  // CommonJS packages inside an ES module bundle call `require` for Node's built-ins.
  banner: {js: "import {createRequire as __bundleRequire} from 'node:module'; const require = __bundleRequire(import.meta.url);"},
  plugins: [
    {
      name: 'outside',
      setup(build) {
        build.onResolve({filter: /^\.\.?\//}, (args) => (outside.has(args.path) && path.dirname(args.importer) === path.dirname(bin) ? {path: args.path, external: true} : undefined))
      }
    }
  ],
  // Without comments and blank space the file is half the size, and ASCII (some comments were not): Node reads and compiles it faster.
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning'
})
// esbuild leaves the characters of regular expression literals as they are (Arabic letters, quotation
// marks): one such character makes the whole source a two-byte string, which Node decodes and V8
// compiles more slowly. Each is written as its escape instead, \\uXXXX per UTF-16 unit, which means
// the same in a string, a template and a regular expression (with or without the u flag).
const text = readFileSync(bin, 'utf8')
// A character escaped as it is (`\«`, an odd number of backslashes before it) is that character: its escape replaces both.
const escaped = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
writeFileSync(bin, text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, unit) => slashes.slice(slashes.length % 2) + escaped(unit)))
