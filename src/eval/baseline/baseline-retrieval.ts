import type { RetrievalQuestionInput } from '../retrieval-dataset.js';
import { reciprocalRankAtK, recallAtK } from '../retrieval-metrics.js';
import type { BaselineSearch } from './langchain-bm25.js';
import { goldSpans } from '../gold-span.js';

/** Retrieval figures of a baseline on a question set, overall and per split. */
export interface BaselineFigures { recallAt5: number; mrrAt10: number; bySplit: Record<string, { recallAt5: number; mrrAt10: number; n: number }>; byType: Record<string, { recallAt5: number; mrrAt10: number; n: number }> }

/** Scores a baseline retriever on the same questions and gold quotes wedge is scored on. */
export function scoreBaseline(search: BaselineSearch, questions: RetrievalQuestionInput[], docs: ReadonlyMap<string, { body: string }>): BaselineFigures {
  const bySplit: BaselineFigures['bySplit'] = {};
  const byType: BaselineFigures['byType'] = {};
  let recall = 0;
  let mrr = 0;
  for (const q of questions) {
    const gold = goldSpans(q.gold, (docId) => docs.get(docId)?.body);
    const hits = search(q.question, 10);
    const [r, m] = [recallAtK(hits, gold, 5), reciprocalRankAtK(hits, gold, 10)];
    recall += r;
    mrr += m;
    for (const group of [(bySplit[q.split ?? 'dev'] ??= { recallAt5: 0, mrrAt10: 0, n: 0 }), (byType[q.qtype ?? 'untyped'] ??= { recallAt5: 0, mrrAt10: 0, n: 0 })]) {
      group.recallAt5 += r;
      group.mrrAt10 += m;
      group.n += 1;
    }
  }
  for (const group of [...Object.values(bySplit), ...Object.values(byType)]) { group.recallAt5 /= group.n; group.mrrAt10 /= group.n; }
  const n = Math.max(1, questions.length);
  return { recallAt5: recall / n, mrrAt10: mrr / n, bySplit, byType };
}
