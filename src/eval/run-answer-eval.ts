import type { AnswerResult } from '../answer/answer-result.js';
import type { EvalTarget } from './eval-target.js';
import type { RetrievalQuestionInput } from './retrieval-dataset.js';
import { containsGold, ndcgAtK, recallAtK, reciprocalRankAtK } from './retrieval-metrics.js';
import type { ScoredItem } from './score/answer-item.js';
import { offlineJudge, scoreAnswer, type SupportJudge } from './score/score-answers.js';

/** The question sets one evaluation run uses. */
export interface EvalSets {
  answerable: RetrievalQuestionInput[];
  unanswerable: Array<{ id: string; question: string; split?: Split }>;
  steelman: Array<{ id: string; question: string }>;
  /** Hand-labelled sentence stances (evals/stance.jsonl) for the steelman balance metric. */
  stance?: Array<{ sentence: string; stance: 'pro' | 'con' | 'neutral' }>;
}

type Split = 'dev' | 'holdout';

/** Per split: gold-cited and declined rates (0–1) and how many questions each rests on. */
export type SplitFigures = Record<Split, { answerable: number; goldCited: number; unanswerable: number; declined: number }>;

/** Aggregate figures of one run; every rate is 0–1. */
export interface EvalReport {
  target: string;
  generator: string;
  retrieval: { recallAt5: number; mrrAt10: number; ndcgAt10: number };
  answers: { answered: number; cites: number; goldCited: number; citationValidity: number; citationRecall: number; citationPrecision: number; faithfulness: number; questions: number };
  abstention: { declined: number; questions: number };
  /** The same two figures on the questions used while tuning (dev) and on those written before the last round (holdout). */
  splits: SplitFigures;
  steelman: { bothSides: number; questions: number; sides: Array<{ label: string; passagesCited: number; labelled: number; stanceAgrees: number }> };
  items: ScoredItem[];
  failures: string[];
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Answers every question of the sets through the target and measures retrieval, citations, faithfulness, abstention and steelman balance. */
export async function runAnswerEval(target: EvalTarget, sets: EvalSets, judge: SupportJudge = offlineJudge()): Promise<EvalReport> {
  const docs = await target.docs();
  const failures: string[] = [];
  const items: ScoredItem[] = [];
  let generator = '';
  let validCitations = 0;
  let citations = 0;
  const checkCitations = (id: string, result: AnswerResult) => {
    generator ||= result.generator === 'none' ? '' : result.generator;
    for (const c of result.citations) {
      citations += 1;
      if (docs.get(c.docId)?.body.slice(c.start, c.end) === c.quote) validCitations += 1;
      else failures.push(`${id}: citation [${c.n}] is not verbatim at ${c.docId}:${c.start}-${c.end}`);
    }
  };
  const ask = (question: string, mode: 'answer' | 'steelman' = 'answer') => target.ask([{ role: 'user', content: question }], mode);

  const retrieval = { recall: [] as number[], mrr: [] as number[], ndcg: [] as number[] };
  let answered = 0;
  let cites = 0;
  let goldCited = 0;
  const tally = { dev: { answerable: 0, goldCited: 0, unanswerable: 0, declined: 0 }, holdout: { answerable: 0, goldCited: 0, unanswerable: 0, declined: 0 } };
  for (const q of sets.answerable) {
    const split = tally[q.split ?? 'dev'];
    split.answerable += 1;
    const gold = q.gold.map((g) => {
      const start = docs.get(g.docId)?.body.indexOf(g.quote) ?? -1;
      if (start < 0) throw new Error(`${q.id}: gold quote not found in ${g.docId}`);
      return { docId: g.docId, start, end: start + g.quote.length };
    });
    const hits = await target.search(q.question, 10);
    retrieval.recall.push(recallAtK(hits, gold, 5));
    retrieval.mrr.push(reciprocalRankAtK(hits, gold, 10));
    retrieval.ndcg.push(ndcgAtK(hits, gold, 10));
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) { failures.push(`${q.id}: declined an answerable question (${result.answer})`); continue; }
    answered += 1;
    items.push(await scoreAnswer({ id: q.id, question: q.question, answer: result.answer, citations: result.citations }, docs, judge));
    if (result.citations.length && /\[\d+\]/.test(result.answer)) cites += 1;
    else failures.push(`${q.id}: answer has no citation`);
    if (result.citations.some((c) => gold.some((g) => containsGold(c, g)))) {
      goldCited += 1;
      split.goldCited += 1;
    } else failures.push(`${q.id}: no gold quote cited`);
  }
  let declined = 0;
  for (const q of sets.unanswerable) {
    const split = tally[q.split ?? 'dev'];
    split.unanswerable += 1;
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) {
      declined += 1;
      split.declined += 1;
    } else failures.push(`${q.id}: answered an unanswerable question`);
  }
  let bothSides = 0;
  const sideStats = new Map<number, { label: string; passagesCited: number; labelled: number; stanceAgrees: number }>();
  for (const q of sets.steelman) {
    const result = await ask(q.question, 'steelman');
    checkCitations(q.id, result);
    if (result.sides?.length === 2 && result.sides.every((side) => side.points.length > 0)) bothSides += 1;
    else failures.push(`${q.id}: steelman found ${result.sides?.filter((s) => s.points.length).length ?? 0} of 2 sides`);
    result.sides?.slice(0, 2).forEach((side, i) => {
      const stats = sideStats.get(i) ?? { label: side.label, passagesCited: 0, labelled: 0, stanceAgrees: 0 };
      for (const point of side.points) {
        stats.passagesCited += point.citations.length;
        const quote = result.citations.find((c) => c.n === point.citations[0])?.quote ?? '';
        // Side A argues the proposition ("pro"), side B against it ("con"), as evals/stance.jsonl labels them.
        const labelled = sets.stance?.find((s) => quote.includes(s.sentence) && s.stance !== 'neutral');
        if (labelled) {
          stats.labelled += 1;
          if (labelled.stance === (i === 0 ? 'pro' : 'con')) stats.stanceAgrees += 1;
        }
      }
      sideStats.set(i, stats);
    });
  }
  const n = sets.answerable.length || 1;
  return {
    target: target.name,
    generator: generator || 'none',
    retrieval: { recallAt5: mean(retrieval.recall), mrrAt10: mean(retrieval.mrr), ndcgAt10: mean(retrieval.ndcg) },
    answers: {
      answered: answered / n,
      cites: cites / Math.max(1, answered),
      goldCited: goldCited / n,
      citationValidity: citations ? validCitations / citations : 1,
      citationRecall: mean(items.map((i) => i.citationRecall)),
      citationPrecision: mean(items.map((i) => i.citationPrecision)),
      faithfulness: mean(items.map((i) => i.faithfulness)),
      questions: sets.answerable.length,
    },
    abstention: { declined: declined / Math.max(1, sets.unanswerable.length), questions: sets.unanswerable.length },
    splits: Object.fromEntries(Object.entries(tally).map(([name, t]) => [name, {
      answerable: t.answerable, goldCited: t.goldCited / Math.max(1, t.answerable), unanswerable: t.unanswerable, declined: t.declined / Math.max(1, t.unanswerable),
    }])) as SplitFigures,
    steelman: { bothSides: bothSides / Math.max(1, sets.steelman.length), questions: sets.steelman.length, sides: [...sideStats.values()] },
    items,
    failures,
  };
}
