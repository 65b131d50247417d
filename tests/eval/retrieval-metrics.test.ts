import { describe, expect, it } from 'vitest';
import { coverageAtK, ndcgAtK, recallAtK, reciprocalRankAtK } from '../../src/eval/retrieval-metrics.js';

const gold = [{ docId: 'a', start: 100, end: 200 }, { docId: 'b', start: 0, end: 50 }];
const ranked = [
  { docId: 'c', start: 0, end: 500 },
  { docId: 'a', start: 0, end: 160 },
  { docId: 'b', start: 30, end: 300 },
];

describe('retrieval metrics', () => {
  it('counts a gold quote as found when a passage holds at least half of it', () => {
    expect(recallAtK(ranked, gold, 2)).toBe(0.5);
    expect(recallAtK(ranked, gold, 3)).toBe(0.5); // b holds only 20 of 50 characters
  });
  it('takes the reciprocal rank of the first passage containing a gold quote', () => {
    expect(reciprocalRankAtK(ranked, gold, 10)).toBe(0.5);
    expect(reciprocalRankAtK(ranked, gold, 1)).toBe(0);
  });
  it('computes binary nDCG against the ideal ordering', () => {
    expect(ndcgAtK(ranked, gold, 10)).toBeCloseTo((1 / Math.log2(3)) / (1 + 1 / Math.log2(3)));
  });
  it('measures the share of gold characters covered by the top passages', () => {
    expect(coverageAtK(ranked, gold, 3)).toBeCloseTo((60 + 20) / 150);
  });
});
