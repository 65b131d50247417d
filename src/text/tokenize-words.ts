import { stemmer } from 'stemmer';
import { foldText } from './fold-text.js';
import { STOPWORDS } from './stopwords.js';

const WORD = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu;

/** Splits text into folded word tokens; "Russia’s" gives "russia", "U.S." gives "u.s". */
export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  for (const match of foldText(text).matchAll(WORD)) {
    let word = match[0];
    if (word.endsWith("'s")) word = word.slice(0, -2);
    word = word.replace(/'/g, '');
    if (word) words.push(word);
  }
  return words;
}

/** Content terms for lexical search: folded, stop words dropped, Porter-stemmed. */
export function lexicalTerms(text: string): string[] {
  return tokenizeWords(text)
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => stemmer(word.replace(/\./g, '')));
}
