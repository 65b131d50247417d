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

type Docs = ReadonlyMap<string, { meta: ArticleMeta }>;
type NameIndex = Map<string, Array<{ docId: string; name: string[] }>>;

// Built once per set of articles and kept while it lives: a question then costs a look-up per word, not a pass over every article.
const nameIndexes = new WeakMap<Docs, NameIndex>();

function nameIndexOf(docs: Docs): NameIndex {
  let index = nameIndexes.get(docs);
  if (!index) {
    index = new Map();
    for (const [docId, { meta }] of docs) {
      for (const name of namesOf(meta)) index.set(name[0]!, [...index.get(name[0]!) ?? [], { docId, name }]);
    }
    nameIndexes.set(docs, index);
  }
  return index;
}

/**
 * The articles a question names by author or publisher ("What does Jin Canrong think…", "according to
 * Geopolitical Monitor…"): the reader wants that source's own words, not the corpus's.
 */
export function namedSources(question: string, docs: Docs): string[] {
  const index = nameIndexOf(docs);
  const words = tokenizeWords(question);
  const named = new Set<string>();
  words.forEach((word, i) => {
    for (const { docId, name } of index.get(word) ?? []) if (name.every((part, j) => words[i + j] === part)) named.add(docId);
  });
  return [...named];
}
