/**
 * Template and shortcode syntax is not text (RULES.md, "Markup as content repositories keep
 * it"). Content repositories write it into their markdown: Hugo `{{< figure src="…" >}}` and
 * `{{% note %}}`, Liquid `{% include … %}` and `{{ page.title }}`, WordPress `[youtube …]`,
 * `[caption id="…"]…[/caption]` and `[ad_1]`, MDX `import` lines and `{expressions}`, kramdown
 * attribute lists `{: .lead}`. Read as prose, their parameters were quotes with no speaker and
 * their embeds promo; a shortcode in a reference definition broke the definition.
 *
 * `hideTemplateSyntax` (a unified plugin, right behind the parser) hands the parser the file
 * with each such span blanked out: every code unit but line endings replaced by HIDDEN, so the
 * text keeps its length and lines and every position stays the file's. HIDDEN is a private-use
 * character, neither space nor punctuation to markdown: a blanked span never starts a block or
 * an indented code block, and a shortcode as a link's destination stays one destination. The
 * article model drops HIDDEN from the text it reads (src/model/blocks.ts). The prose a paired
 * shortcode wraps (`{{% callout %}}…{{% /callout %}}`) stays text; what an embed or a code
 * shortcode wraps (`{{< highlight >}}…`, `[embed]URL[/embed]`) is hidden with it. Frontmatter
 * is never touched. The file itself (`file.value`) is unchanged: reports quote it, fixes edit it.
 *
 * The scan is one pass; a span's end is looked for at most MAX_SPAN characters ahead, so a file
 * of unclosed `{{` costs no more than a linear pass each.
 */
import type {Processor} from 'unified'
import type {VFile} from 'vfile'

/** What a hidden code unit is replaced by (U+E000, private use: no markdown meaning, no word). */
export const HIDDEN = '\uE000'
export const HIDDEN_CODE = 0xe000

/** The longest template span looked for (a Hugo figure with a long caption is a few hundred characters). */
const MAX_SPAN = 4096
/** The longest region a code or embed shortcode wraps that is hidden with it. */
const MAX_WRAPPED = 20_000

/** Where the parser's text is kept when it differs from the file's. */
const PARSED = 'attributionLintParsed'

/** The text the parser read: the file's, with template syntax hidden (the file's own when it has none). */
export function parsedText(file: VFile): string {
  const kept = (file.data as Record<string, unknown>)[PARSED]
  return typeof kept === 'string' ? kept : String(file.value ?? '')
}

// Paired tags whose content is code or an embed's address, not prose: hidden with their tags.
// Hugo and Liquid (highlight, raw, comment), WordPress and Jetpack embeds.
const WRAPS_NO_PROSE = new Set([
  'highlight', 'code', 'sourcecode', 'raw', 'comment', 'gist', 'tweet', 'twitter', 'x', 'youtube', 'vimeo', 'instagram', 'embed',
  'video', 'audio', 'playlist', 'gallery', 'soundcloud', 'spotify', 'googlemaps', 'iframe', 'facebook', 'tiktok', 'math', 'katex', 'mermaid', 'chart'
])

// WordPress shortcodes with a bare name and no attributes ("[gallery]", "[youtube URL]"): those of
// WordPress core, Jetpack and common plugins. Any other bracketed word stays text: "[sic]", "[the
// company]" are an editor's insertions. Names with `_`, `-` or a digit ("[ad_1]",
// "[contact-form-7]"), a tag with attributes ("[caption id=…]") and a closing tag ("[/note]") are
// shortcodes whatever their name.
const WORDPRESS_NAMES = new Set([
  'embed', 'caption', 'gallery', 'audio', 'video', 'playlist', 'youtube', 'vimeo', 'tweet', 'twitter', 'instagram', 'soundcloud',
  'spotify', 'facebook', 'googlemaps', 'gist', 'code', 'sourcecode', 'ad', 'ads', 'adsense', 'advert', 'related', 'toc', 'pullquote',
  'quote', 'blockquote', 'note', 'callout', 'box', 'alert', 'button', 'divider', 'clear', 'columns', 'column', 'one_half', 'tabs', 'tab',
  'accordion', 'toggle', 'dropcap', 'highlight', 'map', 'polldaddy', 'poll', 'scribd', 'slideshare', 'ted', 'wpvideo', 'recipe', 'contact-form'
])

