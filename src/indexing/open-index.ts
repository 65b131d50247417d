import { readFile } from 'node:fs/promises';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { ArticleMeta } from '../corpus/article.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import { EmbedderMismatchError, IndexCorruptError, IndexMissingError } from '../errors/wedge-error.js';
import { indexLayout } from './index-layout.js';
import { INDEX_FORMAT, manifestSchema, type Manifest } from './manifest.js';
import { openStore, type Store } from './open-store.js';

/** A loaded index: the HNSW graph and documents in memory, everything else read per query from the build's SQLite file. */
export interface OpenIndex {
  dir: string;
  manifest: Manifest;
  docs: ReadonlyMap<string, { meta: ArticleMeta; body: string; chars: number }>;
  store: Store;
  dense: HNSWLib;
  embedder: WedgeEmbeddings;
  /** Every word the articles use, as the build stored it. */
  vocabulary(): string[];
}

/** Reads which build is live, or undefined when no index has been built. */
export async function readCurrentBuild(indexDir: string): Promise<string | undefined> {
  const text = await readFile(indexLayout(indexDir).currentFile, 'utf8').catch(() => undefined);
  return text?.trim() || undefined;
}

/** Reads the live build's manifest, or undefined when there is no index. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  const buildId = await readCurrentBuild(indexDir);
  if (!buildId) return undefined;
  const file = indexLayout(indexDir).build(buildId).manifest;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new IndexCorruptError(indexDir, `manifest ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format !== INDEX_FORMAT) throw new IndexCorruptError(indexDir, `built by another version of wedge: index format ${format}, this version reads ${INDEX_FORMAT}`);
  try {
    return manifestSchema.parse(parsed);
  } catch (error) {
    throw new IndexCorruptError(indexDir, `manifest ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Loads the live index; the embedder must be the one it was built with, or this fails clearly. */
export async function openIndex(indexDir: string, embedder: WedgeEmbeddings): Promise<OpenIndex> {
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new IndexMissingError(indexDir);
  if (manifest.embedder.id !== embedder.id) throw new EmbedderMismatchError(manifest.embedder.id, embedder.id);
  const files = indexLayout(indexDir).build(manifest.buildId);
  let store: Store | undefined;
  try {
    store = openStore(files.store);
    const dense = await HNSWLib.load(files.dense, embedder);
    if (store.liveCount !== manifest.counts.chunks || dense.index.getCurrentCount() !== store.chunkCount) {
      throw new Error('the store and the vector index disagree with the manifest');
    }
    embedder.restore(manifest.embedder.state);
    // Search quality over speed: a wide beam keeps approximate search close to exact at this size.
    dense.index.setEf(Math.max(64, Math.min(400, store.chunkCount)));
    return { dir: indexDir, manifest, docs: store.docs, store, dense, embedder, vocabulary: () => store!.vocabulary() };
  } catch (error) {
    store?.close();
    throw new IndexCorruptError(indexDir, (error as Error).message.split('\n')[0] ?? 'unknown error');
  }
}
