/**
 * Rule documentation from one source: the header doc comment of each rule module
 * (rules/<id>.ts). `attribution-lint --explain <id>` prints it, `npm run docs` writes it to
 * docs/rules/<id>.md (scripts/build-docs.mjs), and the SARIF report takes each rule's
 * description from it. tests/docs.test.ts fails when docs/rules/ is stale.
 *
 * The comment's shape (see tests/rule-docs.test.ts): `## <id>`, a paragraph saying what the
 * rule flags, paragraphs opened by `Why:`, `How:` and `Options:`, then `@example` blocks,
 * each a JSON line (`name`, `lang`, `label: "output"`, `config`) and a fenced block.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

export interface DocExample {
  name: string
  label: 'input' | 'output'
  lang?: string
  config?: unknown
  fence: string
  info: string
  body: string
}

export interface RuleDoc {
  id: string
  /** What the rule flags: the first paragraph. */
  summary: string
  /** The paragraphs between the summary and the examples, as written. */
  paragraphs: string[]
  examples: DocExample[]
}

/** The lines of the first doc comment of a module, without the ` * ` gutter. */
export function headerLines(source: string): string[] {
  const header = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? ''
  const lines = header.split('\n').map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''))
  while (lines.length && !lines[0].trim()) lines.shift()
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop()
  return lines
}

/** Parse a rule's header comment. Throws when it does not have the documented shape. */
export function parseRuleDoc(id: string, source: string): RuleDoc {
  const lines = headerLines(source)
  if (lines[0]?.trim() !== `## ${id}`) throw new Error(`rules/${id}.ts: the header comment must open with \`## ${id}\``)
  const firstExample = lines.findIndex((line) => line.trim() === '@example')
  const prose = lines.slice(1, firstExample === -1 ? lines.length : firstExample)
  const paragraphs: string[] = []
  let current: string[] = []
  for (const line of [...prose, '']) {
    if (line.trim()) current.push(line)
    else if (current.length) {
      paragraphs.push(current.join('\n'))
      current = []
    }
  }
  if (!paragraphs.length) throw new Error(`rules/${id}.ts: the header comment needs a paragraph saying what the rule flags`)
  const examples: DocExample[] = []
  for (let i = Math.max(firstExample, 0); firstExample !== -1 && i < lines.length; i++) {
    if (lines[i].trim() !== '@example') continue
    let j = i + 1
    while (j < lines.length && !lines[j].trim()) j++
    const meta = JSON.parse(lines[j].trim()) as Partial<DocExample>
    for (j++; j < lines.length && !lines[j].trim().startsWith('```'); j++);
    const open = lines[j].trim()
    const fence = /^`+/.exec(open)![0]
    const indent = lines[j].indexOf('`')
    const body: string[] = []
    for (j++; j < lines.length && lines[j].trim() !== fence; j++) body.push(lines[j].slice(indent))
    examples.push({label: 'input', ...meta, name: String(meta.name), fence, info: open.slice(fence.length).trim(), body: body.join('\n')} as DocExample)
    i = j
  }
  return {id, summary: paragraphs[0], paragraphs: paragraphs.slice(1), examples}
}

/** One paragraph of the comment on one line: for descriptions in SARIF. */
export function flatten(paragraph: string): string {
  return paragraph.replace(/\s+/g, ' ').trim()
}

const LANGUAGES: Record<string, string> = {ar: 'Arabic', en: 'English'}
const SECTIONS = ['Why', 'How', 'Options']

/** The rule's documentation as markdown: what docs/rules/<id>.md holds and --explain prints. */
export function ruleDocMarkdown(doc: RuleDoc): string {
  const out: string[] = [`# ${doc.id}`, '', doc.summary, '']
  for (const paragraph of doc.paragraphs) {
    const label = /^(\w+):\s*/.exec(paragraph)
    if (label && SECTIONS.includes(label[1])) {
      const text = paragraph.slice(label[0].length)
      out.push(`## ${label[1]}`, '', text.charAt(0).toUpperCase() + text.slice(1), '')
    } else out.push(paragraph, '')
  }
  const inputs = doc.examples.filter((example) => example.label === 'input')
  if (inputs.length) out.push('## Examples', '')
  for (const input of inputs) {
    const output = doc.examples.find((example) => example.label === 'output' && example.name === input.name)
    const language = LANGUAGES[input.lang ?? ''] ?? input.lang ?? 'any language'
    out.push(`### ${input.name} (${language}, ${output ? 'flagged' : 'not flagged'})`, '')
    if (input.config !== undefined) out.push(`With the setting \`${JSON.stringify(input.config)}\`:`, '')
    out.push(input.fence + input.info, input.body, input.fence, '')
    if (output) out.push('Reports (with `--locale en`):', '', output.fence + output.info, output.body, output.fence, '')
  }
  return out.join('\n').replace(/\n+$/, '\n')
}

/** The header of the generated files: where they come from. */
export function generatedNotice(id: string): string {
  return `<!-- Generated by \`npm run docs\` from the header comment of rules/${id}.ts: edit that comment, not this file. -->\n\n`
}

/** The documentation of a shipped rule, read from its compiled module (comments are kept). */
export function ruleDoc(id: string): RuleDoc {
  // dist/rules/ is beside this module's folder (dist/src/docs.js), or one further up from the bundled command (dist/src/cli/bin.js).
  const [near, far] = [new URL(`../rules/${id}.js`, import.meta.url), new URL(`../../rules/${id}.js`, import.meta.url)].map((url) => fileURLToPath(url))
  let text: string
  try {
    text = readFileSync(near, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    text = readFileSync(far, 'utf8')
  }
  return parseRuleDoc(id, text)
}
