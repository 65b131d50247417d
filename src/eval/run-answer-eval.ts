import type { AnswerResult } from '../answer/answer-result.js';
import type { EvalTarget } from './eval-target.js';
import { goldSpan } from './gold-span.js';
import type { QuestionOutcome } from './question-outcome.js';
import type { RetrievalQuestionInput } from './retrieval-dataset.js';
import { containsGold, ndcgAtK, recallAtK, reciprocalRankAtK } from './retrieval-metrics.js';
import type { ScoredItem } from './score/answer-item.js';
import { offlineJudge, scoreAnswer, type SupportJudge } from './score/score-answers.js';

/** The question sets one evaluation run uses. */
export interface EvalSets {
  answerable: RetrievalQuestionInput[];
  unanswerable: Array<{ id: string; question: string; split?: Split; kind?: string; qtype?: string }>;
  steelman: Array<{ id: string; question: string; split?: Split; pro?: GoldQuote[]; con?: GoldQuote[] }>;
  /** Hand-labelled sentence stances (evals/stance.jsonl) for the steelman balance metric. */
  stance?: Array<{ sentence: string; stance: 'pro' | 'con' | 'neutral' }>;
}

type Split = 'dev' | 'holdout' | 'test' | 'train';
interface GoldQuote { docId: string; quote: string }

/** One split's figures: retrieval, answered, gold-cited and declined rates (0–1), and how many questions each rests on. */
export interface SplitTally {
  answerable: number; answered: number; goldCited: number; recallAt5: number; mrrAt10: number; unanswerable: number; declined: number; nearMisses: number; nearMissesDeclined: number; steelman: number; goldOnOwnSide: number;
  /** Of the sentences an answer cites, the share holding a gold sentence, averaged over answered questions (for why-questions: listed reasons that are gold reasons). */
  citedGold: number;
}
/** Figures per split (dev, holdout, test: whichever the sets use). */
export type SplitFigures = Record<string, SplitTally>;

/** Aggregate figures of one run; every rate is 0–1. */
export interface EvalReport {
  target: string;
  generator: string;
  retrieval: { recallAt5: number; mrrAt10: number; ndcgAt10: number };
  answers: { answered: number; cites: number; goldCited: number; citationValidity: number; citationRecall: number; citationPrecision: number; faithfulness: number; questions: number };
  abstention: { declined: number; questions: number };
  /** The same two figures on the questions used while tuning (dev) and on those written before the last round (holdout). */
  splits: SplitFigures;
  /** The same figures per question type (`qtype` of answerable and unanswerable questions; "untyped" without one). */
  byType: SplitFigures;
  steelman: { bothSides: number; questions: number; sides: Array<{ label: string; passagesCited: number; labelled: number; stanceAgrees: number }>; goldOnOwnSide?: number };
  items: ScoredItem[];
  failures: string[];
  /** Every question's outcome, passes included, for reports and for comparing two runs. */
  outcomes: QuestionOutcome[];
}

