import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import type { AnswerResult } from '../answer/answer-result.js';
import type { RetrievalQuestion } from './retrieval-dataset.js';
import { containsGold, recallAtK, reciprocalRankAtK } from './retrieval-metrics.js';

/** The question sets one evaluation run uses. */
export interface EvalSets {
  answerable: RetrievalQuestion[];
  unanswerable: Array<{ id: string; question: string }>;
  steelman: Array<{ id: string; question: string }>;
}

/** Aggregate figures of one run; every rate is 0–1. */
export interface EvalReport {
  generator: string;
  retrieval: { recallAt5: number; mrrAt10: number };
  answers: { answered: number; cites: number; goldCited: number; citationValidity: number; questions: number };
  abstention: { declined: number; questions: number };
  steelman: { bothSides: number; questions: number };
  failures: string[];
}

/** Answers every question of the sets through the real pipeline and measures it. */
export async function runAnswerEval(deps: AnswerDeps, sets: EvalSets): Promise<EvalReport> {
  const docs = deps.retriever.index.docs;
  const failures: string[] = [];
  let validCitations = 0;
  let citations = 0;
  const checkCitations = (id: string, result: AnswerResult) => {
    for (const c of result.citations) {
      citations += 1;
      if (docs.get(c.docId)?.body.slice(c.start, c.end) === c.quote) validCitations += 1;
      else failures.push(`${id}: citation [${c.n}] is not verbatim at ${c.docId}:${c.start}-${c.end}`);
    }
  };
  const ask = (question: string, mode: 'answer' | 'steelman' = 'answer') => answerQuestion(deps, { messages: [{ role: 'user', content: question }], mode });

  let recall = 0;
  let mrr = 0;
  let answered = 0;
  let cites = 0;
  let goldCited = 0;
  for (const q of sets.answerable) {
    const gold = q.gold.map((g) => {
      const start = docs.get(g.docId)?.body.indexOf(g.quote) ?? -1;
      if (start < 0) throw new Error(`${q.id}: gold quote not found in ${g.docId}`);
      return { docId: g.docId, start, end: start + g.quote.length };
    });
    const hits = await deps.retriever.search(q.question, { k: 10 });
    recall += recallAtK(hits, gold, 5);
    mrr += reciprocalRankAtK(hits, gold, 10);
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) { failures.push(`${q.id}: declined an answerable question (${result.answer})`); continue; }
    answered += 1;
    if (result.citations.length && /\[\d+\]/.test(result.answer)) cites += 1;
    else failures.push(`${q.id}: answer has no citation`);
    if (result.citations.some((c) => gold.some((g) => containsGold(c, g)))) goldCited += 1;
    else failures.push(`${q.id}: no gold quote cited`);
  }
  let declined = 0;
  for (const q of sets.unanswerable) {
    const result = await ask(q.question);
    checkCitations(q.id, result);
    if (result.abstained) declined += 1;
    else failures.push(`${q.id}: answered an unanswerable question`);
  }
  let bothSides = 0;
  for (const q of sets.steelman) {
    const result = await ask(q.question, 'steelman');
    checkCitations(q.id, result);
    if (result.sides?.length === 2 && result.sides.every((side) => side.points.length > 0)) bothSides += 1;
    else failures.push(`${q.id}: steelman found ${result.sides?.filter((s) => s.points.length).length ?? 0} of 2 sides`);
  }
  const n = sets.answerable.length || 1;
  return {
    generator: deps.generator.name,
    retrieval: { recallAt5: recall / n, mrrAt10: mrr / n },
    answers: { answered: answered / n, cites: cites / Math.max(1, answered), goldCited: goldCited / n, citationValidity: citations ? validCitations / citations : 1, questions: sets.answerable.length },
    abstention: { declined: declined / Math.max(1, sets.unanswerable.length), questions: sets.unanswerable.length },
    steelman: { bothSides: bothSides / Math.max(1, sets.steelman.length), questions: sets.steelman.length },
    failures,
  };
}
