import type { BoostedTrees, Tree } from '../../src/answer/ranking/boosted-trees.js';

/** How the trees are grown; the defaults are those chosen on dev for the answerability model. */
export interface BoostOptions { rounds: number; depth: number; rate: number; minLeaf: number; lambda: number; bins: number }
export const BOOST_DEFAULTS: BoostOptions = { rounds: 300, depth: 4, rate: 0.05, minLeaf: 20, lambda: 1, bins: 32 };

/** Each feature's candidate split points: up to `bins` - 1 distinct quantiles of its training values. */
function splitPoints(x: number[][], j: number, bins: number): number[] {
  const sorted = x.map((v) => v[j]!).sort((a, b) => a - b);
  const points = new Set<number>();
  for (let b = 1; b < bins; b += 1) points.add(sorted[Math.floor((b * (sorted.length - 1)) / bins)]!);
  points.delete(sorted[sorted.length - 1]!);
  return [...points].sort((a, b) => a - b);
}

/**
 * Gradient boosting of regression trees under the logistic loss (Friedman 2001, with the Newton leaf values and
 * L2-regularised split gain of XGBoost, Chen & Guestrin 2016), class-balanced, on histogram bins of each feature
 * (as LightGBM and scikit-learn's HistGradientBoosting do). Deterministic: no sampling. `rowWeight` scales a row's
 * say beyond the class balance (1 for every row when absent).
 */
export function fitBoosted(x: number[][], y: number[], names: readonly string[], options: Partial<BoostOptions> = {}, rowWeight?: number[]): BoostedTrees {
  const o = { ...BOOST_DEFAULTS, ...options };
  const n = x.length;
  const d = names.length;
  const points = Array.from({ length: d }, (_, j) => splitPoints(x, j, o.bins));
  // A row's bin per feature: the number of split points below its value (bin b holds values in (p[b-1], p[b]]).
  const bin = Array.from({ length: d }, (_, j) => Uint8Array.from(x, (v) => { let b = 0; while (b < points[j]!.length && v[j]! > points[j]![b]!) b += 1; return b; }));
  const positives = y.filter(Boolean).length;
  const weight = y.map((label, i) => (rowWeight?.[i] ?? 1) * (label ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives))));
  const base = Math.log(Math.max(1e-9, y.reduce((s, label, i) => s + label * weight[i]!, 0)) / Math.max(1e-9, y.reduce((s, label, i) => s + (1 - label) * weight[i]!, 0)));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Tree[] = [];
  for (let round = 0; round < o.rounds; round += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = weight[i]! * (p - y[i]!);
      h[i] = weight[i]! * p * (1 - p);
    }
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const grow = (rows: number[], depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1); tree.threshold.push(0); tree.left.push(0); tree.right.push(0); tree.value.push(0);
      let G = 0;
      let H = 0;
      for (const i of rows) { G += g[i]!; H += h[i]!; }
      let best = { gain: 1e-9, j: -1, b: -1 };
      if (depth < o.depth && rows.length >= 2 * o.minLeaf) {
        for (let j = 0; j < d; j += 1) {
          const slots = points[j]!.length + 1;
          const gs = new Float64Array(slots);
          const hs = new Float64Array(slots);
          const cs = new Int32Array(slots);
          for (const i of rows) { const b = bin[j]![i]!; gs[b] = gs[b]! + g[i]!; hs[b] = hs[b]! + h[i]!; cs[b] = cs[b]! + 1; }
          let [gl, hl, cl] = [0, 0, 0];
          for (let b = 0; b < slots - 1; b += 1) {
            gl += gs[b]!; hl += hs[b]!; cl += cs[b]!;
            if (cl < o.minLeaf || rows.length - cl < o.minLeaf) continue;
            const gain = (gl * gl) / (hl + o.lambda) + ((G - gl) * (G - gl)) / (H - hl + o.lambda) - (G * G) / (H + o.lambda);
            if (gain > best.gain) best = { gain, j, b };
          }
        }
      }
      if (best.j < 0) {
        tree.value[id] = (-o.rate * G) / (H + o.lambda);
        for (const i of rows) score[i] = score[i]! + tree.value[id]!;
        return id;
      }
      tree.feature[id] = best.j;
      tree.threshold[id] = points[best.j]![best.b]!;
      tree.left[id] = grow(rows.filter((i) => bin[best.j]![i]! <= best.b), depth + 1);
      tree.right[id] = grow(rows.filter((i) => bin[best.j]![i]! > best.b), depth + 1);
      return id;
    };
    grow(Array.from({ length: n }, (_, i) => i), 0);
    trees.push(tree);
  }
  return { kind: 'boosted-trees', features: [...names], base, trees };
}
