import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { RANKER_WEIGHTS } from '../../src/answer/ranking/ranker-weights.js';
import { offlineDeps } from '../helpers/default-index.js';

describe('answerQuestion declines what the articles do not speak to', () => {
  let deps: AnswerDeps;
  beforeAll(async () => { deps = await offlineDeps(); });
  const ask = (content: string) => answerQuestion(deps, { messages: [{ role: 'user', content }], mode: 'answer' });

  it('does not count a word found only in a photo caption ("having tea") as covering the question', async () => {
    const result = await ask('What are the health benefits of drinking green tea?');
    expect(result.abstained).toBe(true);
    expect(result.citations).toEqual([]);
  });
  it('answers "Who is X?" from a sentence that says who X is (a title before the name), instead of declining', async () => {
    const result = await ask('Who is Jin Canrong?');
    expect(result.abstained).toBe(false);
    expect(result.citations[0]!.quote).toContain('International Relations Professor Jin Canrong');
  });
  it('answers a question that names a capital for its state ("New Delhi" for India)', async () => {
    const result = await ask('How could Russia\'s links with New Delhi be used to drive a wedge?');
    expect(result.abstained).toBe(false);
  });
});

describe('answerQuestion with a boosted answerability model', () => {
  let deps: AnswerDeps;
  beforeAll(async () => { deps = await offlineDeps(); });
  const ranker = { features: ['retrieval'], mean: [0], scale: [1], coefficients: [1], bias: 0 };
  const constant = (base: number) => ({ kind: 'boosted-trees' as const, features: ['max:retrieval'], base, trees: [], ranker, cutoff: 0.5, fitted: {} });
  const ask = (models: AnswerDeps['models'], content: string) => answerQuestion({ ...deps, models }, { messages: [{ role: 'user', content }], mode: 'answer' });

  it('declines or answers as the model the deps carry says, not as the fitted one in ranker-weights.ts does', async () => {
    const question = "Why won't Trump's bid to split Russia from China work?";
    expect((await ask(undefined, question)).abstained).toBe(false);
    expect((await ask({ ranker: RANKER_WEIGHTS, answerability: constant(-5) }, question)).abstained).toBe(true);
    expect((await ask({ ranker: RANKER_WEIGHTS, answerability: constant(5) }, 'What does China fear?')).abstained).toBe(false);
  });
});
