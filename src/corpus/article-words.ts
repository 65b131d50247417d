import { tokenizeWords } from '../text/tokenize-words.js';
import type { ArticleMeta } from './article.js';
import { classifyBlocks } from './classify-blocks.js';

/**
 * The folded words an article speaks with: those of its text and headings, its title, author and publisher.
 * Photo captions and site chrome are left out: "having tea" in a caption does not mean the article covers tea.
 */
export function articleWords(article: { meta: ArticleMeta; body: string }): Set<string> {
  const { meta, body } = article;
  const texts = classifyBlocks({ meta, body, file: '' })
    .filter((block) => block.kind === 'text' || block.kind === 'heading')
    .map((block) => body.slice(block.start, block.end));
  texts.push(meta.title, meta.author ?? '', meta.publisher ?? '');
  const words = new Set<string>();
  for (const text of texts) for (const word of tokenizeWords(text)) words.add(word.replace(/\./g, ''));
  return words;
}
