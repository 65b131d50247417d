/** A candidate for maximal-marginal-relevance selection. */
export interface MmrCandidate { item: number; relevance: number }

/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): picks k items, each maximising
 * λ·relevance − (1−λ)·max similarity to those already picked, so near-duplicate passages
 * (overlapping chunks, the same point in one article) give way to other evidence.
 * Each candidate's redundancy is updated against the newest pick only: O(n·k) similarities.
 */
export function selectMmr(candidates: MmrCandidate[], k: number, similarity: (a: number, b: number) => number, lambda = 0.7): MmrCandidate[] {
  let top = Number.EPSILON;
  for (const c of candidates) if (c.relevance > top) top = c.relevance;
  const pool = candidates.slice();
  const redundancy = new Float64Array(pool.length);
  const taken = new Uint8Array(pool.length);
  const picked: MmrCandidate[] = [];
  while (picked.length < Math.min(k, pool.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i += 1) {
      if (taken[i]) continue;
      const score = lambda * (pool[i]!.relevance / top) - (1 - lambda) * redundancy[i]!;
      if (score > bestScore) { bestScore = score; best = i; }
    }
    taken[best] = 1;
    const chosen = pool[best]!;
    picked.push({ item: chosen.item, relevance: chosen.relevance });
    for (let i = 0; i < pool.length; i += 1) {
      if (!taken[i]) redundancy[i] = Math.max(redundancy[i]!, similarity(pool[i]!.item, chosen.item));
    }
  }
  return picked;
}
