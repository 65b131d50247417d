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
  it('picks exactly what updating every candidate’s redundancy every round picks, ties included, with fewer similarities', () => {
    // The textbook form: every round, every candidate's redundancy against the newest pick.
    const eager = (candidates: Array<{ item: number; relevance: number }>, k: number, similarity: (a: number, b: number) => number, lambda: number) => {
      const top = Math.max(Number.EPSILON, ...candidates.map((c) => c.relevance));
      const redundancy = candidates.map(() => 0);
      const taken = candidates.map(() => false);
      const picked: number[] = [];
      while (picked.length < Math.min(k, candidates.length)) {
        let best = -1;
        let bestScore = -Infinity;
        candidates.forEach((c, i) => {
          const score = lambda * (c.relevance / top) - (1 - lambda) * redundancy[i]!;
          if (!taken[i] && score > bestScore) { bestScore = score; best = i; }
        });
        taken[best] = true;
        picked.push(candidates[best]!.item);
        candidates.forEach((c, i) => { if (!taken[i]) redundancy[i] = Math.max(redundancy[i]!, similarity(c.item, candidates[best]!.item)); });
      }
      return picked;
    };
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let lazyCalls = 0;
    let eagerCalls = 0;
    for (let trial = 0; trial < 200; trial += 1) {
      const n = 1 + Math.floor(next() * 30);
      // Coarse values, so equal scores (ties) are common.
      const candidates = Array.from({ length: n }, (_, item) => ({ item, relevance: Math.round(next() * 8) / 8 }));
      const table = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.round(next() * 4) / 4));
      const similarity = (a: number, b: number) => table[Math.min(a, b)]![Math.max(a, b)]!;
      const k = 1 + Math.floor(next() * 10);
      const lambda = [0.5, 0.7, 1][trial % 3]!;
      const lazy = selectMmr(candidates, k, (a, b) => (lazyCalls += 1, similarity(a, b)), lambda).map((c) => c.item);
      expect(lazy).toEqual(eager(candidates, k, (a, b) => (eagerCalls += 1, similarity(a, b)), lambda));
    }
    expect(lazyCalls).toBeLessThan(eagerCalls);
  });
});

