import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import { retrieveAnswerPassages } from '../../src/answer/retrieve-answer-passages.js';
import { offlineDeps } from '../helpers/default-index.js';

describe('retrieveAnswerPassages', () => {
  let deps: AnswerDeps;
  beforeAll(async () => { deps = await offlineDeps(); });
  const question = 'Where were Putin and Xi photographed sipping tea together?';

  it('adds the captions found to the body passages, and leaves the body passages alone for the decision', async () => {
    const { hits, decisionHits } = await retrieveAnswerPassages(deps.retriever, question, { k: 8, context: '', otherArticles: 2, mode: 'answer' });
    const body = await deps.retriever.search(question, { k: 8, otherArticles: 2 });
    expect(decisionHits).toEqual(body);
    expect(hits.slice(0, body.length)).toEqual(body);
    const added = hits.slice(body.length);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((hit) => hit.role === 'caption')).toBe(true);
    expect(body.every((hit) => hit.role === 'body')).toBe(true);
  });
  it('retrieves body passages only, and one set of them, for a steelman and for a why-question', async () => {
    const why = 'Why were Putin and Xi photographed sipping tea together?';
    for (const [text, mode] of [[question, 'steelman'], [why, 'answer']] as const) {
      const passages = await retrieveAnswerPassages(deps.retriever, text, { k: 8, context: '', otherArticles: 2, mode });
      expect(passages.decisionHits).toBeUndefined();
      expect(passages.hits.every((hit) => hit.role === 'body')).toBe(true);
    }
    expect((await deps.retriever.search(why, { k: 8, includeCaptions: true })).some((hit) => hit.role === 'caption')).toBe(true);
  });
});
