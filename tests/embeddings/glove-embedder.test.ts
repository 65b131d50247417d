import { describe, expect, it } from 'vitest';
import { GloveEmbedder } from '../../src/embeddings/glove-embedder.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';

const vectors = await loadGloveVectors('indexes/.cache');
const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('GloVe vectors cache', () => {
  it('loads the 341k-word, 100-d vocabulary with frequency ranks', () => {
    expect(vectors.dimensions).toBe(100);
    expect(vectors.size).toBeGreaterThan(340_000);
    expect(vectors.rank('the')).toBe(0);
    expect(vectors.rank('kissinger')).toBeGreaterThan(1000);
    expect(vectors.rank('no-such-word-xyz')).toBeUndefined();
  });
});

describe('GloveEmbedder', () => {
  const embedder = new GloveEmbedder(vectors);

  it('returns unit vectors of 100 dimensions, identical for identical text', async () => {
    const [a, b] = await embedder.embedDocuments(['Russia depends on China.', 'Russia depends on China.']);
    expect(a).toHaveLength(100);
    expect(dot(a!, a!)).toBeCloseTo(1, 5);
    expect(a).toEqual(b);
  });

  it('puts a paraphrase closer than an unrelated sentence', async () => {
    const query = await embedder.embedQuery('Moscow relies on Beijing to buy its oil and gas');
    const [paraphrase, unrelated] = await embedder.embedDocuments([
      'Russia today relies heavily on China as a major buyer of its energy.',
      'The football team won the championship after a penalty shootout.',
    ]);
    expect(dot(query, paraphrase!)).toBeGreaterThan(dot(query, unrelated!) + 0.1);
  });

  it('matches accented and curly-quoted spellings like their plain forms', async () => {
    const [accent, plain] = await embedder.embedDocuments(['détente with Russia’s leaders', "detente with Russia's leaders"]);
    expect(dot(accent!, plain!)).toBeGreaterThan(0.999);
  });

  it('gives unknown words a stable vector so rare names still match themselves', async () => {
    const [a, b, c] = await embedder.embedDocuments(['Zhongxiaowenqq said', 'Zhongxiaowenqq said', 'Qqplorkxy said']);
    expect(a).toEqual(b);
    expect(dot(a!, c!)).toBeLessThan(0.99);
  });

  it('with sif-ccr, learns a common component at fit time and restores it from state', async () => {
    const ccr = new GloveEmbedder(vectors, { weighting: 'sif-ccr' });
    const texts = ['Russia and China trade oil.', 'China buys Russian gas.', 'The US wants a détente.', 'Kissinger went to Beijing.'];
    const state = await ccr.fit(texts);
    expect((state?.commonComponent as number[]).length).toBe(100);
    const restored = new GloveEmbedder(vectors, { weighting: 'sif-ccr' });
    restored.restore(state);
    expect(await restored.embedQuery('oil trade')).toEqual(await ccr.embedQuery('oil trade'));
    expect(ccr.id).toBe('glove-sg-100d/sif-ccr');
  });
});
