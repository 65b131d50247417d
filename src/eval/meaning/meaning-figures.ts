import type { EncodedText, MeaningModel } from '../../meaning/meaning-model.js';
import { bestPoint } from '../../meaning/match-key-points.js';
import { stanceLabel, stanceToward } from '../../meaning/stance-toward.js';
import type { BankCorpus } from '../bank/read-bank.js';
import { stanceFigures, supportFigures, type StanceFigures, type SupportFigures } from '../bank/score-bank-items.js';
import { answerCandidates } from './answer-candidates.js';
import { windowFeaturesFor } from '../../answer/typing/window-type-features.js';

/** Answer-task figures: gold window first among the candidates, and how well the best window's score separates answerable from near misses. */
export interface AnswerFigures { questions: number; goldFirst: number; nearMisses: number; nearMissAuc: number; /** The same figure for BM25's own order of the candidates, the baseline. */ bm25First: number }
/** Same-point figures under the key-point matching rule, and the F1 of a plain p(yes) > 0.5 per pair (the old decision). */
export interface SamePointFigures { pairs: number; precision: number; recall: number; f1: number; pairwiseF1: number }

/** Share of (positive, negative) pairs ordered correctly (ROC AUC, ties count half). */
export function rocAuc(positives: number[], negatives: number[]): number {
  if (!positives.length || !negatives.length) return 0;
  let right = 0;
  for (const p of positives) for (const n of negatives) right += p > n ? 1 : p === n ? 0.5 : 0;
  return right / (positives.length * negatives.length);
}

/** A cache of encodings, so a sentence or thesis met twice is encoded once. */
export function encoder(model: MeaningModel): (text: string) => EncodedText {
  const cache = new Map<string, EncodedText>();
  return (text) => {
    let hit = cache.get(text);
    if (!hit) cache.set(text, (hit = model.encode(text)));
    return hit;
  };
}

/** The stance model on the bank's labelled sentences, per split, beside the majority class. */
export function modelStance(model: MeaningModel, corpora: BankCorpus[]): Record<string, StanceFigures> {
  const encode = encoder(model);
  const predicted = new Map<string, string>();
  const rows = corpora.flatMap((c) => {
    const debate = c.meta.debate;
    if (!debate) return [];
    return c.stance.map((s) => {
      predicted.set(`${c.meta.id}/${s.id}`, stanceLabel(stanceToward(model, encode(debate.pro), encode(debate.con), encode(s.sentence))));
      return { split: c.meta.split, sentence: `${c.meta.id}/${s.id}`, stance: s.stance };
    });
  });
  return stanceFigures(rows, (key) => predicted.get(key)!);
}

/** The support head on the bank's claim/evidence pairs, per split (supported when p(yes) > 0.5). */
export function modelSupport(model: MeaningModel, corpora: BankCorpus[]): Record<string, SupportFigures> {
  const encode = encoder(model);
  const rows = corpora.flatMap((c) => c.support.map((s) => ({ ...s, split: c.meta.split })));
  return supportFigures(rows, (statement, cited) => model.score('support', encode(cited), encode(statement))[1]! > 0.5);
}

/** The answer head over each corpus's candidate windows: is a gold window scored first, and do near misses score lower? */
export function modelAnswer(model: MeaningModel, corpora: BankCorpus[], keep: (questionId: string) => boolean = () => true): AnswerFigures {
  const encode = encoder(model);
  let questions = 0;
  let first = 0;
  let bm25First = 0;
  const best = { answerable: [] as number[], nearMiss: [] as number[] };
  for (const corpus of corpora) {
    const nearMiss = new Set(corpus.unanswerable.filter((q) => q.kind === 'near-miss').map((q) => q.id));
    for (const set of answerCandidates(corpus)) {
      if (!set.windows.length || !keep(set.id)) continue;
      const q = encode(set.question);
      // A model trained with the typed features reads them beside the two texts.
      const extra = windowFeaturesFor(model.header.extra, set.question);
      const scored = set.windows.map((w) => ({ gold: w.gold, p: model.score('answer', q, encode(w.text), extra?.(w.text))[1]! }));
      const top = scored.reduce((a, b) => (b.p > a.p ? b : a));
      if (set.answerable) {
        if (!scored.some((s) => s.gold)) continue;
        questions += 1;
        if (top.gold) first += 1;
        if (set.windows[0]!.gold) bm25First += 1;
        best.answerable.push(Math.max(...scored.filter((s) => s.gold).map((s) => s.p)));
      } else if (nearMiss.has(set.id)) best.nearMiss.push(top.p);
    }
  }
  return { questions, goldFirst: questions ? first / questions : 0, bm25First: questions ? bm25First / questions : 0, nearMisses: best.nearMiss.length, nearMissAuc: rocAuc(best.answerable, best.nearMiss) };
}

const f1Of = (tp: number, fp: number, fn: number) => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/**
 * The same-point head on (key point, argument) pairs: each argument is matched to at most one of the key points it
 * is paired with (`bestPoint`, the rule `matchKeyPoints` applies), and a pair counts as "same" when that is its key point.
 */
export function modelSamePoint(model: MeaningModel, pairs: Array<{ a: string; b: string; same: boolean }>): SamePointFigures {
  const encode = encoder(model);
  const byArgument = new Map<string, Array<{ a: string; same: boolean }>>();
  for (const pair of pairs) {
    const candidates = byArgument.get(pair.b);
    if (candidates) candidates.push(pair);
    else byArgument.set(pair.b, [pair]);
  }
  const rule = { tp: 0, fp: 0, fn: 0 };
  const plain = { tp: 0, fp: 0, fn: 0 };
  const count = (t: typeof rule, yes: boolean, same: boolean) => {
    if (yes && same) t.tp += 1;
    else if (yes) t.fp += 1;
    else if (same) t.fn += 1;
  };
  for (const [argument, candidates] of byArgument) {
    const text = encode(argument);
    // Each pair is scored once; both decisions read the same scores.
    const scores = candidates.map((c) => model.score('same', encode(c.a), text)[1]!);
    const match = bestPoint(scores, model.header.thresholds.same);
    candidates.forEach((c, i) => {
      count(rule, i === match, c.same);
      count(plain, scores[i]! > 0.5, c.same);
    });
  }
  return { pairs: pairs.length, ...f1Of(rule.tp, rule.fp, rule.fn), pairwiseF1: f1Of(plain.tp, plain.fp, plain.fn).f1 };
}
