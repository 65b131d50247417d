import { describe, expect, it } from 'vitest';
import { contentWords, preparedCosine, prepareSentence, stemCosine, stemVector } from '../../../src/answer/ranking/prepared-sentence.js';

const idf = (stem: string) => ({ russia: 2, china: 1.5, oil: 3 } as Record<string, number>)[stem] ?? 1;

describe('prepareSentence', () => {
  it('keeps a sentence’s content words, their stems and whether it leans on the sentence before', () => {
    const prepared = prepareSentence('This means Russia sells oil to China.', idf);
    expect(prepared.words.map((w) => w.word)).toEqual(contentWords('This means Russia sells oil to China.').map((w) => w.word));
    expect(prepared.stems.has('russia')).toBe(true);
    expect(prepared.ids).toHaveLength(prepared.words.length);
    expect(prepared.dependent).toBe(1);
    expect(prepareSentence('Russia sells oil to China.', idf).dependent).toBe(0);
  });

  it('gives the same sentence-to-sentence cosine over sorted stem ids as over the stem maps', () => {
    const texts = ['Russia sells oil to China and India.', 'China buys Russian oil at a discount.', 'The summit ended without a statement.'];
    for (const a of texts) for (const b of texts) {
      const expected = stemCosine(stemVector(contentWords(a), idf), stemVector(contentWords(b), idf));
      expect(preparedCosine(prepareSentence(a, idf), prepareSentence(b, idf))).toBeCloseTo(expected, 12);
    }
  });
});
