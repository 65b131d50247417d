import { foldText } from '../../text/fold-text.js';
import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';

/** A content word of a claim or source: its folded form, stem, token position, clause, and whether it is written as a name. */
export interface Term { word: string; stem: string; at: number; clause: number; name: boolean }

/** A text as the judge reads it: every folded token, the content terms among them, and the tokens punctuation precedes. */
export interface JudgedText { text: string; tokens: string[]; terms: Term[]; punctuated: Set<number> }

// Adverbs that intensify or connect but state nothing the source must also state ("simply", "indeed").
const EMPTY_ADVERBS = new Set(['simply', 'really', 'actually', 'indeed', 'even', 'still', 'already', 'quite', 'merely', 'essentially', 'basically', 'thus', 'therefore', 'moreover', 'furthermore', 'additionally', 'meanwhile', 'however', 'also']);
/** Words that open a new clause: a parallel clause ("while", "whereas") or a coordinated one after a comma. */
export const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but', 'yet', 'although', 'though', 'whilst']);
const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’.-]*/gu;

/** Folded words written with a capital: names ("Russia", "Xi"), sentence-initial words aside when lower-case elsewhere. */
function namesOf(text: string): Set<string> {
  return new Set([...text.matchAll(NAME)].map((m) => foldText(m[0]).replace(/(?:'s)?[.']*$/, '')));
}

/**
 * Tokens and content terms of a text. Clauses are counted at a sentence's end, at ";", at "while"/"whereas"/"but", at a comma
 * followed by "and" or "with", and at "and" before a name that acts ("… and China boasts"), so parallel
 * clauses ("A sells X, while B buys Y") can be compared one by one.
 */
export function readText(text: string): JudgedText {
  const folded = foldText(text);
  const names = namesOf(text);
  const tokens = tokenizeWords(text);
  const breaks = new Set<number>();
  const punctuated = new Set<number>();
  const isName = (i: number) => names.has(tokens[i] ?? '') && !STOPWORDS.has(tokens[i]!);
  const acts = (i: number) => isName(i) && !!tokens[i + 1] && !isName(i + 1) && !/^(and|or|of|nor)$/.test(tokens[i + 1]!);
  let index = 0;
  // Token positions that begin a clause, found from the punctuation before each token.
  let last = 0;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu)) {
    const gap = folded.slice(last, match.index);
    last = match.index + match[0].length;
    const word = tokens[index];
    if (index > 0 && /[^\s'"-]/.test(gap)) punctuated.add(index);
    const comma = /,\s*$/.test(gap);
    if (/[;.!?]["”’')\]]*\s*$/.test(gap) || (word && CLAUSE_OPENERS.has(word)) || (comma && (word === 'and' || word === 'with'))) breaks.add(index);
    else if (word === 'and' && !isName(index - 1) && acts(index + 1)) breaks.add(index);
    index += 1;
  }
  const terms: Term[] = [];
  let clause = 0;
  tokens.forEach((word, at) => {
    if (breaks.has(at) && at > 0) clause += 1;
    if (STOPWORDS.has(word) || EMPTY_ADVERBS.has(word) || CLAUSE_OPENERS.has(word) || /^\d/.test(word)) return;
    terms.push({ word, stem: stemWord(word), at, clause, name: names.has(word) });
  });
  return { text, tokens, terms, punctuated };
}
