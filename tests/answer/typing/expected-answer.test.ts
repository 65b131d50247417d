import { describe, expect, it } from 'vitest';
import { expectedAnswer } from '../../../src/answer/typing/expected-answer.js';
import { sentenceTagger } from '../../../src/answer/typing/sentence-tagger.js';

const read = (question: string) => expectedAnswer(question, sentenceTagger());
const heads = (question: string) => read(question)?.head.map((h) => h.word);

describe('expectedAnswer', () => {
  it('asks a count of the noun after "how many"', () => {
    expect(read('How many Soviet technicians walked out of China?')?.classes).toEqual(['number']);
    expect(heads('How many Soviet technicians walked out of China?')).toEqual(['technicians']);
  });

  it('asks money when the question speaks of cost, a date for "when" and "what year", a name for "who" and "which"', () => {
    expect(read('How much did Operation Restore Hope cost American taxpayers?')?.classes[0]).toBe('money');
    expect(read('When did Putin and Trump talk on the phone?')?.classes).toEqual(['date']);
    expect(read('In what year did Nixon travel to China?')?.classes).toEqual(['date']);
    expect(read('Which House body bottled up the education bill?')?.classes).toEqual(['name']);
    expect(heads('Who was chairman of the Federal Reserve Board in 1929?')).toEqual(['chairman']);
    expect(heads('What was the name of the American pilot captured in Somalia?')).toEqual(['pilot']);
  });

  it('leaves questions answered in words untyped: who someone is, why, what happened, yes-no', () => {
    for (const question of ['Who is Jin Canrong?', "Why won't the split work?", 'What happened between China and the Soviet Union in 1969?', 'Can Trump pull Russia away from China?']) {
      expect(read(question), question).toBeUndefined();
    }
  });
});
