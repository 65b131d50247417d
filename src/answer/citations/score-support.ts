import { stemmer } from 'stemmer';
import { foldText } from '../../text/fold-text.js';
import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';
import type { Citation } from '../answer-result.js';
import { negatedStems } from './negation-scope.js';
import { findOpposite } from './opposite-words.js';

const NUMBER = /\d[\d,.]*(?:\s?(?:%|percent|bn|billion|million|trillion))?/g;

/** How well one claim is backed by a piece of source text, with the reason when it is not. */
export interface SupportScore { score: number; level: NonNullable<Citation['support']>; reason: string }

/** Optional helpers: corpus IDF weights, and word-vector similarity for paraphrases ("depends" / "relies"). */
export interface SupportOptions {
  idf?: (stem: string) => number;
  similarity?: (a: string, b: string) => number;
  /** Share of the claim's weighted content that must be found (0–1). */
  threshold?: number;
}

/** Soft matches through word vectors count for less than exact ones, and only above this cosine. */
const SOFT_MIN = 0.62;
const SOFT_WEIGHT = 0.8;
/** Default coverage needed; chosen on the dev half of evals/support.jsonl (BENCHMARKS.md). */
export const SUPPORT_THRESHOLD = 0.65;

interface Term { word: string; stem: string; at: number; name: boolean }

// A people and its country are one actor for the swap check ("Russian engagement" / "Russia sees").
const DEMONYMS: Record<string, string> = { american: 'america', russian: 'russia', chinese: 'china', ukrainian: 'ukraine', european: 'europe', indian: 'india', iranian: 'iran', soviet: 'ussr', us: 'america', 'u.s': 'america' };

function termsOf(text: string): Term[] {
  const terms: Term[] = [];
  const names = new Set([...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’.-]*/gu)].map((m) => foldText(m[0]).replace(/(?:'s)?[.']*$/, '')));
  tokenizeWords(text).forEach((word, at) => {
    if (STOPWORDS.has(word) || /^\d/.test(word)) return;
    const name = names.has(word);
    terms.push({ word, stem: name && DEMONYMS[word] ? DEMONYMS[word]! : stemWord(word), at, name });
  });
  return terms;
}

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
  const folded = foldText(text).replace(NUMBER_WORD, (word) => (words ? NUMBER_WORDS[word]! : ''));
  return [...folded.matchAll(NUMBER)].map((m) => m[0].replace(/[,.]$/, '').replace(/,/g, ''));
}

/** Numbers of the claim that the source lacks; a claim's number word counts only when the source states a count (not just a year). */
function missingNumbers(claim: string, source: string): string[] {
  const inSource = numbersOf(source);
  const sourceCounts = inSource.some((n) => !YEAR.test(n));
  return numbersOf(claim, sourceCounts).filter((n) => !inSource.includes(n));
}

/** A word negated on one side but not on the other ("can be trusted" / "cannot be trusted"). */
function negationFlip(claim: string, source: string, claimTerms: Term[], sourceTerms: Term[]): string | undefined {
  const inClaim = negatedStems(claim);
  const inSource = negatedStems(source);
  const claimStems = new Set(claimTerms.map((t) => t.stem));
  const sourceStems = new Set(sourceTerms.map((t) => t.stem));
  for (const stem of inSource) if (claimStems.has(stem) && !inClaim.has(stem)) return `the source negates “${stem}”`;
  for (const stem of inClaim) if (sourceStems.has(stem) && !inSource.has(stem)) return `the claim negates “${stem}”`;
  return undefined;
}

interface NamePair { a: string; b: string; between: Set<string> }

const FILLER = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'with', 'between', 'to']);
const SYMMETRIC = /^(and|or|with|between|versus|vs|v)$/;

