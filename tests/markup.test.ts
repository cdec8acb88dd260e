/**
 * Markup as content repositories keep it (RULES.md): each article of `fixtures/markup/` must give
 * exactly the messages of the `.expected` file beside it, every rule on, as an editor runs it.
 * One message a line, in the order of their places, `line:column-line:column rule-id reason`,
 * written by someone who read the article; `#` starts a comment. The articles hold reference sections, shortcodes of Hugo,
 * Liquid, WordPress and MDX, raw HTML, entities and whitespace-only lines, in Arabic and English;
 * the comments at the top of each `.expected` say what the article checks.
 *
 * Also: `--fix` never edits a reference section, and whitespace-only lines are blank lines.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {lint} from '../src/index.js'
import {inspectText} from '../src/input.js'
import {findTemplateSyntax, HIDDEN, hideSpans} from '../src/model/template-syntax.js'

const root = new URL('../../fixtures/markup/', import.meta.url)
const articles = readdirSync(root).filter((name) => /\.(?:md|mdx|markdown)$/.test(name)).sort()

/** Messages of a file as the `.expected` files write them. */
function lines(file: VFile): string[] {
  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)))
  return ordered.map((m) => {
    const end = m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''
    return `${m.line}:${m.column}-${end} ${m.ruleId} ${m.reason}`
  })
}

for (const name of articles) {
  test(`markup: ${name}`, async () => {
    const value = readFileSync(new URL(name, root), 'utf8')
    const file = await lint(new VFile({path: name, value}))
    const expected = readFileSync(new URL(name.replace(/\.\w+$/, '.expected'), root), 'utf8')
      .split('\n').map((line) => line.replace(/^#.*/, '').trim()).filter(Boolean)
    assert.deepEqual(lines(file), expected)
  })
}

test('markup: --fix leaves every line of a reference section as it was', async () => {
  // A Works Cited entry that reads like a read-more line, right after a promo footer.
  const source = '# Pantry demand\n\nThe pantry served 1,200 students in October, its director said.\n\nFollow us on Facebook and Twitter for more news.\n\n## Works Cited\n\n- Doe, Jane. *Feeding the Future*. 2019. Read more at www.example.com.\n- "Food Insecurity Rises." Reuters, 2022. Subscribe to our newsletter.\n'
  const fixed = await lint(new VFile({path: 'pantry.md', value: source}), {fix: true})
  const section = source.slice(source.indexOf('## Works Cited'))
  assert.ok(String(fixed.value).endsWith(section), String(fixed.value))
})

test('markup: a line of spaces and tabs, however long, is a blank line, not bad input', async () => {
  for (const blank of [' '.repeat(300), '\t'.repeat(250), ' \t'.repeat(2_000), '>' + ' '.repeat(300), ' '.repeat(1_200_000), ' '.repeat(300) + '\r']) {
    const source = `# Storm\n\nThe storm hit the coast on Monday.\n${blank}\nExperts say the storm was the worst in decades.\n`
    assert.equal(inspectText(source), undefined, JSON.stringify(blank.slice(0, 5)) + blank.length)
    const file = await lint(new VFile({path: 'storm.md', value: source}))
    assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['5:1 vague-attribution'])
  }
  // A line of text that long is still refused, and so is text indented that far.
  assert.match(inspectText('# T\n\n' + 'a'.repeat(1_000_001) + '\n')?.reason ?? '', /^Line 3 is 1,000,001 characters long/)
  assert.match(inspectText('# T\n\n' + ' '.repeat(300) + 'a\n')?.reason ?? '', /^Line 3 is indented 300 columns/)
})

/** `line:column-line:column rule-id` of each message. */
const places = (file: VFile) => file.messages.map((m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''} ${m.ruleId}`)

test('config `publisher`: the publisher of a whole archive citing itself is not a dangling outlet', async () => {
  const story = '# Talks stall\n\nA senior diplomat, Jan Kowalski, told Reuters the talks had stalled, and the BBC reported the same.\n'
  const outlets = async (options = {}) => (await lint(new VFile({path: 'talks.md', value: story}), options)).messages.filter((m) => m.ruleId === 'dangling-outlet').map((m) => m.reason)
  assert.deepEqual(await outlets(), ["Link to Reuters' report, or name the report in a Sources section", "Link to BBC's report, or name the report in a Sources section"])
  assert.deepEqual(await outlets({publisher: ['Reuters']}), ["Link to BBC's report, or name the report in a Sources section"])
  // One name, and a name in another language of the same outlet.
  assert.deepEqual(await outlets({publisher: 'رويترز'}), ["Link to BBC's report, or name the report in a Sources section"])
  // The rule's option still turns it off.
  assert.equal((await outlets({publisher: ['Reuters'], rules: {'dangling-outlet': ['warn', {allowPublisher: false}]}})).length, 2)
  await assert.rejects(lint(story, {publisher: [5] as unknown as string[]}), /`publisher` must be the name of the outlet/)
})

test('spans are whole: a number in words, an outlet with a longer name', async () => {
  const en = await lint(new VFile({path: 'plant.md', value: '# Plant\n\nThe company hired twenty-three new workers at the plant this year.\n\nSales rose twenty-five percent at the plant last year.\n'}))
  assert.deepEqual(en.messages.map((m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? m.place.end.column : ''} ${m.actual}`), ['3:19-31 twenty-three', '5:12-31 twenty-five percent'])
  const ar = await lint(new VFile({path: 'plant.md', value: '# المصنع\n\nوظفت الشركة ثلاثة وعشرين عاملا جديدا في المصنع هذا العام.\n'}))
  assert.deepEqual(ar.messages.map((m) => m.actual), ['ثلاثة وعشرين'])
  const faz = await lint(new VFile({path: 'faz.md', value: '# Talks\n\nThe minister told the Frankfurter Allgemeine Sonntagszeitung that the talks had stalled.\n'}))
  assert.deepEqual(faz.messages.map((m) => [m.actual, m.reason]), [['Frankfurter Allgemeine Sonntagszeitung', "Link to Frankfurter Allgemeine Sonntagszeitung's report, or name the report in a Sources section"]])
})

