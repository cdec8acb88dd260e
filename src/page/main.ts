/**
 * The editor page that `attribution-lint serve` serves at `/`: CodeMirror 6 with markdown, the
 * findings of POST api/lint as underlines (@codemirror/lint, re-linted as the editor types,
 * debounced) and as a list beside the text (click one to go to it; the rule name links to its
 * documentation), each paragraph right to left or left to right by its own text, a summary
 * line per rule with the ready-to-publish verdict, and a button that removes the promo blocks
 * through POST api/fix after showing what it will remove.
 *
 * No linting logic here: every finding, message and range comes from the service. URLs are
 * relative, so the page works behind a reverse proxy under any prefix.
 */
import {markdown} from '@codemirror/lang-markdown'
import {type Diagnostic, forceLinting, forEachDiagnostic, linter, lintGutter, setDiagnosticsEffect} from '@codemirror/lint'
import {type Extension, RangeSetBuilder, StateEffect, StateField} from '@codemirror/state'
import {Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate} from '@codemirror/view'
import {basicSetup} from 'codemirror'
import type {FixAnswer, LintAnswer} from '../serve/worker.js'

type ApiError = {error: {status: number; code: string; message: string}}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const summaryLine = $<HTMLParagraphElement>('summary')
const verdictLine = $<HTMLParagraphElement>('verdict')
const list = $<HTMLOListElement>('findings')
const emptyNote = $<HTMLParagraphElement>('findings-empty')
const promoButton = $<HTMLButtonElement>('remove-promo')
const preview = $<HTMLDivElement>('promo-preview')
const removals = $<HTMLOListElement>('removals')
const tokenForm = $<HTMLFormElement>('token-form')
const tokenInput = $<HTMLInputElement>('token')

const TOKEN_KEY = 'attribution-lint-token'

/** POST the text to the API; an error answer is thrown as its message. */
async function call<T>(route: 'api/lint' | 'api/fix', text: string): Promise<T> {
  const token = sessionStorage.getItem(TOKEN_KEY)
  const response = await fetch(route, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...(token ? {Authorization: `Bearer ${token}`} : {})},
    body: JSON.stringify({text, path: 'article.md'})
  })
  const body = (await response.json()) as T | ApiError
  if (response.status === 401) tokenForm.hidden = false
  if (!response.ok) throw new Error((body as ApiError).error?.message ?? `${response.status} ${response.statusText}`)
  return body as T
}

// ── Positions: the report's 1-based line and column (UTF-16 units) → editor offsets ──
function offsetOf(view: EditorView, line: number | null, column: number | null): number {
  const doc = view.state.doc
  if (!line) return 0
  if (line > doc.lines) return doc.length
  const at = doc.line(line)
  return Math.min(at.to, at.from + Math.max(0, (column ?? 1) - 1))
}

const SEVERITY: Record<string, Diagnostic['severity']> = {error: 'error', warning: 'warning', info: 'info'}

/** Each finding's rule docs URL, by diagnostic (for the list). */
const urls = new WeakMap<Diagnostic, string | null>()

let lastAnswer: LintAnswer | undefined

async function lintSource(view: EditorView): Promise<Diagnostic[]> {
  const text = view.state.doc.toString()
  if (!text.trim()) {
    lastAnswer = undefined
    showSummary(undefined, 'Paste or write the article in the editor.')
    return []
  }
  let answer: LintAnswer
  try {
    answer = await call<LintAnswer>('api/lint', text)
  } catch (error) {
    lastAnswer = undefined
    showSummary(undefined, `Not linted: ${(error as Error).message}`)
    return []
  }
  // The editor may have moved on while the request was out: its own lint comes next.
  if (view.state.doc.toString() !== text) return []
  lastAnswer = answer
  showSummary(answer)
  return answer.messages.map((message) => {
    const from = offsetOf(view, message.line, message.column)
    const to = Math.max(from, offsetOf(view, message.endLine ?? message.line, message.endColumn ?? message.column))
    const diagnostic: Diagnostic = {
      from,
      to,
      severity: SEVERITY[message.severity] ?? 'warning',
      source: message.ruleId ?? undefined,
      message: message.reason,
      markClass: `finding-${message.ruleId ?? 'other'}`
    }
    urls.set(diagnostic, message.url)
    return diagnostic
  })
}

