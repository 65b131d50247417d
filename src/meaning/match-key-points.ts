import type { EncodedText, MeaningModel } from './meaning-model.js';

/**
 * The same-point probability a match needs, chosen on ArgKP-2021's dev topics (F1 0.552 there; 0.3–0.5 is a
 * plateau within 0.006, and 0.5 with no best-match rule gives 0.502).
 */
export const SAME_POINT_THRESHOLD = 0.4;

/** The index of the best of one text's same-point scores, if it reaches the threshold (the first of a tie), else -1. */
export function bestPoint(scores: ArrayLike<number>, threshold = SAME_POINT_THRESHOLD): number {
  let best = -1;
  for (let i = 0; i < scores.length; i += 1) if (scores[i]! >= threshold && (best < 0 || scores[i]! > scores[best]!)) best = i;
  return best;
}

/**
 * Which points each text makes, as key point analysis decides it (Bar-Haim et al. 2020): a text matches at most
 * one point, the one the same-point head scores highest, and only when that score reaches the threshold. Most
 * arguments make one point, so the best-match rule stops the head's habit of matching every point of the topic.
 * Returns, per text, the index of its point or -1.
 */
export function matchKeyPoints(model: Pick<MeaningModel, 'score'>, texts: EncodedText[], points: EncodedText[], threshold = SAME_POINT_THRESHOLD): number[] {
  return texts.map((text) => bestPoint(points.map((point) => model.score('same', point, text)[1]!), threshold));
}
