import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';
import type { AnswerType } from './question-analysis.js';
import type { PairDots } from './pair-dots.js';
import { wordId } from './word-similarity.js';

/** The answer types whose surface form a sentence is tested for (sentence-features.ts). */
export type FitType = Exclude<AnswerType, 'other'>;

// A sentence that leans on the one before it: it opens with a pronoun or a connective.
const DEPENDENT = /^\s*["“]?(this|that|these|those|it|its|they|their|he|his|she|her|such|additionally|moreover|also|however|but|yet|still|furthermore|besides|then|thus|therefore|instead|meanwhile|in addition|as a result|in short|after all|even so)\b/i;

/** Content stems of a text with their folded words, for alignment and centrality. */
export function contentWords(text: string): Array<{ word: string; stem: string }> {
  return tokenizeWords(text).filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)).map((word) => ({ word, stem: stemWord(word) }));
}

/** What ranking reads of a sentence that no question changes: prepared once per sentence (toCandidates keeps it). */
export interface PreparedSentence {
  words: Array<{ word: string; stem: string }>;
  /** wordId of each of `words`, in order. */
  ids: Int32Array;
  stems: ReadonlySet<string>;
  vector: Map<string, number>;
  /** The same unit stem vector as wordId-sorted arrays, for sentence-to-sentence cosines without lookups. */
  stemIds: Int32Array;
  stemValues: Float64Array;
  dependent: number;
  /** Whether the sentence has each answer type's surface form, tested on first use. */
  fits: Partial<Record<FitType, number>>;
  /** Its number in the index's table of pair cosines (-1 when it has none): set by whoever keeps the sentence. */
  serial: number;
  pairs?: PairDots;
}

/** Prepares a sentence's text for ranking against any question. */
export function prepareSentence(text: string, idf: (stem: string) => number): PreparedSentence {
  const words = contentWords(text);
  const vector = stemVector(words, idf);
  const sorted = [...vector].map(([stem, value]) => [wordId(stem), value] as const).sort((a, b) => a[0] - b[0]);
  return {
    words, ids: Int32Array.from(words, (w) => wordId(w.word)), stems: new Set(words.map((w) => w.stem)), vector,
    stemIds: Int32Array.from(sorted, ([id]) => id), stemValues: Float64Array.from(sorted, ([, value]) => value),
    dependent: DEPENDENT.test(text) ? 1 : 0, fits: {}, serial: -1,
  };
}

/** Whether the sentence has the stem of this wordId (a binary search of its sorted stem ids; -1 is no stem). */
export function hasStemId(sentence: PreparedSentence, id: number): boolean {
  // Its own search, not text/lower-bound.ts: that one compares strings, and sharing it with numbers made both call
  // sites polymorphic (measured: this test three times slower, on the ranking's hot path).
  const ids = sentence.stemIds;
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = ids[middle]!;
    if (at === id) return true;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Cosine of two prepared sentences' unit stem vectors: read from their index's table when both are in it. */
export function preparedCosine(a: PreparedSentence, b: PreparedSentence): number {
  return a.pairs && a.pairs === b.pairs ? a.pairs.dot(a, b, mergeCosine) : mergeCosine(a, b);
}

// A merge of the sorted stem ids, summing shared stems in id order (the order centrality's sums add them in too).
function mergeCosine(a: PreparedSentence, b: PreparedSentence): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.stemIds.length && j < b.stemIds.length;) {
    const x = a.stemIds[i]!;
    const y = b.stemIds[j]!;
    if (x === y) dot += a.stemValues[i++]! * b.stemValues[j++]!;
    else if (x < y) i += 1;
    else j += 1;
  }
  return dot;
}

/** IDF-weighted bag of stems, unit length, for sentence-to-sentence similarity. */
export function stemVector(words: Array<{ stem: string }>, idf: (stem: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const { stem } of words) vector.set(stem, (vector.get(stem) ?? 0) + idf(stem));
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [stem, value] of vector) vector.set(stem, value / norm);
  return vector;
}

/** Cosine of two unit stem vectors. */
export function stemCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [stem, value] of a) dot += value * (b.get(stem) ?? 0);
  return dot;
}
