import { randomBytes } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkArticle } from '../chunking/chunk-article.js';
import { contextualText } from '../chunking/contextual-text.js';
import type { Article } from '../corpus/article.js';
import type { CorpusSettings } from '../corpus/corpus-settings.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import { embedInBatches, flatten, publishBuild, uniqueSentences } from './build-index.js';
import { fingerprintCorpus, hashArticle } from './fingerprint-corpus.js';
import { indexLayout } from './index-layout.js';
import type { Manifest } from './manifest.js';
import { storePositions, updateStore } from './sqlite-store.js';
import { sentenceKey } from './sentence-key.js';

/** Above this share of the index changing, a full build is as quick and leaves no tombstones. */
const MAX_CHANGED_SHARE = 0.2;

/** Articles a new corpus adds or changes, and those it no longer has, against a live manifest. */
export function corpusChanges(manifest: Manifest, articles: Article[]): { changed: Article[]; removed: string[] } {
  const known = new Map(manifest.docs.map((doc) => [doc.id, doc.hash]));
  const present = new Set(articles.map((a) => a.meta.id));
  return {
    changed: articles.filter((article) => known.get(article.meta.id) !== hashArticle(article)),
    removed: manifest.docs.filter((doc) => !present.has(doc.id)).map((doc) => doc.id),
  };
}

/**
 * Updates the live index in place of a rebuild when few articles changed (`wedge add`, an edited file):
 * the live build is copied to a temp directory, the changed and removed articles' chunks become tombstones
 * (FTS5 rows and term counts removed, graph points marked deleted), new chunks are embedded and appended,
 * and the copy is published with a new build id by the same atomic swap as a full build. Returns undefined
 * when an update cannot stand in for a build (another chunker, embedder or settings, a fitted embedder, or
 * too much changed), so the caller builds instead.
 */
export async function updateIndex(options: { indexDir: string; manifest: Manifest; articles: Article[]; embedder: WedgeEmbeddings; settings?: CorpusSettings; now?: () => Date }): Promise<Manifest | undefined> {
  const { indexDir, manifest, articles, embedder, settings = {}, now = () => new Date() } = options;
  const started = performance.now();
  if (manifest.embedder.id !== embedder.id || manifest.embedder.state || JSON.stringify(manifest.settings ?? {}) !== JSON.stringify(settings)) return undefined;
  const { changed, removed } = corpusChanges(manifest, articles);
  const replaced = changed.filter((a) => manifest.docs.some((doc) => doc.id === a.meta.id)).map((a) => a.meta.id);
  const chunks = changed.flatMap((article) => chunkArticle(article, manifest.chunker));
  if (chunks.length > manifest.counts.chunks * MAX_CHANGED_SHARE || replaced.length + removed.length > manifest.docs.length * MAX_CHANGED_SHARE) return undefined;

  const layout = indexLayout(indexDir);
  const live = layout.build(manifest.buildId);
  const tmpId = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = layout.build(tmpId);
  try {
    await cp(live.dir, tmp.dir, { recursive: true });
    await rm(tmp.manifest, { force: true });
    const metaById = new Map(changed.map((a) => [a.meta.id, a.meta]));
    const searchTexts = chunks.map((chunk) => contextualText(chunk, metaById.get(chunk.docId)!));
    const dims = manifest.embedder.dimensions;
    const chunkVectors = await embedInBatches(embedder, searchTexts, 64, () => {});
    const sentences = uniqueSentences(chunks);
    const bodies = new Map(changed.map((a) => [a.meta.id, a.body]));
    const sentenceVectors = await embedInBatches(embedder, sentences.map((s) => bodies.get(s.docId)!.slice(s.start, s.end)), 64, () => {});
    const firstPosition = storePositions(tmp.store);
    const { removed: dropped, sentences: sentenceCount, chunks: liveChunks } = updateStore(tmp.store, {
      removedDocIds: [...replaced, ...removed],
      docs: changed.map(({ meta, body }) => ({ meta, body })),
      chunks,
      searchTexts,
      firstPosition,
      sentenceKeys: sentences.map((s) => sentenceKey(s.docId, s.start, s.end)),
      sentenceVectors: flatten(sentenceVectors, dims),
      dimensions: dims,
    });
    // The graph keeps every position: replaced points are marked deleted, new ones appended after the last.
    const graphFile = path.join(tmp.dense, 'hnswlib.index');
    const { HierarchicalNSW } = (await import('hnswlib-node')).default;
    const graph = new HierarchicalNSW('cosine', dims);
    await graph.readIndex(graphFile, true);
    graph.resizeIndex(firstPosition + chunks.length);
    chunkVectors.forEach((vector, i) => graph.addPoint(vector, firstPosition + i));
    for (const n of dropped) graph.markDelete(n);
    await graph.writeIndex(graphFile);
    const docstoreFile = path.join(tmp.dense, 'docstore.json');
    const docstore = JSON.parse(await readFile(docstoreFile, 'utf8')) as Array<[string, unknown]>;
    chunks.forEach((chunk, i) => docstore.push([String(firstPosition + i), { pageContent: '', metadata: { chunk: firstPosition + i, chunkId: chunk.id } }]));
    await writeFile(docstoreFile, JSON.stringify(docstore));

    const counts = { docs: articles.length, chunks: liveChunks, sentences: sentenceCount };
    const corpusHash = fingerprintCorpus(articles, manifest.chunker, embedder.id, settings);
    const createdAt = now();
    const next: Manifest = {
      ...manifest,
      buildId: `${createdAt.toISOString().replace(/[-:.]/g, '')}-${corpusHash.slice(0, 8)}-${randomBytes(2).toString('hex')}`,
      createdAt: createdAt.toISOString(),
      corpusHash,
      counts,
      docs: articles.map((article) => ({ id: article.meta.id, title: article.meta.title, hash: hashArticle(article), file: article.file })),
      buildMs: Math.round(performance.now() - started),
    };
    await writeFile(tmp.manifest, JSON.stringify(next, null, 2));
    await publishBuild(layout, tmp.dir, next.buildId);
    return next;
  } finally {
    await rm(tmp.dir, { recursive: true, force: true });
  }
}
