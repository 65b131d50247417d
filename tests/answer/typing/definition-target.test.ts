import { describe, expect, it } from 'vitest';
import { definesTarget, definitionTarget } from '../../../src/answer/typing/definition-target.js';

describe('definitionTarget', () => {
  it('reads the term of "Who is X?" and "What was the X?", without its article', () => {
    expect(definitionTarget('Who is Jin Canrong?')).toBe('Jin Canrong');
    expect(definitionTarget('What was the Kerr bill?')).toBe('Kerr bill');
  });
  it('is undefined for other questions and for a pronoun', () => {
    expect(definitionTarget('How many people live in Moscow?')).toBeUndefined();
    expect(definitionTarget('Why is Moscow wary?')).toBeUndefined();
    expect(definitionTarget('What is it?')).toBeUndefined();
  });
});

describe('definesTarget', () => {
  it('accepts a copula, an apposition or a title before a name', () => {
    expect(definesTarget('"Parity" is a standard for the maintenance of good farm prices.', 'parity')).toBe(true);
    expect(definesTarget('We heeded the Iraq Study Group, a bipartisan panel led by James Baker.', 'Iraq Study Group')).toBe(true);
    expect(definesTarget('As Yun Sun, director at the Stimson Center, points out, the crack matters.', 'Yun Sun')).toBe(true);
    expect(definesTarget("Renmin University International Relations Professor Jin Canrong believes it.", 'Jin Canrong')).toBe(true);
  });
  it('rejects a mere mention, a capital that opens the sentence, and a word inside another', () => {
    expect(definesTarget('Jin Canrong said so on Tuesday.', 'Jin Canrong')).toBe(false);
    expect(definesTarget('When Jin Canrong spoke, nobody listened.', 'Jin Canrong')).toBe(false);
    expect(definesTarget('The Iranian delegation is here.', 'Iran')).toBe(false);
  });
});
