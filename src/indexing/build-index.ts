import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import { chunkArticle } from '../chunking/chunk-article.js';
import { DEFAULT_CHUNKER, type Chunk, type ChunkerSettings } from '../chunking/chunk.js';
import { contextualText } from '../chunking/contextual-text.js';
import type { Article } from '../corpus/article.js';
import type { CorpusSettings } from '../corpus/corpus-settings.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import { fingerprintCorpus, hashArticle } from './fingerprint-corpus.js';
import { indexLayout } from './index-layout.js';
import { writeSentenceVectors } from './sqlite-store.js';
import { startIndexTask } from './start-index-task.js';
import { INDEX_FORMAT, type Manifest } from './manifest.js';
import { sentenceKey } from './sentence-key.js';

const HNSW_M = 16;
const HNSW_EF_CONSTRUCTION = 100;
/** About 1,500 passages: below this a worker thread's start-up (~0.3 s of module loading) outweighs the work it takes over. */
const THREADS_FROM_CHARS = 1_000_000;

/** Progress of a long build step, for a progress bar. */
export interface BuildProgress { step: 'chunk' | 'embed-chunks' | 'embed-sentences' | 'write'; done: number; total: number }

/** What building an index needs; the clock is injectable so tests can pin build ids. */
export interface BuildIndexOptions {
  articles: Article[];
  embedder: WedgeEmbeddings;
  indexDir: string;
  chunker?: ChunkerSettings;
  settings?: CorpusSettings;
  onProgress?: (progress: BuildProgress) => void;
  now?: () => Date;
  batchSize?: number;
  /** Corpus size (characters of article text) from which a second thread is used; below it, starting one costs more than it saves. */
  threadsFromChars?: number;
}

/** A sentence of the corpus, with the row of its vector in sentence-vectors.f32. */
export interface SentenceRef { docId: string; start: number; end: number }

/** Embeds texts in batches, reporting progress after each. */
export async function embedInBatches(embedder: WedgeEmbeddings, texts: string[], batchSize: number, report: (done: number) => void): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    vectors.push(...await embedder.embedDocuments(texts.slice(i, i + batchSize)));
    report(vectors.length);
  }
  return vectors;
}

/** Packs vectors into one Float32Array, row by row. */
export function flatten(vectors: number[][], dimensions: number): Float32Array {
  const flat = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, row) => flat.set(vector, row * dimensions));
  return flat;
}

/** The distinct sentences of some chunks (overlapping chunks share one). */
export function uniqueSentences(chunks: Chunk[]): SentenceRef[] {
  const seen = new Map<string, SentenceRef>();
  for (const chunk of chunks) {
    for (const { start, end } of chunk.sentences) seen.set(sentenceKey(chunk.docId, start, end), { docId: chunk.docId, start, end });
  }
  return [...seen.values()];
}

/** Removes builds older than the live one and the one before it. */
export async function pruneOldBuilds(buildsDir: string, keep: string[]): Promise<void> {
  const entries = await readdir(buildsDir).catch(() => [] as string[]);
  const builds = entries.filter((name) => !name.startsWith('.')).sort();
  // Keep the live build and the one before it: a reader that read CURRENT just before the swap still finds its files.
  const stale = builds.filter((name) => !keep.includes(name)).slice(0, -1);
  await Promise.all(stale.map((name) => rm(`${buildsDir}/${name}`, { recursive: true, force: true })));
}

/** Renames a finished temp build into place, points CURRENT at it atomically, and prunes old builds. */
export async function publishBuild(layout: ReturnType<typeof indexLayout>, tmpDir: string, buildId: string): Promise<void> {
  await rename(tmpDir, layout.build(buildId).dir);
  const pointer = `${layout.currentFile}.${path.basename(tmpDir)}`;
  await writeFile(pointer, `${buildId}\n`);
  await rename(pointer, layout.currentFile);
  await pruneOldBuilds(layout.buildsDir, [buildId]);
}

