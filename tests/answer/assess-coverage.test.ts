import { describe, expect, it } from 'vitest';
import { assessCoverage, buildVocabulary } from '../../src/answer/assess-coverage.js';
import { createWordSimilarity } from '../../src/embeddings/create-word-similarity.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';

const corpus = [
  'Russia and China share a long border. The best way to learn from history is to read it.',
  'Moscow will play both sides, and their economic complementarities run deep.',
];

describe('assessCoverage', async () => {
  const vectors = await loadGloveVectors('indexes/.cache');
  const vocabulary = buildVocabulary(corpus);
  const knowledge = { similarity: createWordSimilarity(vectors, vocabulary.words), rarity: (word: string) => vectors.rank(word) ?? vectors.size };

  it('finds the question\'s most specific word and says the corpus lacks it, though it has every common word', () => {
    const coverage = assessCoverage('What is the best way to learn to play the guitar?', vocabulary, () => 1, knowledge);
    expect(coverage.focus).toEqual({ word: 'guitar', covered: false });
    expect(coverage.termCoverage).toBeGreaterThan(0.7);
  });
  it('counts the focus word as covered when the corpus has it, a close synonym of it, or a longer word holding it', () => {
    expect(assessCoverage('Where is the border?', vocabulary, () => 1, knowledge).focus).toEqual({ word: 'border', covered: true });
    expect(assessCoverage('Where is the frontier?', vocabulary, () => 1, knowledge).focus).toEqual({ word: 'frontier', covered: true });
    expect(assessCoverage('Do they complement?', vocabulary, () => 1, knowledge).focus).toEqual({ word: 'complement', covered: true });
    expect(assessCoverage('Where is the guitar?', vocabulary, () => 1, knowledge).focus?.covered).toBe(false);
  });
  it('makes the corpus speak to both of the question\'s two most specific words, not just the rarer one', () => {
    const withOpening = buildVocabulary([...corpus, 'It was desperate for an opening to the world.']);
    const coverage = assessCoverage('How can I improve my chess openings?', withOpening, () => 1, knowledge);
    expect(coverage.focus).toEqual({ word: 'chess', covered: false });
  });
  it('names capitalised names that no article contains', () => {
    expect(assessCoverage('What does Angela Merkel think of Russia?', vocabulary).missingNames).toEqual(['Angela Merkel']);
  });
  it('knows a name the corpus has in another form or under another name of the same state', () => {
    expect(assessCoverage('What do the Russians want?', vocabulary).missingNames).toEqual([]);
    expect(assessCoverage('What does the Kremlin want from Beijing?', vocabulary).missingNames).toEqual([]);
    expect(assessCoverage('What does Tokyo want from Beijing?', vocabulary).missingNames).toEqual(['Tokyo']);
  });
});
