import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What Mozilla Readability finds in an HTML page: the article text and whatever metadata the page states. */
export interface ExtractedHtml {
  title?: string;
  author?: string;
  publisher?: string;
  date?: string;
  text: string;
}

/** Extracts the readable article from an HTML page; paragraphs become blank-line separated plain text. */
export function extractHtmlArticle(html: string): ExtractedHtml {
  const { document } = parseHTML(html);
  // Readability drops block structure from textContent, so mark paragraph ends before reading text.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 0 }).parse();
  if (!article?.content) return { text: '' };
  const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
  const blocks = content.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre');
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (block.querySelector('p, li, blockquote')) continue;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  const text = paragraphs.length ? paragraphs.join('\n\n') : (article.textContent ?? '').trim();
  return {
    title: article.title?.trim() || undefined,
    author: article.byline?.trim() || undefined,
    publisher: article.siteName?.trim() || undefined,
    date: article.publishedTime?.trim() || undefined,
    text: text + '\n',
  };
}
