import { stemWord, tokenizeWords } from '../text/tokenize-words.js';
import type { QuestionAnalysis } from './ranking/question-analysis.js';
import type { RankedSentence } from './ranking/rank-sentences.js';

// A run of capitalised words is one name ("Shanghai Cooperation Organisation"); the question's first word is grammar.
const NAME_RUN = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;

/** A decline in words, and the sentence that comes closest (the best-ranked one naming what the question names), if any. */
export interface Decline { reason: string; closest?: RankedSentence }

/**
 * Why the articles do not answer, in their terms: which of the question's names they do mention (in the
 * retrieved sentences) and what none of them states. "They mention Brazil, but none of them speaks to
 * “population”." A question on nothing they mention gets only the second half.
 */
export function declineReason(question: string, analysis: QuestionAnalysis, ranked: RankedSentence[]): Decline {
  const asked = analysis.focus.map((t) => t.word).slice(0, 3);
  const what = asked.length ? `“${asked.join(' ')}”` : 'what is asked';
  const said = new Set(ranked.flatMap((s) => [...s.sentence.stems]));
  const mentioned = [...question.matchAll(NAME_RUN)]
    .filter((m) => m.index > 0)
    .map((m) => m[0].replace(/[’'.,;:!?]+$/, '').replace(/[’']s$/, ''))
    .filter((name) => tokenizeWords(name).some((word) => said.has(stemWord(word))));
  if (!mentioned.length) return { reason: `None of them speaks to ${what}.` };
  const names = new Set(analysis.terms.filter((t) => t.name).map((t) => t.stem));
  const closest = ranked.find((s) => [...names].some((stem) => s.sentence.stems.has(stem)));
  return { reason: `They mention ${mentioned.join(' and ')}, but none of them speaks to ${what}.`, ...(closest ? { closest } : {}) };
}
