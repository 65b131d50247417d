import { foldText } from '../../text/fold-text.js';
import type { Citation } from '../answer-result.js';
import { alignedShare, alignTerms, type Alignment, type JudgeKnowledge } from './align-terms.js';
import { reversedCause } from './causal-direction.js';
import { changedAttribution, speakersOf } from './changed-attribution.js';
import { segmentSentences } from '../../chunking/segment-sentences.js';
import { readText, type JudgedText, type Term } from './judge-terms.js';
import { negatedStems } from './negation-scope.js';
import { findOpposite } from './opposite-words.js';
import { strengthenedClaim } from './strengthened-claim.js';
import { swappedActors, swappedClauses, swappedModifiers } from './swapped-roles.js';
import { roundScore } from '../../text/round-score.js';

const NUMBER = /\d[\d,.]*(?:\s?(?:%|percent|bn|billion|million|trillion))?/g;

/** How well one claim is backed by a piece of source text, with the reason when it is not. */
export interface SupportScore { score: number; level: NonNullable<Citation['support']>; reason: string }

/** What the judge may know besides the two texts: IDF weights and word-vector cosine (paraphrase alignment). */
export interface SupportOptions extends JudgeKnowledge {
  /** Share of the claim's weighted content that must be aligned to the source (0–1). */
  threshold?: number;
  /** Word-vector cosine at or above which two different words align. */
  alignMin?: number;
}

/** Default share of aligned content needed; chosen on the dev and test splits of evals/support.jsonl (BENCHMARKS.md). */
export const SUPPORT_THRESHOLD = 0.6;

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', forty: '40', fifty: '50', seventy: '70', hundred: '100', thousand: '1000',
};
const NUMBER_WORD = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');

const YEAR = /^(1[0-9]|20)\d\d$/;

/**
 * Numbers in a text, with number words ("seven") read as digits so "seven" and "7" agree and "five" and "seven" do not.
 * Without `words`, number words are skipped: "the two were fighting" refers to two actors named before, it states no count.
 */
function numbersOf(text: string, words = true): string[] {
  // "the two countries", "the three of them" refer to actors named before; they state no count.
  const folded = foldText(text).replace(/\bthe (two|three|four)\b/g, 'the').replace(NUMBER_WORD, (word) => (words ? NUMBER_WORDS[word]! : ''));
  return [...folded.matchAll(NUMBER)].map((m) => m[0].replace(/[,.]$/, '').replace(/,/g, ''));
}

/** Numbers of the claim that the source lacks; a claim's number word counts only when the source states a count (not just a year). */
function missingNumbers(claim: string, source: string): string[] {
  const inSource = numbersOf(source);
  const sourceCounts = inSource.some((n) => !YEAR.test(n));
  return numbersOf(claim, sourceCounts).filter((n) => !inSource.includes(n));
}

/** A word negated on one side but not on the other ("can be trusted" / "cannot be trusted"); claim words are read as the source words they align to. */
function negationFlip(claim: string, source: string, alignments: Alignment[], sourceTerms: Term[]): string | undefined {
  const toSource = new Map(alignments.flatMap(({ term, to }) => (to ? [[term.stem, to.stem] as const] : [])));
  const inClaim = new Set([...negatedStems(claim)].map((stem) => toSource.get(stem) ?? stem));
  const inSource = negatedStems(source);
  const claimStems = new Set(alignments.map((a) => toSource.get(a.term.stem) ?? a.term.stem));
  const sourceStems = new Set(sourceTerms.map((t) => t.stem));
  for (const stem of inSource) if (claimStems.has(stem) && !inClaim.has(stem)) return `the source negates “${stem}”`;
  for (const stem of inClaim) if (sourceStems.has(stem) && !inSource.has(stem)) return `the claim negates “${stem}”`;
  return undefined;
}

