import type { EncodedText, MeaningModel } from './meaning-model.js';

/** Probabilities that a sentence argues the first thesis, the second, or neither. */
export interface StanceOdds { pro: number; con: number; neither: number }

/**
 * The stance model's verdict on a sentence between two opposing theses: it is asked about each thesis and the
 * two answers are averaged (arguing for the second thesis is arguing against the first), so the verdict does not
 * depend on which thesis is named first.
 */
export function stanceToward(model: MeaningModel, pro: EncodedText, con: EncodedText, sentence: EncodedText): StanceOdds {
  const a = model.score('stance', pro, sentence);
  const b = model.score('stance', con, sentence);
  return { pro: (a[0]! + b[1]!) / 2, con: (a[1]! + b[0]!) / 2, neither: (a[2]! + b[2]!) / 2 };
}

/** The most likely label of stance odds. */
export function stanceLabel(odds: StanceOdds): 'pro' | 'con' | 'neither' {
  if (odds.neither >= odds.pro && odds.neither >= odds.con) return 'neither';
  return odds.pro >= odds.con ? 'pro' : 'con';
}
