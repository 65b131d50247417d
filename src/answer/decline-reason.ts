import type { QuestionAnalysis } from './ranking/question-analysis.js';
import type { RankedSentence } from './ranking/rank-sentences.js';

const capitalise = (word: string) => word.replace(/^\p{L}/u, (c) => c.toUpperCase());

/**
 * Why the articles do not answer, in their terms: which of the question's names they do mention (in the
 * retrieved sentences) and what none of them states. "They mention Brazil, but none of them speaks to
 * “population”." A question on nothing they mention gets only the second half.
 */
export function declineReason(analysis: QuestionAnalysis, ranked: RankedSentence[]): string {
  const asked = analysis.focus.map((t) => t.word).slice(0, 3);
  const what = asked.length ? `“${asked.join(' ')}”` : 'what is asked';
  const mentioned = analysis.terms.filter((t) => t.name && ranked.some((s) => s.words.some((w) => w.stem === t.stem))).map((t) => capitalise(t.word));
  return mentioned.length ? `They mention ${mentioned.join(' and ')}, but none of them speaks to ${what}.` : `None of them speaks to ${what}.`;
}