export interface HideOptions {
  /** The file is MDX: `import`/`export` lines and `{expressions}` are code too. */
  mdx?: boolean
}

/** Where a file's frontmatter ends (`---` … `---`, or Hugo's TOML `+++` … `+++`), or 0. */
function frontmatterEnd(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const fence = text.startsWith('---', start) ? '---' : text.startsWith('+++', start) ? '+++' : ''
  if (!fence || !/^[ \t]*\r?\n/u.test(text.slice(start + 3, start + 10))) return 0
  const close = new RegExp(`\\n(?:${fence === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r?\\n|$)`, 'u').exec(text.slice(start))
  return close ? start + close.index + close[0].length : 0
}

/** Spans of template and shortcode syntax in `text`, in order, as [start, end) pairs. */
export function findTemplateSyntax(text: string, options: HideOptions = {}): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const from = frontmatterEnd(text)
  // Cheap exits: no brace, no bracket, no MDX statement, nothing to look at.
  if (!options.mdx && text.indexOf('{', from) === -1 && text.indexOf('[', from) === -1) return spans
  let lineStart = true
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10 || code === 13) {
      lineStart = true
      continue
    }
    const atLineStart = lineStart
    if (code !== 32 && code !== 9) lineStart = false
    if (options.mdx && atLineStart && (code === 105 || code === 101) /* i e */) {
      const end = esmEnd(text, i)
      if (end > i) {
        spans.push([i, end])
        i = end - 1
        continue
      }
    }
    if (code === 123 /* { */) {
      const end = braceSpan(text, i, options)
      if (end > i) {
        const wrapped = wrappedEnd(text, i, end)
        spans.push([i, wrapped])
        i = wrapped - 1
      }
    } else if (code === 91 /* [ */) {
      const end = wordpressTag(text, i)
      if (end > i) {
        const wrapped = wordpressWrappedEnd(text, i, end)
        spans.push([i, wrapped])
        i = wrapped - 1
      }
    }
  }
  return spans
}

