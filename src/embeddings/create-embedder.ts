import type { Config } from '../config/load-config.js';
import { ConfigError } from '../errors/wedge-error.js';
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
  if (!config.openaiApiKey && !config.openaiBaseUrl) {
    throw new ConfigError('The openai embedder needs OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server such as Ollama or vLLM).');
  }
  // Imported on demand: the SDK costs ~150 ms of start-up that offline runs should not pay.
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    // Local OpenAI-compatible servers usually need no key, but the SDK insists on one.
    apiKey: config.openaiApiKey ?? 'no-key',
    baseURL: config.openaiBaseUrl,
    timeout: config.openaiTimeoutMs,
    maxRetries: config.openaiMaxRetries,
    fetch: deps.fetch,
  });
  return new OpenAIEmbedder({ client, model: config.openaiEmbeddingModel, batchSize: config.openaiBatchSize });
}
