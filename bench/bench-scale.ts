import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chunkArticle } from '../src/chunking/chunk-article.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { GloveEmbedder } from '../src/embeddings/glove-embedder.js';
import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';
import { buildIndex } from '../src/indexing/build-index.js';
import { ensureIndex } from '../src/indexing/ensure-index.js';
import { openIndex } from '../src/indexing/open-index.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
import { random, syntheticCorpus } from './synthetic-corpus.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const passages = Number(process.argv[2] ?? 100_000);
const queries = Number(process.argv[3] ?? 300);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const vectors = await loadGloveVectors(path.join(root, 'indexes/.cache'));
  const { articles } = await loadCorpus(path.join(root, 'corpus'));
  const sentences = articles.flatMap((a) => chunkArticle(a).filter((c) => c.role === 'body').flatMap((c) => c.sentences.map((s) => a.body.slice(s.start, s.end))));
  const corpus = syntheticCorpus([...new Set(sentences)], passages);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-scale-'));
  const embedder = new GloveEmbedder(vectors);
  console.log(`wedge scale benchmark — ${passages.toLocaleString('en')} synthetic passages in ${corpus.length.toLocaleString('en')} articles, local store (hnswlib + SQLite with FTS5), offline GloVe embedder`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}`);

  const heapBefore = process.memoryUsage();
  let t = performance.now();
  const manifest = await buildIndex({ articles: corpus, embedder, indexDir: dir, batchSize: 512 });
  const buildSeconds = (performance.now() - t) / 1000;
  console.log(`ingest: ${manifest.counts.chunks.toLocaleString('en')} chunks, ${manifest.counts.sentences.toLocaleString('en')} sentences in ${buildSeconds.toFixed(1)} s = ${(passages / buildSeconds).toFixed(0)} passages/s`);
  console.log(`index on disk: ${execFileSync('du', ['-sh', dir]).toString().split('\t')[0]}`);

  t = performance.now();
  const index = await openIndex(dir, embedder);
  const retriever = createRetriever(index);
  const after = process.memoryUsage();
  console.log(`open: ${((performance.now() - t) / 1000).toFixed(1)} s; memory after loading: RSS ${mb(after.rss)}, heap ${mb(after.heapUsed - heapBefore.heapUsed)} more, external ${mb(after.external)}`);

  const next = random(7);
  const texts = Array.from({ length: queries }, () => { const s = sentences[Math.floor(next() * sentences.length)]!; return s.split(/\s+/).slice(0, 10).join(' '); });
  const vectorsOf = await embedder.embedDocuments(texts);
  const dense: number[] = [];
  const hybrid: number[] = [];
  for (const [i, text] of texts.entries()) {
    t = performance.now();
    index.dense.index.searchKnn(vectorsOf[i]!, 10);
    dense.push(performance.now() - t);
    t = performance.now();
    await retriever.search(text, { k: 10 });
    hybrid.push(performance.now() - t);
  }
  console.log(`dense kNN (hnswlib, k 10, ef ${Math.max(64, Math.min(400, index.store.chunkCount))}): p50 ${percentile(dense, 0.5).toFixed(2)} ms, p99 ${percentile(dense, 0.99).toFixed(2)} ms`);
  console.log(`hybrid search (BM25 + dense + RRF + MMR + sentence scores, k 10): p50 ${percentile(hybrid, 0.5).toFixed(2)} ms, p99 ${percentile(hybrid, 0.99).toFixed(2)} ms`);

  // Exact search by brute force over every chunk vector, for recall of the approximate index.
  const count = index.store.chunkCount;
  const points = Array.from({ length: count }, (_, i) => index.dense.index.getPoint(i));
  let overlap = 0;
  const sample = Math.min(100, queries);
  for (let q = 0; q < sample; q += 1) {
    const query = vectorsOf[q]!;
    const scores = points.map((p, i) => { let dot = 0; for (let d = 0; d < p.length; d += 1) dot += p[d]! * query[d]!; return [dot, i] as const; });
    const exact = new Set(scores.sort((a, b) => b[0] - a[0]).slice(0, 10).map(([, i]) => i));
    for (const i of index.dense.index.searchKnn(query, 10).neighbors) if (exact.has(i)) overlap += 1;
  }
  console.log(`recall@10 of approximate vs exact search (${sample} queries): ${(overlap / (sample * 10)).toFixed(3)}`);

  // Adding one article, as `wedge add` does: the live build is updated in a copy, not rebuilt.
  const added = { meta: { id: 'added-article', title: 'An added article' }, body: corpus[0]!.body, file: 'added-article.md' };
  t = performance.now();
  const update = await ensureIndex({ indexDir: dir, articles: [...corpus, added], embedder });
  console.log(`add one article (${update.updated ? 'updated in place' : 'rebuilt'}): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await rm(dir, { recursive: true, force: true });
}

await main();