/** The end of a template span opening at the `{` at `i`, or -1. */
function braceSpan(text: string, i: number, options: HideOptions): number {
  const next = text.charCodeAt(i + 1)
  const limit = Math.min(text.length, i + MAX_SPAN)
  if (next === 123 /* {{ */) {
    const third = text.charCodeAt(i + 2)
    // Hugo {{< … >}} and {{% … %}}, Go and Liquid {{ … }}.
    const close = third === 60 ? '>}}' : third === 37 ? '%}}' : '}}'
    const end = text.indexOf(close, i + 2)
    return end !== -1 && end + close.length <= limit ? end + close.length : -1
  }
  if (next === 37 /* {% */) {
    const end = text.indexOf('%}', i + 2)
    return end !== -1 && end + 2 <= limit ? end + 2 : -1
  }
  // kramdown and Hugo attribute lists: {: .lead}, {#anchor}, {.class #id}.
  if (next === 58 || ((next === 35 || next === 46) && /^\{[#.][\w-]/u.test(text.slice(i, i + 3)))) {
    const end = text.indexOf('}', i + 1)
    const newline = text.indexOf('\n', i)
    return end !== -1 && (newline === -1 || end < newline) ? end + 1 : -1
  }
  if (options.mdx) return expressionEnd(text, i, limit)
  return -1
}

/** The end of an MDX `{expression}` at `i`: braces balanced, strings and template literals skipped; -1 when unbalanced. */
function expressionEnd(text: string, i: number, limit: number): number {
  let depth = 0
  for (let k = i; k < limit; k++) {
    const code = text.charCodeAt(k)
    if (code === 34 || code === 39 || code === 96 /* " ' ` */) {
      const close = text.indexOf(String.fromCharCode(code), k + 1)
      if (close === -1 || close >= limit) return -1
      k = close
    } else if (code === 123) {
      depth++
    } else if (code === 125) {
      depth--
      if (depth === 0) return k + 1
    }
  }
  return -1
}

/** The end of an MDX `import …` / `export …` statement starting a line at `i` (up to the next blank line), or -1. */
function esmEnd(text: string, i: number): number {
  if (!/^(?:import|export)[\s{*]/u.test(text.slice(i, i + 7))) return -1
  const blank = /\n[ \t]*(?:\r?\n|$)/u.exec(text.slice(i, i + MAX_WRAPPED))
  return blank ? i + blank.index + 1 : Math.min(text.length, i + MAX_WRAPPED)
}

/** The name of the template tag `text[start, end)` ("highlight" of `{{< highlight go >}}`), '' when none. */
function tagName(tag: string): {name: string; closing: boolean} {
  const m = /^(?:\{\{[<%]|\{%-?|\[)\s*(\/?)\s*([A-Za-z][\w-]*)/u.exec(tag)
  return m ? {name: m[2].toLowerCase(), closing: m[1] === '/'} : {name: '', closing: false}
}

/** Where a span that opens a code or embed shortcode ends with its closing tag, else `end`. */
function wrappedEnd(text: string, start: number, end: number): number {
  const {name, closing} = tagName(text.slice(start, end))
  if (!name || closing || !WRAPS_NO_PROSE.has(name)) return end
  const open = text.slice(start, start + 3)
  // The closing tag in the same syntax: {{< /highlight >}}, {% endhighlight %}, {% endraw %}.
  const pattern = open === '{{<' ? `\\{\\{<\\s*/\\s*${name}\\s*>\\}\\}` : open === '{{%' ? `\\{\\{%\\s*/\\s*${name}\\s*%\\}\\}` : open.startsWith('{%') ? `\\{%-?\\s*end${name}\\s*-?%\\}` : ''
  if (!pattern) return end
  const close = new RegExp(pattern, 'u').exec(text.slice(end, end + MAX_WRAPPED))
  return close ? end + close.index + close[0].length : end
}

/** The end of a WordPress shortcode tag at the `[` at `i` (`[ad_1]`, `[caption id="1"]`, `[/caption]`), or -1. */
function wordpressTag(text: string, i: number): number {
  const m = /^\[(\/?)([a-z][a-z\d_-]*)((?:\s[^\][\n]*)?)\]/u.exec(text.slice(i, i + 1024))
  if (!m) return -1
  const end = i + m[0].length
  const after = text.charCodeAt(end)
  const before = text.charCodeAt(i - 1)
  // A markdown link, reference, definition or image: [text](url), [text][label], [label]: url, ![alt].
  if (after === 40 || after === 91 || after === 58 || before === 33 || before === 93 || before === 92) return -1
  const [, slash, name, rest] = m
  if (slash) return end
  if (/\s[\w-]+\s*=/u.test(rest)) return end
  if (/[_\d]|-/u.test(name) && !rest) return end
  // A known name alone, or with an address: [gallery], [youtube https://…].
  if (WORDPRESS_NAMES.has(name) && (!rest.trim() || /^\s+\S+:\/\/\S+\s*$/u.test(rest))) return end
  return -1
}

/** Where a WordPress embed wrapping an address ends with its closing tag ([embed]URL[/embed]), else `end`. */
function wordpressWrappedEnd(text: string, start: number, end: number): number {
  const {name, closing} = tagName(text.slice(start, end))
  if (!name || closing || !WRAPS_NO_PROSE.has(name)) return end
  const close = text.indexOf(`[/${name}]`, end)
  return close !== -1 && close - end <= MAX_WRAPPED ? close + name.length + 3 : end
}

/** `text` with the given spans hidden: each code unit but CR and LF replaced by HIDDEN. */
export function hideSpans(text: string, spans: ReadonlyArray<[number, number]>): string {
  if (!spans.length) return text
  const parts: string[] = []
  let at = 0
  for (const [start, end] of spans) {
    parts.push(text.slice(at, start))
    parts.push(text.slice(start, end).replace(/[^\r\n]/gu, HIDDEN))
    at = end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/**
 * unified plugin, used behind the parser (and before the input guard, which reads the file as
 * it is): the parser reads the file with its template syntax hidden, kept in `file.data` for
 * the article model. MDX files (`.mdx`) also have their `import`/`export` lines and
 * `{expressions}` hidden.
 */
export function hideTemplateSyntax(this: Processor) {
  const parse = this.parser
  if (!parse) throw new Error('hideTemplateSyntax must be used after a parser (remark-parse)')
  this.parser = (document, file) => {
    const mdx = /\.mdx$/iu.test(file.path ?? '')
    const spans = findTemplateSyntax(document, {mdx})
    if (!spans.length) return parse(document, file)
    const hidden = hideSpans(document, spans)
    ;(file.data as Record<string, unknown>)[PARSED] = hidden
    return parse(hidden, file)
  }
}
