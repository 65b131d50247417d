/**
 * A least-recently-used cache bounded by the total weight of its values (the postings a term holds), not by how many it holds:
 * a store keeps what queries reuse in memory and reads the rest from disk again.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private held = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /** The cached value, or the one `load` returns, kept for next time; the oldest entries make room (never the new one). */
  get(key: K, load: (key: K) => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Re-inserting moves a hit to the back, so the front is always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const value = load(key);
    this.entries.set(key, value);
    this.held += this.weigh(value);
    for (const [oldKey, oldValue] of this.entries) {
      if (this.held <= this.capacity || oldKey === key) break;
      this.entries.delete(oldKey);
      this.held -= this.weigh(oldValue);
    }
    return value;
  }
}