/** Turns a tally's sums into rates over the questions each rests on; the counts stay counts. */
export function toRates(t: SplitTally): SplitTally {
  return {
    ...t,
    answered: t.answered / Math.max(1, t.answerable), goldCited: t.goldCited / Math.max(1, t.answerable),
    recallAt5: t.recallAt5 / Math.max(1, t.answerable), mrrAt10: t.mrrAt10 / Math.max(1, t.answerable),
    declined: t.declined / Math.max(1, t.unanswerable), nearMissesDeclined: t.nearMissesDeclined / Math.max(1, t.nearMisses),
    goldOnOwnSide: t.goldOnOwnSide / Math.max(1, t.steelman),
    citedGold: t.citedGold / Math.max(1, t.answered),
  };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Answers every question of the sets through the target and measures retrieval, citations, faithfulness, abstention and steelman balance. */
export async function runAnswerEval(target: EvalTarget, sets: EvalSets, judge: SupportJudge = offlineJudge(), options: { prefix?: string; onProgress?: () => void } = {}): Promise<EvalReport> {
  const docs = await target.docs();
  const failures: string[] = [];
  const outcomes: QuestionOutcome[] = [];
  const cited = (result: AnswerResult) => result.citations.map((c) => ({ n: c.n, docId: c.docId, quote: c.quote }));
  const outcome = (q: { id: string; question: string; split?: string }, result: AnswerResult, kind: QuestionOutcome['kind'], why: string, gold: Array<{ docId: string; quote: string }> = []) => {
    outcomes.push({ id: `${options.prefix ?? ''}${q.id}`, split: q.split ?? 'dev', question: q.question, kind, why, declined: result.abstained, gold, cited: cited(result) });
    options.onProgress?.();
  };
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
  const tallies = new Map<string, SplitTally>();
  const typeTallies = new Map<string, SplitTally>();
  const emptyTally = (): SplitTally => ({ answerable: 0, answered: 0, goldCited: 0, recallAt5: 0, mrrAt10: 0, unanswerable: 0, declined: 0, nearMisses: 0, nearMissesDeclined: 0, steelman: 0, goldOnOwnSide: 0, citedGold: 0 });
  const tallyOf = (name: string = 'dev') => {
    if (!tallies.has(name)) tallies.set(name, emptyTally());
    return tallies.get(name)!;
  };
  const typeOf = (qtype: string | undefined) => {
    const name = qtype ?? 'untyped';
    if (!typeTallies.has(name)) typeTallies.set(name, emptyTally());
    return typeTallies.get(name)!;
  };
  // Both tallies count the same events; `tallies` by split, `typeTallies` by question type.
  const both = (split: SplitTally, type: SplitTally, add: (t: SplitTally) => void) => { add(split); add(type); };
  for (const q of sets.answerable) {
    const split = tallyOf(q.split);
    const type = typeOf(q.qtype);
    both(split, type, (t) => { t.answerable += 1; });
    const gold = q.gold.map((g) => {
      const span = goldSpan(docs.get(g.docId)?.body ?? '', g.quote);
      if (!span) throw new Error(`${q.id}: gold quote not found in ${g.docId}`);
      return { docId: g.docId, ...span };
    });
    const hits = await target.search(q.question, 10);
    retrieval.recall.push(recallAtK(hits, gold, 5));
    retrieval.mrr.push(reciprocalRankAtK(hits, gold, 10));
    both(split, type, (t) => { t.recallAt5 += retrieval.recall.at(-1)!; t.mrrAt10 += retrieval.mrr.at(-1)!; });
    retrieval.ndcg.push(ndcgAtK(hits, gold, 10));
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) {
      failures.push(`${q.id}: declined an answerable question (${result.answer})`);
      outcome(q, result, 'declined-answerable', `declined: ${result.answer}`, q.gold);
      continue;
    }
    answered += 1;
    both(split, type, (t) => { t.answered += 1; });
    const item = await scoreAnswer({ id: `${options.prefix ?? ''}${q.id}`, question: q.question, answer: result.answer, citations: result.citations }, docs, judge);
    items.push(item);
    if (result.citations.length && /\[\d+\]/.test(result.answer)) cites += 1;
    else failures.push(`${q.id}: answer has no citation`);
    const holdingGold = result.citations.filter((c) => gold.some((g) => containsGold(c, g))).length;
    if (result.citations.length) both(split, type, (t) => { t.citedGold += holdingGold / result.citations.length; });
    if (holdingGold) {
      goldCited += 1;
      both(split, type, (t) => { t.goldCited += 1; });
      outcome(q, result, 'pass', '', q.gold);
      item.outcome = 'pass';
    } else {
      failures.push(`${q.id}: no gold quote cited`);
      outcome(q, result, 'no-gold-cited', 'answered, but no citation holds half of a gold sentence', q.gold);
      item.outcome = 'no-gold-cited';
    }
  }
  let declined = 0;
  for (const q of sets.unanswerable) {
    const split = tallyOf(q.split);
    const type = typeOf(q.qtype);
    const nearMiss = q.kind === 'near-miss';
    both(split, type, (t) => { t.unanswerable += 1; if (nearMiss) t.nearMisses += 1; });
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) {
      declined += 1;
      both(split, type, (t) => { t.declined += 1; if (nearMiss) t.nearMissesDeclined += 1; });
      outcome(q, result, 'pass', '');
    } else {
      failures.push(`${q.id}: answered an unanswerable question`);
      outcome(q, result, 'answered-unanswerable', 'answered a question the articles do not answer');
    }
  }
  let bothSides = 0;
  const sideStats = new Map<number, { label: string; passagesCited: number; labelled: number; stanceAgrees: number }>();
  const ownSide: number[] = [];
  for (const q of sets.steelman) {
    const result = await ask(q.question, 'steelman');
    checkCitations(q.id, result);
    if (q.pro || q.con) {
      // Share of each side's gold stance sentences quoted among that side's points; the question scores its weaker side.
      const share = [q.pro ?? [], q.con ?? []].map((gold, i) => {
        const quotes = (result.sides?.[i]?.points ?? []).flatMap((p) => p.citations).map((n) => result.citations.find((c) => c.n === n)).filter((c) => !!c);
        const found = gold.filter((g) => quotes.some((c) => c!.docId === g.docId && (c!.quote.includes(g.quote) || g.quote.includes(c!.quote))));
        return gold.length ? found.length / gold.length : 1;
      });
      const weaker = Math.min(...share);
      ownSide.push(weaker);
      const split = tallyOf(q.split);
      split.steelman += 1;
      split.goldOnOwnSide += weaker;
      if (weaker < 0.5) failures.push(`${q.id}: steelman quoted ${share.map((s) => `${Math.round(s * 100)}%`).join(' and ')} of each side's gold stance sentences`);
      const gold = [...(q.pro ?? []), ...(q.con ?? [])];
      if (weaker < 0.5) outcome(q, result, 'side-mismatch', `quoted ${share.map((s) => `${Math.round(s * 100)}%`).join(' and ')} of each side's gold stance sentences on that side`, gold);
      else outcome(q, result, 'pass', '', gold);
    }
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
    splits: Object.fromEntries([...tallies].map(([name, t]) => [name, toRates(t)])),
    byType: Object.fromEntries([...typeTallies].map(([name, t]) => [name, toRates(t)])),
    steelman: { bothSides: bothSides / Math.max(1, sets.steelman.length), questions: sets.steelman.length, sides: [...sideStats.values()], ...(ownSide.length ? { goldOnOwnSide: mean(ownSide) } : {}) },
    items,
    failures,
    outcomes,
  };
}
