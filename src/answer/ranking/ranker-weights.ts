import type { RankerWeights } from './rank-sentences.js';

/**
 * Fitted by `npm run fit:ranker` (bench/fit-answer-ranker.ts) on 2026-11-29: logistic regression over
 * 114 dev questions' candidate sentences, L2 lambda 0.1 chosen by 5-fold cross-validation
 * (gold@1 0.500, gold in top 3 0.675). Do not edit by hand.
 */
export const RANKER_WEIGHTS: RankerWeights = {
  features: ["retrieval","lexical","alignment","focus","passage","rank","centrality","dependent","length","lead-in","fit:reason","fit:number","fit:time","fit:person","fit:place","fit:polar"],
  mean: [0.46988,0.0697,0.43923,0.34367,0.87785,0.30867,0.09771,0.24293,0.86231,0.36696,0.06971,0.02338,0.00871,0.03252,0.00978,0.04846],
  scale: [0.06669,0.10442,0.13298,0.30195,0.08071,0.27173,0.06295,0.42885,0.13202,0.18978,0.25466,0.15111,0.09294,0.17737,0.09839,0.21473],
  coefficients: [0.40665,0.10584,0.35508,0.18745,0.19917,0.11077,-0.07949,-0.06904,-0.23911,0.29994,-0.03017,0.25918,0.1822,0,0,0.1362],
  bias: -3.99863,
};

/**
 * Question-level answerability model over its best-ranked sentences (answerability.ts), fitted on the same dev
 * questions with their unanswerable twins (5-fold CV at 0.5: answered 0.930, declined 0.672).
 * Below `cutoff` the question is declined: the highest cut-off that still answers 98% of the dev answerable questions.
 */
export const ANSWERABILITY_WEIGHTS: RankerWeights & { cutoff: number } = {
  features: ["best-probability","focus-exact","focus-aligned","focus-in-corpus","focus-near-corpus","names-together","typed-answer","no-focus","term-coverage","on-topic","rare-word-covered","off-topic-uncovered","off-topic-rare-missing","strongest-passage"],
  mean: [0.21855,0.3888,0.66709,0.649,0.85091,0.82416,0.92269,0.01685,0.83958,0.66292,0.66854,0.11394,0.20225,0.74152],
  scale: [0.23163,0.29694,0.33561,0.32904,0.13223,0.30198,0.21803,0.12872,0.24726,0.47271,0.47074,0.24116,0.40168,0.11302],
  coefficients: [0.10658,-0.37567,0.11242,0.57017,-0.33408,0.13304,0.44834,-0.42042,-0.00323,0.41707,-0.11845,-0.47753,-0.86913,0.13874],
  bias: -0.00612,
  cutoff: 0.1482,
};
