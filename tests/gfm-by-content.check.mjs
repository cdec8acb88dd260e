#!/usr/bin/env node
/**
 * The larger check of src/gfm-by-content.ts (tests/gfm-by-content.test.ts is the bounded one):
 * createBaseProcessor and the processor with all of GFM tried everywhere give the same tree
 * (JSON of the tree after the parser plugins, positions included, or the same refusal) for
 * - every .md file under the folders given, each also with CRLF line endings and with a byte
 *   order mark;
 * - `--runs` generated markdown strings dense in GFM (tests/helpers-gfm.ts), and as many
 *   articles of the fuzz generators (tests/fuzz/properties.ts), from `--seed`.
 *
 * Usage (after `npm run build`):
 *   node tests/gfm-by-content.check.mjs [--runs 5000] [--seed 1] [FOLDER…]
 * Exits 1 and names the first inputs that differ (written to gfm-by-content-diff-N.md).
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {createBaseProcessor} from '../dist/src/processor.js'
import {fullGfmProcessor, gfmArticle} from '../dist/tests/helpers-gfm.js'
import {anyArticle, seedArticles} from '../dist/tests/fuzz/properties.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  if (at === -1) return fallback
  const value = Number(args[at + 1])
  args.splice(at, 2)
  return value
}
const runs = option('--runs', 5000)
const seed = option('--seed', 1)
const folders = args

const ours = createBaseProcessor().freeze()
const full = fullGfmProcessor().freeze()

function treeOf(processor, text) {
  const file = new VFile({value: text})
  try {
    const tree = processor.parse(file)
    processor.runSync(tree, file)
    return JSON.stringify(tree)
  } catch (error) {
    return `refused: ${error?.reason ?? String(error)}`
  }
}

let compared = 0
const differing = []
function check(label, text) {
  compared++
  if (treeOf(ours, text) === treeOf(full, text)) return
  differing.push(label)
  if (differing.length <= 5) writeFileSync(`gfm-by-content-diff-${differing.length}.md`, text)
}

function walk(folder, found = []) {
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) walk(full, found)
    else if (name.endsWith('.md')) found.push(full)
  }
  return found
}

for (const folder of folders) {
  for (const file of walk(folder)) {
    const text = readFileSync(file, 'utf8')
    check(file, text)
    check(`${file} (CRLF)`, text.replaceAll('\n', '\r\n'))
    check(`${file} (BOM)`, '\uFEFF' + text)
  }
}
const files = compared
fc.assert(fc.property(gfmArticle, (text) => void check(`generated GFM ${JSON.stringify(text).slice(0, 80)}`, text)), {numRuns: runs, seed})
fc.assert(fc.property(anyArticle(seedArticles(), {depth: 100, line: 5_000, blocks: 30}), (text) => void check(`fuzz article ${JSON.stringify(text).slice(0, 80)}`, text)), {numRuns: runs, seed})

console.log(`${compared} inputs compared (${files} from files, ${compared - files} generated): ${differing.length} differ`)
for (const label of differing.slice(0, 20)) console.log(`differs: ${label}`)
process.exit(differing.length > 0 ? 1 : 0)
