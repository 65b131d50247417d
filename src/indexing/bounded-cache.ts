/**
 * A least-recently-used cache bounded by the total weight of its values (the postings a term holds), not by how many it holds:
 * a store keeps what queries reuse in memory and reads the rest from disk again. Least recently used goes first, to within
 * half the cache (see peek).
 */
export class BoundedCache<K, V> {
  // Each entry keeps the stamp of its last move to the back; the Map's order is the order of those moves.
  private readonly entries = new Map<K, { value: V; stamp: number }>();
  private held = 0;
  private stamp = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /** The cached value, or the one `load` returns, kept for next time; the oldest entries make room (never the new one). */
  get(key: K, load: (key: K) => V): V {
    const found = this.peek(key);
    if (found !== undefined) return found;
    const value = load(key);
    this.put(key, value);
    return value;
  }

  /** The cached value, if any, now counted as the most recently used. */
  peek(key: K): V | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    // Re-inserting moves a hit to the back, so the front is the least recently used. A hit among the more recent
    // half is left where it is: it is not near eviction, and a Map delete and insert on every hit cost more than
    // the lookup itself (the hot path of retrieval). Eviction order is then LRU to within half the cache.
    // Under half full, nothing is near eviction either: no hit is moved until the cache fills past half.
    if (this.held * 2 > this.capacity && found.stamp <= this.stamp - this.entries.size / 2) {
      this.entries.delete(key);
      found.stamp = ++this.stamp;
      this.entries.set(key, found);
    }
    return found.value;
  }

  /** Keeps a value (replacing any under its key); the oldest entries make room, never this one. */
  put(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.held -= this.weigh(old.value);
    }
    this.entries.set(key, { value, stamp: ++this.stamp });
    this.held += this.weigh(value);
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.held <= this.capacity || oldKey === key) break;
      this.entries.delete(oldKey);
      this.held -= this.weigh(oldEntry.value);
    }
  }

  /** The values of some keys: cached ones at once, the missing ones loaded together (one read) and kept. */
  getMany(keys: K[], loadMissing: (missing: K[]) => Map<K, V>): Map<K, V> {
    const found = new Map<K, V>();
    const missing = new Set<K>();
    for (const key of keys) {
      if (found.has(key) || missing.has(key)) continue;
      const value = this.peek(key);
      if (value === undefined) missing.add(key);
      else found.set(key, value);
    }
    if (missing.size) {
      for (const [key, value] of loadMissing([...missing])) {
        this.put(key, value);
        found.set(key, value);
      }
    }
    return found;
  }
}
