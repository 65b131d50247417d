import { unitDot, type WordCosine } from '../../embeddings/create-word-similarity.js';
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

/** The word's id if it has one, else -1 (a question's word no sentence has: looked up without growing the table). */
export function knownWordId(word: string): number {
  return ids.get(word) ?? -1;
}

// A row grows to hold ids up to this many (256 KB of doubles); a cosine with a rarer word beyond it is computed each time.
const ROW_IDS = 32_768;

// Each cosine function's unit vectors by word id (null for a word it lacks), so a new pair costs a dot product, not two lookups by string.
const unitsByCosine = new WeakMap<WordCosine, Array<Float64Array | null | undefined>>();

/** One question word's cosines with other words by id, each computed once, on first use. */
export class SimilarityRow {
  private values = new Float64Array(0);
  private readonly vector: Float64Array | null | undefined;
  private readonly units: Array<Float64Array | null | undefined> | undefined;

  constructor(private readonly word: string, private readonly cosine: WordCosine) {
    if (cosine.unit) {
      this.vector = cosine.unit(word);
      let units = unitsByCosine.get(cosine);
      if (!units) unitsByCosine.set(cosine, (units = []));
      this.units = units;
    }
  }

  /** Cosine of this row's word with the word of `id`. */
  at(id: number): number {
    if (id >= this.values.length) {
      if (id >= ROW_IDS) return this.compute(id);
      const grown = new Float64Array(Math.min(ROW_IDS, Math.max(1024, 2 * id))).fill(NaN);
      grown.set(this.values);
      this.values = grown;
    }
    let value = this.values[id]!;
    // NaN marks a cosine not yet computed.
    if (value !== value) this.values[id] = value = this.compute(id);
    return value;
  }

  /** The highest cosine of this row's word with a word of `ids` (0 at least): one call per sentence, so no number is boxed per word. */
  maxOver(ids: Int32Array): number {
    let best = 0;
    for (let j = 0; j < ids.length; j += 1) best = Math.max(best, this.at(ids[j]!));
    return best;
  }

  /** The cosine function's own arithmetic (the same word is 1, a word it lacks 0), reading unit vectors by id when it gives them. */
  private compute(id: number): number {
    const { units, cosine } = this;
    if (!units || !cosine.unit) return cosine(this.word, words[id]!);
    if (words[id] === this.word) return 1;
    let y = units[id];
    if (y === undefined) units[id] = y = cosine.unit(words[id]!);
    return this.vector && y ? unitDot(this.vector, y) : 0;
  }
}

// Most questions share words with earlier ones: rows are kept across questions, at most ROWS of them per cosine function.
const ROWS = 256;
const rowsByCosine = new WeakMap<WordCosine, BoundedCache<string, SimilarityRow>>();

/** The cosine row of a question word, kept across questions. */
export function similarityRow(word: string, cosine: WordCosine): SimilarityRow {
  let rows = rowsByCosine.get(cosine);
  if (!rows) rowsByCosine.set(cosine, (rows = new BoundedCache(ROWS, () => 1)));
  return rows.get(word, () => new SimilarityRow(word, cosine));
}
