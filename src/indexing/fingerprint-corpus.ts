import { createHash } from 'node:crypto';
import type { ChunkerSettings } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import type { CorpusSettings } from '../corpus/corpus-settings.js';
import { INDEX_FORMAT } from './manifest.js';

/** Content hash of one article (metadata and body). */
export function hashArticle(article: Article): string {
  return createHash('sha256').update(JSON.stringify(article.meta)).update('\0').update(article.body).digest('hex');
}

/** Hash of everything an index depends on: articles, chunker settings, embedder and index format. */
export function fingerprintCorpus(articles: Article[], chunker: ChunkerSettings, embedderId: string, settings: CorpusSettings = {}): string {
  const hash = createHash('sha256').update(JSON.stringify({ format: INDEX_FORMAT, chunker, embedderId, settings }));
  for (const article of [...articles].sort((x, y) => x.meta.id.localeCompare(y.meta.id))) hash.update(hashArticle(article));
  return hash.digest('hex');
}
