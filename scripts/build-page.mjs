// The editor page (src/page/) for `attribution-lint serve`: bundled with esbuild into
// dist/page/ (page.js with CodeMirror, index.html, page.css). Run by `npm run build`.
import {copyFileSync, mkdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}dist/page`
mkdirSync(out, {recursive: true})
await build({
  entryPoints: [`${root}src/page/main.ts`],
  outfile: `${out}/page.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning'
})
for (const name of ['index.html', 'page.css']) copyFileSync(`${root}src/page/${name}`, `${out}/${name}`)
