import type { BaselineFigures } from '../baseline/baseline-retrieval.js';
import type { EvalReport, SplitTally } from '../run-answer-eval.js';

/** One corpus's questions of one split, answered: wedge's report and the LangChain recipe's retrieval on them. */
export interface BankCorpusRun { corpus: string; split: string; round: number; report: EvalReport; baseline: BaselineFigures }

/** A figure set with the LangChain + BM25 recipe's retrieval beside wedge's. */
export type TallyWithBaseline = SplitTally & { baselineRecallAt5: number; baselineMrrAt10: number };

/** One split of the bank: its size, wedge's figures beside the recipe's, and the same by question type and by corpus. */
export interface BankSuite {
  split: string;
  counts: { corpora: number; answerable: number; unanswerable: number; nearMisses: number };
  figures: TallyWithBaseline;
  answers: { citationValidity: number; citationRecall: number; citationPrecision: number; faithfulness: number };
  byType: Record<string, TallyWithBaseline>;
  byCorpus: Record<string, TallyWithBaseline>;
  /** The same figures over the corpora of each round (`corpus.json` round), which the gates read. */
  byRound: Record<string, TallyWithBaseline>;
}

type Weighted = { tally: SplitTally; baseline: { recallAt5: number; mrrAt10: number; n: number } };

/** Adds tallies of rates, each rate weighted by the questions it rests on. */
export function mergeTallies(parts: Weighted[]): TallyWithBaseline {
  const sum = (read: (w: Weighted) => number, weight: (w: Weighted) => number) => {
    const total = parts.reduce((acc, p) => acc + weight(p), 0);
    return total ? parts.reduce((acc, p) => acc + read(p) * weight(p), 0) / total : 0;
  };
  const count = (read: (t: SplitTally) => number) => parts.reduce((acc, p) => acc + read(p.tally), 0);
  const answerable = (w: Weighted) => w.tally.answerable;
  return {
    answerable: count((t) => t.answerable),
    unanswerable: count((t) => t.unanswerable),
    nearMisses: count((t) => t.nearMisses),
    steelman: count((t) => t.steelman),
    answered: sum((w) => w.tally.answered, answerable),
    goldCited: sum((w) => w.tally.goldCited, answerable),
    recallAt5: sum((w) => w.tally.recallAt5, answerable),
    mrrAt10: sum((w) => w.tally.mrrAt10, answerable),
    declined: sum((w) => w.tally.declined, (w) => w.tally.unanswerable),
    nearMissesDeclined: sum((w) => w.tally.nearMissesDeclined, (w) => w.tally.nearMisses),
    goldOnOwnSide: sum((w) => w.tally.goldOnOwnSide, (w) => w.tally.steelman),
    citedGold: sum((w) => w.tally.citedGold, (w) => w.tally.answered * w.tally.answerable),
    baselineRecallAt5: sum((w) => w.baseline.recallAt5, (w) => w.baseline.n),
    baselineMrrAt10: sum((w) => w.baseline.mrrAt10, (w) => w.baseline.n),
  };
}

const noBaseline = { recallAt5: 0, mrrAt10: 0, n: 0 };

/** Groups corpus runs into one suite per split (train, dev, test), with by-type and by-corpus breakdowns. */
export function bankSuites(runs: BankCorpusRun[]): BankSuite[] {
  const splits = [...new Set(runs.map((r) => r.split))].sort((a, b) => ['train', 'dev', 'test'].indexOf(a) - ['train', 'dev', 'test'].indexOf(b));
  return splits.map((split) => {
    const mine = runs.filter((r) => r.split === split);
    const whole = (r: BankCorpusRun): Weighted => ({ tally: Object.values(r.report.splits)[0]!, baseline: { recallAt5: r.baseline.recallAt5, mrrAt10: r.baseline.mrrAt10, n: r.report.answers.questions } });
    const types = [...new Set(mine.flatMap((r) => Object.keys(r.report.byType)))].sort();
    const answers = (read: (r: EvalReport) => number) => {
      const items = mine.reduce((acc, r) => acc + r.report.items.length, 0);
      return items ? mine.reduce((acc, r) => acc + read(r.report) * r.report.items.length, 0) / items : 1;
    };
    const figures = mergeTallies(mine.filter((r) => Object.keys(r.report.splits).length).map(whole));
    return {
      split,
      counts: { corpora: new Set(mine.map((r) => r.corpus)).size, answerable: figures.answerable, unanswerable: figures.unanswerable, nearMisses: figures.nearMisses },
      figures,
      answers: {
        citationValidity: answers((r) => r.answers.citationValidity),
        citationRecall: answers((r) => r.answers.citationRecall),
        citationPrecision: answers((r) => r.answers.citationPrecision),
        faithfulness: answers((r) => r.answers.faithfulness),
      },
      byType: Object.fromEntries(types.map((type) => [type, mergeTallies(mine.filter((r) => r.report.byType[type]).map((r) => ({ tally: r.report.byType[type]!, baseline: r.baseline.byType[type] ?? noBaseline })))])),
      byCorpus: Object.fromEntries([...new Set(mine.map((r) => r.corpus))].map((corpus) => [corpus, mergeTallies(mine.filter((r) => r.corpus === corpus && Object.keys(r.report.splits).length).map(whole))])),
      byRound: Object.fromEntries([...new Set(mine.map((r) => r.round))].sort((a, b) => a - b).map((round) => [String(round), mergeTallies(mine.filter((r) => r.round === round && Object.keys(r.report.splits).length).map(whole))])),
    };
  });
}
