import { stemmer } from 'stemmer';
import { foldText } from './fold-text.js';
import { STOPWORDS } from './stopwords.js';

const WORD = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu;
// countWords' own instance: exec moves lastIndex, and matchAll elsewhere copies WORD's.
const COUNTED_WORD = new RegExp(WORD.source, 'gu');

/** Splits text into folded word tokens; "Russia’s" gives "russia", "U.S." gives "u.s". */
export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    let word = match[0];
    if (word.includes("'")) {
      if (word.endsWith("'s")) word = word.slice(0, -2);
      word = word.replace(/'/g, '');
    }
    words.push(word);
  }
  return words;
}

// Stemming is most of the cost of indexing a large corpus, and a corpus repeats its words: memoise it.
// A pure function's cache, bounded so a stream of unseen words cannot grow it without end.
const STEM_CACHE_MAX = 500_000;
const stems = new Map<string, string>();

/** Porter stem of a folded word (dots dropped: "u.s" stems as "us"), memoised. */
export function stemWord(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word.replace(/\./g, ''));
    if (stems.size < STEM_CACHE_MAX) stems.set(word, stemmed);
  }
  return stemmed;
}

/** How many words tokenizeWords would return, without building them (the chunker counts every sentence). */
export function countWords(text: string): number {
  const folded = foldText(text);
  let count = 0;
  COUNTED_WORD.lastIndex = 0;
  while (COUNTED_WORD.exec(folded)) count += 1;
  return count;
}

/** Content terms for lexical search: folded, stop words dropped, Porter-stemmed. */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenizeWords(text)) if (!STOPWORDS.has(word)) terms.push(stemWord(word));
  return terms;
}
