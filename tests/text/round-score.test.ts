import { describe, expect, it } from 'vitest';
import { roundScore } from '../../src/text/round-score.js';

const written = (x: number) => Number(x.toFixed(4));

describe('roundScore', () => {
  it('rounds exactly as Number(x.toFixed(4)) does over scores of every size and sign', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 200_000; i += 1) {
      const scale = 10 ** Math.floor(random() * 12 - 6);
      const x = (random() - 0.3) * scale;
      expect(Object.is(roundScore(x), written(x)), `x = ${x}`).toBe(true);
    }
  });

  it('leaves ties, near-ties, zeros and huge values to toFixed', () => {
    const cases = [0, -0, 0.00005, -0.00005, 0.12345, 0.99995, 1.00005, 2.5e-5, 0.1 + 0.2, 1 / 3, -1e-9, 123456.78905, 1e12 + 0.00005, 1e300, -1e300, Number.MIN_VALUE];
    for (let k = 0; k < 10_000; k += 1) cases.push((k + 0.5) / 10000, -(k + 0.5) / 10000, k / 10000);
    for (const x of cases) expect(Object.is(roundScore(x), written(x)), `x = ${x}`).toBe(true);
  });
});
