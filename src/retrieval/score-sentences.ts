import type { Chunk } from '../chunking/chunk.js';
import { entityAliases } from '../text/entity-aliases.js';
import type { ScoredSentence } from './hit.js';

/** What sentence scoring reads: the query's vector and weighted terms, and a way to fetch sentence vectors and terms. */
export interface SentenceScoringContext {
  queryVector: number[];
  /** Query terms with their IDF weight. */
  queryTerms: Map<string, number>;
  sentenceVector(docId: string, start: number, end: number): Float32Array | undefined;
  /** The lexical terms of a sentence (its text given, so a store may cache them by position). */
  sentenceTerms(docId: string, start: number, end: number, text: string): Set<string>;
  /** IDF of any term: an alias match counts for no more than the alias itself says. */
  idf(term: string): number;
}

function cosine(a: number[], b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

/**
 * Scores each sentence of a chunk against the query: the mean of its dense similarity and the
 * IDF-weighted share of query terms it contains. Later stages cite the best sentences, not whole chunks.
 */
export function scoreSentences(chunk: Chunk, context: SentenceScoringContext): ScoredSentence[] {
  let totalWeight = 0;
  for (const weight of context.queryTerms.values()) totalWeight += weight;
  return chunk.sentences.map(({ start, end }) => {
    const vector = context.sentenceVector(chunk.docId, start, end);
    const dense = vector ? Math.max(0, cosine(context.queryVector, vector)) : 0;
    let matched = 0;
    const terms = context.sentenceTerms(chunk.docId, start, end, chunk.text.slice(start - chunk.start, end - chunk.start));
    // "Moscow" in the question is matched by "Russia" in the sentence: the same state, named two ways.
    for (const [term, weight] of context.queryTerms) {
      if (terms.has(term)) matched += weight;
      else {
        const alias = entityAliases(term).find((other) => terms.has(other));
        if (alias) matched += Math.min(weight, context.idf(alias));
      }
    }
    const lexical = totalWeight > 0 ? matched / totalWeight : 0;
    return { start, end, score: Number((0.5 * dense + 0.5 * lexical).toFixed(4)) };
  });
}
