import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionReadsAnswerScore } from '../../../src/answer/assess-question.js';
import type { DocLookup } from '../../../src/answer/evidence.js';
import type { BoostedAnswerability } from '../../../src/answer/ranking/answerability-model.js';
import { answerWindow, bestAnswerScore } from '../../../src/answer/ranking/answer-score.js';
import type { RankedSentence } from '../../../src/answer/ranking/rank-sentences.js';
import { loadMeaningModel } from '../../../src/meaning/meaning-model.js';
import { sharedGlove } from '../../helpers/glove.js';

const body = 'The flood reached the town at dawn. It killed more than 2,000 people in a few hours. The committee met on Tuesday to discuss the budget.';
const docs: DocLookup = (docId) => (docId === 'flood' ? { meta: { id: 'flood', title: 'The flood' } as never, body } : undefined);
const SENTENCES = body.match(/[^.]+\./g)!.map((s) => s.trim());
const candidate = (sentence: string, withPrevious: boolean): RankedSentence => {
  const start = body.indexOf(sentence);
  const before = SENTENCES[SENTENCES.indexOf(sentence) - 1];
  const previousStart = withPrevious && before ? body.indexOf(before) : undefined;
  return { item: { docId: 'flood', chunkId: 'c0', start, end: start + sentence.length, text: sentence, score: 0.5, hitRank: 0, hitScore: 0.5, ...(previousStart === undefined ? {} : { previousStart }) } } as unknown as RankedSentence;
};

describe('the answer score', () => {
  it('reads a candidate with the sentence before it in its passage, so a pronoun keeps its referent', () => {
    expect(answerWindow(candidate('It killed more than 2,000 people in a few hours.', true), docs)).toBe('The flood reached the town at dawn. It killed more than 2,000 people in a few hours.');
    expect(answerWindow(candidate('The flood reached the town at dawn.', false), docs)).toBe('The flood reached the town at dawn.');
  });

  it('is the best window\'s probability among the candidates, and 0 without any', async () => {
    const model = await loadMeaningModel(path.resolve('models/answer-v2.bin'), await sharedGlove());
    const question = 'How many people did the flood kill?';
    const answer = candidate('It killed more than 2,000 people in a few hours.', true);
    const unrelated = candidate('The committee met on Tuesday to discuss the budget.', true);
    const each = [answer, unrelated].map((c) => bestAnswerScore(model, question, [c], docs));
    expect(bestAnswerScore(model, question, [unrelated, answer], docs)).toBeCloseTo(Math.max(...each), 6);
    expect(each[0]).toBeGreaterThan(each[1]!);
    expect(bestAnswerScore(model, question, [], docs)).toBe(0);
  });

  it('is asked for only by an answerability model that names it', () => {
    const trees = (features: string[]) => ({ kind: 'boosted-trees', features, base: 0, trees: [], cutoff: 0.5, fitted: {}, ranker: { features: ['lexical'], mean: [0], scale: [1], coefficients: [1], bias: 0 } }) as BoostedAnswerability;
    expect(decisionReadsAnswerScore(trees(['answer-score', 'max:lexical']))).toBe(true);
    expect(decisionReadsAnswerScore(trees(['max:lexical']))).toBe(false);
  });
});
