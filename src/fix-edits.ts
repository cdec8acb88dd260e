/**
 * What a `--fix` changed, as edits on the original text: fixes are applied in passes (the
 * text is linted again after each), so the edits of a later pass are in the offsets of the
 * text the earlier passes left. `composeEdits` turns them back into edits of the original
 * text, which is what an editor or a CMS shows ("these lines will be removed") and what a
 * client can apply itself.
 */
import type {Fix} from './rule.js'

/** An edit of the original text: replace [start, end) with `text`. */
export type TextEdit = Fix

/** Edits sorted by start, overlapping or touching ones merged (their texts taken from `result`). */
function merge(ranges: Array<{start: number; end: number}>): Array<{start: number; end: number}> {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: Array<{start: number; end: number}> = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({...range})
  }
  return merged
}

const delta = (edit: Fix) => edit.text.length - (edit.end - edit.start)

/**
 * The edits of the original text that the two passes make together. `earlier` are edits of
 * the original (sorted, disjoint); they made `middle`. `later` are edits of `middle`
 * (disjoint), which made `result`. Edits that overlap or touch are merged into one, whose
 * text is what `result` holds there; applying the returned edits to the original gives
 * `result` exactly.
 */
export function composeEdits(earlier: readonly Fix[], laterEdits: readonly Fix[], result: string): TextEdit[] {
  // An edit made twice (two messages with the same fix) was made once.
  const seen = new Set<string>()
  const later = laterEdits.filter((edit) => {
    const key = `${edit.start},${edit.end},${edit.text}`
    return !seen.has(key) && Boolean(seen.add(key))
  })
  /** The offset in the original of the offset `at` of `middle`; inside an inserted text, its edit's start or end. */
  const toOriginal = (at: number, side: 'start' | 'end'): number => {
    let shift = 0
    for (const edit of earlier) {
      const start = edit.start + shift
      if (at <= start) break
      const end = start + edit.text.length
      if (at < end || (at === end && side === 'start' && edit.text.length)) return side === 'start' ? edit.start : edit.end
      shift += delta(edit)
    }
    return at - shift
  }
  const mapped = later.map((edit) => ({start: toOriginal(edit.start, 'start'), end: Math.max(toOriginal(edit.end, 'end'), toOriginal(edit.start, 'start'))}))
  const ranges = merge([...earlier.map(({start, end}) => ({start, end})), ...mapped])
  // The offset in `result` of a bound of a merged range: the bound is inside no edit, so it
  // moves by the edits before it (for an end bound, also those that touch it from inside).
  const inResult = (bound: number, side: 'start' | 'end'): number => {
    let at = bound
    for (const edit of earlier) if (side === 'start' ? edit.end < bound : edit.start <= bound) at += delta(edit)
    let shift = 0
    for (const edit of later) if (side === 'start' ? edit.end < at : edit.start <= at) shift += delta(edit)
    return at + shift
  }
  return ranges.map(({start, end}) => ({start, end, text: result.slice(inResult(start, 'start'), inResult(end, 'end'))}))
}
