import { describe, expect, it } from 'vitest';
import { stanceFigures } from '../../../src/eval/bank/score-bank-items.js';

describe('stanceFigures', () => {
  const rows = [
    { split: 'test', sentence: 'a', stance: 'pro' },
    { split: 'test', sentence: 'b', stance: 'pro' },
    { split: 'test', sentence: 'c', stance: 'pro' },
    { split: 'test', sentence: 'd', stance: 'con' },
    { split: 'test', sentence: 'e', stance: 'neither' },
    { split: 'test', sentence: 'f', stance: 'neither' },
  ];

  it('scores accuracy beside the majority class, and which side it gives the arguing sentences it gives one', () => {
    // a right, b wrong side, c called neither, d right, e given a side, f right.
    const verdict: Record<string, string> = { a: 'pro', b: 'con', c: 'neither', d: 'con', e: 'pro', f: 'neutral' };
    const figures = stanceFigures(rows, (s) => verdict[s]!).test!;
    expect(figures.accuracy).toBeCloseTo(3 / 6);
    expect(figures.majority).toBeCloseTo(3 / 6);
    // a, b and d argue a side and were given one: a and d rightly; two of the three are pro.
    expect(figures.sided).toEqual({ n: 3, accuracy: 2 / 3, majority: 2 / 3 });
  });
  it('leaves the side figure out when the classifier gives no arguing sentence a side', () => {
    expect(stanceFigures(rows, () => 'neither').test!.sided).toBeUndefined();
  });
});