/** Ordered pairs of different names within a clause, with the words between them. */
function namePairs(text: string): NamePair[] {
  const names = new Set([...text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’.-]*/gu)].map((m) => foldText(m[0]).replace(/(?:'s)?[.']*$/, '')));
  const words = tokenizeWords(text);
  const canonical = (word: string) => DEMONYMS[word] ?? stemWord(word);
  const pairs: NamePair[] = [];
  words.forEach((word, i) => {
    if (!names.has(word) || STOPWORDS.has(word)) return;
    for (let j = i + 1; j < Math.min(words.length, i + 15); j += 1) {
      if (!names.has(words[j]!) || STOPWORDS.has(words[j]!)) continue;
      const between = words.slice(i + 1, j).filter((w) => !names.has(w));
      // "China and Russia" says nothing about who does what to whom.
      if (!between.length || between.every((w) => SYMMETRIC.test(w) || FILLER.has(w))) continue;
      const a = canonical(word);
      const b = canonical(words[j]!);
      if (a !== b) pairs.push({ a, b, between: new Set(between.filter((w) => !FILLER.has(w)).map((w) => stemmer(w))) });
    }
  });
  return pairs;
}

const overlaps = (x: Set<string>, y: Set<string>) => [...x].some((w) => y.has(w));

/**
 * "A depends on B" vs "B depends on A": two names joined by the same words, in the opposite order.
 * A claim that states both orders ("A buys from B and B buys from A") is symmetric and never flagged.
 */
function swappedActors(claim: string, source: string): string | undefined {
  const inClaim = namePairs(claim);
  const inSource = namePairs(source);
  for (const pair of inClaim) {
    const linked = (p: NamePair) => overlaps(p.between, pair.between);
    if (inClaim.some((p) => p.a === pair.b && p.b === pair.a && linked(p))) continue;
    const same = inSource.some((p) => p.a === pair.a && p.b === pair.b && linked(p));
    const reversed = inSource.some((p) => p.a === pair.b && p.b === pair.a && linked(p));
    if (reversed && !same) return `“${pair.a}” and “${pair.b}” trade places`;
  }
  return undefined;
}

/**
 * The offline entailment proxy: the (IDF- and similarity-weighted) share of the claim's content
 * words found in the source, with hard checks that reject a changed number, a flipped negation,
 * an antonym ("likely" vs "unlikely"), and swapped actors ("A depends on B" vs "B depends on A").
 */
export function scoreSupport(claim: string, source: string, options: SupportOptions = {}): SupportScore {
  const { idf = () => 1, similarity, threshold = SUPPORT_THRESHOLD } = options;
  const claimTerms = termsOf(claim);
  const sourceTerms = termsOf(source);
  const sourceStems = new Set(sourceTerms.map((t) => t.stem));
  const unique = [...new Map(claimTerms.map((t) => [t.stem, t])).values()];
  if (!unique.length && !numbersOf(claim).length) return { score: 0, level: 'unsupported', reason: 'the claim has no content words' };
  let matched = 0;
  let total = 0;
  for (const term of unique) {
    const weight = idf(term.stem);
    total += weight;
    if (sourceStems.has(term.stem)) { matched += weight; continue; }
    if (!similarity) continue;
    const best = Math.max(0, ...sourceTerms.map((s) => similarity(term.word, s.word)));
    if (best >= SOFT_MIN) matched += weight * SOFT_WEIGHT * best;
  }
  const score = total ? matched / total : 1;
  const reject = (reason: string): SupportScore => ({ score: Number(Math.min(score, 0.2).toFixed(4)), level: 'unsupported', reason });
  const missing = missingNumbers(claim, source);
  if (missing.length) return reject(`number ${missing.join(', ')} is not in the source`);
  const flipped = negationFlip(claim, source, claimTerms, sourceTerms);
  if (flipped) return reject(`negation differs: ${flipped}`);
  const antonym = findOpposite(claimTerms, sourceTerms);
  if (antonym) return reject(`opposite meaning: ${antonym}`);
  const swapped = swappedActors(claim, source);
  if (swapped) return reject(`swapped actors: ${swapped}`);
  const level = score >= threshold ? 'supported' : score >= threshold * 0.6 ? 'partial' : 'unsupported';
  return { score: Number(score.toFixed(4)), level, reason: level === 'supported' ? 'the claim\'s content words are in the source' : 'too few of the claim\'s content words are in the source' };
}
