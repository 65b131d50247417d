import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { chunkArticle } from '../src/chunking/chunk-article.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { GloveEmbedder } from '../src/embeddings/glove-embedder.js';
import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';
import { buildPgIndex, vectorLiteral } from '../src/indexing/postgres/build-pg-index.js';
import { hnswEfSearch, setEfSearch } from '../src/indexing/postgres/create-pg-pool.js';
import { openPgIndex } from '../src/indexing/postgres/open-pg-index.js';
import { createPgRetriever } from '../src/retrieval/postgres/create-pg-retriever.js';
import { random, syntheticCorpus } from './synthetic-corpus.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const passages = Number(process.argv[2] ?? 10_000);
const queries = Number(process.argv[3] ?? 100);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;

/** The scale benchmark on the Postgres store: DATABASE_URL when set, else PGlite (WebAssembly) over a socket. */
async function main(): Promise<void> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    // On disk, as a real server keeps it: an in-memory PGlite holds the whole database in its WebAssembly heap.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wedge-pglite-'));
    const db = await PGlite.create({ dataDir, extensions: { vector } });
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 16 });
    await server.start();
    url = `postgres://postgres@127.0.0.1:${(server as unknown as { server: { address(): { port: number } } }).server.address().port}/postgres`;
    stop = async () => { await server.stop(); await db.close(); await rm(dataDir, { recursive: true, force: true }); };
  }
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const vectors = await loadGloveVectors(path.join(root, 'indexes/.cache'));
  const { articles } = await loadCorpus(path.join(root, 'corpus'));
  const sentences = articles.flatMap((a) => chunkArticle(a).filter((c) => c.role === 'body').flatMap((c) => c.sentences.map((s) => a.body.slice(s.start, s.end))));
  const corpus = syntheticCorpus([...new Set(sentences)], passages);
  const embedder = new GloveEmbedder(vectors);
  console.log(`wedge scale benchmark — ${passages.toLocaleString('en')} synthetic passages, Postgres store (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'PGlite 0.5 + pgvector 0.8.7, WebAssembly, over a socket'})`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
  let t = performance.now();
  const result = await buildPgIndex({ pool, articles: corpus, embedder });
  const seconds = (performance.now() - t) / 1000;
  console.log(`ingest: ${result.manifest.counts.chunks.toLocaleString('en')} chunks in ${seconds.toFixed(1)} s = ${(passages / seconds).toFixed(0)} passages/s`);
  const size = await pool.query("SELECT pg_size_pretty(pg_total_relation_size('wedge_chunks')) AS chunks, pg_size_pretty(pg_database_size(current_database())) AS db");
  console.log(`size: wedge_chunks ${size.rows[0].chunks} (with indexes), database ${size.rows[0].db}`);
  const retriever = createPgRetriever(await openPgIndex(pool, embedder));
  const next = random(7);
  const texts = Array.from({ length: queries }, () => sentences[Math.floor(next() * sentences.length)]!.split(/\s+/).slice(0, 10).join(' '));
  const qv = await embedder.embedDocuments(texts);
  const dense: number[] = [];
  const hybrid: number[] = [];
  let overlap = 0;
  const searcher = await pool.connect();
  await searcher.query(setEfSearch(result.manifest.counts.chunks));
  for (const [i, text] of texts.entries()) {
    t = performance.now();
    const approx = await searcher.query('SELECT id FROM wedge_chunks ORDER BY embedding <=> $1 LIMIT 10', [vectorLiteral(qv[i]!)]);
    dense.push(performance.now() - t);
    t = performance.now();
    await retriever.search(text, { k: 10 });
    hybrid.push(performance.now() - t);
    const client = await pool.connect();
    try {
      // Exact search: the same ORDER BY with the index switched off (a sequential scan).
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_indexscan = off');
      const exact = new Set((await client.query('SELECT id FROM wedge_chunks ORDER BY embedding <=> $1 LIMIT 10', [vectorLiteral(qv[i]!)])).rows.map((r) => r.id as string));
      await client.query('COMMIT');
      for (const row of approx.rows) if (exact.has(row.id as string)) overlap += 1;
    } finally {
      client.release();
    }
  }
  searcher.release();
  console.log(`dense kNN (pgvector HNSW, k 10, ef_search ${hnswEfSearch(result.manifest.counts.chunks)}): p50 ${percentile(dense, 0.5).toFixed(2)} ms, p99 ${percentile(dense, 0.99).toFixed(2)} ms`);
  console.log(`hybrid search (BM25 candidates, nearest vectors, fused rows; MMR and sentence scores): p50 ${percentile(hybrid, 0.5).toFixed(2)} ms, p99 ${percentile(hybrid, 0.99).toFixed(2)} ms`);
  console.log(`recall@10 of HNSW vs exact search (${queries} queries): ${(overlap / (queries * 10)).toFixed(3)}`);
  await pool.end();
  await stop();
}

await main();
