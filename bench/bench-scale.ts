import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
import { random, syntheticCorpus } from './synthetic-corpus.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const passages = Number(process.argv[2] ?? 100_000);
const queries = Number(process.argv[3] ?? 300);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const wedgeBin = path.join(root, 'bin/wedge.js');
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/**
 * `wedge serve` on the index in its own process (no corpus folder, so it serves the index as it is): RSS once it
 * is serving (index open, answerer warmed up), then /api/search for every query in sequence, twice: the first
 * pass reads each term's postings from SQLite, the second finds them in the cache, as a running server does.
 */
async function measureServer(dir: string, texts: string[]): Promise<void> {
  const started = performance.now();
  // One worker: its RSS is the process measured (with several, the primary's would be), and the store bars are per process.
  const child = spawn(process.execPath, [wedgeBin, 'serve', '--index', dir, '--corpus', path.join(dir, 'no-corpus'), '--port', '0'], { cwd: root, env: { ...process.env, WEDGE_LOG_LEVEL: 'warn', WEDGE_WORKERS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve(m[1]!); });
      child.on('exit', (code) => reject(new Error(`wedge serve exited with ${code}`)));
    });
    console.log(`wedge serve: serving after ${((performance.now() - started) / 1000).toFixed(1)} s; RSS once serving ${mb(rssOf(child.pid!))}`);
    for (const pass of ['cold postings cache', 'warm']) {
      const times: number[] = [];
      for (const query of texts) {
        const t = performance.now();
        const response = await fetch(`${url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, k: 10 }) });
        if (!response.ok) throw new Error(`/api/search answered ${response.status}: ${await response.text()}`);
        await response.json();
        times.push(performance.now() - t);
      }
      console.log(`hybrid /api/search, ${texts.length} sequential requests, ${pass}: p50 ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms; RSS after ${mb(rssOf(child.pid!))}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const vectors = await loadGloveVectors(path.join(root, 'indexes/.cache'));
  const { articles } = await loadCorpus(path.join(root, 'corpus'));
  const sentences = articles.flatMap((a) => chunkArticle(a).filter((c) => c.role === 'body').flatMap((c) => c.sentences.map((s) => a.body.slice(s.start, s.end))));
  const corpus = syntheticCorpus([...new Set(sentences)], passages);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-scale-'));
  const embedder = new GloveEmbedder(vectors);
  console.log(`wedge scale benchmark — ${passages.toLocaleString('en')} synthetic passages in ${corpus.length.toLocaleString('en')} articles, local store (hnswlib + SQLite with FTS5), offline GloVe embedder`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}`);

  let t = performance.now();
  const manifest = await buildIndex({ articles: corpus, embedder, indexDir: dir, batchSize: 512 });
  const buildSeconds = (performance.now() - t) / 1000;
  console.log(`ingest: ${manifest.counts.chunks.toLocaleString('en')} chunks, ${manifest.counts.sentences.toLocaleString('en')} sentences in ${buildSeconds.toFixed(1)} s = ${(passages / buildSeconds).toFixed(0)} passages/s`);
  console.log(`index on disk: ${execFileSync('du', ['-sh', dir]).toString().split('\t')[0]}`);

  // The search CLI and the server each in a fresh process, as a user runs them: no build garbage in their memory.
  const queryTexts = (() => { const next = random(7); return Array.from({ length: queries }, () => { const s = sentences[Math.floor(next() * sentences.length)]!; return s.split(/\s+/).slice(0, 10).join(' '); }); })();
  t = performance.now();
  execFileSync(process.execPath, [wedgeBin, 'search', '--index', dir, '--k', '10', queryTexts[0]!], { cwd: root, stdio: 'ignore' });
  console.log(`cold \`wedge search\` (whole process: start, open, one query): ${((performance.now() - t) / 1000).toFixed(2)} s`);
  await measureServer(dir, queryTexts);

  t = performance.now();
  const index = await openIndex(dir, embedder);
  console.log(`open in this process: ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const vectorsOf = await embedder.embedDocuments(queryTexts);
  const dense: number[] = [];
  for (const vector of vectorsOf) {
    t = performance.now();
    index.dense.index.searchKnn(vector, 10);
    dense.push(performance.now() - t);
  }
  console.log(`dense kNN (hnswlib, k 10, ef ${Math.max(64, Math.min(400, index.store.chunkCount))}): p50 ${percentile(dense, 0.5).toFixed(2)} ms, p99 ${percentile(dense, 0.99).toFixed(2)} ms`);

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
