import { describe, expect, it } from 'vitest';
import { fitBoosted } from '../../../bench/fit/fit-boosted.js';
import { fitLogistic } from '../../../bench/fit/fit-logistic.js';
import { boostedProbability, treeValue } from '../../../src/answer/ranking/boosted-trees.js';
import { predict } from '../../../src/answer/ranking/rank-sentences.js';

// A deterministic grid over [0, 1]²: positive exactly when the first feature lies in a middle band, which no linear model can say.
const grid = Array.from({ length: 400 }, (_, i) => [(i % 20) / 19, Math.floor(i / 20) / 19]);
const band = grid.map(([a]) => (a! > 0.25 && a! < 0.75 ? 1 : 0));
const accuracy = (scores: number[]) => scores.filter((s, i) => (s >= 0.5 ? 1 : 0) === band[i]).length / band.length;

describe('fitBoosted', () => {
  it('learns a band of one feature that logistic regression cannot', () => {
    const trees = fitBoosted(grid, band, ['a', 'b'], { rounds: 60, depth: 2, minLeaf: 5 });
    const logistic = fitLogistic(grid, band, ['a', 'b']);
    expect(accuracy(grid.map((x) => boostedProbability(trees, x)))).toBeGreaterThan(0.95);
    expect(accuracy(grid.map((x) => predict(x, logistic)))).toBeLessThan(0.75);
  });

  it('gives the same trees for the same data (no sampling), and more say to a weighted row', () => {
    const once = fitBoosted(grid, band, ['a', 'b'], { rounds: 5 });
    expect(fitBoosted(grid, band, ['a', 'b'], { rounds: 5 })).toEqual(once);
    // Label the rows of one corner the other way: alone they are outvoted by their neighbours, weighed heavily they win.
    const inCorner = (x: number[]) => x[0]! < 0.2 && x[1]! < 0.2;
    const flipped = band.map((y, i) => (inCorner(grid[i]!) ? 1 - y : y));
    const options = { rounds: 60, depth: 2, minLeaf: 40 };
    const corner = [0.05, 0.05];
    expect(boostedProbability(fitBoosted(grid, flipped, ['a', 'b'], options), corner)).toBeLessThan(0.5);
    expect(boostedProbability(fitBoosted(grid, flipped, ['a', 'b'], options, grid.map((x) => (inCorner(x) ? 50 : 1))), corner)).toBeGreaterThan(0.5);
  });

  it('keeps every leaf at least minLeaf rows and splits at a training value, values at the threshold going left', () => {
    const trees = fitBoosted(grid, band, ['a', 'b'], { rounds: 3, depth: 3, minLeaf: 30 });
    for (const tree of trees.trees) {
      const counts = new Map<number, number>();
      for (const x of grid) {
        let node = 0;
        while (tree.feature[node]! >= 0) node = x[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
        counts.set(node, (counts.get(node) ?? 0) + 1);
        expect(tree.value[node]).toBe(treeValue(tree, x));
      }
      expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(30);
      for (const [i, f] of tree.feature.entries()) if (f >= 0) expect(grid.some((x) => x[f] === tree.threshold[i])).toBe(true);
    }
  });
});
