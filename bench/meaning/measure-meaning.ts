import path from 'node:path';
import { classifyStance } from '../../src/answer/steelman/classify-stance.js';
import { judgeKnowledge } from '../../src/answer/citations/judge-knowledge.js';
import { scoreSupport } from '../../src/answer/citations/score-support.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { readBank } from '../../src/eval/bank/read-bank.js';
import { stanceFigures, supportFigures } from '../../src/eval/bank/score-bank-items.js';
import { modelAnswer, modelSamePoint, modelStance, modelSupport } from '../../src/eval/meaning/meaning-figures.js';
import { argkpPairs } from '../../src/eval/meaning/argkp-split.js';
import { loadMeaningModel } from '../../src/meaning/meaning-model.js';

/**
 * Measures a meaning model on one split of the bank and of ArgKP (dev to choose between models; test once per
 * model), beside the majority class and today's rules: `node dist/bench/meaning/measure-meaning.js MODEL dev|test`.
 */
async function main(): Promise<void> {
  const [file = 'models/meaning-v1.bin', split = 'dev'] = process.argv.slice(2);
  const dataDir = path.resolve('../shared/data');
  const vectors = await loadGloveVectors('indexes/.cache');
  const model = await loadMeaningModel(file, vectors);
  const bank = await readBank(path.resolve('evals/bank'), dataDir);
  if (!bank.available) throw new Error(bank.note);
  const corpora = bank.corpora.filter((c) => c.meta.split === split);
  const knowledge = judgeKnowledge(vectors);
  const rulesStance = stanceFigures(corpora.flatMap((c) => c.stance.map((s) => ({ ...s, split }))), (s) => classifyStance(s).stance);
  const rulesSupport = supportFigures(corpora.flatMap((c) => c.support.map((s) => ({ ...s, split }))), (st, cited) => scoreSupport(st, cited, knowledge).level === 'supported');
  const pairs = await argkpPairs(dataDir, split as 'dev' | 'test');
  const started = Date.now();
  const result = {
    model: file, split, dev: model.header.dev,
    stance: { model: modelStance(model, corpora)[split], rules: rulesStance[split] },
    support: { model: modelSupport(model, corpora)[split], rules: rulesSupport[split] },
    answer: modelAnswer(model, corpora),
    samePoint: { ...modelSamePoint(model, pairs), positives: pairs.filter((p) => p.same).length },
    seconds: (Date.now() - started) / 1000,
  };
  console.log(JSON.stringify(result, null, 2));
}

await main();
