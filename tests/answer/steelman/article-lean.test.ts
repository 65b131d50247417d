import { describe, expect, it } from 'vitest';
import { articleLean, articleLeans } from '../../../src/answer/steelman/article-lean.js';

describe('articleLean', () => {
  it('names a side only when a sign test rejects an even split at 0.1', () => {
    expect(articleLean(3, 0)).toBe(0); // P = 0.125
    expect(articleLean(4, 0)).toBe(1); // P = 0.0625
    expect(articleLean(0, 4)).toBe(-1);
    expect(articleLean(5, 1)).toBe(0); // P = 0.109
    expect(articleLean(7, 1)).toBe(1); // P = 0.035
    expect(articleLean(2, 1)).toBe(0);
  });
  it('says nothing of an article with no sentence on either side, or as many on each', () => {
    expect(articleLean(0, 0)).toBe(0);
    expect(articleLean(6, 6)).toBe(0);
  });
  it('tallies each article\'s signed sentences before testing its lean', () => {
    const signed = [...Array(4).fill({ docId: 'a', sign: 2 }), { docId: 'a', sign: 0 }, { docId: 'b', sign: -1 }, { docId: 'b', sign: 1 }, ...Array(4).fill({ docId: 'c', sign: -0.5 })];
    expect(articleLeans(signed)).toEqual(new Map([['a', 1], ['b', 0], ['c', -1]]));
  });
});
