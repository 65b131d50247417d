import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { readJsonl, unanswerableSchema } from '../../src/eval/question-sets.js';
import { readRetrievalDataset } from '../../src/eval/retrieval-dataset.js';

const sets = [['v1', 'evals/retrieval.jsonl', 'evals/unanswerable.jsonl'], ['v2', 'evals/answers-v2.jsonl', 'evals/unanswerable-v2.jsonl'], ['v3', 'evals/answers-v3.jsonl', 'evals/unanswerable-v3.jsonl']] as const;

describe('the default corpus\'s question sets', () => {
  it.each(sets)('%s: every gold quote is verbatim in its article, ids are unique, and no question is asked twice', async (_, answerable, unanswerable) => {
    const bodies = new Map((await loadCorpus(path.resolve('corpus'))).articles.map((a) => [a.meta.id, a.body]));
    const questions = await readRetrievalDataset(path.resolve(answerable));
    const negatives = await readJsonl(path.resolve(unanswerable), unanswerableSchema);
    const missing = questions.flatMap((q) => q.gold.filter((g) => !bodies.get(g.docId)?.includes(g.quote)).map((g) => `${q.id}: ${g.docId} “${g.quote.slice(0, 40)}”`));
    expect(missing).toEqual([]);
    const ids = [...questions, ...negatives].map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const asked = [...questions, ...negatives].map((q) => q.question.toLowerCase());
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('v3 splits each question type between dev and test', async () => {
    const questions = await readRetrievalDataset(path.resolve('evals/answers-v3.jsonl'));
    for (const type of new Set(questions.map((q) => q.qtype))) {
      const splits = new Set(questions.filter((q) => q.qtype === type).map((q) => q.split));
      expect([type, [...splits].sort()]).toEqual([type, ['dev', 'test']]);
    }
  });
});
