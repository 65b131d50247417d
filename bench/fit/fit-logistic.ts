import { columnsOf, predict, type RankerWeights } from '../../src/answer/ranking/rank-sentences.js';
import { FEATURE_NAMES } from '../../src/answer/ranking/sentence-features.js';

function standardise(x: number[][], d: number): { mean: number[]; scale: number[] } {
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, v) => s + v[j]!, 0) / x.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, v) => s + (v[j]! - mean[j]!) ** 2, 0) / x.length) || 1);
  return { mean, scale };
}

/** Pointwise logistic regression (class-balanced, L2) on standardised features, for the question-level answerability model. */
export function fitLogistic(x: number[][], y: number[], names: readonly string[], lambda = 0.01): RankerWeights {
  const d = names.length;
  const { mean, scale } = standardise(x, d);
  const z = x.map((v) => v.map((value, j) => (value - mean[j]!) / scale[j]!));
  const positive = y.filter(Boolean).length;
  const weightOf = (label: number) => (label ? y.length / (2 * Math.max(1, positive)) : y.length / (2 * Math.max(1, y.length - positive)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < 2000; step += 1) {
    const grad = w.map((value) => lambda * value);
    let gradB = 0;
    z.forEach((v, i) => {
      const p = 1 / (1 + Math.exp(-(b + v.reduce((s, value, j) => s + value * w[j]!, 0))));
      const error = (p - y[i]!) * weightOf(y[i]!) / z.length;
      for (let j = 0; j < d; j += 1) grad[j] = grad[j]! + error * v[j]!;
      gradB += error;
    });
    for (let j = 0; j < d; j += 1) w[j] = w[j]! - 0.5 * grad[j]!;
    b -= 0.5 * gradB;
  }
  return { features: [...names], mean, scale, coefficients: w, bias: b };
}

/** One question's candidate sentences: their feature vectors and which hold a gold quote; `weight` (default 1) is how much the question counts in a fit. */
export interface CandidateList { features: number[][]; labels: number[]; weight?: number }

/**
 * Listwise logistic model (conditional logit, as in learning-to-rank's ListNet with one relevant class): per
 * question, the softmax over its candidates should put its mass on the gold sentences. L2-regularised, batch
 * gradient descent on standardised features; Platt scaling then turns its scores into probabilities.
 */
export function fitListwise(rows: CandidateList[], names: readonly string[], lambda: number): RankerWeights {
  const d = names.length;
  const { mean, scale } = standardise(rows.flatMap((r) => r.features), d);
  const lists = rows.filter((r) => r.labels.some(Boolean)).map((r) => ({ z: r.features.map((v) => v.map((value, j) => (value - mean[j]!) / scale[j]!)), labels: r.labels, weight: r.weight ?? 1 }));
  const total = lists.reduce((sum, l) => sum + l.weight, 0);
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < 400; step += 1) {
    const grad = w.map((value) => lambda * value);
    for (const { z, labels, weight } of lists) {
      const scores = z.map((v) => v.reduce((s, value, j) => s + value * w[j]!, 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const all = exp.reduce((a, b) => a + b, 0);
      const gold = exp.reduce((a, e, i) => a + (labels[i] ? e : 0), 0);
      // d(-log(gold/all)) = E_all[x] - E_gold[x]
      z.forEach((v, i) => {
        const coefficient = exp[i]! / all - (labels[i] ? exp[i]! / gold : 0);
        for (let j = 0; j < d; j += 1) grad[j] = grad[j]! + weight * coefficient * v[j]! / total;
      });
    }
    for (let j = 0; j < d; j += 1) w[j] = w[j]! - 0.5 * grad[j]!;
  }
  const points = lists.flatMap((l) => l.z.map((v, i) => ({ s: v.reduce((sum, value, j) => sum + value * w[j]!, 0), y: l.labels[i]! })));
  let [a, bias] = [1, -2];
  for (let step = 0; step < 500; step += 1) {
    let [ga, gb] = [0, 0];
    for (const { s: score, y } of points) {
      const error = 1 / (1 + Math.exp(-(a * score + bias))) - y;
      ga += error * score;
      gb += error;
    }
    a -= 0.5 * ga / points.length;
    bias -= 0.5 * gb / points.length;
  }
  for (let j = 0; j < d; j += 1) w[j] = w[j]! * a;
  return { features: [...names], mean, scale, coefficients: w, bias };
}

/** Share of questions (with a gold sentence among their candidates or not) whose top-ranked sentence is gold, and whose top three hold one. */
export function precisionAt(rows: CandidateList[], weights: RankerWeights): { p1: number; p3: number } {
  let p1 = 0;
  let p3 = 0;
  const at = columnsOf(weights, FEATURE_NAMES);
  for (const row of rows) {
    const order = row.features.map((f, i) => ({ p: predict(f, weights, at), label: row.labels[i]! })).sort((a, b) => b.p - a.p);
    if (order[0]?.label) p1 += 1;
    if (order.slice(0, 3).some((o) => o.label)) p3 += 1;
  }
  return { p1: p1 / Math.max(1, rows.length), p3: p3 / Math.max(1, rows.length) };
}
