import type { ArticleMeta } from '../corpus/article.js';
import type { Chunk } from './chunk.js';

/**
 * What is embedded and BM25-indexed for a chunk: its article's title, author and publisher and its
 * section heading, then its verbatim text. So "according to Jin Canrong" finds his passages even
 * where they do not repeat his name; the quoted text itself stays the body's.
 */
export function contextualText(chunk: Chunk, meta: ArticleMeta): string {
  const byline = [meta.author, meta.publisher].filter(Boolean).join(', ');
  return [meta.title, byline && `by ${byline}`, chunk.section, chunk.text].filter(Boolean).join('\n');
}
