import { citedSpan, type CitedSpan, type Evidence } from '../evidence.js';
import type { RankedSentence } from '../ranking/rank-sentences.js';
import { preparedCosine } from '../ranking/prepared-sentence.js';

/** One point of an answer: its lead sentence, and the sentences of other articles that make the same point. */
export interface Point { lead: RankedSentence; also: RankedSentence[]; span: CitedSpan }

/** Options for choosing points; defaults fit the offline answerer. */
export interface PointOptions { max: number; samePoint: number; relative: number; perDoc: number }

// A sentence that only reads with the one before it ("This means…", "Additionally, …", "It is…").
const LEANS_BACK = /^\s*["“]?(this|that|these|those|it|its|they|their|he|his|she|her|such|additionally|moreover|also|furthermore|besides|then|thus|therefore|instead|meanwhile|in addition|as a result|even so)\b/i;

/** Where to start quoting a sentence: at the sentence before it when it only reads with that one ("This means…"). */
export function quoteStart(item: Evidence): number {
  return LEANS_BACK.test(item.text) && item.previousStart !== undefined ? item.previousStart : item.start;
}

// Whether the sentence says what the point's lead or one of its corroborations says (no arrays built per test).
function samePoint(point: Point, sentence: RankedSentence, threshold: number): boolean {
  if (preparedCosine(point.lead.sentence, sentence.sentence) >= threshold) return true;
  for (const other of point.also) if (preparedCosine(other.sentence, sentence.sentence) >= threshold) return true;
  return false;
}

/**
 * Chooses distinct points from ranked sentences, strongest first: a sentence that says what a chosen point
 * says (stem-vector cosine at or above `samePoint`) joins that point instead of repeating it, and a sentence
 * from another article then counts as corroboration. Points weaker than `relative` times the best are left
 * out. A sentence that leans on the one before it is cited together with it.
 */
export function composePoints(ranked: RankedSentence[], options: PointOptions): Point[] {
  const points: Point[] = [];
  const perDoc = new Map<string, number>();
  const best = ranked[0]?.probability ?? 0;
  for (const sentence of ranked) {
    const same = points.find((p) => samePoint(p, sentence, options.samePoint));
    if (same) {
      if (sentence.item.docId !== same.lead.item.docId && !same.also.some((s) => s.item.docId === sentence.item.docId)) same.also.push(sentence);
      continue;
    }
    if (points.length >= options.max || sentence.probability < best * options.relative) continue;
    if ((perDoc.get(sentence.item.docId) ?? 0) >= options.perDoc) continue;
    const { item } = sentence;
    points.push({ lead: sentence, also: [], span: citedSpan(item, sentence.probability, quoteStart(item)) });
    perDoc.set(item.docId, (perDoc.get(item.docId) ?? 0) + 1);
  }
  return points;
}
