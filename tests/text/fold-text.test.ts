import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/text/fold-text.js';
import { countWords, lexicalTerms, tokenizeWords } from '../../src/text/tokenize-words.js';

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
  it('folds exactly as full NFKD normalisation would, though it skips it for plain text', () => {
    const reference = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-').replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ').toLowerCase();
    const tricky = fc.constantFrom('a', 'Z', ' ', '\u00a0', '’', '“', '—', '\u2011', '\u2033', '\u2032', 'é', 'e\u0301', 'ﬁ', '…', '½', 'İ', '٣');
    fc.assert(fc.property(fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      expect(foldText(text)).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});

describe('lexicalTerms', () => {
  it('drops possessives, stop words and stems', () => {
    expect(lexicalTerms('Russia’s relations with the Chinese')).toEqual(lexicalTerms("russia's relation chinese"));
    expect(lexicalTerms('the and of')).toEqual([]);
  });
  it('stems the same word the same way on every call (the stem cache never changes a result)', () => {
    const first = lexicalTerms('Sanctions sanctioned the sanctioning states');
    expect(lexicalTerms('Sanctions sanctioned the sanctioning states')).toEqual(first);
    expect(first).toEqual(['sanction', 'sanction', 'sanction', 'state']);
  });
  it('counts exactly the words tokenizeWords returns', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('U.S.', 'Russia’s', "it's", ' ', '—', 'détente', '2024', 'a.b.c', "'s", '...', 'x'), { maxLength: 15 }), (parts) => {
      const text = parts.join(' ');
      expect(countWords(text)).toBe(tokenizeWords(text).length);
    }));
  });
  it('keeps dotted acronyms as one token', () => {
    expect(tokenizeWords('The U.S. and the U.K.')).toContain('u.s');
  });
});
