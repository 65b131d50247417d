import { describe, expect, it } from 'vitest';
import { selectTop } from '../../src/retrieval/select-top.js';

describe('selectTop', () => {
  it('returns what a stable sort by score and a slice return, ties kept in item order', () => {
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round += 1) {
      // Few distinct scores, so ties are common.
      const scores = Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * 20) / 4);
      const limit = Math.floor(next() * 40);
      const expected = scores.map((score, item) => ({ score, item })).sort((a, b) => b.score - a.score).slice(0, limit).map((e) => e.item);
      expect(selectTop(scores.length, (i) => scores[i]!, limit)).toEqual(expected);
    }
  });

  it('returns nothing for no items or no room, and every item when the limit exceeds them', () => {
    expect(selectTop(0, () => 1, 5)).toEqual([]);
    expect(selectTop(3, () => 1, 0)).toEqual([]);
    expect(selectTop(3, (i) => [2, 9, 4][i]!, 10)).toEqual([1, 2, 0]);
  });
});
