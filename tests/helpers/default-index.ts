import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import { createExtractiveGenerator } from '../../src/answer/generators/extractive-generator.js';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { openIndex } from '../../src/indexing/open-index.js';
import { buildPgIndex } from '../../src/indexing/postgres/build-pg-index.js';
import { openPgIndex } from '../../src/indexing/postgres/open-pg-index.js';
import { createRetriever, type Retriever } from '../../src/retrieval/create-retriever.js';
import { createPgRetriever } from '../../src/retrieval/postgres/create-pg-retriever.js';
import { gloveEmbedder } from './glove.js';
import { startTestPostgres } from './pglite-server.js';

/** Builds a real index of the default corpus (plus any extra articles) in a temp dir and opens a retriever on it. */
export async function defaultRetriever(extra: Article[] = []): Promise<ReturnType<typeof createRetriever>> {
  // Under the run's temp dir, which the global teardown removes: shared indexes outlive any one test.
  const dir = await mkdtemp(path.join(inject('runTempDir'), 'index-'));
  const embedder = await gloveEmbedder();
  const { articles, settings } = await loadCorpus('corpus');
  await buildIndex({ articles: [...articles, ...extra], embedder, indexDir: dir, settings });
  return createRetriever(await openIndex(dir, embedder));
}

/** The default corpus in Postgres (PGlite over the wire, or WEDGE_TEST_DATABASE_URL), and a retriever on it. */
export async function postgresRetriever(): Promise<{ retriever: Retriever; stop: () => Promise<void> }> {
  const postgres = await startTestPostgres();
  const embedder = await gloveEmbedder();
  const { articles, settings } = await loadCorpus('corpus');
  const pool = postgres.pool();
  await buildPgIndex({ pool, articles, embedder, settings });
  return { retriever: createPgRetriever(await openPgIndex(pool, embedder)), stop: postgres.stop };
}

/** Offline answer dependencies over a retriever, as `npm start` wires them without an API key. */
async function offlineDepsOver(retriever: Retriever): Promise<AnswerDeps> {
  return { retriever, generator: createExtractiveGenerator(), wordVectors: await loadGloveVectors('indexes/.cache'), newId: () => 'ans_test' };
}

/** Offline answer dependencies over the default corpus, as `npm start` wires them without an API key. */
export async function offlineDeps(extra: Article[] = []): Promise<AnswerDeps> {
  return offlineDepsOver(await defaultRetriever(extra));
}

/** The same offline answer dependencies over the default corpus in Postgres. */
export async function postgresOfflineDeps(): Promise<{ deps: AnswerDeps; stop: () => Promise<void> }> {
  const { retriever, stop } = await postgresRetriever();
  return { deps: await offlineDepsOver(retriever), stop };
}
