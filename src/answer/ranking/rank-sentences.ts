import type { Evidence } from '../evidence.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { RANKER_WEIGHTS } from './ranker-weights.js';
import { PairDots } from './pair-dots.js';
import { prepareSentence, type PreparedSentence } from './prepared-sentence.js';
import { FEATURE_NAMES, sentenceFeatures, type Candidate, type RankingKnowledge } from './sentence-features.js';

const FOCUS = FEATURE_NAMES.indexOf('focus');

/** A logistic model over standardised features: fitted by `npm run fit:ranker`, read here. */
export interface RankerWeights { features: readonly string[]; mean: number[]; scale: number[]; coefficients: number[]; bias: number }

/** A candidate sentence with the probability that it answers the question, and how much of the question's focus it states. */
export interface RankedSentence extends Candidate { probability: number; focus: number; features: number[] }

// What ranking reads of a sentence does not change while its index lives: prepared once per index (keyed by its
// IDF function), by article and span (a number, so no key is built or hashed per sentence).
const prepared = new WeakMap<(stem: string) => number, { size: number; byDoc: Map<string, Map<number, PreparedSentence>>; pairs: PairDots }>();
const PREPARED_MAX = 200_000;
// Offsets below 10^8 (an article of 100 million characters): start and end in one exact double.
const spanKey = (start: number, end: number) => start * 1e8 + end;

/** Prepares candidates: content words, an IDF-weighted stem vector, the relevance of the sentence before. */
export function toCandidates(evidence: Evidence[], idf: (stem: string) => number): Candidate[] {
  let cache = prepared.get(idf);
  if (!cache) prepared.set(idf, (cache = { size: 0, byDoc: new Map(), pairs: new PairDots() }));
  return evidence.map((item) => {
    let spans = cache.byDoc.get(item.docId);
    if (!spans) cache.byDoc.set(item.docId, (spans = new Map()));
    const key = spanKey(item.start, item.end);
    let entry = spans.get(key);
    if (!entry) {
      entry = prepareSentence(item.text, idf);
      if (cache.size < PREPARED_MAX) {
        spans.set(key, entry);
        cache.size += 1;
        // Kept for the index's life, so its pair cosines can be too.
        entry.serial = cache.pairs.enrol();
        entry.pairs = cache.pairs;
      }
    }
    return { item, sentence: entry, lead: item.lead ?? 0 };
  });
}

const columns = new WeakMap<RankerWeights, Map<readonly string[], number[]>>();

/** Where each of the weights' features sits in a vector of `names`: a model may be fitted on any subset of them. */
export function columnsOf(weights: RankerWeights, names: readonly string[]): number[] {
  let byNames = columns.get(weights);
  if (!byNames) columns.set(weights, (byNames = new Map()));
  let found = byNames.get(names);
  if (!found) {
    found = weights.features.map((name) => names.indexOf(name));
    const unknown = weights.features.filter((_, i) => found![i]! < 0);
    if (unknown.length) throw new Error(`model weights name features this version does not compute (${unknown.join(', ')}): run npm run fit:ranker`);
    byNames.set(names, found);
  }
  return found;
}

/** Probability from the logistic model; `at` maps its features into the vector (the vector's own order without it). */
export function predict(features: number[], weights: RankerWeights, at?: number[]): number {
  let z = weights.bias;
  const { coefficients, mean, scale } = weights;
  for (let i = 0; i < coefficients.length; i += 1) z += coefficients[i]! * ((features[at ? at[i]! : i]! - mean[i]!) / (scale[i]! || 1));
  return 1 / (1 + Math.exp(-z));
}

/**
 * Ranks the sentences of the retrieved passages by the probability that each answers the question, with
 * fitted weights (npm run fit:ranker), not set by hand. Candidates are tagged for their answer type only
 * when the question was read with its expected answer (analyseQuestion's `typed`).
 */
export function rankSentences(question: QuestionAnalysis, evidence: Evidence[], knowledge: RankingKnowledge, weights: RankerWeights = RANKER_WEIGHTS): RankedSentence[] {
  const at = columnsOf(weights, FEATURE_NAMES);
  const candidates = toCandidates(evidence, knowledge.idf);
  const features = sentenceFeatures(question, candidates, knowledge);
  return candidates.map(({ item, sentence, lead }, i) => ({
    item,
    sentence,
    lead,
    features: features[i]!,
    probability: predict(features[i]!, weights, at),
    focus: features[i]![FOCUS]!,
  })).sort((a, b) => b.probability - a.probability);
}

/** The same candidates ordered by another ranker's probabilities (the one an answerability model reads its top sentences by). */
export function rerank(ranked: RankedSentence[], weights: RankerWeights): RankedSentence[] {
  const at = columnsOf(weights, FEATURE_NAMES);
  return ranked.map((s) => ({ ...s, probability: predict(s.features, weights, at) })).sort((a, b) => b.probability - a.probability);
}
