import { describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../../src/eval/question-outcome.js';
import { listableMisses } from '../../../src/eval/report/listable-misses.js';

const outcome = (id: string, split: string): QuestionOutcome => ({ id, split, question: '?', kind: 'declined-answerable', why: '', declined: true, gold: [], cited: [] });

describe('listableMisses', () => {
  it('lists dev misses, and only counts those of test questions and of a corpus that is test data whole', () => {
    const result = listableMisses([
      { label: 'v2', prefix: 'v2:', failures: ['a1: declined an answerable question', 'a2: no gold quote cited'], outcomes: [outcome('v2:a1', 'dev'), outcome('v2:a2', 'test')] },
      { label: 'corpus2', prefix: 'corpus2:', failures: ['q1: answered an unanswerable question'], outcomes: [outcome('corpus2:q1', 'dev')], wholeTest: true },
      { label: '', prefix: '', failures: ['h1: no gold quote cited'], outcomes: [outcome('h1', 'holdout')] },
    ]);
    expect(result).toEqual({ listed: ['v2 a1: declined an answerable question', 'h1: no gold quote cited'], unlisted: 2 });
  });
});
