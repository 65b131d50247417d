import { describe, expect, it } from 'vitest';
import { expectedAnswer } from '../../../src/answer/typing/expected-answer.js';
import { sentenceTagger } from '../../../src/answer/typing/sentence-tagger.js';
import { typedFit } from '../../../src/answer/typing/typed-fit.js';

const tag = sentenceTagger();

function fit(question: string, sentence: string) {
  const expected = expectedAnswer(question, tag)!;
  const questionStems = new Set(tag(question).map((t) => t.stem));
  const anchors = new Set(expected.head.map((h) => h.stem));
  return typedFit(expected, questionStems, (token) => anchors.has(token.stem), tag(sentence));
}

describe('typedFit', () => {
  it('finds a number standing next to the noun it counts', () => {
    expect(fit('How many technicians left China?', 'In 1960 some 1,400 technicians left China.')).toEqual({ typed: 1, near: 1 });
  });

  it('counts a number far from the noun as typed but not near, and a sentence without one as neither', () => {
    const far = fit('How many technicians left China?', 'The technicians, who had built bridges and dams across the north for a decade, left with 12 crates.');
    expect(far.typed).toBe(1);
    expect(far.near).toBeLessThan(0.2);
    expect(fit('How many technicians left China?', 'The technicians left China without warning.')).toEqual({ typed: 0, near: 0 });
  });

  it("does not take the question's own year for the answer", () => {
    expect(fit('In what year did the technicians who arrived in 1950 leave?', 'The technicians arrived in 1950.').typed).toBe(0);
    expect(fit('In what year did the technicians who arrived in 1950 leave?', 'The technicians left in 1960.').typed).toBe(1);
  });
});
