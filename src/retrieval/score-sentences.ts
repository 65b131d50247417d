import type { Chunk } from '../chunking/chunk.js';
import { entityAliases } from '../text/entity-aliases.js';
import { lexicalTerms } from '../text/tokenize-words.js';
import type { ScoredSentence } from './hit.js';
import { roundScore } from '../text/round-score.js';

/** What a store knows of a sentence before any query: its vector (when it has one) and its lexical terms. */
export interface SentenceData { vector: Float32Array | undefined; terms: Set<string>; norm2: number }

/** What sentence scoring reads of the query: its vector, and its terms with their IDF weight and their aliases' IDF. */
export interface SentenceScoringContext {
  /** A typed copy of the query vector (the same doubles): the per-sentence dot product reads it many times. */
  queryVector: Float64Array;
  /** The query vector's sum of squares, summed once per query in the order cosine() would sum it. */
  queryNorm2: number;
  queryTerms: Array<{ term: string; weight: number; aliases: Array<{ term: string; weight: number }> }>;
  totalWeight: number;
}

/** The query side of sentence scoring, prepared once per query: an alias match counts for no more than the alias itself says. */
export function sentenceScoring(query: string, queryVector: number[], idf: (term: string) => number): SentenceScoringContext {
  const weights = new Map<string, number>();
  for (const term of lexicalTerms(query)) weights.set(term, idf(term));
  const queryTerms = [...weights].map(([term, weight]) => ({ term, weight, aliases: entityAliases(term).map((alias) => ({ term: alias, weight: Math.min(weight, idf(alias)) })) }));
  return { queryVector: new Float64Array(queryVector), queryNorm2: sumOfSquares(queryVector), queryTerms, totalWeight: queryTerms.reduce((sum, t) => sum + t.weight, 0) };
}

/** A chunk's sentences' data computed from their texts (a store without stored sentence data). */
export function sentenceDataOf(chunk: Pick<Chunk, 'start' | 'text' | 'sentences'>, vectors: Array<Float32Array | undefined>): SentenceData[] {
  return chunk.sentences.map(({ start, end }, i) => {
    const vector = vectors[i];
    return { vector, terms: new Set(lexicalTerms(chunk.text.slice(start - chunk.start, end - chunk.start))), norm2: vector ? sumOfSquares(vector) : 0 };
  });
}

function sumOfSquares(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i += 1) sum += vector[i]! * vector[i]!;
  return sum;
}

// Both sums of squares are known before the query meets the sentence, so only the dot product is summed here.
function cosine(a: Float64Array, na: number, b: Float32Array, nb: number): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return dot / (Math.sqrt(na * nb) || 1);
}

/**
 * Scores each sentence of a chunk against the query: the mean of its dense similarity and the
 * IDF-weighted share of query terms it contains. Later stages cite the best sentences, not whole chunks.
 * `data` holds the chunk's sentences' vectors and terms, in order.
 */
export function scoreSentences(chunk: Pick<Chunk, 'sentences'>, data: SentenceData[], context: SentenceScoringContext): ScoredSentence[] {
  return chunk.sentences.map(({ start, end }, i) => {
    const { vector, terms, norm2 } = data[i]!;
    const dense = vector ? Math.max(0, cosine(context.queryVector, context.queryNorm2, vector, norm2)) : 0;
    let matched = 0;
    // "Moscow" in the question is matched by "Russia" in the sentence: the same state, named two ways.
    for (const { term, weight, aliases } of context.queryTerms) {
      if (terms.has(term)) matched += weight;
      else {
        // The first alias the sentence has counts (a loop, not find: no closure per sentence and term).
        for (const alias of aliases) {
          if (terms.has(alias.term)) {
            matched += alias.weight;
            break;
          }
        }
      }
    }
    const lexical = context.totalWeight > 0 ? matched / context.totalWeight : 0;
    return { start, end, score: roundScore(0.5 * dense + 0.5 * lexical) };
  });
}
