import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import { collectEvidence } from '../../src/answer/evidence.js';
import type { ArticleMeta } from '../../src/corpus/article.js';
import { offlineDeps } from '../helpers/default-index.js';

const body = 'Yet, this assumption is flawed. Both countries share an opposition to Western dominance today. The weather was mild in spring that year.';
const sentence = (text: string, score: number) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length, score });
const hit = {
  docId: 'a', title: 'A', chunkId: 'a:0', text: body, start: 0, end: body.length, score: 1, role: 'body' as const,
  sentences: [
    sentence('Yet, this assumption is flawed.', 0.9),
    sentence('Both countries share an opposition to Western dominance today.', 0.3),
    sentence('The weather was mild in spring that year.', 0.3),
  ],
};
const docs = (id: string) => (id === 'a' ? { meta: { id: 'a', title: 'A' } as ArticleMeta, body } : undefined);

describe('collectEvidence', () => {
  it('lifts a sentence that follows one on the question (the answer often comes right after), and leaves a short one out', () => {
    const evidence = collectEvidence([hit], docs);
    expect(evidence.map((e) => e.text)).toEqual([
      'Both countries share an opposition to Western dominance today.',
      'The weather was mild in spring that year.',
    ]);
    expect(evidence[0]!.score).toBeCloseTo(0.6);
    expect(evidence[1]!.score).toBeCloseTo(0.3);
  });
  it('counts words across any whitespace (tabs, no-break and ideographic spaces), keeps six and drops five, and drops a question even with spaces after its mark', () => {
    const texts = ['One\ttwo\u00a0three\u3000four\nfive six.', 'One two three four five.', 'Is this a question we ask here?  \n', '  Five words then  trailing   spaces. '];
    const text = texts.join(' ');
    const at = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, score: 0.5 });
    const own = { ...hit, docId: 'b', chunkId: 'b:0', text, end: text.length, sentences: texts.map(at) };
    const evidence = collectEvidence([own], (id) => (id === 'b' ? { meta: { id: 'b', title: 'B' } as ArticleMeta, body: text } : undefined));
    expect(evidence.map((e) => e.text)).toEqual(['One\ttwo\u00a0three\u3000four\nfive six.']);
  });
});

describe('the extractive answerer', () => {
  let deps: AnswerDeps;
  beforeAll(async () => { deps = await offlineDeps(); });

  it('answers a question that names its source from that source\'s own sentences', async () => {
    const result = await answerQuestion(deps, { messages: [{ role: 'user', content: 'What does Jin Canrong think about Trump allying with Russia to counter China?' }], mode: 'answer' });
    expect(result.abstained).toBe(false);
    expect(result.citations.length).toBeGreaterThan(1);
    expect(new Set(result.citations.map((c) => c.docId))).toEqual(new Set(['jin-canrong-not-that-easy']));
  });
  it('takes at most two sentences from one article when the question names no source, so several voices are heard', async () => {
    const result = await answerQuestion(deps, { messages: [{ role: 'user', content: 'How dependent is Russia on China economically?' }], mode: 'answer' });
    const perArticle = new Map<string, number>();
    for (const c of result.citations) perArticle.set(c.docId, (perArticle.get(c.docId) ?? 0) + 1);
    expect(perArticle.size).toBeGreaterThan(1);
    expect(Math.max(...perArticle.values())).toBeLessThanOrEqual(2);
  });
});

describe('the extractive answerer v2 on the default corpus', () => {
  let deps: AnswerDeps;
  beforeAll(async () => { deps = await offlineDeps(); });
  const ask = (content: string) => answerQuestion(deps, { messages: [{ role: 'user', content }], mode: 'answer' });

  it('answers a why-question with a list of distinct reasons from more than one article', async () => {
    const result = await ask('Why won\'t the split work?');
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/^The articles give \d reasons, strongest first:/);
    expect(new Set(result.citations.map((c) => c.docId)).size).toBeGreaterThan(1);
  });
  it('declines a near miss, says what the articles do mention, and quotes the closest they come', async () => {
    const result = await ask('What is the population of Brazil?');
    expect(result.abstained).toBe(true);
    expect(result.answer).toMatch(/^The articles don't cover this\. They mention Brazil, but none of them speaks to “population”\. The closest they come: “[^”]*Brazil[^”]*” — [^[]+ \[1\]$/);
    expect(result.citations).toHaveLength(1);
    expect(result.citations[0]!.quote).toContain('Brazil');
  });
  it('puts the sentence that states a fact first, then its context', async () => {
    const result = await ask('How much did trade between China and Russia reach in 2024?');
    expect(result.answer).toMatch(/^\*\*Answer:\*\*\n“[^\n]*237 billion in 2024\.”/);
  });
});
