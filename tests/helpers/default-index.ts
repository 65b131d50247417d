import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import { createExtractiveGenerator } from '../../src/answer/generators/extractive-generator.js';
import type { Article } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { openIndex } from '../../src/indexing/open-index.js';
import { createRetriever } from '../../src/retrieval/create-retriever.js';
import { gloveEmbedder } from './glove.js';

/** Builds a real index of the default corpus (plus any extra articles) in a temp dir and opens a retriever on it. */
export async function defaultRetriever(extra: Article[] = []): Promise<ReturnType<typeof createRetriever>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-index-'));
  const embedder = await gloveEmbedder();
  const { articles, settings } = await loadCorpus('corpus');
  await buildIndex({ articles: [...articles, ...extra], embedder, indexDir: dir, settings });
  return createRetriever(await openIndex(dir, embedder));
}

/** Offline answer dependencies over the default corpus, as `npm start` wires them without an API key. */
export async function offlineDeps(extra: Article[] = []): Promise<AnswerDeps> {
  return {
    retriever: await defaultRetriever(extra),
    generator: createExtractiveGenerator(),
    wordVectors: await loadGloveVectors('indexes/.cache'),
    newId: () => 'ans_test',
  };
}