// ── The summary line and the verdict ──
function showSummary(answer: LintAnswer | undefined, note?: string): void {
  if (!answer) {
    summaryLine.textContent = note ?? ''
    verdictLine.textContent = ''
    verdictLine.dataset.ready = ''
    promoButton.disabled = true
    return
  }
  const {summary} = answer
  summaryLine.textContent = summary.findings === 0
    ? 'No findings.'
    : `${summary.findings} ${summary.findings === 1 ? 'finding' : 'findings'}: ` + summary.perRule.map((rule) => `${rule.ruleId} ${rule.count}`).join(' · ')
  verdictLine.dataset.ready = String(summary.ready)
  const toReview = summary.warnings + summary.infos
  verdictLine.textContent = summary.ready
    ? `Ready to publish${toReview ? ` (no errors; ${toReview} ${toReview === 1 ? 'warning' : 'warnings'} to review)` : ''}`
    : `Not ready to publish: ${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'} to fix`
  promoButton.disabled = !summary.perRule.some((rule) => rule.ruleId === 'promo-block')
}

// ── The list beside the text: what is underlined, at its current place ──
function renderList(view: EditorView): void {
  const items: HTMLLIElement[] = []
  forEachDiagnostic(view.state, (diagnostic, from, to) => {
    const line = view.state.doc.lineAt(from)
    const item = document.createElement('li')
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'finding'
    button.dataset.severity = diagnostic.severity
    button.dataset.rule = diagnostic.source ?? ''
    button.dataset.from = String(from)
    button.dataset.to = String(to)
    const where = document.createElement('span')
    where.className = 'where'
    where.textContent = `Line ${line.number}, column ${from - line.from + 1} · `
    const rule = document.createElement('a')
    rule.className = 'rule'
    rule.textContent = diagnostic.source ?? 'attribution-lint'
    const url = urls.get(diagnostic)
    if (url) {
      rule.href = url
      rule.target = '_blank'
      rule.rel = 'noopener'
    }
    rule.addEventListener('click', (event) => event.stopPropagation())
    const message = document.createElement('span')
    message.className = 'message'
    message.dir = 'auto'
    message.textContent = diagnostic.message
    const actual = document.createElement('span')
    actual.className = 'actual'
    actual.dir = 'auto'
    actual.textContent = view.state.sliceDoc(from, Math.min(to, from + 160))
    button.append(where, rule, message, actual)
    button.addEventListener('click', () => {
      view.dispatch({selection: {anchor: from, head: to}, effects: EditorView.scrollIntoView(from, {y: 'center'})})
      view.focus()
    })
    item.append(button)
    items.push(item)
  })
  list.replaceChildren(...items)
  emptyNote.hidden = items.length > 0
  emptyNote.textContent = lastAnswer ? 'No findings.' : 'None yet.'
}

const findingsList = EditorView.updateListener.of((update: ViewUpdate) => {
  const changed = update.transactions.some((tr) => tr.effects.some((effect) => effect.is(setDiagnosticsEffect)))
  if (changed || update.docChanged) renderList(update.view)
})

// ── Direction per paragraph: a paragraph (lines up to a blank line) reads right to left when
// its first letter is Arabic (or another right-to-left script), else left to right; a blank
// line goes with the paragraph above it, so the caret stays on that side ──
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/
const STRONG = /[\p{L}]/u

function paragraphDirection(view: EditorView, lineNumber: number, cache: Map<number, 'rtl' | 'ltr'>): 'rtl' | 'ltr' {
  const doc = view.state.doc
  let start = lineNumber
  while (start > 1 && doc.line(start - 1).text.trim() && lineNumber - start < 200) start--
  const cached = cache.get(start)
  if (cached) return cached
  let direction: 'rtl' | 'ltr' = 'ltr'
  for (let n = start; n <= doc.lines && doc.line(n).text.trim(); n++) {
    const letter = STRONG.exec(doc.line(n).text)
    if (letter) {
      direction = RTL.test(letter[0]) ? 'rtl' : 'ltr'
      break
    }
  }
  cache.set(start, direction)
  return direction
}

