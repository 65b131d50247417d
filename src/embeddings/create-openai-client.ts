import type OpenAI from 'openai';
import type { Config } from '../config/load-config.js';
import { ConfigError } from '../errors/wedge-error.js';

/** Builds the official OpenAI client from config; `fetch` is injectable so tests can reach a fake server. */
export async function createOpenAIClient(config: Config, fetch?: typeof globalThis.fetch): Promise<OpenAI> {
  if (!config.openaiApiKey && !config.openaiBaseUrl) {
    throw new ConfigError('OpenAI features need OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server such as Ollama or vLLM).');
  }
  // Imported on demand: the SDK costs ~150 ms of start-up that offline runs should not pay.
  const { default: OpenAIClient } = await import('openai');
  return new OpenAIClient({
    // Local OpenAI-compatible servers usually need no key, but the SDK insists on one.
    apiKey: config.openaiApiKey ?? 'no-key',
    baseURL: config.openaiBaseUrl,
    timeout: config.openaiTimeoutMs,
    maxRetries: config.openaiMaxRetries,
    fetch,
  });
}
