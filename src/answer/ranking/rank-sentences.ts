import type { Evidence } from '../evidence.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { RANKER_WEIGHTS } from './ranker-weights.js';
import { contentWords, FEATURE_NAMES, sentenceFeatures, stemVector, type Candidate, type RankingKnowledge } from './sentence-features.js';

const FOCUS = FEATURE_NAMES.indexOf('focus');

/** A logistic model over standardised features: fitted by `npm run fit:ranker`, read here. */
export interface RankerWeights { features: readonly string[]; mean: number[]; scale: number[]; coefficients: number[]; bias: number }

/** A candidate sentence with the probability that it answers the question, and how much of the question's focus it states. */
export interface RankedSentence extends Candidate { probability: number; focus: number; features: number[] }

// A sentence's words and stem vector do not change while its index lives: prepared once per index (keyed by its IDF function).
const prepared = new WeakMap<(stem: string) => number, Map<string, Pick<Candidate, 'words' | 'vector'>>>();
const PREPARED_MAX = 200_000;

/** Prepares candidates: content words, an IDF-weighted stem vector, the relevance of the sentence before. */
export function toCandidates(evidence: Evidence[], idf: (stem: string) => number): Candidate[] {
  let cache = prepared.get(idf);
  if (!cache) prepared.set(idf, (cache = new Map()));
  return evidence.map((item) => {
    const key = `${item.docId}:${item.start}:${item.end}`;
    let entry = cache.get(key);
    if (!entry) {
      const words = contentWords(item.text);
      entry = { words, vector: stemVector(words, idf) };
      if (cache.size < PREPARED_MAX) cache.set(key, entry);
    }
    return { item, ...entry, lead: item.lead ?? 0 };
  });
}

/** Probability from the logistic model. */
export function predict(features: number[], weights: RankerWeights): number {
  let z = weights.bias;
  features.forEach((value, i) => { z += weights.coefficients[i]! * ((value - weights.mean[i]!) / (weights.scale[i]! || 1)); });
  return 1 / (1 + Math.exp(-z));
}

/**
 * Ranks the sentences of the retrieved passages by the probability that each answers the question,
 * with weights fitted on the dev questions (logistic regression, cross-validated), not set by hand.
 */
export function rankSentences(question: QuestionAnalysis, evidence: Evidence[], knowledge: RankingKnowledge, weights: RankerWeights = RANKER_WEIGHTS): RankedSentence[] {
  if (weights.features.join() !== FEATURE_NAMES.join()) throw new Error('ranker weights were fitted on other features: run npm run fit:ranker');
  const candidates = toCandidates(evidence, knowledge.idf);
  const features = sentenceFeatures(question, candidates, knowledge);
  return candidates.map((candidate, i) => ({
    ...candidate,
    features: features[i]!,
    probability: predict(features[i]!, weights),
    focus: features[i]![FOCUS]!,
  })).sort((a, b) => b.probability - a.probability);
}
