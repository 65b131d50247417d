import { describe, expect, it } from 'vitest';
import { sentenceTagger } from '../../../src/answer/typing/sentence-tagger.js';
import { questionType, windowFeaturesFor, windowTypeFeatures, WINDOW_TYPE_FEATURES } from '../../../src/answer/typing/window-type-features.js';

const tagger = sentenceTagger();
const features = (question: string, window: string) => Object.fromEntries(windowTypeFeatures(questionType(question, tagger), window, tagger).map((v, i) => [WINDOW_TYPE_FEATURES[i], v]));

describe('typed features of a window', () => {
  it('says a count question is answered by a window with a number beside what is counted', () => {
    const near = features('How many troops did Russia deploy?', 'Russia deployed 40,000 troops near the border.');
    expect(near['asks-number']).toBe(1);
    expect(near.typed).toBe(1);
    expect(near['typed-near']).toBe(1);
    expect(features('How many troops did Russia deploy?', 'Russia deployed troops near the border.').typed).toBe(0);
  });

  it('does not count the question\'s own number as an answer', () => {
    expect(features('What did Nixon do in 1972?', 'In 1972 Nixon went to China.').typed).toBe(0);
    expect(features('When did Nixon go to China?', 'In 1972 Nixon went to China.')).toMatchObject({ 'asks-date': 1, typed: 1 });
  });

  it('is all zeros for a question answered in words', () => {
    expect(windowTypeFeatures(questionType('Why did Russia deploy troops?', tagger), 'Russia deployed 40,000 troops.', tagger)).toEqual([0, 0, 0, 0, 0]);
  });

  it('reads windows for a model only as its header names them, and refuses a model naming other features', () => {
    expect(windowFeaturesFor([], 'How many troops?')).toBeUndefined();
    const read = windowFeaturesFor(WINDOW_TYPE_FEATURES, 'How many troops did Russia deploy?')!;
    expect(read('Russia deployed 40,000 troops.')).toEqual(windowTypeFeatures(questionType('How many troops did Russia deploy?', tagger), 'Russia deployed 40,000 troops.', tagger));
    expect(() => windowFeaturesFor(['asks-number', 'typed'], 'How many troops?')).toThrow(/reads asks-number, typed; this version computes/);
  });
});
