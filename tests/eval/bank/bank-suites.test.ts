import { describe, expect, it } from 'vitest';
import { mergeTallies } from '../../../src/eval/bank/bank-suites.js';
import type { SplitTally } from '../../../src/eval/run-answer-eval.js';

const tally = (over: Partial<SplitTally>): SplitTally => ({ answerable: 0, answered: 0, goldCited: 0, recallAt5: 0, mrrAt10: 0, unanswerable: 0, declined: 0, nearMisses: 0, nearMissesDeclined: 0, steelman: 0, goldOnOwnSide: 0, ...over });

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
