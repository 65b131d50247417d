import { describe, expect, it } from 'vitest';
import { winkEnglish } from '../../src/text/wink-english.js';
import { sentenceTagger } from '../../src/answer/typing/sentence-tagger.js';

const words = (text: string) => {
  const nlp = winkEnglish();
  return nlp.readDoc(text).tokens().out(nlp.its.value) as string[];
};

describe('winkEnglish', () => {
  it('tokenises a sentence the same way after reading a text that taught wink a new word', () => {
    const question = "Why were the country's earliest civil rights laws written?";
    const before = words(question);
    // Read alone, "country's." makes wink keep "country's" as one unknown word, which it would then find again.
    words("It is the country's.");
    words("A country's—and a people's—history.");
    expect(words(question)).toEqual(before);
    expect(before.slice(3, 5)).toEqual(['country', "'s"]);
  });
  it('is one instance, shared by the answer-type tagger', () => {
    expect(winkEnglish()).toBe(winkEnglish());
    expect(sentenceTagger()('The bill cost $40 million in 1972.').some((t) => t.classes.includes('money'))).toBe(true);
  });
});
