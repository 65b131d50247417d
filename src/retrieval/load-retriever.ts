import type { Config } from '../config/load-config.js';
import { createEmbedder, type EmbedderDeps } from '../embeddings/create-embedder.js';
import { IndexMissingError } from '../errors/wedge-error.js';
import { openIndex, readManifest } from '../indexing/open-index.js';
import { createRetriever, type Retriever } from './create-retriever.js';

/**
 * Opens the index at config.indexDir with the embedder it was built with. An explicitly chosen
 * embedder that differs from the index's is an EmbedderMismatchError, never silently wrong results.
 */
export async function loadRetriever(config: Config, deps: EmbedderDeps = {}): Promise<Retriever> {
  const manifest = await readManifest(config.indexDir);
  if (!manifest) throw new IndexMissingError(config.indexDir);
  const embedder = config.embedder ?? (manifest.embedder.id.startsWith('openai/') ? 'openai' : 'glove');
  return createRetriever(await openIndex(config.indexDir, await createEmbedder({ ...config, embedder }, deps)));
}
