import type { Config } from '../config/load-config.js';
import { createEmbedder, type EmbedderDeps } from '../embeddings/create-embedder.js';
import { IndexMissingError } from '../errors/wedge-error.js';
import { embedderKindOf, type Manifest } from '../indexing/manifest.js';
import { openIndex, readManifest } from '../indexing/open-index.js';
import { createRetriever, type Retriever } from './create-retriever.js';

const embedderOf = (config: Config, manifest: Manifest) => config.embedder ?? embedderKindOf(manifest);

/**
 * Opens the index (local files, or Postgres with WEDGE_STORE=postgres) with the embedder it was built
 * with. An explicitly chosen embedder that differs from the index's is an EmbedderMismatchError.
 */
export async function loadRetriever(config: Config, deps: EmbedderDeps = {}): Promise<Retriever> {
  if (config.store === 'postgres') {
    // Loaded only for this store, so the local store's commands start without the Postgres client.
    const [{ createPgPool, readPgManifest }, { openPgIndex }, { createPgRetriever }] = await Promise.all([
      import('../indexing/postgres/create-pg-pool.js'), import('../indexing/postgres/open-pg-index.js'), import('./postgres/create-pg-retriever.js'),
    ]);
    const pool = createPgPool(config);
    const manifest = await readPgManifest(pool);
    if (!manifest) throw new IndexMissingError('postgres (DATABASE_URL)');
    return createPgRetriever(await openPgIndex(pool, await createEmbedder({ ...config, embedder: embedderOf(config, manifest) }, deps)), config.fusion);
  }
  const manifest = await readManifest(config.indexDir);
  if (!manifest) throw new IndexMissingError(config.indexDir);
  return createRetriever(await openIndex(config.indexDir, await createEmbedder({ ...config, embedder: embedderOf(config, manifest) }, deps)), config.fusion);
}
