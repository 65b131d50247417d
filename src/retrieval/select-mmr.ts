/** A candidate for maximal-marginal-relevance selection. */
export interface MmrCandidate { item: number; relevance: number }

/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): picks k items, each maximising
 * λ·relevance − (1−λ)·max similarity to those already picked, so near-duplicate passages
 * (overlapping chunks, the same point in one article) give way to other evidence; ties go to the earlier item.
 * Evaluated lazily, as greedy selection under a score that only falls can be: a candidate's redundancy is
 * brought up to date only when its last known score could still win the round, so most rounds weigh a few
 * candidates, not all; the picks are exactly those of updating every candidate every round.
 */
export function selectMmr(candidates: MmrCandidate[], k: number, similarity: (a: number, b: number) => number, lambda = 0.7): MmrCandidate[] {
  let top = Number.EPSILON;
  for (const c of candidates) if (c.relevance > top) top = c.relevance;
  const n = candidates.length;
  const redundancy = new Float64Array(n);
  // How many of the picks each candidate's redundancy has been compared with; -1 once it is picked.
  const seen = new Int32Array(n);
  const checked = new Uint8Array(n);
  const picked: MmrCandidate[] = [];
  // The relevance term of each candidate's score, computed once (the same arithmetic as in the score itself).
  const relevance = new Float64Array(n);
  for (let i = 0; i < n; i += 1) relevance[i] = lambda * (candidates[i]!.relevance / top);
  const diversity = 1 - lambda;
  const score = (i: number) => relevance[i]! - diversity * redundancy[i]!;
  while (picked.length < Math.min(k, n)) {
    checked.fill(0);
    let best = -1;
    let bestScore = -Infinity;
    for (;;) {
      // The unchecked candidate with the highest score as last known (an upper bound: redundancy only grows).
      let next = -1;
      let bound = -Infinity;
      for (let i = 0; i < n; i += 1) {
        if (seen[i]! < 0 || checked[i]) continue;
        const s = score(i);
        if (s > bound) { bound = s; next = i; }
      }
      if (next < 0 || (best >= 0 && (bound < bestScore || (bound === bestScore && next > best)))) break;
      checked[next] = 1;
      for (let p = seen[next]!; p < picked.length; p += 1) redundancy[next] = Math.max(redundancy[next]!, similarity(candidates[next]!.item, picked[p]!.item));
      seen[next] = picked.length;
      const s = score(next);
      if (s > bestScore || (s === bestScore && next < best)) { bestScore = s; best = next; }
    }
    seen[best] = -1;
    picked.push({ item: candidates[best]!.item, relevance: candidates[best]!.relevance });
  }
  return picked;
}
