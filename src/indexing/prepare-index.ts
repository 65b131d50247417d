import { existsSync } from 'node:fs';
import type { Config } from '../config/load-config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { createEmbedder, type EmbedderDeps } from '../embeddings/create-embedder.js';
import { ensureIndex } from './ensure-index.js';
import { embedderKindOf } from './manifest.js';
import { readManifest } from './open-index.js';
import { buildPgIndex } from './postgres/build-pg-index.js';
import { createPgPool, readPgManifest } from './postgres/create-pg-pool.js';

/**
 * Makes sure the index matches the corpus before serving or evaluating: builds it when missing or
 * stale, in local files or in Postgres. Without a corpus folder the existing index is used as it is.
 */
export async function prepareIndex(config: Config, outside: EmbedderDeps & { log: (message: string) => void }): Promise<void> {
  if (!existsSync(config.corpusDir)) return;
  const { articles, errors, settings } = await loadCorpus(config.corpusDir);
  for (const error of errors) outside.log(`wedge: skipped ${error.message}`);
  if (config.store === 'postgres') {
    const pool = createPgPool(config);
    try {
      const manifest = await readPgManifest(pool);
      const embedder = await createEmbedder({ ...config, embedder: config.embedder ?? embedderKindOf(manifest) }, outside);
      const result = await buildPgIndex({ pool, articles, embedder, settings });
      if (result.written || result.removed) outside.log(`Postgres index: ${result.written} articles written, ${result.removed} removed, ${result.unchanged} unchanged.`);
    } finally {
      await pool.end();
    }
    return;
  }
  const manifest = await readManifest(config.indexDir).catch(() => undefined);
  // Keep the index's own embedder unless one is asked for: switching silently would cost an OpenAI bill or a rebuild.
  const embedder = await createEmbedder({ ...config, embedder: config.embedder ?? embedderKindOf(manifest) }, outside);
  const result = await ensureIndex({ indexDir: config.indexDir, articles, embedder, settings });
  if (result.built) outside.log(`Indexed ${result.manifest.counts.docs} docs, ${result.manifest.counts.chunks} chunks (${result.updated ? 'changed articles updated in place' : `${result.previous} index rebuilt`}).`);
}