function directions(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const cache = new Map<number, 'rtl' | 'ltr'>()
  for (const {from, to} of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos)
      builder.add(line.from, line.from, Decoration.line({attributes: {dir: paragraphDirection(view, line.number, cache)}}))
      pos = line.to + 1
    }
  }
  return builder.finish()
}

const paragraphDirections: Extension = [
  EditorView.perLineTextDirection.of(true),
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = directions(view)
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = directions(update.view)
      }
    },
    {decorations: (plugin) => plugin.decorations}
  )
]

// ── The promo-removal preview: the ranges /api/fix would remove, struck through until applied ──
const showRemovals = StateEffect.define<Array<{from: number; to: number}>>()
const removalMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes)
    for (const effect of tr.effects) {
      if (effect.is(showRemovals)) marks = Decoration.set(effect.value.filter((r) => r.to > r.from).map((r) => Decoration.mark({class: 'cm-to-remove'}).range(r.from, r.to)), true)
    }
    return marks
  },
  provide: (field) => EditorView.decorations.from(field)
})

let pendingFix: {text: string; answer: FixAnswer} | undefined

function closePreview(view: EditorView): void {
  pendingFix = undefined
  preview.hidden = true
  view.dispatch({effects: showRemovals.of([])})
}

async function previewPromoRemoval(view: EditorView): Promise<void> {
  const text = view.state.doc.toString()
  promoButton.disabled = true
  let answer: FixAnswer
  try {
    answer = await call<FixAnswer>('api/fix', text)
  } catch (error) {
    summaryLine.textContent = `Could not prepare the removal: ${(error as Error).message}`
    return
  } finally {
    promoButton.disabled = false
  }
  if (view.state.doc.toString() !== text) return
  pendingFix = {text, answer}
  removals.replaceChildren(...answer.removed.map((range) => {
    const item = document.createElement('li')
    const where = document.createElement('span')
    // The lines whose text goes (a range may also take the line break before or after them).
    const first = range.line + (range.text.startsWith('\n') ? 1 : 0)
    const last = range.endLine - (range.text.endsWith('\n') ? 1 : 0)
    where.textContent = last <= first ? `Line ${first}` : `Lines ${first}–${last}`
    const removed = document.createElement('span')
    removed.className = 'removed'
    removed.dir = 'auto'
    removed.textContent = range.text.replace(/^\n+|\n+$/g, '')
    item.append(where, removed)
    return item
  }))
  if (!answer.removed.length) removals.textContent = 'Nothing to remove.'
  preview.hidden = false
  view.dispatch({effects: showRemovals.of(answer.removed.map((range) => ({from: range.start, to: range.end})))})
}

function applyRemoval(view: EditorView): void {
  const pending = pendingFix
  closePreview(view)
  // Only onto the text the removal was computed for; anything typed since asks again.
  if (!pending || view.state.doc.toString() !== pending.text) return
  view.dispatch({changes: pending.answer.removed.map((range) => ({from: range.start, to: range.end, insert: range.replacement}))})
}

/** Lint again now, although the text did not change (a token was given). */
const lintAgain = StateEffect.define<null>()

// ── The editor ──
const view = new EditorView({
  parent: $<HTMLElement>('editor'),
  extensions: [
    basicSetup,
    markdown(),
    EditorView.lineWrapping,
    paragraphDirections,
    linter(lintSource, {delay: 400, needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((effect) => effect.is(lintAgain)))}),
    lintGutter(),
    findingsList,
    removalMarks,
    EditorView.updateListener.of((update) => {
      if (update.docChanged && pendingFix) closePreview(update.view)
    })
  ]
})

promoButton.addEventListener('click', () => void previewPromoRemoval(view))
$<HTMLButtonElement>('apply-removal').addEventListener('click', () => applyRemoval(view))
$<HTMLButtonElement>('cancel-removal').addEventListener('click', () => closePreview(view))
tokenForm.addEventListener('submit', (event) => {
  event.preventDefault()
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim())
  tokenForm.hidden = true
  view.dispatch({effects: lintAgain.of(null)})
  forceLinting(view)
})

// For integrations and the browser tests: the editor, to read its text and selection.
;(window as unknown as {attributionLint: {view: EditorView}}).attributionLint = {view}
view.focus()
