import { BoundedCache } from '../../indexing/bounded-cache.js';

// Words as small integers, for the life of the process (the words of the sentences ranked, a corpus's vocabulary at most).
const ids = new Map<string, number>();
const words: string[] = [];

/** The word's integer id (a new one on first sight), so its cosines with question words sit in typed arrays by id. */
export function wordId(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = words.length;
    ids.set(word, id);
    words.push(word);
  }
  return id;
}

// A row grows to hold ids up to this many (256 KB of doubles); a cosine with a rarer word beyond it is computed each time.
const ROW_IDS = 32_768;

/** One question word's cosines with other words by id, each computed once, on first use. */
export class SimilarityRow {
  private values = new Float64Array(0);

  constructor(private readonly word: string, private readonly cosine: (a: string, b: string) => number) {}

  /** Cosine of this row's word with the word of `id`. */
  at(id: number): number {
    if (id >= this.values.length) {
      if (id >= ROW_IDS) return this.cosine(this.word, words[id]!);
      const grown = new Float64Array(Math.min(ROW_IDS, Math.max(1024, 2 * id))).fill(NaN);
      grown.set(this.values);
      this.values = grown;
    }
    let value = this.values[id]!;
    // NaN marks a cosine not yet computed.
    if (value !== value) this.values[id] = value = this.cosine(this.word, words[id]!);
    return value;
  }
}

// Most questions share words with earlier ones: rows are kept across questions, at most ROWS of them per cosine function.
const ROWS = 256;
const rowsByCosine = new WeakMap<(a: string, b: string) => number, BoundedCache<string, SimilarityRow>>();

/** The cosine row of a question word, kept across questions. */
export function similarityRow(word: string, cosine: (a: string, b: string) => number): SimilarityRow {
  let rows = rowsByCosine.get(cosine);
  if (!rows) rowsByCosine.set(cosine, (rows = new BoundedCache(ROWS, () => 1)));
  return rows.get(word, () => new SimilarityRow(word, cosine));
}