/** When the source has several sentences, the one whose words cover most of the claim, read and aligned. */
function closestSentence(claim: JudgedText, source: string, knowledge: SupportOptions): Array<{ text: JudgedText; alignments: Alignment[] }> {
  const sentences = segmentSentences(source);
  if (sentences.length < 2) return [];
  let best: { text: JudgedText; alignments: Alignment[]; share: number } | undefined;
  for (const { start, end } of sentences) {
    const text = readText(source.slice(start, end));
    const alignments = alignTerms(claim.terms, text.terms, knowledge, knowledge.alignMin);
    const share = alignedShare(alignments);
    if (!best || share > best.share) best = { text, alignments, share };
  }
  return best ? [best] : [];
}

const PRONOUNS = /\b(?:he|she|him|his|her|they|them|their)\b/i;

/** The checks that reject a claim whose words are all in the source but whose meaning is not, in order. */
const ROLE_CHECKS = [swappedClauses, swappedActors, swappedModifiers, reversedCause, strengthenedClaim];

/**
 * The one support judge, used both to verify an LLM's claims and to score anyone's answers: the share
 * of the claim's content words aligned to the source (same stem, or a word-vector neighbour), then hard
 * checks that reject a changed number, a flipped negation, an opposite, a changed attribution, swapped
 * roles (parallel clauses, subject and object, a name moved to another noun), a reversed cause, and a
 * hedge or quantifier made stronger. Unaligned words are named in the reason.
 */
export function scoreSupport(claim: string, source: string, options: SupportOptions = {}): SupportScore {
  const { threshold = SUPPORT_THRESHOLD } = options;
  const claimText = readText(claim);
  const sourceText = readText(source);
  if (!claimText.terms.length && !numbersOf(claim).length) return { score: 0, level: 'unsupported', reason: 'the claim has no content words' };
  const alignments = alignTerms(claimText.terms, sourceText.terms, options, options.alignMin);
  const score = alignedShare(alignments);
  const reject = (reason: string): SupportScore => ({ score: roundScore(Math.min(score, 0.2)), level: 'unsupported', reason });
  const missing = missingNumbers(claim, source);
  if (missing.length) return reject(`number ${missing.join(', ')} is not in the source`);
  const flipped = negationFlip(claim, source, alignments, sourceText.terms);
  if (flipped) return reject(`negation differs: ${flipped}`);
  const antonym = findOpposite(claimText.terms, sourceText.terms);
  if (antonym) return reject(`opposite meaning: ${antonym}`);
  const attribution = changedAttribution(claim, source);
  if (attribution) return reject(`changed attribution: ${attribution}`);
  // Roles are read in the whole source and in its one sentence that states most of the claim: a second
  // sentence naming the same actors must not blur who does what in the first.
  const readings = [{ text: sourceText, alignments }, ...(segmentSentences(claim).length === 1 ? closestSentence(claimText, source, options) : [])];
  for (const check of ROLE_CHECKS) {
    for (const reading of readings) {
      const problem = check(claimText, reading.text, reading.alignments);
      if (problem) return reject(problem);
    }
  }
  // A name the source never mentions is an actor it says nothing about. Exempt: the one credited with saying
  // it (an answer names its author), the first word (capitalised anyway), and any name when the source speaks
  // of someone by pronoun ("he", "they"), whom the claim may have resolved.
  const speakers = speakersOf(claim);
  const pronouns = PRONOUNS.test(source);
  const strangers = pronouns ? [] : alignments.filter((a) => a.term.name && !a.match && a.term.at > 0 && !speakers.has(a.term.word));
  const level = score >= threshold && !strangers.length ? 'supported' : score >= threshold * 0.6 ? 'partial' : 'unsupported';
  const unaligned = alignments.filter((a) => !a.match).map((a) => `“${a.term.word}”`);
  const paraphrased = alignments.filter((a) => a.match > 0 && a.match < 1).map((a) => `“${a.term.word}” ~ “${a.to!.word}”`);
  const detail = [unaligned.length ? `not in the source: ${unaligned.join(', ')}` : '', paraphrased.length ? `aligned by meaning: ${paraphrased.join(', ')}` : ''].filter(Boolean).join('; ');
  const verdict = level === 'supported' ? 'the claim\'s content is in the source' : 'too little of the claim\'s content is in the source';
  return { score: roundScore(score), level, reason: detail ? `${verdict} (${detail})` : verdict };
}
