import { describe, expect, it } from 'vitest';
import { modelsReadTypes } from '../../../src/answer/assess-question.js';
import { columnsOf, predict } from '../../../src/answer/ranking/rank-sentences.js';

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

  it('says whether the models read the tagged answer type, not mistaking the older surface check "typed-answer" for it', () => {
    expect(modelsReadTypes({ ranker: weights })).toBe(true);
    expect(modelsReadTypes({ ranker: { ...weights, features: ['retrieval', 'lexical'] } })).toBe(false);
    expect(modelsReadTypes({ answerability: { ...weights, features: ['typed-answer', 'focus-exact'], cutoff: 0.5 } })).toBe(false);
    expect(modelsReadTypes({ answerability: { ...weights, features: ['expected-type', 'focus-exact'], cutoff: 0.5 } })).toBe(true);
  });
});
