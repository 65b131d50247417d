import type { Config } from '../config/load-config.js';
import { createOpenAIClient } from './create-openai-client.js';
import { GloveEmbedder } from './glove-embedder.js';
import { loadGloveVectors } from './glove-vectors.js';
import { OpenAIEmbedder } from './openai-embedder.js';
import type { WedgeEmbeddings } from './wedge-embeddings.js';

/** Outside things an embedder may need; tests pass a fetch that talks to a fake server. */
export interface EmbedderDeps {
  fetch?: typeof globalThis.fetch;
  log?: (message: string) => void;
}

/** Builds the embedder named by the config ("glove" offline by default, or "openai"). */
export async function createEmbedder(config: Config, deps: EmbedderDeps = {}): Promise<WedgeEmbeddings> {
  if ((config.embedder ?? 'glove') === 'glove') return new GloveEmbedder(await loadGloveVectors(config.cacheDir, deps.log));
  const client = await createOpenAIClient(config, deps.fetch);
  return new OpenAIEmbedder({ client, model: config.openaiEmbeddingModel, batchSize: config.openaiBatchSize });
}
