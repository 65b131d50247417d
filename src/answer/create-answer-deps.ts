import type { Config } from '../config/load-config.js';
import type { EmbedderDeps } from '../embeddings/create-embedder.js';
import { createOpenAIClient } from '../embeddings/create-openai-client.js';
import { GloveEmbedder } from '../embeddings/glove-embedder.js';
import { loadGloveVectors, type GloveVectors } from '../embeddings/glove-vectors.js';
import type { Retriever } from '../retrieval/create-retriever.js';
import { loadRetriever } from '../retrieval/load-retriever.js';
import { createAnswerCache } from './answer-cache.js';
import type { AnswerDeps } from './answer-question.js';
import { judgeKnowledge } from './citations/judge-knowledge.js';
import { createLlmCondenser } from './conversation/llm-condenser.js';
import { withCircuitBreaker } from './generators/circuit-breaker.js';
import { createExtractiveGenerator } from './generators/extractive-generator.js';
import { createLlmGenerator } from './generators/llm-generator.js';
import { loadPrompts } from './generators/load-prompts.js';
import { readAnswerabilityModel } from './ranking/answerability-model.js';
import { RANKER_WEIGHTS } from './ranking/ranker-weights.js';
import { decisionReadsAnswerScore } from './assess-question.js';
import { loadMeaningModel } from '../meaning/meaning-model.js';

/** Which generator the config asks for: explicit WEDGE_GENERATOR, else llm when an OpenAI key or URL is set. */
export function generatorKind(config: Config): 'extractive' | 'llm' {
  return config.generator ?? (config.openaiApiKey || config.openaiBaseUrl ? 'llm' : 'extractive');
}

/** The word vectors answering and judging use: the offline embedder's own, or (for an index built with OpenAI) a copy loaded once. */
export async function wordVectorsFor(retriever: Retriever, config: Config, outside: EmbedderDeps = {}): Promise<GloveVectors> {
  const { embedder } = retriever.index;
  return embedder instanceof GloveEmbedder ? embedder.vectors : loadGloveVectors(config.cacheDir, outside.log);
}

/** Wires retrieval and the configured generator into what answerQuestion needs. */
export async function createAnswerDeps(config: Config, outside: EmbedderDeps = {}): Promise<AnswerDeps> {
  const retriever = await loadRetriever(config, outside);
  const wordVectors = await wordVectorsFor(retriever, config, outside);
  const extractive = createExtractiveGenerator();
  const answerCache = config.answerCacheEntries > 0 ? createAnswerCache(config.answerCacheEntries) : undefined;
  const decision = config.answerabilityModel ? readAnswerabilityModel(config.answerabilityModel) : undefined;
  // The answer model is loaded only for an answerability model that reads its score.
  const answer = decision && decisionReadsAnswerScore(decision) ? await loadMeaningModel(config.answerModel, wordVectors) : undefined;
  const shared = {
    ...(answerCache ? { answerCache } : {}),
    ...(decision ? { models: { ranker: RANKER_WEIGHTS, answerability: decision, ...(answer ? { answer } : {}) } } : {}),
  };
  if (generatorKind(config) === 'extractive') return { retriever, generator: extractive, wordVectors, ...shared };
  const [client, prompts] = await Promise.all([createOpenAIClient(config, outside.fetch), loadPrompts(config.promptsDir)]);
  return {
    retriever,
    wordVectors,
    generator: withCircuitBreaker(createLlmGenerator({ client, model: config.openaiModel, prompts, timeoutMs: config.openaiTimeoutMs, judge: judgeKnowledge(wordVectors) }), {
      failuresToOpen: config.llmFailuresToOpen,
      cooldownMs: config.llmCooldownMs,
    }),
    fallback: extractive,
    condense: createLlmCondenser(client, config.openaiModel, prompts, config.openaiTimeoutMs),
    ...shared,
  };
}
