import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import type { Bank } from '../eval/bank/read-bank.js';
import { stanceFigures, type StanceFigures, type SupportFigures } from '../eval/bank/score-bank-items.js';
import { argkpPairs } from '../eval/meaning/argkp-split.js';
import { encoder, modelAnswer, modelSamePoint, modelStance, modelSupport, type AnswerFigures, type SamePointFigures } from '../eval/meaning/meaning-figures.js';
import { loadMeaningModel } from '../meaning/meaning-model.js';
import { stanceLabel, stanceToward } from '../meaning/stance-toward.js';

/** The meaning model measured on the bank's test corpora, ArgKP's test topics and stance-v2 test, or why it was not. */
export type MeaningEvalResult =
  | { available: false; note: string }
  | { available: true; model: string; /** The files the answer and same-point figures come from (their own models, or the meaning model where one is absent). */ answerModel: string; samePointModel: string; stance: StanceFigures; stanceV2: StanceFigures; support: SupportFigures; answer: AnswerFigures; samePoint: SamePointFigures };

/**
 * Measures the shipped meaning model once per run on data it never trained on: the bank's test corpora (stance,
 * support, answer), ArgKP-2021's test topics (same point) and the default corpus's stance-v2 test sentences
 * toward its two sides' theses.
 */
export async function runMeaningEval(options: {
  modelFile: string; vectors: GloveVectors; bank: Bank; dataDir: string; answerModelFile?: string; samePointModelFile?: string;
  stanceV2: Array<{ sentence: string; stance: string; split: string }>; sides?: [string, string];
}): Promise<MeaningEvalResult> {
  if (!options.bank.available) return { available: false, note: 'meaning model not measured: the question bank is unavailable' };
  if (!existsSync(options.modelFile)) return { available: false, note: `meaning model not measured: ${options.modelFile} not found` };
  const model = await loadMeaningModel(options.modelFile, options.vectors);
  // A head trained on its own ships in a file of its own; without that file the meaning model's head is measured.
  const headFile = (file?: string) => (file && existsSync(file) ? file : options.modelFile);
  const headModel = async (file: string) => (file === options.modelFile ? model : loadMeaningModel(file, options.vectors));
  const answerFile = headFile(options.answerModelFile);
  const samePointFile = headFile(options.samePointModelFile);
  const answerModel = await headModel(answerFile);
  const samePointModel = await headModel(samePointFile);
  // The first round's test corpora: the gates on these figures were set on them.
  const test = options.bank.corpora.filter((c) => c.meta.split === 'test' && c.meta.round === 1);
  const encode = encoder(model);
  const sides = options.sides?.map(encode);
  // Without default sides there is no thesis to judge stance-v2 against: every sentence then counts as missed.
  const classify = (sentence: string) => (sides ? stanceLabel(stanceToward(model, sides[0]!, sides[1]!, encode(sentence))) : 'unjudged');
  const stanceV2 = stanceFigures(options.stanceV2.filter((r) => r.split === 'test'), classify).test ?? { n: 0, accuracy: 0, majority: 0, labels: {} };
  return {
    available: true,
    model: path.basename(options.modelFile),
    answerModel: path.basename(answerFile),
    samePointModel: path.basename(samePointFile),
    stance: modelStance(model, test).test!,
    stanceV2,
    support: modelSupport(model, test).test!,
    answer: modelAnswer(answerModel, test),
    samePoint: modelSamePoint(samePointModel, await argkpPairs(options.dataDir, 'test')),
  };
}
