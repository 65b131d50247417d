import type { GloveVectors } from '../embeddings/glove-vectors.js';
import { tokenizeWords } from '../text/tokenize-words.js';

/** Longest token sequence the meaning model reads; longer text is cut (a window of two sentences fits). */
export const MAX_TOKENS = 64;

/**
 * The meaning model's input: the text's folded words that have a GloVe vector, as vector rows, in order.
 * Training (bench/meaning) and inference call this one function, so both see the same tokens.
 */
export function meaningTokens(text: string, vectors: GloveVectors): number[] {
  const rows: number[] = [];
  for (const word of tokenizeWords(text)) {
    const row = vectors.rank(word);
    if (row !== undefined) rows.push(row);
    if (rows.length === MAX_TOKENS) break;
  }
  return rows;
}
