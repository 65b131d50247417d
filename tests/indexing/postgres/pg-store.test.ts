import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/answer/answer-question.js';
import { createExtractiveGenerator } from '../../../src/answer/generators/extractive-generator.js';
import { articleWords } from '../../../src/corpus/article-words.js';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import type { Article } from '../../../src/corpus/article.js';
import { buildPgIndex } from '../../../src/indexing/postgres/build-pg-index.js';
import { migrate } from '../../../src/indexing/postgres/migrate.js';
import { openPgIndex, readPgBuildId } from '../../../src/indexing/postgres/open-pg-index.js';
import { createPgRetriever } from '../../../src/retrieval/postgres/create-pg-retriever.js';
import { gloveEmbedder } from '../../helpers/glove.js';
import { startTestPostgres } from '../../helpers/pglite-server.js';

let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
let articles: Article[];
beforeAll(async () => {
  postgres = await startTestPostgres();
  ({ articles } = await loadCorpus('corpus'));
}, 120_000);
afterAll(async () => { await postgres?.stop(); });

describe('the Postgres store over the wire protocol', () => {
  it('creates and migrates its own schema, once, however often it starts', async () => {
    const pool = postgres.pool();
    expect(await migrate(pool, 100)).toEqual([1, 2, 3]);
    expect(await migrate(pool, 100)).toEqual([]);
    expect((await pool.query('SELECT version FROM wedge_migrations ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect((await pool.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'")).rows[0].extversion).toMatch(/^0\.[5-9]|^[1-9]/);
  });

  it('ingests the corpus, re-runs idempotently, and finishes an interrupted run without duplicates', async () => {
    const pool = postgres.pool();
    const embedder = await gloveEmbedder();
    const first = await buildPgIndex({ pool, articles, embedder });
    expect(first).toMatchObject({ written: 5, removed: 0 });
    const chunks = Number((await pool.query('SELECT count(*) FROM wedge_chunks')).rows[0].count);
    expect(chunks).toBe(first.manifest.counts.chunks);
    const again = await buildPgIndex({ pool, articles, embedder });
    expect(again).toMatchObject({ written: 0, unchanged: 5 });
    expect(again.manifest.buildId).toBe(first.manifest.buildId);

    const edited = articles.map((a, i) => (i < 3 ? { ...a, body: `${a.body}\nOne more closing sentence about pipelines and gas.\n` } : a));
    const failing = await gloveEmbedder();
    let calls = 0;
    const original = failing.embedDocuments.bind(failing);
    failing.embedDocuments = async (texts) => { calls += 1; if (calls === 3) throw new Error('embedding server died'); return original(texts); };
    await expect(buildPgIndex({ pool, articles: edited, embedder: failing, batchPassages: 1 })).rejects.toThrow(/server died/);
    const resumed = await buildPgIndex({ pool, articles: edited, embedder });
    expect(resumed.written).toBe(1);
    const ids = (await pool.query('SELECT id FROM wedge_chunks')).rows.map((r) => r.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Number((await pool.query('SELECT count(*) FROM wedge_chunks')).rows[0].count)).toBe(resumed.manifest.counts.chunks);
    expect(resumed.manifest.buildId).not.toBe(first.manifest.buildId);
    await buildPgIndex({ pool, articles, embedder });
  });

  it('stores the words each article uses, and reads an article stored before that from its body', async () => {
    const pool = postgres.pool();
    const embedder = await gloveEmbedder();
    const expected = new Set(articles.flatMap((article) => [...articleWords(article)]));
    expect(new Set((await openPgIndex(pool, embedder)).vocabulary())).toEqual(expected);
    await pool.query("UPDATE wedge_docs SET words = '{}' WHERE id = $1", [articles[0]!.meta.id]);
    expect(new Set((await openPgIndex(pool, embedder)).vocabulary())).toEqual(expected);
    await pool.query('UPDATE wedge_docs SET words = $2 WHERE id = $1', [articles[0]!.meta.id, [...articleWords(articles[0]!)]]);
  });

  it('answers hybrid searches in one round trip with passages whose offsets slice the article body', async () => {
    const pool = postgres.pool();
    const embedder = await gloveEmbedder();
    const retriever = createPgRetriever(await openPgIndex(pool, embedder));
    const hits = await retriever.search("why won't the split work?", { k: 5 });
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(retriever.index.docs.get(hit.docId)!.body.slice(hit.start, hit.end)).toBe(hit.text);
    expect((await retriever.search('according to Jin Canrong', { k: 3 })).every((h) => h.docId === 'jin-canrong-not-that-easy')).toBe(true);
    expect((await retriever.search('detente', { k: 3, mode: 'bm25' }))[0]?.text).toMatch(/détente/);
    const best = [...(await retriever.search('Strait of Malacca share of energy imports', { k: 1 }))[0]!.sentences].sort((a, b) => b.score - a.score)[0]!;
    expect(retriever.index.docs.get('paulsen-peel-russia-from-china')!.body.slice(best.start, best.end)).toMatch(/Strait of Malacca/);
  });

  it('serves cited answers from Postgres, and several servers on one database answer identically and see a re-index', async () => {
    const embedder = await gloveEmbedder();
    const a = createPgRetriever(await openPgIndex(postgres.pool(), embedder));
    const b = createPgRetriever(await openPgIndex(postgres.pool(), embedder));
    const ask = (retriever: typeof a) => answerQuestion({ retriever, generator: createExtractiveGenerator(), newId: () => 'x', clock: () => 0 }, { messages: [{ role: 'user', content: 'What does China fear?' }], mode: 'answer' });
    const [x, y] = await Promise.all([ask(a), ask(b)]);
    expect(x.citations.length).toBeGreaterThan(0);
    expect(y).toEqual(x);
    for (const c of x.citations) expect(a.index.docs.get(c.docId)!.body.slice(c.start, c.end)).toBe(c.quote);
    const before = await readPgBuildId(a.index.pool);
    await buildPgIndex({ pool: a.index.pool, articles: [...articles, { meta: { id: 'extra', title: 'Extra' }, body: 'Murmansk icebreakers escort Chinese cargo ships along the Northern Sea Route.\n', file: 'extra.md' }], embedder });
    expect(await readPgBuildId(b.index.pool)).not.toBe(before);
    const reopened = createPgRetriever(await openPgIndex(b.index.pool, embedder));
    expect((await reopened.search('Murmansk icebreakers Northern Sea Route', { k: 1 }))[0]?.docId).toBe('extra');
  });
});

describe('connection settings', () => {
  it('sets the HNSW search beam on the connection a search uses', async () => {
    const pool = postgres.pool();
    const retriever = createPgRetriever(await openPgIndex(pool, await gloveEmbedder()));
    await retriever.search('What does China fear?', { k: 1 });
    const client = await pool.connect();
    try {
      expect((await client.query('SHOW hnsw.ef_search')).rows[0]['hnsw.ef_search']).toBe('100');
    } finally {
      client.release();
    }
  });
});
