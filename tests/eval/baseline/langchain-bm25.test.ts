import { describe, expect, it } from 'vitest';
import { scoreBaseline } from '../../../src/eval/baseline/baseline-retrieval.js';
import { createLangchainBm25 } from '../../../src/eval/baseline/langchain-bm25.js';

const filler = (word: string) => Array.from({ length: 60 }, (_, i) => `Sentence ${i} is about ${word} and nothing else.`).join(' ');
const docs = new Map([
  ['tea', { body: `${filler('tea')} The harvest of green tea in Kenya began in March.` }],
  ['copper', { body: `${filler('copper')} Chile mines more copper than any other country.` }],
]);

describe('the LangChain + BM25 baseline', () => {
  it('splits into 1000-character chunks with overlap, located at their offsets, and ranks by BM25', async () => {
    const search = await createLangchainBm25(docs);
    const hits = search('Which country mines the most copper?', 10);
    expect(hits[0]!.docId).toBe('copper');
    for (const hit of hits) expect(hit.end - hit.start).toBeLessThanOrEqual(1000);
    expect(docs.get('copper')!.body.slice(hits[0]!.start, hits[0]!.end)).toContain('Chile mines more copper');
  });
  it('scores recall@5 and MRR@10 per split on the same gold quotes as wedge', async () => {
    const search = await createLangchainBm25(docs);
    const figures = scoreBaseline(search, [
      { id: 'q1', split: 'test', question: 'When did the Kenyan green tea harvest begin?', gold: [{ docId: 'tea', quote: 'The harvest of green tea in Kenya began in March.' }] },
      { id: 'q2', split: 'dev', question: 'Unrelated words entirely', gold: [{ docId: 'copper', quote: 'Chile mines more copper than any other country.' }] },
    ], docs);
    expect(figures.bySplit.test).toMatchObject({ recallAt5: 1, mrrAt10: 1, n: 1 });
    expect(figures.bySplit.dev).toMatchObject({ recallAt5: 0, mrrAt10: 0, n: 1 });
  });
});
