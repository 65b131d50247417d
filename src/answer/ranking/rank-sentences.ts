import type { Evidence } from '../evidence.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { RANKER_WEIGHTS } from './ranker-weights.js';
import { contentWords, FEATURE_NAMES, focusShare, sentenceFeatures, stemVector, type Candidate, type RankingKnowledge } from './sentence-features.js';

/** A logistic model over standardised features: fitted by `npm run fit:ranker`, read here. */
export interface RankerWeights { features: readonly string[]; mean: number[]; scale: number[]; coefficients: number[]; bias: number }

/** A candidate sentence with the probability that it answers the question, and how much of the question's focus it states. */
export interface RankedSentence extends Candidate { probability: number; focus: number; features: number[] }

/** Prepares candidates: content words, an IDF-weighted stem vector, the relevance of the sentence before. */
export function toCandidates(evidence: Evidence[], idf: (stem: string) => number): Candidate[] {
  return evidence.map((item) => {
    const words = contentWords(item.text);
    return { item, words, vector: stemVector(words, idf), lead: item.lead ?? 0 };
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
    focus: focusShare(question.focus, candidate.words, knowledge),
  })).sort((a, b) => b.probability - a.probability);
}
