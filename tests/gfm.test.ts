/**
 * What src/gfm.ts adds to remark-gfm: positions for the literal autolinks found after parsing,
 * and autolink literals without the quadratic walk back to an open `[`, with the same trees.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import type {Nodes} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {LINEAR, linearAutolinkLiterals} from '../src/gfm.js'
import {createBaseProcessor} from '../src/processor.js'

const remarkGfmAsIs = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

function parse(markdown: string) {
  const processor = createBaseProcessor()
  const file = new VFile({value: markdown})
  return processor.runSync(processor.parse(file), file) as Nodes
}

/** Every node of a tree, depth first. */
function nodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(nodes) : [])]
}

test('restorePositions: the literal autolinks remark-gfm finds after parsing get their place in the source', () => {
  const markdown = 'A senior official said it.  \r\n[Update: the report is at www.example.org/talks, Reuters reported.\r\nMail info@example.org or see https\\://www\\.example.org/x now.\r\n'
  // remark-gfm alone leaves these nodes without a position.
  assert.ok(nodes(remarkGfmAsIs.parse(markdown)).some((node) => !node.position))
  const tree = parse(markdown)
  for (const node of nodes(tree)) {
    assert.ok(node.position, `${node.type} without a position`)
    const {start, end} = node.position
    assert.equal(markdown.slice(0, start.offset).split(/\r\n|\r|\n/).length, start.line, `${node.type} start line`)
    assert.equal(markdown.slice(0, end.offset).split(/\r\n|\r|\n/).length, end.line, `${node.type} end line`)
  }
  const links = nodes(tree).filter((node) => node.type === 'link')
  assert.deepEqual(
    links.map((link) => markdown.slice(link.position?.start.offset, link.position?.end.offset)),
    ['www.example.org/talks', 'info@example.org', 'https\\://www\\.example.org/x']
  )
  const texts = nodes(tree).filter((node) => node.type === 'text').map((node) => markdown.slice(node.position?.start.offset, node.position?.end.offset))
  assert.ok(texts.includes(', Reuters reported.\r\nMail '), texts.join(' | '))
})

test('linearAutolinkLiterals: the processor uses the linear autolink literal constructs', () => {
  const processor = createBaseProcessor().freeze()
  const constructs = new Set<{name?: string; [LINEAR]?: boolean}>()
  for (const extension of processor.data().micromarkExtensions ?? []) {
    for (const entry of Object.values(extension.text ?? {})) for (const construct of [entry].flat()) constructs.add(construct as {name?: string})
  }
  const autolinks = [...constructs].filter((construct) => /Autolink$/.test(construct.name ?? '') && construct.name !== 'autolink')
  assert.deepEqual(autolinks.map((construct) => [construct.name, construct[LINEAR]]).sort(), [
    ['emailAutolink', true],
    ['protocolAutolink', true],
    ['wwwAutolink', true]
  ])
})

test('linearAutolinkLiterals: the same trees as remark-gfm, brackets and literals interleaved', () => {
  const linear = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(linearAutolinkLiterals)
  const pieces = ['[', ']', '(', ')', '![', 'www.', 'a.b', 'http://', 'https://x.y', 'a@b.c', '@', ' ', '\n', '\n\n', '*', '_', '`', '<', '>', 'x', 'H', 'W', '.', ':', '/', '\\', '&amp;', '[a]: b\n', '[^1]', '| a |\n|---|\n']
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 50}), (parts) => {
      const markdown = parts.join('')
      assert.deepEqual(linear.parse(markdown), remarkGfmAsIs.parse(markdown))
    }),
    {seed: 20261128, numRuns: 3000}
  )
})
