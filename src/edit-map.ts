/**
 * Keep remark-parse linear in the size of an article.
 *
 * micromark (4.0.3, the latest) is quadratic on a long document with many lists or block
 * quotes: each time a container ends before the next block (and on each lazy line), its
 * document tokenizer moves a few exit events with an `EditMap`, and `EditMap#consume` copies
 * every event of the document so far, although all the edits are within the last few events.
 * On the bench's long article that copying was 61% of the parse at 2 MB, and made a 10 MB
 * article take 23 times as long as a 1 MB one.
 *
 * `linearEditMap()` wraps `consume`: the events before the first edit stay where they are,
 * and the original `consume` runs on the rest only. Same events, same array, same order; the
 * cost follows what comes after the first edit instead of the whole document.
 */
import {EditMap} from 'micromark-util-edit-map'

type Events = Parameters<EditMap['consume']>[0]

/** The `consume` micromark ships, kept for `consumeTail` and for tests. */
export const originalConsume: EditMap['consume'] = EditMap.prototype.consume

/** `EditMap#consume`, touching only the events from the first edit on. */
export function consumeTail(this: EditMap, events: Events): undefined {
  let first = Infinity
  for (const change of this.map) if (change[0] < first) first = change[0]
  // Nothing to gain (or an edit past the end, which micromark never makes): the original.
  if (!(first > 0 && first <= events.length)) return originalConsume.call(this, events)
  for (const change of this.map) change[0] -= first
  const tail = events.slice(first)
  originalConsume.call(this, tail)
  events.length = first
  for (const event of tail) events.push(event)
  return undefined
}

/** Make micromark's `EditMap#consume` cost what follows the first edit (idempotent). */
export function linearEditMap(): void {
  EditMap.prototype.consume = consumeTail
}
