import { describe, expect, it } from 'vitest';
import { columnsOf, predict, readsTypes } from '../../../src/answer/ranking/rank-sentences.js';

const names = ['retrieval', 'lexical', 'typed'] as const;
const weights = { features: ['typed', 'retrieval'], mean: [0, 0], scale: [1, 1], coefficients: [2, 0], bias: 0 };

describe('model columns', () => {
  it('reads a model fitted on a subset of the features by name, in its own order', () => {
    const at = columnsOf(weights, names);
    expect(at).toEqual([2, 0]);
    expect(predict([0.5, 0.9, 1], weights, at)).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(predict([0.5, 0.9, 0], weights, at)).toBeCloseTo(0.5);
  });

  it('refuses weights naming a feature this version does not compute', () => {
    expect(() => columnsOf({ ...weights, features: ['typed', 'gone'] }, names)).toThrow(/gone.*fit:ranker/);
  });

  it('says whether a model reads the tagged answer type', () => {
    expect(readsTypes(weights)).toBe(true);
    expect(readsTypes({ ...weights, features: ['retrieval', 'lexical'] })).toBe(false);
  });
});
