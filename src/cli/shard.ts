/**
 * `--shard <i>/<n>`: lint one of n parts of a run, for CI matrices (GitHub Actions
 * `strategy.matrix`, GitLab `parallel`).
 *
 * Every shard finds the same files, in the same order (sorted by path), and keeps a run of
 * consecutive ones: the k-th shard takes the files whose middle byte falls in the k-th n-th of
 * all the bytes. So the partition depends only on the paths and sizes of the files, not on the
 * machine or the order shards start in; each file is in exactly one shard; shards carry about
 * the same number of bytes (a shard is off 1/n by at most the largest file); and the shards'
 * reports, put one after the other in shard order, are the report of the whole run.
 */
export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** `i/n` with 1 ≤ i ≤ n, or undefined if `value` is not that. */
export function parseShard(value: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match) return undefined
  const [index, count] = [Number(match[1]), Number(match[2])]
  if (!Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined
  return {index, count}
}

/**
 * The items of `shard`, `items` being in the run's order and `sizes` their bytes. A file
 * weighs its bytes plus one, so that empty or unreadable files are spread too.
 */
export function selectShard<T>(items: readonly T[], sizes: readonly number[], shard: Shard): T[] {
  const weights = sizes.map((size) => Math.max(0, size) + 1)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const kept: T[] = []
  let before = 0
  for (const [k, item] of items.entries()) {
    const middle = before + weights[k] / 2
    before += weights[k]
    if (Math.min(shard.count - 1, Math.floor((middle * shard.count) / total)) === shard.index - 1) kept.push(item)
  }
  return kept
}
