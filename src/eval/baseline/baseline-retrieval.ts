import type { RetrievalQuestionInput } from '../retrieval-dataset.js';
import { reciprocalRankAtK, recallAtK } from '../retrieval-metrics.js';
import type { BaselineSearch } from './langchain-bm25.js';

/** Retrieval figures of a baseline on a question set, overall and per split. */
export interface BaselineFigures { recallAt5: number; mrrAt10: number; bySplit: Record<string, { recallAt5: number; mrrAt10: number; n: number }> }

/** Scores a baseline retriever on the same questions and gold quotes wedge is scored on. */
export function scoreBaseline(search: BaselineSearch, questions: RetrievalQuestionInput[], docs: ReadonlyMap<string, { body: string }>): BaselineFigures {
  const bySplit: BaselineFigures['bySplit'] = {};
  let recall = 0;
  let mrr = 0;
  for (const q of questions) {
    const gold = q.gold.map((g) => {
      const start = docs.get(g.docId)?.body.indexOf(g.quote) ?? -1;
      return { docId: g.docId, start, end: start + g.quote.length };
    });
    const hits = search(q.question, 10);
    const [r, m] = [recallAtK(hits, gold, 5), reciprocalRankAtK(hits, gold, 10)];
    recall += r;
    mrr += m;
    const split = (bySplit[q.split ?? 'dev'] ??= { recallAt5: 0, mrrAt10: 0, n: 0 });
    split.recallAt5 += r;
    split.mrrAt10 += m;
    split.n += 1;
  }
  for (const split of Object.values(bySplit)) { split.recallAt5 /= split.n; split.mrrAt10 /= split.n; }
  const n = Math.max(1, questions.length);
  return { recallAt5: recall / n, mrrAt10: mrr / n, bySplit };
}
