import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/text/fold-text.js';
import { lexicalTerms, tokenizeWords } from '../../src/text/tokenize-words.js';

describe('foldText', () => {
  it('treats curly and straight apostrophes alike', () => {
    expect(foldText('Russia’s')).toBe(foldText("Russia's"));
  });
  it('strips accents so détente matches detente', () => {
    expect(foldText('Détente')).toBe('detente');
    expect(foldText('naïve')).toBe('naive');
  });
  it('maps every dash variant to a hyphen and collapses whitespace', () => {
    expect(foldText('post–Cold War — and\u00a0more')).toBe('post-cold war - and more');
  });
});

describe('lexicalTerms', () => {
  it('drops possessives, stop words and stems', () => {
    expect(lexicalTerms('Russia’s relations with the Chinese')).toEqual(lexicalTerms("russia's relation chinese"));
    expect(lexicalTerms('the and of')).toEqual([]);
  });
  it('keeps dotted acronyms as one token', () => {
    expect(tokenizeWords('The U.S. and the U.K.')).toContain('u.s');
  });
});
