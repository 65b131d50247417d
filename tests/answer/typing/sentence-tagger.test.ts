import { describe, expect, it } from 'vitest';
import { sentenceTagger } from '../../../src/answer/typing/sentence-tagger.js';

const classesOf = (text: string, word: string) => sentenceTagger()(text).find((t) => t.word === word)?.classes ?? [];

describe('sentenceTagger', () => {
  it('tags money, shares, years and names as the answers they can give', () => {
    const sentence = 'Russia sold $237 billion of oil to India in 2024, about 40 percent of its exports, said Jin Canrong.';
    expect(classesOf(sentence, '237')).toContain('money');
    expect(classesOf(sentence, '40')).toContain('percent');
    expect(classesOf(sentence, '2024')).toContain('date');
    expect(classesOf(sentence, 'canrong')).toContain('name');
    expect(classesOf(sentence, 'oil')).toEqual([]);
  });

  it('reads a year inside a noun phrase as a date, not a count', () => {
    expect(classesOf('Nixon made his 1972 visit to China.', '1972')).toContain('date');
  });

  it('returns the same tags for the same text (cached)', () => {
    const tagger = sentenceTagger();
    expect(tagger('Five days ago he left.')).toBe(tagger('Five days ago he left.'));
  });
});
