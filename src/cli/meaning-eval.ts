import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import type { Bank } from '../eval/bank/read-bank.js';
import type { StanceFigures, SupportFigures } from '../eval/bank/score-bank-items.js';
import { argkpSplit } from '../eval/meaning/argkp-split.js';
import { encoder, modelAnswer, modelSamePoint, modelStance, modelSupport, type AnswerFigures, type SamePointFigures } from '../eval/meaning/meaning-figures.js';
import { readCsv } from '../eval/meaning/read-csv.js';
import { loadMeaningModel } from '../meaning/meaning-model.js';
import { stanceLabel, stanceToward } from '../meaning/stance-toward.js';

/** The meaning model measured on the bank's test corpora, ArgKP's test topics and stance-v2 test, or why it was not. */
export type MeaningEvalResult =
  | { available: false; note: string }
  | { available: true; model: string; stance: StanceFigures; stanceV2: { n: number; accuracy: number; majority: number }; support: SupportFigures; answer: AnswerFigures; samePoint: SamePointFigures };

/**
 * Measures the shipped meaning model once per run on data it never trained on: the bank's test corpora (stance,
 * support, answer), ArgKP-2021's test topics (same point) and the default corpus's stance-v2 test sentences
 * toward its two sides' theses.
 */
export async function runMeaningEval(options: {
  modelFile: string; vectors: GloveVectors; bank: Bank; dataDir: string;
  stanceV2: Array<{ sentence: string; stance: string; split: string }>; sides?: [string, string];
}): Promise<MeaningEvalResult> {
  if (!options.bank.available) return { available: false, note: 'meaning model not measured: the question bank is unavailable' };
  if (!existsSync(options.modelFile)) return { available: false, note: `meaning model not measured: ${options.modelFile} not found` };
  const model = await loadMeaningModel(options.modelFile, options.vectors);
  const test = options.bank.corpora.filter((c) => c.meta.split === 'test');
  const argkp = await readCsv(path.join(options.dataDir, 'ibm-debater/argkp-2021/ArgKP-2021_dataset.csv'));
  const split = argkpSplit(argkp.map((r) => r.topic!));
  const pairs = argkp.filter((r) => split.get(r.topic!) === 'test').map((r) => ({ a: r.key_point!, b: r.argument!, same: r.label === '1' }));
  const rows = options.stanceV2.filter((r) => r.split === 'test');
  let right = 0;
  if (options.sides) {
    const encode = encoder(model);
    const [pro, con] = options.sides.map(encode) as [ReturnType<typeof encode>, ReturnType<typeof encode>];
    for (const row of rows) {
      const label = stanceLabel(stanceToward(model, pro, con, encode(row.sentence)));
      if ((label === 'neither' ? 'neutral' : label) === row.stance) right += 1;
    }
  }
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.stance, (counts.get(row.stance) ?? 0) + 1);
  return {
    available: true,
    model: path.basename(options.modelFile),
    stance: modelStance(model, test).test!,
    stanceV2: { n: rows.length, accuracy: rows.length ? right / rows.length : 0, majority: rows.length ? Math.max(...counts.values()) / rows.length : 0 },
    support: modelSupport(model, test).test!,
    answer: modelAnswer(model, test),
    samePoint: modelSamePoint(model, pairs),
  };
}
