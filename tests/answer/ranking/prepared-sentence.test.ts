import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/answer/evidence.js';
import { PairDots } from '../../../src/answer/ranking/pair-dots.js';
import { contentWords, preparedCosine, prepareSentence, stemCosine, stemVector } from '../../../src/answer/ranking/prepared-sentence.js';
import { analyseQuestion } from '../../../src/answer/ranking/question-analysis.js';
import { FEATURE_NAMES, sentenceFeatures, type Candidate } from '../../../src/answer/ranking/sentence-features.js';

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

describe('pair cosines kept per index', () => {
  const texts = [
    ['a', 'Russia sells oil to China and India.'], ['a', 'China buys Russian oil at a discount.'], ['b', 'Oil from Russia flows to China by pipeline.'],
    ['b', 'The summit ended without a statement.'], ['c', 'India buys oil too, at a discount.'], ['c', 'China and Russia held a summit.'],
  ] as const;
  const candidates = (kept: boolean): Candidate[] => {
    const pairs = new PairDots();
    return texts.map(([docId, text], i) => {
      const sentence = prepareSentence(text, idf);
      if (kept) Object.assign(sentence, { serial: pairs.enrol(), pairs });
      const item: Evidence = { docId, chunkId: `${docId}-0`, start: i * 100, end: i * 100 + text.length, text, score: 0.5, hitRank: i, hitScore: 0.6 };
      return { item, sentence, lead: 0 };
    });
  };

  it('give the same cosine, read twice, as the merge of stem ids', () => {
    const [plain, kept] = [candidates(false), candidates(true)];
    for (let i = 0; i < texts.length; i += 1) for (let j = 0; j < texts.length; j += 1) {
      const merged = preparedCosine(plain[i]!.sentence, plain[j]!.sentence);
      expect(preparedCosine(kept[i]!.sentence, kept[j]!.sentence)).toBe(merged);
      expect(preparedCosine(kept[j]!.sentence, kept[i]!.sentence)).toBe(merged);
    }
  });

  it('give every ranking feature, centrality included, exactly as the sums over shared stems do', () => {
    const question = analyseQuestion('Who buys Russian oil?');
    const knowledge = { idf };
    const plain = sentenceFeatures(question, candidates(false), knowledge);
    expect(plain.some((row) => row[FEATURE_NAMES.indexOf('centrality')]! > 0)).toBe(true);
    expect(sentenceFeatures(question, candidates(true), knowledge)).toEqual(plain);
  });
});
