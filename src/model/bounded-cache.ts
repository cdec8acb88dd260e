/**
 * A Map that empties itself when it is full. The model keeps per-word and per-host results
 * across files (news repeats its words), and a file of endless distinct words must not grow
 * such a cache without end.
 */
export class BoundedCache<K, V> extends Map<K, V> {
  readonly limit: number

  constructor(limit = 50_000) {
    super()
    this.limit = limit
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear()
    return super.set(key, value)
  }
}
