import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { openIndex } from '../../src/indexing/open-index.js';
import { createRetriever, type Retriever } from '../../src/retrieval/create-retriever.js';
import { postgresRetriever } from '../helpers/default-index.js';
import { gloveEmbedder } from '../helpers/glove.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const stops: Array<() => Promise<void>> = [];
afterAll(async () => { await Promise.all(stops.map((stop) => stop())); });

/** The same suite runs on both stores: local files (hnswlib + MiniSearch) and Postgres (pgvector + full-text search). */
const stores: Array<[string, () => Promise<Retriever>]> = [
  ['local store', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const { articles } = await loadCorpus('corpus');
    await buildIndex({ articles, embedder, indexDir: dir });
    return createRetriever(await openIndex(dir, embedder));
  }],
  ['postgres store', async () => { const { retriever, stop } = await postgresRetriever(); stops.push(stop); return retriever; }],
];

describe.each(stores)('hybrid retrieval over the default corpus, %s', (_store, open) => {
  let retriever: Retriever;
  beforeAll(async () => { retriever = await open(); }, 120_000);

  it('answers "why won\'t the split work?" with passages whose offsets slice back to their text', async () => {
    const hits = await retriever.search("why won't the split work?", { k: 8 });
    expect(hits).toHaveLength(8);
    for (const hit of hits) {
      const body = retriever.index.docs.get(hit.docId)!.body;
      expect(body.slice(hit.start, hit.end)).toBe(hit.text);
      for (const s of hit.sentences) expect(s.start >= hit.start && s.end <= hit.end).toBe(true);
    }
    // Order is MMR's (relevance traded against redundancy); the first hit is always the most relevant.
    expect(hits[0]!.score).toBe(Math.max(...hits.map((h) => h.score)));
  });

  it('finds an author\'s passages that never repeat his name, through the contextual header', async () => {
    const hits = await retriever.search('according to Jin Canrong', { k: 3 });
    expect(hits.every((h) => h.docId === 'jin-canrong-not-that-easy')).toBe(true);
    expect(hits.some((h) => !h.text.includes('Jin Canrong'))).toBe(true);
  });

  it('matches "detente" to "détente" and "Russia’s" to "Russia\'s" in BM25', async () => {
    const detente = await retriever.search('detente', { k: 3, mode: 'bm25' });
    expect(detente[0]?.text).toMatch(/détente/);
    const curly = await retriever.search('Russia’s leading trading partner', { k: 3, mode: 'bm25' });
    const straight = await retriever.search("Russia's leading trading partner", { k: 3, mode: 'bm25' });
    expect(curly.map((h) => h.chunkId)).toEqual(straight.map((h) => h.chunkId));
  });

  it('scores the sentence that states the answer highest within its chunk', async () => {
    const [hit] = await retriever.search('Strait of Malacca share of energy imports', { k: 1 });
    const body = retriever.index.docs.get(hit!.docId)!.body;
    const best = [...hit!.sentences].sort((a, b) => b.score - a.score)[0]!;
    expect(body.slice(best.start, best.end)).toMatch(/Strait of Malacca/);
  });

  it('leaves photo captions out unless asked for', async () => {
    const query = 'Getty Images photo of Putin and Trump as Matryoshka dolls';
    expect((await retriever.search(query, { k: 10 })).some((h) => h.role === 'caption')).toBe(false);
    expect((await retriever.search(query, { k: 10, includeCaptions: true })).some((h) => h.role === 'caption')).toBe(true);
  });

  it('with captions wanted, returns the body passages unchanged and then the captions a search with captions ranks in its top k', async () => {
    for (const query of ['Where were Putin and Xi photographed sipping tea together?', 'Getty Images photo of Putin and Trump as Matryoshka dolls', "Why won't the split work?"]) {
      const body = await retriever.search(query, { k: 8, otherArticles: 2 });
      const both = await retriever.search(query, { k: 8, otherArticles: 2, withCaptions: true });
      const captions = (await retriever.search(query, { k: 8, includeCaptions: true })).filter((h) => h.role === 'caption');
      expect(both).toEqual([...body, ...captions]);
    }
    const tea = await retriever.search('Where were Putin and Xi photographed sipping tea together?', { k: 8, withCaptions: true });
    expect(tea.some((h) => h.role === 'caption')).toBe(true);
  });

  it('diversifies across articles: the top 8 for a broad question come from at least 3 articles', async () => {
    const hits = await retriever.search('Can the United States pull Russia away from China?', { k: 8 });
    expect(new Set(hits.map((h) => h.docId)).size).toBeGreaterThanOrEqual(3);
  });

  it('adds the best passage of other articles when the question matches one article\'s title, if asked to', async () => {
    const question = 'Why won\'t Trump\'s bid to split Russia from China work?';
    const plain = await retriever.search(question, { k: 8 });
    const widened = await retriever.search(question, { k: 8, otherArticles: 2 });
    expect(widened.slice(0, 8).map((h) => h.chunkId)).toEqual(plain.map((h) => h.chunkId));
    expect(widened).toHaveLength(10);
    expect(new Set(widened.map((h) => h.docId)).size).toBe(new Set(plain.map((h) => h.docId)).size + 2);
  });
  it('returns no more hits than there are chunks and handles a query of stop words only', async () => {
    const hits = await retriever.search('the of and', { k: 5 });
    expect(hits.length).toBeLessThanOrEqual(5);
  });
});
