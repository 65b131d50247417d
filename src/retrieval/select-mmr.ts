/** A candidate for maximal-marginal-relevance selection. */
export interface MmrCandidate { item: number; relevance: number }

/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): picks k items, each maximising
 * λ·relevance − (1−λ)·max similarity to those already picked, so near-duplicate passages
 * (overlapping chunks, the same point in one article) give way to other evidence.
 */
export function selectMmr(candidates: MmrCandidate[], k: number, similarity: (a: number, b: number) => number, lambda = 0.7): MmrCandidate[] {
  const top = Math.max(...candidates.map((c) => c.relevance), Number.EPSILON);
  const pool = candidates.map((c) => ({ ...c, norm: c.relevance / top }));
  const picked: typeof pool = [];
  while (picked.length < k && pool.length) {
    let best = 0;
    let bestScore = -Infinity;
    pool.forEach((candidate, i) => {
      const redundancy = picked.length ? Math.max(...picked.map((p) => similarity(candidate.item, p.item))) : 0;
      const score = lambda * candidate.norm - (1 - lambda) * redundancy;
      if (score > bestScore) { bestScore = score; best = i; }
    });
    picked.push(...pool.splice(best, 1));
  }
  return picked.map(({ item, relevance }) => ({ item, relevance }));
}
