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
  legalComments: 'none',
  logLevel: 'warning'
})
