import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/eval/compare/compare-runs.js';
import type { QuestionOutcome } from '../../../src/eval/question-outcome.js';

const outcome = (id: string, kind: QuestionOutcome['kind'], declined = false): QuestionOutcome => ({ id, split: 'test', question: `Question ${id}?`, kind, why: '', declined, gold: [], cited: [] });
const run = (gold: number, outcomes: QuestionOutcome[]) => ({ metrics: [{ label: 'gold cited', value: gold }, { label: 'declined', value: 0.5 }], outcomes });

describe('compareRuns', () => {
  it('compares a run with itself as every delta 0 and no flipped question', () => {
    const same = run(0.7, [outcome('a', 'pass'), outcome('b', 'no-gold-cited'), outcome('c', 'answered-unanswerable')]);
    const comparison = compareRuns(same, same);
    expect(comparison.metrics.map((m) => m.delta)).toEqual([0, 0]);
    expect(comparison.flipped).toEqual([]);
    expect(comparison.unmatched).toBe(0);
  });
  it('names newly missed, newly passing and newly declined questions, and counts questions only one run has', () => {
    const before = run(0.6, [outcome('a', 'pass'), outcome('b', 'no-gold-cited'), outcome('c', 'pass'), outcome('gone', 'pass')]);
    const now = run(0.7, [outcome('a', 'no-gold-cited'), outcome('b', 'pass'), outcome('c', 'declined-answerable', true), outcome('new', 'pass')]);
    const comparison = compareRuns(before, now);
    expect(comparison.metrics[0]).toEqual({ label: 'gold cited', baseline: 0.6, now: 0.7, delta: 0.1 });
    expect(comparison.flipped.map((f) => [f.id, f.change])).toEqual([['a', 'newly missed'], ['b', 'newly passing'], ['c', 'newly declined']]);
    expect(comparison.unmatched).toBe(2);
  });
});