test('a broken frontmatter: the reason in full, at its place in the file', async () => {
  const file = await lint(new VFile({path: 'storm.md', value: '---\ntitle: "Storm\nlang: en\n---\n\n# Storm\n\nThe storm hit the coast.\n'}))
  assert.deepEqual(places(file), ['3:9- frontmatter'])
  assert.equal(file.messages[0].reason, 'Cannot read the frontmatter: missing closing "quote; fix the YAML between the `---` lines (until then its title, lang and publisher are not read)')
})

test('template syntax: what is hidden and what stays text', () => {
  const hidden = (text: string, mdx = false) => findTemplateSyntax(text, {mdx}).map(([start, end]) => text.slice(start, end))
  assert.deepEqual(hidden('A {{< figure src="a.jpg" caption="\\"x\\"" >}} and {{% note %}}Prose.{{% /note %}}'), ['{{< figure src="a.jpg" caption="\\"x\\"" >}}', '{{% note %}}', '{{% /note %}}'])
  assert.deepEqual(hidden('{% include a.html %} by {{ page.author | upcase }}'), ['{% include a.html %}', '{{ page.author | upcase }}'])
  assert.deepEqual(hidden('x\n{% highlight js %}\nvar a = "q"\n{% endhighlight %}\ny'), ['{% highlight js %}\nvar a = "q"\n{% endhighlight %}'])
  assert.deepEqual(hidden('[ad_1] [youtube https://youtu.be/x] [caption id="a1" width="300"]Text[/caption] [embed]https://x.com/a[/embed]'), ['[ad_1]', '[youtube https://youtu.be/x]', '[caption id="a1" width="300"]', '[/caption]', '[embed]https://x.com/a[/embed]'])
  // An editor's insertions, links, references, footnotes and task items stay as they are.
  assert.deepEqual(hidden('"He [the minister] said [sic] it" [text](https://a.b) [text][ref] [ref]: https://a.b [^1] - [x] done ![alt](a.png)'), [])
  // Attribute lists; MDX statements and expressions only in MDX.
  assert.deepEqual(hidden('## Title {#title}\n\nText.\n{: .lead}'), ['{#title}', '{: .lead}'])
  assert.deepEqual(hidden('import A from "a"\n\nThe {props.count} votes {"a}"}.'), [])
  assert.deepEqual(hidden('import A from "a"\nexport const b = {c: 1}\n\nThe {props.count} votes {"a}"}.', true), ['import A from "a"\nexport const b = {c: 1}\n', '{props.count}', '{"a}"}'])
  // Frontmatter is never touched; an unclosed opener hides nothing.
  assert.deepEqual(hidden('---\ntitle: "{{ x }}"\n---\n\nText {{ unclosed'), [])
  // Hiding keeps length and line endings.
  const text = 'a {{< x\ny >}} b\r\nc'
  const out = hideSpans(text, findTemplateSyntax(text))
  assert.equal(out.length, text.length)
  assert.equal(out.replace(new RegExp(HIDDEN, 'gu'), '#'), 'a #####\n##### b\r\nc')
})

