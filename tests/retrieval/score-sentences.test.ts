import { describe, expect, it } from 'vitest';
import { scoreSentences, sentenceDataOf, sentenceScoring } from '../../src/retrieval/score-sentences.js';
import { lexicalTerms } from '../../src/text/tokenize-words.js';

const chunk = { start: 100, text: 'Moscow buys drones. Beijing sells oil.', sentences: [{ start: 100, end: 119 }, { start: 120, end: 138 }] };

describe('scoreSentences', () => {
  it('reads each sentence’s terms from its own text within the chunk', () => {
    const data = sentenceDataOf(chunk, [undefined, undefined]);
    expect([...data[0]!.terms]).toEqual(lexicalTerms('Moscow buys drones.'));
    expect([...data[1]!.terms]).toEqual(lexicalTerms('Beijing sells oil.'));
  });

  it('scores a sentence by its share of the query’s IDF weight, an alias counting no more than its own IDF', () => {
    const idf = (term: string) => ({ russia: 0.5, drone: 2 } as Record<string, number>)[term] ?? 1;
    const scoring = sentenceScoring('Russia drones', [1, 0], idf);
    const [first, second] = scoreSentences(chunk, sentenceDataOf(chunk, [undefined, undefined]), scoring);
    // "Moscow" stands for Russia (at Russia's own weight, 0.5 of 2.5) and "drones" matches: the whole weight.
    expect(first!.score).toBeCloseTo(0.5 * (2.5 / 2.5));
    expect(second!.score).toBe(0);
  });

  it('adds half the cosine of the sentence vector with the query vector', () => {
    const scoring = sentenceScoring('nothing shared', [1, 0], () => 1);
    const [first, second] = scoreSentences(chunk, sentenceDataOf(chunk, [Float32Array.of(1, 0), Float32Array.of(0, 1)]), scoring);
    expect(first!.score).toBeCloseTo(0.5);
    expect(second!.score).toBe(0);
  });
});
