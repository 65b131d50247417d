import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { assessQuestion, type AssessmentModels } from '../../src/answer/assess-question.js';
import { ANSWERABILITY_WEIGHTS, RANKER_WEIGHTS } from '../../src/answer/ranking/ranker-weights.js';
import { offlineDeps } from '../helpers/default-index.js';

// One offline index and its deps for every suite here: each suite passes its own models where it needs them.
let deps: AnswerDeps;
beforeAll(async () => { deps = await offlineDeps(); });

describe('answerQuestion declines what the articles do not speak to', () => {
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

describe('answerQuestion with a logistic answerability model that names its own ranker', () => {
  // An answer ranker that puts the weakest sentences first: what it quotes must change, what is declined must not.
  const reversed = { ...RANKER_WEIGHTS, coefficients: RANKER_WEIGHTS.coefficients.map((c) => -c) };
  const ownRanker = { ...ANSWERABILITY_WEIGHTS, ranker: RANKER_WEIGHTS };
  const questions = ['How many people live in Moscow?', 'What does China fear?', 'What are the health benefits of drinking green tea?', "Why won't Trump's bid to split Russia from China work?", 'Who won the 2022 World Cup?', 'When did Putin and Trump talk on the phone?'];
  const run = (models: AnswerDeps['models']) => Promise.all(questions.map((content) => answerQuestion({ ...deps, models }, { messages: [{ role: 'user', content }], mode: 'answer' })));
  const firstQuotes = (results: Awaited<ReturnType<typeof run>>) => results.filter((r) => !r.abstained).map((r) => r.citations[0]!.quote);

  it('declines the same questions whichever answer ranker orders the quotes, and quotes what that ranker puts first', async () => {
    const inUse = await run({ ranker: RANKER_WEIGHTS, answerability: ANSWERABILITY_WEIGHTS });
    const other = await run({ ranker: reversed, answerability: ownRanker });
    expect(other.map((r) => r.abstained)).toEqual(inUse.map((r) => r.abstained));
    expect(inUse.some((r) => r.abstained) && inUse.some((r) => !r.abstained)).toBe(true);
    expect(firstQuotes(other)).not.toEqual(firstQuotes(inUse));
  });
  it('reads the sentences in the answer ranker\'s order when the model names no ranker of its own', async () => {
    const assess = async (question: string, models: AssessmentModels) => {
      const { retriever, wordVectors } = deps;
      const hits = await retriever.search(question, { k: 8, otherArticles: 2 });
      return assessQuestion({ question, context: '', hits, docs: (docId) => retriever.index.docs.get(docId), retriever, vectors: wordVectors, namedSources: [] }, models).answerability;
    };
    for (const question of questions.slice(0, 2)) {
      const inUse = await assess(question, { ranker: RANKER_WEIGHTS, answerability: ANSWERABILITY_WEIGHTS });
      expect(await assess(question, { ranker: reversed, answerability: ownRanker })).toBe(inUse);
      expect(await assess(question, { ranker: reversed, answerability: ANSWERABILITY_WEIGHTS })).not.toBe(inUse);
    }
  });
});

describe('answerQuestion and photo captions', () => {

  it('quotes a caption that says where a photo was taken, verbatim at its offsets and without its photo credit', async () => {
    const result = await answerQuestion(deps, { messages: [{ role: 'user', content: 'Where were Putin and Xi photographed sipping tea together?' }], mode: 'answer' });
    expect(result.abstained).toBe(false);
    const first = result.citations[0]!;
    expect(first.quote).toMatch(/garden of Zhongnanhai in Beijing\.$/);
    expect(first.quote).not.toMatch(/kremlin\.ru|https?:/);
    // Named as a caption, in the answer and on the citation.
    expect(first.caption).toBe(true);
    expect(result.answer).toMatch(/\(photo caption\) \[1\]/);
    expect(result.citations.filter((c) => !c.caption).length).toBeGreaterThan(0);
    expect(deps.retriever.index.docs.get(first.docId)!.body.slice(first.start, first.end)).toBe(first.quote);
  });
  it('never cites a caption in steelman mode', async () => {
    const hits = await deps.retriever.search('Putin Xi tea garden Zhongnanhai', { k: 8, includeCaptions: true });
    const captions = hits.filter((hit) => hit.role === 'caption');
    expect(captions.length).toBeGreaterThan(0);
    const result = await answerQuestion(deps, { messages: [{ role: 'user', content: 'Steelman each side: can Putin and Xi be split apart?' }], mode: 'steelman' });
    for (const citation of result.citations) expect(captions.some((c) => c.docId === citation.docId && citation.start >= c.start && citation.end <= c.end)).toBe(false);
  });
});
