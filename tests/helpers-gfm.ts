/**
 * For checking src/gfm-by-content.ts: the processor with every GFM construct tried everywhere
 * (the parser plugins of createBaseProcessor without the selection), and generated markdown
 * dense in GFM and in the near misses of each construct's trigger.
 */
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {linearEditMap} from '../src/edit-map.js'
import {linearAutolinkLiterals, restorePositions} from '../src/gfm.js'
import {inputGuard} from '../src/input.js'
import {hideTemplateSyntax} from '../src/model/template-syntax.js'
import {positionsAfterBom} from '../src/processor.js'

/** remark-parse, frontmatter and all of GFM, with our fixes: what createBaseProcessor parsed with before the selection. */
export function fullGfmProcessor() {
  linearEditMap()
  return unified().use(remarkParse).use(hideTemplateSyntax).use(inputGuard).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(linearAutolinkLiterals).use(positionsAfterBom).use(restorePositions)
}

/** Pieces of GFM and of what is close to it; joined with nothing between, they make triggers and near misses. */
const PIECES = [
  // Tables, with and without pipes (`a` then `:-` is a table), and their near misses.
  '| a | b |\n|---|:-:|\n| c | d |\n', 'a | b\n-|-\n', 'x\n:-\n', 'x\n-:\n', '|', ':', '-', '---', ':-', '-:', '| - |', '|\n', '\n|---|\n', 'a\n- -\n',
  // Footnotes.
  '[^1]', '[^1]: A note.\n', '[^a]', '\n[^a]: Note a.\n', '[^a b]', '![^1]', '[^', '^', '[^1]:\n    indented\n',
  // Task lists.
  '- [ ] a\n', '- [x] b\n', '* [X] c\n', '1. [\t] d\n', '- [\n', '[ ]', '[x]', '- [ ]\n', '  - [x]  e\n',
  // Strikethrough, and tildes that are not.
  '~a~', '~~b~~', '~', '~~~\ncode\n~~~\n', '~~ c~~',
  // Literal autolinks, and what is close to them (entities decoded after parsing).
  'www.example.com', 'WWW.X.ORG/a?b', 'www.', 'ww', 'w', 'http://a.b', 'HTTPS://x.y/z)', 'https:', 'http:/', 'https://', 'h', 'H', 'ttp://',
  'a@b.co', 'x@', '@', 'mailto:a@b.c', 'xmpp:a@b.c/d', 'h&#116;tp://x.y', 'a&#64;b.com', 'www&#46;x.y', '[http://a.b](x)', '[www.a.b]', '<http://a.b>', '[a@b.c]: d\n',
  // Markdown around them.
  '[', ']', '(', ')', '![', '*', '_', '**', '`', '\\', '<', '>', '> ', '- ', '1. ', '# ', '    ', '\t', ' ', '  ', '\n', '\n\n', '\r\n', '\r',
  '&amp;', '[a]: https://x.y\n', '[a]', '<div>\n', '```\n', 'x', 'word', 'Reuters', 'قال', 'مصدر'
]

const body = fc.array(fc.constantFrom(...PIECES), {maxLength: 60}).map((parts) => parts.join(''))

/** Generated markdown dense in GFM: optional frontmatter, a body of pieces, LF, CRLF or CR, an optional byte order mark. */
export const gfmArticle = fc
  .tuple(fc.constantFrom('', '---\ntitle: x\n---\n', '---\nlang: ar\n---\n\n'), body, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([front, text, ending, bom]) => (bom ? '\uFEFF' : '') + (front + text).replace(/\r\n|\r|\n/g, ending))
