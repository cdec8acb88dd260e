/**
 * src/gfm-by-content.ts: each file parsed with only the GFM constructs that can match in it,
 * and the autolink literal transform run only where it can find one, give the same trees
 * (every node, every position) as all of GFM tried everywhere.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {absentTriggers, extensionsFor, namesLeftOut, ONLY_WHERE_THEY_CAN_BE} from '../src/gfm-by-content.js'
import {createBaseProcessor} from '../src/processor.js'
import {fullGfmProcessor, gfmArticle} from './helpers-gfm.js'

const ours = createBaseProcessor().freeze()
const full = fullGfmProcessor().freeze()

/** The tree after the parser plugins, or the reason the input was refused. */
function treeOf(processor: typeof ours, text: string): Root | string {
  const file = new VFile({value: text})
  try {
    const tree = processor.parse(file)
    processor.runSync(tree, file)
    return tree
  } catch (error) {
    return `refused: ${(error as {reason?: string}).reason ?? String(error)}`
  }
}

function assertSameTree(text: string, label: string) {
  assert.deepEqual(treeOf(ours, text), treeOf(full, text), label)
}

const REPO = fileURLToPath(new URL('../../', import.meta.url))

function markdownFiles(folder: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) found.push(...markdownFiles(full))
    else if (name.endsWith('.md')) found.push(full)
  }
  return found
}

test('gfm by content: the same trees as all of GFM on every fixture, also with CRLF and a byte order mark', () => {
  const files = markdownFiles(path.join(REPO, 'fixtures'))
  assert.ok(files.length > 100, `${files.length} fixtures`)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    assertSameTree(text, file)
    assertSameTree(text.replaceAll('\n', '\r\n'), `${file} (CRLF)`)
    assertSameTree('\uFEFF' + text, `${file} (BOM)`)
  }
})

test('gfm by content: the same trees as all of GFM on the cases npm run fuzz found', () => {
  const folder = path.join(REPO, 'tests/fuzz/cases')
  for (const name of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    assertSameTree((JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as {text: string}).text, name)
  }
})

test('gfm by content: the same trees as all of GFM on generated markdown dense in GFM and near misses', () => {
  fc.assert(
    fc.property(gfmArticle, (text) => assertSameTree(text, JSON.stringify(text))),
    {seed: 20261128, numRuns: 2500}
  )
})

test('gfm by content: the table trigger reads lines as the delimiter-row pattern does, and a line of a million spaces is read at once', () => {
  // The pattern the trigger replaced (it backtracks over long runs of spaces); the scan must agree with it on lines
  // of markdown (line endings \n, \r, \r\n).
  const pattern = /^[ \t>]*(?=[^\n\r]*-)(?=[^\n\r]*(?:\||:-|-:))[ \t|:-]+$/m
  const tableKept = (text: string) => !namesLeftOut(absentTriggers(text)).has('table')
  fc.assert(
    fc.property(fc.array(fc.constantFrom(' ', '\t', '>', '-', ':', '|', 'a', '\n', '\r', '\r\n'), {maxLength: 24}), (chars) => {
      const text = chars.join('')
      assert.equal(tableKept(text), pattern.test(text), JSON.stringify(text))
    }),
    {seed: 20261207, numRuns: 20000}
  )
  assert.equal(tableKept(' '.repeat(1_200_000) + '\n'), false)
  assert.equal(tableKept('> ' + ' '.repeat(1_200_000) + '|-|\n'), true)
})

test('gfm by content: each construct that can match is kept, and a table needs no pipe', () => {
  const cases: Array<[string, string, string]> = [
    ['table', '| a | b |\n| - | - |\n', 'table'],
    ['table', 'a\n:-\n', 'table'],
    ['table', 'a\n-:\n', 'table'],
    ['table', '> - a | b\n>   ---|:-:\r\n', 'table'],
    ['table', 'a | b\n  |-|\t-|\n', 'table'],
    ['strikethrough', 'a ~~b~~ c\n', 'delete'],
    ['gfmFootnoteCall', 'a[^1]\n\n[^1]: b\n', 'footnoteReference'],
    ['tasklistCheck', '- [x] done\n', 'listItem'],
    ['emailAutolink', 'mail a@b.co now\n', 'link'],
    ['wwwAutolink', 'see WWW.example.org now\n', 'link'],
    ['protocolAutolink', 'see HTTPS://example.org now\n', 'link']
  ]
  for (const [name, markdown, type] of cases) {
    assert.ok(!namesLeftOut(absentTriggers(markdown)).has(name), `${name} kept for ${JSON.stringify(markdown)}`)
    const tree = treeOf(ours, markdown)
    assert.ok(typeof tree !== 'string' && JSON.stringify(tree).includes(`"type":"${type}"`), `${type} in ${JSON.stringify(markdown)}`)
    if (type === 'listItem') assert.match(JSON.stringify(tree), /"checked":true/)
    assertSameTree(markdown, markdown)
  }
})

test('gfm by content: plain prose is parsed without the GFM constructs, and all of them are kept when all can match', () => {
  const extensions = createBaseProcessor().freeze().data().micromarkExtensions ?? []
  const names = (list: readonly unknown[]) => {
    const found = new Set<string>()
    for (const extension of list as Array<Record<string, Record<string, unknown> | undefined>>) {
      for (const [hook, record] of Object.entries(extension)) {
        if (hook === 'attentionMarkers' || hook === 'disable') continue
        for (const value of Object.values(record ?? {})) for (const construct of [value].flat()) found.add((construct as {name?: string}).name ?? '')
      }
    }
    return found
  }
  const everything = names(extensions)
  for (const name of ['table', 'strikethrough', 'gfmFootnoteCall', 'tasklistCheck', 'emailAutolink', 'wwwAutolink', 'protocolAutolink']) assert.ok(everything.has(name), name)
  // A pipe or a dash in prose starts no table: a table needs a line of its own of cells of `-` and `:`.
  const prose = names(extensionsFor(extensions, 'وقال مسؤول إن الحكومة *ستعلن* القرار. A senior official said [it](/x) would.\n\nFollow us: Facebook | X | YouTube\n\n---\n\na :- b -: c\n'))
  for (const name of ['table', 'strikethrough', 'gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall', 'tasklistCheck', 'emailAutolink', 'wwwAutolink', 'protocolAutolink']) assert.ok(!prose.has(name), name)
  assert.ok(prose.has('frontmatter') || prose.size > 0)
  const all = '| a |\n| - |\n~ [^1] [x] a@b.c www.x.y http://x.y\n'
  assert.equal(extensionsFor(extensions, all), extensions)
  // The same list again for the same constructs left out (made once).
  assert.equal(extensionsFor(extensions, 'a\n'), extensionsFor(extensions, 'b\n'))
})

test('gfm by content: the autolink literal transform is the wrapped one, and finds literals behind entities', () => {
  const transforms = (createBaseProcessor().freeze().data().fromMarkdownExtensions ?? []).flat() as Array<{transforms?: Array<{[ONLY_WHERE_THEY_CAN_BE]?: boolean}>}>
  assert.equal(transforms.filter((extension) => extension.transforms?.some((transform) => transform[ONLY_WHERE_THEY_CAN_BE])).length, 1)
  // No `@` nor `http://` in the source, but in the text once the references are decoded.
  for (const markdown of ['write to a&#64;b.com today\n', 'see h&#116;tp://x.org today\n', 'see www&#46;x.org today\n']) {
    const tree = treeOf(ours, markdown)
    assert.ok(typeof tree !== 'string' && JSON.stringify(tree).includes('"type":"link"'), markdown)
    assertSameTree(markdown, markdown)
  }
})