/**
 * Chunks, embeds and indexes the articles (HNSW dense + BM25 lexical), writes the build to a temp
 * directory, then renames it into place and points CURRENT at it. A crash leaves the old index live.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<Manifest> {
  const { articles, embedder, indexDir, onProgress = () => {}, now = () => new Date(), batchSize = 64, settings = {} } = options;
  const chunker = options.chunker ?? DEFAULT_CHUNKER;
  const started = performance.now();
  const layout = indexLayout(indexDir);
  const metaById = new Map(articles.map((article) => [article.meta.id, article.meta]));

  const threads = { inProcess: articles.reduce((sum, article) => sum + article.body.length, 0) < (options.threadsFromChars ?? THREADS_FROM_CHARS) };
  // Chunking is pure and per article: the second half is chunked on a worker thread while this one does the first.
  const half = Math.ceil(articles.length / 2);
  const secondHalf = articles.length > 1 ? startIndexTask({ kind: 'chunk', articles: articles.slice(half), chunker }, threads) : Promise.resolve([]);
  secondHalf.catch(() => {});
  const firstHalf = articles.slice(0, half).flatMap((article, i) => {
    onProgress({ step: 'chunk', done: i + 1, total: articles.length });
    return chunkArticle(article, chunker);
  });
  const chunks = [...firstHalf, ...await secondHalf];
  onProgress({ step: 'chunk', done: articles.length, total: articles.length });
  const searchTexts = chunks.map((chunk) => contextualText(chunk, metaById.get(chunk.docId)!));
  const corpusHash = fingerprintCorpus(articles, chunker, embedder.id, settings);
  const createdAt = now();
  // Time first so names sort by age; the random tail keeps two builds in one millisecond apart.
  const buildId = `${createdAt.toISOString().replace(/[-:.]/g, '')}-${corpusHash.slice(0, 8)}-${randomBytes(2).toString('hex')}`;
  const tmpId = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = layout.build(tmpId);
  await mkdir(tmp.dense, { recursive: true });
  // The BM25 index and the HNSW graph are built on a second thread while this one embeds; both are awaited
  // (settled) before the temp directory is renamed or removed, so no task ever writes into a vanished build.
  const tasks: Array<Promise<void>> = [];
  const track = (task: Promise<void>) => { tasks.push(task); task.catch(() => {}); return task; };
  try {
    // The SQLite store (documents, chunks, term statistics, FTS5 index) is written on the second thread while this one embeds.
    const storeTask = track(startIndexTask({ kind: 'store', file: tmp.store, docs: articles.map(({ meta, body }) => ({ meta, body })), chunks, searchTexts }, threads));
    const state = await embedder.fit(searchTexts);
    const chunkVectors = await embedInBatches(embedder, searchTexts, batchSize, (done) => onProgress({ step: 'embed-chunks', done, total: chunks.length }));
    const dims = embedder.dimensions;
    const graphFile = path.join(tmp.dense, 'hnswlib.index');
    // efConstruction 100 (hnswlib's default is 200): half the insert time, and recall@10 against exact search
    // stays above 0.95 at 100k passages (npm run bench:scale).
    track(startIndexTask({ kind: 'hnsw', vectors: flatten(chunkVectors, dims), dimensions: dims, m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, file: graphFile }, threads));
    const sentences = uniqueSentences(chunks);
    const bodies = new Map(articles.map((article) => [article.meta.id, article.body]));
    const sentenceTexts = sentences.map((s) => bodies.get(s.docId)!.slice(s.start, s.end));
    const sentenceVectors = await embedInBatches(embedder, sentenceTexts, batchSize, (done) => onProgress({ step: 'embed-sentences', done, total: sentences.length }));
    onProgress({ step: 'write', done: 0, total: 1 });
    await Promise.all(tasks);
    const { HierarchicalNSW } = (await import('hnswlib-node')).default;
    const graph = new HierarchicalNSW('cosine', dims);
    await graph.readIndex(graphFile);
    const docs: Record<string, Document> = {};
    // The text lives in chunks.json; repeating it in HNSWLib's docstore only made the index bigger and slower to load.
    chunks.forEach((chunk, i) => { docs[i] = new Document({ pageContent: '', metadata: { chunk: i, chunkId: chunk.id } }); });
    const docstore = new SynchronousInMemoryDocstore();
    docstore.add(docs);
    const store = new HNSWLib(embedder, { space: 'cosine', numDimensions: dims, index: graph, docstore });
    await store.save(tmp.dense);
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      buildId,
      createdAt: createdAt.toISOString(),
      corpusHash,
      chunker,
      embedder: { id: embedder.id, dimensions: embedder.dimensions, ...(state ? { state } : {}) },
      counts: { docs: articles.length, chunks: chunks.length, sentences: sentences.length },
      docs: articles.map((article) => ({ id: article.meta.id, title: article.meta.title, hash: hashArticle(article), file: article.file })),
      buildMs: 0,
      settings,
    };
    await storeTask;
    writeSentenceVectors(tmp.store, sentences.map((s) => sentenceKey(s.docId, s.start, s.end)), flatten(sentenceVectors, dims), dims);
    manifest.buildMs = Math.round(performance.now() - started);
    // The manifest is written last: a build directory without one is never treated as an index.
    await writeFile(tmp.manifest, JSON.stringify(manifest, null, 2));
    await publishBuild(layout, tmp.dir, buildId);
    onProgress({ step: 'write', done: 1, total: 1 });
    return manifest;
  } finally {
    await Promise.allSettled(tasks);
    await rm(tmp.dir, { recursive: true, force: true });
  }
}
