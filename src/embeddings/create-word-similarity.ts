import type { GloveVectors } from './glove-vectors.js';

/** Similarity (cosine, 0–1) of a word to its nearest word in a fixed vocabulary; 1 when it is in it. */
export type WordSimilarity = (word: string) => number;

function unitVector(vectors: GloveVectors, word: string): Float64Array | undefined {
  const row = vectors.rank(word) ?? vectors.rank(word.replace(/\./g, ''));
  if (row === undefined) return undefined;
  const vector = new Float64Array(vectors.dimensions);
  vectors.addTo(vector, row, 1);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return vector.map((value) => value / norm);
}

/**
 * Builds a nearest-word lookup over a vocabulary (e.g. every word of the corpus) from the GloVe
 * vectors, so "frontier" counts as covered by a corpus that says "border". Brute force: a corpus
 * has a few thousand distinct words, so one lookup is a few hundred thousand multiply-adds.
 */
export function createWordSimilarity(vectors: GloveVectors, vocabulary: Iterable<string>): WordSimilarity {
  const words = new Set(vocabulary);
  const rows: Float64Array[] = [];
  for (const word of words) {
    const vector = unitVector(vectors, word);
    if (vector) rows.push(vector);
  }
  const cache = new Map<string, number>();
  return (word) => {
    if (words.has(word)) return 1;
    let best = cache.get(word);
    if (best !== undefined) return best;
    best = 0;
    const query = unitVector(vectors, word);
    if (query) {
      for (const row of rows) {
        const dot = unitDot(query, row);
        if (dot > best) best = dot;
      }
    }
    cache.set(word, best);
    return best;
  };
}

/** Cosine of two unit vectors: their dot product. */
export function unitDot(x: Float64Array, y: Float64Array): number {
  let dot = 0;
  for (let d = 0; d < x.length; d += 1) dot += x[d]! * y[d]!;
  return dot;
}

/** Cosine of two words; `unit` gives the unit vector it takes the cosine of (null for a word it lacks). */
export type WordCosine = ((a: string, b: string) => number) & { unit?: (word: string) => Float64Array | null };

/** Cosine similarity of two words' GloVe vectors (0 when either is unknown), cached per word. */
export function createWordCosine(vectors: GloveVectors): WordCosine {
  // null marks a word GloVe lacks, so it is looked up once too.
  const cache = new Map<string, Float64Array | null>();
  const get = (word: string) => {
    let vector = cache.get(word);
    if (vector === undefined) cache.set(word, (vector = unitVector(vectors, word) ?? null));
    return vector;
  };
  const cosine = (a: string, b: string) => {
    if (a === b) return 1;
    const x = get(a);
    const y = get(b);
    return x && y ? unitDot(x, y) : 0;
  };
  return Object.assign(cosine, { unit: get });
}
