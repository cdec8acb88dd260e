/**
 * Fixes: text edits on the original source, never a re-serialisation of the tree, so every
 * byte a fix does not touch stays identical.
 *
 * A message carries a fix as `message.fix = {start, end, text}`: replace the source between
 * the offsets `start` (inclusive) and `end` (exclusive), in UTF-16 code units of the source
 * string as the file was read, with `text`. Only messages that carry a fix change anything,
 * and only those left after `<!-- attribution-lint disable … -->` filtering, since
 * `applyFixes` is given the file's final messages.
 */
import type {Fix} from './rule.js'

export interface FixResult<Message> {
  /** The source with the edits applied (the same string when nothing applied). */
  output: string
  /** The messages whose fix was applied, in source order. */
  applied: Message[]
  /** The messages whose fix was skipped: overlapping an earlier edit, or out of range. */
  skipped: Message[]
}

function fixOf(message: unknown): Fix | undefined {
  const fix = (message as {fix?: unknown} | null)?.fix as Partial<Fix> | undefined
  if (!fix || typeof fix !== 'object') return undefined
  if (!Number.isInteger(fix.start) || !Number.isInteger(fix.end) || typeof fix.text !== 'string') return undefined
  return fix as Fix
}

/** Whether an offset falls between the two halves of a surrogate pair. */
function splitsPair(source: string, offset: number): boolean {
  if (offset <= 0 || offset >= source.length) return false
  const before = source.charCodeAt(offset - 1)
  const after = source.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/**
 * Apply the fixes of `messages` to `source`: sorted by position, an edit that overlaps one
 * already taken is skipped (the first in source order wins; identical edits are applied
 * once), as is an edit outside the source or splitting a character. Deterministic, and
 * nothing outside the edited ranges changes.
 */
export function applyFixes<Message>(source: string, messages: Iterable<Message>): FixResult<Message> {
  const edits: Array<{fix: Fix; message: Message; index: number}> = []
  const skipped: Message[] = []
  let index = 0
  for (const message of messages) {
    const fix = fixOf(message)
    if (!fix) continue
    if (fix.start < 0 || fix.end < fix.start || fix.end > source.length || splitsPair(source, fix.start) || splitsPair(source, fix.end)) {
      skipped.push(message)
      continue
    }
    edits.push({fix, message, index: index++})
  }
  edits.sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end || a.index - b.index)

  const applied: Message[] = []
  const parts: string[] = []
  let cursor = 0
  let last: Fix | undefined
  for (const {fix, message} of edits) {
    if (last && fix.start === last.start && fix.end === last.end && fix.text === last.text) {
      applied.push(message) // the same edit, already made
      continue
    }
    // Overlap, or a second insertion at the point where the last edit ended (order unknown).
    const overlaps = last !== undefined && (fix.start < last.end || (fix.start === last.end && fix.start === fix.end && last.start === last.end))
    if (overlaps) {
      skipped.push(message)
      continue
    }
    parts.push(source.slice(cursor, fix.start), fix.text)
    cursor = fix.end
    last = fix
    applied.push(message)
  }
  if (!applied.length) return {output: source, applied, skipped}
  parts.push(source.slice(cursor))
  return {output: parts.join(''), applied, skipped}
}

/** How many times fixes are applied and the text linted again, at most, to reach text with nothing left to fix. */
export const MAX_FIX_PASSES = 10
