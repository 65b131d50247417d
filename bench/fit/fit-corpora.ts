import path from 'node:path';
import { createAnswerDeps } from '../../src/answer/create-answer-deps.js';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import type { Config } from '../../src/config/load-config.js';
import { bankQtype } from '../../src/eval/bank/bank-qtypes.js';
import { readBank } from '../../src/eval/bank/read-bank.js';
import { writeBankCorpus } from '../../src/eval/bank/write-bank-corpus.js';
import { readJsonl, unanswerableSchema } from '../../src/eval/question-sets.js';
import { readRetrievalDataset } from '../../src/eval/retrieval-dataset.js';
import { prepareIndex } from '../../src/indexing/prepare-index.js';

/** One question the answer models are fitted or chosen on. */
export interface FitQuestion { id: string; question: string; qtype: string; gold: Array<{ docId: string; quote: string }>; answerable: boolean; nearMiss: boolean }

/** A corpus the models are fitted (train) or chosen (dev) on: its answering dependencies and its questions. */
export interface FitCorpus {
  name: string; split: 'train' | 'dev'; deps: AnswerDeps; questions: FitQuestion[];
  /** The kind of text: the bank's speeches, the bank's written corpora (news, opinion, essays), or the project's own corpora. */
  source: 'speeches' | 'written' | 'project';
  /** The bank round it joined in (`corpus.json`), whose gates read it; 1 for the project's own corpora. */
  round: number;
}


async function open(config: Config, name: string, corpusDir: string, indexDir: string, log: (line: string) => void): Promise<AnswerDeps> {
  const side = { ...config, store: 'local' as const, corpusDir, indexDir };
  await prepareIndex(side, { log: (line) => log(`${name}: ${line}`) });
  return createAnswerDeps(side);
}

/**
 * The corpora the answer ranker and the answerability model learn from, by split: train is the bank's train
 * corpora, corpus3 and the default corpus's first sets; dev is the bank's dev corpora and the default corpus's v2
 * and v3 dev halves (train too, with `defaultDevAsTrain`: then the bank's dev corpora alone choose). Test corpora
 * (the bank's, corpus2, the v2 and v3 test halves) are never opened here.
 */
export async function openFitCorpora(config: Config, root: string, log: (line: string) => void, options: { defaultDevAsTrain?: boolean } = {}): Promise<FitCorpus[]> {
  const corpora: FitCorpus[] = [];
  const local = async (name: string, split: 'train' | 'dev', dir: string, answerable: string, unanswerable: string, keep: (q: { split?: string }) => boolean, deps?: AnswerDeps) => {
    const questions = (await readRetrievalDataset(path.join(root, answerable))).filter(keep);
    const negatives = (await readJsonl(path.join(root, unanswerable), unanswerableSchema)).filter(keep);
    corpora.push({
      name, split, source: 'project', round: 1, deps: deps ?? await open(config, name, path.join(root, dir), path.join(root, 'indexes', name), log),
      questions: [
        ...questions.map((q) => ({ id: q.id, question: q.question, qtype: bankQtype(q.qtype) ?? 'other', gold: q.gold, answerable: true, nearMiss: false })),
        ...negatives.map((q, i) => ({ id: `${name}-u${i}`, question: q.question, qtype: 'other', gold: [], answerable: false, nearMiss: q.kind === 'near-miss' })),
      ],
    });
  };
  const defaults = await open(config, 'default', config.corpusDir, config.indexDir, log);
  await local('default', 'train', 'corpus', 'evals/retrieval.jsonl', 'evals/unanswerable.jsonl', () => true, defaults);
  const defaultDev = options.defaultDevAsTrain ? 'train' : 'dev';
  await local('default-v2', defaultDev, 'corpus', 'evals/answers-v2.jsonl', 'evals/unanswerable-v2.jsonl', (q) => q.split === 'dev', defaults);
  await local('default-v3', defaultDev, 'corpus', 'evals/answers-v3.jsonl', 'evals/unanswerable-v3.jsonl', (q) => q.split === 'dev', defaults);
  await local('corpus3', 'train', 'evals/corpus3', 'evals/corpus3/questions.jsonl', 'evals/corpus3/unanswerable.jsonl', () => true);
  const bank = await readBank(path.join(root, 'evals/bank'), config.dataDir);
  if (!bank.available) throw new Error(bank.note);
  for (const corpus of bank.corpora) {
    const split = corpus.meta.split;
    if (split !== 'train' && split !== 'dev') continue;
    const base = path.join(root, 'indexes/bank', corpus.meta.id);
    await writeBankCorpus(corpus, path.join(base, 'corpus'));
    corpora.push({
      name: corpus.meta.id, split, source: corpus.meta.source, round: corpus.meta.round, deps: await open(config, corpus.meta.id, path.join(base, 'corpus'), path.join(base, 'index'), log),
      questions: [
        ...corpus.answerable.map((q) => ({ id: q.id, question: q.question, qtype: q.qtype, gold: q.gold, answerable: true, nearMiss: false })),
        ...corpus.unanswerable.map((q) => ({ id: q.id, question: q.question, qtype: q.qtype ?? 'other', gold: [], answerable: false, nearMiss: q.kind === 'near-miss' })),
      ],
    });
  }
  return corpora;
}
