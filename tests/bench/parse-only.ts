/**
 * Benchmark baseline (a): remark-parse alone over the files of the folders given, one after
 * the other, read from disk as the linters read them. Nothing else: no plugins, no report.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse)
let nodes = 0
function visit(node: {children?: unknown[]}): void {
  nodes++
  for (const child of node.children ?? []) visit(child as {children?: unknown[]})
}
for (const folder of process.argv.slice(2)) {
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.md')) continue
    visit(processor.parse(readFileSync(path.join(folder, name), 'utf8')) as {children?: unknown[]})
  }
}
process.stdout.write(`${nodes} nodes\n`)
