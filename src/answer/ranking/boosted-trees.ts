import { z } from 'zod';

/**
 * One regression tree, its nodes in flat arrays: node i splits on `feature[i]` (x ≤ `threshold[i]` goes to
 * `left[i]`, the rest to `right[i]`), or is a leaf worth `value[i]` when `feature[i]` is -1.
 */
export const treeSchema = z.object({
  feature: z.array(z.number().int().min(-1)),
  threshold: z.array(z.number()),
  left: z.array(z.number().int().min(0)),
  right: z.array(z.number().int().min(0)),
  value: z.array(z.number()),
}).refine((t) => [t.threshold, t.left, t.right, t.value].every((a) => a.length === t.feature.length), 'a tree\'s node arrays differ in length');

/** Gradient-boosted trees over named features: a probability is the logistic of `base` plus each tree's leaf. */
export const boostedTreesSchema = z.object({
  kind: z.literal('boosted-trees'),
  features: z.array(z.string()).min(1),
  base: z.number(),
  trees: z.array(treeSchema),
});
/** A boosted-trees model (fit-boosted.ts fits one). */
export type BoostedTrees = z.infer<typeof boostedTreesSchema>;
/** One of its trees. */
export type Tree = z.infer<typeof treeSchema>;

/** The leaf a feature vector reaches in one tree. */
export function treeValue(tree: Tree, x: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node]! >= 0) node = x[tree.feature[node]!]! <= tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  return tree.value[node]!;
}

/** Probability the model gives a feature vector whose columns are in the model's own feature order. */
export function boostedProbability(model: BoostedTrees, x: ArrayLike<number>): number {
  let sum = model.base;
  for (const tree of model.trees) sum += treeValue(tree, x);
  return 1 / (1 + Math.exp(-sum));
}
