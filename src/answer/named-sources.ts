import type { ArticleMeta } from '../corpus/article.js';
import { tokenizeWords } from '../text/tokenize-words.js';

/** Names a reader may use for an article: its author (whole or surname), its publisher. */
function namesOf(meta: ArticleMeta): string[][] {
  const names: string[][] = [];
  if (meta.author) {
    const parts = tokenizeWords(meta.author);
    names.push(parts);
    // A surname alone ("Paulsen") names the author; a short one ("Kong") could be any word, so it must come whole with the first name.
    const surname = parts.at(-1);
    if (parts.length > 1 && surname && surname.length >= 5) names.push([surname]);
  }
  if (meta.publisher) names.push(tokenizeWords(meta.publisher.replace(/\.(com|org|net)$/i, '')));
  return names.filter((name) => name.length > 0);
}

const containsRun = (words: string[], run: string[]) =>
  words.some((_, i) => run.every((part, j) => words[i + j] === part));

/**
 * The articles a question names by author or publisher ("What does Jin Canrong think…", "according to
 * Geopolitical Monitor…"): the reader wants that source's own words, not the corpus's.
 */
export function namedSources(question: string, docs: Iterable<[string, { meta: ArticleMeta }]>): string[] {
  const words = tokenizeWords(question);
  const named: string[] = [];
  for (const [docId, { meta }] of docs) if (namesOf(meta).some((name) => containsRun(words, name))) named.push(docId);
  return named;
}
