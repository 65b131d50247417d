import MiniSearch from 'minisearch';
import { lexicalTerms } from '../text/tokenize-words.js';

/** BM25 (MiniSearch's BM25+) over chunk search texts, keyed by chunk position. */
export type LexicalIndex = MiniSearch<{ id: number; text: string }>;

// Folding, stop words and stemming happen in lexicalTerms, so MiniSearch must not touch terms again.
const options = {
  fields: ['text'],
  tokenize: (text: string) => lexicalTerms(text),
  processTerm: (term: string) => term,
  searchOptions: { combineWith: 'OR' as const, prefix: false, fuzzy: false },
};

/** Builds the lexical index over the given search texts (position i is chunk i). */
export function buildLexicalIndex(texts: string[]): LexicalIndex {
  const index = new MiniSearch<{ id: number; text: string }>(options);
  index.addAll(texts.map((text, id) => ({ id, text })));
  return index;
}

/** Restores a lexical index saved with JSON.stringify. */
export function loadLexicalIndex(json: string): LexicalIndex {
  return MiniSearch.loadJSON<{ id: number; text: string }>(json, options);
}
