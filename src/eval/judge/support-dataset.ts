import { z } from 'zod';
import { readJsonl } from '../question-sets.js';

/** A labelled (statement, cited text) pair. `dev` tunes the judge; `holdout` (written before the second round of judge work) never does; `test` was held out in the first round and has been looked at since. */
export const supportPairSchema = z.object({
  id: z.string(),
  split: z.enum(['dev', 'test', 'holdout']),
  kind: z.enum(['exact', 'paraphrase', 'number', 'negation', 'swap', 'uncited', 'unrelated']),
  statement: z.string().min(1),
  cited: z.string().min(1),
  supported: z.boolean(),
});

/** A labelled support pair. */
export type SupportPair = z.infer<typeof supportPairSchema>;

/** Reads evals/support.jsonl. */
export function readSupportDataset(file: string): Promise<SupportPair[]> {
  return readJsonl(file, supportPairSchema);
}

/** Accuracy, precision and recall of "supported" verdicts against the labels. */
export function judgeAccuracy(pairs: SupportPair[], verdict: (pair: SupportPair) => boolean) {
  let tp = 0; let fp = 0; let tn = 0; let fn = 0;
  const wrong: string[] = [];
  for (const pair of pairs) {
    const said = verdict(pair);
    if (said && pair.supported) tp += 1;
    else if (said) fp += 1;
    else if (pair.supported) fn += 1;
    else tn += 1;
    if (said !== pair.supported) wrong.push(`${pair.id} (${pair.kind})`);
  }
  const n = pairs.length || 1;
  return { n: pairs.length, accuracy: (tp + tn) / n, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), wrong };
}
