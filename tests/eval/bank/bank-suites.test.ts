import { describe, expect, it } from 'vitest';
import { bankSuites, mergeTallies, type BankCorpusRun } from '../../../src/eval/bank/bank-suites.js';
import type { EvalReport, SplitTally } from '../../../src/eval/run-answer-eval.js';

const tally = (over: Partial<SplitTally>): SplitTally => ({ answerable: 0, answered: 0, goldCited: 0, recallAt5: 0, mrrAt10: 0, unanswerable: 0, declined: 0, nearMisses: 0, nearMissesDeclined: 0, steelman: 0, goldOnOwnSide: 0, citedGold: 0, ...over });

describe('mergeTallies', () => {
  it('weights each rate by the questions it rests on, so a large corpus counts more than a small one', () => {
    const merged = mergeTallies([
      { tally: tally({ answerable: 30, goldCited: 1, recallAt5: 1, unanswerable: 10, declined: 0.5, nearMisses: 8, nearMissesDeclined: 0.5 }), baseline: { recallAt5: 1, mrrAt10: 1, n: 30 } },
      { tally: tally({ answerable: 10, goldCited: 0, recallAt5: 0, unanswerable: 30, declined: 1, nearMisses: 2, nearMissesDeclined: 1 }), baseline: { recallAt5: 0, mrrAt10: 0, n: 10 } },
    ]);
    expect(merged).toMatchObject({ answerable: 40, unanswerable: 40, nearMisses: 10, goldCited: 0.75, recallAt5: 0.75, declined: 0.875, nearMissesDeclined: 0.6, baselineRecallAt5: 0.75 });
  });

  it('gives zeros, not NaN, for a group without questions of a kind', () => {
    const merged = mergeTallies([{ tally: tally({ unanswerable: 4, declined: 0.5 }), baseline: { recallAt5: 0, mrrAt10: 0, n: 0 } }]);
    expect(merged.goldCited).toBe(0);
    expect(merged.baselineRecallAt5).toBe(0);
    expect(merged.declined).toBe(0.5);
  });
});

describe('bankSuites', () => {
  const run = (corpus: string, round: number, answered: number): BankCorpusRun => ({
    corpus, split: 'train', round,
    report: { splits: { train: tally({ answerable: 10, answered }) }, byType: {}, answers: { questions: 10, citationValidity: 1, citationRecall: 1, citationPrecision: 1, faithfulness: 1 }, items: [] } as unknown as EvalReport,
    baseline: { recallAt5: 0, mrrAt10: 0, byType: {} } as never,
  });

  it('keeps each round of corpora apart, so a gate set on the first round reads the same figure after more corpora join', () => {
    const [train] = bankSuites([run('a', 1, 0.9), run('b', 1, 0.7), run('c', 2, 0.1)]);
    expect(train!.figures.answered).toBeCloseTo(0.5667, 3);
    expect(train!.byRound['1']!.answered).toBeCloseTo(0.8, 6);
    expect(train!.byRound['2']!.answered).toBeCloseTo(0.1, 6);
    expect(train!.byRound['1']!.answerable).toBe(20);
  });
});
