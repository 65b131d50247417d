import { describe, expect, it } from 'vitest';
import type { EncodedText, MeaningModel } from '../../src/meaning/meaning-model.js';
import { stanceLabel, stanceToward } from '../../src/meaning/stance-toward.js';

// A text whose first attend value stands for how strongly a sentence argues for it (the stand-in's log-odds).
const text = (value: number) => ({ rows: new Int32Array(), attend: new Float32Array([value]), compareSelf: new Float32Array(), compareAligned: new Float32Array() }) as EncodedText;

/** A stand-in side head: the log-odds that the sentence argues for a thesis is the thesis's number. */
const sideHead = {
  header: { tasks: { side: 2 } },
  score: (_task: string, thesis: EncodedText) => {
    const yes = 1 / (1 + Math.exp(-thesis.attend[0]!));
    return new Float32Array([1 - yes, yes]);
  },
} as unknown as MeaningModel;

describe('stanceToward with a side head', () => {
  it('reads the two theses and "neither" as one choice: the thesis argued for most wins when its log-odds are above 0', () => {
    const odds = stanceToward(sideHead, text(2), text(-1), text(0));
    expect(stanceLabel(odds)).toBe('pro');
    expect(odds.pro + odds.con + odds.neither).toBeCloseTo(1, 6);
    expect(odds.pro / odds.neither).toBeCloseTo(Math.exp(2), 3);
    expect(stanceLabel(stanceToward(sideHead, text(-1), text(1.5), text(0)))).toBe('con');
  });

  it('says neither when the sentence argues for no thesis more than for none', () => {
    expect(stanceLabel(stanceToward(sideHead, text(-0.5), text(-2), text(0)))).toBe('neither');
  });

  it('gives the same verdict whichever thesis is named first', () => {
    const forward = stanceToward(sideHead, text(1), text(0.5), text(0));
    const backward = stanceToward(sideHead, text(0.5), text(1), text(0));
    expect(forward.pro).toBeCloseTo(backward.con, 6);
    expect(forward.neither).toBeCloseTo(backward.neither, 6);
  });
});
