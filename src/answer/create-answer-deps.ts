import type { Config } from '../config/load-config.js';
import type { EmbedderDeps } from '../embeddings/create-embedder.js';
import { createOpenAIClient } from '../embeddings/create-openai-client.js';
import { GloveEmbedder } from '../embeddings/glove-embedder.js';
import { loadGloveVectors } from '../embeddings/glove-vectors.js';
import { loadRetriever } from '../retrieval/load-retriever.js';
import type { AnswerDeps } from './answer-question.js';
import { createLlmCondenser } from './conversation/llm-condenser.js';
import { withCircuitBreaker } from './generators/circuit-breaker.js';
import { createExtractiveGenerator } from './generators/extractive-generator.js';
import { createLlmGenerator } from './generators/llm-generator.js';
import { loadPrompts } from './generators/load-prompts.js';

/** Which generator the config asks for: explicit WEDGE_GENERATOR, else llm when an OpenAI key or URL is set. */
export function generatorKind(config: Config): 'extractive' | 'llm' {
  return config.generator ?? (config.openaiApiKey || config.openaiBaseUrl ? 'llm' : 'extractive');
}

/** Wires retrieval and the configured generator into what answerQuestion needs. */
export async function createAnswerDeps(config: Config, outside: EmbedderDeps = {}): Promise<AnswerDeps> {
  const retriever = await loadRetriever(config, outside);
  // The offline embedder already holds the word vectors; load a second copy only for an index built with OpenAI.
  const { embedder } = retriever.index;
  const wordVectors = embedder instanceof GloveEmbedder ? embedder.vectors : await loadGloveVectors(config.cacheDir, outside.log);
  const extractive = createExtractiveGenerator();
  if (generatorKind(config) === 'extractive') return { retriever, generator: extractive, wordVectors };
  const [client, prompts] = await Promise.all([createOpenAIClient(config, outside.fetch), loadPrompts(config.promptsDir)]);
  return {
    retriever,
    wordVectors,
    generator: withCircuitBreaker(createLlmGenerator({ client, model: config.openaiModel, prompts, timeoutMs: config.openaiTimeoutMs }), {
      failuresToOpen: config.llmFailuresToOpen,
      cooldownMs: config.llmCooldownMs,
    }),
    fallback: extractive,
    condense: createLlmCondenser(client, config.openaiModel, prompts, config.openaiTimeoutMs),
  };
}
