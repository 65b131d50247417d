import type { LogisticAnswerability } from '../assess-question.js';
import type { RankerWeights } from './rank-sentences.js';

/**
 * Fitted by `npm run fit:ranker` (bench/fit-answer-ranker.ts) on 2026-11-29: logistic regression over
 * 114 dev questions' candidate sentences, L2 lambda 0.1 chosen by 5-fold cross-validation
 * (gold@1 0.500, gold in top 3 0.675). Do not edit by hand.
 */
export const RANKER_WEIGHTS: RankerWeights = {
  features: ["retrieval","lexical","alignment","focus","passage","rank","centrality","dependent","length","lead-in","fit:reason","fit:number","fit:time","fit:person","fit:place","fit:polar"],
  mean: [0.46988,0.07016,0.44091,0.34499,0.87785,0.30867,0.09771,0.24293,0.86231,0.36696,0.06971,0.02338,0.00871,0.03252,0.00978,0.04846],
  scale: [0.06669,0.10493,0.13267,0.30175,0.08071,0.27173,0.06295,0.42885,0.13202,0.18978,0.25466,0.15111,0.09294,0.17737,0.09839,0.21473],
  coefficients: [0.40866,0.10868,0.3534,0.18822,0.20464,0.11156,-0.08065,-0.0696,-0.24041,0.30146,-0.0315,0.26191,0.18391,0,0,0.13739],
  bias: -4.00629,
};

/**
 * Question-level answerability model over its best-ranked sentences (answerability.ts), fitted on the same dev
 * questions with their unanswerable twins (5-fold CV at 0.5: answered 0.825, declined 0.734).
 * Below `cutoff` the question is declined: the highest cut-off that still answers 98% of the dev answerable questions.
 */
export const ANSWERABILITY_WEIGHTS: LogisticAnswerability = {
  features: ["best-probability","focus-exact","focus-aligned","focus-in-corpus","focus-near-corpus","names-together","typed-answer","no-focus","term-coverage","on-topic","rare-word-covered","off-topic-uncovered","off-topic-rare-missing","strongest-passage","factual","factual-focus-aligned","factual-focus-in-corpus"],
  mean: [0.22043,0.38974,0.66864,0.65022,0.85189,0.82416,0.92269,0.01685,0.83958,0.66292,0.66854,0.11394,0.20225,0.74152,0.66854,0.46251,0.42081],
  scale: [0.23284,0.29664,0.33408,0.33085,0.13269,0.30198,0.21803,0.12872,0.24726,0.47271,0.47074,0.24116,0.40168,0.11302,0.47074,0.42609,0.41376],
  coefficients: [0.30737,-0.26074,0.34703,0.64411,-0.21632,0.00886,0.20841,-0.36395,0.11095,0.46678,-0.12723,-0.75504,-0.92378,0.05402,-1.01077,-0.27987,-0.44988],
  bias: 0.34219,
  cutoff: 0.3283,
};
