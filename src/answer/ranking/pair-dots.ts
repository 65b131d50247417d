/** What a kept pair is known by: the serial number its table gave each sentence (-1: not kept). */
export interface Enrolled { serial: number }

// Pairs among the first this many sentences of an index are kept: about 9 MB of doubles at most, 0.7 MB for 300.
const DEFAULT_LIMIT = 1536;

/**
 * Dot products of sentence pairs, each computed once per index: what two sentences share does not depend on the
 * question, and ranking and composing weigh the same pairs for every question (centrality, the same point). Kept in
 * a packed triangular array by serial number, grown as sentences enrol; sentences past the limit are computed each time.
 */
export class PairDots {
  private values = new Float64Array(0);
  private enrolled = 0;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** A serial number for a sentence the caller keeps for the index's life; -1 once the table is full. */
  enrol(): number {
    return this.enrolled < this.limit ? this.enrolled++ : -1;
  }

  /** The pair's dot product: kept, or `compute`d and kept (symmetric, so either order reads the same entry). */
  dot<T extends Enrolled>(a: T, b: T, compute: (a: T, b: T) => number): number {
    const i = Math.max(a.serial, b.serial);
    const j = Math.min(a.serial, b.serial);
    if (j < 0) return compute(a, b);
    const at = (i * (i + 1)) / 2 + j;
    if (at >= this.values.length) this.grow(at + 1);
    let value = this.values[at]!;
    // NaN marks a pair not yet computed.
    if (value !== value) this.values[at] = value = compute(a, b);
    return value;
  }

  private grow(needed: number): void {
    const size = Math.min((this.limit * (this.limit + 1)) / 2, Math.max(needed, 2 * this.values.length, 1024));
    const grown = new Float64Array(size).fill(NaN);
    grown.set(this.values);
    this.values = grown;
  }
}
