import { foldText } from '../../text/fold-text.js';
import { lexicalTerms } from '../../text/tokenize-words.js';
import type { Citation } from '../answer-result.js';

const NUMBER = /\d[\d,.]*(?:\s?(?:%|percent|bn|billion|million|trillion))?/g;
const NEGATION = /\b(not|no|never|none|nor|cannot|without)\b|n't\b|\bun(likely|able)\b|\bimpossible\b/;

/** How well one claim is backed by a piece of source text, with the reason when it is not. */
export interface SupportScore { score: number; level: NonNullable<Citation['support']>; reason: string }

function numbersOf(text: string): string[] {
  return [...foldText(text).matchAll(NUMBER)].map((m) => m[0].replace(/[,.]$/, '').replace(/,/g, ''));
}

/**
 * An offline entailment proxy: the share of the claim's content terms found in the source, with
 * hard checks that catch a changed number and a flipped negation ("likely" vs "unlikely").
 * `idf` weighs rare terms more, when the caller has corpus statistics.
 */
export function scoreSupport(claim: string, source: string, idf: (term: string) => number = () => 1): SupportScore {
  const claimTerms = [...new Set(lexicalTerms(claim))];
  const sourceTerms = new Set(lexicalTerms(source));
  if (!claimTerms.length) return { score: 0, level: 'unsupported', reason: 'the claim has no content words' };
  let matched = 0;
  let total = 0;
  for (const term of claimTerms) {
    total += idf(term);
    if (sourceTerms.has(term)) matched += idf(term);
  }
  let score = matched / total;
  const missingNumbers = numbersOf(claim).filter((n) => !numbersOf(source).includes(n));
  if (missingNumbers.length) return { score: Math.min(score, 0.2), level: 'unsupported', reason: `number ${missingNumbers.join(', ')} is not in the source` };
  if (NEGATION.test(foldText(claim)) !== NEGATION.test(foldText(source))) {
    score *= 0.5;
    if (score < 0.5) return { score, level: 'unsupported', reason: 'negation differs between claim and source' };
  }
  const level = score >= 0.5 ? 'supported' : score >= 0.3 ? 'partial' : 'unsupported';
  return { score: Number(score.toFixed(4)), level, reason: level === 'supported' ? 'content terms match' : 'too few of the claim\'s terms are in the source' };
}
