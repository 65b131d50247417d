import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/retrieval/fuse-rankings.js';
import { selectMmr } from '../../src/retrieval/select-mmr.js';

describe('fuseRankings (RRF)', () => {
  it('scores an item by the sum of 1/(k+rank) over the rankings it appears in', () => {
    const scores = fuseRankings([[1, 2, 3], [3, 1]], 60);
    expect(scores.get(1)).toBeCloseTo(1 / 61 + 1 / 62);
    expect(scores.get(3)).toBeCloseTo(1 / 63 + 1 / 61);
    expect(scores.get(2)).toBeCloseTo(1 / 62);
    expect(scores.get(1)! > scores.get(3)!).toBe(true);
  });
});

describe('selectMmr', () => {
  it('skips a near-duplicate of an item already picked in favour of a different one', () => {
    const candidates = [{ item: 0, relevance: 1 }, { item: 1, relevance: 0.95 }, { item: 2, relevance: 0.8 }];
    const similarity = (a: number, b: number) => ((a === 0 && b === 1) || (a === 1 && b === 0) ? 0.99 : 0.1);
    expect(selectMmr(candidates, 2, similarity).map((c) => c.item)).toEqual([0, 2]);
  });
  it('with lambda 1 keeps pure relevance order', () => {
    const candidates = [{ item: 0, relevance: 1 }, { item: 1, relevance: 0.95 }, { item: 2, relevance: 0.8 }];
    expect(selectMmr(candidates, 3, () => 1, 1).map((c) => c.item)).toEqual([0, 1, 2]);
  });
});
