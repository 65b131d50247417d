import { describe, expect, it } from 'vitest';
import { matchKeyPoints, SAME_POINT_THRESHOLD } from '../../src/meaning/match-key-points.js';
import type { EncodedText, MeaningModel } from '../../src/meaning/meaning-model.js';

// Texts are told apart by their first row; the fake head reads p(same) from a table keyed "point,text".
const text = (id: number): EncodedText => ({ rows: Int32Array.of(id), attend: new Float32Array(), compareSelf: new Float32Array(), compareAligned: new Float32Array() });
const headOf = (table: Record<string, number>): Pick<MeaningModel, 'score'> => ({
  score: (_task, a, b) => { const p = table[`${a.rows[0]},${b.rows[0]}`] ?? 0; return Float32Array.of(1 - p, p); },
});

describe('matchKeyPoints', () => {
  it('matches a text to the one point it scores highest, not to every point above the threshold', () => {
    const head = headOf({ '1,10': 0.7, '2,10': 0.9, '3,10': 0.6 });
    expect(matchKeyPoints(head, [text(10)], [text(1), text(2), text(3)])).toEqual([1]);
  });

  it('matches no point when even the best scores below the threshold', () => {
    const head = headOf({ '1,10': SAME_POINT_THRESHOLD - 0.01, '2,11': SAME_POINT_THRESHOLD });
    expect(matchKeyPoints(head, [text(10), text(11)], [text(1), text(2)])).toEqual([-1, 1]);
  });

  it('keeps the first of two points that tie', () => {
    const head = headOf({ '1,10': 0.8, '2,10': 0.8 });
    expect(matchKeyPoints(head, [text(10)], [text(1), text(2)])).toEqual([0]);
  });
});
