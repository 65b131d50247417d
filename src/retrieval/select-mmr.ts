/** A candidate for maximal-marginal-relevance selection. */
export interface MmrCandidate { item: number; relevance: number }

/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): picks k items, each maximising
 * λ·relevance − (1−λ)·max similarity to those already picked, so near-duplicate passages
 * (overlapping chunks, the same point in one article) give way to other evidence.
 * Each candidate's redundancy is updated against the newest pick only: O(n·k) similarities.
 */
export function selectMmr(candidates: MmrCandidate[], k: number, similarity: (a: number, b: number) => number, lambda = 0.7): MmrCandidate[] {
  const top = Math.max(...candidates.map((c) => c.relevance), Number.EPSILON);
  const pool = candidates.map((c) => ({ ...c, norm: c.relevance / top, redundancy: 0 }));
  const picked: MmrCandidate[] = [];
  while (picked.length < k && pool.length) {
    let best = 0;
    let bestScore = -Infinity;
    pool.forEach((candidate, i) => {
      const score = lambda * candidate.norm - (1 - lambda) * candidate.redundancy;
      if (score > bestScore) { bestScore = score; best = i; }
    });
    const [chosen] = pool.splice(best, 1);
    picked.push({ item: chosen!.item, relevance: chosen!.relevance });
    for (const candidate of pool) candidate.redundancy = Math.max(candidate.redundancy, similarity(candidate.item, chosen!.item));
  }
  return picked;
}
