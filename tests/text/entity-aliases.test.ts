import { describe, expect, it } from 'vitest';
import { entityAliases, entityAliasWords } from '../../src/text/entity-aliases.js';
import { lexicalTerms } from '../../src/text/tokenize-words.js';

describe('entity aliases', () => {
  it('gives the other names of a state for a capital, a seat of power or a people, by stem and by word', () => {
    const [moscow] = lexicalTerms('Moscow');
    expect(entityAliases(moscow!)).toEqual(expect.arrayContaining(lexicalTerms('Russia Russian Kremlin')));
    expect(entityAliasWords('delhi')).toContain('india');
    expect(entityAliasWords('u.s')).toContain('washington');
  });
  it('gives nothing for a word that names no state, and never the word itself', () => {
    expect(entityAliasWords('sanctions')).toEqual([]);
    expect(entityAliases(lexicalTerms('China')[0]!)).not.toContain(lexicalTerms('China')[0]);
  });
});
