import type { EncodedText, MeaningModel } from './meaning-model.js';

/** Probabilities that a sentence argues the first thesis, the second, or neither. */
export interface StanceOdds { pro: number; con: number; neither: number }

/**
 * The stance model's verdict on a sentence between two opposing theses: it is asked about each thesis and the
 * two answers are averaged (arguing for the second thesis is arguing against the first), so the verdict does not
 * depend on which thesis is named first. A model with a side head (trained as a choice between theses) is read as it was trained.
 */
export function stanceToward(model: MeaningModel, pro: EncodedText, con: EncodedText, sentence: EncodedText): StanceOdds {
  if (model.header.tasks.side) return sideChoice(model, pro, con, sentence);
  const a = model.score('stance', pro, sentence);
  const b = model.score('stance', con, sentence);
  return { pro: (a[0]! + b[1]!) / 2, con: (a[1]! + b[0]!) / 2, neither: (a[2]! + b[2]!) / 2 };
}

/**
 * A side head's verdict: it scores how much the sentence argues for each thesis (the log-odds of its yes), and the
 * two theses and "neither" (scored 0) are one softmax, as the head was trained (a choice between theses).
 */
function sideChoice(model: MeaningModel, pro: EncodedText, con: EncodedText, sentence: EncodedText): StanceOdds {
  const logOdds = (thesis: EncodedText) => {
    const [no, yes] = model.score('side', thesis, sentence);
    return Math.log(yes! + 1e-9) - Math.log(no! + 1e-9);
  };
  const [a, b] = [logOdds(pro), logOdds(con)];
  const top = Math.max(a, b, 0);
  const [ea, eb, en] = [Math.exp(a - top), Math.exp(b - top), Math.exp(-top)];
  const sum = ea + eb + en;
  return { pro: ea / sum, con: eb / sum, neither: en / sum };
}

/** The most likely label of stance odds. */
export function stanceLabel(odds: StanceOdds): 'pro' | 'con' | 'neither' {
  if (odds.neither >= odds.pro && odds.neither >= odds.con) return 'neither';
  return odds.pro >= odds.con ? 'pro' : 'con';
}
