import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError } from '../../errors/wedge-error.js';
import { BOOSTED_INPUTS } from './answerability.js';
import { boostedTreesSchema } from './boosted-trees.js';
import { FEATURE_NAMES } from './sentence-features.js';

const rankerSchema = z.object({
  features: z.array(z.string()).min(1),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  coefficients: z.array(z.number()),
  bias: z.number(),
});

/**
 * A boosted answerability model (models/answerability-v3.json, written by `npm run fit:ranker -- --boosted`, used when `WEDGE_ANSWERABILITY_MODEL` names it):
 * trees over the question-level features and each sentence feature's largest value among the candidates, the
 * ranker whose order those question-level features read, the cut-off below which a question is declined, and
 * the figures it was chosen on.
 */
export const boostedAnswerabilitySchema = boostedTreesSchema.extend({
  ranker: rankerSchema,
  cutoff: z.number().min(0).max(1),
  fitted: z.record(z.string(), z.unknown()).default({}),
});
/** The boosted answerability model as read from its file. */
export type BoostedAnswerability = z.infer<typeof boostedAnswerabilitySchema>;

/** Reads a boosted answerability model; a missing or malformed file is a DataFileError naming it. */
export function readAnswerabilityModel(file: string): BoostedAnswerability {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataFileError(`answerability model ${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = boostedAnswerabilitySchema.safeParse(raw);
  if (!parsed.success) throw new DataFileError(`answerability model ${file} is malformed: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  // A model from another version may name features this one does not compute: refused here, not at the first question.
  const unknown = [...parsed.data.features.filter((name) => !(BOOSTED_INPUTS as readonly string[]).includes(name)), ...parsed.data.ranker.features.filter((name) => !(FEATURE_NAMES as readonly string[]).includes(name))];
  if (unknown.length) throw new DataFileError(`answerability model ${file} reads features this version does not compute (${unknown.join(', ')}): refit it with npm run fit:ranker -- --boosted`);
  return parsed.data;
}
