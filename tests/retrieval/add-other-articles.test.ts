import { describe, expect, it } from 'vitest';
import { addOtherArticles } from '../../src/retrieval/add-other-articles.js';

const ranked = ['a1', 'a2', 'a3', 'b1', 'a4', 'b2', 'c1', 'd1'];
const docOf = (id: string) => id[0]!;

describe('addOtherArticles', () => {
  it('keeps the top k as ranked and adds the best item of each article missing from it, in ranking order', () => {
    expect(addOtherArticles(ranked.slice(0, 3), ranked, docOf, 2)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
  });
  it('adds nothing for an article already in the top k, and no more than asked', () => {
    expect(addOtherArticles(ranked.slice(0, 4), ranked, docOf, 1)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
    expect(addOtherArticles(ranked.slice(0, 4), ranked, docOf)).toEqual(['a1', 'a2', 'a3', 'b1']);
  });
  it('keeps picks made out of ranking order (MMR) and never adds a picked item again', () => {
    expect(addOtherArticles(['b1', 'a1'], ranked, docOf, 2)).toEqual(['b1', 'a1', 'c1', 'd1']);
  });
});
