import { CONTEXT_WEIGHT, PREFIX_MIN, type LexicalQuery } from './lexical-query.js';
import { lowerBound } from '../text/lower-bound.js';
import { lexicalTerms } from '../text/tokenize-words.js';
import { selectTop } from './select-top.js';

/** MiniSearch's BM25+ parameters (its defaults), so both stores rank alike. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
// MiniSearch weighs a prefix match at 0.375, less the longer the rest of the word.
const PREFIX_WEIGHT = 0.375;

/** What BM25 needs of the whole index: passage count, average passage length in distinct terms, document frequencies and a sorted term list for prefixes. */
export interface Bm25Stats { count: number; averageLength: number; documentFrequency: Map<string, number>; sortedTerms: string[] }

/** A candidate passage: its id, its length in distinct terms, and how often each query term occurs in it. */
export interface Bm25Candidate { id: string; length: number; termFrequency: Record<string, number> }

/** Terms of the index that begin with `prefix` (binary search over the sorted term list). */
export function termsWithPrefix(sortedTerms: string[], prefix: string): string[] {
  const found: string[] = [];
  for (let i = lowerBound(sortedTerms, prefix); i < sortedTerms.length && sortedTerms[i]!.startsWith(prefix); i += 1) found.push(sortedTerms[i]!);
  return found;
}

/** One term of the query with the index terms it matches and each one's weight. */
export interface QueryTerm { source: string; boost: number; derived: Array<{ term: string; weight: number }> }

/** The query's terms as MiniSearch reads them: each stem (repeats kept), its boost, and its prefix expansions. */
export function bm25QueryTerms(query: LexicalQuery, stats: Bm25Stats): QueryTerm[] {
  return lexicalTerms(query.text).map((source) => {
    const derived = [{ term: source, weight: 1 }];
    if (source.length >= PREFIX_MIN) {
      for (const term of termsWithPrefix(stats.sortedTerms, source)) {
        const distance = term.length - source.length;
        if (distance) derived.push({ term, weight: PREFIX_WEIGHT * term.length / (term.length + 0.3 * distance) });
      }
    }
    return { source, boost: query.ownTerms.has(source) ? 1 : CONTEXT_WEIGHT, derived };
  });
}

/**
 * Scores candidates exactly as MiniSearch's BM25+ does (OR of the query terms, prefix matches weighted down,
 * the sum multiplied by the number of distinct query terms matched), best first. The Postgres store ranks with
 * it, so both stores give the same lexical ranking from the same term statistics.
 */
export function scoreBm25(terms: QueryTerm[], candidates: Bm25Candidate[], stats: Bm25Stats): Array<{ id: string; score: number }> {
  const results: Array<{ id: string; score: number }> = [];
  for (const candidate of candidates) {
    let score = 0;
    const matched = new Set<string>();
    const norm = K1 * (1 - B + B * candidate.length / stats.averageLength);
    for (const { source, boost, derived } of terms) {
      for (const { term, weight } of derived) {
        const tf = candidate.termFrequency[term];
        if (!tf) continue;
        const df = stats.documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
        score += weight * boost * idf * (DELTA + tf * (K1 + 1) / (tf + norm));
        matched.add(source);
      }
    }
    if (matched.size) results.push({ id: candidate.id, score: score * matched.size });
  }
  return results.sort((a, b) => b.score - a.score);
}

/** The chunks that hold a term, by position, and how often each holds it. */
export interface Postings { docs: Int32Array; counts: Uint16Array }

/** Arrays the size of an index, reused by every query on it (scoring is synchronous, so never by two at once). */
interface Scratch { scores: Float64Array; matched: Uint16Array; lastSource: Int32Array; touched: Int32Array; norms: Float64Array; averageLength: number }
const scratches = new WeakMap<Uint16Array, Scratch>();

function scratchFor(lengths: Uint16Array, averageLength: number): Scratch {
  let scratch = scratches.get(lengths);
  if (!scratch || scratch.averageLength !== averageLength) {
    const n = lengths.length;
    // BM25's length normalisation of each passage, computed once per index rather than once per posting.
    const norms = Float64Array.from(lengths, (length) => K1 * (1 - B + B * length / averageLength));
    scratch = { scores: new Float64Array(n), matched: new Uint16Array(n), lastSource: new Int32Array(n).fill(-1), touched: new Int32Array(n), norms, averageLength };
    scratches.set(lengths, scratch);
  }
  return scratch;
}

/**
 * The same BM25+ as scoreBm25, summed posting by posting into arrays the size of the index instead of per
 * candidate object: what a large local index needs when a common term is in tens of thousands of passages.
 * Returns the `limit` best, best first (ties in the order passages were first matched).
 */
export function scoreBm25Postings(terms: QueryTerm[], postingsOf: (term: string) => Postings, lengths: Uint16Array, stats: Bm25Stats, limit: number): Array<{ id: number; score: number }> {
  // Sized by positions (lengths has one per position), not by the live count BM25's IDF uses.
  const { scores, matched, lastSource, touched, norms } = scratchFor(lengths, stats.averageLength);
  let touchedCount = 0;
  try {
    // Grouped by source term, so a passage's distinct matched terms (the quality factor) are counted once each.
    const sources = [...new Set(terms.map((t) => t.source))];
    const grouped = [...terms].sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source));
    for (const { source, boost, derived } of grouped) {
      const sourceId = sources.indexOf(source);
      for (const { term, weight } of derived) {
        const df = stats.documentFrequency.get(term) ?? 0;
        if (!df) continue;
        const idf = Math.log(1 + (stats.count - df + 0.5) / (df + 0.5));
        const factor = weight * boost * idf;
        const { docs, counts } = postingsOf(term);
        for (let i = 0; i < docs.length; i += 1) {
          const doc = docs[i]!;
          const tf = counts[i]!;
          const seen = lastSource[doc]!;
          if (seen !== sourceId) {
            if (seen === -1) touched[touchedCount++] = doc;
            lastSource[doc] = sourceId;
            matched[doc] = matched[doc]! + 1;
          }
          scores[doc] = scores[doc]! + factor * (DELTA + tf * (K1 + 1) / (tf + norms[doc]!));
        }
      }
    }
    return selectTop(touchedCount, (i) => scores[touched[i]!]! * matched[touched[i]!]!, limit)
      .map((i) => ({ id: touched[i]!, score: scores[touched[i]!]! * matched[touched[i]!]! }));
  } finally {
    // Only what this query touched is cleared, so the next query starts from zeros without a pass over the index.
    for (let i = 0; i < touchedCount; i += 1) {
      const doc = touched[i]!;
      scores[doc] = 0;
      matched[doc] = 0;
      lastSource[doc] = -1;
    }
  }
}
