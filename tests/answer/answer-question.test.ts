import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
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
  it('answers a question that names a capital for its state ("New Delhi" for India)', async () => {
    const result = await ask('How could Russia\'s links with New Delhi be used to drive a wedge?');
    expect(result.abstained).toBe(false);
  });
});
