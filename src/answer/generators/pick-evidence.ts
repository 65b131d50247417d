import { tokenizeWords } from '../../text/tokenize-words.js';
import { overlapRatio, type Evidence } from '../evidence.js';

/** How strongly a sentence should lead an answer: its own relevance, its passage's, and the passage's rank. */
export function evidenceStrength(item: Evidence): number {
  return 0.55 * item.score + 0.45 * item.hitScore - 0.02 * item.hitRank;
}

/**
 * Picks up to `max` sentences, strongest first, skipping near-duplicates (the same sentence in
 * two versions of an article) and taking at most `perDoc` from one article so several voices are heard.
 */
export function pickEvidence(evidence: Evidence[], max: number, perDoc = 2): Evidence[] {
  const ranked = [...evidence].sort((a, b) => evidenceStrength(b) - evidenceStrength(a));
  const picked: Evidence[] = [];
  const pickedWords: Array<Set<string>> = [];
  const perDocCount = new Map<string, number>();
  for (const item of ranked) {
    if (picked.length >= max) break;
    if ((perDocCount.get(item.docId) ?? 0) >= perDoc) continue;
    const words = new Set(tokenizeWords(item.text));
    if (pickedWords.some((p) => overlapRatio(p, words) >= 0.6)) continue;
    picked.push(item);
    pickedWords.push(words);
    perDocCount.set(item.docId, (perDocCount.get(item.docId) ?? 0) + 1);
  }
  return picked;
}

/** Joins picked sentences that follow each other in one article into one run, so it is cited once. */
export function mergeAdjacent(items: Evidence[], body: (docId: string) => string): Evidence[] {
  const merged: Evidence[] = [];
  const touching = (a: Evidence, b: Evidence) => a.docId === b.docId && (
    (b.start >= a.end && body(a.docId).slice(a.end, b.start).trim() === '') ||
    (a.start >= b.end && body(a.docId).slice(b.end, a.start).trim() === ''));
  for (const item of items) {
    const neighbour = merged.find((m) => touching(m, item));
    if (neighbour) {
      neighbour.start = Math.min(neighbour.start, item.start);
      neighbour.end = Math.max(neighbour.end, item.end);
      neighbour.text = body(item.docId).slice(neighbour.start, neighbour.end);
      neighbour.score = Math.max(neighbour.score, item.score);
    } else {
      merged.push({ ...item });
    }
  }
  return merged;
}
