import { describe, expect, it } from 'vitest';
import { PairDots } from '../../../src/answer/ranking/pair-dots.js';

describe('PairDots', () => {
  it('computes each pair once, in either order, and serves it after', () => {
    const table = new PairDots(10);
    const [a, b, c] = [{ serial: table.enrol() }, { serial: table.enrol() }, { serial: table.enrol() }];
    let calls = 0;
    const compute = (x: { serial: number }, y: { serial: number }) => (calls += 1, x.serial * 10 + y.serial + 0.5);
    expect(table.dot(a, b, compute)).toBe(1.5);
    expect(table.dot(b, a, compute)).toBe(1.5);
    expect(table.dot(c, b, compute)).toBe(21.5);
    expect(table.dot(c, c, compute)).toBe(22.5);
    expect(calls).toBe(3);
  });

  it('grows as sentences enrol and keeps what it held', () => {
    const table = new PairDots(2000);
    const sentences = Array.from({ length: 1500 }, () => ({ serial: table.enrol() }));
    const compute = (x: { serial: number }, y: { serial: number }) => x.serial + y.serial;
    expect(table.dot(sentences[0]!, sentences[1]!, compute)).toBe(1);
    expect(table.dot(sentences[1499]!, sentences[1498]!, compute)).toBe(2997);
    expect(table.dot(sentences[1]!, sentences[0]!, () => NaN)).toBe(1);
  });

  it('computes every time for a sentence enrolled past its limit', () => {
    const table = new PairDots(1);
    const kept = { serial: table.enrol() };
    const late = { serial: table.enrol() };
    expect(late.serial).toBe(-1);
    let calls = 0;
    const compute = () => (calls += 1, 0.25);
    table.dot(kept, late, compute);
    table.dot(late, kept, compute);
    expect(calls).toBe(2);
  });
});
