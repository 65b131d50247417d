import path from 'node:path';
import { classifyStance } from '../../src/answer/steelman/classify-stance.js';
import { judgeKnowledge } from '../../src/answer/citations/judge-knowledge.js';
import { scoreSupport } from '../../src/answer/citations/score-support.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { readBank, type BankCorpus } from '../../src/eval/bank/read-bank.js';
import { stanceFigures, supportFigures } from '../../src/eval/bank/score-bank-items.js';
import { modelAnswer, modelSamePoint, modelStance, modelSupport, type AnswerFigures } from '../../src/eval/meaning/meaning-figures.js';
import { argkpPairs } from '../../src/eval/meaning/argkp-split.js';
import { loadMeaningModel, type MeaningModel } from '../../src/meaning/meaning-model.js';

/** The answer figures by corpus and by question type (a near miss counts under the type it was written as). */
function answerBreakdown(model: MeaningModel, corpora: BankCorpus[]) {
  const qtype = new Map(corpora.flatMap((c) => [...c.answerable, ...c.unanswerable].map((q) => [q.id, q.qtype ?? 'untyped'] as const)));
  const short = (f: AnswerFigures) => `${f.goldFirst.toFixed(3)} / ${f.nearMissAuc.toFixed(3)} (${f.questions}+${f.nearMisses})`;
  return {
    corpus: Object.fromEntries(corpora.map((c) => [c.meta.id, short(modelAnswer(model, [c]))])),
    type: Object.fromEntries([...new Set(qtype.values())].sort().map((t) => [t, short(modelAnswer(model, corpora, (id) => qtype.get(id) === t))])),
  };
}

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
  // A model may hold a subset of the heads (an answer-only model): only those are measured.
  const has = (task: string) => task in model.header.tasks;
  const result = {
    model: file, split, dev: model.header.dev,
    ...(has('stance') || has('side') ? { stance: { model: modelStance(model, corpora)[split], rules: rulesStance[split] } } : {}),
    ...(has('support') ? { support: { model: modelSupport(model, corpora)[split], rules: rulesSupport[split] } } : {}),
    ...(has('answer') ? { answer: modelAnswer(model, corpora), answerBy: answerBreakdown(model, corpora) } : {}),
    ...(has('same') ? { samePoint: { ...modelSamePoint(model, pairs), positives: pairs.filter((p) => p.same).length } } : {}),
    seconds: (Date.now() - started) / 1000,
  };
  console.log(JSON.stringify(result, null, 2));
}

await main();
