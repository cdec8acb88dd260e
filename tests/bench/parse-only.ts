/**
 * Benchmark baseline (a): remark-parse alone over the files given, and the files of the
 * folders given, one after the other, read from disk as the linters read them. Nothing else:
 * no plugins, no report.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const processor = unified().use(remarkParse)
let nodes = 0
function visit(node: {children?: unknown[]}): void {
  nodes++
  for (const child of node.children ?? []) visit(child as {children?: unknown[]})
}
const parse = (file: string) => visit(processor.parse(readFileSync(file, 'utf8')) as {children?: unknown[]})
for (const given of process.argv.slice(2)) {
  if (!statSync(given).isDirectory()) parse(given)
  else for (const name of readdirSync(given).sort()) if (name.endsWith('.md')) parse(path.join(given, name))
}
process.stdout.write(`${nodes} nodes\n`)
