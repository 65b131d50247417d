import { DEFAULT_CHUNKER, type ChunkerSettings } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import type { CorpusSettings } from '../corpus/corpus-settings.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import { buildIndex, type BuildProgress } from './build-index.js';
import { fingerprintCorpus } from './fingerprint-corpus.js';
import type { Manifest } from './manifest.js';
import { readManifest } from './open-index.js';
import { updateIndex } from './update-index.js';

/** Whether the index on disk matches the corpus, chunker and embedder it would be built from now. */
export type IndexStatus = { state: 'missing' } | { state: 'fresh' | 'stale'; manifest: Manifest };

/** Compares the live index with what a build would produce now, without building. */
export async function checkIndex(indexDir: string, articles: Article[], embedderId: string, chunker: ChunkerSettings = DEFAULT_CHUNKER, settings: CorpusSettings = {}): Promise<IndexStatus> {
  const manifest = await readManifest(indexDir);
  if (!manifest) return { state: 'missing' };
  const fresh = manifest.corpusHash === fingerprintCorpus(articles, chunker, embedderId, settings);
  return { state: fresh ? 'fresh' : 'stale', manifest };
}

/** Builds the index when it is missing or stale (or always, with force); a fresh index is left alone. */
export async function ensureIndex(options: {
  indexDir: string;
  articles: Article[];
  embedder: WedgeEmbeddings;
  force?: boolean;
  chunker?: ChunkerSettings;
  settings?: CorpusSettings;
  onProgress?: (progress: BuildProgress) => void;
}): Promise<{ built: boolean; previous: IndexStatus['state']; manifest: Manifest; updated?: boolean }> {
  const chunker = options.chunker ?? DEFAULT_CHUNKER;
  // A corrupt manifest counts as stale here: rebuilding is exactly the cure.
  const status = await checkIndex(options.indexDir, options.articles, options.embedder.id, chunker, options.settings)
    .catch((): IndexStatus => ({ state: 'missing' }));
  if (status.state === 'fresh' && !options.force) return { built: false, previous: 'fresh', manifest: status.manifest };
  // A few added, changed or removed articles are applied to a copy of the live build instead of rebuilding it all.
  if (status.state === 'stale' && !options.force && JSON.stringify(status.manifest.chunker) === JSON.stringify(chunker)) {
    const updated = await updateIndex({ indexDir: options.indexDir, manifest: status.manifest, articles: options.articles, embedder: options.embedder, settings: options.settings });
    if (updated) return { built: true, previous: 'stale', manifest: updated, updated: true };
  }
  const manifest = await buildIndex({ ...options, chunker });
  return { built: true, previous: status.state, manifest };
}
