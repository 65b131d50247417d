import path from 'node:path';
import { createAnswerDeps } from '../answer/create-answer-deps.js';
import type { Config } from '../config/load-config.js';
import { scoreBaseline } from '../eval/baseline/baseline-retrieval.js';
import { createLangchainBm25 } from '../eval/baseline/langchain-bm25.js';
import { bankQtype } from '../eval/bank/bank-qtypes.js';
import { bankSuites, type BankCorpusRun, type BankSuite } from '../eval/bank/bank-suites.js';
import type { Bank, BankCorpus } from '../eval/bank/read-bank.js';
import { checkBankCorpus } from '../eval/bank/check-bank.js';
import { DataFileError } from '../errors/wedge-error.js';
import { stanceFigures, supportFigures, type StanceFigures, type SupportFigures } from '../eval/bank/score-bank-items.js';
import { writeBankCorpus } from '../eval/bank/write-bank-corpus.js';
import { inProcessTarget, type EvalTarget } from '../eval/eval-target.js';
import type { RetrievalQuestionInput } from '../eval/retrieval-dataset.js';
import { runAnswerEval, type EvalSets } from '../eval/run-answer-eval.js';
import type { SupportJudge } from '../eval/score/score-answers.js';
import { prepareIndex } from '../indexing/prepare-index.js';

/** A corpus of the project's own (default, corpus2, corpus3) that joins the bank's suites with its existing questions. */
export interface LocalBankCorpus { id: string; split: string; target: () => Promise<EvalTarget>; answerable: RetrievalQuestionInput[]; unanswerable: EvalSets['unanswerable'] }

/** What the bank's suites measured: one suite per split, and today's stance classifier and support judge on the bank's items. */
export type BankEvalResult = { available: false; note: string } | { available: true; suites: BankSuite[]; stance: Record<string, StanceFigures>; support: Record<string, SupportFigures> };

const renameType = <T extends { qtype?: string }>(q: T): T => (q.qtype ? { ...q, qtype: bankQtype(q.qtype) } : q);

/** Indexes a corpus folder beside the default index (under indexes/<name>) and answers from it in process. */
export async function sideCorpusTarget(config: Config, corpusDir: string, name: string, log: (line: string) => void): Promise<EvalTarget> {
  const side = { ...config, store: 'local' as const, corpusDir, indexDir: path.join(path.dirname(config.indexDir), name) };
  await prepareIndex(side, { log });
  return inProcessTarget(await createAnswerDeps(side));
}

/** Number of questions the bank run will ask, for the progress bar. */
export function bankQuestionCount(bank: Bank, locals: LocalBankCorpus[]): number {
  if (!bank.available) return 0;
  return bank.corpora.reduce((n, c) => n + c.answerable.length + c.unanswerable.length, 0) + locals.reduce((n, l) => n + l.answerable.length + l.unanswerable.length, 0);
}

/**
 * Runs the question bank: each speech corpus is laid out and indexed under indexes/bank/<id>, its questions
 * answered in process and scored beside the LangChain recipe; the project's own corpora join with their sets.
 */
export async function runBankEval(options: {
  config: Config; bank: Bank; locals: LocalBankCorpus[]; judge: SupportJudge; supports: (statement: string, cited: string) => boolean;
  classifyStance: (sentence: string) => string; log: (line: string) => void; onProgress?: () => void;
}): Promise<BankEvalResult> {
  const { config, bank, log } = options;
  if (!bank.available) return bank;
  // A quote that is not verbatim would silently score as a miss; stop instead, naming every such item.
  const problems = bank.corpora.flatMap(checkBankCorpus);
  if (problems.length) throw new DataFileError(`the question bank has ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`);
  const runs: BankCorpusRun[] = [];
  const run = async (corpus: string, split: string, round: number, target: EvalTarget, answerable: RetrievalQuestionInput[], unanswerable: EvalSets['unanswerable']) => {
    if (!answerable.length && !unanswerable.length) return;
    const withSplit = { answerable: answerable.map((q) => renameType({ ...q, split: split as never })), unanswerable: unanswerable.map((q) => renameType({ ...q, split: split as never })), steelman: [] };
    const docs = await target.docs();
    const report = await runAnswerEval(target, withSplit, options.judge, { prefix: `bank:${corpus}:`, onProgress: options.onProgress });
    runs.push({ corpus, split, round, report, baseline: scoreBaseline(await createLangchainBm25(docs), withSplit.answerable, docs) });
  };
  for (const local of options.locals) await run(local.id, local.split, 1, await local.target(), local.answerable, local.unanswerable);
  const root = path.join(path.dirname(config.indexDir), 'bank');
  for (const corpus of bank.corpora) {
    if (!corpus.answerable.length && !corpus.unanswerable.length) continue;
    const corpusDir = path.join(root, corpus.meta.id, 'corpus');
    await writeBankCorpus(corpus, corpusDir);
    const side = { ...config, store: 'local' as const, corpusDir, indexDir: path.join(root, corpus.meta.id, 'index') };
    await prepareIndex(side, { log: (line) => log(`bank ${corpus.meta.id}: ${line}`) });
    await run(corpus.meta.id, corpus.meta.split, corpus.meta.round, inProcessTarget(await createAnswerDeps(side)), corpus.answerable, corpus.unanswerable);
  }
  // A later round's items are counted apart (`test@2`), so the gates on a split keep reading the corpora they were set on.
  const splitOf = (c: BankCorpus) => (c.meta.round === 1 ? c.meta.split : `${c.meta.split}@${c.meta.round}`);
  const stanceRows = bank.corpora.flatMap((c) => c.stance.map((s) => ({ ...s, split: splitOf(c) })));
  const supportRows = bank.corpora.flatMap((c) => c.support.map((s) => ({ ...s, split: splitOf(c) })));
  return {
    available: true,
    suites: bankSuites(runs),
    stance: stanceFigures(stanceRows, options.classifyStance),
    support: supportFigures(supportRows, options.supports),
  };
}
