/** Where a passage sits: which article, which characters. */
export interface PassageSpan { docId: string; start: number; end: number }

/**
 * How alike two passages are for MMR: the cosine of their (unit) vectors, but at least 0.9 when
 * they overlap in one article (chunks share a sentence of overlap), so they count as near-duplicates.
 */
export function passageSimilarity(x: ArrayLike<number>, y: ArrayLike<number>, a: PassageSpan, b: PassageSpan): number {
  let dot = 0;
  for (let d = 0; d < x.length; d += 1) dot += x[d]! * y[d]!;
  const overlap = a.docId === b.docId && a.start < b.end && b.start < a.end;
  return Math.max(dot, overlap ? 0.9 : 0);
}
