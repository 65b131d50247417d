import { entityAliases } from '../../text/entity-aliases.js';
import type { Term } from './judge-terms.js';

/** Word knowledge the judge may use: corpus IDF of a stem, and word-vector cosine of two words. */
export interface JudgeKnowledge {
  idf?: (stem: string) => number;
  cosine?: (a: string, b: string) => number;
}

/** A claim term and the source term it is aligned to (none when nothing in the source says it). */
export interface Alignment { term: Term; to?: Term; match: number; weight: number }

/** Cosine at or above which two different words may be aligned ("abandon"/"ditch", "relies"/"depends"). */
export const ALIGN_MIN = 0.65;

/**
 * Aligns each content word of the claim to the source word that says it best, one-to-many as in
 * Yadav, Sharp and Surdeanu (2018): the same stem scores 1, a word-vector neighbour its cosine (when
 * at least ALIGN_MIN); a claim word with no such partner is unaligned. A name aligns only to itself or
 * to another name of the same state ("Moscow"/"Russia"): word vectors place Russia near China, but
 * they are different actors. Words weigh by corpus IDF.
 */
export function alignTerms(claim: Term[], source: Term[], knowledge: JudgeKnowledge = {}, alignMin = ALIGN_MIN): Alignment[] {
  const { idf = () => 1, cosine } = knowledge;
  const byStem = new Map<string, Term>();
  for (const term of source) if (!byStem.has(term.stem)) byStem.set(term.stem, term);
  const seen = new Set<string>();
  const alignments: Alignment[] = [];
  for (const term of claim) {
    if (seen.has(term.stem)) continue;
    seen.add(term.stem);
    const weight = idf(term.stem);
    const exact = byStem.get(term.stem) ?? source.find((other) => !other.name && sameRoot(term.stem, other.stem));
    if (exact) { alignments.push({ term, to: exact, match: 1, weight }); continue; }
    if (term.name) {
      const alias = entityAliases(term.stem).map((stem) => byStem.get(stem)).find((t) => t);
      alignments.push(alias ? { term, to: alias, match: 1, weight } : { term, match: 0, weight });
      continue;
    }
    let best: Term | undefined;
    let bestCosine = 0;
    if (cosine) for (const other of source) {
      if (other.name) continue;
      const similarity = cosine(term.word, other.word);
      if (similarity > bestCosine) { bestCosine = similarity; best = other; }
    }
    alignments.push(bestCosine >= alignMin ? { term, to: best, match: bestCosine, weight } : { term, match: 0, weight });
  }
  return alignments;
}

// Negative prefixes that mean the same thing on the same root: "mistrusts" / "distrusts".
const NEGATIVE_PREFIX = /^(?:dis|mis|un|in|im|non)/;

/**
 * Two stems of one word family that Porter leaves apart: one extends the other ("strong" / "strongli",
 * "complementar" / "complementari"), or both carry a negative prefix on the same root.
 */
export function sameRoot(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3) return true;
  const [ra, rb] = [a.replace(NEGATIVE_PREFIX, ''), b.replace(NEGATIVE_PREFIX, '')];
  return ra !== a && rb !== b && ra === rb && ra.length >= 4;
}

/** The weighted share of the claim's content that the source states (0–1). */
export function alignedShare(alignments: Alignment[]): number {
  let matched = 0;
  let total = 0;
  for (const { match, weight } of alignments) { matched += match * weight; total += weight; }
  return total ? matched / total : 1;
}