test('raw HTML: links count as links, a reference section opened in HTML is not story text', async () => {
  const linked = await lint(new VFile({path: 'flood.md', value: '# Flood\n\n<p>The toll rose to 500, according to <a href="https://www.reuters.com/world/flood-1">Reuters</a>.</p>\n\nThe toll rose, according to <a href="https://www.bbc.com/news/1">the BBC</a>.\n\n<p>The toll rose, AFP reported.</p>\n'}))
  assert.deepEqual(places(linked), ['7:19-7:22 dangling-outlet'])
  const cited = await lint(new VFile({path: 'pantry.md', value: '# Pantry\n\n<p>The pantry served 1,200 students, its director said.</p>\n<h3>Works Cited</h3>\n<ul><li>Smith, J. &#8220;Hunger on Campus: Why Students Skip Meals.&#8221; 2021.</li><li>&#8220;Food Insecurity Rises to 40 Percent.&#8221; Reuters, 2022.</li></ul>\n'}))
  assert.deepEqual(places(cited), [])
})

test('raw HTML of markup alone (a <br>, a comment, a closing tag) gives no block', async () => {
  const {readHtml} = await import('../src/model/html-text.js')
  const html = '<br>\n<!-- "a quote" -->\n</div>'
  assert.deepEqual(readHtml(html, 0, html.length, html, new Map()), [])
})

test('promo in raw HTML: a run of <p> promo lines is one run with its fix; no fix removes a line it shares with the story', async () => {
  const own = '# Flood\n\n<p>The river rose 4 metres in six hours, the national weather service said on Monday.</p>\n<p>Read more: Storm batters the coast for a second day</p>\n<p>Read more: Ten tips for driving on flooded roads</p>\n<p>Follow us on Facebook and Twitter for the latest news.</p>\n'
  const fixed = await lint(new VFile({path: 'flood.md', value: own}), {fix: true})
  assert.equal(String(fixed.value), '# Flood\n\n<p>The river rose 4 metres in six hours, the national weather service said on Monday.</p>\n')
  const shared = own.replace('</p>\n<p>Read more: Storm', '</p><p>Read more: Storm')
  const file = await lint(new VFile({path: 'flood.md', value: shared}))
  assert.deepEqual(places(file), ['3:93-5:58 promo-block'])
  assert.equal((file.messages[0] as unknown as {fix?: unknown}).fix, undefined)
})
